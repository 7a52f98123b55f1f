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
