extension Strings {
    /// Signing in, the own-account page and changing one's password.
    public enum SignIn {
        public static let signIn = LocalizedText(zh: "登录", en: "Sign in")
        public static let password = LocalizedText(zh: "密码", en: "Password")
        /// The one answer for a wrong password, an unknown account and a disabled one.
        public static let failed = LocalizedText(zh: "用户名或密码不正确。", en: "The user name or password is not correct.")
        public static func lockedFor(minutes: Int) -> LocalizedText {
            LocalizedText(zh: "尝试次数过多，已暂时锁定，请\(minutes)分钟后再试。", en: "Too many attempts; locked for now. Try again in \(minutes) minutes.")
        }

        public static let myAccount = LocalizedText(zh: "我的账号", en: "My account")
        public static let signedInSessions = LocalizedText(zh: "登录中的会话", en: "Signed-in sessions")
        public static let changePassword = LocalizedText(zh: "修改密码", en: "Change password")
        public static let signOutEverywhere = LocalizedText(zh: "在所有设备上退出", en: "Sign out everywhere")

        public static let passwordWasReset = LocalizedText(zh: "管理员重置了您的密码，请先设置新密码。", en: "An administrator reset your password; choose a new one to go on.")
        public static let currentPassword = LocalizedText(zh: "当前密码", en: "Current password")
        public static let newPassword = LocalizedText(zh: "新密码", en: "New password")
        public static let newPasswordHint = LocalizedText(zh: "8至64个字符，不能太常见，不能包含用户名", en: "8 to 64 characters, not a common one, without the user name")
        public static let newPasswordAgain = LocalizedText(zh: "再输一次新密码", en: "New password again")
        public static let currentPasswordWrong = LocalizedText(zh: "当前密码不正确", en: "The current password is not correct")
        public static let newPasswordsDiffer = LocalizedText(zh: "两次输入的新密码不一致", en: "The two new passwords differ")
        public static let newPasswordSameAsCurrent = LocalizedText(zh: "新密码不能与当前密码相同", en: "The new password must differ from the current one")
    }
}
