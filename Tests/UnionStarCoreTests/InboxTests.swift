import Testing
@testable import UnionStarCore

private func path(_ ids: String...) -> TreePath { TreePath(ids: ids) }
private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

/// 威海 → 乳山 (runs the 2020 campaign) → 夏村镇 → 甲公司工会, and a union under a park inside the town.
private enum Places {
    static let weihai = path("weihai")
    static let rushan = path("weihai", "rushan")
    static let xiacun = path("weihai", "rushan", "xiacun")
    static let park = path("weihai", "rushan", "xiacun", "park")
    static let jia = path("weihai", "rushan", "xiacun", "jia")
    static let parkUnion = path("weihai", "rushan", "xiacun", "park", "yi")
    /// 扬州 → 仪征 (runs the 2019 campaign) → 丙公司工会.
    static let yangzhou = path("yangzhou")
    static let yizheng = path("yangzhou", "yizheng")
    static let bing = path("yangzhou", "yizheng", "bing")
}

private func person(_ id: String, _ role: Role, at scope: TreePath) -> AccessSubject {
    AccessSubject(accountID: id, grants: [Grant(role: role, scope: scope)])
}

private enum People {
    static let cadre = person("cadre", .unionCadre, at: Places.jia)
    static let townReviewer = person("town", .subFederationReviewer, at: Places.xiacun)
    static let parkReviewer = person("park", .subFederationReviewer, at: Places.park)
    static let inspector = person("insp", .inspector, at: Places.rushan)
    static let otherInspector = person("insp2", .inspector, at: Places.rushan)
    static let staff = person("staff", .federationStaff, at: Places.rushan)
    static let prefecture = person("pref", .prefectureStaff, at: Places.weihai)
    static let wendengStaff = person("wendeng", .federationStaff, at: path("weihai", "wendeng"))
    static let yizhengStaff = person("yizheng", .federationStaff, at: Places.yizheng)
    static let yangzhouStaff = person("yangzhou", .prefectureStaff, at: Places.yangzhou)
}

/// 乳山's 2020 campaign on the enterprise standard's timeline: apply by 08-31, inspection 09-01 – 09-30.
private let rushan2020: CampaignPlan = {
    let dates = CampaignDates.defaults(from: builtInSchemes["rushan-2020-enterprise"]!.timeline, year: 2020)
    return CampaignPlan(year: 2020, owner: Places.rushan, schemes: [:], dates: dates, participationTarget: nil, tiersOnOffer: [])
}()

/// 仪征's 2019 campaign: assessment 10-01 – 11-05, a five-working-day results notice, recommended by 11-15.
private let yizheng2019: CampaignPlan = {
    let dates = CampaignDates.defaults(from: builtInSchemes["yizheng-2019-union"]!.timeline, year: 2019)
    return CampaignPlan(year: 2019, owner: Places.yizheng, schemes: [:], dates: dates, participationTarget: nil, tiersOnOffer: [])
}()

/// 乳山's 2020 re-review round (复查) and a yearly self-check round, on the award's dates (self-check
/// 08-01 – 08-15, inspection 09-01 – 09-30).
private let rushanReReview2020: CampaignPlan = { var plan = rushan2020; plan.kind = .reReview; plan.namedInYear = 2018; return plan }()
private let rushanSelfCheck2020: CampaignPlan = { var plan = rushan2020; plan.kind = .selfCheck; return plan }()

/// One row: who, the application, the day, and the tasks expected (kind and deadline).
struct InboxRow: Sendable, CustomTestStringConvertible {
    var what: String
    var person: AccessSubject
    var application: InboxApplication
    var today: CalendarDate
    var expected: [(InboxTask.Kind, CalendarDate?)]
    var plan: CampaignPlan = rushan2020

    var testDescription: String { what }
}

private func application(_ state: ApplicationState, unit: TreePath = Places.jia, change: (inout ApplicationSnapshot) -> Void = { _ in },
                         formReady: Bool = true, extensions: [DeadlineExtension] = []) -> InboxApplication {
    var snapshot = ApplicationSnapshot(state: state, unit: unit,
                                       notice: NoticePeriod(start: day("2020-08-21"), end: day("2020-08-27"), workingDays: 5))
    change(&snapshot)
    return InboxApplication(campaignID: "c2020", unitID: unit.ids.last!, unitName: "甲公司工会", snapshot: snapshot, formReady: formReady,
                            extensions: extensions)
}

