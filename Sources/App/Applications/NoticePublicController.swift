import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The unit's notice as anyone reads it, without signing in (`/notices/:token`): unit, tier,
/// self-score, period, campaign, a QR code of its address, a printable version for the notice
/// board, and the objection form while it runs.
struct NoticePublicController: RouteCollection {
    /// The field people never see; a program that fills every field fills it.
    static let honeypotField = "website"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .publicNotice(token: ""), use: show)
        routes.on(.GET, .publicNoticePrint(token: ""), use: printable)
        routes.on(.POST, .publicObjections(token: ""), use: lodge)
    }

    struct ObjectionForm: Content {
        var text: String?
        var name: String?
        var website: String?
    }

    /// What the public pages need, found by the token alone.
    struct Found {
        var application: ApplicationModel
        var campaign: CampaignModel
        var plan: CampaignPlan
        var unit: OrganisationModel
        var pin: SchemePin
        var scheme: Scheme
        var notice: NoticePeriod
        var token: String
        /// The results notice (评选结果公示), which after naming is the unit's public record.
        var results: Bool
    }

    static func find(_ req: Request) async throws -> Found {
        // Tokens are base64url; anything else is no notice (and never reaches the database).
        guard let token = req.parameters.get("token"), (20...100).contains(token.count),
              token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
              let application = try await ApplicationModel.query(on: req.db).group(.or, { $0.filter(\.$noticeToken == token).filter(\.$resultsToken == token) }).first(),
              let campaign = try await CampaignModel.find(application.campaignID, on: req.db),
              let unit = try await OrganisationModel.find(application.unitID, on: req.db) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let plan = try CampaignStore.plan(of: campaign)
        let results = application.resultsToken == token
        guard let notice = results ? ResultsStore.notice(application, plan: plan) : NoticeSupport.notice(application, plan: plan),
              let pin = plan.schemes.values.first(where: { $0.contentHash == application.schemeHash })
                ?? unit.kind.flatMap(UnionKind.init(rawValue:)).flatMap(plan.scheme(for:)) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let scheme = try await NoticePinnedScheme.scheme(pin, on: req.db)
        return Found(application: application, campaign: campaign, plan: plan, unit: unit, pin: pin, scheme: scheme,
                     notice: notice, token: token, results: results)
    }

    func show(req: Request) async throws -> Response {
        let found = try await Self.find(req)
        return try await Self.respond(req, "notice-public", try await page(req, found, form: nil, errors: FieldErrors()))
    }

    func printable(req: Request) async throws -> Response {
        let found = try await Self.find(req)
        return try await Self.respond(req, "notice-print", try await page(req, found, form: nil, errors: FieldErrors()))
    }

    /// The page carries this visitor's form token: kept out of shared caches.
    static func respond(_ req: Request, _ template: String, _ page: NoticePublicPage, status: HTTPResponseStatus = .ok) async throws -> Response {
        let response = try await req.render(template, page, status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    func page(_ req: Request, _ found: Found, form: ObjectionForm?, errors: FieldErrors, formError: String? = nil) async throws -> NoticePublicPage {
        let t = Translator(req.language)
        let language = req.language
        let application = found.application
        let status = UnitNotice.status(found.notice, on: req.today)
        var facts = found.results ? Self.resultsFacts(found, t) : Self.noticeFacts(found, t)
        facts.append(.init(label: t(Strings.Notice.status), text: t(Strings.Notice.statusText(status, found.notice))))
        let state = ApplicationState(rawValue: application.state)
        if found.results, state == .named || state == .notNamed {
            facts.removeLast()
            facts += Self.namingFacts(found, t)
        }
        // What is public of the objections: how many, how many answered, and the union's answers
        // with their dates. Never the objection's text or a sender's name.
        let objections = try await ObjectionModel.query(on: req.db).filter(\.$applicationID == application.id!)
            .filter(\.$notice == (found.results ? ObjectionModel.results : nil)).sort(\.$lodgedAt).all()
        let answered = objections.filter { $0.answer != nil }
        let answers: [NoticePublicPage.Answer] = answered.map { objection in
            .init(line: t(Strings.Notice.answerLine(lodged: NoticeSupport.day(CalendarDate.china(objection.lodgedAt), language),
                                                    answered: NoticeSupport.day(CalendarDate.china(objection.answeredAt ?? objection.lodgedAt), language))),
                  text: objection.answer ?? "")
        }
        let noticeState: String? = switch status {
        case .notYetStarted: t(Strings.Notice.notYetStarted(found.notice))
        case .running: nil
        case .ended: t(Strings.Notice.ended(found.notice))
        }
        let summary: String? = status == .notYetStarted ? nil
            : t(Strings.Notice.objectionSummary(lodged: objections.count, answered: answered.count))
        var objectionForm: NoticePublicPage.ObjectionForm?
        if status == .running, Self.takesObjections(found) {
            let fields: [FormPage.Field] = [
                .init(name: "text", label: t(Strings.Notice.objectionText), kind: .textarea, value: form?.text ?? "",
                      hint: t(Strings.Notice.objectionHint(ObjectionInput.textLimit)), required: true),
                .init(name: "name", label: t(Strings.Notice.name), kind: .text, value: form?.name ?? "", hint: t(Strings.Notice.nameHint),
                      autocomplete: "name"),
            ]
            objectionForm = .init(action: SiteRoute.publicObjections(token: found.token).path, fields: NoticeSupport.withErrors(fields, errors, t),
                                  honeypotLabel: t(Strings.Notice.honeypot), submit: t(Strings.Notice.submitObjection), formError: formError)
        }
        let path = SiteRoute.publicNotice(token: found.token).path
        let url = NoticeSupport.absoluteURL(path, req: req)
        let record = found.results && (state == .named || state == .notNamed)
        let heading = t(found.results ? (record ? Strings.Results.recordTitle(unit: found.unit.name) : Strings.Results.publicTitle(unit: found.unit.name))
            : Strings.Notice.publicTitle(unit: found.unit.name))
        var layout = Layout(request: req, title: heading)
        layout.notice = NoticeSupport.done(req, t)
        return NoticePublicPage(
            layout: layout, heading: heading,
            intro: t(found.results ? (record ? Strings.Results.recordIntro : Strings.Results.publicIntro) : Strings.Notice.publicIntro),
            facts: facts, state: record ? nil : noticeState, summary: summary,
            answersHeading: t(Strings.Notice.answersHeading), answers: answers, form: objectionForm,
            formHeading: t(Strings.Notice.objectionHeading),
            qr: NoticeQRCode(url)?.svg(size: "11rem", label: t(Strings.Notice.qrLabel)) ?? "", scanLabel: t(record ? Strings.Notice.scanToVerify : Strings.Notice.scanToOpen),
            absoluteURL: url, printPath: SiteRoute.publicNoticePrint(token: found.token).path, printLabel: t(Strings.Notice.printable),
            csrf: req.csrfToken)
    }

    /// An objection is taken by the notice that is running: the unit's while it is on notice, the
    /// results notice's while that runs (an old link to the unit's notice takes none then).
    static func takesObjections(_ found: Found) -> Bool {
        let state = ApplicationState(rawValue: found.application.state)
        return found.results ? state == .onResultsNotice : state == .onNotice
    }

    static func noticeFacts(_ found: Found, _ t: Translator) -> [ApplicationPage.Fact] {
        let application = found.application
        let tier = application.tier.flatMap { id in found.scheme.tiers.first { $0.id == id } }
        return [
            .init(label: t(Strings.Notice.unit), text: found.unit.name),
            .init(label: t(Strings.Notice.noticeTier), text: tier.map { NoticePinnedScheme.tierName($0, t.language) } ?? application.tier ?? ""),
            .init(label: t(Strings.Notice.selfScore), text: application.selfTotal ?? t(Strings.Notice.notScored)),
            .init(label: t(Strings.Notice.period), text: t(Strings.Notice.periodText(found.notice, workingDays: found.plan.dates.noticeWorkingDays))),
            .init(label: t(Strings.Notice.campaign), text: found.campaign.title),
        ]
    }

    static func resultsFacts(_ found: Found, _ t: Translator) -> [ApplicationPage.Fact] {
        let application = found.application
        let tier = application.decidedTier.flatMap { id in found.scheme.tiers.first { $0.id == id } }
        return [
            .init(label: t(Strings.Notice.unit), text: found.unit.name),
            .init(label: t(Strings.Results.decidedTier), text: tier.map { t($0.label) } ?? t(Strings.Decision.none)),
            .init(label: t(Strings.Results.inspected), text: application.inspectedTotal ?? "—"),
            .init(label: t(Strings.Notice.period), text: t(Strings.Notice.periodText(found.notice, workingDays: found.notice.workingDays))),
            .init(label: t(Strings.Notice.campaign), text: found.campaign.title),
        ]
    }

    /// After naming, the page is the public record the certificate's QR code opens.
    static func namingFacts(_ found: Found, _ t: Translator) -> [ApplicationPage.Fact] {
        let application = found.application
        guard application.state == ApplicationState.named.rawValue,
              let tier = application.decidedTier.flatMap({ id in found.scheme.tiers.first { $0.id == id } }) else {
            return [.init(label: t(Strings.Results.state), text: t(Strings.Results.notNamedRecord))]
        }
        var facts: [ApplicationPage.Fact] = [
            .init(label: t(Strings.Results.namedAs), text: t(tier.label)),
            .init(label: t(Strings.Results.year), text: String(found.plan.year)),
        ]
        if let issuer = application.namedIssuer { facts.append(.init(label: t(Strings.Results.namedBy), text: issuer)) }
        if let day = application.namedOn.flatMap(CalendarDate.init(parsing:)) {
            facts.append(.init(label: t(Strings.Results.namedOn), text: NoticeSupport.day(day, t.language)))
        }
        if let number = application.certificateNumber { facts.append(.init(label: t(Strings.Results.certificateNumber), text: number)) }
        return facts
    }

    /// Someone without an account, for the workflow's write: no grants at all.
    static func visitor() -> CurrentUser {
        CurrentUser(id: UUID(), username: "", displayName: "", mustChangePassword: false, grants: [], sessionID: "", csrfToken: "")
    }

    /// SHA-256 of the client's address, the notice and the day: counts what one sender lodged
    /// today without keeping the address (and without linking a sender across notices or days).
    static func senderHash(address: String, applicationID: UUID, day: CalendarDate) -> String {
        ContentHash.sha256Hex(of: Data("\(address)\n\(applicationID.uuidString.lowercased())\n\(day)".utf8))
    }

    func lodge(req: Request) async throws -> Response {
        let found = try await Self.find(req)
        let form = try req.content.decode(ObjectionForm.self)
        guard Self.takesObjections(found) else { throw AppError.conflict(Strings.Results.wrongNotice) }
        let input = ObjectionInput(text: form.text ?? "", name: form.name ?? "", honeypot: form.website ?? "")
        if input.isAutomated {
            req.logger.notice("objection refused: honeypot filled", metadata: ["notice": .string(String(found.token.prefix(6)))])
            throw AppError.invalid(field: nil, Strings.Notice.automated)
        }
        let objection: (text: String, name: String?)
        switch input.validated() {
        case .success(let valid): objection = valid
        case .failure(let errors):
            return try await Self.respond(req, "notice-public", try await page(req, found, form: form, errors: errors), status: .unprocessableEntity)
        }
        let context = ApplicationContext(campaign: found.campaign, plan: found.plan, unit: found.unit, pin: found.pin,
                                         application: found.application, user: Self.visitor())
        let applicationID = found.application.id!
        let sender = Self.senderHash(address: req.clientAddress, applicationID: applicationID, day: req.today)
        // The audit trail names a visitor, without the address the rest of the trail keeps.
        let actor = AuditDraft.Actor(id: nil, name: Strings.Notice.publicActor.zh, address: "", at: req.now)
        let limit = ObjectionInput.perSenderPerDay
        let scope = found.unit.path
        let kind = found.results ? ObjectionModel.results : nil
        try await ApplicationStore.perform(.lodgeObjection, context, version: nil, req: req, subject: nil, actor: actor) { _, db in
            // Counted inside the write gate, so senders racing each other cannot pass the limit.
            let sent = try await ObjectionModel.query(on: db).filter(\.$applicationID == applicationID)
                .filter(\.$senderHash == sender).count()
            guard sent < limit else { throw AppError.tooManyAttempts(Strings.Notice.tooMany(limit)) }
            let row = ObjectionModel()
            row.id = UUID()
            row.applicationID = applicationID
            row.lodgedAt = actor.at
            row.text = objection.text
            row.name = objection.name
            row.senderHash = sender
            row.notice = kind
            try await row.create(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "objection.lodge", entityType: "objection",
                                                  entityID: row.id!.uuidString.lowercased(), scope: scope,
                                                  before: Optional<ObjectionAudit>.none, after: ObjectionAudit(row, answer: nil))],
                                      on: db)
        }
        return req.redirect(to: SiteRoute.publicNotice(token: found.token).path + "?done=objection", redirectType: .normal)
    }
}
