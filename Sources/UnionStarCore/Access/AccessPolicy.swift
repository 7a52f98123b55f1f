/// The one place that decides who may do what, where: role × action × the target's place in the
/// tree. The app asks it on every route, about the object itself.
public enum AccessPolicy {
    /// Which actions each role carries.
    public static func actions(of role: Role) -> Set<Action> {
        switch role {
        case .unionCadre, .inspector:
            [.viewOrganisation]
        case .subFederationReviewer:
            [.viewOrganisation, .exportOrganisations]
        case .prefectureStaff:
            [.viewOrganisation, .exportOrganisations, .viewAudit]
        case .federationStaff:
            [.viewOrganisation, .createOrganisation, .editOrganisation, .moveOrganisation, .retireOrganisation,
             .importOrganisations, .exportOrganisations, .viewAudit]
        case .federationAdmin:
            Set(Action.allCases)
        }
    }

    /// True when some grant carries the action and covers the target.
    public static func permits(_ grants: [Grant], _ action: Action, on target: TreePath) -> Bool {
        grants.contains { actions(of: $0.role).contains(action) && $0.covers(target) }
    }

    /// True when some grant carries the action anywhere (for pages that list what is in scope).
    public static func permitsSomewhere(_ grants: [Grant], _ action: Action) -> Bool {
        grants.contains { actions(of: $0.role).contains(action) }
    }

    /// The subtrees where the action is allowed; `nil` inside the array means everywhere.
    public static func scopes(_ grants: [Grant], for action: Action) -> [TreePath?] {
        grants.filter { actions(of: $0.role).contains(action) }.map(\.scope)
    }
}
