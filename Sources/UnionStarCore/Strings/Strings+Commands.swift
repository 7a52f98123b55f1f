extension Strings {
    /// What the server's commands ask in the terminal, asked in both languages at once.
    public enum Commands {
        public static let userNamePrompt = LocalizedText(zh: "用户名", en: "user name")
        public static let personNamePrompt = LocalizedText(zh: "姓名", en: "name")
        public static let passwordPrompt = LocalizedText(zh: "密码", en: "password")
        public static let passwordAgainPrompt = LocalizedText(zh: "再输一次", en: "again")
        /// `用户名 / user name:`.
        public static func prompt(_ text: LocalizedText) -> String { "\(text.zh) / \(text.en):" }
    }
}
