import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Everything a page about one unit's application needs, loaded once and checked against the
/// policy for the action the page is about.
struct ApplicationContext: Sendable {
    var campaign: CampaignModel
    var plan: CampaignPlan
    var unit: OrganisationModel
    /// The scheme that rates this unit's kind in the campaign.
    var pin: SchemePin
    var application: ApplicationModel?
    var user: CurrentUser

    var campaignID: UUID { campaign.id! }
    var unitID: UUID { unit.id! }
    var state: ApplicationState { application.flatMap { ApplicationState(rawValue: $0.state) } ?? .notStarted }
}

/// What the audit trail keeps of an application after each change.
struct ApplicationAuditSnapshot: AuditSnapshot, Codable, Equatable {
    var name: String
    var state: String
    var tier: String?
    var aimedTier: String?
    var selfTotal: String?
    var round: Int
    var noticeStart: String?
    var noticeEnd: String?
    var decidedTier: String?
    var resultsEnd: String?
    var certificate: String?
    /// A chair campaign's person (`ChairPerson` JSON).
    var chair: String?

    init(_ application: ApplicationModel, unitName: String) {
        name = unitName
        state = application.state
        tier = application.tier
        aimedTier = application.aimedTier
        selfTotal = application.selfTotal
        round = application.round
        noticeStart = application.noticeStart
        noticeEnd = application.noticeEnd
        decidedTier = application.decidedTier
        resultsEnd = application.resultsEnd
        certificate = application.certificateNumber
        chair = ApplicationStore.chairPerson(application).map { person in
            [person.name, person.post.rawValue, person.unionWorkSince.description, person.tookOfficeOn.description,
             person.certificateOn?.description ?? "—"].joined(separator: " · ")
        }
    }
}

/// Reads applications and runs every change to one through the core's workflow, in the write
/// gate, with the version check and the audit entry in the same transaction.
enum ApplicationStore {
    /// Loads the campaign, the unit and its application for the URL's `:campaignID` and `:orgID`,
    /// and asks the policy whether the user may take `action` on the unit. A unit outside the
    /// campaign, or of a kind it does not rate, is "not found" like anything out of reach.
    static func context(_ req: Request, for action: Action) async throws -> ApplicationContext {
        let user = try req.requireUser()
        guard let campaign = try await CampaignModel.find(try req.campaignID(), on: req.db),
              let unit = try await OrganisationModel.find(try req.organisationID(), on: req.db),
              unit.level == OrganisationLevel.grassroots.rawValue,
              TreePath(text: campaign.ownerPath)?.contains(unit.treePath) == true else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let plan = try CampaignStore.plan(of: campaign)
        guard let kind = unit.kind.flatMap(UnionKind.init(rawValue:)), let pin = plan.scheme(for: kind) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let application = try await ApplicationModel.query(on: req.db)
            .filter(\.$campaignID == campaign.id!).filter(\.$unitID == unit.id!).first()
        // An inspector works only on the units assigned to them: the target carries its assignees.
        var target = unit.accessTarget
        if action == .recordInspection {
            target.assignees = Set(try await inspectors(application, on: req.db).map { $0.inspectorID.uuidString.lowercased() })
        }
        let decision = user.decide(action, on: target)
        guard decision.isAllowed else { throw AppError.refused(decision) }
        return ApplicationContext(campaign: campaign, plan: plan, unit: unit, pin: pin, application: application, user: user)
    }

    static func extensions(campaignID: UUID, unitID: UUID, on db: any Database) async throws -> [DeadlineExtension] {
        try await DeadlineExtensionModel.query(on: db).filter(\.$campaignID == campaignID).filter(\.$unitID == unitID).all()
            .compactMap { row in
                guard let step = CampaignStep(rawValue: row.step), let until = CalendarDate(parsing: row.until) else { return nil }
                return DeadlineExtension(step: step, until: until, reason: row.reason)
            }
    }

    /// The application as the workflow sees it.
    static func snapshot(_ application: ApplicationModel?, unit: OrganisationModel, unansweredObjections: Int,
                         pendingEndorsers: [TreePath] = [], inspectors: [InspectionAssignmentModel] = []) -> ApplicationSnapshot {
        let notice: NoticePeriod? = application.flatMap { a in
            guard let start = a.noticeStart.flatMap(CalendarDate.init(parsing:)), let end = a.noticeEnd.flatMap(CalendarDate.init(parsing:)) else { return nil }
            return NoticePeriod(start: start, end: end, workingDays: 0)
        }
        let vetoes = application.flatMap { try? CampaignStore.decode([String].self, $0.vetoesJSON) } ?? []
        return ApplicationSnapshot(state: application.flatMap { ApplicationState(rawValue: $0.state) } ?? .notStarted,
                                   unit: unit.treePath, notice: notice, unansweredObjections: unansweredObjections,
                                   vetoes: vetoes, returnedOn: application?.returnedOn.flatMap(CalendarDate.init(parsing:)),
                                   unitRetired: unit.retiredAt != nil, pendingEndorsers: pendingEndorsers,
                                   inspectors: Set(inspectors.map { $0.inspectorID.uuidString.lowercased() }),
                                   inspectorsScored: Set(inspectors.filter { $0.scoredAt != nil }.map { $0.inspectorID.uuidString.lowercased() }))
    }

