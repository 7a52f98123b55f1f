import Testing
@testable import UnionStarCore

private func path(_ ids: String...) -> TreePath { TreePath(ids: ids) }

/// 威海 → 乳山 → 夏村镇 → (a nested park union) → 甲公司工会; 乳山 runs the campaign.
private let levels: [String: OrganisationLevel] = [
    "weihai": .prefecture, "rushan": .county, "xiacun": .subFederation, "park": .subFederation,
    "jia": .grassroots, "direct": .grassroots,
]
private let owner = path("weihai", "rushan")

@Suite struct EndorsementChainTests {
    @Test(arguments: [
        // Under a town: the town endorses.
        (path("weihai", "rushan", "xiacun", "jia"), [path("weihai", "rushan", "xiacun")]),
        // Under a park union inside the town: the park first, then the town.
        (path("weihai", "rushan", "xiacun", "park", "jia"), [path("weihai", "rushan", "xiacun", "park"), path("weihai", "rushan", "xiacun")]),
        // Straight under the county federation (省市驻乳单位): nobody in between.
        (path("weihai", "rushan", "direct"), []),
        // Outside the campaign's subtree: nothing.
        (path("weihai", "wendeng", "x", "jia"), []),
    ] as [(TreePath, [TreePath])])
    func subFederationsNearestFirst(unit: TreePath, expected: [TreePath]) {
        #expect(EndorsementChain.of(unit: unit, owner: owner, levels: levels).endorsers == expected)
    }

    @Test func aCampaignRunByThePrefectureSkipsTheCounty() {
        // The county is a federation, not a sub-federation: it does not endorse in this chain.
        let chain = EndorsementChain.of(unit: path("weihai", "rushan", "xiacun", "jia"), owner: path("weihai"), levels: levels)
        #expect(chain.endorsers == [path("weihai", "rushan", "xiacun")])
    }

    @Test func theNextEndorserIsTheNearestThatHasNot() {
        let chain = EndorsementChain.of(unit: path("weihai", "rushan", "xiacun", "park", "jia"), owner: owner, levels: levels)
        #expect(chain.next(endorsed: []) == path("weihai", "rushan", "xiacun", "park"))
        #expect(chain.next(endorsed: [path("weihai", "rushan", "xiacun", "park")]) == path("weihai", "rushan", "xiacun"))
        #expect(chain.next(endorsed: Set(chain.endorsers)) == nil)
    }
}

@Suite struct ConflictOfInterestTests {
    static let unit = path("weihai", "rushan", "xiacun", "jia")

    @Test(arguments: [
        (Optional(path("weihai", "rushan", "xiacun", "jia")), Optional(Conflict.ownUnit)),
        (path("weihai", "rushan", "xiacun"), .endorsingBody(path("weihai", "rushan", "xiacun"))),
        // The federation that runs the campaign, and the prefecture above it, inspect.
        (path("weihai", "rushan"), nil),
        (path("weihai"), nil),
        // Another union, another town: no tie.
        (path("weihai", "rushan", "xiacun", "yi"), nil),
        (path("weihai", "rushan", "rushankou"), nil),
        // An account homed nowhere (a provincial inspector, say).
        (nil, nil),
    ] as [(TreePath?, Conflict?)])
    func belongingToTheUnitOrAnEndorserIsAConflict(home: TreePath?, expected: Conflict?) {
        #expect(ConflictOfInterest.check(home: home, declared: [], unit: Self.unit, owner: owner) == expected)
    }

    @Test func aDeclaredConflictIsOneWhereverTheAccountIsHomed() {
        let declared = [(unit: Self.unit, reason: "配偶在该单位任职")]
        #expect(ConflictOfInterest.check(home: path("weihai"), declared: declared, unit: Self.unit, owner: owner) == .declared("配偶在该单位任职"))
        #expect(ConflictOfInterest.check(home: path("weihai"), declared: declared, unit: path("weihai", "rushan", "xiacun", "yi"), owner: owner) == nil)
        #expect(Conflict.declared("配偶在该单位任职").message.zh == "考核人员已申报与该单位存在利害关系（配偶在该单位任职），须回避。")
    }
}

