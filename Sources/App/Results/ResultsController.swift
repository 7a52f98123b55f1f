import Fluent
import Foundation
import UnionStarCore
import Vapor

/// A unit's results notice (评选结果公示) as staff run it: starting it, its public page and QR code,
/// the objections and the staff's answers, naming (命名) once it is over, and the certificate.
struct ResultsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .results(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .results(campaign: UUID(), unit: UUID()), use: start)
        routes.on(.POST, .answerResultsObjection(campaign: UUID(), unit: UUID(), objection: UUID()), use: answer)
        routes.on(.POST, .nameUnit(campaign: UUID(), unit: UUID()), use: name)
    }

    struct StartForm: Content {
        var start: String?
        var version: Int?
    }

    struct NameForm: Content {
        var version: Int?
    }

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        return try await req.view.render("notice", try await page(req, context))
    }

    func page(_ req: Request, _ context: ApplicationContext, start form: StartForm? = nil, errors: FieldErrors = FieldErrors(),
              answering: (id: UUID, value: String)? = nil) async throws -> NoticeManagePage {
        let t = Translator(req.language)
        let language = req.language
        let facts = try await ResultsStore.facts(context, on: req.db)
        let application = context.application
        let mayManage = context.user.can(.manageReview, on: context.unit.accessTarget)
        var rows: [ApplicationPage.Fact] = [
            .init(label: t(Strings.Results.decidedTier), text: facts.decided.map { t($0.label) } ?? t(Strings.Decision.none)),
            .init(label: t(Strings.Results.inspected), text: application?.inspectedTotal ?? "—"),
            .init(label: t(Strings.ApplicationPages.state), text: t(context.state.label)),
        ]
        if let reason = application?.decisionReason { rows.append(.init(label: t(Strings.Decision.reason), text: reason)) }
        var refusal: String?
        var startContext: NoticeManagePage.StartForm?
        var publicLinks: NoticeManagePage.PublicLinks?
        let notice = ResultsStore.notice(application, plan: context.plan)
        if let notice, let token = application?.resultsToken {
            rows.append(.init(label: t(Strings.Notice.period), text: t(Strings.Notice.periodText(notice, workingDays: notice.workingDays))))
            if context.state == .onResultsNotice {
                rows.append(.init(label: t(Strings.Notice.status), text: t(Strings.Notice.statusText(UnitNotice.status(notice, on: req.today), notice))))
            }
            publicLinks = NoticeSupport.publicLinks(token: token, req: req, t)
        } else if mayManage {
            switch try await ApplicationStore.check(.startResultsNotice, context, req: req) {
            case .success:
                startContext = .init(
                    action: SiteRoute.results(campaign: context.campaignID, unit: context.unitID).path, version: application?.version ?? 0,
                    fields: NoticeSupport.withErrors([
                        .init(name: "start", label: t(Strings.Results.start), kind: .text,
                              value: form?.start ?? UnitNotice.defaultStart(today: req.today).description,
                              hint: t(Strings.Results.startHint), required: true),
                    ], errors, t),
                    submit: t(Strings.Results.startOne))
            case .failure(.wrongState): break
            case .failure(let why): refusal = t(why.message)
            }
        }
        if let named = application?.namedOn.flatMap(CalendarDate.init(parsing:)) {
            rows.append(.init(label: t(Strings.Results.namedOn), text: NoticeSupport.day(named, language)))
            if let issuer = application?.namedIssuer { rows.append(.init(label: t(Strings.Results.namedBy), text: issuer)) }
            if let number = application?.certificateNumber { rows.append(.init(label: t(Strings.Results.certificateNumber), text: number)) }
        }
        // Naming: for the naming federation's staff, once the notice is over and answered.
        var naming: NoticeManagePage.Naming?
        if context.state == .onResultsNotice, context.user.can(.decideTier, on: context.unit.accessTarget) {
            switch try await ApplicationStore.check(.name, context, req: req, decidingFederation: facts.decidingFederation,
                                                    namingFederation: facts.namingFederation) {
            case .success:
                naming = .init(action: SiteRoute.nameUnit(campaign: context.campaignID, unit: context.unitID).path,
                               version: application?.version ?? 0,
                               submit: t(facts.decided == nil ? Strings.Results.notName : Strings.Results.name))
            case .failure(.decidedAbove): break
            case .failure(let why): refusal = t(why.message)
            }
        }
        var links: [ApplicationPage.Link] = []
        if context.state == .named {
            links.append(.init(name: t(Strings.Results.certificate), path: SiteRoute.certificate(campaign: context.campaignID, unit: context.unitID).path))
        }
        // The objections: staff read them whole and answer; others see how many and the answers.
        var objectionRows: [NoticeManagePage.Objection] = []
        var unanswered = 0
        if let applicationID = application?.id {
            let mayAnswer = mayManage ? try await ApplicationStore.check(.answerResultsObjection, context, req: req).isSuccess : false
            let objections = try await ObjectionModel.query(on: req.db).filter(\.$applicationID == applicationID)
                .filter(\.$notice == ObjectionModel.results).sort(\.$lodgedAt).all()
            for objection in objections {
                if objection.answer == nil { unanswered += 1 }
                let id = objection.id!
                let answeringThis = answering?.id == id ? answering : nil
                objectionRows.append(.init(
                    lodgedAt: NoticeSupport.moment(objection.lodgedAt, language),
                    from: mayManage ? objection.name ?? t(Strings.Notice.anonymous) : "—",
                    text: mayManage ? objection.text : "—", answer: objection.answer,
                    answered: objection.answeredAt.map { t(Strings.Notice.answered(at: NoticeSupport.moment($0, language), by: objection.answeredBy ?? "")) },
                    answerPath: objection.answer == nil && mayAnswer
                        ? SiteRoute.answerResultsObjection(campaign: context.campaignID, unit: context.unitID, objection: id).path : nil,
                    answerValue: answeringThis?.value ?? "", answerError: answeringThis == nil ? nil : errors["answer"].map { t($0) },
                    id: id.uuidString.lowercased()))
            }
        }
        let heading = t(Strings.Results.unitHeading(context.unit.name))
        var layout = Layout(request: req, title: heading)
        layout.notice = Self.done(req, t)
        return NoticeManagePage(
            layout: layout, heading: heading, intro: t(Strings.Results.campaignIntro(workingDays: ResultsStore.workingDays(context.plan))),
            back: .init(name: t(Strings.Notice.back) + " · " + context.unit.name,
                        path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            facts: rows, refusal: refusal, warnings: [], start: startContext, formError: nil, publicLinks: publicLinks,
            objectionsHeading: t(Strings.Notice.objectionsHeading), noObjections: t(Strings.Notice.noObjections),
            objections: objectionRows, blocking: unanswered > 0 ? t(Strings.Results.unanswered(unanswered)) : nil,
            labels: ["lodgedAt": t(Strings.Notice.lodgedAt), "from": t(Strings.Notice.lodgedBy), "answer": t(Strings.Notice.answer),
                     "submitAnswer": t(Strings.Notice.submitAnswer)],
            csrf: req.csrfToken, naming: naming, links: links)
    }

    static func done(_ req: Request, _ t: Translator) -> String? {
        let text: LocalizedText? = switch (try? req.query.get(String.self, at: "done")) ?? "" {
        case "started": Strings.Results.startedOne
        case "named": Strings.Results.namedOne
        case "answered": Strings.Results.answered
        default: nil
        }
        return text.map { t($0) }
    }

    func start(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .manageReview)
        let form = try req.content.decode(StartForm.self)
        do {
            try await Self.start(form, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("notice", try await page(req, context, start: form, errors: errors), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.results(campaign: context.campaignID, unit: context.unitID).path + "?done=started", redirectType: .normal)
    }

    /// Puts the unit's decision on the results notice (the page and the API): the start day
    /// checked, the notice's end checked against the recommendation date.
    static func start(_ form: StartForm, _ context: ApplicationContext, req: Request) async throws {
        if case .failure(let refusal) = try await ApplicationStore.check(.startResultsNotice, context, req: req) {
            throw ApplicationStore.error(refusal)
        }
        let start: CalendarDate
        switch UnitNotice.start(form.start ?? "", today: req.today) {
        case .success(let day): start = day
        case .failure(let errors): throw errors
        }
        switch try await ResultsStore.period(starting: start, plan: context.plan, req: req) {
        case .success(let period): try await ResultsStore.start(context, period: period, version: form.version, req: req)
        case .failure(let refusal): throw ApplicationStore.error(refusal)
        }
    }

    func answer(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .manageReview)
        let form = try req.content.decode(NoticeController.AnswerForm.self)
        do {
            try await Self.answer(form, context, req: req)
        } catch let errors as FieldErrors {
            let objectionID = try Self.objectionID(req)
            return try await req.render("notice", try await page(req, context, errors: errors, answering: (objectionID, form.answer ?? "")),
                                        status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.results(campaign: context.campaignID, unit: context.unitID).path + "?done=answered", redirectType: .normal)
    }

    /// The URL's `:objectionID` (whether it is an objection to this results notice, `ResultsStore.answer` checks).
    static func objectionID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("objectionID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound(AppError.nothingHere) }
        return id
    }

    /// Answers the URL's objection to the results notice, once (the page and the API).
    static func answer(_ form: NoticeController.AnswerForm, _ context: ApplicationContext, req: Request) async throws {
        let objectionID = try objectionID(req)
        switch ObjectionAnswer.validated(form.answer ?? "") {
        case .success(let text): try await ResultsStore.answer(context, objection: objectionID, text: text, req: req)
        case .failure(let errors): throw errors
        }
    }

    func name(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .decideTier)
        try await Self.name(try req.content.decode(NameForm.self), context, req: req)
        return req.redirect(to: SiteRoute.results(campaign: context.campaignID, unit: context.unitID).path + "?done=named", redirectType: .normal)
    }

    /// Names the unit with the tier decided, or records 不予命名 for a decision of none (the page
    /// and the API); the workflow holds it until the notice is over and every objection answered.
    static func name(_ form: NameForm, _ context: ApplicationContext, req: Request) async throws {
        try await ResultsStore.name(context, version: form.version, req: req)
    }
}
