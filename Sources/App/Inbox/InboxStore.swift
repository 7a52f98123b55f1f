import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// Reads what the inbox needs and asks the core (`Inbox.tasks`): the open applications in reach of
/// one person (by their grants and assignments), or of everyone (the reminder job), made into the
/// core's `InboxApplication`s in a handful of queries whatever their number (one per kind of fact,
/// per 1,000 applications).
struct InboxStore {
    let database: any Database
    let catalogue: SchemeCatalogue
    let builtInCalendar: WorkingDayCalendar

    init(database: any Database, catalogue: SchemeCatalogue, builtInCalendar: WorkingDayCalendar) {
        self.database = database
        self.catalogue = catalogue
        self.builtInCalendar = builtInCalendar
    }

    init(_ req: Request) {
        self.init(database: req.db, catalogue: req.catalogue, builtInCalendar: req.application.builtInCalendar)
    }

    init(_ app: Application) {
        self.init(database: app.db, catalogue: app.catalogue, builtInCalendar: app.builtInCalendar)
    }

    /// As much of an application as the inbox reads (not its answers or notes).
    struct Row: Decodable, Sendable {
        var id: UUID
        var campaign_id: UUID
        var unit_id: UUID
        var unit_path: String
        var scheme_id: String
        var scheme_hash: String
        var state: String
        var tier: String?
        var vetoes_json: String
        var notice_start: String?
        var notice_end: String?
        var returned_on: String?
        var results_start: String?
        var results_end: String?
        var round: Int
        var inspected_total: String?
        var decided_tier: String?
        var form_json: String?
    }

    static let columns = ["id", "campaign_id", "unit_id", "unit_path", "scheme_id", "scheme_hash", "state", "tier", "vetoes_json",
                          "notice_start", "notice_end", "returned_on", "round", "inspected_total", "form_json",
                          "results_start", "results_end", "decided_tier"]

    /// The states in which something waits for someone.
    /// (A round's `drafting` too, read apart: an award's drafting waits for no one.)
    static let openStates: [ApplicationState] = [.onNotice, .filed, .returned, .endorsed, .inspected, .decided, .onResultsNotice, .selfChecked]

    /// The core's view of some applications, with their campaigns' plans and titles and the
    /// working-day calendar in force.
    struct Loaded: Sendable {
        var applications: [InboxApplication]
        var plans: [String: CampaignPlan]
        var titles: [String: String]
        var calendar: WorkingDayCalendar

        func tasks(for subject: AccessSubject, today: CalendarDate) -> [InboxTask] {
            Inbox.tasks(for: subject, applications: applications, campaigns: plans, today: today, calendar: calendar)
        }
    }

