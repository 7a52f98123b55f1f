extension Strings {
    /// Honours candidates (获评单位和个人可优先参评各级工会荣誉), the chairs' reward (适当奖励) and the
    /// tier honours (五一劳动奖状/奖章).
    public enum Honours {
        public static let heading = LocalizedText(zh: "工会荣誉推荐对象", en: "Candidates for union honours")
        public static let intro = LocalizedText(
            zh: "获评星级的单位和个人可优先参评各级工会荣誉，优先作为工会系统评先评优的推荐对象。下列为您所辖范围内已命名的星级基层工会（及其工会主席）和星级基层工会主席。",
            en: "Named units and people come first for union honours. These are the named star unions (with their chairs) and star union chairs in your reach.")
        public static let link = LocalizedText(zh: "荣誉推荐对象", en: "Honours candidates")
        public static let year = LocalizedText(zh: "年度", en: "Year")
        public static let subject = LocalizedText(zh: "类别", en: "Kind")
        public static let unit = LocalizedText(zh: "单位", en: "Unit")
        public static let person = LocalizedText(zh: "工会主席", en: "Union chair")
        public static let tier = LocalizedText(zh: "星级", en: "Tier")
        public static let issuer = LocalizedText(zh: "命名单位", en: "Named by")
        public static let certificate = LocalizedText(zh: "证书编号", en: "Certificate")
        public static let honour = LocalizedText(zh: "荣誉", en: "Honour")
        public static let any = LocalizedText(zh: "全部", en: "All")
        public static let filter = LocalizedText(zh: "筛选", en: "Filter")
        public static let export = LocalizedText(zh: "导出表格（CSV）", en: "Export (CSV)")
        public static let none = LocalizedText(zh: "没有符合条件的命名单位或个人。", en: "No named unit or person matches.")
        public static let yearInvalid = LocalizedText(zh: "年度须为四位数字，如 2019。", en: "The year is four digits, e.g. 2019.")

        // The rewards list's chairs.
        public static let recentChairsHeading = LocalizedText(zh: "近两年受到星级基层工会表彰的工会主席（给予适当奖励）",
                                                              en: "Chairs honoured in the last two years (a suitable reward)")
        public static let recentChairsNote = LocalizedText(
            zh: "文件只写“给予适当奖励”，未定金额，故不列金额；由市总工会确定。包括本年度和上一年度获命名的星级基层工会的主席和获命名的星级基层工会主席。",
            en: "The notice says only “a suitable reward”, with no figure, so no amount is listed; the federation sets it. It lists the chairs of unions named this year and last, and the chairs named themselves.")
        public static func basis(_ subject: UnionStarCore.Scheme.Subject, year: Int, tier: LocalizedText) -> LocalizedText {
            switch subject {
            case .union: LocalizedText(zh: "所在工会获评\(year)年度\(tier.zh)基层工会", en: "Their union named \(tier.en) in \(year)")
            case .chair: LocalizedText(zh: "本人获评\(year)年度\(tier.zh)基层工会主席", en: "Named \(tier.en) union chair in \(year)")
            }
        }
        public static let basisColumn = LocalizedText(zh: "表彰情况", en: "Honoured as")

        // The tier honours (May Day candidates).
        public static let tierHeading = LocalizedText(zh: "择优推荐名单（五一劳动奖状、奖章等）", en: "Recommendations for the tiers' honours (May Day awards)")
        public static let tierIntro = LocalizedText(
            zh: "从本年度被表彰的五星级基层工会和工会主席中择优，按规定程序推荐申报扬州市五一劳动奖状和五一劳动奖章。列出本年度命名的、所获星级附有荣誉的工会和工会主席（含同年度的工会和工会主席两项评选）。",
            en: "The best of the year's honoured five-star unions and chairs are recommended for the Yangzhou May Day awards. Listed: the unions and chairs named this year (both campaigns of the year) whose tier carries an honour.")
        public static let tierLink = LocalizedText(zh: "择优推荐名单", en: "Honours recommendations")
    }
}
