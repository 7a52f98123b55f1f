extension Strings {
    /// The rewards list (奖励名单) and its spreadsheet.
    public enum Rewards {
        public static let unit = LocalizedText(zh: "单位", en: "Unit")
        public static let tier = LocalizedText(zh: "星级", en: "Tier")
        public static let members = LocalizedText(zh: "会员人数", en: "Members")
        public static let chair = LocalizedText(zh: "工会主席", en: "Union chair")
        public static let certificate = LocalizedText(zh: "证书编号", en: "Certificate")
        public static let fullAmount = LocalizedText(zh: "标准（元）", en: "Standard (yuan)")
        public static let amount = LocalizedText(zh: "应发（元）", en: "Due (yuan)")
        public static let reductions = LocalizedText(zh: "减发依据", en: "Reductions")
        public static let honours = LocalizedText(zh: "荣誉", en: "Honours")
        public static let export = LocalizedText(zh: "导出表格（CSV）", en: "Export (CSV)")
        public static func total(_ yuan: Points) -> LocalizedText {
            LocalizedText(zh: "奖励经费合计：\(yuan)元", en: "Total: \(yuan) yuan")
        }
    }
}