/// On the results notice (2020-10-13 – 10-19), decided `tier`, named by `naming` (decided by `deciding`).
private func results(naming: TreePath, deciding: TreePath? = nil, tier: String? = "four-star",
                     notice: (String, String) = ("2020-10-13", "2020-10-19")) -> (inout ApplicationSnapshot) -> Void {
    { snapshot in
        snapshot.resultsNotice = NoticePeriod(start: day(notice.0), end: day(notice.1), workingDays: 5)
        snapshot.decidedTier = tier
        snapshot.namingFederation = naming
        snapshot.decidingFederation = deciding ?? naming
    }
}

@Suite struct InboxTests {
    static let rows: [InboxRow] = [
        // The union (基层工会干部)
        InboxRow(what: "cadre: an objection to answer while the notice runs, due at its end", person: People.cadre,
                 application: application(.onNotice) { $0.unansweredObjections = 1 }, today: day("2020-08-25"),
                 expected: [(.answerObjection, day("2020-08-27"))]),
        InboxRow(what: "cadre: the notice over, the form complete: file by the application deadline", person: People.cadre,
                 application: application(.onNotice), today: day("2020-08-28"), expected: [(.file, day("2020-08-31"))]),
        InboxRow(what: "cadre: the notice over, the form incomplete: complete it and file", person: People.cadre,
                 application: application(.onNotice, formReady: false), today: day("2020-08-28"), expected: [(.completeForm, day("2020-08-31"))]),
        InboxRow(what: "cadre: the notice's last day: nothing to file yet", person: People.cadre,
                 application: application(.onNotice), today: day("2020-08-27"), expected: []),
        InboxRow(what: "cadre: the notice over but an objection unanswered: the answer first", person: People.cadre,
                 application: application(.onNotice) { $0.unansweredObjections = 2 }, today: day("2020-08-28"),
                 expected: [(.answerObjection, day("2020-08-27"))]),
        InboxRow(what: "cadre: a veto answered: nothing can be filed", person: People.cadre,
                 application: application(.onNotice) { $0.vetoes = ["当年发生安全生产责任事故"] }, today: day("2020-08-28"), expected: []),
        InboxRow(what: "cadre: returned on Saturday 08-29: five working days to file again, 09-04", person: People.cadre,
                 application: application(.returned) { $0.returnedOn = day("2020-08-29") }, today: day("2020-08-29"),
                 expected: [(.actOnReturn, day("2020-09-04"))]),
        InboxRow(what: "cadre: returned, kept open by staff to 09-10", person: People.cadre,
                 application: application(.returned, change: { $0.returnedOn = day("2020-08-29") },
                                          extensions: [DeadlineExtension(step: .application, until: day("2020-09-10"), reason: "补报")]),
                 today: day("2020-09-08"), expected: [(.actOnReturn, day("2020-09-10"))]),
        InboxRow(what: "cadre: a retired unit does no more work", person: People.cadre,
                 application: application(.onNotice) { $0.unansweredObjections = 1; $0.unitRetired = true }, today: day("2020-08-25"), expected: []),
        InboxRow(what: "cadre: filed, the union waits", person: People.cadre,
                 application: application(.filed) { $0.pendingEndorsers = [Places.xiacun] }, today: day("2020-08-28"), expected: []),
        InboxRow(what: "cadre: a campaign of another union is not theirs", person: People.cadre,
                 application: application(.onNotice, unit: path("weihai", "rushan", "xiacun", "bing")), today: day("2020-08-28"), expected: []),
        // The reviewers (逐级审核盖章)
        InboxRow(what: "town reviewer: its turn; due the day before the inspection opens", person: People.townReviewer,
                 application: application(.filed) { $0.pendingEndorsers = [Places.xiacun] }, today: day("2020-08-28"),
                 expected: [(.endorse, day("2020-08-31"))]),
        InboxRow(what: "town reviewer: the park stamps first", person: People.townReviewer,
                 application: application(.filed, unit: Places.parkUnion) { $0.pendingEndorsers = [Places.park, Places.xiacun] },
                 today: day("2020-08-28"), expected: []),
        InboxRow(what: "park reviewer: its turn under the town", person: People.parkReviewer,
                 application: application(.filed, unit: Places.parkUnion) { $0.pendingEndorsers = [Places.park, Places.xiacun] },
                 today: day("2020-08-28"), expected: [(.endorse, day("2020-08-31"))]),
        InboxRow(what: "county staff do not stamp", person: People.staff,
                 application: application(.filed) { $0.pendingEndorsers = [Places.xiacun] }, today: day("2020-08-28"), expected: []),
        // The inspectors
        InboxRow(what: "inspector: assigned, not scored: the visit by the inspection's end", person: People.inspector,
                 application: application(.endorsed) { $0.inspectors = ["insp"] }, today: day("2020-09-02"),
                 expected: [(.inspect, day("2020-09-30"))]),
        InboxRow(what: "inspector: scored: nothing more", person: People.inspector,
                 application: application(.endorsed) { $0.inspectors = ["insp"]; $0.inspectorsScored = ["insp"] },
                 today: day("2020-09-10"), expected: []),
        InboxRow(what: "inspector: not assigned: nothing, whatever the scope", person: People.otherInspector,
                 application: application(.endorsed) { $0.inspectors = ["insp"] }, today: day("2020-09-02"), expected: []),
        // The campaign's federation (乳山市总工会)
        InboxRow(what: "staff: endorsed with nobody assigned: name inspectors by the day the inspection opens", person: People.staff,
                 application: application(.endorsed), today: day("2020-08-31"), expected: [(.assignInspectors, day("2020-09-01"))]),
        InboxRow(what: "staff: one of two inspectors scored: nothing to close yet", person: People.staff,
                 application: application(.endorsed) { $0.inspectors = ["a", "b"]; $0.inspectorsScored = ["a"] },
                 today: day("2020-09-10"), expected: []),
        InboxRow(what: "staff: every inspector scored: close the inspection by its end", person: People.staff,
                 application: application(.endorsed) { $0.inspectors = ["a", "b"]; $0.inspectorsScored = ["a", "b"] },
                 today: day("2020-09-10"), expected: [(.completeInspection, day("2020-09-30"))]),
        InboxRow(what: "prefecture staff: not the campaign's federation: no assignments", person: People.prefecture,
                 application: application(.endorsed), today: day("2020-08-31"), expected: []),
        InboxRow(what: "another county's staff: out of reach", person: People.wendengStaff,
                 application: application(.endorsed), today: day("2020-08-31"), expected: []),
        // The decision, by the level that accepts the tier
        InboxRow(what: "county staff decide a four-star unit", person: People.staff,
                 application: application(.inspected) { $0.decidingFederation = Places.rushan }, today: day("2020-09-25"),
                 expected: [(.decide, day("2020-09-30"))]),
        InboxRow(what: "county staff do not decide a five-star unit", person: People.staff,
                 application: application(.inspected) { $0.decidingFederation = Places.weihai }, today: day("2020-09-25"), expected: []),
        InboxRow(what: "the prefecture decides the five-star unit", person: People.prefecture,
                 application: application(.inspected) { $0.decidingFederation = Places.weihai }, today: day("2020-09-25"),
                 expected: [(.decide, day("2020-09-30"))]),
        InboxRow(what: "the prefecture does not decide a four-star unit", person: People.prefecture,
                 application: application(.inspected) { $0.decidingFederation = Places.rushan }, today: day("2020-09-25"), expected: []),
        // The results notice
        InboxRow(what: "staff: an objection to the results notice, due at its end", person: People.staff,
                 application: application(.onResultsNotice) {
                     $0.unansweredObjections = 1
                     $0.resultsNotice = NoticePeriod(start: day("2020-10-09"), end: day("2020-10-15"), workingDays: 5)
                 }, today: day("2020-10-12"), expected: [(.answerResultsObjection, day("2020-10-15"))]),
        InboxRow(what: "the union does not answer the results notice's objections", person: People.cadre,
                 application: application(.onResultsNotice) { $0.unansweredObjections = 1 }, today: day("2020-10-12"), expected: []),
        // Putting the decision on the results notice: the campaign's federation
        InboxRow(what: "staff: decided, Rushan (no recommendation date): the first working day after the inspection, past National Day",
                 person: People.staff, application: application(.decided) { $0.decidedTier = "four-star" }, today: day("2020-09-25"),
                 expected: [(.startResultsNotice, day("2020-10-09"))]),
        InboxRow(what: "staff: a five-star decided by the prefecture is still put on notice by the campaign's federation", person: People.staff,
                 application: application(.decided) { $0.decidedTier = "five-star"; $0.decidingFederation = Places.weihai },
                 today: day("2020-09-25"), expected: [(.startResultsNotice, day("2020-10-09"))]),
        InboxRow(what: "prefecture staff: not the campaign's federation: no results notice to start", person: People.prefecture,
                 application: application(.decided) { $0.decidedTier = "five-star"; $0.decidingFederation = Places.weihai },
                 today: day("2020-09-25"), expected: []),
        InboxRow(what: "cadre: the decision is not the union's to publish", person: People.cadre,
                 application: application(.decided), today: day("2020-09-25"), expected: []),
        InboxRow(what: "Yizheng staff: the last start whose five working days end before 11-15 is Friday 11-08", person: People.yizhengStaff,
                 application: application(.decided, unit: Places.bing), today: day("2019-11-01"),
                 expected: [(.startResultsNotice, day("2019-11-08"))], plan: yizheng2019),
        // Naming, by the level that names the tier
        InboxRow(what: "staff: the notice over, nothing unanswered: name the four-star unit, no date in Rushan", person: People.staff,
                 application: application(.onResultsNotice, change: results(naming: Places.rushan)), today: day("2020-10-20"),
                 expected: [(.name, nil)]),
        InboxRow(what: "staff: a decision of no tier is recorded 不予命名 by the same step", person: People.staff,
                 application: application(.onResultsNotice, change: results(naming: Places.rushan, tier: nil)), today: day("2020-10-20"),
                 expected: [(.name, nil)]),
        InboxRow(what: "staff: the notice's last day: not yet", person: People.staff,
                 application: application(.onResultsNotice, change: results(naming: Places.rushan)), today: day("2020-10-19"), expected: []),
        InboxRow(what: "staff: an objection unanswered after the notice: the answer first", person: People.staff,
                 application: application(.onResultsNotice) { results(naming: Places.rushan)(&$0); $0.unansweredObjections = 1 },
                 today: day("2020-10-20"), expected: [(.answerResultsObjection, day("2020-10-19"))]),
        InboxRow(what: "the prefecture names a five-star unit", person: People.prefecture,
                 application: application(.onResultsNotice, change: results(naming: Places.weihai, tier: "five-star")), today: day("2020-10-20"),
                 expected: [(.name, nil)]),
        InboxRow(what: "county staff do not name a five-star unit", person: People.staff,
                 application: application(.onResultsNotice, change: results(naming: Places.weihai, tier: "five-star")), today: day("2020-10-20"),
                 expected: []),
        InboxRow(what: "the prefecture does not name a four-star unit", person: People.prefecture,
                 application: application(.onResultsNotice, change: results(naming: Places.rushan)), today: day("2020-10-20"), expected: []),
        InboxRow(what: "Yizheng: 扬州 names what 仪征 decided, by the recommendation date", person: People.yangzhouStaff,
                 application: application(.onResultsNotice, unit: Places.bing, change: results(naming: Places.yangzhou, deciding: Places.yizheng,
                                                                                                       notice: ("2019-11-04", "2019-11-08"))),
                 today: day("2019-11-11"), expected: [(.name, day("2019-11-15"))], plan: yizheng2019),
        InboxRow(what: "Yizheng: 仪征, which decided, does not name", person: People.yizhengStaff,
                 application: application(.onResultsNotice, unit: Places.bing, change: results(naming: Places.yangzhou, deciding: Places.yizheng,
                                                                                                       notice: ("2019-11-04", "2019-11-08"))),
                 today: day("2019-11-11"), expected: [], plan: yizheng2019),
        // Re-review and yearly self-check rounds (复查、年度自查)
        InboxRow(what: "round: the union hands in its self-check by the self-check window's end", person: People.cadre,
                 application: application(.drafting), today: day("2020-08-03"), expected: [(.handInSelfCheck, day("2020-08-15"))],
                 plan: rushanReReview2020),
        InboxRow(what: "round: the self-check kept open for the unit to 08-25", person: People.cadre,
                 application: application(.drafting, extensions: [DeadlineExtension(step: .selfCheck, until: day("2020-08-25"), reason: "补")]),
                 today: day("2020-08-20"), expected: [(.handInSelfCheck, day("2020-08-25"))], plan: rushanSelfCheck2020),
        InboxRow(what: "award: drafting is the union's own pace, no task", person: People.cadre,
                 application: application(.drafting), today: day("2020-08-03"), expected: []),
        InboxRow(what: "round: staff do not hand in a union's self-check", person: People.staff,
                 application: application(.drafting), today: day("2020-08-03"), expected: [], plan: rushanReReview2020),
        InboxRow(what: "re-review: handed in, nobody assigned: staff name inspectors", person: People.staff,
                 application: application(.selfChecked), today: day("2020-08-31"), expected: [(.assignInspectors, day("2020-09-01"))],
                 plan: rushanReReview2020),
        InboxRow(what: "re-review: the inspector assigned visits by the inspection's end", person: People.inspector,
                 application: application(.selfChecked) { $0.inspectors = ["insp"] }, today: day("2020-09-02"),
                 expected: [(.inspect, day("2020-09-30"))], plan: rushanReReview2020),
        InboxRow(what: "re-review: every inspector scored: staff close it", person: People.staff,
                 application: application(.selfChecked) { $0.inspectors = ["a"]; $0.inspectorsScored = ["a"] }, today: day("2020-09-10"),
                 expected: [(.completeInspection, day("2020-09-30"))], plan: rushanReReview2020),
        InboxRow(what: "yearly self-check: handed in is the end, nothing for staff", person: People.staff,
                 application: application(.selfChecked), today: day("2020-08-31"), expected: [], plan: rushanSelfCheck2020),
        InboxRow(what: "re-review: inspected: 威海 (the policy's level) records the outcome, no date in the seed", person: People.prefecture,
                 application: application(.inspected) { $0.decidingFederation = Places.weihai }, today: day("2020-09-25"),
                 expected: [(.recordReReviewOutcome, nil)], plan: rushanReReview2020),
        InboxRow(what: "re-review: inspected: the county neither records it nor decides a tier", person: People.staff,
                 application: application(.inspected) { $0.decidingFederation = Places.weihai }, today: day("2020-09-25"),
                 expected: [], plan: rushanReReview2020),
        InboxRow(what: "re-review: a county that records (Yizheng's policy) gets the outcome, not a decision", person: People.staff,
                 application: application(.inspected) { $0.decidingFederation = Places.rushan }, today: day("2020-09-25"),
                 expected: [(.recordReReviewOutcome, nil)], plan: rushanReReview2020),
        InboxRow(what: "re-review: recorded: nothing more", person: People.prefecture,
                 application: application(.reReviewed) { $0.decidingFederation = Places.weihai }, today: day("2020-09-30"),
                 expected: [], plan: rushanReReview2020),
    ]

