extension Strings {
    /// The audit trail: its page, the words for actions and fields, and the names of actors that
    /// are not accounts.
    public enum Audit {
        public static let heading = LocalizedText(zh: "审计日志", en: "Audit trail")
        public static let actor = LocalizedText(zh: "操作人", en: "By")
        public static let objectName = LocalizedText(zh: "对象名称", en: "Object's name")
        public static let objectNameHint = LocalizedText(zh: "单位名称或用户名中的字", en: "part of a unit's name or a user name")
        public static let fromDate = LocalizedText(zh: "起始日期", en: "From")
        public static let toDate = LocalizedText(zh: "截止日期", en: "To")
        public static let kind = LocalizedText(zh: "类别", en: "Kind")
        public static let filter = LocalizedText(zh: "筛选", en: "Filter")
        public static let timeColumn = LocalizedText(zh: "时间（北京时间）", en: "Time (China)")
        public static let actionColumn = LocalizedText(zh: "操作", en: "Action")
        public static let objectColumn = LocalizedText(zh: "对象", en: "Object")
        public static let changesColumn = LocalizedText(zh: "改动", en: "Changes")
        public static let before = LocalizedText(zh: "修改前", en: "Before")
        public static let after = LocalizedText(zh: "修改后", en: "After")
        public static let olderEntries = LocalizedText(zh: "更早的记录", en: "Older entries")
        public static let newestEntries = LocalizedText(zh: "最新的记录", en: "Newest entries")
        public static let noneMatch = LocalizedText(zh: "没有符合条件的记录。", en: "No entries match.")
        /// Between a changed field's name and its values ("members: 60 → 77").
        public static let fieldMark = LocalizedText(zh: "：", en: ": ")
        /// Before an entry's number, on the fold that holds its raw record ("Raw record #12").
        public static let rawRecord = LocalizedText(zh: "原始记录", en: "Raw record")

        /// Who acts when no one is signed in.
        public static let anonymous = LocalizedText(zh: "匿名", en: "anonymous")
        /// A failed sign-in, under the user name that was tried.
        public static func anonymousTrying(_ username: String) -> LocalizedText {
            LocalizedText(zh: "匿名（\(username)）", en: "anonymous (\(username))")
        }
        /// A change made with a command on the server.
        public static func commandLine(_ command: String) -> LocalizedText {
            LocalizedText(zh: "命令行 \(command)", en: "command line \(command)")
        }

        /// The kinds of entries the page filters by.
        public enum Kinds {
            public static let all = LocalizedText(zh: "全部", en: "all")
            public static let units = LocalizedText(zh: "单位", en: "units")
            public static let accounts = LocalizedText(zh: "账号", en: "accounts")
            public static let roles = LocalizedText(zh: "角色", en: "roles")
            public static let signIn = LocalizedText(zh: "登录", en: "sign-in")
            public static let calendar = LocalizedText(zh: "工作日历", en: "calendar")
        }

        /// What each recorded action is, in words.
        public enum Actions {
            public static let createdUnit = LocalizedText(zh: "新建单位", en: "created a unit")
            public static let editedUnit = LocalizedText(zh: "修改单位", en: "edited a unit")
            public static let movedUnit = LocalizedText(zh: "移动单位", en: "moved a unit")
            public static let retiredUnit = LocalizedText(zh: "撤销单位", en: "retired a unit")
            public static let restoredUnit = LocalizedText(zh: "恢复单位", en: "restored a unit")
            public static let createdAccount = LocalizedText(zh: "新建账号", en: "created an account")
            public static let disabledAccount = LocalizedText(zh: "停用账号", en: "disabled an account")
            public static let enabledAccount = LocalizedText(zh: "启用账号", en: "enabled an account")
            public static let resetPassword = LocalizedText(zh: "重置密码", en: "reset a password")
            public static let changedOwnPassword = LocalizedText(zh: "修改本人密码", en: "changed their password")
            public static let assignedRole = LocalizedText(zh: "分配角色", en: "assigned a role")
            public static let revokedRole = LocalizedText(zh: "收回角色", en: "revoked a role")
            public static let signInLocked = LocalizedText(zh: "登录锁定", en: "sign-in locked")
            public static let setHoliday = LocalizedText(zh: "设为节假日", en: "set a holiday")
            public static let setWorkingDay = LocalizedText(zh: "设为工作日", en: "set a working day")
        }

        /// The fields of the recorded snapshots, in words.
        public enum Fields {
            public static let name = LocalizedText(zh: "名称", en: "name")
            public static let place = LocalizedText(zh: "位置", en: "place")
            public static let level = LocalizedText(zh: "层级", en: "level")
            public static let kind = LocalizedText(zh: "类型", en: "kind")
            public static let creditCode = LocalizedText(zh: "统一社会信用代码", en: "credit code")
            public static let members = LocalizedText(zh: "会员人数", en: "members")
            public static let employees = LocalizedText(zh: "职工人数", en: "employees")
            public static let chair = LocalizedText(zh: "工会主席", en: "chair")
            public static let phone = LocalizedText(zh: "联系电话", en: "phone")
            public static let address = LocalizedText(zh: "地址", en: "address")
            public static let companyForm = LocalizedText(zh: "公司制企业", en: "company form")
            public static let retired = Common.retired
            public static let username = LocalizedText(zh: "用户名", en: "user name")
            public static let displayName = LocalizedText(zh: "姓名", en: "name")
            public static let disabled = Common.disabled
            public static let mustChangePassword = LocalizedText(zh: "须修改密码", en: "must change password")
            public static let role = LocalizedText(zh: "角色", en: "role")
            public static let failures = LocalizedText(zh: "失败次数", en: "failures")
            public static let lockedUntil = LocalizedText(zh: "锁定至", en: "locked until")
            public static let key = LocalizedText(zh: "对象", en: "key")
        }
    }
}
