extension Strings {
    /// The congress decision (职工（代表）大会研究确定申报星级), the unit's notice to its workers
    /// (向职工公示) with its public page, and the objections lodged against it.
    public enum Notice {
        private static func date(_ day: CalendarDate, _ language: Language) -> String { Campaign.date(day, language) }
        private static func tierName(_ tier: Tier) -> LocalizedText { LocalizedText(zh: tier.name, en: tier.nameEn ?? tier.name) }

        /// A day as people read it: 2020年8月21日, or 2020-08-21 in English.
        public static func day(_ day: CalendarDate) -> LocalizedText { LocalizedText(zh: date(day, .zh), en: date(day, .en)) }

        // MARK: The congress decision

        public static func congressKind(_ kind: CongressDecision.Kind) -> LocalizedText {
            switch kind {
            case .representativesCongress: LocalizedText(zh: "职工代表大会", en: "Workers' representatives' congress")
            case .workersAssembly: LocalizedText(zh: "职工大会", en: "General assembly of all workers")
            case .delegationLeaders: LocalizedText(zh: "职代会团（组）长会议", en: "Meeting of the congress's delegation and group leaders")
            }
        }

        public static func congressAttendees(_ kind: CongressDecision.Kind) -> LocalizedText {
            switch kind {
            case .representativesCongress: LocalizedText(zh: "职工代表", en: "representatives")
            case .workersAssembly: LocalizedText(zh: "职工", en: "workers")
            case .delegationLeaders: LocalizedText(zh: "团（组）长", en: "delegation and group leaders")
            }
        }

