import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The decision on the tier through HTTP: the county decides 三星/四星, the prefecture 五星; a tier
/// other than the computed one needs a reason.
@Suite struct DecisionTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// 甲公司工会 inspected at `score`, having applied for `tier`.
    static func inspected(_ app: Application, _ f: Fixture, score: String, tier: String) async throws {
        app.clock = FixedClock(Fixture.chinaMorning("2020-09-25"))
        let applicationID = try await FilingSetup.application(app, f, state: .inspected, rounds: 1)
        try await app.writes.perform { db in
            let application = try await ApplicationModel.find(applicationID, on: db)!
            application.inspectedTotal = score
            application.inspectionSpread = "1"
            application.tier = tier
            try await application.update(on: db)
        }
    }

    static func path(_ f: Fixture) -> String { "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))/decision" }

    @Test func theCountyDecidesFourStarAndAnotherTierNeedsAReason() async throws {
        try await withTestApp { app in
            // setup: applied for 四星, inspected 85 (80 ≤ 85 < 90: 四星)
            let f = try await Fixture.make(app)
            try await Self.inspected(app, f, score: "85", tier: "four-star")
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let page = try await staff.get(Self.path(f))
            #expect(page.status == .ok && page.body.contains("<dt>按考核得分应定星级</dt><dd>四星级</dd>"))
            #expect(page.body.contains(#"<option value="four-star" selected>"#) && !page.body.contains(#"value="five-star""#), "not above the tier applied for")
            // act: 三星 without a reason is refused, naming the field
            let bare = try await staff.post(Self.path(f), ["tier": "three-star", "reason": "", "version": "1"])
            #expect(bare.status == .unprocessableEntity && bare.body.contains("所定星级与按考核得分计算的星级不同，请写明理由。"))
            let decided = try await staff.post(Self.path(f), ["tier": "three-star", "reason": "台账不全，经研究定为三星。", "version": "1"])
            // check
            #expect(decided.status == .seeOther)
            let application = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA)
            #expect(application.state == ApplicationState.decided.rawValue && application.decidedTier == "three-star")
            #expect(application.decisionReason == "台账不全，经研究定为三星。" && application.decidedOn == "2020-09-25")
            // the county's box of the form: 区（市）总工会意见, in the federation's name
            let form = try CampaignStore.decode(RegistrationForm.self, try #require(application.formJSON))
            #expect(form.opinions[.districtFederation] == .init(text: "同意命名为三星级。", date: Fixture.day("2020-09-25"), by: "乳山市总工会"))
            let after = try await staff.get(Self.path(f) + "?done=decided")
            #expect(after.body.contains("星级已确定。") && after.body.contains("已确定：三星级（测试staff（staff），2020年9月25日）：台账不全，经研究定为三星。"))
        }
    }

    /// 五星工会由威海市总工会进行考核验收: the county cannot decide 五星; the prefecture can.
    @Test func fiveStarIsTheCityFederations() async throws {
        try await withTestApp { app in
            // setup: applied for 五星, inspected 92
            let f = try await Fixture.make(app)
            try await Self.inspected(app, f, score: "92", tier: "five-star")
            let staff = WebSession(app)
            try await staff.signIn("staff")
            try await staff.get(Self.path(f))
            // act and check
            let county = try await staff.post(Self.path(f), ["tier": "five-star", "reason": "", "version": "1"])
            #expect(county.status == .conflict && county.body.contains("该星级由上级总工会考核验收并确定。"))
            let prefecture = WebSession(app)
            try await prefecture.signIn("prefecture")
            try await prefecture.get(Self.path(f))
            #expect(try await prefecture.post(Self.path(f), ["tier": "five-star", "reason": "", "version": "1"]).status == .seeOther)
            let application = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA)
            #expect(application.decidedTier == "five-star" && application.state == ApplicationState.decided.rawValue)
            // the city federation's box: 市总工会审批意见
            let form = try CampaignStore.decode(RegistrationForm.self, try #require(application.formJSON))
            #expect(form.opinions[.cityFederation]?.by == "威海市总工会" && form.opinions[.cityFederation]?.text == "同意命名为五星级。")
        }
    }
}
