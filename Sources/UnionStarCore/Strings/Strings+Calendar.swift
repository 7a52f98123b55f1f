extension Strings {
    /// Dates and windows of a campaign's timeline, and why a timeline cannot hold in a year.
    public enum Calendar {
        static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

        /// `9月30日`, `30 Sep`.
        public static func monthDay(_ date: MonthDay) -> LocalizedText {
            LocalizedText(zh: "\(date.month)月\(date.day)日", en: "\(date.day) \(monthAbbreviations[date.month - 1])")
        }
        public static func window(from: LocalizedText, to: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(from.zh)至\(to.zh)", en: "\(from.en) to \(to.en)")
        }
        public static func byDayIncluded(_ day: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(day.zh)前（含当日）", en: "by \(day.en), the day included")
        }
        public static func fromDay(_ day: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(day.zh)起", en: "from \(day.en)")
        }
        public static func workingDaysAfterPreviousStep(_ days: Int) -> LocalizedText {
            LocalizedText(zh: "\(days)个工作日，自上一步结束次日起", en: "\(days) working days, from the day after the step before ends")
        }
        public static let noFixedDate = LocalizedText(zh: "文件未定具体日期", en: "no fixed date in the seed")

        /// Why the steps of a timeline cannot follow each other in a given year.
        public enum Problems {
            public static func reversed(_ step: String, from: CalendarDate, by: CalendarDate) -> LocalizedText {
                LocalizedText(zh: "步骤 \(step) 的起始日 \(from) 晚于截止日 \(by)", en: "step \(step) starts on \(from), after its end \(by)")
            }
            public static func tooEarly(_ step: String, previous: String, previousEnd: CalendarDate, date: CalendarDate) -> LocalizedText {
                LocalizedText(zh: "步骤 \(step) 须在 \(previous) 结束（\(previousEnd)）之后，但其日期为 \(date)",
                              en: "step \(step) must come after \(previous) ends (\(previousEnd)), but falls on \(date)")
            }
            public static func noticeWithoutStart(_ step: String) -> LocalizedText {
                LocalizedText(zh: "公示步骤 \(step) 之前没有带日期的步骤，无法确定起始日", en: "notice \(step) has no dated step before it to start after")
            }
        }
    }
}

extension Strings.Calendar {
    /// The name a day gets when none is given: a holiday, a make-up working day (调休上班).
    public static let holiday = LocalizedText(zh: "假日", en: "holiday")
    public static let makeUpWorkingDay = LocalizedText(zh: "调休上班", en: "make-up working day")
}
