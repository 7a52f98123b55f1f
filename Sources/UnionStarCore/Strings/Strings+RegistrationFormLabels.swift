extension Strings {
    /// The words printed on the 申报登记表: Rushan's attachment 3 word for word, and the same
    /// facts under Yizheng's names.
    public enum RegistrationFormLabels {
        public static let rushanTitle = LocalizedText(zh: "“活力基层工会”申报登记表", en: "“Vibrant Grassroots Union” application registration form")
        public static let rushanUnitName = LocalizedText(zh: "申报单位", en: "Applicant unit")
        public static let rushanTier = LocalizedText(zh: "申报星级", en: "Star tier applied for")
        public static let rushanChairName = LocalizedText(zh: "工会主席", en: "Union chair")
        public static let rushanPhone = LocalizedText(zh: "联系电话", en: "Contact phone")
        public static let rushanMainWork = LocalizedText(zh: "主 要 工 作（简明扼要1000字以内）", en: "Main work (concise, at most 1,000 characters)")
        public static let rushanUnitUnion = LocalizedText(zh: "单位工会意见", en: "Opinion of the unit's union")
        public static let rushanDistrictFederation = LocalizedText(zh: "区（市）总工会意见", en: "Opinion of the district (city) federation of trade unions")
        public static let rushanCityFederation = LocalizedText(zh: "市总工会审批意见", en: "Approval of the city federation of trade unions")
        public static let yizhengTitle = LocalizedText(zh: "“新时代星级基层工会”申报登记表", en: "“New-era star grassroots union” application registration form")
        public static let yizhengUnitName = rushanUnitName
        public static let yizhengTier = rushanTier
        public static let yizhengChairName = rushanChairName
        public static let yizhengPhone = rushanPhone
        public static let yizhengMainWork = LocalizedText(zh: "主要工作（简明扼要1000字以内）", en: "Main work (concise, at most 1,000 characters)")
        public static let yizhengUnitUnion = rushanUnitUnion
        public static let yizhengDistrictFederation = LocalizedText(zh: "镇（园区、系统）工会审核意见", en: "Review of the town (park, system) union")
        public static let yizhengCityFederation = LocalizedText(zh: "市总工会推荐意见", en: "Recommendation of the city federation of trade unions")
        public static let yizhengChairTitle = LocalizedText(zh: "“新时代星级基层工会主席”申报登记表", en: "“New-era star grassroots union chair” application registration form")
        public static let stampText = LocalizedText(zh: "（章）", en: "(Seal)")
        public static let blankDateText = LocalizedText(zh: "      年   月   日", en: "Date: ____________")

        /// `2026年9月1日`, as the date line of an opinion box reads.
        public static func chineseDate(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }
    }
}
