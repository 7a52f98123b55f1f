import Testing
@testable import UnionStarCore

@Suite struct TierLadderTests {
    static let yizheng = builtInSchemes["yizheng-2019-union"]!
    static let rushan = builtInSchemes["rushan-2020-enterprise"]!

    /// 表彰原则上为逐级表彰: none held → 星级 only; 星级 → up to 三星级; 三星级 or 五星级 → all.
    @Test(arguments: [
        (nil, ["star"]),
        ("star", ["star", "three-star"]),
        ("three-star", ["star", "three-star", "five-star"]),
        ("five-star", ["star", "three-star", "five-star"]),
    ] as [(String?, [String])])
    func yizhengOpensOneTierAboveTheOneHeld(held: String?, open: [String]) {
        #expect(TierLadder.open(Self.yizheng.tiers, held: held, policy: Self.yizheng.awarding).map(\.id) == open)
    }

    @Test func theChairSchemeAwardsTierByTierToo() {
        let chair = builtInSchemes["yizheng-2019-chair"]!
        #expect(chair.awarding?.tierByTier == true)
        #expect(TierLadder.open(chair.tiers, held: nil, policy: chair.awarding).map(\.id) == ["star"])
    }

    @Test func rushanOpensEveryTier() {
        // Rushan names the tier the score reaches, whatever the unit held.
        #expect(Self.rushan.awarding == nil)
        #expect(TierLadder.open(Self.rushan.tiers, held: nil, policy: nil).map(\.id) == ["three-star", "four-star", "five-star"])
        #expect(TierLadder.explanation(tiers: Self.rushan.tiers, held: nil, policy: nil) == nil)
    }

    @Test func theRefusalSaysWhatIsHeldAndWhatIsOpen() {
        let none = TierLadder.refusal("three-star", tiers: Self.yizheng.tiers, held: nil, policy: Self.yizheng.awarding)
        #expect(none?.zh == "表彰原则上为逐级表彰：本单位尚未获评星级，本次只能申报星级（达标级）。")
        let star = TierLadder.refusal("five-star", tiers: Self.yizheng.tiers, held: "star", policy: Self.yizheng.awarding)
        #expect(star?.zh == "表彰原则上为逐级表彰：本单位现为星级（达标级），本次最高可申报三星级。")
        #expect(TierLadder.refusal("three-star", tiers: Self.yizheng.tiers, held: "star", policy: Self.yizheng.awarding) == nil)
        #expect(TierLadder.explanation(tiers: Self.yizheng.tiers, held: "three-star", policy: Self.yizheng.awarding) == nil)
    }
}
