/// Naming decisions from a total and the vetoes: pure functions, so boundaries are tested as tables.
public enum TierDecision {
    /// The highest tier whose minimum is at or below `total` (minima are inclusive), or nil.
    public static func tier(for total: Points, in tiers: [Tier]) -> Tier? {
        tiers.filter { $0.minimum <= total }.max { $0.minimum < $1.minimum }
    }

    /// The tier the union can be named at: none while any veto holds, whatever the score.
    public static func namedTier(for total: Points, in tiers: [Tier], vetoes: [VetoHit]) -> Tier? {
        vetoes.isEmpty ? tier(for: total, in: tiers) : nil
    }
}
