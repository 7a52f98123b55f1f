import Testing
@testable import UnionStarCore

/// Where a seed's words read more than one way, the scheme's setting decides; every option of every
/// setting is scored here, from the fully compliant answers with only the named changes.
@Suite struct SchemeSettingTests {
    static let E = "rushan-2020-enterprise"
    static let R = "rushan-2020-regional"

    func scorer(_ id: String, setting: String, to value: String) throws -> Scorer {
        var scheme = builtInSchemes[id]!
        let index = try #require(scheme.settings.firstIndex { $0.id == setting })
        #expect(scheme.settings[index].optionIDs.contains(value))
        scheme.settings[index].value = value
        return try Scorer(scheme)
    }

    func score(_ s: Scorer, _ changes: [Change]) throws -> Assessment {
        var answers = s.templateAnswers()
        for change in changes {
            switch change {
            case .set(let f, let v): answers.facts[f] = v
            case .remove(let f): answers.facts[f] = nil
            }
        }
        return try s.assess(answers)
    }

    @Test(arguments: [
        ("membership_shortfall_partial", "whole"), ("membership_shortfall_floor", "item"), ("congress_veto_reading", "either"),
        ("casework_reading", "either"), ("childcare_without_need", "point"),
    ])
    func enterpriseDefaults(setting: String, value: String) {
        #expect(builtInSchemes[Self.E]!.setting(setting)?.value == value)
    }

    @Test(arguments: [
        ("congress_veto_reading", "either"), ("innovation_reading", "both"), ("hardship_reading", "either"),
        ("safety_veto_scope", "members_general"), ("mass_incident_veto_scope", "members"),
    ])
    func regionalDefaults(setting: String, value: String) {
        #expect(builtInSchemes[Self.R]!.setting(setting)?.value == value)
    }

    // 5① 入会率每少一个百分点扣1分
    @Test(arguments: [
        ("whole", "88.5", "3"), ("whole", "89", "3"), ("whole", "89.75", "4"), ("whole", "89.99", "4"), ("whole", "86.5", "1"),
        ("proportional", "88.5", "2.5"), ("proportional", "89", "3"), ("proportional", "89.75", "3.75"), ("proportional", "89.99", "3.99"),
        ("started", "88.5", "2"), ("started", "89", "3"), ("started", "89.75", "3"), ("started", "89.99", "3"),
    ])
    func membershipShortfallPartial(reading: String, rate: String, item5: String) throws {
        let s = try scorer(Self.E, setting: "membership_shortfall_partial", to: reading)
        #expect(try score(s, [percent("membership_rate", rate)]).item(5).score == Points(item5))
    }

    // 5① 扣完为止: the whole item, or ①'s share of 2 leaving ②'s 2
    @Test(arguments: [
        ("item", "87", "80.5", "1"), ("item", "86", "80.5", "0"), ("item", "70", "80.5", "0"), ("item", "86", "79", "0"), ("item", "89", "79", "1"),
        ("share", "87", "80.5", "2"), ("share", "86", "80.5", "2"), ("share", "70", "80.5", "2"), ("share", "86", "79", "0"), ("share", "89", "79", "1"),
        ("share", "88", "80.5", "2"), ("share", "90", "80.5", "4"),
    ])
    func membershipShortfallFloor(reading: String, rate: String, verified: String, item5: String) throws {
        let s = try scorer(Self.E, setting: "membership_shortfall_floor", to: reading)
        let a = try score(s, [percent("membership_rate", rate), percent("app_verified_rate", verified)])
        #expect(a.item(5).score == Points(item5))
    }

    @Test(arguments: [Self.E, Self.R])
    func congressVetoReadings(schemeID: String) throws {
        let either = try scorer(schemeID, setting: "congress_veto_reading", to: "either")
        #expect(try score(either, [no("workers_congress_held")]).vetoes.map(\.id) == ["no-congress"])
        #expect(try score(either, [no("members_congress_held")]).vetoes.map(\.id) == ["no-congress"])
        #expect(try score(either, [no("workers_congress_held"), no("members_congress_held")]).vetoes.map(\.id) == ["no-congress"])
        let both = try scorer(schemeID, setting: "congress_veto_reading", to: "both")
        #expect(try score(both, [no("workers_congress_held")]).vetoes.isEmpty)
        #expect(try score(both, [no("members_congress_held")]).vetoes.isEmpty)
        #expect(try score(both, [no("workers_congress_held"), no("members_congress_held")]).vetoes.map(\.id) == ["no-congress"])
    }

    @Test(arguments: [
        ("either", ["home_visits"], "3"), ("either", ["home_visits", "information_verified", "records_established"], "3"), ("either", [], "5"),
        ("both", ["home_visits"], "5"), ("both", ["home_visits", "information_verified"], "5"),
        ("both", ["home_visits", "information_verified", "records_established"], "3"),
    ] as [(String, [String], String)])
    func caseworkReadings(reading: String, gone: [String], item17: String) throws {
        let s = try scorer(Self.E, setting: "casework_reading", to: reading)
        let all = builtInSchemes[Self.E]!.allFacts.first { $0.id == "needy_casework" }!.elements!.map(\.id)
        let change = Change.set("needy_casework", .map(Dictionary(uniqueKeysWithValues: all.map { ($0, !gone.contains($0)) })))
        #expect(try score(s, [change]).item(17).score == Points(item17))
    }

