import Foundation
import Testing
@testable import UnionStarCore

@Suite struct SchemeLoadingTests {
    let enterpriseYAML = try! String(contentsOf: repositoryRoot.appendingPathComponent("Resources/Schemes/rushan-2020-enterprise.yaml"), encoding: .utf8)

    @Test func builtInSchemesLoad() {
        #expect(builtInSchemes.keys.sorted() == ["rushan-2020-enterprise", "rushan-2020-regional", "yizheng-2019-chair", "yizheng-2019-union"])
    }

    @Test func rushanStructureMatchesTheSeed() {
        let enterprise = builtInSchemes["rushan-2020-enterprise"]!
        #expect(enterprise.items.count == 20)
        #expect(enterprise.sections.map(\.max) == [20, 30, 22, 14, 14])
        #expect(enterprise.sections.map { $0.items.count } == [5, 4, 4, 3, 4])
        #expect(enterprise.items.map(\.max) == [5, 5, 4, 2, 4, 9, 12, 3, 6, 8, 6, 6, 2, 2, 6, 6, 5, 4, 4, 1].map { Points($0) })
        let regional = builtInSchemes["rushan-2020-regional"]!
        #expect(regional.items.count == 14)
        #expect(regional.sections.map(\.max) == [20, 40, 40])
        #expect(regional.items.map(\.max) == [5, 5, 5, 5, 4, 18, 6, 6, 6, 10, 8, 8, 8, 6].map { Points($0) })
        for scheme in [enterprise, regional] {
            #expect(scheme.tiers.map(\.name) == ["三星级", "四星级", "五星级"])
            #expect(scheme.tiers.map(\.minimum) == [70, 80, 90])
            #expect(scheme.tiers.map(\.acceptedBy) == [.county, .county, .prefecture])
            #expect(scheme.vetoes.count == 3)
        }
        #expect(enterprise.appliesTo == ["enterprise", "hospital", "school"])
    }

    @Test func yizhengStructureMatchesTheNotice() {
        let union = builtInSchemes["yizheng-2019-union"]!
        let chair = builtInSchemes["yizheng-2019-chair"]!
        #expect(union.sections.count == 7)
        #expect(chair.sections.count == 5)
        for scheme in [union, chair] {
            #expect(scheme.placeholder)
            #expect(scheme.tiers.map(\.name) == ["星级（达标级）", "三星级", "五星级"])
            #expect(scheme.tiers.map(\.minimum) == [85, 90, 95])
            #expect(scheme.reReview?.scoreAtMost == 80)
            #expect(scheme.reReview?.lastPlaces == 3)
        }
        #expect(union.rewards?.amounts.map(\.yuan) == [2000, 6000, 10000])
        #expect(union.sections.map(\.title) == ["工会班子建设强", "职工队伍素质高", "工会工作制度全", "维权机制建设好", "服务职工办事实", "工会工作特色明", "会员满意绩效优"])
        #expect(chair.sections.map(\.title) == ["带头自觉学习", "模范服务职工", "致力工作创新", "敢于依法维权", "会员职工满意"])
    }

