import Testing
@testable import UnionStarCore

private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

private let county = TreePath(ids: ["weihai", "rushan"])
private let town = TreePath(ids: ["weihai", "rushan", "xiacun"])
private let unit = TreePath(ids: ["weihai", "rushan", "xiacun", "union-a"])
private let otherUnit = TreePath(ids: ["weihai", "rushan", "xiacun", "union-b"])

private let cadre = AccessSubject(accountID: "cadre", grants: [Grant(role: .unionCadre, scope: unit)])
private let otherCadre = AccessSubject(accountID: "other", grants: [Grant(role: .unionCadre, scope: otherUnit)])
private let reviewer = AccessSubject(accountID: "reviewer", grants: [Grant(role: .subFederationReviewer, scope: town)])
private let staff = AccessSubject(accountID: "staff", grants: [Grant(role: .federationStaff, scope: county)])
private let admin = AccessSubject(accountID: "admin", grants: [Grant(role: .federationAdmin, scope: county)])
private let inspector = AccessSubject(accountID: "inspector", grants: [Grant(role: .inspector, scope: county)])
private let prefecture = TreePath(ids: ["weihai"])
private let prefectureStaff = AccessSubject(accountID: "weihai-staff", grants: [Grant(role: .prefectureStaff, scope: prefecture)])

private func pin(_ id: String) -> SchemePin { SchemePin(schemeID: id, version: 1, contentHash: String(repeating: "0", count: 64), settings: [:]) }

/// Rushan 2020 as the scheme's timeline gives it (with a pre-application the federation added).
private func rushan(preApplication: Bool = false) -> CampaignPlan {
    var dates = CampaignDates.defaults(from: builtInSchemes["rushan-2020-enterprise"]!.timeline, year: 2020)
    if preApplication { dates.preApplication = DateWindow(from: day("2020-03-01"), by: day("2020-03-31")) }
    return CampaignPlan(year: 2020, owner: county, schemes: [.enterprise: pin("rushan-2020-enterprise"), .regional: pin("rushan-2020-regional")],
                        dates: dates, participationTarget: 85, tiersOnOffer: ["three-star", "four-star", "five-star"])
}

private func yizheng() -> CampaignPlan {
    var dates = CampaignDates.defaults(from: builtInSchemes["yizheng-2019-union"]!.timeline, year: 2019)
    dates.preApplication = DateWindow(from: day("2019-01-01"), by: day("2019-04-30"))
    return CampaignPlan(year: 2019, owner: county, schemes: [.enterprise: pin("yizheng-2019-union")], dates: dates,
                        participationTarget: nil, tiersOnOffer: ["star", "three-star", "five-star"])
}

/// A campaign whose every window is open on 2020-08-10, to judge states alone.
private func everythingOpen(congress: Bool) -> CampaignPlan {
    var plan = rushan(preApplication: true)
    plan.dates.preApplication = DateWindow(from: day("2020-08-01"), by: day("2020-08-31"))
    plan.dates.selfCheck = DateWindow(from: day("2020-08-01"), by: day("2020-08-31"))
    plan.dates.congressBy = congress ? day("2020-08-31") : nil
    plan.dates.inspection = DateWindow(from: day("2020-08-01"), by: day("2020-08-31"))
    return plan
}

@Suite struct ApplicationWorkflowTests {
    // MARK: States

    /// The legal starting states of every action, written out (not derived from the code).
    static let legalStates: [ApplicationAction: Set<ApplicationState>] = [
        .preApply: [.notStarted, .preApplied],
        .startSelfAssessment: [.notStarted, .preApplied],
        .saveSelfAssessment: [.drafting, .returned],
        .uploadEvidence: [.drafting, .returned],
        .recordCongressDecision: [.drafting, .congressDecided],
        .startNotice: [.congressDecided],
        .lodgeObjection: [.onNotice, .onResultsNotice],
        .answerObjection: [.onNotice, .filed, .returned],
        .saveForm: [.drafting, .congressDecided, .onNotice, .returned],
        .file: [.onNotice, .returned],
        .returnApplication: [.filed, .endorsed],
        .endorse: [.filed],
        .assignInspectors: [.endorsed],
        .recordInspection: [.endorsed],
        .completeInspection: [.endorsed],
        .decideTier: [.inspected],
        .startResultsNotice: [.decided],
        .answerResultsObjection: [.onResultsNotice],
        .name: [.onResultsNotice],
        // Only in re-review and self-check rounds (ReReviewRoundTests).
        .submitSelfCheck: [],
        .recordReReviewOutcome: [],
    ]

