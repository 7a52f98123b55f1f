import Testing
@testable import UnionStarCore

/// Where a seed's words read two ways, the scheme's setting decides; both readings work.
@Suite struct SchemeSettingTests {
    func scorer(_ id: String, setting: String, to value: String) throws -> Scorer {
        var scheme = builtInSchemes[id]!
        let index = scheme.settings.firstIndex { $0.id == setting }!
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
        ("proportional", "88.5", "2.5"), ("whole", "88.5", "3"), ("started", "88.5", "2"),
        ("proportional", "89", "3"), ("whole", "89", "3"), ("started", "89", "3"),
        ("proportional", "89.75", "3.75"), ("whole", "89.75", "4"), ("started", "89.75", "3"),
    ])
    func membershipShortfallReadings(reading: String, rate: String, item5: String) throws {
        let s = try scorer("rushan-2020-enterprise", setting: "membership_shortfall_partial", to: reading)
        let a = try score(s, [percent("membership_rate", rate)])
        #expect(a.item(5).score == Points(item5))
    }

    @Test func hardshipReadBothNeedsBothMissing() throws {
        let s = try scorer("rushan-2020-regional", setting: "hardship_reading", to: "both")
        #expect(try score(s, [no("hardship_aid_system")]).item(12).score == 8)
        #expect(try score(s, [no("hardship_aid_system"), no("hardship_aid_activities")]).item(12).score == 0)
    }

    @Test func innovationReadBothNeedsBothMissing() throws {
        let s = try scorer("rushan-2020-regional", setting: "innovation_reading", to: "both")
        #expect(try score(s, [no("innovation_activities")]).item(7).score == 6)
        #expect(try score(s, [no("innovation_activities"), no("rationalization_proposals")]).item(7).score == 2)
    }

    @Test func congressVetoReadBoth() throws {
        let s = try scorer("rushan-2020-enterprise", setting: "congress_veto_reading", to: "both")
        #expect(try score(s, [no("workers_congress_held")]).vetoes.isEmpty)
        #expect(try score(s, [no("workers_congress_held"), no("members_congress_held")]).vetoes.map(\.id) == ["no-congress"])
    }

    @Test func caseworkReadBoth() throws {
        let s = try scorer("rushan-2020-enterprise", setting: "casework_reading", to: "both")
        #expect(try score(s, [missing("needy_casework", "home_visits", in: "rushan-2020-enterprise")]).item(17).score == 5)
        #expect(try score(s, [missing("needy_casework", "home_visits", "information_verified", "records_established", in: "rushan-2020-enterprise")]).item(17).score == 3)
    }

    @Test func settingValueOutsideItsOptionsIsRefused() {
        var scheme = builtInSchemes["rushan-2020-enterprise"]!
        scheme.settings[0].value = "sometimes"
        #expect(throws: SchemeError.self) { try Scorer(scheme) }
    }
}