    /// Loads the enterprise file with one edit and returns the error it gives.
    func error(replacing old: String, with new: String) -> SchemeError? {
        #expect(enterpriseYAML.contains(old), "the edit must apply")
        do {
            _ = try SchemeLoader.load(yaml: enterpriseYAML.replacingOccurrences(of: old, with: new), file: "broken.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownFactIsRefusedNamingFileAndItem() throws {
        let e = try #require(error(replacing: "when: {fact: innovation_studio, is: false}\n            label: ③", with: "when: {fact: studio, is: false}\n            label: ③"))
        #expect(e.location == .item(7))
        #expect(e.message(in: .en) == "broken.yaml: item 7: rule 3 reads unknown fact 'studio'")
        #expect(e.message(in: .zh).hasPrefix("broken.yaml: 第7项:"))
    }

    @Test func itemsThatDoNotAddUpToTheirSectionAreRefused() throws {
        let e = try #require(error(replacing: "      - number: 7\n        max: 12", with: "      - number: 7\n        max: 13"))
        #expect(e.location == .section("促进发展有力"))
        #expect(e.message(in: .en).contains("add up to 31, not to its max 30"))
    }

    @Test func sectionsThatDoNotAddUpTo100AreRefused() throws {
        let e = try #require(error(replacing: "total: 100", with: "total: 99"))
        #expect(e.message(in: .en) == "broken.yaml: the sections add up to 100, not to the total 99")
    }

    @Test func ruleOnTheWrongKindOfFactIsRefused() throws {
        let e = try #require(error(replacing: "kind: perEvent\n            fact: competitions", with: "kind: perEvent\n            fact: company_form"))
        #expect(e.location == .item(6))
        #expect(e.message(in: .en).contains("cannot read the boolean fact 'company_form'"))
    }

    @Test func unknownSettingIsRefused() throws {
        let e = try #require(error(replacing: "partial: membership_shortfall_partial", with: "partial: nowhere"))
        #expect(e.location == .item(5))
    }

    @Test func duplicateFactIsRefused() throws {
        let e = try #require(error(replacing: "- id: cadres_qualified", with: "- id: company_form"))
        #expect(e.location == .item(1))
        #expect(e.message(in: .en).contains("fact 'company_form' is defined twice"))
    }

    @Test func tiersOutOfOrderAreRefused() throws {
        let e = try #require(error(replacing: "minimum: 80", with: "minimum: 60"))
        #expect(e.location == .tier("four-star"))
    }

    @Test func accrualBeyondTheItemsMaxIsRefused() throws {
        let e = try #require(error(replacing: "cap: 9", with: "cap: 10"))
        #expect(e.location == .item(6))
    }

    @Test func malformedItemIsNamedByItsNumber() throws {
        let e = try #require(error(replacing: "        quantification: 每缺一项扣0.5分，扣完为止。\n", with: ""))
        #expect(e.location == .item(4))
        #expect(e.message(in: .en).contains("missing field 'quantification'"))
    }

    @Test func unknownChecklistElementInAConditionIsRefused() throws {
        let e = try #require(error(replacing: "element: home_visits, is: false", with: "element: visits, is: false"))
        #expect(e.location == .item(17))
        #expect(e.message(in: .en).contains("unknown element 'visits'"))
    }

    @Test func aNoteWithoutItsEnglishIsRefused() throws {
        let e = try #require(error(replacing: "    noteEn: Item 11 asks for 职工董事和职工监事制度 only of company-form enterprises.\n", with: ""))
        #expect(e.location == .fact("company_form"))
        #expect(e.message(in: .en).contains("needs both `note` (Chinese) and `noteEn` (English)"))
    }

    @Test func anEnglishNoteWhereChineseBelongsIsRefused() throws {
        let e = try #require(error(replacing: "    note: 第11项只要求公司制企业建立职工董事和职工监事制度。", with: "    note: Only company-form enterprises."))
        #expect(e.location == .fact("company_form"))
        #expect(e.message(in: .en).contains("`note` must be Chinese"))
    }

    @Test func aSeedStepWithoutItsQuoteIsRefused() throws {
        let e = try #require(error(replacing: "      quote: 9月份，乳山市总工会将根据各单位申报情况进行督导检查\n", with: ""))
        #expect(e.location == .timeline)
        #expect(e.message(in: .en).contains("step 'inspection' is marked seed and needs the seed's words in `quote`"))
    }

    @Test func aDefaultStepWithoutItsReasonIsRefused() throws {
        let e = try #require(error(replacing: "      origin: seed\n      quote: 9月份", with: "      origin: default\n      quote: 9月份"))
        #expect(e.location == .timeline)
        #expect(e.message(in: .en).contains("step 'inspection' is marked default and needs `note`/`noteEn` saying why"))
    }

    @Test func aStepWithoutOriginIsRefused() throws {
        let e = try #require(error(replacing: "      origin: seed\n      quote: 9月份", with: "      quote: 9月份"))
        #expect(e.message(in: .en).contains("origin"))
    }

    @Test func aNoticeWithDatesIsRefused() throws {
        let e = try #require(error(replacing: "      workingDays: 5\n", with: "      workingDays: 5\n      by: \"08-25\"\n"))
        #expect(e.message(in: .en).contains("step 'unit-notice' is a notice in working days and takes no from/by"))
    }

    @Test func aTimelineThatCannotHappenInOrderIsRefusedAtLoad() throws {
        // The review's case: the congress decision and then a 5-working-day notice cannot both
        // precede an application due on the same day as the decision.
        let e = try #require(error(replacing: "      by: \"08-20\"\n", with: "      by: \"08-31\"\n"))
        #expect(e.location == .timeline)
        #expect(e.message(in: .zh).contains("apply"))
    }

    @Test func aLabelForAKindTheSchemeIsNotForIsRefused() throws {
        let e = try #require(error(replacing: "              hospital: 院务公开制度，", with: "              regional: 院务公开制度，"))
        #expect(e.location == .item(11))
        #expect(e.message(in: .en).contains("labelByKind of 'openness_and_consultation' names 'regional'"))
    }

    @Test func aSettingNothingReadsIsRefused() throws {
        let e = try #require(error(replacing: "            floor: membership_shortfall_floor\n            share: 2\n", with: ""))
        #expect(e.location == .setting("membership_shortfall_floor"))
        #expect(e.message(in: .en).contains("no rule, fact or veto reads this setting"))
    }

    @Test func aSettingConditionOnAnUnknownOptionIsRefused() throws {
        let e = try #require(error(replacing: "{setting: childcare_without_need, equals: point}", with: "{setting: childcare_without_need, equals: always}"))
        #expect(e.location == .item(20))
        #expect(e.message(in: .en).contains("unknown option 'always' of setting 'childcare_without_need'"))
    }

    @Test func aFloorWithoutAShareIsRefused() throws {
        let e = try #require(error(replacing: "            share: 2\n", with: ""))
        #expect(e.location == .item(5))
        #expect(e.message(in: .en).contains("needs `floor` and `share` together"))
    }

    @Test func aSettingWithoutEnglishLabelsIsRefused() throws {
        let e = try #require(error(replacing: "        labelEn: it may take all 4 points of the item\n", with: ""))
        #expect(e.message(in: .en).contains("missing field 'labelEn'"))
    }

    @Test func aBrokenFileInTheFolderStopsTheWholeLoad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemes-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try enterpriseYAML.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try enterpriseYAML.replacingOccurrences(of: "cap: 9", with: "cap: 10")
            .replacingOccurrences(of: "id: rushan-2020-enterprise", with: "id: other")
            .write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: SchemeError(file: "b.yaml", location: .item(6), reason: LocalizedText(
            zh: "第1条规则（perEvent）需要 0 至本项分值之间的 cap", en: "rule 1 (perEvent) needs a `cap` above 0 and at most the item's max"))) {
            try SchemeLoader.loadDirectory(folder)
        }
    }
}