    static let expectedNext: [ApplicationAction: ApplicationState] = [
        .preApply: .preApplied, .startSelfAssessment: .drafting, .recordCongressDecision: .congressDecided,
        .startNotice: .onNotice, .file: .filed, .returnApplication: .returned,
        .endorse: .endorsed, .completeInspection: .inspected, .decideTier: .decided, .startResultsNotice: .onResultsNotice, .name: .named,
    ]

    static func actor(_ action: ApplicationAction) -> AccessSubject? {
        switch action {
        case .returnApplication, .endorse: reviewer
        case .lodgeObjection: nil
        case .assignInspectors, .completeInspection, .startResultsNotice, .answerResultsObjection, .decideTier, .name,
             .recordReReviewOutcome: staff
        case .recordInspection: inspector
        default: cadre
        }
    }

    @Test(arguments: ApplicationAction.allCases)
    func everyActionFromEveryStateWithACongress(action: ApplicationAction) {
        for state in ApplicationState.allCases {
            // setup: the notice runs for an objection, and is over for everything else
            let notice = action == .lodgeObjection
                ? NoticePeriod(start: day("2020-08-05"), end: day("2020-08-11"), workingDays: 5)
                : NoticePeriod(start: day("2020-08-01"), end: day("2020-08-07"), workingDays: 5)
            // …and part 2's conditions met: the town still to endorse, the inspector assigned and
            // done, the county deciding, the results notice over (running, for an objection)
            let snapshot = ApplicationSnapshot(state: state, unit: unit, notice: notice, returnedOn: day("2020-08-09"),
                                               pendingEndorsers: [town], inspectors: ["inspector"], inspectorsScored: ["inspector"],
                                               decidingFederation: county, decidedTier: "four-star", resultsNotice: notice)
            // act
            let result = ApplicationWorkflow.check(action, by: Self.actor(action), on: snapshot, campaign: everythingOpen(congress: true),
                                                   today: day("2020-08-10"), calendar: builtInCalendar)
            // check
            if Self.legalStates[action]!.contains(state) {
                #expect(result == .success(Self.expectedNext[action] ?? state), "\(action) from \(state)")
            } else {
                #expect(result == .failure(.wrongState(state)), "\(action) from \(state)")
            }
        }
    }

    @Test func withoutACongressTheNoticeStartsFromTheDraft() {
        // Yizheng asks for no congress decision: the notice follows the self-assessment.
        let plan = everythingOpen(congress: false)
        for state in ApplicationState.allCases {
            let result = ApplicationWorkflow.check(.startNotice, by: cadre, on: ApplicationSnapshot(state: state, unit: unit),
                                                   campaign: plan, today: day("2020-08-10"), calendar: builtInCalendar)
            #expect(result == (state == .drafting ? .success(.onNotice) : .failure(.wrongState(state))), "\(state)")
        }
        let congress = ApplicationWorkflow.check(.recordCongressDecision, by: cadre, on: ApplicationSnapshot(state: .drafting, unit: unit),
                                                 campaign: plan, today: day("2020-08-10"), calendar: builtInCalendar)
        #expect(congress == .failure(.notInThisCampaign(.congressDecision)))
    }

    // MARK: Who

    @Test(arguments: [
        (ApplicationAction.saveSelfAssessment, otherCadre, AccessDecision.outOfReach),
        (.saveSelfAssessment, reviewer, .outOfReach),
        (.saveSelfAssessment, staff, .outOfReach),
        (.saveSelfAssessment, admin, .outOfReach),
        (.file, reviewer, .outOfReach),
        (.returnApplication, cadre, .outOfReach),
        (.returnApplication, otherCadre, .outOfReach),
        (.returnApplication, admin, .outOfReach),
    ])
    func onlyTheRightRoleOverTheUnit(action: ApplicationAction, subject: AccessSubject, decision: AccessDecision) {
        let state: ApplicationState = action == .returnApplication ? .filed : .drafting
        let result = ApplicationWorkflow.check(action, by: subject, on: ApplicationSnapshot(state: state, unit: unit),
                                               campaign: everythingOpen(congress: true), today: day("2020-08-10"), calendar: builtInCalendar)
        #expect(result == .failure(.access(decision)))
    }

