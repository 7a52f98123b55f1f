import Testing
@testable import UnionStarCore

private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

private let prefecture = TreePath(ids: ["weihai"])
private let county = TreePath(ids: ["weihai", "rushan"])
private let unit = TreePath(ids: ["weihai", "rushan", "xiacun", "union-a"])
private let cadre = AccessSubject(accountID: "cadre", grants: [Grant(role: .unionCadre, scope: unit)])
private let countyStaff = AccessSubject(accountID: "staff", grants: [Grant(role: .federationStaff, scope: county)])
private let prefectureStaff = AccessSubject(accountID: "weihai-staff", grants: [Grant(role: .prefectureStaff, scope: prefecture)])
private let inspector = AccessSubject(accountID: "inspector", grants: [Grant(role: .inspector, scope: county)])

private func pin(_ id: String) -> SchemePin { SchemePin(schemeID: id, version: 1, contentHash: String(repeating: "0", count: 64), settings: [:]) }

/// A Rushan round of `kind` with every window open on 2020-08-10.
private func round(_ kind: CampaignKind) -> CampaignPlan {
    var dates = CampaignDates.defaults(from: builtInSchemes["rushan-2020-enterprise"]!.timeline, year: 2020)
    dates.selfCheck = DateWindow(from: day("2020-08-01"), by: day("2020-08-31"))
    dates.inspection = DateWindow(from: day("2020-08-01"), by: day("2020-08-31"))
    var plan = CampaignPlan(year: 2020, owner: county, schemes: [.enterprise: pin("rushan-2020-enterprise")], dates: dates,
                            participationTarget: nil, tiersOnOffer: ["three-star", "four-star", "five-star"])
    plan.kind = kind
    plan.namedInYear = 2018
    return plan
}

@Suite struct ReReviewRoundTests {
    /// The legal starting states in a re-review round, written out: the self-check (opened as a
    /// draft), handed in, inspected as an application is, then the outcome. Nothing else.
    static let reReviewStates: [ApplicationAction: Set<ApplicationState>] = [
        .saveSelfAssessment: [.drafting], .uploadEvidence: [.drafting], .submitSelfCheck: [.drafting],
        .assignInspectors: [.selfChecked], .recordInspection: [.selfChecked], .completeInspection: [.selfChecked],
        .recordReReviewOutcome: [.inspected],
    ]
    /// A yearly self-check is only drafted and handed in.
    static let selfCheckStates: [ApplicationAction: Set<ApplicationState>] = [
        .saveSelfAssessment: [.drafting], .uploadEvidence: [.drafting], .submitSelfCheck: [.drafting],
    ]

    static func actor(_ action: ApplicationAction) -> AccessSubject? {
        switch action {
        case .lodgeObjection: nil
        case .recordInspection: inspector
        case .recordReReviewOutcome: prefectureStaff
        case .assignInspectors, .completeInspection, .startResultsNotice, .answerResultsObjection, .decideTier, .name, .returnApplication,
             .endorse: countyStaff
        default: cadre
        }
    }

    @Test(arguments: [CampaignKind.reReview, .selfCheck])
    func everyActionFromEveryStateInARound(kind: CampaignKind) {
        let legal = kind == .reReview ? Self.reReviewStates : Self.selfCheckStates
        for action in ApplicationAction.allCases {
            for state in ApplicationState.allCases {
                // setup: the inspector has scored; 威海 re-reviews (Rushan's policy: by prefecture)
                let snapshot = ApplicationSnapshot(state: state, unit: unit, inspectors: ["inspector"], inspectorsScored: ["inspector"],
                                                   decidingFederation: prefecture)
                // act
                let result = ApplicationWorkflow.check(action, by: Self.actor(action), on: snapshot, campaign: round(kind),
                                                       today: day("2020-08-10"), calendar: builtInCalendar)
                // check
                if legal[action, default: []].contains(state) {
                    let next: ApplicationState = switch action {
                    case .submitSelfCheck: .selfChecked
                    case .completeInspection: .inspected
                    case .recordReReviewOutcome: .reReviewed
                    default: state
                    }
                    #expect(result == .success(next), "\(kind) \(action) from \(state)")
                } else if ApplicationWorkflow.accessAction(for: action).map({ AccessPolicy.decide(Self.actor(action)!, $0, on: AccessTarget(place: .node(unit), state: .active, assignees: ["inspector"])).isAllowed }) ?? true {
                    #expect(result == .failure(.wrongState(state)), "\(kind) \(action) from \(state)")
                }
            }
        }
    }

