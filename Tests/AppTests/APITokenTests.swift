import Fluent
import Foundation
import SQLKit
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Personal API tokens through HTTP: made on the account page and shown once, listed without the
/// secret, used as the person (their roles, their scope), revoked, and refused for a disabled
/// account; a session's call to the API still needs its CSRF token.
@Suite struct APITokenTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func unit(_ f: Fixture, _ unit: UUID? = nil) -> String {
        "/api/campaigns/\(id(f.rushanCampaign))/units/\(id(unit ?? f.unionA))"
    }

    static func auditActions(_ app: Application) async throws -> [String] {
        try await (app.db as! any SQLDatabase).select().column("action").from(AuditLog.table).orderBy("sequence").all()
            .map { try $0.decode(column: "action", as: String.self) }
    }

    @Test func aTokenIsShownOnceActsAsItsOwnerAndStopsWhenRevoked() async throws {
        try await withTestApp { app in
            // setup: 2020-08-03, the cadre of 甲公司工会 on the account page
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            let f = try await Fixture.make(app)
            let browser = WebSession(app)
            try await browser.signIn("cadre")
            let before = try await browser.get("/account")
            #expect(before.body.contains("个人 API 令牌") && before.body.contains("尚未创建令牌。"))
            // act: a token without a name is refused; one named 统计脚本 is made and shown once
            let unnamed = try await browser.post("/account/tokens", ["name": "  "])
            #expect(unnamed.status == .unprocessableEntity && unnamed.body.contains("请填写令牌名称。"))
            let made = try await browser.post("/account/tokens", ["name": "统计脚本"])
            let secret = try #require(APIClient.secret(in: made.body))
            #expect(made.status == .ok && made.body.contains("令牌“统计脚本”：") && secret.hasPrefix("ust_") && secret.count == 47)
            // check: the list names it, never its secret; only the hash is stored
            let listed = try await browser.get("/account")
            #expect(listed.body.contains("<td>统计脚本</td>") && listed.body.contains("从未使用") && !listed.body.contains(secret))
            let row = try #require(try await APITokenModel.query(on: app.db).first())
            #expect(row.tokenHash == AuditLog.sha256(secret) && row.userID == f.users["cadre"] && row.lastUsedAt == nil)
            #expect(try await Self.auditActions(app).last == "account.api-token.create")

            // the token acts as the cadre: reads and works on its own union, without a CSRF token
            let program = APIClient(app, token: secret)
            let read = try await program.get(Self.unit(f))
            #expect(read.status == .ok && read.text("unit.name") == "甲公司工会" && read.actions == ["startSelfAssessment"])
            let started = try await program.post(Self.unit(f) + "/start", ["version": 0])
            #expect(started.status == .ok && started.text("state") == "drafting")
            #expect(try await APITokenModel.query(on: app.db).first()?.lastUsedAt != nil)
            #expect(try await browser.get("/account").body.contains("2020年8月3日"))
            // …and only within its scope: another town's union is "not found", as on the pages
            let other = try await program.get(Self.unit(f, f.unionB))
            #expect(other.status == .notFound && other.message == "找不到这个页面，或者您无权查看。")
            #expect(try await browser.get("/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionB))").status == .notFound)
            // …and only with its roles: the cadre cannot decide
            #expect(try await program.post(Self.unit(f) + "/decision", ["tier": "four-star", "version": 1]).status == .notFound)

            // revoked from the account page: the next call is 401, in JSON, saying how to sign in
            let tokenID = try #require(row.id)
            try await browser.get("/account")
            let revoked = try await browser.post("/account/tokens/\(Self.id(tokenID))/revoke")
            #expect(revoked.status == .seeOther && revoked.location == "/account?done=token-revoked")
            #expect(try await browser.get("/account?done=token-revoked").body.contains("令牌已撤销。"))
            let refused = try await program.get(Self.unit(f))
            #expect(refused.status == .unauthorized && refused.message == "API 令牌无效、已撤销，或其账号已停用。")
            #expect(refused.headers.first(name: .wwwAuthenticate) == #"Bearer realm="unionstar", error="invalid_token""#)
            #expect(try await Self.auditActions(app).last == "account.api-token.revoke")
            #expect(try await APITokenModel.query(on: app.db).count() == 0)
            try APIClient.checkAgainstTheDocument([program])
        }
    }

    @Test func aDisabledAccountsTokensStopWorking() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            let secret = try await APIClient.token(app, "target")
            let program = APIClient(app, token: secret, language: "en")
            #expect(try await program.get("/api/orgs/\(Self.id(f.unionA))").status == .ok)
            // act: the administrator disables the account
            let admin = WebSession(app)
            try await admin.signIn("admin")
            try await admin.get("/admin/users/\(Self.id(f.users["target"]!))")
            #expect(try await admin.post("/admin/users/\(Self.id(f.users["target"]!))/disable", ["version": "1"]).status == .seeOther)
            // check
            let refused = try await program.get("/api/orgs/\(Self.id(f.unionA))")
            #expect(refused.status == .unauthorized && refused.message == "The API token is not valid, was revoked, or its account is disabled.")
            #expect(try await APITokenModel.query(on: app.db).count() == 0, "its tokens end with its sessions")
        }
    }

    @Test func onlyTheOwnerRevokesAToken() async throws {
        try await withTestApp { app in
            // setup: the cadre's token; the target account (cadre of the same union) tries to revoke it
            _ = try await Fixture.make(app)
            let secret = try await APIClient.token(app, "cadre")
            let tokenID = try #require(try await APITokenModel.query(on: app.db).first()?.id)
            let other = WebSession(app)
            try await other.signIn("target")
            try await other.get("/account")
            // act
            let response = try await other.post("/account/tokens/\(Self.id(tokenID))/revoke")
            // check
            #expect(response.status == .notFound)
            #expect(try await APIClient(app, token: secret).get("/api/schemes").status == .ok)
        }
    }

    @Test func badCredentialsAreRefusedAndASessionsCallNeedsItsCSRFToken() async throws {
        try await withTestApp { app in
            // setup: 2020-08-03
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            let f = try await Fixture.make(app)
            // act and check: no credentials, a made-up token, another scheme
            let anonymous = APIClient(app, token: nil)
            let unsigned = try await anonymous.get(Self.unit(f))
            #expect(unsigned.status == .unauthorized && unsigned.message == "请先登录。" && unsigned.headers.first(name: .wwwAuthenticate) == #"Bearer realm="unionstar""#)
            #expect(try await APIClient(app, token: "ust_" + String(repeating: "A", count: 43)).get(Self.unit(f)).status == .unauthorized)
            #expect(try await anonymous.call(.GET, Self.unit(f), headers: ["Authorization": "Basic Y2FkcmU6eA=="]).status == .unauthorized)
            // a browser session may read the API, but a POST without its CSRF token is refused
            let browser = WebSession(app)
            try await browser.signIn("cadre")
            #expect(try await browser.get(Self.unit(f)).status == .ok)
            let json: HTTPHeaders = ["Content-Type": "application/json"]
            let forged = try await browser.request(.POST, Self.unit(f) + "/start", headers: json, body: ByteBuffer(string: #"{"version":0}"#))
            #expect(forged.status == .forbidden && forged.body.contains("页面已过期或来源不明"))
            #expect(try await ApplicationModel.query(on: app.db).count() == 0)
            var withToken = json
            withToken.add(name: CSRFMiddleware.header, value: try #require(browser.lastToken))
            let allowed = try await browser.request(.POST, Self.unit(f) + "/start", headers: withToken, body: ByteBuffer(string: #"{"version":0}"#))
            #expect(allowed.status == .ok && allowed.body.contains(#""state":"drafting""#))
            // a bad token beside a good session cookie is still refused: the header decides
            var both = HTTPHeaders()
            both.add(name: .authorization, value: "Bearer ust_nothing")
            #expect(try await browser.request(.GET, Self.unit(f), headers: both).status == .unauthorized)
            try APIClient.checkAgainstTheDocument([anonymous])
        }
    }
}
