import Foundation
import Testing
@testable import UnionStarCore

@Suite struct RewardsListTests {
    let yizheng = builtInSchemes["yizheng-2019-union"]!
    let rushan = builtInSchemes["rushan-2020-enterprise"]!

    /// 将每家给予奖励2000元、6000元、10000元 … (会员人数50人以下的奖励经费减半).
    @Test func yizhengListHighestTierFirstWithTheMoneyDue() {
        // setup
        let named: [RewardsList.Named] = [
            .init(unitName: "甲公司工会", tierID: "star", members: 120, chair: "张一", certificate: "2019-1-0003"),
            .init(unitName: "乙公司工会", tierID: "three-star", members: 50, chair: "李二", certificate: "2019-2-0001"),
            .init(unitName: "丙公司工会", tierID: "five-star", members: 51, chair: "王三", certificate: "2019-3-0002"),
            .init(unitName: "丁公司工会", tierID: "gone", members: 51, chair: "赵四", certificate: "2019-9-0004"),
        ]
        // act
        let rows = RewardsList.rows(named, scheme: yizheng)
        // check
        #expect(rows.map(\.named.unitName) == ["丙公司工会", "乙公司工会", "甲公司工会"])
        #expect(rows.map { $0.reward?.amount } == [Points("10000"), Points("3000"), Points("2000")])
        #expect(rows[1].reward?.reductions == ["会员人数50人以下的奖励经费减半"])
        #expect(RewardsList.total(rows) == Points("15000"))
        // Yizheng's five-star honour (推荐申报扬州市五一劳动奖状) goes with the five-star unit.
        #expect(RewardsList.honours(rows).map(\.unitName) == ["丙公司工会"])
    }

    /// 威海市总工会将同时授予获评五星级“活力基层工会”的单位工会主席…“威海市优秀工会主席”荣誉称号; no money.
    @Test func rushanFiveStarChairIsHonoured() {
        let named: [RewardsList.Named] = [
            .init(unitName: "甲公司工会", tierID: "five-star", members: 300, chair: "张一", certificate: "2020-3-0001"),
            .init(unitName: "乙公司工会", tierID: "four-star", members: 30, chair: "李二", certificate: "2020-2-0002"),
        ]
        let rows = RewardsList.rows(named, scheme: rushan)
        #expect(rows.allSatisfy { $0.reward == nil })
        #expect(RewardsList.total(rows) == .zero)
        let honours = RewardsList.honours(rows)
        #expect(honours.count == 1)
        #expect(honours.first?.person == "张一")
        #expect(honours.first?.honour.zh.contains("威海市优秀工会主席") == true)
        #expect(honours.first?.honour.en.contains("Outstanding Union Chair of Weihai") == true)
    }

    @Test func spreadsheetHasAHeaderABOMAndGuardedCells() throws {
        let rows = RewardsList.rows([.init(unitName: "=HYPERLINK(1)", tierID: "three-star", members: 40, chair: "李二",
                                           certificate: "2019-2-0001")], scheme: yizheng)
        let data = RewardsList.csv(rows, language: .zh)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        let lines = text.split(whereSeparator: \.isNewline)
        #expect(lines.first == "单位,星级,会员人数,工会主席,证书编号,标准（元）,应发（元）,减发依据,荣誉")
        #expect(lines.last == "'=HYPERLINK(1),三星级,40,李二,2019-2-0001,6000,3000,会员人数50人以下的奖励经费减半,")
    }

    @Test(arguments: [(2020, 3, 7, "2020-3-0007"), (2019, 1, 12345, "2019-1-12345"), (2019, 2, 1, "2019-2-0001")])
    func certificateNumbers(year: Int, rank: Int, sequence: Int, expected: String) {
        #expect(Certificate.number(year: year, tierRank: rank, sequence: sequence) == expected)
    }
}
