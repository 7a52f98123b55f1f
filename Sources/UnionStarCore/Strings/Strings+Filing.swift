extension Strings {
    /// The 申报登记表 in the app: filling it in, printing and downloading it, filing the
    /// application, returning it with reasons, and the rounds kept of every filing.
    public enum Filing {
        // MARK: The form page

        /// 「申报登记表 · 甲公司工会」
        public static func pageTitle(unit: String) -> LocalizedText {
            LocalizedText(zh: "申报登记表 · \(unit)", en: "Registration form · \(unit)")
        }
        public static let formLink = LocalizedText(zh: "申报登记表", en: "Registration form")
        public static let fillFormLink = LocalizedText(zh: "填写申报登记表", en: "Fill in the registration form")
        public static let backToApplication = LocalizedText(zh: "返回申报页", en: "Back to the application")
        public static let printLink = LocalizedText(zh: "打印视图（A4）", en: "Print view (A4)")
        public static let docxLink = LocalizedText(zh: "下载Word文件（.docx）", en: "Download as Word (.docx)")
        public static let printButton = LocalizedText(zh: "打印", en: "Print")
        public static let unitNameHint = LocalizedText(zh: "取自单位资料。", en: "From the unit's profile.")
        public static let tierHint = LocalizedText(
            zh: "申报星级已在职代会（或公示）环节确定，此处不能修改。",
            en: "The tier was decided earlier (congress decision or notice); it cannot be changed here.")
        public static let tierNotDecided = LocalizedText(zh: "尚未确定", en: "not decided yet")
        public static let profileHint = LocalizedText(zh: "默认取自单位资料，可修改。", en: "Taken from the unit's profile; you may change it.")
        public static let mainWorkHint = LocalizedText(
            zh: "简明扼要，不超过1000字（按字计，不按字节）；换行计为一字。",
            en: "Concise, at most 1,000 characters (characters, not bytes); a line break counts as one.")
        /// The counter as the page first shows it (the script keeps it current): 「12/1000」.
        public static func counter(_ count: Int) -> LocalizedText {
            let text = "\(count)/\(UnionStarCore.RegistrationForm.mainWorkLimit)"
            return LocalizedText(zh: text, en: text)
        }
        public static let counterLabel = LocalizedText(zh: "已输入字数", en: "Characters typed")
        public static let opinionDate = LocalizedText(zh: "日期", en: "Date")
        public static func stampedBy(_ unit: String) -> LocalizedText {
            LocalizedText(zh: "盖章单位：\(unit)", en: "Stamped by: \(unit)")
        }
        public static let unitOpinionHint = LocalizedText(
            zh: "由本单位工会填写并盖章；提交申报前须填写，日期不填则为当天。",
            en: "Filled in and stamped by the unit's union; required before filing. Without a date it is dated today.")
        public static let opinionDateInvalid = LocalizedText(
            zh: "单位工会意见的日期须为有效日期（YYYY-MM-DD）。", en: "The date of the unit's union opinion must be a date (YYYY-MM-DD).")
        public static let opinionDateInFuture = LocalizedText(
            zh: "单位工会意见的日期不能晚于今天。", en: "The date of the unit's union opinion cannot be after today.")
        public static let readOnly = LocalizedText(
            zh: "当前不能修改申报登记表；以下为已填写的内容。", en: "The form cannot be changed now; this is what it holds.")
        public static let higherBoxesNote = LocalizedText(
            zh: "上级工会的意见栏在逐级审核时填写。", en: "The boxes of the levels above are filled as they review the application.")
        public static let latestHeading = LocalizedText(
            zh: "他人刚保存的版本（您填写的内容仍在上方表单中，确认后可再次保存）：",
            en: "The version someone else just saved (what you typed is still in the form above; save again to keep it):")
        public static let problemsHeading = LocalizedText(
            zh: "申报登记表还有以下问题，改正后方可提交：", en: "The form has these problems; correct them before filing:")

        // MARK: Filing

        public static let fileHeading = LocalizedText(zh: "提交申报", en: "File the application")
        public static let fileButton = LocalizedText(zh: "提交申报登记表", en: "File the registration form")
        public static let fileLink = LocalizedText(zh: "提交申报", en: "File the application")
        public static let fileConfirm = LocalizedText(
            zh: "提交后申报登记表将报送上级工会审核，不能再修改。确定提交吗？",
            en: "Once filed, the form goes to the level above for review and cannot be changed. File it now?")
        /// 「可提交至2020年8月31日。」
        public static func fileOpenUntil(_ day: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "可提交至\(Campaign.date(day, .zh))。", en: "You may file until \(Campaign.date(day, .en)).")
        }
        public static func filedRound(_ round: Int) -> LocalizedText {
            LocalizedText(zh: "已提交第\(round)轮申报，等待上级工会审核。", en: "Round \(round) is filed and awaits review by the level above.")
        }
        public static let filedNotice = LocalizedText(zh: "申报登记表已提交。", en: "The registration form is filed.")
        public static let savedNotice = LocalizedText(zh: "申报登记表已保存。", en: "The registration form is saved.")

        // MARK: Returning

        public static let returnHeading = LocalizedText(zh: "退回申报", en: "Return the application")
        public static let returnReason = LocalizedText(zh: "退回原因", en: "Reasons for the return")
        public static let returnReasonHint = LocalizedText(
            zh: "写明需要修改之处，不超过1000字。", en: "Say what must be amended, at most 1,000 characters.")
        public static let returnButton = LocalizedText(zh: "退回申报", en: "Return the application")
        public static let returnConfirm = LocalizedText(
            zh: "确定将本申报退回基层工会修改吗？", en: "Send this application back to the union to be amended?")
        public static let returnReasonRequired = LocalizedText(zh: "请填写退回原因。", en: "Enter the reasons for the return.")
        /// 「退回原因不能超过1000字（现为1001字）。」
        public static func returnReasonTooLong(count: Int) -> LocalizedText {
            LocalizedText(zh: "退回原因不能超过\(returnReasonLimit)字（现为\(count)字）。",
                          en: "The reasons for the return may have at most \(returnReasonLimit) characters (they have \(count)).")
        }
        public static let returnReasonLimit = 1000
        public static let returnedNotice = LocalizedText(zh: "申报已退回。", en: "The application was returned.")
        /// 「本申报于2020年9月2日由夏村镇总工会审核人退回。」
        public static func returnedBy(_ day: CalendarDate, _ who: String) -> LocalizedText {
            LocalizedText(zh: "本申报于\(Campaign.date(day, .zh))由\(who)退回。", en: "Returned on \(Campaign.date(day, .en)) by \(who).")
        }
        public static func returnedOn(_ day: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "本申报于\(Campaign.date(day, .zh))被退回。", en: "Returned on \(Campaign.date(day, .en)).")
        }
        /// 「请修改后于2020年9月9日前（含当日）重新提交。」
        public static func refileBy(_ day: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "请修改后于\(Campaign.date(day, .zh))前（含当日）重新提交。",
                          en: "Amend it and file it again by \(Campaign.date(day, .en)) (inclusive).")
        }
        public static func returnedLink(round: Int) -> LocalizedText {
            LocalizedText(zh: "退回原因（第\(round)轮）", en: "Why round \(round) was returned")
        }

        // MARK: Rounds

        public static let roundsHeading = LocalizedText(zh: "历次申报", en: "Earlier filings")
        /// 「第1轮申报」
        public static func round(_ round: Int) -> LocalizedText {
            LocalizedText(zh: "第\(round)轮申报", en: "Round \(round)")
        }
        public static func roundTitle(_ round: Int, unit: String) -> LocalizedText {
            LocalizedText(zh: "第\(round)轮申报 · \(unit)", en: "Round \(round) · \(unit)")
        }
        public static let filed = LocalizedText(zh: "提交", en: "Filed")
        public static let returned = LocalizedText(zh: "退回", en: "Returned")
        public static let tier = LocalizedText(zh: "申报星级", en: "Tier applied for")
        public static let selfScore = LocalizedText(zh: "自评得分", en: "Self-score")
        /// 「2020年8月28日 10:00，测试cadre（cadre）」
        public static func when(_ day: CalendarDate, time: String, who: String) -> LocalizedText {
            LocalizedText(zh: "\(Campaign.date(day, .zh)) \(time)，\(who)", en: "\(Campaign.date(day, .en)) \(time), \(who)")
        }
        public static let roundState = LocalizedText(zh: "结果", en: "Outcome")
        public static let roundUnderReview = LocalizedText(zh: "审核中", en: "under review")

        // MARK: The .docx download

        /// The file's name as the browser saves it: 「申报登记表-甲公司工会.docx」.
        public static func docxFileName(unit: String) -> LocalizedText {
            LocalizedText(zh: "申报登记表-\(unit).docx", en: "registration-form-\(unit).docx")
        }
    }
}
