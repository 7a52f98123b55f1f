extension Strings {
    /// One-line confirmations shown after a change redirects (`?done=…`).
    public enum Notices {
        public static let created = LocalizedText(zh: "已新建。", en: "Created.")
        public static let saved = LocalizedText(zh: "已保存。", en: "Saved.")
        public static let moved = LocalizedText(zh: "已移动。", en: "Moved.")
        public static let retired = LocalizedText(zh: "已撤销。", en: "Retired.")
        public static let restored = LocalizedText(zh: "已恢复。", en: "Restored.")
        public static let signedOut = LocalizedText(zh: "已退出登录。", en: "You are signed out.")
        public static let passwordChanged = LocalizedText(zh: "密码已修改。", en: "Your password has been changed.")
        public static let roleAssigned = LocalizedText(zh: "角色已分配。", en: "Role assigned.")
        public static let roleRevoked = LocalizedText(zh: "角色已收回。", en: "Role revoked.")
        public static let accountDisabled = LocalizedText(zh: "账号已停用，其所有会话已结束。", en: "Account disabled; all its sessions have ended.")
        public static let accountEnabled = LocalizedText(zh: "账号已启用。", en: "Account enabled.")
        public static let stepReopened = LocalizedText(zh: "已为该单位延长期限。", en: "The step is reopened for this unit.")
        public static let preApplied = LocalizedText(zh: "预申报已提交。", en: "Pre-application recorded.")
        public static let selfAssessmentStarted = LocalizedText(zh: "已开始自查自评。", en: "Self-assessment started.")
    }
}
