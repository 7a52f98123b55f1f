import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// 逐级审核盖章: a sub-federation's reviewer stamps the filed applications of the unions under it,
/// nearest sub-federation first (the core's `endorse`); each reviewer has a queue of what waits
/// for their stamp. Returning goes through the registration form's page (`FilingController`).
struct EndorsementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .endorse(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .endorse(campaign: UUID(), unit: UUID()), use: endorse)
        routes.on(.GET, .reviewQueue, use: queue)
    }

    struct EndorseInput: Content {
        var opinion: String?
        var date: String?
        var version: Int?
    }

    static let opinionLimit = 200

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        return try await req.view.render("endorse", try await page(req, context, input: nil, errors: FieldErrors()))
    }

    func page(_ req: Request, _ context: ApplicationContext, input: EndorseInput?, errors: FieldErrors,
              formError: LocalizedText? = nil) async throws -> EndorsePage {
        let t = Translator(req.language)
        let application = context.application
        let chain = try await ApplicationStore.endorsementChain(unit: context.unit, owner: context.plan.owner, on: req.db)
        let stamps = try await Self.stamps(application, on: req.db)
        let names = try await OrganisationStore(database: req.db).names(on: chain.endorsers)
        let pending = context.state == .filed ? chain.endorsers.filter { path in !stamps.contains { $0.endorserPath == path.text } } : []
        var form: EndorsePage.Form?
        var refusal: String?
        if context.user.can(.endorseApplication, on: context.unit.accessTarget) {
            switch try await ApplicationStore.check(.endorse, context, req: req) {
            case .success:
                form = .init(
                    action: SiteRoute.endorse(campaign: context.campaignID, unit: context.unitID).path, version: application?.version ?? 0,
                    fields: NoticeSupport.withErrors([
                        .init(name: "opinion", label: t(Strings.Endorsement.opinion), kind: .textarea, value: input?.opinion ?? "",
                              required: true),
                        .init(name: "date", label: t(Strings.Endorsement.date), kind: .text, value: input?.date ?? req.today.description,
                              hint: "YYYY-MM-DD", required: true),
                    ], errors, t),
                    submit: t(Strings.Endorsement.submit), formError: formError.map { t($0) })
            case .failure(.wrongState): break
            case .failure(let why): refusal = t(why.message)
            }
        }
        let facts: [EndorsePage.Fact] = [
            .init(label: t(Strings.Endorsement.tierColumn),
                  text: Self.tierLabel(application?.tier, schemeID: context.pin.schemeID, req.catalogue).map { t($0) } ?? "—"),
            .init(label: t(Strings.Endorsement.selfScoreColumn), text: application?.selfTotal ?? "—"),
            .init(label: t(Strings.Endorsement.evidenceColumn), text: String(try await Self.evidenceCounts([application?.id].compactMap { $0 }, on: req.db)
                .values.reduce(0, +))),
            .init(label: t(Strings.ApplicationPages.state), text: t(context.state.label)),
        ]
        return EndorsePage(
            layout: Layout(request: req, title: t(Strings.Endorsement.heading) + " · " + context.unit.name),
            heading: t(Strings.Endorsement.heading) + " · " + context.unit.name, intro: t(Strings.Endorsement.intro),
            back: .init(name: t(Strings.Notice.back) + " · " + context.unit.name,
                        path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            formLink: .init(name: t(Strings.Endorsement.formLink),
                            path: SiteRoute.registrationForm(campaign: context.campaignID, unit: context.unitID).path),
            facts: facts, stampsHeading: t(Strings.Endorsement.stampsHeading),
            stamps: stamps.map { t(Strings.Endorsement.stamp(by: names[$0.endorserID.uuidString.lowercased()] ?? "—",
                                                             date: CalendarDate(parsing: $0.dated) ?? req.today, who: $0.endorsedBy))
                                  + t(Strings.Audit.fieldMark) + $0.opinion },
            noStamps: t(Strings.Endorsement.noStamps),
            waiting: pending.first.map { t(Strings.Endorsement.waitingFor(names[$0.ids.last ?? ""] ?? "—")) },
            refusal: refusal, form: form, returnHint: t(Strings.Endorsement.returnHint), csrf: req.csrfToken)
    }

    func endorse(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .endorseApplication)
        let input = try req.content.decode(EndorseInput.self)
        do {
            try await Self.endorse(input, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("endorse", try await page(req, context, input: input, errors: errors), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.endorse(campaign: context.campaignID, unit: context.unitID).path + "?done=endorsed",
                            redirectType: .normal)
    }

    /// The reviewer's stamp with its opinion and date (the page and the API).
    static func endorse(_ input: EndorseInput, _ context: ApplicationContext, req: Request) async throws {
        let opinion = (input.opinion ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if opinion.isEmpty { errors.add("opinion", Strings.Endorsement.opinionRequired) }
        else if opinion.count > Self.opinionLimit { errors.add("opinion", Strings.Endorsement.opinionTooLong(count: opinion.count)) }
        let today = req.today
        let dated = CalendarDate(parsing: (input.date ?? "").trimmingCharacters(in: .whitespaces))
        if dated == nil || dated! > today { errors.add("date", Strings.Endorsement.dateInvalid) }
        guard errors.isEmpty, let dated else { throw errors }
        let actor = req.auditActor, unit = context.unit, owner = context.plan.owner
        let box = RegistrationForm.Labels.subFederationBox(schemeID: context.pin.schemeID)
        let catalogue = req.catalogue, schemeID = context.pin.schemeID
        try await ApplicationStore.perform(.endorse, context, version: input.version, req: req, subject: context.user.subject,
                                           actor: actor) { application, db in
            // The workflow said whose turn it is; it is the stamping reviewer's node.
            let pending = try await ApplicationStore.pendingEndorsers(application, unit: unit, owner: owner, on: db)
            guard let turn = pending.first, let endorserID = turn.ids.last.flatMap(UUID.init(uuidString:)),
                  let endorser = try await OrganisationModel.find(endorserID, on: db) else {
                throw AppError.notFound(AppError.nothingHere)
            }
            let row = EndorsementModel(applicationID: application.id!, round: application.round, endorserID: endorserID,
                                       endorserPath: turn.text, opinion: opinion, dated: dated, endorsedBy: actor.name, endorsedAt: actor.at)
            try await row.create(on: db)
            // The stamp that sends it up to the federation fills the form's box for sub-federations.
            if let box, pending.count == 1 {
                var form = RegistrationFormStore.current(application, unit: unit, schemeID: schemeID, catalogue: catalogue)
                form.opinions[box] = .init(text: opinion, date: dated, by: endorser.name)
                application.formJSON = CampaignStore.encode(form)
            }
            try await AuditLog.append([AuditDraft(actor: actor, action: "application.endorsement", entityType: "endorsement",
                                                  entityID: row.id!.uuidString.lowercased(), scope: unit.path, before: AuditDraft.nothing,
                                                  after: EndorsementAudit(name: unit.name, endorser: endorser.name, round: row.round,
                                                                          opinion: opinion, date: row.dated))], on: db)
        }
    }

    struct EndorsementAudit: AuditSnapshot {
        var name: String
        var endorser: String
        var round: Int
        var opinion: String
        var date: String
    }

    static func stamps(_ application: ApplicationModel?, on db: any Database) async throws -> [EndorsementModel] {
        guard let application, let id = application.id else { return [] }
        return try await EndorsementModel.query(on: db).filter(\.$applicationID == id).filter(\.$round == application.round)
            .sort(\.$endorsedAt).all()
    }

    static func tierLabel(_ tier: String?, schemeID: String, _ catalogue: SchemeCatalogue) -> LocalizedText? {
        guard let tier else { return nil }
        return catalogue.scheme(schemeID)?.tier(id: tier)?.label ?? LocalizedText(zh: tier, en: tier)
    }

    /// Evidence files per application (the minutes, item 0, not counted), in one query per 1,000.
    static func evidenceCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        var counts: [UUID: Int] = [:]
        let sql = db as! any SQLDatabase
        for start in stride(from: 0, to: ids.count, by: ChunkedQuery.chunkSize) {
            let chunk = Array(ids[start..<min(start + ChunkedQuery.chunkSize, ids.count)])
            let rows = try await sql.select().column("application_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(EvidenceFileModel.schema).where("application_id", .in, SQLBind.group(chunk)).where("item", .greaterThan, SQLBind(0))
                .groupBy("application_id").all()
            for row in rows {
                counts[try row.decode(column: "application_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    // MARK: The queue

    /// What waits for the reviewer's stamp: filed applications under their nodes whose turn is
    /// exactly one of those nodes, by deadline (the day before the inspection opens), then by
    /// name. A handful of queries whatever the number of applications.
    func queue(req: Request) async throws -> View {
        let user = try req.authorizeSomewhere(.endorseApplication)
        let t = Translator(req.language)
        let rows = try await Self.queue(of: user, on: req.db).map { entry in
            ReviewQueuePage.Row(
                unit: entry.unitName, path: SiteRoute.endorse(campaign: entry.campaign.id!, unit: entry.application.unitID).path,
                campaign: entry.campaign.title,
                tier: Self.tierLabel(entry.application.tier, schemeID: entry.application.schemeID, req.catalogue).map { t($0) } ?? "—",
                selfScore: entry.application.selfTotal ?? "—", evidence: entry.evidence,
                due: entry.due.map { t(Strings.Notice.day($0)) } ?? t(Strings.Endorsement.noDue))
        }
        return try await req.view.render("review-queue", ReviewQueuePage(
            layout: Layout(request: req, title: t(Strings.Endorsement.queueHeading)), heading: t(Strings.Endorsement.queueHeading),
            intro: t(Strings.Endorsement.queueIntro),
            columns: [t(Strings.Endorsement.unitColumn), t(Strings.Endorsement.campaignColumn), t(Strings.Endorsement.tierColumn),
                      t(Strings.Endorsement.selfScoreColumn), t(Strings.Endorsement.evidenceColumn), t(Strings.Endorsement.dueColumn)],
            rows: rows, empty: t(Strings.Endorsement.queueEmpty)))
    }

    /// One application waiting for the reviewer's stamp.
    struct QueueEntry: Sendable {
        var application: ApplicationModel
        var campaign: CampaignModel
        var unitName: String
        var evidence: Int
        /// The day before the campaign's inspection opens.
        var due: CalendarDate?
    }

    /// The reviewer's queue (the page and the API), by deadline, then by name.
    static func queue(of user: CurrentUser, on db: any Database) async throws -> [QueueEntry] {
        let nodes = Set(user.grants.filter { $0.role == .subFederationReviewer }.compactMap(\.scope))
        var candidates: [ApplicationModel] = []
        for node in nodes {
            candidates += try await ApplicationModel.query(on: db).filter(\.$state == ApplicationState.filed.rawValue)
                .filter(\.$unitPath, .custom("LIKE"), node.text + "%").all()
        }
        let campaigns = Dictionary(uniqueKeysWithValues: try await ChunkedQuery.all(Set(candidates.map(\.campaignID))) {
            CampaignModel.query(on: db).filter(\.$id ~~ $0)
        }.map { ($0.id!, $0) })
        let paths = candidates.compactMap { TreePath(text: $0.unitPath) }
        let store = OrganisationStore(database: db)
        let names = try await store.names(on: paths)
        let levels = try await store.levels(on: paths)
        let stamps = try await ChunkedQuery.all(candidates.compactMap(\.id)) { EndorsementModel.query(on: db).filter(\.$applicationID ~~ $0) }
        let evidence = try await evidenceCounts(candidates.compactMap(\.id), on: db)
        var rows: [QueueEntry] = []
        for application in candidates {
            guard let campaign = campaigns[application.campaignID], let plan = try? CampaignStore.plan(of: campaign),
                  let unitPath = TreePath(text: application.unitPath) else { continue }
            let done = Set(stamps.filter { $0.applicationID == application.id && $0.round == application.round }.map(\.endorserPath))
            let chain = EndorsementChain.of(unit: unitPath, owner: plan.owner, levels: levels)
            guard let turn = chain.endorsers.first(where: { !done.contains($0.text) }), nodes.contains(turn) else { continue }
            rows.append(QueueEntry(application: application, campaign: campaign, unitName: names[application.unitID.uuidString.lowercased()] ?? "—",
                                   evidence: evidence[application.id!] ?? 0, due: TaskDeadlines.endorse(plan.dates)))
        }
        return rows.sorted { a, b in
            switch (a.due, b.due) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.unitName.utf8.lexicographicallyPrecedes(b.unitName.utf8)
            }
        }
    }
}

struct EndorsePage: Encodable {
    typealias Link = ApplicationPage.Link
    typealias Fact = ApplicationPage.Fact
    struct Form: Encodable {
        var action: String
        var version: Int
        var fields: [FormPage.Field]
        var submit: String
        var formError: String?
    }

    var layout: Layout
    var heading: String
    var intro: String
    var back: Link
    var formLink: Link
    var facts: [Fact]
    var stampsHeading: String
    var stamps: [String]
    var noStamps: String
    var waiting: String?
    var refusal: String?
    var form: Form?
    var returnHint: String
    var csrf: String
}

struct ReviewQueuePage: Encodable {
    struct Row: Encodable {
        var unit: String
        var path: String
        var campaign: String
        var tier: String
        var selfScore: String
        var evidence: Int
        var due: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var columns: [String]
    var rows: [Row]
    var empty: String
}
