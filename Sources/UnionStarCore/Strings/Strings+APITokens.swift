extension Strings {
    /// Personal API tokens on the account page, and the API's refusal of a token.
    public enum APITokens {
        public static let heading = LocalizedText(zh: "个人 API 令牌", en: "Personal API tokens")
        public static let intro = LocalizedText(
            zh: "程序凭令牌以您本人的身份调用 API（请求头 Authorization: Bearer 令牌），权限与您的角色和范围完全相同。令牌只在创建后显示一次；不再使用时请撤销。",
            en: "A program calls the API as you with a token (header Authorization: Bearer TOKEN), with exactly your roles and scope. A token is shown once, when it is made; revoke it when it is no longer used.")
        public static let name = LocalizedText(zh: "令牌名称", en: "Token name")
        public static let nameHint = LocalizedText(zh: "用途，例如“统计脚本”", en: "What it is for, e.g. 'statistics script'")
        public static let create = LocalizedText(zh: "创建令牌", en: "Create a token")
        public static let created = LocalizedText(zh: "创建时间", en: "Created")
        public static let lastUsed = LocalizedText(zh: "最近使用", en: "Last used")
        public static let neverUsed = LocalizedText(zh: "从未使用", en: "never")
        public static let revoke = LocalizedText(zh: "撤销", en: "Revoke")
        public static let revokeConfirm = LocalizedText(
            zh: "撤销后，使用该令牌的程序将无法再调用 API。确定撤销吗？",
            en: "Programs using this token will no longer reach the API. Revoke it?")
        public static let none = LocalizedText(zh: "尚未创建令牌。", en: "No tokens yet.")
        public static let madeHeading = LocalizedText(zh: "令牌已创建", en: "Token created")
        public static func madeMessage(_ name: String) -> LocalizedText {
            LocalizedText(zh: "令牌“\(name)”：", en: "The token '\(name)':")
        }
        public static let madeWarning = LocalizedText(
            zh: "请立即复制并妥善保存。离开本页后无法再次查看；遗失或泄露时请撤销并另建一个。",
            en: "Copy it now and keep it safe. It cannot be shown again; if it is lost or leaked, revoke it and make another.")
        public static let backToAccount = LocalizedText(zh: "返回我的账号", en: "Back to my account")
        public static let revokedNotice = LocalizedText(zh: "令牌已撤销。", en: "The token was revoked.")
        public static let nameRequired = LocalizedText(zh: "请填写令牌名称。", en: "Give the token a name.")
        public static func nameTooLong(count: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "令牌名称最多\(limit)个字，现为\(count)个字。", en: "A token name has at most \(limit) characters; this one has \(count).")
        }
        public static let documentLink = LocalizedText(zh: "API 说明（OpenAPI 3.1 文档）", en: "The API described (OpenAPI 3.1 document)")
        /// The one answer for an unknown, revoked or disabled account's token.
        public static let refused = LocalizedText(
            zh: "API 令牌无效、已撤销，或其账号已停用。", en: "The API token is not valid, was revoked, or its account is disabled.")
    }
}
