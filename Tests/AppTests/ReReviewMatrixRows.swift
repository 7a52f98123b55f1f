import Fluent
import Foundation
import UnionStarCore
import Vapor
@testable import App

extension AuthorizationMatrixTests {
    /// Re-review and self-check rounds: opening, handing in, the comparison, outcomes, the public page.
    static var reReviewRows: [Row] {
        let round = ReReviewRoundAppTests.roundID
        let roundPath: @Sendable (String) -> @Sendable (Fixture, String?, Bool) -> String = { suffix in
            { f, _, inside in "/campaigns/\(id(inside ? round : f.yizhengCampaign))\(suffix)" }
        }
        let unitPath: @Sendable (String) -> @Sendable (Fixture, String?, Bool) -> String = { suffix in
            { f, _, inside in inside ? "/campaigns/\(id(round))/units/\(id(f.unionA))\(suffix)"
                                     : "/campaigns/\(id(f.yizhengCampaign))/units/\(id(f.unionY))\(suffix)" }
        }
        let staff: Set<String> = ["staff", "prefecture"]
        let named2018: @Sendable (Application, Fixture) async throws -> Void = { app, f in
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            let c2018 = try await ReReviewRoundAppTests.campaign(app, owner: f.rushan, year: 2018, schemes: [.enterprise: "rushan-2020-enterprise"])
            _ = try await ReReviewRoundAppTests.named(app, campaign: c2018, unit: f.unionA, scheme: "rushan-2020-enterprise", tier: "four-star",
                                                      inspected: "88", on: "2018-10-20")
        }
        return [
            Row(method: .GET, pattern: "campaigns/:campaignID/rereview", allowed: .accounts(staff), path: campaign("/rereview"), hasObject: true,
                prepare: named2018,
                expected: same(Expected(status: .ok, contains: ["复查与年度自查", "甲公司工会", "<td>2018</td><td>四星级</td><td>四星级</td>", "开启复查"]))),
            Row(method: .POST, pattern: "campaigns/:campaignID/rereview", allowed: .accounts(staff), path: campaign("/rereview"), hasObject: true,
                payload: .form { _ in ["kind": "reReview"] }, prepare: named2018,
                expected: { c in
                    let made = try await CampaignModel.query(on: c.app.db).filter(\.$kind == CampaignKind.reReview.rawValue).first()
                    return Expected(status: .seeOther, location: made.map { "/campaigns/\(id($0.id!))?done=round-opened" } ?? "(no round)")
                }),
            Row(method: .GET, pattern: "campaigns/:campaignID/outcomes", allowed: .accounts(staff), path: roundPath("/outcomes"), hasObject: true,
                prepare: { app, f in try await ReReviewRoundAppTests.round(app, f, state: .inspected, day: "2020-09-30") },
                expected: { c in
                    c.account == "prefecture"
                        ? Expected(status: .ok, contains: ["复查结论", "甲公司工会", "<td>75</td>", "降为三星级", "记录复查结论并公示"])
                        : Expected(status: .ok, contains: ["降为三星级", "该星级由上级总工会考核验收并确定。"], lacks: ["记录复查结论并公示"])
                }),
            // Rushan: 威海 re-reviews (by: prefecture); 乳山's staff reach the round but may not record.
            Row(method: .POST, pattern: "campaigns/:campaignID/outcomes", allowed: .accounts(staff), path: roundPath("/outcomes"), hasObject: true,
                prepare: { app, f in try await ReReviewRoundAppTests.round(app, f, state: .inspected, day: "2020-09-30") },
                expected: { c in
                    c.account == "prefecture"
                        ? Expected(status: .seeOther, location: "/campaigns/\(id(round))/outcomes?done=outcomes")
                        : Expected(status: .conflict, contains: ["该星级由上级总工会考核验收并确定。"])
                }),
            Row(method: .GET, pattern: "rereviews/:campaignID", allowed: .anyone, path: fixed("/rereviews/\(id(round))"), hasObject: false,
                prepare: { app, f in try await ReReviewRoundAppTests.round(app, f, state: .reReviewed, day: "2020-09-30") },
                expected: same(Expected(status: .ok, contains: ["复查结果公示", "甲公司工会", "降为三星级", "复查得分75分，达不到所授四星级标准（80分），降为三星级。"]))),
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/comparison", allowed: .accounts(applicationViewers),
                path: unitPath("/comparison"), hasObject: true,
                prepare: { app, f in try await ReReviewRoundAppTests.round(app, f, state: .drafting, day: "2020-08-10") },
                expected: same(Expected(status: .ok, contains: ["获评时与本次逐项对比", "获评：2018年度星级创建，四星级"]))),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/self-check", allowed: .accounts(["cadre"]),
                path: unitPath("/self-check"), hasObject: true, payload: .form { _ in ["version": "1"] },
                prepare: { app, f in try await ReReviewRoundAppTests.round(app, f, state: .drafting, day: "2020-08-10") },
                expected: { c in
                    Expected(status: .seeOther, location: "/campaigns/\(id(round))/units/\(id(c.fixture.unionA))?done=self-checked")
                }),
        ]
    }
}