/// Enterprise 11: hospital and school unions read 院务/校务公开 where enterprises read 厂务公开.
@Suite struct LabelByKindTests {
    let checklist = builtInSchemes["rushan-2020-enterprise"]!.allFacts.first { $0.id == "openness_and_consultation" }!

    @Test(arguments: [
        (UnionKind?.none, "厂务、院（校）务公开制度（公开及时真实，公开档案资料齐全）"),
        (.enterprise, "厂务公开制度（公开及时真实，公开档案资料齐全）"),
        (.hospital, "院务公开制度（公开及时真实，公开档案资料齐全）"),
        (.school, "校务公开制度（公开及时真实，公开档案资料齐全）"),
        (.regional, "厂务、院（校）务公开制度（公开及时真实，公开档案资料齐全）"),
    ] as [(UnionKind?, String)])
    func opennessElementByKind(kind: UnionKind?, label: String) throws {
        let element = try #require(checklist.elements?.first { $0.id == "factory_affairs_openness" })
        #expect(element.label(for: kind) == label)
    }

    @Test(arguments: [
        (UnionKind?.none, "厂务、院（校）务公开制度，沟通协商机制，职工董事和职工监事制度"),
        (.enterprise, "厂务公开制度，沟通协商机制，职工董事和职工监事制度"),
        (.hospital, "院务公开制度，沟通协商机制，职工董事和职工监事制度"),
        (.school, "校务公开制度，沟通协商机制，职工董事和职工监事制度"),
    ] as [(UnionKind?, String)])
    func opennessFactByKind(kind: UnionKind?, label: String) {
        #expect(checklist.label(for: kind) == label)
    }

    @Test func factsWithoutKindLabelsReadTheSameForEveryKind() throws {
        let fact = try #require(builtInSchemes["rushan-2020-enterprise"]!.allFacts.first { $0.id == "company_form" })
        #expect(UnionKind.allCases.allSatisfy { fact.label(for: $0) == "公司制企业" })
    }
}
