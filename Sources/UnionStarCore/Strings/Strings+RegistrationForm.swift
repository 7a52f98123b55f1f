extension Strings {
    /// What the 申报登记表 (`RegistrationForm`) says when a field is wrong; each sentence names its field.
    public enum RegistrationForm {
        public static let unitNameRequired = LocalizedText(zh: "请填写申报单位。", en: "Enter the applicant unit.")
        public static let unitNameTooLong = tooLong(zh: "申报单位", en: "The applicant unit", limit: UnionStarCore.RegistrationForm.unitNameLimit)
        public static let tierRequired = LocalizedText(zh: "请填写申报星级。", en: "Enter the star tier applied for.")
        public static let tierTooLong = tooLong(zh: "申报星级", en: "The star tier", limit: UnionStarCore.RegistrationForm.tierLimit)
        public static let chairNameRequired = LocalizedText(zh: "请填写工会主席。", en: "Enter the union chair.")
        public static let chairNameTooLong = tooLong(zh: "工会主席", en: "The union chair's name", limit: UnionStarCore.RegistrationForm.chairNameLimit)
        public static let phoneRequired = LocalizedText(zh: "请填写联系电话。", en: "Enter the contact phone.")
        public static let phoneInvalid = LocalizedText(
            zh: "联系电话只能包含数字、空格、-、括号和开头的+，数字须为7至20位。",
            en: "The contact phone may hold only digits, spaces, -, brackets and a leading +, with 7 to 20 digits.")
        public static let mainWorkRequired = LocalizedText(zh: "请填写主要工作。", en: "Enter the main work.")

        /// 「申报单位不能超过100个字。」
        static func tooLong(zh field: String, en fieldEn: String, limit: Int) -> LocalizedText {
            LocalizedText(zh: "\(field)不能超过\(limit)个字。", en: "\(fieldEn) may have at most \(limit) characters.")
        }

        /// 「主要工作不能超过1000字（现为1001字）。」
        public static func mainWorkTooLong(count: Int) -> LocalizedText {
            let limit = UnionStarCore.RegistrationForm.mainWorkLimit
            return LocalizedText(zh: "主要工作不能超过\(limit)字（现为\(count)字）。",
                                 en: "The main work may have at most \(limit) characters (it has \(count)).")
        }

        /// A filled opinion box with no opinion in it.
        public static func opinionTextRequired(box: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "请填写\(box.zh)。", en: "Enter the text of “\(box.en)”.")
        }

        /// A filled opinion box that names no organisation to stamp it.
        public static func opinionStampRequired(box: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(box.zh)须写明盖章单位。", en: "“\(box.en)” must name the organisation that stamps it.")
        }
    }
}
