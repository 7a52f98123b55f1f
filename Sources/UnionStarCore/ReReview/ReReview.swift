/// Re-review (复查) of named unions: keep, downgrade or delist, with the reason in the scheme's words.
public enum ReReview {
    public enum Outcome: Sendable, Hashable, Codable {
        case keep
        /// Moved down to the tier the re-review score reaches (降星).
        case downgrade(toTierID: String)
        /// Title removed (摘牌 / 取消所表彰等级).
        case revoke
    }

    /// One named union at re-review: the tier it holds, its re-review score, and the vetoes that
    /// hold in the re-review year.
    public struct Case: Sendable, Hashable {
        public var unit: String
        public var tierID: String
        public var score: Points
        public var vetoes: [VetoHit]

        public init(unit: String, tierID: String, score: Points, vetoes: [VetoHit] = []) {
            self.unit = unit
            self.tierID = tierID
            self.score = score
            self.vetoes = vetoes
        }
    }

    public struct Decision: Sendable, Hashable {
        public var unit: String
        public var outcome: Outcome
        /// The public reason (公示原因).
        public var reason: String
    }

    /// Decides a whole cohort at once, since Yizheng's rule depends on rank within each tier.
    ///
    /// A veto that holds in the re-review year takes the title away under either kind of policy
    /// (unless the scheme says `vetoesApply: false`): a union that could not be named that year,
    /// whatever its score, does not keep the name either. Vetoed unions still count in Yizheng's
    /// ranking by score.
    public static func decide(_ cases: [Case], scheme: Scheme) -> [Decision] {
        guard let policy = scheme.reReview else {
            return cases.map { Decision(unit: $0.unit, outcome: .keep, reason: "") }
        }
        return cases.map { c in
            if policy.appliesVetoes, !c.vetoes.isEmpty {
                return vetoed(c, policy: policy)
            }
            switch policy.kind {
            case .downgrade: return downgrade(c, scheme: scheme)
            case .revokeBottom: return revokeBottom(c, cohort: cases, policy: policy)
            }
        }
    }

    /// A veto holds in the re-review year: the title goes.
    static func vetoed(_ c: Case, policy: ReReviewPolicy) -> Decision {
        let ending = policy.kind == .downgrade ? Strings.Scoring.ReReview.delisted : Strings.Scoring.ReReview.titleRevoked
        return Decision(unit: c.unit, outcome: .revoke, reason: Strings.Scoring.ReReview.vetoed(c.vetoes.map(\.text), ending).zh)
    }

    /// Rushan: the tier the re-review score reaches (as `TierDecision` decides it) is kept if it is
    /// at least the held one, else the union moves down to it, or is delisted below all tiers.
    static func downgrade(_ c: Case, scheme: Scheme) -> Decision {
        guard let held = scheme.tier(id: c.tierID) else { return Decision(unit: c.unit, outcome: .keep, reason: "") }
        let reached = TierDecision.decide(total: c.score, vetoed: false, tiers: scheme.tiers).reached.map { scheme.tiers[$0] }
        if let reached, reached.minimum >= held.minimum {
            return Decision(unit: c.unit, outcome: .keep, reason: "")
        }
        if let lower = reached {
            return Decision(unit: c.unit, outcome: .downgrade(toTierID: lower.id),
                            reason: Strings.Scoring.ReReview.downgraded(score: c.score, held: held.name, minimum: held.minimum, to: lower.name).zh)
        }
        return Decision(unit: c.unit, outcome: .revoke,
                        reason: Strings.Scoring.ReReview.belowAllTiers(score: c.score, held: held.name, minimum: held.minimum).zh)
    }

    /// Yizheng: score at most the threshold *and* among the last N of the same tier → revoked.
    /// A union is among the last N when fewer than N others of its tier scored strictly lower, so
    /// ties at the boundary are treated alike.
    static func revokeBottom(_ c: Case, cohort: [Case], policy: ReReviewPolicy) -> Decision {
        let threshold = policy.scoreAtMost ?? .zero
        let places = policy.lastPlaces ?? 0
        let lower = cohort.filter { $0.tierID == c.tierID && $0.score < c.score }.count
        guard c.score <= threshold, lower < places else {
            return Decision(unit: c.unit, outcome: .keep, reason: "")
        }
        return Decision(unit: c.unit, outcome: .revoke,
                        reason: Strings.Scoring.ReReview.bottomOfTier(score: c.score, threshold: threshold, places: places).zh)
    }
}