        public static let congressDateInFuture = LocalizedText(zh: "会议日期不能晚于今天：请在会议开过之后记录。",
                                                               en: "The meeting's date cannot be after today: record it once the meeting was held.")
        public static func congressDateOutsideYear(_ year: Int) -> LocalizedText {
            LocalizedText(zh: "会议须在\(year)年内召开（本次活动的年度）。", en: "The meeting must have been held in \(year), the campaign's year.")
        }
        public static func congressDateBeforeSelfCheck(_ opens: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "会议须根据自查结果召开，不能早于自查开始日\(date(opens, .zh))。",
                          en: "The meeting decides from the self-check's result, so it cannot be before the self-check opened (\(opens)).")
        }
        public static func attendanceRange(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "请填写1到\(limit)之间的整数。", en: "Enter a whole number from 1 to \(limit).")
        }
        public static let presentAboveExpected = LocalizedText(zh: "实到人数不能多于应到人数。", en: "More cannot attend than were expected.")
        public static let tierNotOnOffer = LocalizedText(zh: "请选择本次活动开放的星级。", en: "Choose a tier this campaign offers.")
        public static let minutesRequired = LocalizedText(zh: "请上传会议记录（纪要）。", en: "Attach the meeting's minutes.")
        public static let dateInvalid = LocalizedText(zh: "请按YYYY-MM-DD填写日期，例如2020-08-18。", en: "Enter the date as YYYY-MM-DD, e.g. 2020-08-18.")
        public static let congressKindRequired = LocalizedText(zh: "请选择会议形式。", en: "Choose which meeting decided.")

        public static func belowTwoThirds(_ kind: CongressDecision.Kind, present: Int, expected: Int) -> LocalizedText {
            LocalizedText(
                zh: "实到\(present)人，不足应到\(expected)人的三分之二。\(congressKind(kind).zh)通常须有三分之二以上\(congressAttendees(kind).zh)出席方可召开，请核实本次会议是否有效。",
                en: "\(present) of \(expected) attended, under two thirds. A \(congressKind(kind).en) is commonly valid only with two thirds of its \(congressAttendees(kind).en) present: check that this meeting counts.")
        }

        public static let noSelfScore = LocalizedText(
            zh: "尚未保存自评得分，无法与自评结果比较；大会应根据自查结果确定申报星级。",
            en: "No self-score is saved yet, so the tier cannot be compared with it; the congress decides from the self-check's result.")
        public static func selfScoreReachesNoTier(total: Points, decided: Tier) -> LocalizedText {
            LocalizedText(
                zh: "自评得分\(total)分，未达到任何星级的分数线；大会确定申报\(decided.name)（\(decided.minimum)分以上）。可以申报，但考核验收按实际得分确定星级。",
                en: "The self-score is \(total), below every tier; the congress decided on \(tierName(decided).en) (\(decided.minimum) or more). It may be applied for, but the inspection decides the tier on the score it finds.")
        }
        public static func tierAboveSelfScore(total: Points, reached: Tier, decided: Tier) -> LocalizedText {
            LocalizedText(
                zh: "自评得分\(total)分，只达到\(reached.name)；大会确定申报\(decided.name)（\(decided.minimum)分以上），高于自评结果。可以申报，但考核验收按实际得分确定星级。",
                en: "The self-score is \(total), which reaches \(tierName(reached).en); the congress decided on \(tierName(decided).en) (\(decided.minimum) or more), above it. It may be applied for, but the inspection decides the tier on the score it finds.")
        }

        // MARK: The congress page

        public static let congressHeading = LocalizedText(zh: "职工（代表）大会确定申报星级", en: "The congress decides the tier")
        public static let congressIntro = LocalizedText(
            zh: "根据自查结果，召开职工（代表）大会或职代会团（组）长会议研究确定申报星级，然后向职工公示。",
            en: "From the self-check's result, the workers' congress (or its delegation leaders' meeting) decides the tier to apply for; then it is put on notice to the workers.")
        public static let vetoesHeading = LocalizedText(zh: "一票否决", en: "Vetoes")
        public static let vetoesIntro = LocalizedText(zh: "有下列情形之一的，不得命名，不能申报任何星级：",
                                                      en: "A union where any of these holds cannot be named, and cannot apply for any tier:")
        public static let vetoesNone = LocalizedText(zh: "本标准未规定一票否决情形。", en: "This scheme names no vetoes.")
        public static let vetoHit = LocalizedText(zh: "自评中已答为存在", en: "answered as holding in the self-assessment")
        public static let date = LocalizedText(zh: "会议日期（YYYY-MM-DD）", en: "Date of the meeting (YYYY-MM-DD)")
        public static let heldOn = LocalizedText(zh: "会议日期", en: "Held on")
        public static let attendanceLabel = LocalizedText(zh: "出席情况", en: "Attendance")
        public static let kind = LocalizedText(zh: "会议形式", en: "Meeting")
        public static let expected = LocalizedText(zh: "应到人数", en: "Expected to attend")
        public static let present = LocalizedText(zh: "实到人数", en: "Attended")
        public static let tier = LocalizedText(zh: "确定申报星级", en: "Tier decided")
        public static let minutes = LocalizedText(zh: "会议记录（纪要）", en: "Minutes")
        public static func minutesHint(limitMB: Int) -> LocalizedText {
            LocalizedText(zh: "PDF、图片或 Office 文档，不超过 \(limitMB) MB（按文件内容判断类型）。",
                          en: "A PDF, an image or an Office document, at most \(limitMB) MB (the type is judged by content).")
        }
        public static let record = LocalizedText(zh: "记录大会决定", en: "Record the decision")
        /// Recorded, the decision may be corrected until the notice starts.
        public static let correct = LocalizedText(zh: "更正大会决定", en: "Correct the decision")
        public static let correctIntro = LocalizedText(
            zh: "公示开始前，可更正已记录的大会决定（日期、形式、人数、星级）；不另传纪要则保留已上传的纪要。",
            en: "Until the notice starts, the recorded decision can be corrected (date, kind, attendance, tier); the minutes already attached stay unless new ones are sent.")
        public static let recordedHeading = LocalizedText(zh: "已记录的大会决定", en: "The decision as recorded")
        public static func attendance(present: Int, expected: Int) -> LocalizedText {
            LocalizedText(zh: "应到\(expected)人，实到\(present)人", en: "\(present) of \(expected) attended")
        }
        public static let selfScore = LocalizedText(zh: "自评得分", en: "Self-score")
        public static let selfTier = LocalizedText(zh: "自评达到星级", en: "Tier the self-score reaches")
        public static let noTierReached = LocalizedText(zh: "未达到星级分数线", en: "no tier")
        public static let notScored = LocalizedText(zh: "尚未保存", en: "not saved yet")
        public static let congressLink = LocalizedText(zh: "职工（代表）大会决定", en: "Congress decision")
        public static let back = LocalizedText(zh: "返回申报", en: "Back to the application")

        // MARK: The notice, as the union runs it

        public static let noticeHeading = LocalizedText(zh: "向职工公示", en: "Notice to the workers")
        public static func noticeIntro(workingDays: Int) -> LocalizedText {
            LocalizedText(
                zh: "公示\(workingDays)个工作日，须在申报截止日前结束。公示期间职工可在公示页面提出异议（可署名或匿名）；每条异议答复后方可申报。",
                en: "The notice runs \(workingDays) working days and must end before the application deadline. While it runs, workers may object on its public page (named or anonymously); every objection must be answered before the union files.")
        }
        public static let start = LocalizedText(zh: "公示开始日期（YYYY-MM-DD）", en: "First day of the notice (YYYY-MM-DD)")
        public static let startHint = LocalizedText(zh: "默认为明天；结束日按工作日日历计算。",
                                                    en: "Tomorrow unless you change it; the last day is counted on the working-day calendar.")
        public static let noticeTier = LocalizedText(zh: "申报星级", en: "Tier applied for")
        public static let startNotice = LocalizedText(zh: "开始公示", en: "Start the notice")
        public static let startInPast = LocalizedText(zh: "公示开始日期不能早于今天。", en: "The notice cannot start before today.")
        public static let noticeLink = LocalizedText(zh: "公示与异议", en: "Notice and objections")
        public static let period = LocalizedText(zh: "公示期", en: "Notice period")
        public static func periodText(_ notice: NoticePeriod, workingDays: Int) -> LocalizedText {
            LocalizedText(zh: "\(date(notice.start, .zh))至\(date(notice.end, .zh))（\(workingDays)个工作日）",
                          en: "\(notice.start) to \(notice.end) (\(workingDays) working days)")
        }
        public static let status = LocalizedText(zh: "状态", en: "Status")
        public static func statusText(_ status: UnitNotice.Status, _ notice: NoticePeriod) -> LocalizedText {
            switch status {
            case .notYetStarted: LocalizedText(zh: "将于\(date(notice.start, .zh))开始", en: "starts on \(notice.start)")
            case .running: LocalizedText(zh: "公示中，至\(date(notice.end, .zh))结束", en: "running, until \(notice.end)")
            case .ended: LocalizedText(zh: "已于\(date(notice.end, .zh))结束", en: "ended on \(notice.end)")
            }
        }
        public static let publicPage = LocalizedText(zh: "公示页面（无需登录）", en: "Public page (no sign-in)")
        public static let printable = LocalizedText(zh: "打印版（张贴用）", en: "Printable version (for the notice board)")
        public static let objectionsHeading = LocalizedText(zh: "异议", en: "Objections")
        public static let noObjections = LocalizedText(zh: "尚未收到异议。", en: "No objections so far.")
        public static let lodgedAt = LocalizedText(zh: "提出时间", en: "Lodged")
        public static let lodgedBy = LocalizedText(zh: "提出人", en: "From")
        public static let anonymous = LocalizedText(zh: "匿名", en: "anonymous")
        public static let answer = LocalizedText(zh: "答复", en: "Answer")
        public static let submitAnswer = LocalizedText(zh: "提交答复", en: "Send the answer")
        public static func answered(at: String, by: String) -> LocalizedText {
            LocalizedText(zh: "\(by)于\(at)答复", en: "Answered by \(by) on \(at)")
        }
        public static func unanswered(_ count: Int) -> LocalizedText {
            LocalizedText(zh: "\(count)条异议尚未答复，答复后方可申报。", en: "\(count) objection(s) await an answer before the union may file.")
        }
        public static let answerRequired = LocalizedText(zh: "请填写答复。", en: "Write the answer.")
        public static func answerTooLong(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "答复不能超过\(limit)字。", en: "The answer can be at most \(limit) characters.")
        }
        public static let alreadyAnswered = LocalizedText(zh: "这条异议已经答复过了。", en: "This objection has already been answered.")

        // MARK: The public page

        public static func publicTitle(unit: String) -> LocalizedText {
            LocalizedText(zh: "\(unit)申报星级公示", en: "\(unit): notice of its application for a star tier")
        }
        public static let unit = LocalizedText(zh: "申报单位", en: "Union")
        public static let campaign = LocalizedText(zh: "活动", en: "Campaign")
        public static let publicIntro = LocalizedText(
            zh: "根据星级创建程序，本单位将申报星级情况向职工公示。公示期间，职工群众如有异议，可在下方提出，可署名，也可匿名。",
            en: "As the star campaign requires, the union puts its application before its workers. While the notice runs, anyone with an objection may lodge it below, named or anonymously.")
        public static func notYetStarted(_ notice: NoticePeriod) -> LocalizedText {
            LocalizedText(zh: "公示将于\(date(notice.start, .zh))开始，届时可提出异议。",
                          en: "The notice starts on \(notice.start); objections may be lodged from then.")
        }
        public static func ended(_ notice: NoticePeriod) -> LocalizedText {
            LocalizedText(zh: "公示已于\(date(notice.end, .zh))结束，不再受理异议。",
                          en: "The notice ended on \(notice.end); no more objections are taken.")
        }
        public static func objectionSummary(lodged: Int, answered: Int) -> LocalizedText {
            if lodged == 0 { return LocalizedText(zh: "公示期间未收到异议。", en: "No objections were lodged.") }
            if lodged == answered {
                return LocalizedText(zh: "共收到异议\(lodged)条，工会已全部答复。", en: "\(lodged) objection(s) were lodged; the union answered every one.")
            }
            return LocalizedText(zh: "共收到异议\(lodged)条，已答复\(answered)条。", en: "\(lodged) objection(s) were lodged; \(answered) answered so far.")
        }
        public static let answersHeading = LocalizedText(zh: "工会的答复", en: "The union's answers")
        public static func answerLine(lodged: String, answered: String) -> LocalizedText {
            LocalizedText(zh: "\(lodged)收到的异议，\(answered)答复：", en: "Objection of \(lodged), answered \(answered):")
        }
        public static let objectionHeading = LocalizedText(zh: "提出异议", en: "Lodge an objection")
        public static let objectionText = LocalizedText(zh: "异议内容", en: "Your objection")
        public static func objectionHint(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "不超过\(limit)字。异议内容只有本单位工会和上级工会可见。", en: "At most \(limit) characters. Only the union and the federations above it read it.")
        }
        public static let name = LocalizedText(zh: "姓名（可不填）", en: "Your name (optional)")
        public static let nameHint = LocalizedText(zh: "不填即为匿名提出；姓名不会在公示页面上显示。",
                                                   en: "Leave it empty to object anonymously; a name is never shown on this page.")
        public static let honeypot = LocalizedText(zh: "请勿填写此项", en: "Leave this empty")
        public static let submitObjection = LocalizedText(zh: "提交异议", en: "Lodge the objection")
        public static let objectionRequired = LocalizedText(zh: "请填写异议内容。", en: "Write your objection.")
        public static func objectionTooLong(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "异议内容不能超过\(limit)字。", en: "An objection can be at most \(limit) characters.")
        }
        public static func nameTooLong(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "姓名不能超过\(limit)字。", en: "A name can be at most \(limit) characters.")
        }
        public static func tooMany(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "同一来源每天对同一公示最多提交\(limit)条异议，请明天再提交。",
                          en: "At most \(limit) objections a day may come from one sender for one notice; send more tomorrow.")
        }
        public static let automated = LocalizedText(zh: "提交未被受理：表单中有应留空的项被填写。",
                                                    en: "Not accepted: a field that must stay empty was filled in.")
        public static let scanToOpen = LocalizedText(zh: "扫码查看公示、提出异议", en: "Scan to read the notice and to object")
        /// After naming the page is the unit's public record: no objection is taken any more.
        public static let scanToVerify = LocalizedText(zh: "扫码查看命名记录", en: "Scan to see the naming record")
        public static let qrLabel = LocalizedText(zh: "公示页面的二维码", en: "QR code of the notice's page")
        public static let print = LocalizedText(zh: "打印", en: "Print")
        public static let publicActor = LocalizedText(zh: "公示页面的访客（不记录地址）", en: "a visitor of the notice page (address not kept)")

        // MARK: Confirmations after a change (`?done=…` on these pages)

        public static let congressRecorded = LocalizedText(zh: "大会决定已记录。", en: "The congress decision is recorded.")
        public static let noticeStarted = LocalizedText(zh: "公示已开始。", en: "The notice has started.")
        public static let answerSaved = LocalizedText(zh: "答复已保存。", en: "The answer is saved.")
        public static let objectionLodged = LocalizedText(zh: "您的异议已提交，工会将作出答复。", en: "Your objection is lodged; the union will answer it.")
    }
}
