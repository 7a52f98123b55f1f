extension Strings {
    /// 待办事项: each person's inbox of tasks with deadlines, and the reminders before them.
    public enum Inbox {
        private static func date(_ day: CalendarDate, _ language: Language) -> String { Campaign.date(day, language) }

        public static let navigation = LocalizedText(zh: "待办", en: "To do")
        public static let heading = LocalizedText(zh: "待办事项", en: "Waiting for you")
        public static let intro = LocalizedText(
            zh: "以下事项等待您处理，按截止日期排列，截止日期当天仍可办理；已过截止日期的标为“已逾期”。点击事项进入办理页面。",
            en: "These tasks wait for you, by deadline (the deadline day itself is still in time); those past it are marked overdue. Open a task to do it.")
        public static let empty = LocalizedText(zh: "没有等待您处理的事项。", en: "Nothing waits for you.")
        public static let taskColumn = LocalizedText(zh: "事项", en: "Task")
        public static let statusColumn = LocalizedText(zh: "状态", en: "Status")
        public static let overdue = LocalizedText(zh: "已逾期", en: "overdue")
        public static let dueToday = LocalizedText(zh: "今天到期", en: "due today")

        public static func kind(_ kind: InboxTask.Kind) -> LocalizedText {
            switch kind {
            case .answerObjection: LocalizedText(zh: "答复公示异议", en: "Answer an objection to the notice")
            case .actOnReturn: LocalizedText(zh: "修改退回的申报并重新提交", en: "Amend the returned application and file it again")
            case .completeForm: LocalizedText(zh: "填写完整申报登记表并提交", en: "Complete the registration form and file it")
            case .file: LocalizedText(zh: "提交申报登记表", en: "File the registration form")
            case .endorse: LocalizedText(zh: "审核盖章", en: "Endorse and stamp")
            case .inspect: LocalizedText(zh: "考核评分", en: "Inspect and score")
            case .assignInspectors: LocalizedText(zh: "指派考核人员", en: "Assign inspectors")
            case .completeInspection: LocalizedText(zh: "结束考核", en: "Close the inspection")
            case .decide: LocalizedText(zh: "确定星级", en: "Decide the tier")
            case .startResultsNotice: LocalizedText(zh: "开始结果公示", en: "Start the results notice")
            case .answerResultsObjection: LocalizedText(zh: "答复结果公示异议", en: "Answer an objection to the results notice")
            case .handInSelfCheck: LocalizedText(zh: "完成并提交自查", en: "Complete and hand in the self-check")
            case .recordReReviewOutcome: LocalizedText(zh: "记录复查结论", en: "Record the re-review outcome")
            case .name: LocalizedText(zh: "命名", en: "Name the unit")
            }
        }

        /// The header's count: `3` open tasks, and how many reminders are unread.
        public static func badgeTitle(tasks: Int, unread: Int) -> LocalizedText {
            LocalizedText(zh: "\(tasks)项待办" + (unread > 0 ? "，\(unread)条新提醒" : ""),
                          en: "\(tasks) open task(s)" + (unread > 0 ? ", \(unread) new reminder(s)" : ""))
        }

        // MARK: Reminders

        public static func reminderKind(_ kind: ReminderRule.Kind) -> LocalizedText {
            switch kind {
            case .ahead: LocalizedText(zh: "临近截止", en: "due soon")
            case .dueToday: LocalizedText(zh: "今天到期", en: "due today")
            }
        }

        public static let remindersHeading = LocalizedText(zh: "新提醒", en: "New reminders")
        /// One reminder: the unit, the task, the deadline, and why now.
        public static func reminder(unit: String, task: InboxTask.Kind, deadline: CalendarDate, kind: ReminderRule.Kind) -> LocalizedText {
            LocalizedText(zh: "\(unit)：\(self.kind(task).zh)，截止日期\(date(deadline, .zh))（\(reminderKind(kind).zh)）",
                          en: "\(unit): \(self.kind(task).en), due by \(date(deadline, .en)) (\(reminderKind(kind).en))")
        }
    }

    /// E-mail: an account's address, and the reminder mails sent to it.
    public enum Email {
        public static let address = LocalizedText(zh: "电子邮箱", en: "E-mail address")
        public static let hint = LocalizedText(zh: "用于接收待办事项的截止提醒，可留空。", en: "Where reminders of tasks before their deadlines go; may be left empty.")
        public static let none = LocalizedText(zh: "未填写", en: "none")
        public static let save = LocalizedText(zh: "保存电子邮箱", en: "Save the e-mail address")
        public static let saved = LocalizedText(zh: "电子邮箱已保存。", en: "E-mail address saved.")
        public static let invalid = LocalizedText(zh: "电子邮箱格式不正确（例如 name@example.cn）。",
                                                  en: "That is not an e-mail address (for example name@example.cn).")
        public static func tooLong(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "电子邮箱不超过\(limit)个字符。", en: "An e-mail address has at most \(limit) characters.")
        }

        /// The reminder mail's subject (Chinese first: the mail carries both languages).
        public static func reminderSubject(count: Int) -> LocalizedText {
            LocalizedText(zh: "【\(Common.appName.zh)】待办提醒：\(count)项事项临近截止",
                          en: "[\(Common.appName.en)] Reminder: \(count) task(s) near their deadline")
        }

        public static func reminderGreeting(_ name: String) -> LocalizedText {
            LocalizedText(zh: "\(name)：\n\n以下事项等待您处理：", en: "Dear \(name),\n\nThese tasks wait for you:")
        }

        /// One task in the mail: what, which unit, which campaign, by when, and why now.
        public static func reminderLine(task: InboxTask.Kind, unit: String, campaign: String, deadline: CalendarDate,
                                        kind: ReminderRule.Kind) -> LocalizedText {
            LocalizedText(zh: "\(Inbox.kind(task).zh) · \(unit) · \(campaign) · 截止日期\(Campaign.date(deadline, .zh))（\(Inbox.reminderKind(kind).zh)）",
                          en: "\(Inbox.kind(task).en) · \(unit) · \(campaign) · due by \(Campaign.date(deadline, .en)) (\(Inbox.reminderKind(kind).en))")
        }

        public static let reminderClosing = LocalizedText(
            zh: "请登录平台办理（“待办”页面列出您的全部待办事项）。本邮件由系统自动发送，请勿直接回复。",
            en: "Sign in to do them (the To do page lists all your tasks). This message was sent automatically; please do not reply.")
    }
}

extension Strings.Audit.Actions {
    public static let changedEmail = LocalizedText(zh: "修改电子邮箱", en: "changed the e-mail address")
}

extension Strings.Audit.Fields {
    public static let email = Strings.Email.address
}
