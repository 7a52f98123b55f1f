import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The inspector's side: the units assigned to them, and for each the visit's record and a score
/// for every item beside the self-score (the core's `recordInspection`; an unassigned unit is
/// "not found"). Submitted again until staff close the inspection.
struct InspectionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .myInspections, use: list)
        routes.on(.GET, .inspection(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .inspection(campaign: UUID(), unit: UUID()), use: record)
    }

    // MARK: The inspector's units

    func list(req: Request) async throws -> View {
        let user = try req.authorizeSomewhere(.recordInspection)
        let t = Translator(req.language)
        let rows = try await Self.assigned(to: user, on: req.db).map { entry in
            MyInspectionsPage.Row(
                unit: entry.unitName, path: SiteRoute.inspection(campaign: entry.application.campaignID, unit: entry.application.unitID).path,
                campaign: entry.campaignTitle, state: t((ApplicationState(rawValue: entry.application.state) ?? .notStarted).label),
                scored: t(entry.scored ? Strings.Inspectors.scored : Strings.Inspectors.notScored))
        }
        return try await req.view.render("my-inspections", MyInspectionsPage(
            layout: Layout(request: req, title: t(Strings.InspectionPages.listHeading)), heading: t(Strings.InspectionPages.listHeading),
            columns: [t(Strings.Endorsement.unitColumn), t(Strings.Endorsement.campaignColumn), t(Strings.ApplicationPages.state),
                      t(Strings.InspectionPages.scoredColumn)],
            rows: rows, empty: t(Strings.InspectionPages.listEmpty)))
    }

    /// One unit assigned to the inspector.
    struct AssignedEntry: Sendable {
        var application: ApplicationModel
        var campaignTitle: String
        var unitName: String
        var scored: Bool
    }

    /// The inspector's units (the page and the API), by name.
    static func assigned(to user: CurrentUser, on db: any Database) async throws -> [AssignedEntry] {
        let assignments = try await InspectionAssignmentModel.query(on: db).filter(\.$inspectorID == user.id).all()
        let applications = try await ChunkedQuery.all(assignments.map(\.applicationID)) { ApplicationModel.query(on: db).filter(\.$id ~~ $0) }
        let campaigns = Dictionary(uniqueKeysWithValues: try await ChunkedQuery.all(Set(applications.map(\.campaignID))) {
            CampaignModel.query(on: db).filter(\.$id ~~ $0)
        }.map { ($0.id!, $0.title) })
        let names = try await OrganisationStore(database: db).names(on: applications.compactMap { TreePath(text: $0.unitPath) })
        let scored = Set(assignments.filter { $0.scoredAt != nil }.map(\.applicationID))
        return applications.map { application in
            AssignedEntry(application: application, campaignTitle: campaigns[application.campaignID] ?? "—",
                          unitName: names[application.unitID.uuidString.lowercased()] ?? "—", scored: scored.contains(application.id!))
        }.sorted { $0.unitName.utf8.lexicographicallyPrecedes($1.unitName.utf8) }
    }

    // MARK: One unit

    struct RecordForm: Content {
        var visitedOn: String?
        var methods: [String]?
        var peopleMet: String?
        var findings: String?
        var items: [String: String]?
        var version: Int?

        init(visitedOn: String? = nil, methods: [String]? = nil, peopleMet: String? = nil, findings: String? = nil,
             items: [String: String]? = nil, version: Int? = nil) {
            (self.visitedOn, self.methods, self.peopleMet, self.findings, self.items, self.version) = (visitedOn, methods, peopleMet, findings, items, version)
        }

        /// Scores as the page types them, or as JSON numbers from the API (`{"1": 4.5}`).
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var items: [String: String]?
            if let scores = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: .items) {
                items = [:]
                for key in scores.allKeys { items?[key.stringValue] = try scores.decodeTextIfPresent(forKey: key) ?? "" }
            }
            self.init(visitedOn: try c.decodeIfPresent(String.self, forKey: .visitedOn), methods: try c.decodeIfPresent([String].self, forKey: .methods),
                      peopleMet: try c.decodeIfPresent(String.self, forKey: .peopleMet), findings: try c.decodeIfPresent(String.self, forKey: .findings),
                      items: items, version: try c.decodeIfPresent(Int.self, forKey: .version))
        }
    }

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .recordInspection)
        return try await req.view.render("inspection", try await page(req, context, typed: nil, errors: FieldErrors()))
    }

    func page(_ req: Request, _ context: ApplicationContext, typed: RecordForm?, errors: FieldErrors,
              formError: LocalizedText? = nil) async throws -> InspectionPage {
        let t = Translator(req.language)
        let scorer = try await PinnedSchemes.shared.scorer(for: context.pin, on: req.db)
        let selfItems = Self.selfItemScores(context.application, scorer: scorer)
        let mine = try await Self.assignment(context, req: req)
        let earlier = mine?.recordJSON.flatMap { try? CampaignStore.decode(InspectionRecord.self, $0) }
        let editable = try await ApplicationStore.check(.recordInspection, context, req: req)
        var refusal: String?
        if case .failure(let why) = editable, !(earlier != nil && { if case .wrongState = why { return true }; return false }()) {
            refusal = t(why.message)
        }
        let chosen = Set(typed?.methods ?? earlier?.methods.map(\.rawValue) ?? [])
        let items = scorer.scheme.items.map { item in
            let own = selfItems[String(item.number)]
            return InspectionPage.ItemRow(
                number: item.number, name: "item-\(item.number)",
                label: t(Strings.InspectionPages.itemLabel(number: item.number, max: item.max)),
                standard: item.standard,
                selfScore: t(Strings.InspectionPages.selfScore(own)),
                value: typed?.items?[String(item.number)] ?? earlier?.items[String(item.number)]?.description ?? "",
                max: item.max.description, error: errors["item-\(item.number)"].map { t($0) })
        }
        return InspectionPage(
            layout: Layout(request: req, title: t(Strings.InspectionPages.heading) + " · " + context.unit.name),
            heading: t(Strings.InspectionPages.heading) + " · " + context.unit.name, intro: t(Strings.InspectionPages.intro),
            back: .init(name: t(Strings.InspectionPages.listHeading), path: SiteRoute.myInspections.path),
            facts: [
                .init(label: t(Strings.Endorsement.tierColumn),
                      text: EndorsementController.tierLabel(context.application?.tier, schemeID: context.pin.schemeID, req.catalogue).map { t($0) } ?? "—"),
                .init(label: t(Strings.Endorsement.selfScoreColumn), text: context.application?.selfTotal ?? "—"),
                .init(label: t(Strings.ApplicationPages.state), text: t(context.state.label)),
            ],
            submitted: earlier.map { t(Strings.InspectionPages.submitted(total: $0.total)) },
            refusal: refusal, formError: formError.map { t($0) },
            editable: editable.isSuccess,
            action: SiteRoute.inspection(campaign: context.campaignID, unit: context.unitID).path, version: mine?.version ?? 0,
            visitedOn: .init(label: t(Strings.InspectionPages.visitedOn),
                             value: typed?.visitedOn ?? earlier?.visitedOn.description ?? req.today.description,
                             error: errors["visitedOn"].map { t($0) }),
            methodsLabel: t(Strings.InspectionPages.methods), methodsError: errors["methods"].map { t($0) },
            methods: InspectionRecord.Method.allCases.map { .init(value: $0.rawValue, label: t($0.label), selected: chosen.contains($0.rawValue)) },
            peopleMet: .init(label: t(Strings.InspectionPages.peopleMet), value: typed?.peopleMet ?? earlier?.peopleMet ?? "",
                             error: errors["peopleMet"].map { t($0) }),
            findings: .init(label: t(Strings.InspectionPages.findings), value: typed?.findings ?? earlier?.findings ?? "",
                            error: errors["findings"].map { t($0) }),
            itemsHeading: t(Strings.InspectionPages.itemsHeading), items: items, submit: t(Strings.InspectionPages.submit),
            csrf: req.csrfToken)
    }

    /// The self-assessment's points by item number, scored on the pinned scheme (nothing else of
    /// the self-assessment page is needed beside an inspector's scores).
    static func selfItemScores(_ application: ApplicationModel?, scorer: Scorer) -> [String: Points] {
        let answers = application.flatMap { try? Answers.parse(json: Data($0.answersJSON.utf8)) } ?? Answers()
        guard let values = try? scorer.resolve(answers, complete: false) else { return [:] }
        return Dictionary(uniqueKeysWithValues: scorer.assess(values).items.map { (String($0.number), $0.score) })
    }

    static func assignment(_ context: ApplicationContext, req: Request) async throws -> InspectionAssignmentModel? {
        guard let id = context.application?.id else { return nil }
        return try await InspectionAssignmentModel.query(on: req.db).filter(\.$applicationID == id).filter(\.$inspectorID == context.user.id).first()
    }

    func record(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .recordInspection)
        let form = try req.content.decode(RecordForm.self)
        do {
            try await Self.record(form, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("inspection", try await page(req, context, typed: form, errors: errors), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.inspection(campaign: context.campaignID, unit: context.unitID).path + "?done=inspected",
                            redirectType: .normal)
    }

    /// The inspector's record and scores (the page and the API), on the version of their own
    /// record the form was loaded at.
    static func record(_ form: RecordForm, _ context: ApplicationContext, req: Request) async throws {
        let scorer = try await PinnedSchemes.shared.scorer(for: context.pin, on: req.db)
        var typedItems: [Int: String] = [:]
        for (key, value) in form.items ?? [:] { if let number = Int(key) { typedItems[number] = value } }
        let input = InspectionRecord.Input(visitedOn: form.visitedOn ?? "", methods: form.methods ?? [], peopleMet: form.peopleMet ?? "",
                                           findings: form.findings ?? "", items: typedItems)
        let parsed = InspectionRecord.parse(input, items: scorer.scheme.items, today: req.today, opens: context.plan.dates.opens(.inspection))
        let record: InspectionRecord
        switch parsed {
        case .success(let parsed): record = parsed
        case .failure(let errors): throw errors
        }
        let actor = req.auditActor, unit = context.unit, inspector = context.user.id, version = form.version ?? -1
        try await ApplicationStore.perform(.recordInspection, context, version: nil, req: req, subject: context.user.subject,
                                           actor: actor) { application, db in
            guard let row = try await InspectionAssignmentModel.query(on: db).filter(\.$applicationID == application.id!)
                .filter(\.$inspectorID == inspector).first() else { throw AppError.notFound(AppError.nothingHere) }
            // Two devices of one inspector: the older form does not overwrite the newer record.
            guard row.version == version else { throw AppError.conflict(Strings.ApplicationPages.stale) }
            row.recordJSON = CampaignStore.encode(record)
            row.scoredAt = actor.at
            row.version += 1
            try await row.update(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "application.inspection", entityType: "inspection_assignment",
                                                  entityID: row.id!.uuidString.lowercased(), scope: unit.path, before: AuditDraft.nothing,
                                                  after: InspectionAudit(name: unit.name, total: record.total.description,
                                                                         visitedOn: record.visitedOn.description))], on: db)
        }
    }

    struct InspectionAudit: AuditSnapshot {
        var name: String
        var total: String
        var visitedOn: String
    }
}

struct MyInspectionsPage: Encodable {
    struct Row: Encodable {
        var unit: String
        var path: String
        var campaign: String
        var state: String
        var scored: String
    }

    var layout: Layout
    var heading: String
    var columns: [String]
    var rows: [Row]
    var empty: String
}

struct InspectionPage: Encodable {
    typealias Link = ApplicationPage.Link
    typealias Fact = ApplicationPage.Fact
    struct Text: Encodable { var label: String; var value: String; var error: String? }
    struct ItemRow: Encodable {
        var number: Int
        var name: String
        var label: String
        var standard: String
        var selfScore: String
        var value: String
        var max: String
        var error: String?
    }

    var layout: Layout
    var heading: String
    var intro: String
    var back: Link
    var facts: [Fact]
    var submitted: String?
    var refusal: String?
    var formError: String?
    var editable: Bool
    var action: String
    var version: Int
    var visitedOn: Text
    var methodsLabel: String
    var methodsError: String?
    var methods: [FormPage.Field.Option]
    var peopleMet: Text
    var findings: Text
    var itemsHeading: String
    var items: [ItemRow]
    var submit: String
    var csrf: String
}
