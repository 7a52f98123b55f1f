import Foundation
import Testing
@testable import UnionStarCore

private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

/// Rushan 2020: recorded on 18 August, self-check from 1 August, tiers 三星/四星/五星 on offer.
private let rushanRules = CongressDecision.Rules(today: day("2020-08-18"), year: 2020, earliest: day("2020-08-01"),
                                                 tiers: ["three-star", "four-star", "five-star"])
private let rushanTiers = builtInSchemes["rushan-2020-enterprise"]!.tiers
private let yizhengTiers = builtInSchemes["yizheng-2019-union"]!.tiers

private func decision(date: String = "2020-08-18", kind: CongressDecision.Kind = .representativesCongress, expected: Int = 60,
                      present: Int = 52, tier: String = "four-star", minutes: String? = "m-1") -> CongressDecision {
    CongressDecision(date: day(date), kind: kind, expected: expected, present: present, tier: tier, minutesEvidenceID: minutes)
}

@Suite struct CongressDecisionTests {
    // MARK: Problems by field

    static let problemCases: [(String, CongressDecision, [String])] = [
        ("a valid decision", decision(), []),
        ("held today", decision(date: "2020-08-18"), []),
        ("held on the self-check's first day", decision(date: "2020-08-01"), []),
        ("held tomorrow", decision(date: "2020-08-19"), ["date"]),
        ("held before the self-check opened", decision(date: "2020-07-31"), ["date"]),
        ("held the year before", decision(date: "2019-12-30"), ["date"]),
        ("all present", decision(expected: 60, present: 60), []),
        ("more present than expected", decision(expected: 60, present: 61), ["present"]),
        ("nobody expected", decision(expected: 0, present: 1), ["expected"]),
        ("nobody present", decision(expected: 10, present: 0), ["present"]),
        ("absurdly many", decision(expected: 100_001, present: 100_001), ["expected", "present"]),
        ("a tier not on offer", decision(tier: "star"), ["tier"]),
        ("no minutes", decision(minutes: nil), ["minutes"]),
        ("everything wrong", decision(date: "2020-09-01", expected: 5, present: 6, tier: "x", minutes: nil), ["date", "present", "tier", "minutes"]),
    ]

    @Test(arguments: problemCases)
    func problemsAreNamedByField(_ name: String, _ decision: CongressDecision, _ fields: [String]) {
        // act
        let problems = decision.problems(rushanRules)
        // check
        #expect(problems.order == fields, "\(name)")
    }

    @Test func theSentencesSayWhatIsWrong() {
        // setup
        let late = decision(date: "2020-07-20")
        let crowded = decision(expected: 10, present: 11)
        // act
        let lateProblems = late.problems(rushanRules)
        let crowdedProblems = crowded.problems(rushanRules)
        // check
        #expect(lateProblems["date"]?.zh == "会议须根据自查结果召开，不能早于自查开始日2020年8月1日。")
        #expect(crowdedProblems["present"]?.zh == "实到人数不能多于应到人数。")
        #expect(decision(minutes: nil).problems(rushanRules)["minutes"]?.zh == "请上传会议记录（纪要）。")
    }

    // MARK: The form as typed

    static let inputCases: [(String, CongressDecisionInput, [String])] = [
        ("valid", CongressDecisionInput(date: "2020-08-18", kind: "representativesCongress", expected: "60", present: "52", tier: "four-star"), []),
        ("spaces around", CongressDecisionInput(date: " 2020-08-18 ", kind: "workersAssembly", expected: " 30 ", present: "30", tier: "three-star"), []),
        ("a date that is no date", CongressDecisionInput(date: "2020-02-30", kind: "delegationLeaders", expected: "12", present: "10", tier: "four-star"), ["date"]),
        ("a date in another format", CongressDecisionInput(date: "2020年8月18日", kind: "delegationLeaders", expected: "12", present: "10", tier: "four-star"), ["date"]),
        ("no kind", CongressDecisionInput(date: "2020-08-18", kind: "", expected: "12", present: "10", tier: "four-star"), ["kind"]),
        ("an unknown kind", CongressDecisionInput(date: "2020-08-18", kind: "board", expected: "12", present: "10", tier: "four-star"), ["kind"]),
        ("attendance in words", CongressDecisionInput(date: "2020-08-18", kind: "workersAssembly", expected: "六十", present: "52", tier: "four-star"), ["expected"]),
        ("a fraction of a person", CongressDecisionInput(date: "2020-08-18", kind: "workersAssembly", expected: "60", present: "52.5", tier: "four-star"), ["present"]),
        ("negative", CongressDecisionInput(date: "2020-08-18", kind: "workersAssembly", expected: "-3", present: "", tier: "four-star"), ["expected", "present"]),
        ("unreadable and a bad tier", CongressDecisionInput(date: "x", kind: "workersAssembly", expected: "60", present: "61", tier: "six-star"), ["date", "present", "tier"]),
    ]

