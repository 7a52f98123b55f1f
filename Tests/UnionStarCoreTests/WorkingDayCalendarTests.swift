import Testing
@testable import UnionStarCore

@Suite struct WorkingDayCalendarTests {
    let calendar = builtInCalendar
    func d(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    @Test(arguments: [
        ("2019-09-26", true), ("2019-09-28", false), ("2019-09-29", true),   // Sunday 29th: 调休上班
        ("2019-10-01", false), ("2019-10-07", false), ("2019-10-08", true), ("2019-10-12", true),
        ("2020-01-19", true), ("2020-01-24", false), ("2020-02-01", false),  // Spring Festival extended to 2-2
        ("2020-02-03", true), ("2026-01-04", true), ("2026-02-16", false), ("2026-11-23", true), ("2026-11-22", false),
    ])
    func workingDays(date: String, working: Bool) {
        #expect(calendar.isWorkingDay(d(date)) == working)
    }

    @Test func acrossAWeekend() {
        // Friday + 1 working day is Monday; + 5 is the next Friday.
        #expect(calendar.adding(workingDays: 1, to: d("2019-09-20")) == d("2019-09-23"))
        #expect(calendar.adding(workingDays: 5, to: d("2019-09-20")) == d("2019-09-27"))
        #expect(calendar.adding(workingDays: 0, to: d("2019-09-21")) == d("2019-09-21"))
        #expect(WorkingDayCalendar.weekendsOnly.adding(workingDays: 3, to: d("2026-11-20")) == d("2026-11-25"))
    }

    @Test func acrossAHolidayWithAMakeUpDay() {
        // A 公示五个工作日 from Thursday 2019-09-26: 26, 27, Sun 29 (调休), 30, then 国庆 1–7, then 8 October.
        #expect(calendar.lastDay(ofPeriodStarting: d("2019-09-26"), workingDays: 5) == d("2019-10-08"))
        // Without the holiday data the same notice would end on 2 October.
        #expect(WorkingDayCalendar.weekendsOnly.lastDay(ofPeriodStarting: d("2019-09-26"), workingDays: 5) == d("2019-10-02"))
        // Starting on a Saturday before the make-up Sunday: day 1 is that Sunday.
        #expect(calendar.lastDay(ofPeriodStarting: d("2019-09-28"), workingDays: 1) == d("2019-09-29"))
        // The eve of the 2020 Spring Festival: the next working day is 3 February.
        #expect(calendar.adding(workingDays: 1, to: d("2020-01-23")) == d("2020-02-03"))
    }

    @Test func countsWorkingDaysInAMonth() {
        // October 2019: 23 weekdays, less 1–4 and 7 October, plus Saturday 12 October.
        #expect(calendar.workingDays(from: d("2019-10-01"), through: d("2019-10-31")) == 19)
    }

    @Test func staffAdditionsOverrideTheBuiltInData() {
        var local = WorkingDayCalendar()
        local.addHoliday("地方假日", from: d("2019-09-27"), through: d("2019-09-27"))
        let merged = calendar.merging(local)
        #expect(!merged.isWorkingDay(d("2019-09-27")))
        #expect(merged.lastDay(ofPeriodStarting: d("2019-09-26"), workingDays: 5) == d("2019-10-09"))
        #expect(merged.holidayName(d("2019-09-27")) == "地方假日")
    }

    @Test func knowsWhichYearsItCovers() {
        #expect((2019...2026).allSatisfy(calendar.covers))
        #expect(!calendar.covers(2030))
    }

    @Test func datesAndWeekdays() {
        #expect(d("1970-01-01").weekday == 4)
        #expect(d("2019-10-01").weekday == 2)
        #expect(d("2026-11-23").weekday == 1)
        #expect(CalendarDate(parsing: "2019-02-29") == nil)
        #expect(CalendarDate(parsing: "2020-02-29") != nil)
        #expect(CalendarDate(parsing: "2019-9-1") == nil)
        for n in [-800_000, -1, 0, 1, 18_000, 20_000, 2_000_000] {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test func calendarFileRefusesAWeekdayAsMakeUpDay() {
        let yaml = "years:\n  - year: 2030\n    workdays: [2030-01-02]\n"
        #expect(throws: CalendarError.self) { try CalendarFile.parse(yaml: yaml, file: "x.yaml") }
    }
}
