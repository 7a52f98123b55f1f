import Testing
@testable import UnionStarCore

@Suite struct TotalsAndTiersTests {
    @Test(arguments: ["rushan-2020-enterprise", "rushan-2020-regional", "yizheng-2019-union", "yizheng-2019-chair"])
    func templateAnswersScoreExactly100(id: String) throws {
        let a = try assess(id, [])
        #expect(a.total == 100)
        #expect(a.items.allSatisfy { $0.score == $0.max && $0.applied.allSatisfy { $0.kind == .perEvent || $0.kind == .bonus } })
        #expect(a.vetoes.isEmpty)
        #expect(a.tier?.name == "五星级")
    }

    /// The one tier decision, at every boundary: reached by the total, named only without a veto.
    func decide(_ total: String, vetoed: Bool = false, _ schemeID: String) -> (reached: String?, named: String?) {
        let tiers = builtInSchemes[schemeID]!.tiers
        let outcome = TierDecision.decide(total: Points(total), vetoed: vetoed, tiers: tiers)
        return (outcome.reached.map { tiers[$0].name }, outcome.named.map { tiers[$0].name })
    }

    @Test(arguments: [
        ("69.5", nil), ("69.9999", nil), ("70", "三星级"), ("79.5", "三星级"), ("79.9999", "三星级"), ("80", "四星级"),
        ("89.5", "四星级"), ("89.9999", "四星级"), ("90", "五星级"), ("100", "五星级"), ("0", nil),
    ] as [(String, String?)])
    func rushanTierBoundaries(total: String, tier: String?) {
        for id in ["rushan-2020-enterprise", "rushan-2020-regional"] {
            #expect(decide(total, id) == (tier, tier))
            #expect(decide(total, vetoed: true, id) == (tier, nil))
        }
    }

    @Test(arguments: [
        ("84.5", nil), ("84.9999", nil), ("85", "星级（达标级）"), ("89.5", "星级（达标级）"), ("90", "三星级"),
        ("94.5", "三星级"), ("94.9999", "三星级"), ("95", "五星级"), ("100", "五星级"),
    ] as [(String, String?)])
    func yizhengTierBoundaries(total: String, tier: String?) {
        for id in ["yizheng-2019-union", "yizheng-2019-chair"] {
            #expect(decide(total, id) == (tier, tier))
            #expect(decide(total, vetoed: true, id) == (tier, nil))
        }
    }

    @Test func tierOrderInTheListDoesNotMatter() {
        let tiers = builtInSchemes["rushan-2020-enterprise"]!.tiers
        let outcome = TierDecision.decide(total: 85, vetoed: false, tiers: tiers.reversed())
        #expect(outcome.reached.map { tiers.reversed()[$0].name } == "四星级")
    }

    @Test func quickScoreAgreesWithTheFullAssessment() throws {
        let s = scorer("rushan-2020-enterprise")
        for changes in [[], [count("competitions", 0), no("childcare_service")], [no("workers_congress_held")]] as [[Change]] {
            var answers = s.templateAnswers()
            for case .set(let fact, let value) in changes { answers.facts[fact] = value }
            let values = try s.resolve(answers)
            let full = s.assess(values)
            let quick = s.quickScore(values)
            #expect(quick.total == full.total)
            #expect(quick.tierIndex.map { s.scheme.tiers[$0].id } == full.scoreTier?.id)
            #expect(quick.namedTierIndex.map { s.scheme.tiers[$0].id } == full.tier?.id)
            #expect(quick.vetoed == !full.vetoes.isEmpty)
        }
    }

