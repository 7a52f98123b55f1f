/// Re-review (复查) of named unions: keep, downgrade or delist, with the reason in the scheme's words.
public enum ReReview {
    public enum Outcome: Sendable, Hashable, Codable {
        case keep
        /// Moved down to the tier the re-review score reaches (降星).
        case downgrade(toTierID: String)
        /// Title removed (摘牌 / 取消所表彰等级).
        case revoke
    }

    /// One named union at re-review: the tier it holds and its re-review score.
    public struct Case: Sendable, Hashable {
        public var unit: String
        public var tierID: String
        public var score: Points

        public init(unit: String, tierID: String, score: Points) {
            self.unit = unit
            self.tierID = tierID
            self.score = score
        }
    }

    public struct Decision: Sendable, Hashable {
        public var unit: String
        public var outcome: Outcome
        /// The public reason (公示原因).
        public var reason: String
    }

    /// Decides a whole cohort at once, since Yizheng's rule depends on rank within each tier.
    public static func decide(_ cases: [Case], scheme: Scheme) -> [Decision] {
        guard let policy = scheme.reReview else {
            return cases.map { Decision(unit: $0.unit, outcome: .keep, reason: "") }
        }
        switch policy.kind {
        case .downgrade:
            return cases.map { downgrade($0, scheme: scheme, policy: policy) }
        case .revokeBottom:
            return cases.map { revokeBottom($0, cohort: cases, policy: policy) }
        }
    }

    /// Rushan: below the held tier's minimum → the tier the score reaches, or delisted below all.
    static func downgrade(_ c: Case, scheme: Scheme, policy: ReReviewPolicy) -> Decision {
        guard let held = scheme.tier(id: c.tierID), c.score < held.minimum else {
            return Decision(unit: c.unit, outcome: .keep, reason: "")
        }
        if let lower = TierDecision.tier(for: c.score, in: scheme.tiers) {
            return Decision(unit: c.unit, outcome: .downgrade(toTierID: lower.id),
                            reason: "复查得分\(c.score)分，达不到\(held.name)标准（\(held.minimum)分），降为\(lower.name)")
        }
        return Decision(unit: c.unit, outcome: .revoke,
                        reason: "复查得分\(c.score)分，达不到\(held.name)标准（\(held.minimum)分），摘牌")
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
                        reason: "复查得分\(c.score)分（\(threshold)分以下）且列表彰等级后\(places)名，取消所表彰等级")
    }
}
