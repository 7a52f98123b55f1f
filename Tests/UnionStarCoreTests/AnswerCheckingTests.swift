import Foundation
import Testing
@testable import UnionStarCore

@Suite struct AnswerCheckingTests {
    let s = scorer("rushan-2020-enterprise")

    func problems(_ changes: [Change]) -> [String] {
        var answers = s.templateAnswers()
        for change in changes {
            switch change {
            case .set(let f, let v): answers.facts[f] = v
            case .remove(let f): answers.facts[f] = nil
            }
        }
        do {
            _ = try s.resolve(answers)
            return []
        } catch {
            return error.problems.map { $0.message(in: .en) }
        }
    }

    @Test func unknownFactIsNamed() {
        #expect(problems([yes("studio")]) == ["fact 'studio': is not a fact of scheme rushan-2020-enterprise"])
    }

    @Test func wrongTypesAreNamed() {
        #expect(problems([count("innovation_studio", 1)]) == ["fact 'innovation_studio': is yes/no and takes true or false"])
        #expect(problems([yes("competitions")]) == ["fact 'competitions': is a count and takes a number"])
        #expect(problems([option("membership_rate", "high")]) == ["fact 'membership_rate': is a percentage and takes a number from 0 to 100"])
    }

    @Test func outOfRangeValuesAreNamed() {
        #expect(problems([percent("membership_rate", "120")]) == ["fact 'membership_rate': is a percentage and must be between 0 and 100, got 120"])
        #expect(problems([percent("membership_rate", "-1")]) == ["fact 'membership_rate': is a percentage and must be between 0 and 100, got -1"])
        #expect(problems([percent("competitions", "1.5")]) == ["fact 'competitions': is a count and takes a whole number of at least 0, not 1.5"])
        #expect(problems([count("competitions", -2)]) == ["fact 'competitions': is a count and takes a whole number of at least 0, not -2"])
        #expect(problems([count("competitions", 366)]) == ["fact 'competitions': may not exceed 365, got 366"])
        #expect(problems([percent("membership_rate", "89.123456")]) == ["fact 'membership_rate': takes at most four decimal places, got 89.123456"])
    }

    @Test func unknownElementsAndOptionsAreNamed() {
        #expect(problems([.set("collective_contracts", .list(["general", "pension"]))]).first?.hasPrefix("fact 'collective_contracts': has no element 'pension'") == true)
        #expect(problems([option("training_records", "partly")]).first?.hasPrefix("fact 'training_records': has no option 'partly'") == true)
    }

    @Test func missingAnswersAreNamed() {
        #expect(problems([.remove("competitions")]) == ["fact 'competitions': is not answered (当年开展职工劳动竞赛或技术比武活动的次数)"])
        #expect(problems([.remove("competitions"), .remove("company_form")]).first?.hasPrefix("2 facts are not answered: company_form, competitions") == true)
        #expect(problems([.set("collective_contracts", .map(["general": true]))]).count == 3)
    }

    @Test func notApplicableAnswersMayBeLeftOut() {
        // A non-company enterprise need not answer 职工董事和职工监事制度.
        #expect(problems([no("company_form"), .set("openness_and_consultation", .map(["factory_affairs_openness": true, "consultation_mechanism": true]))]) == [])
        // No needy workers reported: the casework questions are not asked.
        #expect(problems([no("needy_workers_reported"), .remove("needy_contact_assigned"), .remove("needy_casework")]) == [])
    }

    @Test func draftsMayBeIncomplete() throws {
        let values = try s.resolve(Answers(facts: ["competitions": .number(2)]), complete: false)
        #expect(values[s.slot(of: "competitions")!] == .number(20_000))
    }

    @Test func answersFileParsesExactDecimals() throws {
        let answers = try Answers.parse(json: Data(#"{"facts": {"membership_rate": 89.3, "innovation_studio": true, "collective_contracts": ["general"]}}"#.utf8))
        #expect(answers.facts["membership_rate"] == .number(Decimal(string: "89.3")!))
        #expect(answers.facts["collective_contracts"] == .list(["general"]))
    }

    @Test func malformedFilesAreRefused() {
        #expect(throws: AnswerError.self) { try Answers.parse(json: Data("not json".utf8)) }
        #expect(throws: AnswerError.self) { try Answers.parse(json: Data(#"{"answers": {}}"#.utf8)) }
        #expect(throws: AnswerError.self) { try Answers.parse(json: Data(#"{"facts": {"x": null}}"#.utf8)) }
    }

    @Test func generatedAnswersAlwaysScoreWithinBounds() throws {
        var generator = AnswerGenerator(seed: 7)
        for id in builtInSchemes.keys {
            let scorer = scorer(id)
            for _ in 0..<300 {
                let a = try scorer.assess(generator.answers(for: scorer))
                #expect(a.total >= .zero && a.total <= 100)
                #expect(a.items.allSatisfy { $0.score >= .zero && $0.score <= $0.max })
                #expect(scorer.quickScore(try scorer.resolve(generator.answers(for: scorer))).total <= 100)
            }
        }
    }
}
