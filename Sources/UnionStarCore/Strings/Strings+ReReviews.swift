extension Strings {
    /// Re-review (复查) and yearly self-check (年度自查) rounds.
    public enum ReReviews {
        public static func kind(_ kind: CampaignKind) -> LocalizedText {
            switch kind {
            case .award: LocalizedText(zh: "申报评星", en: "awards")
            case .reReview: LocalizedText(zh: "复查", en: "re-review")
            case .selfCheck: LocalizedText(zh: "年度自查", en: "yearly self-check")
            }
        }

        public static func outcome(_ outcome: ReReview.Outcome, tierName: (String) -> LocalizedText) -> LocalizedText {
            switch outcome {
            case .keep: LocalizedText(zh: "保留星级", en: "kept")
            case .downgrade(let tier): LocalizedText(zh: "降为\(tierName(tier).zh)", en: "downgraded to \(tierName(tier).en)")
            case .revoke: LocalizedText(zh: "摘牌（取消星级）", en: "delisted")
            }
        }
    }
}
