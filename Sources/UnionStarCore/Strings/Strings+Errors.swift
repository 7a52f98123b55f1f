extension Strings {
    /// Refusals and failures any page or the API can answer with.
    public enum Errors {
        public static let signInFirst = LocalizedText(zh: "请先登录。", en: "Please sign in first.")
        public static let formExpired = LocalizedText(
            zh: "页面已过期或来源不明，请刷新页面后重试。",
            en: "The form has expired or did not come from this site; reload the page and try again.")
        public static let unitIsRetired = LocalizedText(zh: "该单位已撤销，不能进行此操作。", en: "This unit is retired; that cannot be done to it.")
        public static let unitIsNotRetired = LocalizedText(zh: "该单位未撤销，无需恢复。", en: "This unit is not retired; there is nothing to restore.")
        public static let notOnOwnAccount = LocalizedText(
            zh: "不能在账号管理中停用自己的账号或重置自己的密码，请在“我的账号”中操作。",
            en: "You cannot disable or reset your own account here; use My account.")
        public static let pageNotFound = LocalizedText(zh: "找不到这个页面。", en: "This page does not exist.")
        /// Said alike for what does not exist and for what the user may not see.
        public static let nothingHere = LocalizedText(zh: "找不到这个页面，或者您无权查看。", en: "This page does not exist, or you may not see it.")

        public static let requestNotSupported = LocalizedText(zh: "不支持这种请求。", en: "This request is not supported here.")
        public static let requestTooLarge = LocalizedText(zh: "提交的内容太大。", en: "What was sent is too large.")
        public static func requestMalformed(_ reason: String) -> LocalizedText {
            LocalizedText(zh: "提交的内容格式不对：\(reason)", en: "What was sent is malformed: \(reason)")
        }
        public static let requestMalformedPlain = LocalizedText(zh: "提交的内容格式不对。", en: "What was sent is malformed.")
        public static let requestNotValid = LocalizedText(zh: "请求无效。", en: "The request is not valid.")
        public static let genericFailure = LocalizedText(
            zh: "系统出了问题，已记录，请稍后再试。", en: "Something went wrong on our side; it has been logged. Please try again later.")

        public static let formHasNoVersion = LocalizedText(zh: "表单缺少版本号，请重新打开页面", en: "The form has no version; reopen the page")
        public static let formHasNoVersionPlain = LocalizedText(zh: "表单缺少版本号", en: "The form has no version")
        public static let purposeUnknown = LocalizedText(zh: "缺少或无法识别的 purpose 参数", en: "The purpose parameter is missing or unknown")

        public static let sendAnswers = LocalizedText(zh: "请提交答卷 {\"facts\": {...}}", en: "Send the answers as {\"facts\": {...}}")
        public static func noSuchScheme(_ id: String) -> LocalizedText {
            LocalizedText(zh: "没有编号为 \(id) 的评定方案。", en: "There is no scheme with id \(id).")
        }
    }
}