    /// The inspectors assigned to the application.
    static func inspectors(_ application: ApplicationModel?, on db: any Database) async throws -> [InspectionAssignmentModel] {
        guard let id = application?.id else { return [] }
        return try await InspectionAssignmentModel.query(on: db).filter(\.$applicationID == id).all()
    }

    /// The sub-federations that endorse the unit's application (逐级审核), nearest first, by the
    /// levels of the nodes on its path.
    static func endorsementChain(unit: OrganisationModel, owner: TreePath, on db: any Database) async throws -> EndorsementChain {
        let ids = unit.treePath.ids.compactMap(UUID.init(uuidString:))
        let nodes = try await OrganisationModel.query(on: db).filter(\.$id ~~ ids).all()
        var levels: [String: OrganisationLevel] = [:]
        for node in nodes { levels[node.id!.uuidString.lowercased()] = OrganisationLevel(rawValue: node.level) }
        return EndorsementChain.of(unit: unit.treePath, owner: owner, levels: levels)
    }

    /// The chain without those that stamped the filed round; the whole chain before a filing (a
    /// returned application's next filing is a new round, stamped again).
    static func pendingEndorsers(_ application: ApplicationModel?, unit: OrganisationModel, owner: TreePath,
                                 on db: any Database) async throws -> [TreePath] {
        let chain = try await endorsementChain(unit: unit, owner: owner, on: db)
        guard let application, let id = application.id, application.state == ApplicationState.filed.rawValue else { return chain.endorsers }
        let stamped = try await EndorsementModel.query(on: db).filter(\.$applicationID == id).filter(\.$round == application.round).all()
        let done = Set(stamped.compactMap { TreePath(text: $0.endorserPath) })
        return chain.endorsers.filter { !done.contains($0) }
    }

    /// Objections not yet answered, to the unit's notice or (`results`) to the results notice.
    static func unansweredObjections(_ applicationID: UUID?, results: Bool = false, on db: any Database) async throws -> Int {
        guard let applicationID else { return 0 }
        return try await ObjectionModel.query(on: db).filter(\.$applicationID == applicationID).filter(\.$answer == nil)
            .filter(\.$notice == (results ? ObjectionModel.results : nil)).count()
    }

    /// What the workflow needs to judge `action` on the application, read only as far as the
    /// action needs it: a save, the commonest write, reads its extensions and nothing else (a
    /// write holds the gate while it reads).
    static func workflowInputs(_ action: ApplicationAction, _ application: ApplicationModel?, campaignID: UUID, unit: OrganisationModel,
                               plan: CampaignPlan, builtIn: WorkingDayCalendar, decidingFederation: TreePath? = nil,
                               namingFederation: TreePath? = nil, on db: any Database)
        async throws -> (snapshot: ApplicationSnapshot, calendar: WorkingDayCalendar, extensions: [DeadlineExtension]) {
        // Working days matter to the check only for the window to file again after a return.
        let calendar = application?.state == ApplicationState.returned.rawValue ? try await CalendarStore.calendar(builtIn: builtIn, on: db) : builtIn
        let extensions = try await extensions(campaignID: campaignID, unitID: unit.id!, on: db)
        let objections = [.file, .name].contains(action) ? try await unansweredObjections(application?.id, results: action == .name, on: db) : 0
        let endorsers = [.file, .endorse].contains(action) ? try await pendingEndorsers(application, unit: unit, owner: plan.owner, on: db) : []
        let inspectors = [.assignInspectors, .recordInspection, .completeInspection].contains(action) ? try await inspectors(application, on: db) : []
        var snapshot = snapshot(application, unit: unit, unansweredObjections: objections, pendingEndorsers: endorsers, inspectors: inspectors)
        snapshot.decidingFederation = decidingFederation
        snapshot.namingFederation = namingFederation
        snapshot.decidedTier = application?.decidedTier
        snapshot.resultsNotice = resultsNotice(application)
        snapshot.chair = chairPerson(application)
        return (snapshot, calendar, extensions)
    }

    /// A chair campaign's person as stored; nil when not entered.
    static func chairPerson(_ application: ApplicationModel?) -> ChairPerson? {
        application?.chairJSON.flatMap { try? CampaignStore.decode(ChairPerson.self, $0) }
    }

    /// The results notice as stored.
    static func resultsNotice(_ application: ApplicationModel?) -> NoticePeriod? {
        guard let start = application?.resultsStart.flatMap(CalendarDate.init(parsing:)),
              let end = application?.resultsEnd.flatMap(CalendarDate.init(parsing:)) else { return nil }
        return NoticePeriod(start: start, end: end, workingDays: 0)
    }