    @Test(arguments: [CampaignKind.reReview, .selfCheck])
    func aRoundsStatesAndStepsAreThoseItsActionsTake(kind: CampaignKind) {
        // check: every state a legal action starts from or leads to is listed, and nothing else
        let legal = kind == .reReview ? Self.reReviewStates : Self.selfCheckStates
        var reached: Set<ApplicationState> = []
        for (action, states) in legal {
            for state in states {
                reached.insert(state)
                reached.insert(ApplicationWorkflow.next(action, on: ApplicationSnapshot(state: state, unit: unit)))
            }
        }
        #expect(Set(kind.states) == reached && kind.states.first == .drafting)
        #expect(kind.steps == (kind == .reReview ? [.selfCheck, .inspection] : [.selfCheck]))
        #expect(CampaignKind.award.steps == CampaignStep.allCases)
        #expect(!CampaignKind.award.states.contains(.selfChecked) && !CampaignKind.award.states.contains(.reReviewed))
    }

    @Test func theOutcomeIsRecordedByTheLevelThePolicyNames() {
        // Rushan: 威海市总工会…对获评单位进行复查 — the county's staff cannot record it.
        let snapshot = ApplicationSnapshot(state: .inspected, unit: unit, decidingFederation: prefecture)
        let byCounty = ApplicationWorkflow.check(.recordReReviewOutcome, by: countyStaff, on: snapshot, campaign: round(.reReview),
                                                 today: day("2020-08-10"), calendar: builtInCalendar)
        #expect(byCounty == .failure(.decidedAbove))
        let byPrefecture = ApplicationWorkflow.check(.recordReReviewOutcome, by: prefectureStaff, on: snapshot, campaign: round(.reReview),
                                                     today: day("2020-08-10"), calendar: builtInCalendar)
        #expect(byPrefecture == .success(.reReviewed))
    }

    @Test func theSelfCheckIsHandedInWithinItsWindow() {
        let snapshot = ApplicationSnapshot(state: .drafting, unit: unit)
        let late = ApplicationWorkflow.check(.submitSelfCheck, by: cadre, on: snapshot, campaign: round(.reReview),
                                             today: day("2020-09-01"), calendar: builtInCalendar)
        #expect(late == .failure(.closed(.selfCheck, closedOn: day("2020-08-31"))))
        let lastDay = ApplicationWorkflow.check(.submitSelfCheck, by: cadre, on: snapshot, campaign: round(.reReview),
                                                today: day("2020-08-31"), calendar: builtInCalendar)
        #expect(lastDay == .success(.selfChecked))
        let extended = ApplicationWorkflow.check(.submitSelfCheck, by: cadre, on: snapshot, campaign: round(.reReview), today: day("2020-09-03"),
                                                 calendar: builtInCalendar,
                                                 extensions: [DeadlineExtension(step: .selfCheck, until: day("2020-09-04"), reason: "病假")])
        #expect(extended == .success(.selfChecked))
    }

    // MARK: Who a round takes

