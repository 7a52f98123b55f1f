/// The dated steps of a campaign, in the order they happen (时间安排).
public enum CampaignStep: String, Sendable, Hashable, Codable, CaseIterable {
    /// 年初预申报 (Yizheng; optional for Rushan).
    case preApplication
    /// 自查 / 自查自评.
    case selfCheck
    /// 召开职工（代表）大会或职代会团（组）长会议研究确定申报星级 (Rushan).
    case congressDecision
    /// 向职工公示 / 在本单位公示.
    case unitNotice
    /// 申报 (the 申报登记表 filed).
    case application
    /// 督导检查 / 考核验收 / 考评.
    case inspection
    /// 推荐对象公示 / results notice.
    case resultsNotice
    /// 推荐表彰 (Yizheng: to Yangzhou by 11-15).
    case recommendation

    /// The scheme timeline's step ids that stand for this step.
    public var timelineIDs: [String] {
        switch self {
        case .preApplication: ["pre-application"]
        case .selfCheck: ["self-check", "self-assessment"]
        case .congressDecision: ["congress-decision"]
        case .unitNotice: ["unit-notice"]
        case .application: ["apply"]
        case .inspection: ["inspection", "assessment"]
        case .resultsNotice: ["results-notice"]
        case .recommendation: ["recommend"]
        }
    }

    public var label: LocalizedText { Strings.Campaign.step(self) }
}
