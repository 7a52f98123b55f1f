/// What a campaign is for. A federation may run one of each kind and subject a year.
public enum CampaignKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 申报评星: units apply for a tier (parts 1 and 2 of the campaign).
    case award
    /// 复查: a round re-scoring units named in an earlier campaign on the scheme in force
    /// (self-check, then inspection); each is kept, downgraded or delisted with a public reason.
    case reReview
    /// 年度自查（查漏补缺）: named units check themselves against the standard in a year without
    /// re-review; nothing is decided, each unit sees which items slipped.
    case selfCheck

    public var label: LocalizedText { Strings.ReReviews.kind(self) }
}