    @Test(arguments: rows)
    func whatWaitsForWhom(row: InboxRow) {
        let tasks = Inbox.tasks(for: row.person, applications: [row.application], campaigns: ["c2020": row.plan], today: row.today,
                                calendar: builtInCalendar)
        #expect(tasks.map(\.kind) == row.expected.map(\.0))
        #expect(tasks.map(\.deadline) == row.expected.map(\.1))
        #expect(tasks.allSatisfy { $0.campaignID == "c2020" && $0.unitID == row.application.unitID && $0.unitName == "甲公司工会" })
    }

    @Test func eachKindLinksToThePageWhereItIsDone() {
        let targets = Dictionary(uniqueKeysWithValues: InboxTask.Kind.allCases.map { ($0, $0.target) })
        #expect(targets == [.answerObjection: .notice, .actOnReturn: .registrationForm, .completeForm: .registrationForm, .file: .registrationForm,
                            .endorse: .endorse, .inspect: .inspection, .assignInspectors: .inspectors, .completeInspection: .inspectors,
                            .decide: .decision, .startResultsNotice: .campaignResults, .answerResultsObjection: .resultsNotice,
                            .name: .resultsNotice, .handInSelfCheck: .application, .recordReReviewOutcome: .reReviewOutcomes])
    }

    @Test func sortedByDeadlineNoneLastThenKindThenUnit() {
        // setup: staff of 乳山 with three endorsed units and one inspected; a campaign with no inspection start
        var plan = rushan2020
        let noStart = "c-nostart"
        plan.dates.inspection = DateWindow(from: nil, by: nil)
        func endorsed(_ name: String, campaign: String = "c2020", change: (inout ApplicationSnapshot) -> Void = { _ in }) -> InboxApplication {
            var snapshot = ApplicationSnapshot(state: .endorsed, unit: Places.rushan.appending(name))
            change(&snapshot)
            return InboxApplication(campaignID: campaign, unitID: name, unitName: name, snapshot: snapshot)
        }
        let applications = [
            endorsed("b-union"), endorsed("a-union"), endorsed("c-union", campaign: noStart),
            endorsed("d-union") { $0.inspectors = ["x"]; $0.inspectorsScored = ["x"] },
        ]
        // act
        let tasks = Inbox.tasks(for: People.staff, applications: applications, campaigns: ["c2020": rushan2020, noStart: plan],
                                today: day("2020-09-05"), calendar: builtInCalendar)
        // check: 09-01 (a, b by name), 09-30, then the campaign without dates
        #expect(tasks.map(\.unitName) == ["a-union", "b-union", "d-union", "c-union"])
        #expect(tasks.map(\.kind) == [.assignInspectors, .assignInspectors, .completeInspection, .assignInspectors])
        #expect(tasks.map { $0.isOverdue(on: day("2020-09-05")) } == [true, true, false, false])
        #expect(!tasks[0].isOverdue(on: day("2020-09-01")), "the deadline day is still in time")
    }

    /// The deadline to start the results notice is the last start the workflow accepts: a notice
    /// starting then ends before the recommendation date, one starting the next working day does not.
    @Test func theLastStartOfTheResultsNoticeIsTheLastTheWorkflowAccepts() throws {
        let deadline = try #require(TaskDeadlines.startResultsNotice(yizheng2019.dates, calendar: builtInCalendar))
        #expect(deadline == day("2019-11-08"))
        let next = builtInCalendar.adding(workingDays: 1, to: deadline)
        #expect(ApplicationWorkflow.checkResultsNotice(starting: deadline, campaign: yizheng2019, calendar: builtInCalendar).isSuccess)
        #expect(!ApplicationWorkflow.checkResultsNotice(starting: next, campaign: yizheng2019, calendar: builtInCalendar).isSuccess)
    }

    @Test func campaignsOlderThanLastYearAreLeftOut() {
        var old = rushan2020
        old.year = 2018
        let application = application(.onNotice) { $0.unansweredObjections = 1 }
        let today = day("2020-08-25")
        #expect(Inbox.tasks(for: People.cadre, applications: [application], campaigns: ["c2020": old], today: today, calendar: builtInCalendar).isEmpty)
        old.year = 2019
        #expect(Inbox.tasks(for: People.cadre, applications: [application], campaigns: ["c2020": old], today: today, calendar: builtInCalendar).count == 1)
    }

    @Test func aTasksKeyNamesTheWorkTheApplicationAndTheDeadline() {
        let task = InboxTask(kind: .endorse, campaignID: "c", unitID: "u", unitName: "甲", deadline: day("2020-08-31"))
        #expect(task.key == "endorse:c:u:2020-08-31")
        var moved = task
        moved.deadline = day("2020-09-04")
        #expect(moved.key != task.key)
    }
}

