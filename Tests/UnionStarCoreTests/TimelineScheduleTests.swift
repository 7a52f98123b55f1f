import Testing
@testable import UnionStarCore

/// A timeline's order must be possible in the campaign's year: each step after the one before has
/// ended, and a working-day notice fitting between its neighbours on the real calendar.
@Suite struct TimelineScheduleTests {
    static func step(_ id: String, from: String? = nil, by: String? = nil, days: Int? = nil) -> Timeline.Step {
        Timeline.Step(id: id, label: id, labelEn: id, from: from, by: by, workingDays: days, origin: .seed, quote: id)
    }

    static func d(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let year: Int
        let steps: [Timeline.Step]
        let weekendsOnly: Bool
        /// Ids of the steps that cannot follow the one before them.
        let failing: [String]
        var testDescription: String { name }

        init(_ name: String, _ year: Int, _ steps: [Timeline.Step], weekendsOnly: Bool = false, failing: [String]) {
            self.name = name
            self.year = year
            self.steps = steps
            self.weekendsOnly = weekendsOnly
            self.failing = failing
        }
    }

    static let cases: [Case] = [
        Case("Rushan as it was: decision by 08-31, a notice, then application also by 08-31", 2020, [
            step("self-check", from: "08-01", by: "08-31"), step("decision", by: "08-31"), step("notice", days: 5),
            step("apply", by: "08-31"), step("inspection", from: "09-01", by: "09-30"),
        ], failing: ["decision", "apply"]),
        Case("Rushan now: self-check to 08-15, decision by 08-20, 5 working days, apply by 08-31", 2020, [
            step("self-check", from: "08-01", by: "08-15"), step("decision", by: "08-20"), step("notice", days: 5),
            step("apply", by: "08-31"), step("inspection", from: "09-01", by: "09-30"),
        ], failing: []),
        Case("Yizheng as it was: assessment to 11-30, then a notice, then recommendation by 11-15", 2019, [
            step("pre", from: "01-01", by: "03-31"), step("self", by: "09-15"), step("notice", days: 5), step("apply", by: "09-30"),
            step("assessment", from: "10-01", by: "11-30"), step("results", days: 5), step("recommend", by: "11-15"),
        ], failing: ["recommend"]),
        Case("Yizheng now: assessment to 11-05 leaves the notice ending 11-12, before 11-15", 2019, [
            step("pre"), step("self", by: "09-20"), step("notice", days: 5), step("apply", by: "09-30"),
            step("assessment", from: "10-01", by: "11-05"), step("results", days: 5), step("recommend", by: "11-15"),
        ], failing: []),
        Case("a notice ending on the recommendation day itself is too late", 2019, [
            step("assessment", from: "10-01", by: "11-08"), step("results", days: 5), step("recommend", by: "11-15"),
        ], failing: ["recommend"]),
        Case("a notice ending the day before the deadline fits", 2019, [
            step("assessment", from: "10-01", by: "11-07"), step("results", days: 5), step("recommend", by: "11-15"),
        ], failing: []),
        Case("the National Day holiday pushes a notice from 09-28 to 10-10", 2019, [
            step("decision", by: "09-27"), step("notice", days: 5), step("apply", by: "10-08"),
        ], failing: ["apply"]),
        Case("the same notice on weekends alone would end 10-04 and fit", 2019, [
            step("decision", by: "09-27"), step("notice", days: 5), step("apply", by: "10-08"),
        ], weekendsOnly: true, failing: []),
        Case("a deadline on the day the step before it ends is too early", 2020, [
            step("a", by: "03-01"), step("b", by: "03-01"),
        ], failing: ["b"]),
        Case("a deadline the next day is possible", 2020, [step("a", by: "03-01"), step("b", by: "03-02")], failing: []),
        Case("a window must start after the step before it ends", 2020, [
            step("a", from: "03-01", by: "03-10"), step("b", from: "03-10", by: "03-20"),
        ], failing: ["b"]),
        Case("a window that ends before it starts", 2020, [step("a", from: "05-10", by: "05-01")], failing: ["a"]),
        Case("a step without dates leaves the previous end in force", 2020, [
            step("a", by: "03-01"), step("b"), step("c", by: "02-01"),
        ], failing: ["c"]),
        Case("a notice with no dated step before it has nothing to start after", 2020, [
            step("a"), step("notice", days: 5), step("b", by: "12-31"),
        ], failing: ["notice"]),
    ]

    @Test(arguments: cases)
    func order(_ c: Case) {
        let calendar = c.weekendsOnly ? WorkingDayCalendar.weekendsOnly : builtInCalendar
        let schedule = TimelineSchedule(Timeline(steps: c.steps), year: c.year, calendar: calendar)
        #expect(schedule.problems.map(\.stepID) == c.failing)
        #expect(schedule.isPossible == c.failing.isEmpty)
    }

    @Test(arguments: ["rushan-2020-enterprise", "rushan-2020-regional", "yizheng-2019-union", "yizheng-2019-chair"])
    func builtInTimelinesArePossibleInTheirOwnYear(id: String) throws {
        let scheme = builtInSchemes[id]!
        let timeline = try #require(scheme.timeline)
        let schedule = TimelineSchedule(timeline, year: scheme.year, calendar: builtInCalendar)
        #expect(schedule.problems == [], "\(schedule.problems.map(\.description))")
    }

