/// What a campaign is for: awarding stars, or checking those already named.
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

    /// The steps of the timetable this kind of campaign goes through (a round has no congress,
    /// notice, filing or naming: its self-check, and a re-review's inspection).
    public var steps: [CampaignStep] {
        switch self {
        case .award: CampaignStep.allCases
        case .reReview: [.selfCheck, .inspection]
        case .selfCheck: [.selfCheck]
        }
    }

    /// The states an application of this kind of campaign passes through, in order.
    public var states: [ApplicationState] {
        switch self {
        case .award: ApplicationState.allCases.filter { ![.selfChecked, .reReviewed].contains($0) }
        case .reReview: [.drafting, .selfChecked, .inspected, .reReviewed]
        case .selfCheck: [.drafting, .selfChecked]
        }
    }
}
