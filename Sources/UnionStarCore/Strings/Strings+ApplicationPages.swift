extension Strings {
    /// A unit's application page.
    public enum ApplicationPages {
        public static let state = LocalizedText(zh: "当前状态", en: "Stage")
        public static let scheme = LocalizedText(zh: "适用标准", en: "Scheme")
        public static let aimedTier = LocalizedText(zh: "预申报星级", en: "Tier aimed at")
        public static let tier = LocalizedText(zh: "申报星级", en: "Tier applied for")
        public static let selfScore = LocalizedText(zh: "自评得分", en: "Self-score")
        public static let preApply = LocalizedText(zh: "提交预申报", en: "Pre-apply")
        public static let start = LocalizedText(zh: "开始自查自评", en: "Start the self-assessment")
        public static let openTiers = LocalizedText(zh: "可申报星级", en: "Tiers open")
        public static let tierInvalid = LocalizedText(zh: "请选择本次活动开放的星级。", en: "Choose a tier this campaign offers.")
        public static let stale = LocalizedText(
            zh: "这份申报刚被他人修改过，您的操作没有执行。请查看最新内容后再试。",
            en: "Someone else changed this application just now; your action was not taken. Look at the latest version and try again.")
        public static func extended(until: CalendarDate, reason: String) -> LocalizedText {
            LocalizedText(zh: "已为本单位延至\(Campaign.date(until, .zh))（\(reason)）", en: "Reopened for this unit until \(until) (\(reason))")
        }
        public static let reopenHeading = LocalizedText(zh: "为本单位延长期限", en: "Reopen a step for this unit")
        public static let reopenStep = LocalizedText(zh: "环节", en: "Step")
        public static let reopenUntil = LocalizedText(zh: "延至（YYYY-MM-DD）", en: "Until (YYYY-MM-DD)")
        public static let reopenReason = LocalizedText(zh: "理由", en: "Reason")
        public static let reopenSubmit = LocalizedText(zh: "延长期限", en: "Reopen")
    }
}
