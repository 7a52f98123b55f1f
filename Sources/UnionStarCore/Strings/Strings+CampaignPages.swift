extension Strings {
    /// The campaign pages: the list, opening one, progress, the unit's application page.
    public enum CampaignPages {
        public static let heading = LocalizedText(zh: "星级创建活动", en: "Campaigns")
        public static let none = LocalizedText(zh: "还没有您可以查看的活动。", en: "There is no campaign you can see yet.")
        public static let open = LocalizedText(zh: "发起年度活动", en: "Open a year's campaign")
        public static let openIntro = LocalizedText(
            zh: "为本级及下属基层工会发起一年的星级创建活动。日期留空则采用评定方案的默认安排。",
            en: "Open a year's star campaign for the unions under your federation. Dates left empty take the scheme's defaults.")
        public static func edit(_ title: String) -> LocalizedText {
            LocalizedText(zh: "修改活动：\(title)", en: "Edit the campaign: \(title)")
        }
        public static let editLink = LocalizedText(zh: "修改日期、目标和星级", en: "Edit dates, target and tiers")
        public static let editIntro = LocalizedText(
            zh: "活动进行中可以修改日期、参与率目标和开放的星级；已有单位开始后，年度和评定方案不能再改。",
            en: "While the campaign runs its dates, target and tiers can change; once a unit has started, the year and the schemes cannot.")
        public static let fixedOnceStarted = LocalizedText(zh: "已有单位开始申报，此项不能再改。", en: "Units have started: this can no longer change.")
        public static let stale = LocalizedText(zh: "活动刚被他人修改过，您的修改没有保存。请核对后再保存。",
                                                en: "Someone else changed the campaign just now; your changes were not saved. Check and save again.")
        public static let openSubmit = LocalizedText(zh: "发起活动", en: "Open the campaign")
        public static let owner = LocalizedText(zh: "发起单位", en: "Federation")
        public static let ownerInvalid = LocalizedText(zh: "请选择您可以发起活动的总工会。", en: "Choose a federation you may open a campaign for.")
        public static let year = LocalizedText(zh: "年度", en: "Year")
        public static let yearInvalid = LocalizedText(zh: "年度须为四位数字，如2020。", en: "The year must be four digits, such as 2020.")
        public static func yearTaken(_ year: Int) -> LocalizedText {
            LocalizedText(zh: "本单位\(year)年度的活动已经发起。", en: "This federation already has a campaign for \(year).")
        }
        public static let title = LocalizedText(zh: "活动名称", en: "Title")
        public static let titleHint = LocalizedText(zh: "如：2020年度“活力基层工会”星级创建", en: "e.g. 2020 “vibrant grassroots union” star campaign")
        public static let titleRequired = LocalizedText(zh: "请填写活动名称。", en: "Give the campaign a title.")
        public static func schemeFor(_ kind: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(kind.zh)适用的标准", en: "Scheme for \(kind.en)s")
        }
        public static let kindNotRated = LocalizedText(zh: "不参加", en: "not rated")
        public static let schemeNotForKind = LocalizedText(zh: "该评定方案不适用于这类工会。", en: "That scheme does not rate this kind of union.")
        public static let noScheme = LocalizedText(zh: "请至少为一类工会选择评定方案。", en: "Choose a scheme for at least one kind of union.")
        public static func tierOnOffer(_ name: String) -> LocalizedText {
            LocalizedText(zh: "可申报：\(name)", en: "On offer: \(name)")
        }
        public static let noTier = LocalizedText(zh: "请至少开放一个星级。", en: "Offer at least one tier.")
        public static let dateHint = LocalizedText(zh: "格式 YYYY-MM-DD；留空则按方案默认", en: "YYYY-MM-DD; empty for the scheme's default")
        public static let defaultHint = LocalizedText(zh: "留空则按方案默认", en: "empty for the scheme's default")
        public static let dateInvalid = LocalizedText(zh: "日期格式应为 YYYY-MM-DD。", en: "Write the date as YYYY-MM-DD.")
        public static let noticeDays = LocalizedText(zh: "单位公示天数（工作日）", en: "Unit notice (working days)")
        public static let resultsNoticeDays = LocalizedText(zh: "结果公示天数（工作日）", en: "Results notice (working days)")
        public static let target = LocalizedText(zh: "参与率目标（%）", en: "Participation target (%)")
        public static let targetInvalid = LocalizedText(zh: "参与率目标须为0到100之间的数。", en: "The target is a number from 0 to 100.")

        public static func workingDays(_ n: Int) -> LocalizedText {
            LocalizedText(zh: "\(n)个工作日", en: "\(n) working days")
        }
        /// The union's notice: its length, and that it must be over before the application date
        /// (the union files after it).
        public static func noticeEndsBefore(workingDays n: Int, applyBy: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "\(n)个工作日，须在\(Campaign.date(applyBy, .zh))之前结束（不含当日）",
                          en: "\(n) working days, over before \(applyBy)")
        }
        public static func window(from: CalendarDate?, by: CalendarDate?) -> LocalizedText {
            switch (from, by) {
            case let (from?, by?): LocalizedText(zh: "\(Campaign.date(from, .zh))至\(Campaign.date(by, .zh))", en: "\(from) to \(by)")
            case let (nil, by?): LocalizedText(zh: "\(Campaign.date(by, .zh))前（含当日）", en: "by \(by)")
            case let (from?, nil): LocalizedText(zh: "\(Campaign.date(from, .zh))起", en: "from \(from)")
            case (nil, nil): LocalizedText(zh: "未定日期", en: "no date set")
            }
        }

        public static let schemesHeading = LocalizedText(zh: "适用标准", en: "Schemes")
        public static let datesHeading = LocalizedText(zh: "时间安排", en: "Timeline")
        public static let tiersLabel = LocalizedText(zh: "可申报星级", en: "Tiers on offer")
        public static let targetLabel = LocalizedText(zh: "参与率目标", en: "Participation target")
        public static let progressHeading = LocalizedText(zh: "进度", en: "Progress")
        public static let statesHeading = LocalizedText(zh: "各状态单位数", en: "Units in each state")
        public static let groupsHeading = LocalizedText(zh: "各下属单位参与率", en: "Participation under each sub-federation")
        public static let notStartedHeading = LocalizedText(zh: "尚未开始的单位", en: "Units not yet started")
        public static let notStartedCSV = LocalizedText(zh: "导出 CSV", en: "Export as CSV")
        public static let allStarted = LocalizedText(zh: "所有单位均已参与。", en: "Every unit has started.")
        public static let yourUnits = LocalizedText(zh: "本单位的申报", en: "Your unit's application")
        public static func participation(part: Int, of all: Int, rate: Points?, target: Points?) -> LocalizedText {
            let r = rate.map { "\($0)%" } ?? "—"
            let tz = target.map { "，目标\($0)%" } ?? ""
            let te = target.map { "; target \($0)%" } ?? ""
            return LocalizedText(zh: "\(all)个基层工会中\(part)个已参与（参与率\(r)\(tz)）", en: "\(part) of \(all) grassroots unions take part (\(r)\(te))")
        }
        public static func groupLine(part: Int, of all: Int) -> LocalizedText {
            LocalizedText(zh: "\(part)/\(all)", en: "\(part)/\(all)")
        }
        public static func more(_ n: Int) -> LocalizedText {
            LocalizedText(zh: "另有\(n)个，见 CSV。", en: "\(n) more: see the CSV.")
        }
        public static let csvUnit = LocalizedText(zh: "单位名称", en: "Unit")
        public static let csvPlace = LocalizedText(zh: "上级", en: "Under")
        public static let csvChair = LocalizedText(zh: "工会主席", en: "Chair")
        public static let csvPhone = LocalizedText(zh: "联系电话", en: "Phone")

        public static let reopenUnitInvalid = LocalizedText(zh: "请选择本活动范围内的单位。", en: "Choose a unit in this campaign.")
        public static let reopenStepInvalid = LocalizedText(zh: "请选择要延期的环节。", en: "Choose the step to reopen.")
        public static let reopenUntilInvalid = LocalizedText(zh: "延至日期须为活动年度或次年内、不早于今天的日期（YYYY-MM-DD）。",
                                                             en: "The new date must fall in the campaign's year or the next, not before today (YYYY-MM-DD).")
        public static let reopenReasonRequired = LocalizedText(zh: "请填写延期理由（500字以内）。", en: "Give the reason (at most 500 characters).")
    }
}
