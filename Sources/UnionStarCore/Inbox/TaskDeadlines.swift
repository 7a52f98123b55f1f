/// The last day of each task in the inbox, from the campaign's dates (and a unit's extensions).
/// Where the seeds give no date for a step, the day follows from the steps around it; see
/// docs/DECISIONS.md (the inbox).
public enum TaskDeadlines {
    /// The last day the union may file: the application deadline, or once returned the window to
    /// file again (`ApplicationWorkflow.refileBy`), either kept open longer by a staff extension.
    public static func file(state: ApplicationState, returnedOn: CalendarDate?, dates: CampaignDates, calendar: WorkingDayCalendar,
                            extensions: [DeadlineExtension]) -> CalendarDate {
        let closes = state == .returned
            ? ApplicationWorkflow.refileBy(returnedOn: returnedOn ?? dates.applyBy, applyBy: dates.applyBy, calendar: calendar)
            : dates.applyBy
        return extended(closes, .application, extensions)
    }

    /// The stamps are due the day before the inspection opens: the stamped forms must be with the
    /// federation before it inspects (the seeds give no date for the stamps themselves).
    public static func endorse(_ dates: CampaignDates) -> CalendarDate? {
        dates.opens(.inspection)?.adding(days: -1)
    }

    /// Inspectors are named by the day the inspection opens (its last day when it has no start).
    public static func assignInspectors(_ dates: CampaignDates) -> CalendarDate? {
        dates.inspection.from ?? dates.inspection.by
    }

    /// The visit and its scores, and closing the inspection: the inspection window's last day
    /// (kept open longer for the unit by a staff extension).
    public static func inspect(_ dates: CampaignDates, extensions: [DeadlineExtension]) -> CalendarDate? {
        dates.inspection.by.map { extended($0, .inspection, extensions) }
    }

    /// The decision: by the inspection window's last day, as the timeline puts the results notice
    /// (推荐对象公示) the next day; without an inspection end, by the recommendation date.
    public static func decide(_ dates: CampaignDates) -> CalendarDate? {
        dates.inspection.by ?? dates.recommendBy
    }

    /// Putting the decision on the results notice: with a recommendation date (Yizheng 11月15日),
    /// the last day a notice of the campaign's length can start and still end before it (2019:
    /// Friday 8 November, ending on the 14th); without one (Rushan), the first working day after the
    /// inspection's last day, when the decisions are due (the timeline puts 推荐对象公示 after 考评).
    public static func startResultsNotice(_ dates: CampaignDates, calendar: WorkingDayCalendar) -> CalendarDate? {
        if let by = dates.recommendBy {
            let lastDay = calendar.subtracting(workingDays: 1, from: by)
            return calendar.subtracting(workingDays: dates.resultsNoticeLength - 1, from: lastDay)
        }
        return dates.inspection.by.map { calendar.adding(workingDays: 1, to: $0) }
    }

    /// Naming: the recommendation date when the campaign has one (于11月15日前…推荐表彰); else no
    /// date (the Rushan seed gives none for naming).
    public static func name(_ dates: CampaignDates) -> CalendarDate? {
        dates.recommendBy
    }

    /// A round's self-check: the campaign's self-assessment window's last day (kept open longer
    /// for the unit by a staff extension); none when the window has no end.
    public static func handInSelfCheck(_ dates: CampaignDates, extensions: [DeadlineExtension]) -> CalendarDate? {
        dates.closes(.selfCheck).map { extended($0, .selfCheck, extensions) }
    }

    private static func extended(_ closes: CalendarDate, _ step: CampaignStep, _ extensions: [DeadlineExtension]) -> CalendarDate {
        max(closes, extensions.filter { $0.step == step }.map(\.until).max() ?? closes)
    }
}