    // 20 按需设置
    @Test(arguments: [
        ("point", [no("childcare_needed"), .remove("childcare_service")], "1"),
        ("point", [yes("childcare_needed"), yes("childcare_service")], "1"),
        ("point", [yes("childcare_needed"), no("childcare_service")], "0"),
        ("nothing", [no("childcare_needed"), .remove("childcare_service")], "0"),
        ("nothing", [yes("childcare_needed"), yes("childcare_service")], "1"),
        ("nothing", [yes("childcare_needed"), no("childcare_service")], "0"),
    ] as [(String, [Change], String)])
    func childcareWithoutNeed(reading: String, changes: [Change], item20: String) throws {
        let s = try scorer(Self.E, setting: "childcare_without_need", to: reading)
        #expect(try score(s, changes).item(20).score == Points(item20))
    }

    // Regional 7① 未开展职工创新或提合理化建议，扣4分
    @Test(arguments: [
        ("both", [no("innovation_activities")], "6"), ("both", [no("rationalization_proposals")], "6"),
        ("both", [no("innovation_activities"), no("rationalization_proposals")], "2"),
        ("either", [no("innovation_activities")], "2"), ("either", [no("rationalization_proposals")], "2"),
        ("either", [no("innovation_activities"), no("rationalization_proposals")], "2"),
    ] as [(String, [Change], String)])
    func innovationReadings(reading: String, changes: [Change], item7: String) throws {
        let s = try scorer(Self.R, setting: "innovation_reading", to: reading)
        #expect(try score(s, changes).item(7).score == Points(item7))
    }

    // Regional 12 未建立相关制度，未开展困难职工帮扶活动，此项不得分
    @Test(arguments: [
        ("either", [no("hardship_aid_system")], "0"), ("either", [no("hardship_aid_activities")], "0"),
        ("either", [no("hardship_aid_system"), no("hardship_aid_activities")], "0"),
        ("both", [no("hardship_aid_system")], "8"), ("both", [no("hardship_aid_activities")], "8"),
        ("both", [no("hardship_aid_system"), no("hardship_aid_activities")], "0"),
    ] as [(String, [Change], String)])
    func hardshipReadings(reading: String, changes: [Change], item12: String) throws {
        let s = try scorer(Self.R, setting: "hardship_reading", to: reading)
        #expect(try score(s, changes).item(12).score == Points(item12))
    }

    // Regional veto 当年发生安全生产责任事故的…不得命名: whose accidents, of which grade.
    @Test(arguments: [
        ("members_general", [], false),
        ("members_general", [yes("own_safety_liability_accident")], true),
        ("members_general", [yes("member_units_safety_accident")], true),
        ("members_general", [yes("member_units_any_safety_accident")], false),  // not asked under this reading
        ("members_any", [yes("own_safety_liability_accident")], true),
        ("members_any", [yes("member_units_safety_accident")], true),
        ("members_any", [yes("member_units_any_safety_accident")], true),
        ("members_any", [], false),
        ("union", [yes("own_safety_liability_accident")], true),
        ("union", [yes("member_units_safety_accident")], false),
        ("union", [yes("member_units_any_safety_accident")], false),
    ] as [(String, [Change], Bool)])
    func safetyVetoScope(reading: String, changes: [Change], vetoed: Bool) throws {
        let s = try scorer(Self.R, setting: "safety_veto_scope", to: reading)
        let a = try score(s, changes)
        #expect(a.vetoes.map(\.id) == (vetoed ? ["safety-accident"] : []))
        #expect(a.nameable == !vetoed)
    }

    @Test func memberUnitAccidentsStillZeroItemNineWhateverTheVetoScope() throws {
        let s = try scorer(Self.R, setting: "safety_veto_scope", to: "union")
        #expect(try score(s, [yes("member_units_safety_accident")]).item(9).score == 0)
    }

    // Regional veto 因劳动纠纷引发职工群体事件的…不得命名: whose workers.
    @Test(arguments: [
        ("members", [yes("own_labour_dispute_mass_incident")], true),
        ("members", [yes("member_units_mass_incident")], true),
        ("members", [], false),
        ("union", [yes("own_labour_dispute_mass_incident")], true),
        ("union", [yes("member_units_mass_incident")], false),  // not asked under this reading
    ] as [(String, [Change], Bool)])
    func massIncidentVetoScope(reading: String, changes: [Change], vetoed: Bool) throws {
        let s = try scorer(Self.R, setting: "mass_incident_veto_scope", to: reading)
        #expect(try score(s, changes).vetoes.map(\.id) == (vetoed ? ["mass-incident"] : []))
    }

    @Test func enterpriseVetoesAskAboutTheUnitItself() {
        let facts = builtInSchemes[Self.E]!.allFacts
        #expect(facts.first { $0.id == "safety_liability_accident" }?.label == "当年本单位发生安全生产责任事故")
        #expect(facts.first { $0.id == "labour_dispute_mass_incident" }?.label == "当年本单位职工因劳动纠纷引发职工群体事件")
    }

    @Test func settingValueOutsideItsOptionsIsRefused() {
        var scheme = builtInSchemes[Self.E]!
        scheme.settings[0].value = "sometimes"
        #expect(throws: SchemeError.self) { try Scorer(scheme) }
    }
}
