import Fluent
import Foundation
import UnionStarCore
import Vapor
@testable import App

extension AuthorizationMatrixTests {
    /// The chair track's person page, the honours candidates and a campaign year's tier honours.
    static var chairRows: [Row] {
        let unitPath: @Sendable (Fixture) -> String = { f in "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))" }
        // 乳山's campaign made a chair campaign (on the chair scheme), 甲公司工会 self-assessing.
        let drafting: @Sendable (Application, Fixture) async throws -> Void = { app, f in
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-20"))
            try await ChairSetup.makeChairCampaign(app, f.rushanCampaign)
            try await FilingSetup.application(app, f, state: .drafting)
        }
        let staff: Set<String> = ["staff", "prefecture"]
        return [
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/chair", allowed: .accounts(applicationViewers),
                path: application("/chair"), hasObject: true, prepare: drafting,
                expected: { c in
                    c.account == "cadre"
                        ? Expected(status: .ok, contains: ["参评人员（工会主席） · 甲公司工会", "尚未填写工会主席", #"name="unionWorkSince""#])
                        : Expected(status: .ok, contains: ["参评人员（工会主席） · 甲公司工会", "尚未填写工会主席"], lacks: [#"name="unionWorkSince""#])
                }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/chair", allowed: .accounts(["cadre"]), path: application("/chair"),
                hasObject: true,
                payload: .form { _ in
                    ["name": "王丽", "post": "chair", "unionWorkSince": "2014-05-01", "tookOfficeOn": "2016-05-01", "certificateOn": "2016-10-01",
                     "version": "1"]
                },
                prepare: drafting,
                expected: { c in Expected(status: .seeOther, location: unitPath(c.fixture) + "/chair?done=saved") }),
            Row(method: .GET, pattern: "honours", allowed: .accounts(staff), path: fixed("/honours"), hasObject: false,
                prepare: { app, f in try await ResultsTests.named(app, f) },
                expected: same(Expected(status: .ok, contains: ["工会荣誉推荐对象", "<td>星级基层工会</td><td>甲公司工会</td><td>王丽</td><td>四星级</td>"]))),
            Row(method: .GET, pattern: "honours.csv", allowed: .accounts(staff), path: fixed("/honours.csv?year=2020"), hasObject: false,
                prepare: { app, f in try await ResultsTests.named(app, f) },
                expected: same(Expected(status: .ok, contains: ["2020,星级基层工会,甲公司工会,王丽,四星级,乳山市总工会,2020-2-0001"]))),
            Row(method: .GET, pattern: "campaigns/:campaignID/tier-honours", allowed: .accounts(staff), path: campaign("/tier-honours"),
                hasObject: true, prepare: { app, f in try await ResultsTests.named(app, f) },
                // 四星级 carries no honour in Rushan's scheme (威海市优秀工会主席 goes with five stars)
                expected: same(Expected(status: .ok, contains: ["择优推荐名单", "没有符合条件的命名单位或个人。"]))),
            Row(method: .GET, pattern: "campaigns/:campaignID/tier-honours.csv", allowed: .accounts(staff), path: campaign("/tier-honours.csv"),
                hasObject: true, prepare: { app, f in try await ResultsTests.named(app, f) },
                expected: same(Expected(status: .ok, contains: ["荣誉,类别,单位,工会主席,星级,证书编号"]))),
        ]
    }
}

extension ChairSetup {
    /// Makes a union campaign a chair campaign on the Yizheng chair scheme (its dates kept).
    static func makeChairCampaign(_ app: Application, _ campaignID: UUID) async throws {
        try await app.writes.perform { db in
            let campaign = try await CampaignModel.find(campaignID, on: db)!
            var plan = try CampaignStore.plan(of: campaign)
            let (pin, text) = app.catalogue.pin("yizheng-2019-chair")!
            plan.schemes = plan.schemes.mapValues { _ in pin }
            plan.subject = .chair
            try await CampaignStore.keep([pin.contentHash: .init(schemeID: pin.schemeID, version: pin.version, text: text)], at: Date(), on: db)
            campaign.planJSON = CampaignStore.encode(plan)
            campaign.subject = Scheme.Subject.chair.rawValue
            try await campaign.update(on: db)
        }
    }
}