@Suite struct SampleDrawTests {
    static let candidates = (1...20).map { "unit-\($0)" }

    @Test func theSameSeedDrawsTheSameUnitsWhateverTheOrderListed() {
        let first = SampleDraw.draw(Self.candidates, count: 5, seed: 20_191_115)
        #expect(first.count == 5 && Set(first).count == 5 && Set(first).isSubset(of: Set(Self.candidates)))
        #expect(SampleDraw.draw(Self.candidates.reversed(), count: 5, seed: 20_191_115) == first)
        #expect(SampleDraw.draw(Self.candidates + Self.candidates, count: 5, seed: 20_191_115) == first, "a unit listed twice is one candidate")
        #expect(SampleDraw.draw(Self.candidates, count: 5, seed: 20_191_116) != first)
    }

    /// The draw is pinned: a change to the algorithm would change every recorded draw, so it fails here.
    @Test func aRecordedDrawRepeats() {
        #expect(SampleDraw.draw(["a", "b", "c", "d", "e", "f"], count: 3, seed: 42) == SampleDraw.draw(["f", "e", "d", "c", "b", "a"], count: 3, seed: 42))
        var random = SplitMix64(seed: 0)
        // SplitMix64's published first output for seed 0.
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test(arguments: [(0, 0), (3, 3), (20, 20), (25, 20), (-1, 0)])
    func countIsClampedToTheCandidates(count: Int, drawn: Int) {
        #expect(SampleDraw.draw(Self.candidates, count: count, seed: 7).count == drawn)
    }

    @Test func everyCandidateCanBeDrawn() {
        var seen = Set<String>()
        for seed in UInt64(0)..<200 { seen.formUnion(SampleDraw.draw(Self.candidates, count: 1, seed: seed)) }
        #expect(seen == Set(Self.candidates))
    }
}

@Suite struct InspectionScoresTests {
    static func score(_ who: String, _ total: String, _ items: [String: String]) -> InspectorScore {
        InspectorScore(inspector: who, total: Points(total), items: items.mapValues { Points($0) })
    }
    static let selfItems: [String: Points] = ["1": Points(5), "2": Points(6)]

    @Test func theMeanOfTwoAndTheSpread() {
        let combined = InspectionScores.combine([Self.score("a", "86.5", ["1": "5", "2": "4"]), Self.score("b", "87", ["1": "4", "2": "5"])],
                                                rule: .mean, selfItems: Self.selfItems)
        #expect(combined.total == Points("86.75") && combined.spread == Points("0.5"))
        #expect(combined.items == ["1": Points("4.5"), "2": Points("4.5")])
        #expect(combined.deviations == ["1": Points("-0.5"), "2": Points("-1.5")])
        #expect(combined.problem == nil)
    }

    @Test(arguments: [
        (["85", "86", "86"], "85.67"),   // 85.666… rounds up
        (["85", "85", "86"], "85.33"),   // 85.333… rounds down
        (["90", "90.01"], "90.01"),      // 90.005 rounds half away from zero
        (["88"], "88"),
    ])
    func meansAreRoundedToHundredths(totals: [String], expected: String) {
        let scores = totals.enumerated().map { Self.score("i\($0.offset)", $0.element, [:]) }
        #expect(InspectionScores.combine(scores, rule: .mean, selfItems: [:]).total == Points(expected))
    }