@Suite struct ReminderRuleTests {
    /// Deadline Monday 2020-08-31; the third working day before it is Wednesday 08-26.
    @Test(arguments: [
        (3, "2020-08-25", nil), (3, "2020-08-26", ReminderRule.Kind.ahead), (3, "2020-08-29", .ahead), (3, "2020-08-30", .ahead),
        (3, "2020-08-31", .dueToday), (3, "2020-09-01", nil),
        (1, "2020-08-27", nil), (1, "2020-08-28", .ahead),
        (0, "2020-08-30", nil), (0, "2020-08-31", .dueToday),
    ] as [(Int, String, ReminderRule.Kind?)])
    func aheadFromTheNthWorkingDayBeforeAndOnTheDay(days: Int, today: String, expected: ReminderRule.Kind?) {
        #expect(ReminderRule(workingDaysAhead: days).kind(deadline: day("2020-08-31"), today: day(today), calendar: builtInCalendar) == expected)
    }

    /// Friday 2020-10-09, after the National Day holiday (10-01 – 10-08): three working days before
    /// it are 09-30, 09-29 and 09-28 (09-27, a Sunday, is a make-up working day).
    @Test(arguments: [("2020-09-25", nil), ("2020-09-27", nil), ("2020-09-28", ReminderRule.Kind.ahead), ("2020-10-05", .ahead),
                      ("2020-10-09", .dueToday)] as [(String, ReminderRule.Kind?)])
    func holidaysAreNotWorkingDays(today: String, expected: ReminderRule.Kind?) {
        #expect(ReminderRule().kind(deadline: day("2020-10-09"), today: day(today), calendar: builtInCalendar) == expected)
    }

