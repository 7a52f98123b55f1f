import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The 申报登记表 of a unit's application: the cadre fills it in (the unit and the tier shown,
/// the chair and phone prefilled from the unit's profile, 主要工作 counted in characters, the unit's
/// own opinion box); everyone who may read the application prints it on one A4 page, downloads it
/// as a Word file, and reads every earlier round.
struct RegistrationFormController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .registrationForm(campaign: UUID(), unit: UUID()), use: show)
        // Room for a long paste, so it comes back with 主要工作's own error (and the text kept)
        // rather than the generic "request too large".
        routes.on(.POST, .registrationForm(campaign: UUID(), unit: UUID()), body: .collect(maxSize: Self.maxBody), use: save)
        routes.on(.GET, .registrationFormPrint(campaign: UUID(), unit: UUID()), use: printView)
        routes.on(.GET, .registrationFormDocx(campaign: UUID(), unit: UUID()), use: docx)
        routes.on(.GET, .applicationRound(campaign: UUID(), unit: UUID(), round: 1), use: round)
    }

    /// 10,000 Chinese characters sent percent-encoded are 90 kB.
    static let maxBody: ByteCount = "256kb"

    func show(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        return try await req.render("registration-form-edit", Self.page(req, context))
    }

    /// What the cadre sent, as typed.
    struct Input: Content {
        var chairName: String?
        var phone: String?
        var mainWork: String?
        var unitOpinion: String?
        var unitOpinionDate: String?
        var version: Int?
    }

    /// The cadre's entry read from `input`, or the problems with it, by the page's field names.
    /// Saving takes a draft: empty fields wait for the filing, but nothing too long or malformed
    /// is kept.
    static func entry(_ input: Input, _ context: ApplicationContext, labels: RegistrationForm.Labels, catalogue: SchemeCatalogue,
                      today: CalendarDate) -> (RegistrationFormStore.Entry, FieldErrors) {
        var errors = FieldErrors()
        let opinionText = RegistrationForm.lines(of: input.unitOpinion ?? "").joined(separator: "\n")
        let dateText = (input.unitOpinionDate ?? "").trimmingCharacters(in: .whitespaces)
        var opinion: RegistrationForm.Opinion?
        // No opinion typed: the box stays blank, whatever the (prefilled) date says.
        if !opinionText.isEmpty {
            if dateText.isEmpty {
                opinion = .init(text: opinionText, date: today, by: context.unit.name)
            } else if let date = CalendarDate(parsing: dateText) {
                if date > today { errors.add("unitOpinionDate", Strings.Filing.opinionDateInFuture) }
                opinion = .init(text: opinionText, date: date, by: context.unit.name)
            } else {
                errors.add("unitOpinionDate", Strings.Filing.opinionDateInvalid)
            }
        }
        let entry = RegistrationFormStore.Entry(chairName: input.chairName ?? "", phone: input.phone ?? "",
                                                mainWork: input.mainWork ?? "", unitOpinion: opinion)
        let form = entry.applied(to: RegistrationFormStore.current(context, catalogue: catalogue))
        let problems = form.problems(labels: labels)
        let typed: [(String, String)] = [("chairName", form.chairName), ("phone", form.phone), ("mainWork", form.mainWork)]
        for (field, value) in typed where !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            if let problem = problems[field] { errors.add(field, problem) }
        }
        if let problem = problems[RegistrationForm.OpinionBox.unitUnion.field] { errors.add("unitOpinion", problem) }
        return (entry, errors)
    }

    func save(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let input = try req.content.decode(Input.self)
        do {
            try await Self.save(input, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("registration-form-edit", Self.page(req, context, typed: input, errors: errors),
                                        status: .unprocessableEntity)
        } catch AppError.conflict(let message) where message == Strings.ApplicationPages.stale {
            // Nothing lost: the page comes back with what was typed, under the newer version.
            let fresh = try await ApplicationStore.context(req, for: .workOnApplication)
            return try await req.render("registration-form-edit",
                                        Self.page(req, fresh, typed: input, formError: Strings.ApplicationPages.stale, showLatest: true),
                                        status: .conflict)
        } catch AppError.conflict(let message) {
            return try await req.render("registration-form-edit", Self.page(req, context, typed: input, formError: message),
                                        status: .conflict)
        }
        return req.redirect(to: SiteRoute.registrationForm(campaign: context.campaignID, unit: context.unitID).path + "?done=form",
                            redirectType: .normal)
    }

    /// Saves the cadre's entry (the page and the API): bad fields are refused with their
    /// sentences, a stale version or a closed step with 409.
    static func save(_ input: Input, _ context: ApplicationContext, req: Request) async throws {
        guard let version = input.version else { throw AppError.invalid(field: "version", Strings.Errors.formHasNoVersion) }
        let (entry, errors) = entry(input, context, labels: RegistrationFormStore.labels(context), catalogue: req.catalogue, today: req.today)
        guard errors.isEmpty else { throw errors }
        do {
            try await RegistrationFormStore.save(entry, context, version: version, req: req)
        } catch RegistrationFormStore.SaveError.stale {
            throw AppError.conflict(Strings.ApplicationPages.stale)
        } catch RegistrationFormStore.SaveError.refused(let refusal) {
            throw AppError.conflict(refusal.message)
        }
    }

    func printView(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        let t = Translator(req.language)
        let form = RegistrationFormStore.current(context, catalogue: req.catalogue)
        return try await req.view.render("registration-form-print", RegistrationFormPrintPage(
            layout: Layout(request: req, title: t(Strings.Filing.pageTitle(unit: context.unit.name))),
            back: .init(name: t(Strings.Filing.formLink), path: SiteRoute.registrationForm(campaign: context.campaignID, unit: context.unitID).path),
            printLabel: t(Strings.Filing.printButton), heading: nil, facts: [],
            registrationForm: RegistrationFormPage(form, labels: RegistrationFormStore.labels(context), language: req.language)))
    }

    func docx(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        let form = RegistrationFormStore.current(context, catalogue: req.catalogue)
        let data = try RegistrationFormDocx.make(form, labels: RegistrationFormStore.labels(context), language: req.language)
        let name = Strings.Filing.docxFileName(unit: context.unit.name).text(in: req.language)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
        headers.replaceOrAdd(name: .contentDisposition, value: OfficePackage.contentDisposition(fileName: name, fallback: "registration-form.docx"))
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// One filing as it was: the form of that round in the print layout, who filed it and when,
    /// and whether and why it was returned.
    func round(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        guard let text = req.parameters.get("round"), let number = Int(text), number >= 1, let applicationID = context.application?.id,
              let row = try await ApplicationRoundModel.query(on: req.db)
                  .filter(\.$applicationID == applicationID).filter(\.$round == number).first(),
              let form = try? CampaignStore.decode(RegistrationForm.self, row.formJSON) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let t = Translator(req.language)
        let title = t(Strings.Filing.roundTitle(number, unit: context.unit.name))
        var facts: [RegistrationFormPrintPage.Fact] = [
            .init(label: t(Strings.Filing.filed), text: Self.when(row.filedAt, by: row.filedBy, t)),
            .init(label: t(Strings.Filing.tier), text: form.tier),
        ]
        if !row.selfTotal.isEmpty { facts.append(.init(label: t(Strings.Filing.selfScore), text: row.selfTotal)) }
        if let returnedAt = row.returnedAt {
            facts.append(.init(label: t(Strings.Filing.returned), text: Self.when(returnedAt, by: row.returnedBy ?? "", t)))
            facts.append(.init(label: t(Strings.Filing.returnReason), text: row.returnReason ?? ""))
        } else {
            facts.append(.init(label: t(Strings.Filing.roundState), text: t(Strings.Filing.roundUnderReview)))
        }
        return try await req.view.render("registration-form-print", RegistrationFormPrintPage(
            layout: Layout(request: req, title: title),
            back: .init(name: t(Strings.Filing.formLink), path: SiteRoute.registrationForm(campaign: context.campaignID, unit: context.unitID).path),
            printLabel: t(Strings.Filing.printButton), heading: title, facts: facts,
            registrationForm: RegistrationFormPage(form, labels: RegistrationFormStore.labels(context), language: req.language)))
    }

    /// 「2020年8月28日 10:00，测试cadre（cadre）」, in China's time.
    static func when(_ instant: Date, by who: String, _ t: Translator) -> String {
        let seconds = Int((instant.timeIntervalSince1970 + 8 * 3600).rounded(.down))
        let minute = ((seconds % 86_400) + 86_400) % 86_400 / 60
        let time = String(format: "%02d:%02d", minute / 60, minute % 60)
        return t(Strings.Filing.when(CalendarDate.china(instant), time: time, who: who))
    }

    // MARK: The page

    /// The form page for `context`: the cadre's form while it may be changed (with `typed` values
    /// and their `errors` when a request is sent back), otherwise the form as printed; the filing,
    /// the return, the rounds.
    static func page(_ req: Request, _ context: ApplicationContext, typed: Input? = nil, errors: FieldErrors = FieldErrors(),
                     formError: LocalizedText? = nil, problems: [LocalizedText] = [], returnReason: String? = nil,
                     returnError: LocalizedText? = nil, showLatest: Bool = false) async throws -> RegistrationFormEditPage {
        let t = Translator(req.language)
        let campaignID = context.campaignID, unitID = context.unitID
        let labels = RegistrationFormStore.labels(context)
        let form = RegistrationFormStore.current(context, catalogue: req.catalogue)
        let application = context.application
        let state = context.state
        let calendar = try await CalendarStore.calendar(builtIn: req.application.builtInCalendar, on: req.db)
        let extensions = try await ApplicationStore.extensions(campaignID: campaignID, unitID: unitID, on: req.db)
        let returnedOn = application?.returnedOn.flatMap(CalendarDate.init(parsing:))
        let lastDay = RegistrationFormStore.lastDay(state: state, returnedOn: returnedOn, dates: context.plan.dates,
                                                    calendar: calendar, extensions: extensions)
        let mayWork = context.user.can(.workOnApplication, on: context.unit.accessTarget)
        let editable = mayWork && ApplicationWorkflow.check(
            .saveForm, by: context.user.subject,
            on: ApplicationStore.snapshot(application, unit: context.unit, unansweredObjections: 0),
            campaign: context.plan, today: req.today, calendar: calendar, extensions: extensions).isSuccess
        func field(_ name: String, _ label: LocalizedText, _ value: String, hint: LocalizedText? = nil) -> RegistrationFormEditPage.Field {
            .init(name: name, label: t(label), value: value, error: errors[name].map { t($0) }, hint: hint.map { t($0) })
        }
        var edit: RegistrationFormEditPage.Edit?
        if editable {
            let opinion = form.opinions[.unitUnion]
            let mainWork = typed?.mainWork ?? form.mainWork
            let count = RegistrationForm(mainWork: mainWork).mainWorkCount
            edit = .init(
                action: SiteRoute.registrationForm(campaign: campaignID, unit: unitID).path,
                unitName: field("unitName", labels.unitName, form.unitName, hint: Strings.Filing.unitNameHint),
                tier: field("tier", labels.tier, form.tier.isEmpty ? t(Strings.Filing.tierNotDecided) : form.tier, hint: Strings.Filing.tierHint),
                chairName: field("chairName", labels.chairName, typed?.chairName ?? form.chairName, hint: Strings.Filing.profileHint),
                phone: field("phone", labels.phone, typed?.phone ?? form.phone, hint: Strings.Filing.profileHint),
                mainWork: field("mainWork", labels.mainWork, mainWork, hint: Strings.Filing.mainWorkHint),
                counter: t(Strings.Filing.counter(count)), counterLabel: t(Strings.Filing.counterLabel),
                limit: RegistrationForm.mainWorkLimit, overLimit: count > RegistrationForm.mainWorkLimit,
                opinion: field("unitOpinion", labels.unitUnion, typed?.unitOpinion ?? opinion?.text ?? ""),
                opinionDate: field("unitOpinionDate", Strings.Filing.opinionDate,
                                   typed?.unitOpinionDate ?? (opinion?.date ?? req.today).description),
                stamp: t(Strings.Filing.stampedBy(context.unit.name)) + t(labels.stamp),
                opinionHint: t(Strings.Filing.unitOpinionHint), higherBoxesNote: t(Strings.Filing.higherBoxesNote),
                save: t(Strings.Common.save))
        }
        // The filing, for the union.
        var filing: RegistrationFormEditPage.Filing?
        if mayWork {
            var ready = false
            var message: String?
            switch try await ApplicationStore.check(.file, context, req: req) {
            case .success:
                ready = true
                message = t(Strings.Filing.fileOpenUntil(lastDay))
            case .failure(.wrongState(let now)) where !RegistrationFormStore.unfiledStates.contains(now) && now != .returned:
                message = t(Strings.Filing.filedRound(application?.round ?? 1))
            case .failure(let refusal):
                message = t(refusal.message)
            }
            filing = .init(heading: t(Strings.Filing.fileHeading), path: SiteRoute.fileApplication(campaign: campaignID, unit: unitID).path,
                           button: t(Strings.Filing.fileButton), confirm: t(Strings.Filing.fileConfirm), ready: ready, message: message)
        }
        // The rounds, and the last return.
        let rows = try await RegistrationFormStore.rounds(application?.id, on: req.db)
        var returned: RegistrationFormEditPage.Returned?
        if state == .returned, let application {
            let who = rows.first { $0.round == application.round }?.returnedBy
            let day = returnedOn ?? req.today
            returned = .init(text: t(who.map { Strings.Filing.returnedBy(day, $0) } ?? Strings.Filing.returnedOn(day)),
                             reasonLabel: t(Strings.Filing.returnReason), reason: application.returnReason ?? "",
                             refileBy: t(Strings.Filing.refileBy(lastDay)))
        }
        var returnForm: RegistrationFormEditPage.ReturnForm?
        if context.user.can(.returnApplication, on: context.unit.accessTarget), case .success = try await ApplicationStore.check(.returnApplication, context, req: req) {
            returnForm = .init(heading: t(Strings.Filing.returnHeading), path: SiteRoute.returnApplication(campaign: campaignID, unit: unitID).path,
                               field: .init(name: "reason", label: t(Strings.Filing.returnReason), value: returnReason ?? "",
                                            error: returnError.map { t($0) }, hint: t(Strings.Filing.returnReasonHint)),
                               button: t(Strings.Filing.returnButton), confirm: t(Strings.Filing.returnConfirm))
        }
        let rounds = rows.map { row in
            RegistrationFormEditPage.Round(
                name: t(Strings.Filing.round(row.round)),
                path: SiteRoute.applicationRound(campaign: campaignID, unit: unitID, round: row.round).path,
                filedLabel: t(Strings.Filing.filed), filed: when(row.filedAt, by: row.filedBy, t),
                returnedLabel: t(Strings.Filing.returned), returned: row.returnedAt.map { when($0, by: row.returnedBy ?? "", t) },
                reasonLabel: t(Strings.Filing.returnReason), reason: row.returnReason)
        }
        let done: LocalizedText? = switch try? req.query.get(String.self, at: "done") {
        case "filed": Strings.Filing.filedNotice
        case "returned": Strings.Filing.returnedNotice
        default: nil
        }
        return RegistrationFormEditPage(
            layout: Layout(request: req, title: t(Strings.Filing.pageTitle(unit: context.unit.name))),
            heading: t(Strings.Filing.pageTitle(unit: context.unit.name)),
            breadcrumbs: [.init(name: context.campaign.title, path: SiteRoute.campaign(campaignID).path),
                          .init(name: context.unit.name, path: SiteRoute.application(campaign: campaignID, unit: unitID).path)],
            notice: done.map { t($0) }, formError: formError.map { t($0) },
            problemsHeading: t(Strings.Filing.problemsHeading), problems: problems.map { t($0) },
            edit: edit,
            registrationForm: edit == nil || showLatest ? RegistrationFormPage(form, labels: labels, language: req.language) : nil,
            readOnlyNote: edit == nil && mayWork ? t(Strings.Filing.readOnly) : nil,
            latestHeading: t(Strings.Filing.latestHeading),
            printLink: .init(name: t(Strings.Filing.printLink), path: SiteRoute.registrationFormPrint(campaign: campaignID, unit: unitID).path),
            docxLink: .init(name: t(Strings.Filing.docxLink), path: SiteRoute.registrationFormDocx(campaign: campaignID, unit: unitID).path),
            filing: filing, returned: returned, returnForm: returnForm,
            roundsHeading: t(Strings.Filing.roundsHeading), rounds: rounds,
            csrf: req.csrfToken, version: application?.version ?? 0)
    }
}