    static let named: [ReReviewCohort.Named] = [
        .init(application: "a1", unit: "A", year: 2018, namedTier: "four-star", heldTier: "four-star"),
        .init(application: "b1", unit: "B", year: 2018, namedTier: "five-star", heldTier: nil),  // delisted since
        .init(application: "c1", unit: "C", year: 2019, namedTier: "three-star", heldTier: "three-star"),
        .init(application: "d1", unit: "D", year: 2017, namedTier: "three-star", heldTier: "three-star"),
        .init(application: "d2", unit: "D", year: 2019, namedTier: "four-star", heldTier: "four-star"),
        .init(application: "e1", unit: "E", year: 2018, namedTier: "three-star", heldTier: "three-star", inRound: true),
    ]

    @Test func rushanReReviewsIn2020TheUnitsNamedIn2018() {
        // 今年将对2018年获评的单位进行复查 (每两年一次): not 2019's, not 2017's; delisted units hold nothing.
        let policy = builtInSchemes["rushan-2020-enterprise"]!.reReview
        #expect(ReReviewCohort.reReview(Self.named, policy: policy, year: 2020).map(\.unit) == ["A"])
        #expect(ReReviewCohort.reReview(Self.named, policy: policy, year: 2021).map(\.unit) == ["C", "D"])
    }

    @Test func yizhengReReviewsLastYearsAwardsFrom2019() {
        // 自2019年开始，我们将对获上一年度“双争”表彰的单位和个人进行复查验收
        let policy = builtInSchemes["yizheng-2019-union"]!.reReview
        #expect(ReReviewCohort.reReview(Self.named, policy: policy, year: 2019).map(\.unit) == ["A"])
        #expect(ReReviewCohort.reReview(Self.named, policy: policy, year: 2018).isEmpty)
        #expect(ReReviewCohort.reReview(Self.named, policy: nil, year: 2020).isEmpty)
    }

    @Test func theYearlySelfCheckTakesEveryStarNotReReviewedThatYear() {
        // 已经获评的单位每年都要对照创建标准查漏补缺: in 2020 Rushan re-reviews A (2018); C and D
        // (named 2019, D against its latest naming) check themselves; E, already in the round, is left.
        let policy = builtInSchemes["rushan-2020-enterprise"]!.reReview
        let cohort = ReReviewCohort.selfCheck(Self.named, policy: policy, year: 2020)
        #expect(cohort.map(\.application) == ["c1", "d2"])
    }

    // MARK: Earlier beside now

    @Test func theComparisonShowsEachItemAndWhatSlipped() {
        let scheme = builtInSchemes["rushan-2020-enterprise"]!
        let earlier = AssessmentComparison.Side(selfItems: [1: Points(5), 2: Points(5), 3: Points(4)], inspectedItems: [1: Points(5), 2: Points(4)])
        let now = AssessmentComparison.Side(selfItems: [1: Points(3), 2: Points(5), 3: Points(4)])
        let rows = AssessmentComparison.compare(earlier: earlier, now: now, scheme: scheme)
        #expect(rows.count == scheme.items.count)
        // item 1: inspected 5 then, 3 now — slipped by 2; item 2: 4 inspected then, 5 now; item 3 the same
        #expect(rows[0].change == Points(-2) && rows[0].slipped)
        #expect(rows[1].earlier == Points(4) && rows[1].change == Points(1) && !rows[1].slipped)
        #expect(rows[2].change == .zero && !rows[2].slipped)
        #expect(rows[3].change == nil && !rows[3].slipped)
    }

    @Test func theOutcomeSaysWhatIsHeldAfter() {
        let kept = ReReviewOutcome(outcome: .keep, heldTier: "four-star", score: Points(85), reason: "", decidedOn: day("2020-09-30"))
        let down = ReReviewOutcome(outcome: .downgrade(toTierID: "three-star"), heldTier: "four-star", score: Points(75), reason: "x",
                                   decidedOn: day("2020-09-30"))
        let off = ReReviewOutcome(outcome: .revoke, heldTier: "four-star", score: Points(60), reason: "x", decidedOn: day("2020-09-30"))
        #expect([kept.tierAfter, down.tierAfter, off.tierAfter] == ["four-star", "three-star", nil])
    }
}