    @Test(arguments: inputCases)
    func theFormIsReadFieldByField(_ name: String, _ input: CongressDecisionInput, _ fields: [String]) {
        // act
        let result = input.decision(minutesEvidenceID: "m-1", rules: rushanRules)
        // check
        switch result {
        case .success: #expect(fields.isEmpty, "\(name): accepted")
        case .failure(let errors): #expect(Set(errors.order) == Set(fields), "\(name): \(errors.order)")
        }
    }

    @Test func aValidFormGivesTheDecision() throws {
        // act
        let made = try CongressDecisionInput(date: "2020-08-18", kind: "delegationLeaders", expected: "12", present: "11", tier: "five-star")
            .decision(minutesEvidenceID: "m-7", rules: rushanRules).get()
        // check
        #expect(made == CongressDecision(date: day("2020-08-18"), kind: .delegationLeaders, expected: 12, present: 11, tier: "five-star",
                                         minutesEvidenceID: "m-7"))
    }

    // MARK: Attendance: warned, never refused

    static let attendanceCases: [(CongressDecision.Kind, Int, Int, Bool)] = [
        (.representativesCongress, 40, 60, false),  // exactly two thirds
        (.representativesCongress, 39, 60, true),
        (.workersAssembly, 20, 30, false),
        (.workersAssembly, 19, 30, true),
        (.delegationLeaders, 1, 12, false),  // no quorum rule known for the leaders' meeting
        (.representativesCongress, 1, 1, false),
    ]

    @Test(arguments: attendanceCases)
    func attendanceBelowTwoThirdsIsWarned(_ kind: CongressDecision.Kind, _ present: Int, _ expected: Int, _ warned: Bool) {
        // setup
        let meeting = decision(kind: kind, expected: expected, present: present)
        // act
        let warnings = meeting.attendanceWarnings
        // check
        #expect(warnings.isEmpty == !warned)
        #expect(meeting.problems(rushanRules).isEmpty, "attendance alone never refuses")
    }

    @Test func theAttendanceWarningSaysTheNumbers() {
        #expect(decision(expected: 60, present: 30).attendanceWarnings.first?.zh
            == "实到30人，不足应到60人的三分之二。职工代表大会通常须有三分之二以上职工代表出席方可召开，请核实本次会议是否有效。")
    }

    // MARK: The tier against the self-score

    enum Warned: Sendable { case none, above, reachesNoTier, noSelfScore }

    static let tierCases: [(String?, String?, String, Warned)] = [
        ("82", "four-star", "four-star", .none),
        ("75", "three-star", "four-star", .above),
        ("75", "three-star", "five-star", .above),
        ("85", "four-star", "three-star", .none),  // below what the score reaches: modest, not warned
        ("90", "five-star", "five-star", .none),
        ("89.5", "four-star", "five-star", .above),
        ("70", "three-star", "three-star", .none),
        ("69.5", nil, "three-star", .reachesNoTier),
        (nil, nil, "four-star", .noSelfScore),
    ]

    @Test(arguments: tierCases)
    func aTierAboveTheSelfScoreIsWarnedInWords(_ total: String?, _ selfTier: String?, _ decided: String, _ expected: Warned) {
        // act
        let warnings = CongressDecision.warnings(selfTotal: total.flatMap { Points(parsing: $0) }, selfTier: selfTier,
                                                 decidedTier: decided, tiers: rushanTiers)
        // check
        switch expected {
        case .none: #expect(warnings.isEmpty)
        case .above: #expect(warnings.first?.zh.contains("高于自评结果") == true)
        case .reachesNoTier: #expect(warnings.first?.zh.contains("未达到任何星级的分数线") == true)
        case .noSelfScore: #expect(warnings.first?.zh.contains("尚未保存自评得分") == true)
        }
    }

    @Test func theWarningNamesScoreAndTiers() {
        // act
        let rushan = CongressDecision.warnings(selfTotal: 75, selfTier: "three-star", decidedTier: "four-star", tiers: rushanTiers)
        let yizheng = CongressDecision.warnings(selfTotal: Points(parsing: "92.5"), selfTier: "three-star", decidedTier: "five-star", tiers: yizhengTiers)
        // check
        #expect(rushan.map(\.zh) == ["自评得分75分，只达到三星级；大会确定申报四星级（80分以上），高于自评结果。可以申报，但考核验收按实际得分确定星级。"])
        #expect(yizheng.first?.en.contains("Five-star (95 or more)") == true)
    }

    @Test func decisionsKeepTheirShapeInJSON() throws {
        // setup
        let original = decision(kind: .workersAssembly)
        // act
        let data = try JSONEncoder().encode(original)
        let back = try JSONDecoder().decode(CongressDecision.self, from: data)
        // check
        #expect(back == original)
        #expect(String(decoding: data, as: UTF8.self).contains(#""date":"2020-08-18""#))
    }
}

