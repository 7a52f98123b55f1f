extension Strings {
    /// Accounts: the list, the new-account form, one account's page, roles, passwords.
    public enum Accounts {
        public static let heading = LocalizedText(zh: "账号管理", en: "Accounts")
        public static let userName = LocalizedText(zh: "用户名", en: "User name")
        public static let personName = LocalizedText(zh: "姓名", en: "Name")
        public static let belongsTo = LocalizedText(zh: "所属单位", en: "Belongs to")
        public static let roles = LocalizedText(zh: "角色", en: "Roles")
        public static let role = LocalizedText(zh: "角色", en: "Role")
        public static let newAccount = LocalizedText(zh: "新建账号", en: "New account")
        public static let findByName = LocalizedText(zh: "按用户名或姓名查找", en: "Find by user name or name")
        public static let find = LocalizedText(zh: "查找", en: "Find")
        public static let noneMatch = LocalizedText(zh: "没有符合条件的账号。", en: "No accounts match.")
        /// After a disabled account's user name in the list.
        public static func disabledMark(_ disabled: String) -> LocalizedText {
            LocalizedText(zh: "（\(disabled)）", en: "(\(disabled))")
        }

        public static let newAccountIntro = LocalizedText(
            zh: "系统会生成一个临时密码，只显示一次；对方首次登录时必须修改。",
            en: "A temporary password is generated and shown once; it must be changed at first sign-in.")
        public static let userNameHint = LocalizedText(zh: "3至32位小写字母、数字或 . _ -", en: "3 to 32 lower-case letters, digits, '.', '_' or '-'")
        public static let roleAtHomeUnit = LocalizedText(zh: "角色（设在所属单位）", en: "Role (at that unit)")

        public static let accountCreated = LocalizedText(zh: "账号已建立", en: "Account created")
        public static func temporaryPassword(of username: String) -> LocalizedText {
            LocalizedText(zh: "账号“\(username)”的临时密码：", en: "The temporary password of '\(username)':")
        }
        public static let handOverNewAccount = LocalizedText(
            zh: "请当面或通过安全渠道交给本人。离开本页后无法再次查看；对方首次登录时必须修改。",
            en: "Hand it over in person or by a safe channel. It cannot be shown again; it must be changed at first sign-in.")
        public static let openAccount = LocalizedText(zh: "查看账号", en: "Open the account")

        public static let passwordReset = LocalizedText(zh: "密码已重置", en: "Password reset")
        public static func newTemporaryPassword(of username: String) -> LocalizedText {
            LocalizedText(zh: "账号“\(username)”的新临时密码：", en: "The new temporary password of '\(username)':")
        }
        public static let handOverResetPassword = LocalizedText(
            zh: "请通过安全渠道交给本人。离开本页后无法再次查看；对方下次登录时必须修改。该账号原有的会话已全部结束。",
            en: "Hand it over by a safe channel. It cannot be shown again; it must be changed at the next sign-in. All the account's sessions have ended.")
        public static let backToAccount = LocalizedText(zh: "返回账号", en: "Back to the account")

        public static let unit = LocalizedText(zh: "单位", en: "Unit")
        public static let status = LocalizedText(zh: "状态", en: "Status")
        public static let active = LocalizedText(zh: "正常", en: "active")
        public static let mustChangePassword = LocalizedText(zh: "须修改密码", en: "Must change password")
        public static let revoke = LocalizedText(zh: "收回", en: "Revoke")
        public static let assignRole = LocalizedText(zh: "分配角色", en: "Assign a role")
        public static let assign = LocalizedText(zh: "分配", en: "Assign")
        public static let disableButton = LocalizedText(zh: "停用账号", en: "Disable")
        public static let disableConfirm = LocalizedText(zh: "停用后该账号所有会话立即结束。确定停用吗？", en: "Disabling ends all its sessions at once. Disable?")
        public static let enableButton = LocalizedText(zh: "启用账号", en: "Enable")
        public static let resetPasswordButton = LocalizedText(zh: "重置密码", en: "Reset password")
        public static let resetPasswordConfirm = LocalizedText(
            zh: "重置后旧密码失效、所有会话结束。确定吗？", en: "The old password stops working and all sessions end. Reset?")
        /// A role where it is held: `总工会工作人员 · 乳山市总工会`.
        public static func roleAt(_ role: String, _ place: String) -> LocalizedText {
            LocalizedText(zh: "\(role) · \(place)", en: "\(role) · \(place)")
        }

        public static let chooseRoleAndUnit = LocalizedText(zh: "请选择角色和您管辖范围内的单位。", en: "Choose a role and a unit within your scope.")
        public static let chooseHomeUnit = LocalizedText(zh: "请选择所属单位", en: "Choose the unit the account belongs to")
        public static let mayNotAssignThere = LocalizedText(zh: "您无权在该单位分配角色", en: "You may not assign roles at that unit")
        public static let staleAccount = LocalizedText(
            zh: "未执行：这个账号在您打开页面后已被他人修改。请查看下面的最新状态后再操作。",
            en: "Not done: someone changed this account after you opened the page. Check its current state below and try again.")

        public static let userNameRule = LocalizedText(
            zh: "用户名应为3至32位小写字母、数字或 . _ -", en: "The user name needs 3 to 32 lower-case letters, digits, '.', '_' or '-'")
        public static func userNameTaken(_ username: String) -> LocalizedText {
            LocalizedText(zh: "用户名“\(username)”已被使用", en: "The user name '\(username)' is taken")
        }
        public static let enterPersonName = LocalizedText(zh: "请填写姓名（不超过50个字）", en: "Enter the person's name (at most 50 characters)")
        public static func roleNotAtLevel(_ role: LocalizedText, _ level: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "“\(role.zh)”不能设在\(level.zh)", en: "a \(role.en) cannot be bound to a \(level.en)")
        }
    }

    /// The roles an account can hold.
    public enum Roles {
        public static let unionCadre = LocalizedText(zh: "基层工会干部", en: "union cadre")
        public static let subFederationReviewer = LocalizedText(zh: "镇街/园区/系统工会审核人", en: "sub-federation reviewer")
        public static let federationStaff = LocalizedText(zh: "总工会工作人员", en: "federation staff")
        public static let federationAdmin = LocalizedText(zh: "总工会系统管理员", en: "federation administrator")
        public static let prefectureStaff = LocalizedText(zh: "地市总工会工作人员", en: "prefecture staff")
        public static let inspector = LocalizedText(zh: "考核人员", en: "inspector")
    }

    /// Password rules.
    public enum Passwords {
        public static func tooShort(_ minimum: Int) -> LocalizedText {
            LocalizedText(zh: "密码至少\(minimum)个字符", en: "The password needs at least \(minimum) characters")
        }
        public static func tooLong(_ maximum: Int) -> LocalizedText {
            LocalizedText(zh: "密码最多\(maximum)个字符", en: "The password may have at most \(maximum) characters")
        }
        public static func tooManyBytes(_ maximum: Int) -> LocalizedText {
            LocalizedText(zh: "密码过长：按UTF-8编码不能超过\(maximum)字节（一个汉字占3字节）",
                          en: "The password is too long: at most \(maximum) bytes in UTF-8 (a Chinese character takes 3)")
        }
        public static let tooCommon = LocalizedText(zh: "这个密码太常见，容易被猜到，请换一个", en: "This password is too common and easy to guess; choose another")
        public static let containsUserName = LocalizedText(zh: "密码不能包含用户名", en: "The password may not contain the user name")
    }
}
