/// The readings the engine knows for settings that rules name (`join`, `partial`, `floor`).

/// How a join of conditions reads: "either" holds when any does, "both" only when all do.
public enum JoinReading: String, Sendable, CaseIterable {
    case either
    case both
}

/// What 扣完为止 floors a rule at: the whole item, or the rule's own share of it.
public enum FloorReading: String, Sendable, CaseIterable {
    /// The rule may take the whole item (down to 0).
    case item
    /// The rule takes at most its `share`, leaving the rest of the item to the other rules.
    case share
}

/// How a part of a unit counts in a shortfall rule (入会率88.5% against 90%: 1.5 points short).
public enum ShortfallReading: String, Sendable, CaseIterable {
    /// 1.5 points short → 1.5 units.
    case proportional
    /// Only whole units count → 1 unit.
    case whole
    /// Every started unit counts → 2 units.
    case started
}
