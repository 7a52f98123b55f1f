import Fluent
import Foundation
import UnionStarCore
import Vapor
@testable import App

extension AuthorizationMatrixTests {
    /// Each account's own token, made in the fixture by `withTokens` (the revoke row's objects).
    static let tokenIDs: [String: UUID] = Dictionary(uniqueKeysWithValues: (Fixture.roleAccounts.map(\.1) + ["outsider"]).enumerated().map {
        ($0.element, UUID(uuidString: String(format: "70CE0000-0000-4000-8000-%012d", $0.offset + 1))!)
    })

    static let withTokens: @Sendable (Application, Fixture) async throws -> Void = { app, f in
        try await app.writes.perform { db in
            for (account, tokenID) in tokenIDs {
                let row = APITokenModel()
                row.id = tokenID
                row.userID = f.users[account]!
                row.name = "矩阵令牌"
                row.tokenHash = AuditLog.sha256("ust_matrix_" + account)
                row.createdAt = Date()
                try await row.create(on: db)
            }
        }
    }

    /// The account pages of personal tokens, and the API's own document.
    static var tokenRows: [Row] {
        [
            Row(method: .POST, pattern: "account/tokens", allowed: .signedIn, path: fixed("/account/tokens"), hasObject: false,
                payload: .form { _ in ["name": "矩阵令牌"] },
                expected: same(Expected(status: .ok, contains: ["令牌已创建", "令牌“矩阵令牌”：", "data-secret>ust_"]))),
            // Inside: the account's own token; outside: another account's ("not found").
            Row(method: .POST, pattern: "account/tokens/:tokenID/revoke", allowed: .signedIn,
                path: { _, account, inside in "/account/tokens/\(id(tokenIDs[inside ? account ?? "cadre" : "outsider"]!))/revoke" },
                hasObject: true, prepare: withTokens,
                expected: same(Expected(status: .seeOther, location: "/account?done=token-revoked"))),
            Row(method: .GET, pattern: "api/openapi.json", allowed: .anyone, path: fixed("/api/openapi.json"), hasObject: false,
                expected: same(Expected(status: .ok, contains: [#""openapi":"3.1.0""#, #""bearerToken""#]))),
            Row(method: .GET, pattern: "api/openapi.yaml", allowed: .anyone, path: fixed("/api/openapi.yaml"), hasObject: false,
                expected: same(Expected(status: .ok, contains: ["openapi: 3.1.0", "/api/campaigns/{campaignID}/units/{orgID}/decision:"]))),
        ]
    }

    /// The JSON API: the same access as the page each mirrors, called with the session's CSRF
    /// token in the header (a personal token needs none: `APITokenTests`).
    static var apiRows: [Row] {
        let api: @Sendable (String) -> @Sendable (Fixture, String?, Bool) -> String = { suffix in
            { f, account, inside in "/api" + application(suffix)(f, account, inside) }
        }
        let state: @Sendable (String) -> Expected = { state in Expected(status: .ok, contains: [#""state":"\#(state)""#]) }
        let minutes = NoticeFixture.minutesPDF.base64EncodedString()
        return [
            Row(method: .GET, pattern: "api/campaigns/:campaignID/units/:orgID", allowed: .accounts(applicationViewers), path: api(""),
                hasObject: true, prepare: clock("2020-08-03"),
                expected: { c in
                    c.account == "cadre" ? Expected(status: .ok, contains: [#""state":"notStarted""#, #""action":"startSelfAssessment""#])
                        : Expected(status: .ok, contains: [#""state":"notStarted""#, #""actions":[]"#])
                }),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/pre-apply", allowed: .accounts(["cadre"]), path: api("/pre-apply"),
                hasObject: true, payload: .api { _ in #"{"tier":"four-star","version":0}"# }, prepare: clock("2020-07-15"),
                expected: same(state("preApplied"))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/start", allowed: .accounts(["cadre"]), path: api("/start"),
                hasObject: true, payload: .api { _ in #"{"version":0}"# }, prepare: clock("2020-08-03"), expected: same(state("drafting"))),
            Row(method: .GET, pattern: "api/campaigns/:campaignID/units/:orgID/self-assessment", allowed: .accounts(applicationViewers),
                path: api("/self-assessment"), hasObject: true, prepare: SelfAssessmentFixture.drafting,
                expected: same(Expected(status: .ok, contains: [#""complete":false"#, #""scheme":"rushan-2020-enterprise""#]))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/self-assessment", allowed: .accounts(["cadre"]),
                path: api("/self-assessment"), hasObject: true,
                payload: .api { _ in #"{"answers":{"facts":{"election_on_schedule":false}},"version":1}"# }, prepare: SelfAssessmentFixture.drafting,
                expected: same(Expected(status: .ok, contains: [#""state":"drafting""#, #""version":2"#]))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/congress", allowed: .accounts(["cadre"]), path: api("/congress"),
                hasObject: true,
                payload: .api { _ in
                    #"{"date":"2020-08-18","kind":"representativesCongress","expected":60,"present":52,"tier":"four-star","minutes":{"filename":"纪要.pdf","data":"\#(minutes)"}}"#
                },
                prepare: { app, f in try await NoticeFixture.rushanDrafting(app, f) }, expected: same(state("congressDecided"))),
            Row(method: .GET, pattern: "api/campaigns/:campaignID/units/:orgID/notice", allowed: .accounts(applicationViewers), path: api("/notice"),
                hasObject: true, prepare: { app, f in try await NoticeFixture.rushanOnNotice(app, f) },
                expected: { c in
                    Expected(status: .ok, contains: [#""status":"running""#, "工会会员大会的档案不全"] + (c.account == "cadre" ? ["answerPath"] : []),
                             lacks: c.account == "cadre" ? [] : ["answerPath"])
                }),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/notice", allowed: .accounts(["cadre"]), path: api("/notice"),
                hasObject: true, payload: .api { _ in #"{"start":"2020-08-21"}"# }, prepare: { app, f in try await NoticeFixture.rushanDecided(app, f) },
                expected: same(state("onNotice"))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/objections/:objectionID/answer", allowed: .accounts(["cadre"]),
                path: api("/objections/\(id(NoticeFixture.objectionID))/answer"), hasObject: true,
                payload: .api { _ in #"{"answer":"已核实：会员大会档案已补齐。"}"# }, prepare: { app, f in try await NoticeFixture.rushanOnNotice(app, f) },
                expected: same(state("onNotice"))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/form", allowed: .accounts(["cadre"]), path: api("/form"),
                hasObject: true,
                payload: .api { _ in
                    #"{"chairName":"王丽","phone":"0631-6663572","mainWork":"一、按期换届。","unitOpinion":"同意申报。","unitOpinionDate":"2020-08-28","version":1}"#
                },
                prepare: onNotice("2020-08-28"), expected: same(Expected(status: .ok, contains: [#""state":"onNotice""#, #""version":2"#]))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/file", allowed: .accounts(["cadre"]), path: api("/file"),
                hasObject: true, payload: .api { _ in #"{"version":1}"# }, prepare: onNotice("2020-08-28"), expected: same(state("filed"))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/return", allowed: .accounts(["reviewer", "staff"]), path: api("/return"),
                hasObject: true, payload: .api { _ in #"{"reason":"主要工作过于简略。","version":1}"# }, prepare: filed("2020-09-02"),
                expected: same(state("returned"))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/endorse", allowed: .accounts(["reviewer"]), path: api("/endorse"),
                hasObject: true, payload: .api { _ in #"{"opinion":"同意上报。","date":"2020-09-02","version":1}"# }, prepare: filed("2020-09-02"),
                expected: same(state("endorsed"))),
            Row(method: .GET, pattern: "api/review", allowed: .accounts(["reviewer"]), path: fixed("/api/review"), hasObject: false,
                prepare: filed("2020-09-02"), expected: same(Expected(status: .ok, contains: [#""name":"甲公司工会""#]))),
            Row(method: .GET, pattern: "api/campaigns/:campaignID/units/:orgID/inspectors", allowed: .accounts(["staff", "prefecture"]),
                path: api("/inspectors"), hasObject: true, prepare: endorsed("2020-09-03"),
                expected: same(Expected(status: .ok, contains: ["测试inspector（inspector）", "须回避"]))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/inspectors", allowed: .accounts(["staff", "prefecture"]),
                path: api("/inspectors"), hasObject: true,
                payload: .api { f in #"{"inspector":"\#(f.users["inspector"]!.uuidString.lowercased())","version":1}"# }, prepare: endorsed("2020-09-03"),
                expected: same(Expected(status: .unprocessableEntity, contains: [#""field":"inspector""#, "须回避"]))),
            Row(method: .GET, pattern: "api/inspections", allowed: .accounts(["inspector"]), path: fixed("/api/inspections"), hasObject: false,
                prepare: inspecting, expected: same(Expected(status: .ok, contains: [#""name":"甲公司工会""#, #""scored":false"#]))),
            Row(method: .GET, pattern: "api/campaigns/:campaignID/units/:orgID/inspection", allowed: .accounts(["inspector"]),
                path: api("/inspection"), hasObject: true, prepare: inspecting,
                expected: same(Expected(status: .ok, contains: [#""version":0"#, #""max":5"#]))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/inspection", allowed: .accounts(["inspector"]),
                path: api("/inspection"), hasObject: true,
                payload: .api { _ in
                    let items = (1...20).map { #""\#($0)":1"# }.joined(separator: ",")
                    return #"{"visitedOn":"2020-09-10","methods":["briefing"],"peopleMet":"工会主席","findings":"台账齐全。","items":{\#(items)},"version":0}"#
                },
                prepare: inspecting, expected: same(state("endorsed"))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/inspection/complete", allowed: .accounts(["staff", "prefecture"]),
                path: api("/inspection/complete"), hasObject: true, payload: .api { _ in #"{"version":1}"# }, prepare: inspecting,
                expected: same(Expected(status: .conflict, contains: ["还有1名考核人员未提交评分。"]))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/decision", allowed: .accounts(["staff", "prefecture"]),
                path: api("/decision"), hasObject: true, payload: .api { _ in #"{"tier":"four-star","reason":"","version":1}"# },
                prepare: { app, f in try await DecisionTests.inspected(app, f, score: "85", tier: "four-star") },
                expected: same(Expected(status: .ok, contains: [#""state":"decided""#, #""tier":"four-star""#]))),
            Row(method: .GET, pattern: "api/campaigns/:campaignID/units/:orgID/results", allowed: .accounts(applicationViewers),
                path: api("/results"), hasObject: true,
                prepare: { app, f in try await ResultsTests.onResults(app, f, day: "2020-10-14", objection: true) },
                expected: { c in
                    // (JSON writes `/` as `\/`: the paths are checked in the walk, decoded.)
                    let common = [#""status":"running""#, ResultsTests.token, #""lodgedAt""#]
                    return ["staff", "prefecture"].contains(c.account ?? "")
                        ? Expected(status: .ok, contains: common + ["该单位职工书屋未开放。", #""answerPath""#])
                        : Expected(status: .ok, contains: common, lacks: ["该单位职工书屋未开放。", "answerPath"])
                }),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/results", allowed: .accounts(["staff", "prefecture"]),
                path: api("/results"), hasObject: true, payload: .api { _ in #"{"start":"2020-10-13","version":1}"# },
                prepare: { app, f in
                    try await ResultsTests.decided(app, f)
                    app.clock = FixedClock(Fixture.chinaMorning("2020-10-12"))
                },
                expected: same(Expected(status: .ok, contains: [#""state":"onResultsNotice""#, #""start":"2020-10-13""#, #""end":"2020-10-19""#]))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/results/objections/:objectionID/answer",
                allowed: .accounts(["staff", "prefecture"]), path: api("/results/objections/\(id(ResultsTests.objectionID))/answer"), hasObject: true,
                payload: .api { _ in #"{"answer":"经核查，职工书屋每周开放三天。"}"# },
                prepare: { app, f in try await ResultsTests.onResults(app, f, day: "2020-10-14", objection: true) },
                expected: same(state("onResultsNotice"))),
            Row(method: .POST, pattern: "api/campaigns/:campaignID/units/:orgID/name", allowed: .accounts(["staff", "prefecture"]),
                path: api("/name"), hasObject: true, payload: .api { _ in #"{"version":1}"# },
                prepare: { app, f in try await ResultsTests.onResults(app, f, day: "2020-10-20", objection: false) },
                expected: same(Expected(status: .ok, contains: [#""state":"named""#, #""certificateNumber":"2020-2-0001""#]))),
        ]
    }
}