    @Test func staffReturnsAndAnAccountIsNeededForUnionWork() {
        let filed = ApplicationSnapshot(state: .filed, unit: unit)
        #expect(ApplicationWorkflow.check(.returnApplication, by: staff, on: filed, campaign: rushan(), today: day("2020-09-02"),
                                          calendar: builtInCalendar) == .success(.returned))
        #expect(ApplicationWorkflow.check(.saveSelfAssessment, by: nil, on: ApplicationSnapshot(state: .drafting, unit: unit),
                                          campaign: rushan(), today: day("2020-08-03"), calendar: builtInCalendar) == .failure(.access(.outOfReach)))
    }

    @Test func aRetiredUnitDoesNoMoreWork() {
        let snapshot = ApplicationSnapshot(state: .drafting, unit: unit, unitRetired: true)
        #expect(ApplicationWorkflow.check(.saveSelfAssessment, by: cadre, on: snapshot, campaign: rushan(), today: day("2020-08-03"),
                                          calendar: builtInCalendar) == .failure(.access(.wrongState(.retired))))
    }

    // MARK: Dates (Rushan 2020: self-check 8月份, 08-01 to our 08-15; congress by our 08-20; apply by our 08-31)

    @Test(arguments: [
        ("2020-07-31", Result<ApplicationState, WorkflowRefusal>.failure(.notYetOpen(.selfCheck, opens: day("2020-08-01")))),
        ("2020-08-01", .success(.drafting)),
        ("2020-08-15", .success(.drafting)),
        ("2020-08-16", .failure(.closed(.selfCheck, closedOn: day("2020-08-15")))),
    ])
    func rushanSelfCheckWindow(today: String, expected: Result<ApplicationState, WorkflowRefusal>) {
        let result = ApplicationWorkflow.check(.startSelfAssessment, by: cadre, on: ApplicationSnapshot(state: .notStarted, unit: unit),
                                               campaign: rushan(), today: day(today), calendar: builtInCalendar)
        #expect(result == expected)
    }

    @Test func aReopenedStepClosesOnItsNewDate() {
        // setup: staff keep the self-check open for this unit until 08-20
        let extensions = [DeadlineExtension(step: .selfCheck, until: day("2020-08-20"), reason: "单位主席住院")]
        let draft = ApplicationSnapshot(state: .drafting, unit: unit)
        // act + check
        #expect(ApplicationWorkflow.check(.saveSelfAssessment, by: cadre, on: draft, campaign: rushan(), today: day("2020-08-20"),
                                          calendar: builtInCalendar, extensions: extensions) == .success(.drafting))
        #expect(ApplicationWorkflow.check(.saveSelfAssessment, by: cadre, on: draft, campaign: rushan(), today: day("2020-08-21"),
                                          calendar: builtInCalendar, extensions: extensions) == .failure(.closed(.selfCheck, closedOn: day("2020-08-20"))))
        // another step's extension does not open this one
        let other = [DeadlineExtension(step: .application, until: day("2020-09-10"), reason: "x")]
        #expect(ApplicationWorkflow.check(.saveSelfAssessment, by: cadre, on: draft, campaign: rushan(), today: day("2020-08-16"),
                                          calendar: builtInCalendar, extensions: other) == .failure(.closed(.selfCheck, closedOn: day("2020-08-15"))))
    }

    @Test(arguments: [
        ("2020-08-20", Result<ApplicationState, WorkflowRefusal>.success(.congressDecided)),
        ("2020-08-21", .failure(.closed(.congressDecision, closedOn: day("2020-08-20")))),
    ])
    func rushanCongressDeadline(today: String, expected: Result<ApplicationState, WorkflowRefusal>) {
        let result = ApplicationWorkflow.check(.recordCongressDecision, by: cadre, on: ApplicationSnapshot(state: .drafting, unit: unit),
                                               campaign: rushan(), today: day(today), calendar: builtInCalendar)
        #expect(result == expected)
    }

    @Test func aVetoAnsweredMeansNoTierAtAll() {
        // 凡当年未召开职工（代表）大会…的，不得命名
        let vetoed = ApplicationSnapshot(state: .drafting, unit: unit, vetoes: ["当年未召开职工（代表）大会"])
        #expect(ApplicationWorkflow.check(.recordCongressDecision, by: cadre, on: vetoed, campaign: rushan(), today: day("2020-08-18"),
                                          calendar: builtInCalendar) == .failure(.vetoed(["当年未召开职工（代表）大会"])))
        var onNotice = vetoed
        onNotice.state = .onNotice
        onNotice.notice = NoticePeriod(start: day("2020-08-21"), end: day("2020-08-27"), workingDays: 5)
        #expect(ApplicationWorkflow.check(.file, by: cadre, on: onNotice, campaign: rushan(), today: day("2020-08-28"),
                                          calendar: builtInCalendar) == .failure(.vetoed(["当年未召开职工（代表）大会"])))
    }

    // MARK: Notices (公示 N 个工作日)

    @Test(arguments: [
        // Rushan 2020: decided by 08-20 (Thu); 5 working days from Fri 08-21 end Thu 08-27.
        ("2020-08-21", Result<NoticePeriod, WorkflowRefusal>.success(NoticePeriod(start: day("2020-08-21"), end: day("2020-08-27"), workingDays: 5))),
        // From Mon 08-24: 24–28, the Friday before the 31st.
        ("2020-08-24", .success(NoticePeriod(start: day("2020-08-24"), end: day("2020-08-28"), workingDays: 5))),
        // From Tue 08-25 it would end Mon 08-31, the deadline itself: no day left to file.
        ("2020-08-25", .failure(.noticeEndsTooLate(endsOn: day("2020-08-31"), applyBy: day("2020-08-31")))),
        // Starting on a Saturday: day 1 is the Monday.
        ("2020-08-22", .success(NoticePeriod(start: day("2020-08-22"), end: day("2020-08-28"), workingDays: 5))),
    ])
    func rushanNoticeMustEndBeforeTheApplicationDate(start: String, expected: Result<NoticePeriod, WorkflowRefusal>) {
        #expect(ApplicationWorkflow.checkNotice(starting: day(start), today: day("2020-08-21"), campaign: rushan(), calendar: builtInCalendar) == expected)
    }

    @Test func yizhengNoticeCountsTheMakeUpSundayBeforeNationalDay() {
        // 2019-09-29 (Sunday) was a make-up working day (调休): 5 working days from Tue 09-24 are
        // 24, 25, 26, 27 and 29, ending before the 09-30 application date (9月30日之前).
        let result = ApplicationWorkflow.checkNotice(starting: day("2019-09-24"), today: day("2019-09-24"), campaign: yizheng(), calendar: builtInCalendar)
        #expect(result == .success(NoticePeriod(start: day("2019-09-24"), end: day("2019-09-29"), workingDays: 5)))
        // With weekends only it would end on 09-30, the deadline itself.
        let weekendsOnly = ApplicationWorkflow.checkNotice(starting: day("2019-09-24"), today: day("2019-09-24"), campaign: yizheng(), calendar: .weekendsOnly)
        #expect(weekendsOnly == .failure(.noticeEndsTooLate(endsOn: day("2019-09-30"), applyBy: day("2019-09-30"))))
    }

    @Test(arguments: [
        // The notice runs 08-21 to 08-27: objections on those days only; filing from 08-28.
        ("2020-08-20", ApplicationAction.lodgeObjection, Result<ApplicationState, WorkflowRefusal>.failure(.noticeNotRunning)),
        ("2020-08-21", .lodgeObjection, .success(.onNotice)),
        ("2020-08-27", .lodgeObjection, .success(.onNotice)),
        ("2020-08-28", .lodgeObjection, .failure(.noticeNotRunning)),
        ("2020-08-27", .file, .failure(.noticeRunning(endsOn: day("2020-08-27")))),
        ("2020-08-28", .file, .success(.filed)),
        ("2020-08-31", .file, .success(.filed)),
        ("2020-09-01", .file, .failure(.closed(.application, closedOn: day("2020-08-31")))),
    ])
    func noticeThenFiling(today: String, action: ApplicationAction, expected: Result<ApplicationState, WorkflowRefusal>) {
        let snapshot = ApplicationSnapshot(state: .onNotice, unit: unit,
                                           notice: NoticePeriod(start: day("2020-08-21"), end: day("2020-08-27"), workingDays: 5),
                                           pendingEndorsers: [town])
        let result = ApplicationWorkflow.check(action, by: action == .file ? cadre : nil, on: snapshot, campaign: rushan(),
                                               today: day(today), calendar: builtInCalendar)
        #expect(result == expected)
    }

    @Test func objectionsMustBeAnsweredBeforeFiling() {
        let snapshot = ApplicationSnapshot(state: .onNotice, unit: unit, notice: NoticePeriod(start: day("2020-08-21"), end: day("2020-08-27"), workingDays: 5),
                                           unansweredObjections: 2)
        #expect(ApplicationWorkflow.check(.file, by: cadre, on: snapshot, campaign: rushan(), today: day("2020-08-28"),
                                          calendar: builtInCalendar) == .failure(.objectionsUnanswered(2)))
        #expect(ApplicationWorkflow.check(.answerObjection, by: cadre, on: snapshot, campaign: rushan(), today: day("2020-09-20"),
                                          calendar: builtInCalendar) == .success(.onNotice))
    }

    // MARK: Returned and filed again

    @Test func aReturnedApplicationHasFiveWorkingDaysOrTheDeadline() {
        // Returned Sun 2020-08-30: five working days are 08-31 … 09-04, later than 08-31.
        #expect(ApplicationWorkflow.refileBy(returnedOn: day("2020-08-30"), applyBy: day("2020-08-31"), calendar: builtInCalendar) == day("2020-09-04"))
        // Returned early (08-10): the application deadline is later and stands.
        #expect(ApplicationWorkflow.refileBy(returnedOn: day("2020-08-10"), applyBy: day("2020-08-31"), calendar: builtInCalendar) == day("2020-08-31"))
        let returned = ApplicationSnapshot(state: .returned, unit: unit, returnedOn: day("2020-08-30"), pendingEndorsers: [town])
        #expect(ApplicationWorkflow.check(.file, by: cadre, on: returned, campaign: rushan(), today: day("2020-09-04"),
                                          calendar: builtInCalendar) == .success(.filed))
        #expect(ApplicationWorkflow.check(.saveSelfAssessment, by: cadre, on: returned, campaign: rushan(), today: day("2020-09-03"),
                                          calendar: builtInCalendar) == .success(.returned))
        #expect(ApplicationWorkflow.check(.file, by: cadre, on: returned, campaign: rushan(), today: day("2020-09-07"),
                                          calendar: builtInCalendar) == .failure(.closed(.application, closedOn: day("2020-09-04"))))
    }

    /// The 申报登记表 is changed until it is filed: by the application date (2020-08-31), or once
    /// returned within the window to file again; not by the reviewer; not once filed.
    @Test(arguments: [
        (ApplicationState.drafting, "2020-08-31", Optional<String>.none, Result<ApplicationState, WorkflowRefusal>.success(.drafting)),
        (.onNotice, "2020-08-31", nil, .success(.onNotice)),
        (.congressDecided, "2020-09-01", nil, .failure(.closed(.application, closedOn: day("2020-08-31")))),
        (.filed, "2020-08-20", nil, .failure(.wrongState(.filed))),
        (.returned, "2020-09-04", "2020-08-30", .success(.returned)),
        (.returned, "2020-09-07", "2020-08-30", .failure(.closed(.application, closedOn: day("2020-09-04")))),
    ])
    func theFormIsChangedUntilItIsFiled(state: ApplicationState, today: String, returnedOn: String?,
                                        expected: Result<ApplicationState, WorkflowRefusal>) {
        let snapshot = ApplicationSnapshot(state: state, unit: unit, returnedOn: returnedOn.map(day))
        #expect(ApplicationWorkflow.check(.saveForm, by: cadre, on: snapshot, campaign: rushan(), today: day(today),
                                          calendar: builtInCalendar) == expected)
        #expect(ApplicationWorkflow.check(.saveForm, by: reviewer, on: snapshot, campaign: rushan(), today: day(today),
                                          calendar: builtInCalendar) == .failure(.access(.outOfReach)))
    }

    /// A recorded congress decision is corrected, by the congress deadline, until the notice starts.
    @Test func theCongressDecisionIsCorrectedUntilTheNoticeStarts() {
        let decided = ApplicationSnapshot(state: .congressDecided, unit: unit)
        #expect(ApplicationWorkflow.check(.recordCongressDecision, by: cadre, on: decided, campaign: rushan(), today: day("2020-08-20"),
                                          calendar: builtInCalendar) == .success(.congressDecided))
        #expect(ApplicationWorkflow.check(.recordCongressDecision, by: cadre, on: ApplicationSnapshot(state: .onNotice, unit: unit),
                                          campaign: rushan(), today: day("2020-08-20"), calendar: builtInCalendar) == .failure(.wrongState(.onNotice)))
    }

    // MARK: Part 2: endorsement, inspection, decision, results notice, naming

    /// 逐级审核盖章: a park union inside the town stamps first, then the town; a union with no
    /// sub-federation above it goes straight to its federation on filing.
    @Test func endorsementGoesLevelByLevel() {
        let park = town.appending("park")
        let parkReviewer = AccessSubject(accountID: "park", grants: [Grant(role: .subFederationReviewer, scope: park)])
        let inPark = park.appending("union-p")
        let filed = ApplicationSnapshot(state: .filed, unit: inPark, pendingEndorsers: [park, town])
        // the town's reviewer covers the park union but waits for the park's stamp
        #expect(ApplicationWorkflow.check(.endorse, by: reviewer, on: filed, campaign: rushan(), today: day("2020-09-02"),
                                          calendar: builtInCalendar) == .failure(.awaitingEndorsement(by: park)))
        #expect(ApplicationWorkflow.check(.endorse, by: parkReviewer, on: filed, campaign: rushan(), today: day("2020-09-02"),
                                          calendar: builtInCalendar) == .success(.filed))
        let parkStamped = ApplicationSnapshot(state: .filed, unit: inPark, pendingEndorsers: [town])
        #expect(ApplicationWorkflow.check(.endorse, by: reviewer, on: parkStamped, campaign: rushan(), today: day("2020-09-02"),
                                          calendar: builtInCalendar) == .success(.endorsed))
        #expect(ApplicationWorkflow.check(.endorse, by: parkReviewer, on: parkStamped, campaign: rushan(), today: day("2020-09-02"),
                                          calendar: builtInCalendar) == .failure(.access(.outOfReach)))
        // staff do not stamp for a town
        #expect(ApplicationWorkflow.check(.endorse, by: staff, on: parkStamped, campaign: rushan(), today: day("2020-09-02"),
                                          calendar: builtInCalendar) == .failure(.access(.outOfReach)))
        // straight under the county federation: filing is the endorsement
        let direct = ApplicationSnapshot(state: .onNotice, unit: county.appending("direct"),
                                         notice: NoticePeriod(start: day("2020-08-21"), end: day("2020-08-27"), workingDays: 5))
        #expect(ApplicationWorkflow.check(.file, by: AccessSubject(accountID: "d", grants: [Grant(role: .unionCadre, scope: county.appending("direct"))]),
                                          on: direct, campaign: rushan(), today: day("2020-08-28"), calendar: builtInCalendar) == .success(.endorsed))
    }

    /// An inspector scores only where assigned and within the inspection window; staff close the
    /// inspection when every assigned inspector has scored.
    @Test func inspectionNeedsTheAssignmentAndEveryScore() {
        let plan = rushan()  // 督导检查 in September
        let endorsed = ApplicationSnapshot(state: .endorsed, unit: unit, inspectors: ["inspector", "second"], inspectorsScored: ["inspector"])
        let elsewhere = AccessSubject(accountID: "stranger", grants: [Grant(role: .inspector, scope: county)])
        #expect(ApplicationWorkflow.check(.recordInspection, by: elsewhere, on: endorsed, campaign: plan, today: day("2020-09-10"),
                                          calendar: builtInCalendar) == .failure(.access(.notAssigned)))
        #expect(ApplicationWorkflow.check(.recordInspection, by: inspector, on: endorsed, campaign: plan, today: day("2020-09-10"),
                                          calendar: builtInCalendar) == .success(.endorsed))
        let inspection = plan.dates.inspection
        if let from = inspection.from {
            #expect(ApplicationWorkflow.check(.recordInspection, by: inspector, on: endorsed, campaign: plan, today: from.adding(days: -1),
                                              calendar: builtInCalendar) == .failure(.notYetOpen(.inspection, opens: from)))
        }
        if let by = inspection.by {
            #expect(ApplicationWorkflow.check(.recordInspection, by: inspector, on: endorsed, campaign: plan, today: by.adding(days: 1),
                                              calendar: builtInCalendar) == .failure(.closed(.inspection, closedOn: by)))
        }
        #expect(ApplicationWorkflow.check(.completeInspection, by: staff, on: endorsed, campaign: plan, today: day("2020-09-20"),
                                          calendar: builtInCalendar) == .failure(.inspectionsOutstanding(1)))
        var done = endorsed
        done.inspectorsScored = ["inspector", "second"]
        #expect(ApplicationWorkflow.check(.completeInspection, by: staff, on: done, campaign: plan, today: day("2020-09-20"),
                                          calendar: builtInCalendar) == .success(.inspected))
        #expect(ApplicationWorkflow.check(.completeInspection, by: staff, on: ApplicationSnapshot(state: .endorsed, unit: unit),
                                          campaign: plan, today: day("2020-09-20"), calendar: builtInCalendar) == .failure(.noInspectors))
        #expect(ApplicationWorkflow.check(.completeInspection, by: inspector, on: done, campaign: plan, today: day("2020-09-20"),
                                          calendar: builtInCalendar) == .failure(.access(.outOfReach)))
    }

    /// 三星、四星工会由乳山市总工会进行考核验收，五星工会由威海市总工会进行考核验收.
    @Test func theLevelThatAcceptsTheTierDecidesIt() {
        let fourStar = ApplicationSnapshot(state: .inspected, unit: unit, decidingFederation: county)
        let fiveStar = ApplicationSnapshot(state: .inspected, unit: unit, decidingFederation: prefecture)
        #expect(ApplicationWorkflow.check(.decideTier, by: staff, on: fourStar, campaign: rushan(), today: day("2020-09-25"),
                                          calendar: builtInCalendar) == .success(.decided))
        #expect(ApplicationWorkflow.check(.decideTier, by: staff, on: fiveStar, campaign: rushan(), today: day("2020-09-25"),
                                          calendar: builtInCalendar) == .failure(.decidedAbove))
        #expect(ApplicationWorkflow.check(.decideTier, by: prefectureStaff, on: fiveStar, campaign: rushan(), today: day("2020-09-25"),
                                          calendar: builtInCalendar) == .success(.decided))
    }

    /// Named after the results notice, once every objection to it is answered; a decision of no
    /// tier ends "not named".
    @Test func namingWaitsForTheResultsNotice() {
        let notice = NoticePeriod(start: day("2019-11-04"), end: day("2019-11-08"), workingDays: 5)
        let running = ApplicationSnapshot(state: .onResultsNotice, unit: unit, decidingFederation: county, decidedTier: "three-star",
                                          resultsNotice: notice)
        #expect(ApplicationWorkflow.check(.name, by: staff, on: running, campaign: yizheng(), today: day("2019-11-08"),
                                          calendar: builtInCalendar) == .failure(.resultsNoticeRunning(endsOn: day("2019-11-08"))))
        #expect(ApplicationWorkflow.check(.lodgeObjection, by: nil, on: running, campaign: yizheng(), today: day("2019-11-08"),
                                          calendar: builtInCalendar) == .success(.onResultsNotice))
        var objected = running
        objected.unansweredObjections = 1
        #expect(ApplicationWorkflow.check(.name, by: staff, on: objected, campaign: yizheng(), today: day("2019-11-11"),
                                          calendar: builtInCalendar) == .failure(.resultsObjectionsUnanswered(1)))
        #expect(ApplicationWorkflow.check(.name, by: staff, on: running, campaign: yizheng(), today: day("2019-11-11"),
                                          calendar: builtInCalendar) == .success(.named))
        var none = running
        none.decidedTier = nil
        #expect(ApplicationWorkflow.check(.name, by: staff, on: none, campaign: yizheng(), today: day("2019-11-11"),
                                          calendar: builtInCalendar) == .success(.notNamed))
    }

    /// Yizheng: 星级和三星级的考核由市总工会组织开展 … 向扬州市总工会推荐表彰; 对于受到扬州市总表彰的 — the
    /// county decides and runs the results notice, the prefecture names.
    @Test func yizhengThePrefectureNamesWhatTheCountyDecided() {
        let yangzhou = TreePath(ids: ["weihai"])
        let notice = NoticePeriod(start: day("2019-11-04"), end: day("2019-11-08"), workingDays: 5)
        let over = ApplicationSnapshot(state: .onResultsNotice, unit: unit, decidingFederation: county, namingFederation: yangzhou,
                                       decidedTier: "three-star", resultsNotice: notice)
        #expect(ApplicationWorkflow.check(.name, by: staff, on: over, campaign: yizheng(), today: day("2019-11-11"),
                                          calendar: builtInCalendar) == .failure(.decidedAbove))
        #expect(ApplicationWorkflow.check(.name, by: prefectureStaff, on: over, campaign: yizheng(), today: day("2019-11-11"),
                                          calendar: builtInCalendar) == .success(.named))
        // The county still answers the objections to its own notice.
        #expect(ApplicationWorkflow.check(.answerResultsObjection, by: staff, on: over, campaign: yizheng(), today: day("2019-11-11"),
                                          calendar: builtInCalendar) == .success(.onResultsNotice))
        #expect(ApplicationWorkflow.check(.answerResultsObjection, by: cadre, on: over, campaign: yizheng(), today: day("2019-11-11"),
                                          calendar: builtInCalendar) == .failure(.access(.outOfReach)))
        let tiers = builtInSchemes["yizheng-2019-union"]!.tiers
        #expect(TierAcceptance.namingLevel(decided: "star", applied: "star", tiers: tiers) == .prefecture)
        #expect(TierAcceptance.namingLevel(decided: "three-star", applied: "three-star", tiers: tiers) == .prefecture)
        #expect(TierAcceptance.decidingLevel(decided: "three-star", applied: "three-star", tiers: tiers) == .county)
        let rushanTiers = builtInSchemes["rushan-2020-enterprise"]!.tiers
        #expect(TierAcceptance.namingLevel(decided: "four-star", applied: "four-star", tiers: rushanTiers) == .county)
        #expect(TierAcceptance.namingLevel(decided: "five-star", applied: "five-star", tiers: rushanTiers) == .prefecture)
    }

    /// Yizheng: 公示五个工作日无异议后，于11月15日前向扬州市总工会推荐表彰 — the results notice must end
    /// before 15 November.
    @Test(arguments: [
        ("2019-11-04", Result<CalendarDate, WorkflowRefusal>.success(day("2019-11-08"))),
        ("2019-11-08", .success(day("2019-11-14"))),
        ("2019-11-11", .failure(.resultsNoticeEndsTooLate(endsOn: day("2019-11-15"), by: day("2019-11-15")))),
    ])
    func yizhengResultsNoticeEndsBeforeTheRecommendation(start: String, expected: Result<CalendarDate, WorkflowRefusal>) {
        let result = ApplicationWorkflow.checkResultsNotice(starting: day(start), campaign: yizheng(), calendar: builtInCalendar).map(\.end)
        #expect(result == expected)
    }

    // MARK: Pre-application (Yizheng 年初预申报名单; optional for Rushan)

    @Test func preApplication() {
        let none = ApplicationSnapshot(state: .notStarted, unit: unit)
        #expect(ApplicationWorkflow.check(.preApply, by: cadre, on: none, campaign: rushan(), today: day("2020-03-10"),
                                          calendar: builtInCalendar) == .failure(.notInThisCampaign(.preApplication)))
        #expect(ApplicationWorkflow.check(.preApply, by: cadre, on: none, campaign: yizheng(), today: day("2019-03-10"),
                                          calendar: builtInCalendar) == .success(.preApplied))
        #expect(ApplicationWorkflow.check(.preApply, by: cadre, on: none, campaign: yizheng(), today: day("2019-05-01"),
                                          calendar: builtInCalendar) == .failure(.closed(.preApplication, closedOn: day("2019-04-30"))))
    }

    // MARK: The timeline placed in the year

    @Test func defaultsFromTheSchemes() {
        let r = CampaignDates.defaults(from: builtInSchemes["rushan-2020-enterprise"]!.timeline, year: 2020)
        #expect(r.preApplication == nil)
        #expect(r.selfCheck == DateWindow(from: day("2020-08-01"), by: day("2020-08-15")))
        #expect(r.congressBy == day("2020-08-20"))
        #expect(r.noticeWorkingDays == 5)
        #expect(r.applyBy == day("2020-08-31"))
        #expect(r.inspection == DateWindow(from: day("2020-09-01"), by: day("2020-09-30")))
        #expect(r.problems(year: 2020).isEmpty)
        let y = CampaignDates.defaults(from: builtInSchemes["yizheng-2019-union"]!.timeline, year: 2019)
        #expect(y.preApplication == DateWindow())  // the seed says 年初 only: staff set the dates
        #expect(y.selfCheck == DateWindow(by: day("2019-09-20")))
        #expect(y.congressBy == nil)
        #expect(y.applyBy == day("2019-09-30"))  // 每年的9月30日之前
        #expect(y.inspection == DateWindow(from: day("2019-10-01"), by: day("2019-11-05")))
        #expect(y.resultsNoticeWorkingDays == 5)
        #expect(y.recommendBy == day("2019-11-15"))  // 于11月15日前
        #expect(y.problems(year: 2019).isEmpty)
    }

    @Test func datesOutOfOrderAreRefusedByField() {
        var dates = CampaignDates.defaults(from: builtInSchemes["rushan-2020-enterprise"]!.timeline, year: 2020)
        dates.applyBy = day("2020-08-10")
        dates.noticeWorkingDays = 0
        let problems = dates.problems(year: 2020)
        #expect(problems.order == ["applyBy", "noticeWorkingDays"])
        #expect(problems["applyBy"]?.zh == "申报截止日不能早于职代会确定星级截止日（2020年8月20日）。")
        var otherYear = dates
        otherYear.applyBy = day("2022-08-31")
        #expect(otherYear.problems(year: 2020)["applyBy"]?.zh == "日期须在2020年或2021年内。")
        var nextYear = CampaignDates.defaults(from: builtInSchemes["rushan-2020-enterprise"]!.timeline, year: 2020)
        nextYear.inspection.by = day("2021-01-15")
        #expect(nextYear.problems(year: 2020).isEmpty)
    }

    @Test func refusalsSaySentencesWithTheDate() {
        #expect(WorkflowRefusal.closed(.application, closedOn: day("2020-08-31")).message.zh == "“申报”已于2020年8月31日截止；如需补报，请联系总工会。")
        #expect(WorkflowRefusal.closed(.application, closedOn: day("2020-08-31")).message.en
            == "The application closed on 2020-08-31; ask the federation to reopen it for your unit.")
    }
}
