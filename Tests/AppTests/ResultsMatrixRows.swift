import Foundation
import UnionStarCore
import Vapor
@testable import App

extension AuthorizationMatrixTests {
    /// The results notice, naming, the certificate, the campaign's results and rewards, the public list.
    static var resultsRows: [Row] {
        let unitPath: @Sendable (Fixture) -> String = { f in "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))" }
        let campaignPath: @Sendable (Fixture) -> String = { f in "/campaigns/\(id(f.rushanCampaign))" }
        let decided: @Sendable (Application, Fixture) async throws -> Void = { app, f in
            try await ResultsTests.decided(app, f)
            app.clock = FixedClock(Fixture.chinaMorning("2020-10-12"))
        }
        let staff: Set<String> = ["staff", "prefecture"]
        return [
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/results", allowed: .accounts(applicationViewers),
                path: application("/results"), hasObject: true,
                prepare: { app, f in try await ResultsTests.onResults(app, f, day: "2020-10-14", objection: true) },
                expected: { c in
                    staff.contains(c.account ?? "")
                        ? Expected(status: .ok, contains: ["甲公司工会：评选结果公示", "<dt>确定星级</dt><dd>四星级</dd>", "该单位职工书屋未开放。", "提交答复"])
                        : Expected(status: .ok, contains: ["甲公司工会：评选结果公示", "<dt>确定星级</dt><dd>四星级</dd>"],
                                   lacks: ["该单位职工书屋未开放。", "提交答复"])
                }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/results", allowed: .accounts(staff),
                path: application("/results"), hasObject: true, payload: .form { _ in ["start": "2020-10-13", "version": "1"] },
                prepare: decided,
                expected: { c in Expected(status: .seeOther, location: unitPath(c.fixture) + "/results?done=started") }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/results/objections/:objectionID/answer", allowed: .accounts(staff),
                path: application("/results/objections/\(id(ResultsTests.objectionID))/answer"), hasObject: true,
                payload: .form { _ in ["answer": "经核查，职工书屋每周开放三天。"] },
                prepare: { app, f in try await ResultsTests.onResults(app, f, day: "2020-10-14", objection: true) },
                expected: { c in Expected(status: .seeOther, location: unitPath(c.fixture) + "/results?done=answered") }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/name", allowed: .accounts(staff),
                path: application("/name"), hasObject: true, payload: .form { _ in ["version": "1"] },
                prepare: { app, f in try await ResultsTests.onResults(app, f, day: "2020-10-20", objection: false) },
                expected: { c in Expected(status: .seeOther, location: unitPath(c.fixture) + "/results?done=named") }),
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/certificate", allowed: .accounts(applicationViewers),
                path: application("/certificate"), hasObject: true, prepare: { app, f in try await ResultsTests.named(app, f) },
                expected: same(Expected(status: .ok, contains: ["经考核评定，被命名为2020年度四星级工会。", "证书编号：2020-2-0001", "<svg"]))),
            Row(method: .GET, pattern: "campaigns/:campaignID/results", allowed: .accounts(staff), path: campaign("/results"), hasObject: true,
                prepare: decided,
                expected: same(Expected(status: .ok, contains: ["评选结果公示与命名", "甲公司工会", "开始结果公示"]))),
            Row(method: .POST, pattern: "campaigns/:campaignID/results", allowed: .accounts(staff), path: campaign("/results"), hasObject: true,
                payload: .form { f in ["start": "2020-10-13", "units[]": id(f.unionA)] }, prepare: decided,
                expected: { c in Expected(status: .seeOther, location: campaignPath(c.fixture) + "/results?done=started&count=1") }),
            Row(method: .POST, pattern: "campaigns/:campaignID/results/name", allowed: .accounts(staff), path: campaign("/results/name"),
                hasObject: true, prepare: { app, f in try await ResultsTests.onResults(app, f, day: "2020-10-20", objection: false) },
                expected: { c in Expected(status: .seeOther, location: campaignPath(c.fixture) + "/results?done=named&count=1") }),
            Row(method: .GET, pattern: "campaigns/:campaignID/rewards", allowed: .accounts(staff), path: campaign("/rewards"), hasObject: true,
                prepare: { app, f in try await ResultsTests.named(app, f) },
                expected: same(Expected(status: .ok, contains: ["<td>甲公司工会</td><td>四星级</td>", "2020-2-0001"]))),
            Row(method: .GET, pattern: "campaigns/:campaignID/rewards.csv", allowed: .accounts(staff), path: campaign("/rewards.csv"),
                hasObject: true, prepare: { app, f in try await ResultsTests.named(app, f) },
                expected: same(Expected(status: .ok, contains: ["单位,星级,会员人数,工会主席,证书编号", "甲公司工会,四星级,60,王丽,2020-2-0001"]))),
            Row(method: .GET, pattern: "stars", allowed: .anyone, path: fixed("/stars"), hasObject: false,
                prepare: { app, f in try await ResultsTests.named(app, f) },
                expected: same(Expected(status: .ok, contains: ["星级工会名录", "甲公司工会</a></td><td>四星级</td><td>乳山市总工会</td><td>2020-2-0001</td>"]))),
        ]
    }
}
