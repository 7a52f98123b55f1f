import Testing
@testable import UnionStarCore

@Suite struct HonoursCandidatesTests {
    static let tiers = builtInSchemes["yizheng-2019-union"]!.tiers
    static let chairTiers = builtInSchemes["yizheng-2019-chair"]!.tiers

    static func named(_ year: Int, _ subject: Scheme.Subject, _ unit: String, _ person: String, _ rank: Int) -> HonoursCandidates.Named {
        let tiers = subject == .chair ? chairTiers : Self.tiers
        return .init(year: year, subject: subject, unitName: unit, person: person, tier: tiers[rank], tierRank: rank, issuer: "扬州市总工会",
                     certificate: "\(year)-\(rank + 1)-0001")
    }

    static let all = [
        named(2017, .union, "甲", "张三", 2), named(2018, .union, "乙", "李四", 0), named(2019, .chair, "丙", "王五", 2),
        named(2019, .union, "丙", "王五", 2), named(2019, .union, "丁", "", 1),
    ]

    @Test func filteredByYearAndTierNewestAndHighestFirst() {
        #expect(HonoursCandidates.select(Self.all, year: nil, tierID: nil).map { "\($0.year)\($0.unitName)\($0.subject.rawValue)" }
                == ["2019丙union", "2019丙chair", "2019丁union", "2018乙union", "2017甲union"])
        #expect(HonoursCandidates.select(Self.all, year: 2019, tierID: "five-star").map(\.subject) == [.union, .chair])
        #expect(HonoursCandidates.select(Self.all, year: 2018, tierID: "five-star").isEmpty)
    }

    @Test func theChairsOfTheLastTwoYearsWithAPerson() {
        // 2019's list: 2019 and 2018, not 2017; a union with no chair known is left out
        #expect(HonoursCandidates.recentChairs(Self.all, year: 2019).map(\.person) == ["王五", "王五", "李四"])
    }

    @Test func mayDayCandidatesAreTheFiveStars() {
        let honours = HonoursCandidates.tierHonours(Self.all, year: 2019)
        #expect(honours.map(\.honour.zh) == ["从被表彰的五星级基层工会中择优，按规定程序推荐申报扬州市五一劳动奖状",
                                              "从被表彰的五星级基层工会主席中择优，按规定程序推荐申报扬州市五一劳动奖章"])
    }
}
