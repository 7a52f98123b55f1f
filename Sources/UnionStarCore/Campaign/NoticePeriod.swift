/// A public notice (公示) of N working days: it starts on a day and ends on the N-th working day
/// counted from it (the start counts when it is a working day).
public struct NoticePeriod: Sendable, Hashable, Codable {
    public var start: CalendarDate
    public var end: CalendarDate
    public var workingDays: Int

    public init(starting start: CalendarDate, workingDays: Int, calendar: WorkingDayCalendar) {
        self.start = start
        self.workingDays = workingDays
        end = calendar.lastDay(ofPeriodStarting: start, workingDays: workingDays)
    }

    public init(start: CalendarDate, end: CalendarDate, workingDays: Int) {
        self.start = start
        self.end = end
        self.workingDays = workingDays
    }

    /// Objections may be lodged from the first day through the last.
    public func isRunning(on day: CalendarDate) -> Bool { day >= start && day <= end }
    /// The notice has ended: the union may file from the next day.
    public func isOver(on day: CalendarDate) -> Bool { day > end }
}
