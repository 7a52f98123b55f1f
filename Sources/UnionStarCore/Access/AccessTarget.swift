/// Where an object sits for the policy: at a node of the tree (and so inside every subtree above
/// it), or at the top, outside every node (a new prefecture, an account with no home, a role held
/// everywhere), which only a grant held everywhere covers.
public enum Place: Sendable, Hashable {
    case top
    case node(TreePath)
}

/// The states of an object that decide whether an action is open. Organisations are active or
/// retired (撤销); the campaign's application states join them as the workflow arrives.
public enum ObjectState: String, Sendable, Hashable, Codable {
    case active
    case retired
}

/// What a question to `AccessPolicy` is about: the object's place, its state, who is assigned to
/// it, and, for an account, whose account it is and where its roles lie.
public struct AccessTarget: Sendable, Hashable {
    public var place: Place
    public var state: ObjectState?
    /// Accounts assigned to the object (an inspector to a unit); empty when nobody is.
    public var assignees: Set<String>
    /// The account the object is, when it is one.
    public var accountID: String?
    /// Where the account's roles are bound: to change the account itself every one must lie in
    /// the actor's reach too, so a county's administrator cannot take over a prefecture's account.
    public var rolePlaces: [Place]

    public init(place: Place, state: ObjectState? = nil, assignees: Set<String> = [], accountID: String? = nil, rolePlaces: [Place] = []) {
        self.place = place
        self.state = state
        self.assignees = assignees
        self.accountID = accountID
        self.rolePlaces = rolePlaces
    }

    /// A node of the tree in its state.
    public static func organisation(_ path: TreePath, retired: Bool = false) -> AccessTarget {
        AccessTarget(place: .node(path), state: retired ? .retired : .active)
    }

    /// The top of the tree: where new prefecture federations are made and the whole tree imported.
    public static let top = AccessTarget(place: .top)

    /// An account, homed at `home` (or nowhere), holding roles at `rolePlaces`.
    public static func account(_ id: String, home: Place, rolePlaces: [Place]) -> AccessTarget {
        AccessTarget(place: home, accountID: id, rolePlaces: rolePlaces)
    }
}

/// Who asks: an account and the roles it holds.
public struct AccessSubject: Sendable, Hashable {
    public var accountID: String
    public var grants: [Grant]

    public init(accountID: String, grants: [Grant]) {
        self.accountID = accountID
        self.grants = grants
    }
}

/// The policy's answer, with the reason when it says no, so the app can say the right sentence
/// (or, for anything out of reach, the same "not found" as for an id that does not exist).
public enum AccessDecision: Sendable, Hashable {
    case allowed
    /// No role of the subject carries the action over the object's place.
    case outOfReach
    /// The action needs an assignment to the object that the subject does not have.
    case notAssigned
    /// The object's state does not allow the action (a retired unit cannot be edited).
    case wrongState(ObjectState)
    /// Administrators do not disable or reset their own account from the admin pages.
    case ownAccount

    public var isAllowed: Bool { self == .allowed }
}

/// The subtrees where an action is open to a subject.
public enum Reach: Sendable, Hashable {
    case nowhere
    case everywhere
    /// The outermost subtrees (none inside another), in the order of the grants.
    case within([TreePath])

    /// True for a node inside the reach.
    public func covers(_ path: TreePath) -> Bool {
        switch self {
        case .nowhere: false
        case .everywhere: true
        case .within(let tops): tops.contains { $0.contains(path) }
        }
    }
}