    /// The defaults also hold in every year the calendar knows, holidays included.
    @Test(arguments: ["rushan-2020-enterprise", "yizheng-2019-union"])
    func builtInTimelinesArePossibleInEveryCoveredYear(id: String) throws {
        let timeline = try #require(builtInSchemes[id]!.timeline)
        for year in 2019...2026 {
            let schedule = TimelineSchedule(timeline, year: year, calendar: builtInCalendar)
            #expect(schedule.isPossible, "\(year): \(schedule.problems.map(\.description))")
        }
    }

    @Test func rushanNoticeEndsBeforeTheApplication() throws {
        let schedule = TimelineSchedule(builtInSchemes["rushan-2020-enterprise"]!.timeline!, year: 2020, calendar: builtInCalendar)
        let notice = try #require(schedule.entry("unit-notice"))
        #expect(notice.start == Self.d("2020-08-21"))
        #expect(notice.end == Self.d("2020-08-27"))  // 21, 24, 25, 26, 27 August
        #expect(try #require(schedule.entry("apply")?.end) > notice.end!)
        #expect(schedule.entry("inspection")?.start == Self.d("2020-09-01"))
    }

    @Test func yizhengNoticesEndBeforeTheirDeadlines() throws {
        let schedule = TimelineSchedule(builtInSchemes["yizheng-2019-union"]!.timeline!, year: 2019, calendar: builtInCalendar)
        #expect(schedule.entry("unit-notice")?.end == Self.d("2019-09-27"))
        #expect(schedule.entry("apply")?.end == Self.d("2019-09-30"))
        #expect(schedule.entry("results-notice")?.start == Self.d("2019-11-06"))
        #expect(schedule.entry("results-notice")?.end == Self.d("2019-11-12"))
        #expect(schedule.entry("recommend")?.end == Self.d("2019-11-15"))
    }
}

/// Where each date comes from: the seed's words (with the quote) or our default (with the reason).
@Suite struct TimelineProvenanceTests {
    @Test(arguments: ["rushan-2020-enterprise", "rushan-2020-regional", "yizheng-2019-union", "yizheng-2019-chair"])
    func everyStepSaysWhereItComesFrom(id: String) {
        for step in builtInSchemes[id]!.timeline!.steps {
            switch step.origin {
            case .seed: #expect(step.quote?.isEmpty == false, "\(step.id)")
            case .ourDefault:
                #expect(step.note?.isEmpty == false, "\(step.id)")
                #expect(step.noteEn?.isEmpty == false, "\(step.id)")
            }
        }
    }

    @Test(arguments: ["yizheng-2019-union", "yizheng-2019-chair"])
    func yizhengKeepsTheSeedsDatesAndMarksOurs(id: String) throws {
        let timeline = try #require(builtInSchemes[id]!.timeline)
        // 01-01–03-31 and 09-15 are not in the document.
        let dates = timeline.steps.flatMap { [$0.from, $0.by].compactMap { $0 } }
        #expect(!dates.contains("01-01") && !dates.contains("03-31") && !dates.contains("09-15"))
        let pre = try #require(timeline.step("pre-application"))
        #expect(pre.from == nil && pre.by == nil && pre.origin == .seed && pre.quote == "根据年初各单位预申报名单")
        let apply = try #require(timeline.step("apply"))
        #expect(apply.by == "09-30" && apply.origin == .seed && apply.quote?.contains("每年的9月30日之前") == true)
        let recommend = try #require(timeline.step("recommend"))
        #expect(recommend.by == "11-15" && recommend.origin == .seed && recommend.quote?.contains("于11月15日前") == true)
        let notice = try #require(timeline.step("results-notice"))
        #expect(notice.workingDays == 5 && notice.origin == .seed && notice.quote?.contains("公示五个工作日") == true)
        let assessment = try #require(timeline.step("assessment"))
        #expect(assessment.origin == .ourDefault && assessment.quote?.contains("10—11月份") == true)
        #expect(timeline.step("self-assessment")?.origin == .ourDefault)
    }

    @Test(arguments: ["rushan-2020-enterprise", "rushan-2020-regional"])
    func rushanSelfCheckIsInAugustAndInspectionInSeptember(id: String) throws {
        let timeline = try #require(builtInSchemes[id]!.timeline)
        let selfCheck = try #require(timeline.step("self-check"))
        #expect(selfCheck.from == "08-01" && selfCheck.quote == "8月份进行自查")
        #expect(try #require(selfCheck.byDay) <= MonthDay(parsing: "08-31")!)
        let inspection = try #require(timeline.step("inspection"))
        #expect(inspection.from == "09-01" && inspection.by == "09-30" && inspection.origin == .seed)
        #expect(inspection.quote == "9月份，乳山市总工会将根据各单位申报情况进行督导检查")
        for id in ["congress-decision", "unit-notice", "apply"] {
            #expect(timeline.step(id)?.origin == .ourDefault, "\(id) has no date in the seed")
        }
    }
}
