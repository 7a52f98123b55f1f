import Foundation
import Testing
@testable import App

/// The command-line contract other tools call: run through the built binary, as they would.
@Suite(.serialized) struct CommandLineTests {
    @Test func schemeListPrintsIdAndTitle() throws {
        let r = try runUnionstar(["scheme", "list"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
            == ["rushan-2020-enterprise", "rushan-2020-regional", "yizheng-2019-chair", "yizheng-2019-union"])
        #expect(r.stdout.contains("rushan-2020-enterprise\t“活力基层工会”星级创建标准（企业工会）\n"))
    }

    @Test func schemeShowJSONHasTheWholeScheme() throws {
        let r = try runUnionstar(["scheme", "show", "rushan-2020-regional", "--json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        let items = sections.flatMap { $0["items"] as? [[String: Any]] ?? [] }
        #expect(items.count == 14)
        let item6 = try #require(items.first { $0["number"] as? Int == 6 })
        #expect(item6["max"] as? Int == 18)
        let facts = try #require(item6["facts"] as? [[String: Any]])
        #expect(facts.first?["id"] as? String == "competitions")
        #expect(facts.first?["type"] as? String == "count")
        let rules = try #require(item6["rules"] as? [[String: Any]])
        #expect(rules.first?["text"] as? String == "当年每组织所辖单位开展一次劳动竞赛、技术比武等群众性经济技术活动，计9分，满分18分。")
        #expect((json["tiers"] as? [[String: Any]])?.map { $0["name"] as? String } == ["三星级", "四星级", "五星级"])
        #expect((json["vetoes"] as? [[String: Any]])?.count == 3)
    }

    @Test func templateScoresExactly100() throws {
        for id in ["rushan-2020-enterprise", "rushan-2020-regional"] {
            let template = try runUnionstar(["scheme", "template", id])
            #expect(template.status == 0)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID()).json")
            try Data(template.stdout.utf8).write(to: file)
            let score = try runUnionstar(["score", "--scheme", id, "--answers", file.path, "--json"])
            #expect(score.status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
            #expect(json["total"] as? Int == 100)
            #expect(json["tier"] as? String == "五星级")
            #expect((json["vetoes"] as? [Any])?.isEmpty == true)
            #expect((json["items"] as? [Any])?.count == (id.hasSuffix("enterprise") ? 20 : 14))
        }
    }

    @Test func scoreShowsAppliedRulesAndVetoes() throws {
        let template = try runUnionstar(["scheme", "template", "rushan-2020-enterprise"])
        var answers = try #require(try JSONSerialization.jsonObject(with: Data(template.stdout.utf8)) as? [String: [String: Any]])
        answers["facts"]?["election_on_schedule"] = false
        answers["facts"]?["labour_dispute_mass_incident"] = true
        let input = try JSONSerialization.data(withJSONObject: answers)
        let r = try runUnionstar(["score", "--scheme", "rushan-2020-enterprise", "--answers", "/dev/stdin", "--json"], stdin: input)
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 96)
        #expect(json["tier"] is NSNull)
        #expect(json["scoreTier"] as? String == "五星级")
        #expect(json["vetoes"] as? [String] == ["因劳动纠纷引发职工群体事件"])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items[0]["applied"] as? [String] == ["③未按期换届 −2"])
        #expect(items[12]["applied"] as? [String] == ["当年发生因劳动纠纷引发的职工群体事件，此项不得分 → 0"])
    }

    @Test(arguments: [
        (#"{"facts": {"studio": true}}"#, "fact 'studio': is not a fact of scheme rushan-2020-enterprise"),
        (#"{"facts": {"membership_rate": 120}}"#, "fact 'membership_rate': is a percentage and must be between 0 and 100, got 120"),
        (#"{"facts": {"innovation_studio": "yes"}}"#, "fact 'innovation_studio': is yes/no and takes true or false"),
        (#"{"facts": {"competitions": -1}}"#, "fact 'competitions': is a count and takes a whole number of at least 0, not -1"),
    ])
    func badAnswersFailNamingTheFact(json: String, message: String) throws {
        let r = try runUnionstar(["score", "--scheme", "rushan-2020-enterprise", "--answers", "/dev/stdin"],
                                 environment: ["UNIONSTAR_LANG": "en"], stdin: Data(json.utf8))
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(message))
    }

    @Test func unknownSchemeFails() throws {
        let r = try runUnionstar(["score", "--scheme", "nope", "--answers", "/dev/stdin"], stdin: Data("{}".utf8))
        #expect(r.status != 0)
        #expect(r.stderr.contains("unknown scheme 'nope'"))
        let show = try runUnionstar(["scheme", "show", "nope", "--json"])
        #expect(show.status != 0)
    }

    @Test func calendarAnswersWorkingDayQuestions() throws {
        #expect(try runUnionstar(["calendar", "period", "2019-09-26", "5"]).stdout == "2019-10-08\n")
        #expect(try runUnionstar(["calendar", "check", "2019-09-29"]).stdout.hasPrefix("2019-09-29 working day"))
        #expect(try runUnionstar(["calendar", "add", "2020-01-23", "1"]).stdout == "2020-02-03\n")
    }
}
