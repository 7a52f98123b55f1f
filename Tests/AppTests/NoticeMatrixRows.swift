import Foundation
import UnionStarCore
import Vapor
@testable import App

extension AuthorizationMatrixTests {
    /// A file a multipart row sends.
    struct UploadFile: Sendable {
        var field: String
        var name: String
        var data: Data
    }

    /// The congress decision, the unit's notice and its public page: one row per endpoint.
    static var noticeRows: [Row] {
        let unitPath: @Sendable (Fixture) -> String = { f in "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))" }
        let token = NoticeFixture.token
        return [
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/congress", allowed: .accounts(applicationViewers),
                path: application("/congress"), hasObject: true, prepare: { app, f in try await NoticeFixture.rushanDrafting(app, f) },
                expected: { c in
                    c.account == "cadre"
                        ? Expected(status: .ok, contains: ["一票否决", "当年发生安全生产责任事故", "记录大会决定", "职代会团（组）长会议"])
                        : Expected(status: .ok, contains: ["一票否决", "当年发生安全生产责任事故"], lacks: ["记录大会决定"])
                }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/congress", allowed: .accounts(["cadre"]),
                path: application("/congress"), hasObject: true,
                payload: .multipart({ _ in
                    ["date": "2020-08-18", "kind": "representativesCongress", "expected": "60", "present": "52", "tier": "four-star"]
                }, file: UploadFile(field: "minutes", name: "纪要.pdf", data: NoticeFixture.minutesPDF)),
                prepare: { app, f in try await NoticeFixture.rushanDrafting(app, f) },
                expected: { c in Expected(status: .seeOther, location: unitPath(c.fixture) + "/congress?done=congress") }),
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/congress/minutes", allowed: .accounts(applicationViewers),
                path: application("/congress/minutes"), hasObject: true,
                prepare: { app, f in try await NoticeFixture.rushanDecided(app, f) },
                expected: same(Expected(status: .ok, contains: ["%PDF-1.4", "minutes of the workers' congress"]))),
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/notice", allowed: .accounts(applicationViewers),
                path: application("/notice"), hasObject: true, prepare: { app, f in try await NoticeFixture.rushanOnNotice(app, f) },
                expected: { c in
                    c.account == "cadre"
                        ? Expected(status: .ok, contains: ["向职工公示", "工会会员大会的档案不全", "匿名", "提交答复", "/notices/\(token)"])
                        : Expected(status: .ok, contains: ["向职工公示", "工会会员大会的档案不全", "/notices/\(token)"], lacks: ["提交答复"])
                }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/notice", allowed: .accounts(["cadre"]),
                path: application("/notice"), hasObject: true, payload: .form { _ in ["start": "2020-08-21"] },
                prepare: { app, f in try await NoticeFixture.rushanDecided(app, f) },
                expected: { c in Expected(status: .seeOther, location: unitPath(c.fixture) + "/notice?done=notice") }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/objections/:objectionID/answer", allowed: .accounts(["cadre"]),
                path: application("/objections/\(id(NoticeFixture.objectionID))/answer"), hasObject: true,
                payload: .form { _ in ["answer": "已核实：会员大会档案已补齐，自评分已按实际调整。"] },
                prepare: { app, f in try await NoticeFixture.rushanOnNotice(app, f) },
                expected: { c in Expected(status: .seeOther, location: unitPath(c.fixture) + "/notice?done=answered") }),
            Row(method: .GET, pattern: "notices/:token", allowed: .anyone, path: fixed("/notices/\(token)"), hasObject: false,
                prepare: { app, f in try await NoticeFixture.rushanOnNotice(app, f) },
                expected: same(Expected(status: .ok, contains: ["甲公司工会申报星级公示", "四星级", "82", "提交异议", "<svg"],
                                        lacks: ["工会会员大会的档案不全"]))),
            Row(method: .GET, pattern: "notices/:token/print", allowed: .anyone, path: fixed("/notices/\(token)/print"), hasObject: false,
                prepare: { app, f in try await NoticeFixture.rushanOnNotice(app, f) },
                expected: same(Expected(status: .ok, contains: ["甲公司工会申报星级公示", "<svg", "2020年8月21日至2020年8月27日"],
                                        lacks: ["提交异议"]))),
            Row(method: .POST, pattern: "notices/:token/objections", allowed: .anyone, path: fixed("/notices/\(token)/objections"),
                hasObject: false, payload: .form { _ in ["text": "工会主席未按期换届。", "name": ""] },
                prepare: { app, f in try await NoticeFixture.rushanOnNotice(app, f) },
                expected: same(Expected(status: .seeOther, location: "/notices/\(token)?done=objection"))),
        ]
    }
}