    @Test func agreedScoresMustBeTheSame() {
        let apart = InspectionScores.combine([Self.score("a", "86", ["1": "5"]), Self.score("b", "87", ["1": "5"])], rule: .agreed, selfItems: Self.selfItems)
        #expect(apart.total == nil && apart.spread == Points(1))
        #expect(apart.problem?.zh == "考核人员评分不一致（相差1分），须协商一致后给出同一评分。")
        let agreed = InspectionScores.combine([Self.score("a", "86", ["1": "5", "2": "6"]), Self.score("b", "86", ["1": "5", "2": "6"])],
                                              rule: .agreed, selfItems: Self.selfItems)
        #expect(agreed.total == Points(86) && agreed.spread == .zero && agreed.deviations.isEmpty)
    }

    @Test func noScoresNoTotal() {
        let none = InspectionScores.combine([], rule: .mean, selfItems: [:])
        #expect(none.total == nil && none.problem == Strings.Review.noScores)
    }
}

@Suite struct TierAcceptanceTests {
    static let rushan = builtInSchemes["rushan-2020-enterprise"]!.tiers
    static let yizheng = builtInSchemes["yizheng-2019-union"]!.tiers

    /// Rushan: 三星 70, 四星 80, 五星 90 (以上, inclusive), at most the tier applied for.
    @Test(arguments: [
        ("92", false, "five-star", Optional("five-star")),
        ("92", false, "four-star", "four-star"),     // not above what was applied for and published
        ("89.99", false, "five-star", "four-star"),
        ("80", false, "five-star", "four-star"),
        ("70", false, "four-star", "three-star"),
        ("69.99", false, "three-star", nil),
        ("95", true, "five-star", nil),             // a veto: no tier
    ] as [(String, Bool, String, String?)])
    func rushanComputedTier(inspected: String, vetoed: Bool, applied: String, expected: String?) {
        #expect(TierAcceptance.computed(inspected: Points(inspected), vetoed: vetoed, applied: applied, tiers: Self.rushan) == expected)
    }

    /// Yizheng: 星级 85, 三星级 90, 五星级 95.
    @Test(arguments: [("95", "five-star", Optional("five-star")), ("94.5", "five-star", "three-star"), ("85", "three-star", "star"), ("84.9", "star", nil)]
          as [(String, String, String?)])
    func yizhengComputedTier(inspected: String, applied: String, expected: String?) {
        #expect(TierAcceptance.computed(inspected: Points(inspected), vetoed: false, applied: applied, tiers: Self.yizheng) == expected)
    }

    /// Rushan: 三星、四星工会由乳山市总工会进行考核验收，五星工会由威海市总工会进行考核验收. Yizheng:
    /// 星级和三星级的考核由市总工会组织开展 … 五星级单位直接由扬州市总工会进行考核验收.
    @Test func whoDecides() {
        #expect(TierAcceptance.decidingLevel(decided: "four-star", applied: "five-star", tiers: Self.rushan) == .county)
        #expect(TierAcceptance.decidingLevel(decided: "five-star", applied: "five-star", tiers: Self.rushan) == .prefecture)
        #expect(TierAcceptance.decidingLevel(decided: nil, applied: "five-star", tiers: Self.rushan) == .prefecture)
        #expect(TierAcceptance.decidingLevel(decided: "three-star", applied: "three-star", tiers: Self.yizheng) == .county)
        #expect(TierAcceptance.decidingLevel(decided: "five-star", applied: "five-star", tiers: Self.yizheng) == .prefecture)
    }

    @Test(arguments: [
        (Optional("four-star"), Optional("four-star"), "four-star", false, "", Optional<LocalizedText>.none),
        ("three-star", "four-star", "four-star", false, "", Strings.Review.reasonNeeded),
        ("three-star", "four-star", "four-star", false, "台账不全，经研究降为三星。", nil),
        (nil, "three-star", "three-star", false, "", Strings.Review.reasonNeeded),
        ("five-star", "four-star", "four-star", false, "表现突出", Strings.Review.aboveApplied(LocalizedText(zh: "四星级", en: "Four-star"))),
        ("four-star", nil, "four-star", true, "有理由", Strings.Review.vetoedNoTier),
        (nil, nil, "four-star", true, "", nil),
        ("six-star", "four-star", "four-star", false, "x", Strings.Review.unknownTier),
    ] as [(String?, String?, String, Bool, String, LocalizedText?)])
    func aDifferentTierNeedsAReason(decided: String?, computed: String?, applied: String, vetoed: Bool, reason: String, expected: LocalizedText?) {
        #expect(TierAcceptance.problem(decided: decided, computed: computed, applied: applied, vetoed: vetoed, reason: reason,
                                       tiers: Self.rushan) == expected)
    }
}