    /// What the workflow says of `action` now, for pages that show only what can be done.
    static func check(_ action: ApplicationAction, _ context: ApplicationContext, req: Request,
                      decidingFederation: TreePath? = nil, namingFederation: TreePath? = nil) async throws -> Result<ApplicationState, WorkflowRefusal> {
        let inputs = try await workflowInputs(action, context.application, campaignID: context.campaignID, unit: context.unit,
                                              plan: context.plan, builtIn: req.application.builtInCalendar,
                                              decidingFederation: decidingFederation, namingFederation: namingFederation, on: req.db)
        return ApplicationWorkflow.check(action, by: context.user.subject, on: inputs.snapshot, campaign: context.plan, today: req.today,
                                         calendar: inputs.calendar, extensions: inputs.extensions)
    }

    /// A refusal as the error the user reads: out of reach is "not found"; the rest say why.
    static func error(_ refusal: WorkflowRefusal) -> AppError {
        if case .access(let decision) = refusal { return .refused(decision) }
        return .conflict(refusal.message)
    }

    /// Takes `action` on the unit's application: re-reads it inside the write gate, refuses a stale
    /// `version`, asks the workflow (creating the application first when the action starts one),
    /// applies `change`, moves it to the state the workflow names, and writes the audit entry.
    @discardableResult
    static func perform(
        _ action: ApplicationAction, _ context: ApplicationContext, version: Int?, req: Request,
        subject: AccessSubject?, actor: AuditDraft.Actor, decidingFederation: TreePath? = nil, namingFederation: TreePath? = nil,
        auditAction: String? = nil, change: @escaping @Sendable (ApplicationModel, any Database) async throws -> Void = { _, _ in }
    ) async throws -> ApplicationModel {
        try await perform(action, context, version: version, app: req.application, today: req.today, subject: subject, actor: actor,
                          decidingFederation: decidingFederation, namingFederation: namingFederation, auditAction: auditAction, change: change)
    }

    /// The same, without a request (the demo command; tests that set up a state).
    @discardableResult
    static func perform(
        _ action: ApplicationAction, _ context: ApplicationContext, version: Int?, app: Application, today: CalendarDate,
        subject: AccessSubject?, actor: AuditDraft.Actor, decidingFederation: TreePath? = nil, namingFederation: TreePath? = nil,
        auditAction: String? = nil, change: @escaping @Sendable (ApplicationModel, any Database) async throws -> Void = { _, _ in }
    ) async throws -> ApplicationModel {
        let builtIn = app.builtInCalendar
        let campaignID = context.campaignID, unit = context.unit, plan = context.plan, pin = context.pin
        return try await app.writes.perform { db in
            let existing = try await ApplicationModel.query(on: db).filter(\.$campaignID == campaignID).filter(\.$unitID == unit.id!).first()
            if let version, let existing, existing.version != version {
                throw AppError.conflict(Strings.ApplicationPages.stale)
            }
            let inputs = try await workflowInputs(action, existing, campaignID: campaignID, unit: unit, plan: plan, builtIn: builtIn,
                                                  decidingFederation: decidingFederation, namingFederation: namingFederation, on: db)
            let next: ApplicationState
            switch ApplicationWorkflow.check(action, by: subject, on: inputs.snapshot, campaign: plan, today: today,
                                             calendar: inputs.calendar, extensions: inputs.extensions) {
            case .success(let state): next = state
            case .failure(let refusal): throw error(refusal)
            }
            let application = existing ?? newApplication(campaignID: campaignID, unit: unit, pin: pin, at: actor.at)
            let before = existing.map { ApplicationAuditSnapshot($0, unitName: unit.name) }
            try await change(application, db)
            application.state = next.rawValue
            application.version = (existing?.version ?? 0) + 1
            application.updatedAt = actor.at
            if existing == nil { try await application.create(on: db) } else { try await application.update(on: db) }
            try await AuditLog.append([AuditDraft(actor: actor, action: auditAction ?? "application.\(action.rawValue)", entityType: "application",
                                                  entityID: application.id!.uuidString.lowercased(), scope: unit.path, before: before,
                                                  after: ApplicationAuditSnapshot(application, unitName: unit.name))],
                                       on: db)
            return application
        }
    }

    static func newApplication(campaignID: UUID, unit: OrganisationModel, pin: SchemePin, at: Date) -> ApplicationModel {
        let application = ApplicationModel()
        application.id = UUID()
        application.campaignID = campaignID
        application.unitID = unit.id!
        application.unitPath = unit.path
        application.schemeID = pin.schemeID
        application.schemeHash = pin.contentHash
        application.state = ApplicationState.notStarted.rawValue
        application.answersJSON = #"{"facts":{}}"#
        application.notesJSON = "{}"
        application.vetoesJSON = "[]"
        application.round = 1
        application.version = 0
        application.createdAt = at
        application.updatedAt = at
        return application
    }
}
