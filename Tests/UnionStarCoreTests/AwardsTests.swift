import Testing
@testable import UnionStarCore

@Suite struct RewardTests {
    let policy = builtInSchemes["yizheng-2019-union"]!.rewards!

    @Test(arguments: [
        ("star", 51, "2000"), ("star", 50, "1000"), ("star", 49, "1000"),
        ("three-star", 51, "6000"), ("three-star", 50, "3000"), ("three-star", 49, "3000"),
        ("five-star", 500, "10000"), ("five-star", 50, "5000"), ("five-star", 49, "5000"), ("five-star", 1, "5000"),
    ] as [(String, Int, String)])
    func amountsHalvedAtFiftyMembersOrFewer(tier: String, members: Int, yuan: String) throws {
        let reward = try #require(RewardDecision.decide(policy: policy, tierID: tier, members: members))
        #expect(reward.amount == Points(yuan))
        #expect(reward.reductions.isEmpty == (members > 50))
    }

    @Test func rushanPaysNoMoney() {
        #expect(builtInSchemes["rushan-2020-enterprise"]!.rewards == nil)
    }
}

@Suite struct ReReviewTests {
    let rushan = builtInSchemes["rushan-2020-enterprise"]!
    let yizheng = builtInSchemes["yizheng-2019-union"]!

    @Test(arguments: [
        ("four-star", "85", ReReview.Outcome.keep),
        ("four-star", "80", .keep),
        ("four-star", "79.5", .downgrade(toTierID: "three-star")),
        ("five-star", "80", .downgrade(toTierID: "four-star")),
        ("five-star", "72", .downgrade(toTierID: "three-star")),
        ("three-star", "69.5", .revoke),
        ("five-star", "90", .keep),
    ] as [(String, String, ReReview.Outcome)])
    func rushanDowngradesToTheTierReachedOrDelists(held: String, score: String, outcome: ReReview.Outcome) {
        let decision = ReReview.decide([.init(unit: "u", tierID: held, score: Points(score))], scheme: rushan)[0]
        #expect(decision.outcome == outcome)
        #expect(decision.reason.isEmpty == (outcome == .keep))
    }

    @Test func yizhengRevokesOnlyAtEightyOrBelowAndAmongTheLastThree() {
        let cohort: [ReReview.Case] = [
            .init(unit: "a", tierID: "three-star", score: 78),
            .init(unit: "b", tierID: "three-star", score: 80),
            .init(unit: "c", tierID: "three-star", score: Points("80.5")),
            .init(unit: "d", tierID: "three-star", score: 85),
            .init(unit: "e", tierID: "three-star", score: 79),  // 4th from the bottom? No: a, e, b are the last 3.
            .init(unit: "f", tierID: "star", score: 60),
        ]
        let outcomes = Dictionary(uniqueKeysWithValues: ReReview.decide(cohort, scheme: yizheng).map { ($0.unit, $0.outcome) })
        #expect(outcomes["a"] == .revoke)
        #expect(outcomes["e"] == .revoke)
        #expect(outcomes["b"] == .revoke)    // 80 is 80分以下, and third from the bottom.
        #expect(outcomes["c"] == .keep)      // above 80, and fourth from the bottom.
        #expect(outcomes["d"] == .keep)
        #expect(outcomes["f"] == .revoke)    // the only one of its tier.
    }

    @Test func yizhengKeepsALowScoreOutsideTheLastThree() {
        let cohort: [ReReview.Case] = (0..<5).map { .init(unit: "u\($0)", tierID: "star", score: Points(70 + $0)) }
        let outcomes = ReReview.decide(cohort, scheme: yizheng).map(\.outcome)
        #expect(outcomes == [.revoke, .revoke, .revoke, .keep, .keep])  // 73 and 74 are ≤ 80 but not among the last 3.
    }

    @Test func tiesAtTheBoundaryAreTreatedAlike() {
        let cohort: [ReReview.Case] = (0..<4).map { .init(unit: "u\($0)", tierID: "star", score: 79) }
        #expect(ReReview.decide(cohort, scheme: yizheng).allSatisfy { $0.outcome == .revoke })
    }
}

/// Vetoes at re-review, and which year's named unions a campaign re-reviews.
@Suite struct ReReviewPolicyTests {
    let rushan = builtInSchemes["rushan-2020-enterprise"]!
    let yizheng = builtInSchemes["yizheng-2019-union"]!
    let accident = VetoHit(id: "safety-accident", text: "当年发生安全生产责任事故")

    @Test(arguments: ["five-star", "four-star", "three-star"])
    func rushanVetoInTheReReviewYearDelistsWhateverTheScore(held: String) {
        let decision = ReReview.decide([.init(unit: "u", tierID: held, score: 100, vetoes: [accident])], scheme: rushan)[0]
        #expect(decision.outcome == .revoke)
        #expect(decision.reason == "复查年度当年发生安全生产责任事故，属不得命名情形，摘牌")
    }

    @Test func yizhengVetoRevokesEvenOutsideTheLastThree() {
        let cohort: [ReReview.Case] = (0..<5).map { .init(unit: "u\($0)", tierID: "star", score: Points(90 + $0)) }
            + [.init(unit: "v", tierID: "star", score: 99, vetoes: [accident])]
        let outcomes = Dictionary(uniqueKeysWithValues: ReReview.decide(cohort, scheme: yizheng).map { ($0.unit, $0.outcome) })
        #expect(outcomes["v"] == .revoke)
        #expect(outcomes.filter { $0.key != "v" }.values.allSatisfy { $0 == .keep })
    }

    @Test func vetoesCanBeSwitchedOffForReReview() {
        var scheme = rushan
        scheme.reReview?.vetoesApply = false
        let decision = ReReview.decide([.init(unit: "u", tierID: "five-star", score: 95, vetoes: [accident])], scheme: scheme)[0]
        #expect(decision.outcome == .keep)
    }

    @Test func withoutVetoesTheScoreDecidesAsBefore() {
        #expect(rushan.reReview?.appliesVetoes == true)
        let decision = ReReview.decide([.init(unit: "u", tierID: "five-star", score: 85)], scheme: rushan)[0]
        #expect(decision.outcome == .downgrade(toTierID: "four-star"))
    }

    // 每两年一次对获评单位进行复查，今年将对2018年获评的单位进行复查 (2020).
    @Test(arguments: [(2020, 2018), (2021, 2019), (2022, 2020)])
    func rushanReReviewsTheUnitsNamedTwoYearsEarlier(campaign: Int, cohort: Int) {
        #expect(rushan.reReview?.intervalYears == 2)
        #expect(rushan.reReview?.cohortYear(for: campaign) == cohort)
        #expect(builtInSchemes["rushan-2020-regional"]!.reReview?.cohortYear(for: campaign) == cohort)
    }

    // 自2019年开始，对获上一年度“双争”表彰的单位和个人进行复查; 2018年度…列入2019年复查.
    @Test(arguments: [(2019, 2018 as Int?), (2020, 2019), (2018, nil)] as [(Int, Int?)])
    func yizhengReReviewsThePreviousYearFrom2019(campaign: Int, cohort: Int?) {
        #expect(yizheng.reReview?.cohortYear(for: campaign) == cohort)
        #expect(builtInSchemes["yizheng-2019-chair"]!.reReview?.cohortYear(for: campaign) == cohort)
    }
}
