/// The one place a tier (星级) is decided from a total, the vetoes and a scheme's tiers. The scorer,
/// re-review, the command line, the API and the pages all take their tier from here.
public enum TierDecision {
    /// Tiers as indices into the scheme's `tiers`.
    public struct Outcome: Sendable, Hashable {
        /// The highest tier whose minimum the total reaches (minima are inclusive: 70分以上（含70分）),
        /// vetoes aside; nil below the lowest.
        public var reached: Int?
        /// The tier the union can be named at: `reached`, unless a veto holds (一票否决), then nil.
        public var named: Int?
    }

    public static func decide(total: Points, vetoed: Bool, tiers: [Tier]) -> Outcome {
        var reached: Int?
        var best = Points.zero
        for index in tiers.indices {
            let minimum = tiers[index].minimum
            if total >= minimum, reached == nil || minimum > best {
                reached = index
                best = minimum
            }
        }
        return Outcome(reached: reached, named: vetoed ? nil : reached)
    }
}
