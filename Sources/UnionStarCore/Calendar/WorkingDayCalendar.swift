/// Working days (工作日): Monday to Friday, less statutory holidays, plus make-up working days
/// (调休上班) that fall on weekends. Holidays are data, so staff can add a year or a local change.
public struct WorkingDayCalendar: Sendable, Hashable {
    public private(set) var holidays: [CalendarDate: String]
    public private(set) var makeUpWorkdays: Set<CalendarDate>
    /// Years for which holidays are known; outside them only weekends are off.
    public private(set) var coveredYears: Set<Int>

    public init(holidays: [CalendarDate: String] = [:], makeUpWorkdays: Set<CalendarDate> = [], coveredYears: Set<Int> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        self.coveredYears = coveredYears
    }

    /// Weekends only, no holidays.
    public static let weekendsOnly = WorkingDayCalendar()

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if makeUpWorkdays.contains(date) { return true }
        if holidays[date] != nil { return false }
        return !date.isWeekend
    }

    /// The holiday's name when `date` is a statutory holiday.
    public func holidayName(_ date: CalendarDate) -> String? { holidays[date] }

    public func covers(_ year: Int) -> Bool { coveredYears.contains(year) }

    /// The date `n` working days after `date` (`date` itself not counted); `n = 0` gives `date`.
    public func adding(workingDays n: Int, to date: CalendarDate) -> CalendarDate {
        precondition(n >= 0, "working days to add must be non-negative")
        var current = date
        var left = n
        while left > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// The date `n` working days before `date` (`date` itself not counted); `n = 0` gives `date`.
    public func subtracting(workingDays n: Int, from date: CalendarDate) -> CalendarDate {
        precondition(n >= 0, "working days to subtract must be non-negative")
        var current = date
        var left = n
        while left > 0 {
            current = current.adding(days: -1)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// The last day of a period of `n` working days that begins on `start`: if `start` is a working
    /// day it is day 1; otherwise day 1 is the next working day. (公示五个工作日)
    public func lastDay(ofPeriodStarting start: CalendarDate, workingDays n: Int) -> CalendarDate {
        precondition(n >= 1, "a period has at least one working day")
        var first = start
        while !isWorkingDay(first) { first = first.adding(days: 1) }
        return adding(workingDays: n - 1, to: first)
    }

    /// Working days from `start` through `end`, both included.
    public func workingDays(from start: CalendarDate, through end: CalendarDate) -> Int {
        guard start <= end else { return 0 }
        var count = 0
        var day = start
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// Adds a holiday period; a make-up working day inside it is cleared.
    public mutating func addHoliday(_ name: String, from: CalendarDate, through: CalendarDate) {
        var day = from
        while day <= through {
            holidays[day] = name
            makeUpWorkdays.remove(day)
            day = day.adding(days: 1)
        }
        coveredYears.insert(from.year)
        coveredYears.insert(through.year)
    }

    /// Marks a weekend day as a make-up working day (调休上班); a holiday there is cleared.
    public mutating func addMakeUpWorkday(_ date: CalendarDate) {
        makeUpWorkdays.insert(date)
        holidays[date] = nil
        coveredYears.insert(date.year)
    }

    /// Declares a year's arrangement known even if it has no entries.
    public mutating func cover(_ year: Int) { coveredYears.insert(year) }

    /// This calendar with `other`'s entries laid over it (staff additions over the built-in data).
    public func merging(_ other: WorkingDayCalendar) -> WorkingDayCalendar {
        var result = self
        for (date, name) in other.holidays {
            result.holidays[date] = name
            result.makeUpWorkdays.remove(date)
        }
        for date in other.makeUpWorkdays {
            result.makeUpWorkdays.insert(date)
            result.holidays[date] = nil
        }
        result.coveredYears.formUnion(other.coveredYears)
        return result
    }
}
