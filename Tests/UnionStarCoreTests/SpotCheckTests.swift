import Foundation
import Testing
@testable import UnionStarCore

/// 抽查: which tiers the prefecture spot-checks, the sample size and seed as typed, the published
/// population, and the draw itself pinned against an independent implementation of the
/// algorithm the public page documents (computed in Python from the page's words).
@Suite struct SpotCheckTests {
    @Test func yizhengsPrefectureSpotChecksThreeStarOnly() {
        // 扬州市总工会将根据上报情况对部分三星级单位进行抽查。
        #expect(SpotCheck.tiers(builtInSchemes["yizheng-2019-union"]!.tiers, checkedBy: .prefecture).map(\.id) == ["three-star"])
        #expect(SpotCheck.tiers(builtInSchemes["yizheng-2019-union"]!.tiers, checkedBy: .county).isEmpty)
        #expect(SpotCheck.tiers(builtInSchemes["rushan-2020-enterprise"]!.tiers, checkedBy: .prefecture).isEmpty, "Rushan names no spot check")
    }

    @Test(arguments: [
        ("1", "", 5, SpotCheck.Request(size: 1, seed: nil)),
        ("5", "", 5, SpotCheck.Request(size: 5, seed: nil)),
        (" 3 ", " 42 ", 5, SpotCheck.Request(size: 3, seed: 42)),
        ("2", "0", 5, SpotCheck.Request(size: 2, seed: 0)),
        ("2", "18446744073709551615", 5, SpotCheck.Request(size: 2, seed: .max)),
    ])
    func aSizeFromOneToThePopulationAndAnyUInt64Seed(size: String, seed: String, population: Int, expected: SpotCheck.Request) throws {
        #expect(try SpotCheck.parse(size: size, seed: seed, population: population).get() == expected)
    }

    @Test(arguments: [
        ("0", "", 5, "size", "样本量应为1至5之间的整数。"),
        ("6", "", 5, "size", "样本量应为1至5之间的整数。"),
        ("-1", "", 5, "size", "样本量应为1至5之间的整数。"),
        ("2.5", "", 5, "size", "样本量应为1至5之间的整数。"),
        ("", "", 5, "size", "样本量应为1至5之间的整数。"),
        ("三", "", 5, "size", "样本量应为1至5之间的整数。"),
        ("1", "", 0, "size", "尚无确定为该星级的单位，无从抽取。"),
        ("1", "18446744073709551616", 5, "seed", "随机种子应为0至18446744073709551615之间的整数（只写数字），或留空由系统生成。"),
        ("1", "-1", 5, "seed", "随机种子应为0至18446744073709551615之间的整数（只写数字），或留空由系统生成。"),
        ("1", "+7", 5, "seed", "随机种子应为0至18446744073709551615之间的整数（只写数字），或留空由系统生成。"),
        ("1", "0x2A", 5, "seed", "随机种子应为0至18446744073709551615之间的整数（只写数字），或留空由系统生成。"),
        ("1", "１２", 5, "seed", "随机种子应为0至18446744073709551615之间的整数（只写数字），或留空由系统生成。"),
    ])
    func eachProblemNamesItsField(size: String, seed: String, population: Int, field: String, message: String) {
        guard case .failure(let errors) = SpotCheck.parse(size: size, seed: seed, population: population) else {
            Issue.record("accepted size \(size), seed \(seed)")
            return
        }
        #expect(errors[field]?.zh == message)
        #expect(errors.errors.count == 1)
    }

    @Test func thePublishedPopulationReadsBackInTheDrawsOrder() {
        let units = [(id: "c3", name: "丙公司工会"), (id: "a1", name: "甲公司工会"), (id: "b2", name: "乙公司\n工会")]
        let text = SpotCheck.populationText(units, heading: "总体")
        #expect(text == "# 总体\na1\t甲公司工会\nb2\t乙公司 工会\nc3\t丙公司工会\n")
        #expect(SpotCheck.ids(inPopulationText: text) == ["a1", "b2", "c3"])
        #expect(SpotCheck.ids(inPopulationText: "\n  x9  \n#note\nb2\tname\r\n\n") == ["x9", "b2"])
    }

    /// The numbers come from a Python implementation written from the public page's description of
    /// the algorithm alone: sorted ids, SplitMix64, Fisher–Yates with rejection sampling.
    @Test(arguments: [
        ((1...20).map { "unit-\($0)" }, 5, UInt64(20_191_115), ["unit-15", "unit-4", "unit-16", "unit-10", "unit-1"]),
        (["a", "b", "c", "d", "e", "f"], 3, UInt64(42), ["b", "c", "e"]),
        ((1...20).map { "unit-\($0)" }, 3, UInt64.max, ["unit-6", "unit-11", "unit-5"]),
    ])
    func theDrawIsTheDocumentedAlgorithm(population: [String], size: Int, seed: UInt64, expected: [String]) {
        #expect(SampleDraw.draw(population, count: size, seed: seed) == expected)
        #expect(SampleDraw.draw(population.reversed(), count: size, seed: seed) == expected)
    }
}
