/// Who a round takes: the units named in earlier campaigns, chosen by the scheme's policy.
public enum ReReviewCohort {
    /// A unit named in an earlier campaign, with where its name stands now.
    public struct Named: Sendable, Hashable {
        /// The named application (the earlier assessment a round compares against).
        public var application: String
        public var unit: String
        /// The year of the campaign that named it.
        public var year: Int
        /// The tier it was named at, and the one it holds now (lower after a downgrade; nil once
        /// delisted).
        public var namedTier: String
        public var heldTier: String?
        /// Already in a round of this kind for the year being opened.
        public var inRound: Bool

        public init(application: String, unit: String, year: Int, namedTier: String, heldTier: String?, inRound: Bool = false) {
            self.application = application
            self.unit = unit
            self.year = year
            self.namedTier = namedTier
            self.heldTier = heldTier
            self.inRound = inRound
        }
    }

    /// The re-review cohort of `year`: the units named in the policy's cohort year (Rushan: two
    /// years before, 2020 reviews 2018; Yizheng: the year before, from 2019) that still hold a
    /// star and are not yet in the round. Nobody before the policy's first year, or without one.
    public static func reReview(_ named: [Named], policy: ReReviewPolicy?, year: Int) -> [Named] {
        guard let policy, let cohortYear = policy.cohortYear(for: year) else { return [] }
        return named.filter { $0.year == cohortYear && $0.heldTier != nil && !$0.inRound }
    }

    /// The yearly self-check (每年都要对照创建标准查漏补缺) of `year`: every unit holding a star named
    /// before `year` and not re-reviewed that year; a unit named more than once checks against its
    /// latest naming.
    public static func selfCheck(_ named: [Named], policy: ReReviewPolicy?, year: Int) -> [Named] {
        let reviewed = Set(reReview(named.map { var n = $0; n.inRound = false; return n }, policy: policy, year: year).map(\.unit))
        var latest: [String: Named] = [:]
        for unit in named where unit.year < year && unit.heldTier != nil {
            if let seen = latest[unit.unit], seen.year >= unit.year { continue }
            latest[unit.unit] = unit
        }
        return latest.values.filter { !reviewed.contains($0.unit) && !$0.inRound }.sorted { ($0.unit, $0.year) < ($1.unit, $1.year) }
    }
}
