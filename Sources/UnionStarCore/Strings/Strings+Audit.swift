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
        /// The page of one entry.
        public static func entryHeading(_ sequence: Int64) -> LocalizedText {
            LocalizedText(zh: "审计记录 #\(sequence)", en: "Audit entry #\(sequence)")
        }

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
            public static let campaigns = LocalizedText(zh: "评定活动", en: "campaigns")
            public static let applications = LocalizedText(zh: "申报", en: "applications")
            public static let evidence = LocalizedText(zh: "台账", en: "evidence")
            public static let objections = LocalizedText(zh: "异议", en: "objections")
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
            public static let openedCampaign = LocalizedText(zh: "开展评定活动", en: "opened a campaign")
            public static let editedCampaign = LocalizedText(zh: "修改评定活动", en: "edited a campaign")
            public static let reopenedDeadline = LocalizedText(zh: "为单位延长期限", en: "reopened a deadline for a unit")
            public static let preApplied = LocalizedText(zh: "年初预申报", en: "pre-applied")
            public static let startedSelfAssessment = LocalizedText(zh: "开始自评", en: "started the self-assessment")
            public static let savedSelfAssessment = LocalizedText(zh: "保存自评", en: "saved the self-assessment")
            public static let recordedCongressDecision = LocalizedText(zh: "记录职代会决定", en: "recorded the congress decision")
            public static let startedNotice = LocalizedText(zh: "开始公示", en: "started the notice")
            public static let filed = LocalizedText(zh: "申报", en: "filed the application")
            public static let returnedApplication = LocalizedText(zh: "退回申报", en: "returned the application")
            public static let savedForm = LocalizedText(zh: "保存申报登记表", en: "saved the registration form")
            public static let filedRound = LocalizedText(zh: "报送申报登记表", en: "filed a round of the form")
            public static let returnedRound = LocalizedText(zh: "退回申报登记表", en: "returned a round of the form")
            public static let uploadedEvidence = LocalizedText(zh: "上传台账", en: "uploaded evidence")
            public static let deletedEvidence = LocalizedText(zh: "删除台账", en: "deleted evidence")
            public static let lodgedObjection = LocalizedText(zh: "提出异议", en: "lodged an objection")
            public static let answeredObjection = LocalizedText(zh: "答复异议", en: "answered an objection")
            public static let declaredConflict = LocalizedText(zh: "声明回避", en: "declared a conflict of interest")
            public static let withdrewConflict = LocalizedText(zh: "撤回回避声明", en: "withdrew a conflict declaration")
            public static let inspectorStoodAside = LocalizedText(zh: "考核人员回避退出", en: "an inspector stood aside")
            public static let drewSpotCheck = LocalizedText(zh: "抽查抽取", en: "drew a spot check")
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
            public static let state = LocalizedText(zh: "状态", en: "state")
            public static let tier = LocalizedText(zh: "星级", en: "tier")
            public static let aimedTier = LocalizedText(zh: "预申报星级", en: "tier aimed at")
            public static let inspector = LocalizedText(zh: "考核人员", en: "inspector")
            public static let seed = LocalizedText(zh: "随机种子", en: "seed")
            public static let population = LocalizedText(zh: "总体", en: "population")
            public static let sample = LocalizedText(zh: "抽中单位", en: "sample")
            public static let number = LocalizedText(zh: "次序", en: "number")
            public static let campaign = LocalizedText(zh: "评定活动", en: "campaign")
            public static let selfTotal = LocalizedText(zh: "自评得分", en: "self-score")
            public static let round = LocalizedText(zh: "申报轮次", en: "round")
            public static let noticeStart = LocalizedText(zh: "公示开始", en: "notice starts")
            public static let noticeEnd = LocalizedText(zh: "公示结束", en: "notice ends")
            public static let year = LocalizedText(zh: "年度", en: "year")
            public static let owner = LocalizedText(zh: "组织单位", en: "run by")
            public static let plan = LocalizedText(zh: "活动安排", en: "plan")
            public static let step = LocalizedText(zh: "环节", en: "step")
            public static let until = LocalizedText(zh: "延至", en: "until")
            public static let reason = LocalizedText(zh: "理由", en: "reason")
            public static let item = LocalizedText(zh: "考核项目", en: "item")
            public static let fileType = LocalizedText(zh: "文件类型", en: "file type")
            public static let size = LocalizedText(zh: "大小（字节）", en: "size (bytes)")
            public static let contentHash = LocalizedText(zh: "内容摘要", en: "content hash")
            public static let text = LocalizedText(zh: "内容", en: "text")
            public static let anonymous = LocalizedText(zh: "匿名", en: "anonymous")
            public static let answer = LocalizedText(zh: "答复", en: "answer")
            public static let form = LocalizedText(zh: "申报登记表", en: "registration form")
            public static let returnedBy = LocalizedText(zh: "退回单位", en: "returned by")
            public static let returnReason = LocalizedText(zh: "退回理由", en: "reason for return")
        }
    }
}