@Suite struct UnitNoticeTests {
    static let statusCases: [(String, UnitNotice.Status)] = [
        ("2020-08-20", .notYetStarted), ("2020-08-21", .running), ("2020-08-27", .running), ("2020-08-28", .ended),
    ]

    @Test(arguments: statusCases)
    func whereTheNoticeStands(_ today: String, _ expected: UnitNotice.Status) {
        // setup
        let notice = NoticePeriod(start: day("2020-08-21"), end: day("2020-08-27"), workingDays: 5)
        // act and check
        #expect(UnitNotice.status(notice, on: day(today)) == expected)
    }

    @Test func theFormSuggestsTomorrow() {
        #expect(UnitNotice.defaultStart(today: day("2020-08-20")) == day("2020-08-21"))
        #expect(UnitNotice.defaultStart(today: day("2020-12-31")) == day("2021-01-01"))
    }

    static let startCases: [(String, CalendarDate?)] = [
        ("2020-08-21", day("2020-08-21")), ("2020-08-20", day("2020-08-20")), (" 2020-08-25 ", day("2020-08-25")),
        ("2020-08-19", nil), ("tomorrow", nil), ("", nil),
    ]

    @Test(arguments: startCases)
    func aNoticeStartsTodayAtTheEarliest(_ text: String, _ expected: CalendarDate?) {
        // act
        let result = UnitNotice.start(text, today: day("2020-08-20"))
        // check
        switch result {
        case .success(let start): #expect(start == expected)
        case .failure(let errors):
            #expect(expected == nil)
            #expect(errors.order == ["start"])
        }
    }

    static let objectionCases: [(String, ObjectionInput, [String])] = [
        ("anonymous", ObjectionInput(text: "自评分偏高。", name: "", honeypot: ""), []),
        ("named", ObjectionInput(text: "自评分偏高。", name: "王某", honeypot: ""), []),
        ("empty", ObjectionInput(text: "", name: "", honeypot: ""), ["text"]),
        ("blank", ObjectionInput(text: " \n\t ", name: "", honeypot: ""), ["text"]),
        ("1,000 characters of Chinese", ObjectionInput(text: String(repeating: "异", count: 1000), name: "", honeypot: ""), []),
        ("1,001 characters of Chinese", ObjectionInput(text: String(repeating: "异", count: 1001), name: "", honeypot: ""), ["text"]),
        ("a name of 51 characters", ObjectionInput(text: "有异议", name: String(repeating: "名", count: 51), honeypot: ""), ["name"]),
    ]

    @Test(arguments: objectionCases)
    func objectionsAreCheckedByField(_ name: String, _ input: ObjectionInput, _ fields: [String]) {
        // act
        let result = input.validated()
        // check
        switch result {
        case .success: #expect(fields.isEmpty, "\(name)")
        case .failure(let errors): #expect(errors.order == fields, "\(name)")
        }
    }

    @Test func aBlankNameIsAnonymousAndTextIsTrimmed() throws {
        // act
        let objection = try ObjectionInput(text: "  档案不全。\n", name: "   ", honeypot: "").validated().get()
        // check
        #expect(objection.text == "档案不全。")
        #expect(objection.name == nil)
    }

    @Test func aFilledHoneypotIsAProgram() {
        #expect(ObjectionInput(text: "x", name: "", honeypot: "http://spam.example").isAutomated)
        #expect(!ObjectionInput(text: "x", name: "", honeypot: "").isAutomated)
    }

    @Test func answersAreRequiredAndBounded() {
        #expect((try? ObjectionAnswer.validated("  已核实。 ").get()) == "已核实。")
        #expect(ObjectionAnswer.validated("   ").isFailure)
        #expect(ObjectionAnswer.validated(String(repeating: "答", count: 1001)).isFailure)
        #expect(!ObjectionAnswer.validated(String(repeating: "答", count: 1000)).isFailure)
    }
}

extension Result {
    fileprivate var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