    /// The same boundaries reached by real answers, half points included.
    @Test(arguments: [
        // 100 − 12 (item 7) − 3 (item 8) − 9 (item 6) − 6 (item 9①) − 3 (item 3①②) = 67
        ([no("innovation_activities"), no("innovation_incentive_system"), no("innovation_studio"), .remove("innovation_platform_joined"),
          count("competitions", 0), no("safety_campaign"), no("funds_paid_in_full"), no("funds_self_managed")], "67", nil),
        ([no("innovation_activities"), no("innovation_incentive_system"), count("competitions", 0), no("safety_campaign"),
          no("funds_paid_in_full"), no("funds_self_managed"), no("cadres_qualified"), no("mental_health_room"), no("apprenticeship")], "70", "三星级"),
        ([no("innovation_activities"), no("innovation_incentive_system"), count("competitions", 0), no("safety_campaign"),
          no("funds_paid_in_full"), no("funds_self_managed"), no("cadres_qualified"), no("mental_health_room"), no("apprenticeship"),
          missing("registration_and_premises", "signboard", in: "rushan-2020-enterprise")], "69.5", nil),
        ([count("competitions", 0), no("childcare_service")], "90", "五星级"),
        ([count("competitions", 0), no("childcare_service"), missing("registration_and_premises", "summary", in: "rushan-2020-enterprise")], "89.5", "四星级"),
        ([no("innovation_activities"), no("innovation_incentive_system"), no("innovation_studio"), .remove("innovation_platform_joined"),
          no("funds_self_managed"), no("funds_paid_in_full"), no("cadres_qualified")], "80", "四星级"),
        ([no("innovation_activities"), no("innovation_incentive_system"), no("innovation_studio"), .remove("innovation_platform_joined"),
          no("funds_self_managed"), no("funds_paid_in_full"), no("cadres_qualified"),
          missing("registration_and_premises", "signboard", in: "rushan-2020-enterprise")], "79.5", "三星级"),
        // 89.99% membership is not a whole percentage point short: nothing lost, still 80.
        ([no("innovation_activities"), no("innovation_incentive_system"), no("innovation_studio"), .remove("innovation_platform_joined"),
          no("funds_self_managed"), no("funds_paid_in_full"), no("cadres_qualified"), percent("membership_rate", "89.99")], "80", "四星级"),
        ([count("competitions", 0), no("childcare_service"), percent("membership_rate", "89.99")], "90", "五星级"),
    ] as [([Change], String, String?)])
    func enterpriseTotalsAtBoundaries(changes: [Change], total: String, tier: String?) throws {
        let a = try assess("rushan-2020-enterprise", changes)
        #expect(a.total == Points(total))
        #expect(a.tier?.name == tier)
    }

    @Test(arguments: [
        ([no("commended_by_higher_union"), percent("satisfaction_rate", "89"), percent("proposal_implementation_rate", "94"), percent("chair_satisfaction", "89.5")], "85", "星级（达标级）"),
        ([no("commended_by_higher_union"), percent("satisfaction_rate", "89"), percent("proposal_implementation_rate", "94"),
          missing("distinction_requirements", "recognised", in: "yizheng-2019-union")], "84.5", nil),
        ([percent("satisfaction_rate", "89.9"), missing("distinction_requirements", "recognised", in: "yizheng-2019-union"),
          missing("system_requirements", "finance_system", in: "yizheng-2019-union")], "90", "三星级"),
        ([percent("satisfaction_rate", "85"), percent("proposal_implementation_rate", "90"),
          missing("system_requirements", "finance_system", in: "yizheng-2019-union")], "89.5", "星级（达标级）"),
        ([percent("satisfaction_rate", "89.99")], "95", "五星级"),
        ([percent("proposal_implementation_rate", "94.99"), missing("system_requirements", "finance_system", in: "yizheng-2019-union")], "94.5", "三星级"),
        ([percent("satisfaction_rate", "90"), percent("proposal_implementation_rate", "95")], "100", "五星级"),
    ] as [([Change], String, String?)])
    func yizhengTotalsAtBoundaries(changes: [Change], total: String, tier: String?) throws {
        let a = try assess("yizheng-2019-union", changes)
        #expect(a.total == Points(total))
        #expect(a.tier?.name == tier)
    }

    @Test(arguments: [
        (no("workers_congress_held"), "no-congress", "92"),
        (no("members_congress_held"), "no-congress", "95"),
        (yes("safety_liability_accident"), "safety-accident", "94"),
        (yes("labour_dispute_mass_incident"), "mass-incident", "98"),
    ] as [(Change, String, String)])
    func eachRushanVetoBlocksNaming(change: Change, veto: String, total: String) throws {
        let a = try assess("rushan-2020-enterprise", [change])
        #expect(a.total == Points(total))
        #expect(a.scoreTier?.name == "五星级")
        #expect(a.tier == nil)
        #expect(!a.nameable)
        #expect(a.vetoes.map(\.id) == [veto])
    }

    @Test func vetoOverridesAPerfectScore() throws {
        // The regional scheme asks the veto facts on their own, so a union can score 100 and still be vetoed.
        let a = try assess("rushan-2020-regional", [yes("own_safety_liability_accident"), yes("member_units_mass_incident")])
        #expect(a.total == 100)
        #expect(a.scoreTier?.name == "五星级")
        #expect(a.tier == nil)
        #expect(a.vetoes.map(\.text) == ["当年发生安全生产责任事故", "因劳动纠纷引发职工群体事件"])
    }

    @Test func sectionScoresAddUpToTheTotal() throws {
        let a = try assess("rushan-2020-enterprise", [no("innovation_studio"), .remove("innovation_platform_joined"), count("competitions", 1)])
        #expect(a.sections.map(\.score) == [Points(20), Points(17), Points(22), Points(14), Points(14)])
        #expect(a.sections.reduce(Points.zero) { $0 + $1.score } == a.total)
    }
}
