import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The unit's notice to its workers, as the union runs it: the page (start form, public page and
/// QR code, objections), starting the notice, and answering an objection.
struct NoticeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .notice(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .notice(campaign: UUID(), unit: UUID()), use: start)
        routes.on(.POST, .answerObjection(campaign: UUID(), unit: UUID(), objection: UUID()), use: answer)
    }

    struct StartForm: Content {
        var start: String?
        var tier: String?
        var version: Int?
    }

    struct AnswerForm: Content {
        var answer: String?
    }

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        return try await req.view.render("notice", try await page(req, context))
    }

    /// The page; `start` and `errors` bring a refused start form back, `answering` an answer.
    func page(_ req: Request, _ context: ApplicationContext, start startForm: StartForm? = nil, errors: FieldErrors = FieldErrors(),
              answering: (id: UUID, value: String)? = nil) async throws -> NoticeManagePage {
        let t = Translator(req.language)
        let language = req.language
        let plan = context.plan
        let scheme = try await NoticePinnedScheme.scheme(context.pin, on: req.db)
        let (tiers, ladder) = try await ReReviewStore.openTiers(context, scheme: scheme, on: req.db)
        let application = context.application
        let mayWork = context.user.can(.workOnApplication, on: context.unit.accessTarget)
        var facts = NoticeSupport.selfFacts(application, tiers: scheme.tiers, t)
        if let tier = application?.tier.flatMap({ id in scheme.tiers.first { $0.id == id } }) {
            facts.insert(.init(label: t(Strings.Notice.noticeTier), text: NoticePinnedScheme.tierName(tier, language)), at: 0)
        }
        var refusal: String?
        var startContext: NoticeManagePage.StartForm?
        var publicLinks: NoticeManagePage.PublicLinks?
        let notice = NoticeSupport.notice(application, plan: plan)
        if let notice, let token = application?.noticeToken {
            facts.append(.init(label: t(Strings.Notice.period), text: t(Strings.Notice.periodText(notice, workingDays: plan.dates.noticeWorkingDays))))
            facts.append(.init(label: t(Strings.Notice.status), text: t(Strings.Notice.statusText(UnitNotice.status(notice, on: req.today), notice))))
            publicLinks = NoticeSupport.publicLinks(token: token, req: req, t)
        } else if mayWork {
            switch try await ApplicationStore.check(.startNotice, context, req: req) {
            case .success:
                var fields: [FormPage.Field] = [
                    .init(name: "start", label: t(Strings.Notice.start), kind: .text,
                          value: startForm?.start ?? UnitNotice.defaultStart(today: req.today).description,
                          hint: t(Strings.Notice.startHint), required: true),
                ]
                if !plan.asksCongressDecision {
                    // No congress step (Yizheng): the tier applied for is stated with the notice.
                    fields.append(.select("tier", t(Strings.Notice.noticeTier),
                                          options: tiers.map { ($0.id, NoticePinnedScheme.tierName($0, language)) },
                                          selected: startForm?.tier ?? application?.tier ?? application?.aimedTier ?? application?.selfTier ?? ""))
                }
                startContext = .init(action: SiteRoute.notice(campaign: context.campaignID, unit: context.unitID).path,
                                     version: application?.version ?? 0, fields: NoticeSupport.withErrors(fields, errors, t),
                                     submit: t(Strings.Notice.startNotice))
            case .failure(.wrongState(let state)) where state == .notStarted || state == .preApplied || state == .drafting:
                refusal = t(WorkflowRefusal.wrongState(state).message)
            case .failure(.wrongState): break
            case .failure(let why): refusal = t(why.message)
            }
        }
        // The tier against the self-score, where the tier is chosen here (Yizheng) or was decided.
        var warnings: [String] = []
        if let ladder, !plan.asksCongressDecision, startContext != nil { warnings.append(t(ladder)) }
        if let tier = application?.tier, !plan.asksCongressDecision {
            warnings = CongressDecision.warnings(selfTotal: application?.selfTotal.flatMap { Points(parsing: $0) },
                                                 selfTier: application?.selfTier, decidedTier: tier, tiers: scheme.tiers).map { t($0) }
        }
        // Objections, oldest first, with an answer form on each unanswered one for the union.
        var rows: [NoticeManagePage.Objection] = []
        var unanswered = 0
        if let applicationID = application?.id {
            let mayAnswer = mayWork ? try await ApplicationStore.check(.answerObjection, context, req: req).isSuccess : false
            let objections = try await ObjectionModel.query(on: req.db).filter(\.$applicationID == applicationID)
                .filter(\.$notice == nil).sort(\.$lodgedAt).all()
            for objection in objections {
                if objection.answer == nil { unanswered += 1 }
                let id = objection.id!
                let answering = answering?.id == id ? answering : nil
                rows.append(.init(
                    lodgedAt: NoticeSupport.moment(objection.lodgedAt, language),
                    from: objection.name ?? t(Strings.Notice.anonymous), text: objection.text, answer: objection.answer,
                    answered: objection.answeredAt.map { t(Strings.Notice.answered(at: NoticeSupport.moment($0, language), by: objection.answeredBy ?? "")) },
                    answerPath: objection.answer == nil && mayAnswer
                        ? SiteRoute.answerObjection(campaign: context.campaignID, unit: context.unitID, objection: id).path : nil,
                    answerValue: answering?.value ?? "", answerError: answering == nil ? nil : errors["answer"].map { t($0) },
                    id: id.uuidString.lowercased()))
            }
        }
        var layout = Layout(request: req, title: t(Strings.Notice.noticeHeading) + " · " + context.unit.name)
        layout.notice = NoticeSupport.done(req, t)
        let unplaced = errors.order.filter { !["start", "tier", "answer"].contains($0) }.compactMap { errors[$0] }.map { t($0) }
        return NoticeManagePage(
            layout: layout, heading: t(Strings.Notice.noticeHeading),
            intro: t(Strings.Notice.noticeIntro(workingDays: plan.dates.noticeWorkingDays)),
            back: .init(name: t(Strings.Notice.back) + " · " + context.unit.name,
                        path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            facts: facts, refusal: refusal, warnings: warnings, start: startContext,
            formError: unplaced.isEmpty ? nil : unplaced.joined(separator: " "), publicLinks: publicLinks,
            objectionsHeading: t(Strings.Notice.objectionsHeading), noObjections: t(Strings.Notice.noObjections),
            objections: rows, blocking: unanswered > 0 ? t(Strings.Notice.unanswered(unanswered)) : nil,
            labels: ["lodgedAt": t(Strings.Notice.lodgedAt), "from": t(Strings.Notice.lodgedBy), "answer": t(Strings.Notice.answer),
                     "submitAnswer": t(Strings.Notice.submitAnswer)],
            csrf: req.csrfToken)
    }

    func start(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let form = try req.content.decode(StartForm.self)
        do {
            try await Self.start(form, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("notice", try await page(req, context, start: form, errors: errors), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.notice(campaign: context.campaignID, unit: context.unitID).path + "?done=notice",
                            redirectType: .normal)
    }

    /// Starts the unit's notice (the page and the API): the start day (and, without a congress
    /// step, the tier) checked, the notice's end checked against the application deadline.
    static func start(_ form: StartForm, _ context: ApplicationContext, req: Request) async throws {
        if case .failure(let refusal) = try await ApplicationStore.check(.startNotice, context, req: req) {
            throw ApplicationStore.error(refusal)
        }
        let plan = context.plan
        var errors = FieldErrors()
        var start: CalendarDate?
        switch UnitNotice.start(form.start ?? UnitNotice.defaultStart(today: req.today).description, today: req.today) {
        case .success(let day): start = day
        case .failure(let problems): errors = problems
        }
        // No congress step (Yizheng): the tier applied for is chosen with the notice.
        var tier: String?
        if !plan.asksCongressDecision {
            let scheme = try await NoticePinnedScheme.scheme(context.pin, on: req.db)
            let (tiers, ladder) = try await ReReviewStore.openTiers(context, scheme: scheme, on: req.db)
            if let chosen = form.tier, tiers.contains(where: { $0.id == chosen }) {
                tier = chosen
            } else if let chosen = form.tier, let ladder, NoticePinnedScheme.tiers(scheme, plan: plan).contains(where: { $0.id == chosen }) {
                errors.add("tier", ladder)  // on offer, but above the next tier up (逐级表彰)
            } else {
                errors.add("tier", Strings.Notice.tierNotOnOffer)
            }
        }
        guard let start, errors.isEmpty else { throw errors }
        let calendar = try await CalendarStore.calendar(builtIn: req.application.builtInCalendar, on: req.db)
        let extensions = try await ApplicationStore.extensions(campaignID: context.campaignID, unitID: context.unitID, on: req.db)
        let notice: NoticePeriod
        switch ApplicationWorkflow.checkNotice(starting: start, today: req.today, campaign: plan, calendar: calendar, extensions: extensions) {
        case .success(let period): notice = period
        case .failure(let refusal): throw ApplicationStore.error(refusal)
        }
        // The public page's address: 32 random bytes, unguessable, never derived from an id.
        let token = RandomToken.make()
        let chosenTier = tier
        try await ApplicationStore.perform(.startNotice, context, version: form.version, req: req, subject: context.user.subject,
                                           actor: req.auditActor) { application, _ in
            application.noticeStart = notice.start.description
            application.noticeEnd = notice.end.description
            application.noticeToken = token
            if let chosenTier { application.tier = chosenTier }
        }
    }

    func answer(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let objectionID = try await Self.objection(req, context).id!
        let form = try req.content.decode(AnswerForm.self)
        do {
            try await Self.answer(form, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("notice", try await page(req, context, errors: errors, answering: (objectionID, form.answer ?? "")),
                                        status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.notice(campaign: context.campaignID, unit: context.unitID).path + "?done=answered",
                            redirectType: .normal)
    }

    /// The URL's `:objectionID`, an objection to this application; anything else is "not found".
    static func objection(_ req: Request, _ context: ApplicationContext) async throws -> ObjectionModel {
        guard let objectionID = req.parameters.get("objectionID").flatMap(UUID.init(uuidString:)),
              let applicationID = context.application?.id,
              let objection = try await ObjectionModel.find(objectionID, on: req.db), objection.applicationID == applicationID,
              objection.notice == nil else {
            throw AppError.notFound(AppError.nothingHere)
        }
        return objection
    }

    /// Answers the URL's objection, once (the page and the API).
    static func answer(_ form: AnswerForm, _ context: ApplicationContext, req: Request) async throws {
        let objection = try await objection(req, context)
        let objectionID = objection.id!
        let text: String
        switch ObjectionAnswer.validated(form.answer ?? "") {
        case .success(let answer): text = answer
        case .failure(let errors): throw errors
        }
        if objection.answer != nil { throw AppError.conflict(Strings.Notice.alreadyAnswered) }
        let actor = req.auditActor
        let answerer = context.user.displayName
        let scope = context.unit.path
        // Not tied to the page's version: a member lodging another objection meanwhile must not
        // make the union's answer stale. Answering twice is refused on the objection itself.
        try await ApplicationStore.perform(.answerObjection, context, version: nil, req: req, subject: context.user.subject,
                                           actor: actor) { _, db in
            try await Self.record(answer: text, to: objectionID, by: answerer, actor: actor, scope: scope, on: db)
        }
    }

    /// Writes the answer to an objection not yet answered, with its audit entry (inside the
    /// workflow's write: the union's notice and the results notice alike).
    static func record(answer text: String, to objectionID: UUID, by answerer: String, actor: AuditDraft.Actor, scope: String,
                       on db: any Database) async throws {
        guard let current = try await ObjectionModel.find(objectionID, on: db) else { throw AppError.notFound(AppError.nothingHere) }
        guard current.answer == nil else { throw AppError.conflict(Strings.Notice.alreadyAnswered) }
        current.answer = text
        current.answeredAt = actor.at
        current.answeredBy = answerer
        try await current.update(on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "objection.answer", entityType: "objection",
                                              entityID: objectionID.uuidString.lowercased(), scope: scope,
                                              before: ObjectionAudit(current, answer: nil), after: ObjectionAudit(current, answer: text))],
                                  on: db)
    }
}

/// What the audit trail keeps of an objection: never the sender's address; the name only when
/// the sender gave it.
struct ObjectionAudit: AuditSnapshot {
    var text: String
    var anonymous: Bool
    var name: String?
    var answer: String?

    init(_ objection: ObjectionModel, answer: String?) {
        text = objection.text
        anonymous = objection.name == nil
        name = objection.name
        self.answer = answer
    }
}