    @Test func noDeadlineNoReminder() {
        #expect(ReminderRule().kind(deadline: nil, today: day("2020-08-31"), calendar: builtInCalendar) == nil)
    }

    @Test func eachReminderOnceForEachPersonTaskAndKind() {
        // setup: two tasks due 08-31, one already reminded ahead
        let a = InboxTask(kind: .endorse, campaignID: "c", unitID: "a", unitName: "甲", deadline: day("2020-08-31"))
        let b = InboxTask(kind: .endorse, campaignID: "c", unitID: "b", unitName: "乙", deadline: day("2020-08-31"))
        let later = InboxTask(kind: .inspect, campaignID: "c", unitID: "a", unitName: "甲", deadline: day("2020-09-30"))
        let sent: Set<ReminderRule.Key> = [ReminderRule.Key(taskKey: a.key, kind: .ahead)]
        let rule = ReminderRule()
        // act and check: 08-27, b only; 08-31, both on the day; the same task listed twice, once
        #expect(rule.due([a, b, later], today: day("2020-08-27"), calendar: builtInCalendar, sent: sent).map(\.task) == [b])
        let onTheDay = rule.due([a, b, b], today: day("2020-08-31"), calendar: builtInCalendar, sent: sent)
        #expect(onTheDay.map(\.task) == [a, b] && onTheDay.allSatisfy { $0.kind == .dueToday })
        let all = Set(onTheDay.map(\.key)).union(sent)
        #expect(rule.due([a, b], today: day("2020-08-31"), calendar: builtInCalendar, sent: all).isEmpty, "a second run the same day sends nothing")
    }
}

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("reviewer@xiacun.example.cn", EmailAddress.Parsed.valid("reviewer@xiacun.example.cn")),
        ("  Wang.Li+star@RuShan.Example.CN ", .valid("Wang.Li+star@rushan.example.cn")),
        ("", .none), ("   ", .none),
        ("no-at-sign.example.cn", .invalid(Strings.Email.invalid)),
        ("two@@example.cn", .invalid(Strings.Email.invalid)),
        ("a@b@example.cn", .invalid(Strings.Email.invalid)),
        ("name@localhost", .invalid(Strings.Email.invalid)),
        ("with space@example.cn", .invalid(Strings.Email.invalid)),
        ("x@example.cn\r\nRCPT TO:<y@example.cn>", .invalid(Strings.Email.invalid)),
        ("<x@example.cn>", .invalid(Strings.Email.invalid)),
        (".dot@example.cn", .invalid(Strings.Email.invalid)),
        ("a..b@example.cn", .invalid(Strings.Email.invalid)),
        ("x@-bad.example.cn", .invalid(Strings.Email.invalid)),
        ("王丽@example.cn", .invalid(Strings.Email.invalid)),
        (String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 60) + "." + String(repeating: "c", count: 60) + "."
            + String(repeating: "d", count: 60) + "." + String(repeating: "e", count: 60) + ".cn", .invalid(Strings.Email.tooLong(254))),
    ] as [(String, EmailAddress.Parsed)])
    func addressesRemindersCanGoTo(text: String, expected: EmailAddress.Parsed) {
        #expect(EmailAddress.parse(text) == expected)
    }
}
