import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The inspector's side: the units assigned to them, and for each the visit's record and a score
/// for every item beside the self-score (the core's `recordInspection`; an unassigned unit is
/// "not found"). Submitted again until staff close the inspection. On a phone on site the page's
/// script keeps a draft (`draft`), so a dropped connection loses nothing.
struct InspectionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .myInspections, use: list)
        routes.on(.GET, .inspection(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .inspection(campaign: UUID(), unit: UUID()), use: record)
        routes.on(.POST, .inspectionDraft(campaign: UUID(), unit: UUID()), use: draft)
    }

    // MARK: The inspector's units

    func list(req: Request) async throws -> View {
        let user = try req.authorizeSomewhere(.recordInspection)
        let t = Translator(req.language)
        let rows = try await Self.assigned(to: user, on: req.db).map { entry in
            MyInspectionsPage.Row(
                unit: entry.unitName, path: SiteRoute.inspection(campaign: entry.application.campaignID, unit: entry.application.unitID).path,
                campaign: entry.campaignTitle, state: t((ApplicationState(rawValue: entry.application.state) ?? .notStarted).label),
                scored: t(entry.scored ? Strings.Inspectors.scored : Strings.Inspectors.notScored),
                declare: SiteRoute.conflicts.path + "?unit=" + entry.application.unitID.uuidString.lowercased())
        }
        return try await req.view.render("my-inspections", MyInspectionsPage(
            layout: Layout(request: req, title: t(Strings.InspectionPages.listHeading)), heading: t(Strings.InspectionPages.listHeading),
            columns: [t(Strings.Endorsement.unitColumn), t(Strings.Endorsement.campaignColumn), t(Strings.ApplicationPages.state),
                      t(Strings.InspectionPages.scoredColumn), ""],
            rows: rows, empty: t(Strings.InspectionPages.listEmpty), declare: t(Strings.Conflicts.declareLink),
            conflicts: .init(name: t(Strings.Conflicts.link), path: SiteRoute.conflicts.path)))
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

        init(_ draft: InspectionDraft) {
            self.init(visitedOn: draft.visitedOn, methods: draft.methods, peopleMet: draft.peopleMet, findings: draft.findings, items: draft.items)
        }

        /// What was typed, as a draft keeps it.
        var draft: InspectionDraft {
            InspectionDraft(visitedOn: visitedOn ?? "", methods: methods ?? [], peopleMet: peopleMet ?? "", findings: findings ?? "",
                            items: items ?? [:])
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

    /// The page, showing the inspector's draft when one is pending (typed since their last
    /// submission, on this device or another) and saying so.
    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .recordInspection)
        let mine = try await Self.assignment(context, req: req)
        var typed: RecordForm?
        var restored: LocalizedText?
        if let pending = mine?.draftJSON.flatMap({ try? CampaignStore.decode(InspectionDraft.self, $0) }),
           case .success = try await ApplicationStore.check(.recordInspection, context, req: req) {
            typed = RecordForm(pending)
            restored = Strings.InspectionPages.draftRestoredServer(savedAt: mine?.draftSavedAt.map(Self.minute) ?? "—")
        }
        return try await req.view.render("inspection", try await page(req, context, typed: typed, errors: FieldErrors(), restored: restored))
    }

    /// `yyyy-MM-dd HH:mm` in China time.
    static func minute(_ date: Date) -> String {
        String(AuditController.chinaTime(AuditRecord.milliseconds(date)).prefix(16))
    }

    func page(_ req: Request, _ context: ApplicationContext, typed: RecordForm?, errors: FieldErrors,
              formError: LocalizedText? = nil, restored: LocalizedText? = nil) async throws -> InspectionPage {
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
            draft: .init(path: SiteRoute.inspectionDraft(campaign: context.campaignID, unit: context.unitID).path,
                         storageKey: "unionstar:inspection:\(context.campaignID.uuidString.lowercased()):\(context.unitID.uuidString.lowercased()):"
                             + context.user.id.uuidString.lowercased(),
                         hint: t(Strings.InspectionPages.draftHint), restored: restored.map { t($0) },
                         saving: t(Strings.InspectionPages.draftSaving), saved: t(Strings.InspectionPages.draftSaved),
                         offline: t(Strings.InspectionPages.draftOffline), failed: t(Strings.InspectionPages.draftFailed),
                         conflict: t(Strings.InspectionPages.draftConflict), restoredLocal: t(Strings.InspectionPages.draftRestoredLocal),
                         staleLocal: t(Strings.InspectionPages.draftStaleLocal), restoreLocal: t(Strings.InspectionPages.draftRestoreLocal)),
            conflict: .init(heading: t(Strings.Conflicts.pageHeading), intro: t(Strings.Conflicts.pageIntro), action: SiteRoute.conflicts.path,
                            unit: context.unitID.uuidString.lowercased(), label: t(Strings.Conflicts.reason), hint: t(Strings.Conflicts.reasonHint),
                            submit: t(Strings.Conflicts.declare), confirm: t(Strings.Conflicts.declareConfirm)),
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
            // The record is what was typed: nothing is pending any more.
            row.draftJSON = nil
            row.draftSavedAt = nil
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

    // MARK: The draft

    /// What the page's script gets back from a draft.
    struct DraftReply: Encodable {
        var saved: Bool
        /// Someone (another device, another window) saved or submitted since this page's version.
        var conflict: Bool = false
        /// The version now stored: the page's next draft or submission is made on it.
        var version: Int?
        var savedAt: String?
        var message: String?
        var field: String?
    }

    enum DraftOutcome: Sendable {
        case saved(version: Int, at: Date)
        case stale(version: Int)
        case refused(WorkflowRefusal)
    }

    /// A draft from the page's script: kept as typed (only bounded, `InspectionDraft.problems`) on
    /// the inspector's assignment, on the version the page was loaded at or last saved, while the
    /// inspector may still record (the workflow's `recordInspection`: assigned, the inspection
    /// open and not closed). A stale version is refused with 409 and changes nothing, unless it
    /// brings exactly what is stored (an answer lost on the way: nothing to do).
    func draft(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .recordInspection)
        let form = try req.content.decode(RecordForm.self)
        let t = Translator(req.language)
        let scorer = try await PinnedSchemes.shared.scorer(for: context.pin, on: req.db)
        let draft = form.draft
        if let problem = InspectionDraft.problems(draft, items: scorer.scheme.items).first {
            return try SelfAssessmentController.json(DraftReply(saved: false, message: t(problem.text), field: problem.field),
                                                     status: .unprocessableEntity)
        }
        guard let version = form.version else {
            return try SelfAssessmentController.json(DraftReply(saved: false, message: t(Strings.Errors.requestMalformedPlain), field: "version"),
                                                     status: .unprocessableEntity)
        }
        let app = req.application, today = req.today, now = req.now, subject = context.user.subject, inspector = context.user.id
        let campaignID = context.campaignID, unit = context.unit, plan = context.plan
        let outcome: DraftOutcome = try await app.writes.perform { db in
            let application = try await ApplicationModel.query(on: db).filter(\.$campaignID == campaignID).filter(\.$unitID == unit.id!).first()
            let inputs = try await ApplicationStore.workflowInputs(.recordInspection, application, campaignID: campaignID, unit: unit, plan: plan,
                                                                   builtIn: app.builtInCalendar, on: db)
            if case .failure(let refusal) = ApplicationWorkflow.check(.recordInspection, by: subject, on: inputs.snapshot, campaign: plan,
                                                                      today: today, calendar: inputs.calendar, extensions: inputs.extensions) {
                return .refused(refusal)
            }
            guard let id = application?.id, let row = try await InspectionAssignmentModel.query(on: db).filter(\.$applicationID == id)
                .filter(\.$inspectorID == inspector).first() else { throw AppError.notFound(AppError.nothingHere) }
            guard row.version == version else {
                let stored = row.draftJSON.flatMap { try? CampaignStore.decode(InspectionDraft.self, $0) }
                    ?? row.recordJSON.flatMap { try? CampaignStore.decode(InspectionRecord.self, $0) }.map(InspectionDraft.init)
                return stored == draft ? .saved(version: row.version, at: row.draftSavedAt ?? row.scoredAt ?? now) : .stale(version: row.version)
            }
            row.draftJSON = CampaignStore.encode(draft)
            row.draftSavedAt = now
            row.version += 1
            try await row.update(on: db)
            return .saved(version: row.version, at: now)
        }
        switch outcome {
        case .saved(let version, let at):
            return try SelfAssessmentController.json(DraftReply(saved: true, version: version, savedAt: Self.minute(at),
                                                                message: t(Strings.InspectionPages.draftSavedAt(Self.minute(at)))), status: .ok)
        case .stale(let version):
            return try SelfAssessmentController.json(DraftReply(saved: false, conflict: true, version: version,
                                                                message: t(Strings.InspectionPages.draftConflict)), status: .conflict)
        case .refused(let refusal):
            if case .access(let decision) = refusal { throw AppError.refused(decision) }
            return try SelfAssessmentController.json(DraftReply(saved: false, message: t(refusal.message)), status: .conflict)
        }
    }
}

struct MyInspectionsPage: Encodable {
    struct Row: Encodable {
        var unit: String
        var path: String
        var campaign: String
        var state: String
        var scored: String
        /// Declaring a conflict with the row's unit.
        var declare: String
    }

    var layout: Layout
    var heading: String
    var columns: [String]
    var rows: [Row]
    var empty: String
    var declare: String
    var conflicts: ApplicationPage.Link
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
    var draft: Draft
    var conflict: ConflictForm
    var csrf: String

    /// Declaring a conflict with this unit (回避), from the page itself.
    struct ConflictForm: Encodable {
        var heading: String
        var intro: String
        var action: String
        var unit: String
        var label: String
        var hint: String
        var submit: String
        var confirm: String
    }

    /// What the page's script needs for the draft: where to send it, where to keep it in the
    /// browser (by campaign, unit and account), and the words it shows.
    struct Draft: Encodable {
        var path: String
        var storageKey: String
        var hint: String
        /// The server's draft was put in the form (the page says so).
        var restored: String?
        var saving: String
        var saved: String
        var offline: String
        var failed: String
        var conflict: String
        var restoredLocal: String
        var staleLocal: String
        var restoreLocal: String
    }
}