@Suite struct InspectionRecordTests {
    static let items = builtInSchemes["rushan-2020-enterprise"]!.items
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
    /// Every item at its maximum but the first at 3.5, on 2020-09-10, by briefing and records.
    static func input(_ change: (inout InspectionRecord.Input) -> Void = { _ in }) -> InspectionRecord.Input {
        var scores = Dictionary(uniqueKeysWithValues: items.map { ($0.number, $0.max.description) })
        scores[1] = "3.5"
        var input = InspectionRecord.Input(visitedOn: "2020-09-10", methods: ["briefing", "records"], peopleMet: "工会主席王丽、职工代表5人",
                                           findings: "台账齐全；职工书屋开放时间不固定。", items: scores)
        change(&input)
        return input
    }
    static func parse(_ input: InspectionRecord.Input) -> Result<InspectionRecord, FieldErrors> {
        InspectionRecord.parse(input, items: items, today: day("2020-09-15"), opens: day("2020-09-01"))
    }

    @Test func aWholeRecordTotalsItsItems() throws {
        let record = try Self.parse(Self.input()).get()
        #expect(record.visitedOn == Self.day("2020-09-10") && record.methods == [.briefing, .records])
        #expect(record.items["1"] == Points("3.5") && record.total == Points("98.5"))
    }

    @Test(arguments: [
        ("visitedOn", "2020-09-16", "考核日期不能晚于今天。"),
        ("visitedOn", "2020-08-31", "考核日期不能早于督导检查开始日2020年9月1日。"),
        ("visitedOn", "9月10日", "考核日期格式应为 YYYY-MM-DD。"),
        ("methods", "", "请至少选择一种考核方式。"),
        ("methods", "dinner", "请至少选择一种考核方式。"),
        ("peopleMet", " ", "请填写此项。"),
        ("findings", String(repeating: "查", count: 2_001), "不超过2000字（现为2001字）。"),
        ("item-1", "", "请为此项评分。"),
        ("item-1", "5.5", "评分应在0到5分之间，最多两位小数。"),
        ("item-1", "-1", "评分应在0到5分之间，最多两位小数。"),
        ("item-1", "4.125", "评分应在0到5分之间，最多两位小数。"),
        ("item-1", "四", "评分应在0到5分之间，最多两位小数。"),
    ])
    func eachProblemNamesItsField(field: String, value: String, message: String) {
        let input = Self.input { input in
            switch field {
            case "visitedOn": input.visitedOn = value
            case "methods": input.methods = value.isEmpty ? [] : [value]
            case "peopleMet": input.peopleMet = value
            case "findings": input.findings = value
            default: input.items[1] = value
            }
        }
        guard case .failure(let errors) = Self.parse(input) else { Issue.record("accepted \(field)=\(value)"); return }
        #expect(errors[field]?.zh == message)
        #expect(errors.errors.count == 1, "only \(field) is wrong")
    }

    @Test func theEdgesAreScores() throws {
        #expect(try Self.parse(Self.input { $0.items[1] = "0" }).get().items["1"] == .zero)
        #expect(try Self.parse(Self.input { $0.items[1] = "5" }).get().items["1"] == Points(5))
        #expect(try Self.parse(Self.input { $0.items[1] = "4.25"; $0.visitedOn = "2020-09-15" }).get().items["1"] == Points("4.25"))
    }
}
