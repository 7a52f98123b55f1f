/// Why an account may not inspect a unit (回避).
public enum Conflict: Sendable, Hashable {
    /// The account belongs to the unit itself.
    case ownUnit
    /// The account belongs to a sub-federation above the unit, which endorsed (or will endorse)
    /// its application.
    case endorsingBody(TreePath)
    /// The inspector declared a conflict with the unit (kin, a former post, …), with its reason.
    case declared(String)

    public var message: LocalizedText { Strings.Review.conflict(self) }
}

/// Who may not inspect whom. An account belongs to the node it is homed at (`home`). The
/// federation that runs the campaign and those above it are the inspecting bodies (Rushan: 乳山市
/// 总工会将…进行督导检查), so belonging to them is no conflict; belonging to the unit, or to a
/// sub-federation between it and the campaign's federation, is. See docs/DECISIONS.md.
public enum ConflictOfInterest {
    public static func check(home: TreePath?, declared: [(unit: TreePath, reason: String)], unit: TreePath,
                             owner: TreePath) -> Conflict? {
        if let found = declared.first(where: { $0.unit == unit }) { return .declared(found.reason) }
        guard let home else { return nil }
        if home == unit { return .ownUnit }
        if home.contains(unit), home.depth > owner.depth { return .endorsingBody(home) }
        return nil
    }
}