    // MARK: Which applications

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    private func rows(states: [ApplicationState], _ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [Row] {
        let query = sql.select().columns(Self.columns.map { SQLColumn($0) }).from(ApplicationModel.schema)
            .where("state", .in, SQLBind.group(states.map(\.rawValue)))
        return try await filter(query).all(decoding: Row.self)
    }

    private func rows(states: [ApplicationState], under scope: TreePath?) async throws -> [Row] {
        try await rows(states: states) { query in scope.map { query.where("unit_path", .like, SQLBind($0.text + "%")) } ?? query }
    }

    /// The re-review and self-check rounds (few: one of each a federation a year).
    private func roundCampaigns() async throws -> [UUID] {
        try await CampaignModel.query(on: database).filter(\.$kind != CampaignKind.award.rawValue).all().compactMap(\.id)
    }

    /// The self-checks still being drafted in `rounds` under `scope` (a round's self-check is a task;
    /// an award's drafting is not, so those rows are never read).
    private func roundDrafts(in rounds: [UUID], under scope: TreePath?) async throws -> [Row] {
        try await rows(states: [.drafting], ids: rounds, column: "campaign_id").filter { row in scope.map { row.unit_path.hasPrefix($0.text) } ?? true }
    }

    private func rows(states: [ApplicationState], ids: [UUID], column: String) async throws -> [Row] {
        var found: [Row] = []
        for start in stride(from: 0, to: ids.count, by: ChunkedQuery.chunkSize) {
            let chunk = Array(ids[start..<min(start + ChunkedQuery.chunkSize, ids.count)])
            found += try await rows(states: states) { $0.where(SQLIdentifier(column), .in, SQLBind.group(chunk)) }
        }
        return found
    }

    /// The open applications that may hold a task for the person: their union's (a cadre), the
    /// filed ones under their sub-federation (a reviewer), those assigned to them and not scored
    /// (an inspector), and for staff the endorsed and decided ones of the campaigns their federation
    /// runs, and the inspected ones and those on the results notice under it (the level that
    /// decides or names the tier may be above the campaign's: 威海's five stars, 扬州's names). The
    /// core decides.
    func candidates(for subject: AccessSubject, accountID: UUID) async throws -> [Row] {
        var found: [UUID: Row] = [:]
        func add(_ rows: [Row]) { for row in rows { found[row.id] = row } }
        for grant in subject.grants {
            switch grant.role {
            case .unionCadre:
                add(try await rows(states: [.onNotice, .filed, .returned], under: grant.scope))
                add(try await roundDrafts(in: try await roundCampaigns(), under: grant.scope))
            case .subFederationReviewer:
                add(try await rows(states: [.filed], under: grant.scope))
            case .federationStaff, .prefectureStaff:
                add(try await rows(states: [.inspected, .onResultsNotice], under: grant.scope))
                var campaigns = CampaignModel.query(on: database)
                if let scope = grant.scope { campaigns = campaigns.filter(\.$ownerPath == scope.text) }
                let owned = try await campaigns.all().compactMap(\.id)
                add(try await rows(states: [.endorsed, .decided, .selfChecked], ids: owned, column: "campaign_id"))
            case .inspector, .federationAdmin:
                break
            }
        }
        if subject.grants.contains(where: { $0.role == .inspector }) {
            let assigned = try await InspectionAssignmentModel.query(on: database).filter(\.$inspectorID == accountID)
                .filter(\.$scoredAt == nil).all().map(\.applicationID)
            add(try await rows(states: [.endorsed, .selfChecked], ids: assigned, column: "id"))
        }
        return Array(found.values)
    }

    /// Every open application of this year's and last year's campaigns (the reminder job).
    func allOpen(today: CalendarDate) async throws -> [Row] {
        let campaigns = try await CampaignModel.query(on: database).filter(\.$year >= today.year - 1).all()
        let rounds = campaigns.filter { $0.kind != CampaignKind.award.rawValue }.compactMap(\.id)
        return try await rows(states: Self.openStates, ids: campaigns.compactMap(\.id), column: "campaign_id")
            + roundDrafts(in: rounds, under: nil)
    }

    // MARK: What the core reads

    /// The rows as the core sees them.
    func load(_ rows: [Row]) async throws -> Loaded {
        guard !rows.isEmpty else { return Loaded(applications: [], plans: [:], titles: [:], calendar: builtInCalendar) }
        let ids = rows.map(\.id)
        func having(_ states: Set<ApplicationState>) -> [Row] { rows.filter { ApplicationState(rawValue: $0.state).map(states.contains) ?? false } }
        let campaigns = try await ChunkedQuery.all(Set(rows.map(\.campaign_id))) { CampaignModel.query(on: database).filter(\.$id ~~ $0) }
        var plans: [UUID: CampaignPlan] = [:]
        var titles: [String: String] = [:]
        for campaign in campaigns {
            guard let id = campaign.id, let plan = try? CampaignStore.plan(of: campaign) else { continue }
            plans[id] = plan
            titles[id.uuidString.lowercased()] = campaign.title
        }
        let units = try await unitFacts(Array(Set(rows.map(\.unit_id))))
        let objections = try await unansweredObjections(ids)
        let pending = try await pendingEndorsers(having([.filed]), plans: plans)
        let assignments = Dictionary(grouping: try await ChunkedQuery.all(having([.endorsed, .selfChecked]).map(\.id)) {
            InspectionAssignmentModel.query(on: database).filter(\.$applicationID ~~ $0)
        }, by: \.applicationID)
        let extensions = Dictionary(grouping: try await ChunkedQuery.all(Set(rows.map(\.unit_id))) {
            DeadlineExtensionModel.query(on: database).filter(\.$unitID ~~ $0)
        }, by: { [$0.campaignID, $0.unitID] })
        let deciding = try await decidingFederations(having([.inspected]), plans: plans)
        let naming = try await namingFederations(having([.onResultsNotice]), plans: plans)
        // Working days matter only to the window to file again after a return, to the last day a
        // results notice can start (and to reminders).
        let calendar = having([.returned, .decided]).isEmpty ? builtInCalendar : try await CalendarStore.calendar(builtIn: builtInCalendar, on: database)

        var applications: [InboxApplication] = []
        applications.reserveCapacity(rows.count)
        for row in rows {
            guard let state = ApplicationState(rawValue: row.state), plans[row.campaign_id] != nil, let unitPath = TreePath(text: row.unit_path)
            else { continue }
            let unit = units[row.unit_id]
            let notice: NoticePeriod? = {
                guard let start = row.notice_start.flatMap(CalendarDate.init(parsing:)), let end = row.notice_end.flatMap(CalendarDate.init(parsing:))
                else { return nil }
                return NoticePeriod(start: start, end: end, workingDays: 0)
            }()
            let mine = assignments[row.id] ?? []
            var snapshot = ApplicationSnapshot(
                state: state, unit: unitPath, notice: notice, unansweredObjections: objections[row.id] ?? 0,
                vetoes: (try? CampaignStore.decode([String].self, row.vetoes_json)) ?? [],
                returnedOn: row.returned_on.flatMap(CalendarDate.init(parsing:)), unitRetired: unit?.retired ?? false,
                pendingEndorsers: pending[row.id] ?? [],
                inspectors: Set(mine.map { $0.inspectorID.uuidString.lowercased() }),
                inspectorsScored: Set(mine.filter { $0.scoredAt != nil }.map { $0.inspectorID.uuidString.lowercased() }))
            snapshot.decidingFederation = deciding[row.id]
            snapshot.namingFederation = naming[row.id]
            // The results notice's period; its unanswered objections are counted above with the others
            // (those to the union's own notice were all answered before it could file).
            if let start = row.results_start.flatMap(CalendarDate.init(parsing:)), let end = row.results_end.flatMap(CalendarDate.init(parsing:)) {
                snapshot.resultsNotice = NoticePeriod(start: start, end: end, workingDays: 0)
            }
            let name = unit?.name ?? "—"
            applications.append(InboxApplication(
                campaignID: row.campaign_id.uuidString.lowercased(), unitID: row.unit_id.uuidString.lowercased(), unitName: name,
                snapshot: snapshot, formReady: state == .onNotice && formReady(row, unitName: name),
                extensions: (extensions[[row.campaign_id, row.unit_id]] ?? []).compactMap { row in
                    guard let step = CampaignStep(rawValue: row.step), let until = CalendarDate(parsing: row.until) else { return nil }
                    return DeadlineExtension(step: step, until: until, reason: row.reason)
                }))
        }
        return Loaded(applications: applications, plans: Dictionary(uniqueKeysWithValues: plans.map { ($0.key.uuidString.lowercased(), $0.value) }),
                      titles: titles, calendar: calendar)
    }

    /// The person's tasks now.
    func tasks(for subject: AccessSubject, accountID: UUID, today: CalendarDate) async throws -> (tasks: [InboxTask], titles: [String: String]) {
        let loaded = try await load(try await candidates(for: subject, accountID: accountID))
        return (loaded.tasks(for: subject, today: today), loaded.titles)
    }

    // MARK: Facts, in bulk

    struct UnitFacts {
        var name: String
        var retired: Bool
    }

    private func unitFacts(_ ids: [UUID]) async throws -> [UUID: UnitFacts] {
        struct UnitRow: Decodable { var id: UUID; var name: String; var retired_at: Date? }
        var facts: [UUID: UnitFacts] = [:]
        for start in stride(from: 0, to: ids.count, by: ChunkedQuery.chunkSize) {
            let chunk = Array(ids[start..<min(start + ChunkedQuery.chunkSize, ids.count)])
            for row in try await sql.select().columns("id", "name", "retired_at").from(OrganisationModel.schema)
                .where("id", .in, SQLBind.group(chunk)).all(decoding: UnitRow.self) {
                facts[row.id] = UnitFacts(name: row.name, retired: row.retired_at != nil)
            }
        }
        return facts
    }

    /// Objections not yet answered, per application (those of the unit's notice and, once there is
    /// one, of the results notice: an application is on one notice at a time).
    private func unansweredObjections(_ ids: [UUID]) async throws -> [UUID: Int] {
        var counts: [UUID: Int] = [:]
        for start in stride(from: 0, to: ids.count, by: ChunkedQuery.chunkSize) {
            let chunk = Array(ids[start..<min(start + ChunkedQuery.chunkSize, ids.count)])
            let rows = try await sql.select().column("application_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(ObjectionModel.schema).where("application_id", .in, SQLBind.group(chunk)).where("answer", .is, SQLLiteral.null)
                .groupBy("application_id").all()
            for row in rows {
                counts[try row.decode(column: "application_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// The sub-federations still to stamp each filed application's round, nearest first.
    private func pendingEndorsers(_ filed: [Row], plans: [UUID: CampaignPlan]) async throws -> [UUID: [TreePath]] {
        guard !filed.isEmpty else { return [:] }
        let paths = filed.compactMap { TreePath(text: $0.unit_path) }
        let levels = try await OrganisationStore(database: database).levels(on: paths)
        let stamps = Dictionary(grouping: try await ChunkedQuery.all(filed.map(\.id)) {
            EndorsementModel.query(on: database).filter(\.$applicationID ~~ $0)
        }, by: \.applicationID)
        var pending: [UUID: [TreePath]] = [:]
        for row in filed {
            guard let plan = plans[row.campaign_id], let path = TreePath(text: row.unit_path) else { continue }
            let done = Set((stamps[row.id] ?? []).filter { $0.round == row.round }.map(\.endorserPath))
            pending[row.id] = EndorsementChain.of(unit: path, owner: plan.owner, levels: levels).endorsers.filter { !done.contains($0.text) }
        }
        return pending
    }

    /// The scheme the row's campaign pinned for it.
    private func scheme(_ row: Row, plans: [UUID: CampaignPlan]) async throws -> Scheme? {
        guard let pin = plans[row.campaign_id]?.schemes.values.first(where: { $0.contentHash == row.scheme_hash && $0.schemeID == row.scheme_id })
        else { return nil }
        return try await PinnedSchemes.shared.scorer(for: pin, on: database).scheme
    }

    private func tiers(_ row: Row, plans: [UUID: CampaignPlan]) async throws -> [Tier]? {
        try await scheme(row, plans: plans)?.tiers
    }

    /// The federation whose staff name each application on the results notice (or record 不予命名):
    /// the level that names the tier decided (`TierAcceptance.namingLevel`), as the results page.
    private func namingFederations(_ onNotice: [Row], plans: [UUID: CampaignPlan]) async throws -> [UUID: TreePath] {
        var found: [UUID: TreePath] = [:]
        for row in onNotice {
            guard let path = TreePath(text: row.unit_path), let tiers = try await tiers(row, plans: plans) else { continue }
            found[row.id] = ResultsStore.namingFederation(decided: row.decided_tier, applied: row.tier, tiers: tiers, unit: path)
        }
        return found
    }

    /// The federation whose staff decide each inspected application: the level that accepts the
    /// tier its inspected score gives (or, for none, the tier applied for), as the decision page.
    /// In a re-review round, the level its policy names records the outcome (as the outcomes page).
    private func decidingFederations(_ inspected: [Row], plans: [UUID: CampaignPlan]) async throws -> [UUID: TreePath] {
        var found: [UUID: TreePath] = [:]
        for row in inspected {
            guard let path = TreePath(text: row.unit_path) else { continue }
            if plans[row.campaign_id]?.campaignKind == .reReview {
                found[row.id] = try await scheme(row, plans: plans).flatMap { DecisionController.federation($0.reReview?.by, above: path) }
                continue
            }
            guard let tiers = try await tiers(row, plans: plans) else { continue }
            let vetoed = !((try? CampaignStore.decode([String].self, row.vetoes_json)) ?? []).isEmpty
            let computed = row.inspected_total.flatMap { Points(parsing: $0) }.flatMap {
                TierAcceptance.computed(inspected: $0, vetoed: vetoed, applied: row.tier, tiers: tiers)
            }
            found[row.id] = DecisionController.decidingFederation(tier: computed ?? row.tier, applied: row.tier, tiers: tiers, unit: path)
        }
        return found
    }

    /// The form holds everything filing asks for (the filing's own checks).
    private func formReady(_ row: Row, unitName: String) -> Bool {
        guard var form = row.form_json.flatMap({ try? CampaignStore.decode(RegistrationForm.self, $0) }) else { return false }
        form.unitName = unitName
        form.tier = RegistrationFormStore.tierName(row.tier, schemeID: row.scheme_id, catalogue: catalogue)
        return FilingController.filingProblems(form, labels: .forScheme(id: row.scheme_id)).isEmpty
    }
}
