/// The one place that decides who may do what: role × the object's place in the tree × its state
/// × who is assigned to it. The app asks it on every route, about the object itself, and never
/// decides on its own.
public enum AccessPolicy {
    /// The roles that carry an action. A switch over every action, so a new action is open to
    /// nobody until someone writes here who may take it: no role, administrators included, gets
    /// future actions by default.
    public static func roles(for action: Action) -> Set<Role> {
        switch action {
        case .viewOrganisation:
            [.unionCadre, .subFederationReviewer, .federationStaff, .federationAdmin, .prefectureStaff, .inspector]
        case .exportOrganisations:
            [.subFederationReviewer, .federationStaff, .federationAdmin, .prefectureStaff]
        case .createOrganisation, .editOrganisation, .moveOrganisation, .retireOrganisation, .restoreOrganisation, .importOrganisations:
            [.federationStaff, .federationAdmin]
        case .viewAudit:
            [.federationStaff, .federationAdmin, .prefectureStaff]
        case .viewAccounts, .manageAccounts, .assignRoles:
            [.federationAdmin]
        case .recordInspection:
            [.inspector]
        case .manageCampaigns, .reopenDeadline:
            [.federationStaff]
        case .viewCampaign:
            [.subFederationReviewer, .federationStaff, .federationAdmin, .prefectureStaff]
        case .workOnApplication:
            [.unionCadre]
        case .viewApplication:
            [.unionCadre, .subFederationReviewer, .federationStaff, .prefectureStaff]
        case .returnApplication:
            [.subFederationReviewer, .federationStaff]
        case .endorseApplication:
            [.subFederationReviewer]
        case .manageReview, .decideTier:
            [.federationStaff, .prefectureStaff]
        case .declareConflict:
            [.inspector]
        case .drawSpotCheck:
            [.prefectureStaff]
        case .runSurvey:
            [.unionCadre, .federationStaff]
        }
    }

    /// The states an object must be in for the action; nil when any state will do.
    public static func requiredStates(for action: Action) -> Set<ObjectState>? {
        switch action {
        case .createOrganisation, .editOrganisation, .moveOrganisation, .retireOrganisation, .importOrganisations: [.active]
        case .restoreOrganisation: [.retired]
        case .viewOrganisation, .exportOrganisations, .viewAudit, .viewAccounts, .manageAccounts, .assignRoles, .recordInspection,
             .manageCampaigns, .viewCampaign, .reopenDeadline, .viewApplication, .returnApplication, .endorseApplication,
             .manageReview, .decideTier, .declareConflict, .drawSpotCheck: nil
        // An application's own states are the workflow's to judge (ApplicationWorkflow); a
        // retired unit does no more work.
        case .workOnApplication, .runSurvey: [.active]
        }
    }

    /// Whether a role takes the action only on objects it is assigned to (an inspector records
    /// findings only for the units assigned to them, whatever their scope).
    public static func needsAssignment(_ role: Role, for action: Action) -> Bool {
        role == .inspector && action == .recordInspection
    }

    /// The answer to "may this subject take this action on this object?".
    public static func decide(_ subject: AccessSubject, _ action: Action, on target: AccessTarget) -> AccessDecision {
        let carrying = subject.grants.filter { roles(for: action).contains($0.role) && $0.covers(target.place) }
        guard !carrying.isEmpty else { return .outOfReach }
        let assigned = target.assignees.contains(subject.accountID)
        guard carrying.contains(where: { !needsAssignment($0.role, for: action) || assigned }) else { return .notAssigned }
        if action == .manageAccounts {
            // Changing an account needs every place its roles lie in to be covered as well.
            for place in target.rolePlaces where !carrying.contains(where: { $0.covers(place) }) { return .outOfReach }
            if target.accountID == subject.accountID { return .ownAccount }
        }
        if let states = requiredStates(for: action), let state = target.state, !states.contains(state) {
            return .wrongState(state)
        }
        return .allowed
    }

    /// Shorthand for `decide(…).isAllowed`.
    public static func permits(_ subject: AccessSubject, _ action: Action, on target: AccessTarget) -> Bool {
        decide(subject, action, on: target).isAllowed
    }

    /// Where the action is open to the subject, for pages that list what is in reach.
    public static func reach(_ subject: AccessSubject, for action: Action) -> Reach {
        let scopes = subject.grants.filter { roles(for: action).contains($0.role) }.map(\.scope)
        if scopes.isEmpty { return .nowhere }
        if scopes.contains(where: { $0 == nil }) { return .everywhere }
        let paths = scopes.compactMap { $0 }
        var outermost: [TreePath] = []
        for path in paths where !paths.contains(where: { $0 != path && $0.contains(path) }) && !outermost.contains(path) {
            outermost.append(path)
        }
        return .within(outermost)
    }
}
