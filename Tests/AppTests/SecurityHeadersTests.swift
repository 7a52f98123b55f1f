import Foundation
import Testing
import Vapor
@testable import App

@Suite struct SecurityHeadersTests {
    static let paths = ["/", "/signin", "/schemes/rushan-2020-enterprise", "/css/site.css", "/no/such/page", "/api/schemes", "/healthz", "/orgs"]

    @Test(arguments: paths)
    func everyResponseCarriesTheHeaders(path: String) async throws {
        try await withTestApp { app in
            let response = try await WebSession(app).get(path)
            let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
        }
    }

    @Test func httpsAddsHSTSAndSecureCookies() async throws {
        try await withTestApp { app in
            app.security.https = true
            _ = try await Fixture.make(app)
            let browser = WebSession(app)
            let page = try await browser.get("/signin")
            #expect(page.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
            let signedIn = try await browser.post("/signin", ["username": "staff", "password": Fixture.password])
            let cookie = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix("us_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func noPageHasAnInlineScript() async throws {
        try await withTestApp { app in
            _ = try await Fixture.make(app)
            let browser = WebSession(app)
            try await browser.signIn("admin")
            for path in ["/", "/signin", "/orgs", "/account", "/admin/users", "/audit", "/schemes/yizheng-2019-union"] {
                let body = try await browser.get(path).body
                #expect(!body.contains("<script>") && !body.contains("onclick=") && !body.contains("javascript:"), "\(path)")
            }
        }
    }

    @Test func signedInPagesAreNotCached() async throws {
        try await withTestApp { app in
            _ = try await Fixture.make(app)
            let browser = WebSession(app)
            try await browser.signIn("staff")
            #expect(try await browser.get("/account").headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func aTokenFromAnotherSessionIsRefused() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let attacker = WebSession(app)
            try await attacker.signIn("yizheng-staff")
            try await attacker.get("/account")
            let stolenToken = try #require(attacker.lastToken)
            let victim = WebSession(app)
            try await victim.signIn("staff")
            let response = try await victim.request(.POST, "/orgs/\(fixture.unionA.uuidString.lowercased())/edit",
                                                    form: ["_csrf": stolenToken, "name": "被篡改", "version": "1"], csrf: false)
            #expect(response.status == .forbidden)
            let org = try await OrganisationModel.find(fixture.unionA, on: app.db)
            #expect(org?.name == "甲公司工会")
        }
    }

    @Test func theTokenMayComeInAHeader() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let browser = WebSession(app)
            try await browser.signIn("staff")
            try await browser.get("/account")
            var headers = HTTPHeaders()
            headers.add(name: CSRFMiddleware.header, value: browser.lastToken!)
            let response = try await browser.request(.POST, "/orgs/\(fixture.unionA.uuidString.lowercased())/edit",
                                                     form: ["name": "甲公司工会", "kind": "enterprise", "members": "70", "version": "1"],
                                                     csrf: false, headers: headers)
            #expect(response.status == .seeOther)
        }
    }

    @Test func nothingChangesOnGET() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let browser = WebSession(app)
            try await browser.signIn("admin")
            let before = try await AuditLog.verify(on: app.db).count
            let id = fixture.unionA.uuidString.lowercased()
            let user = fixture.users["target"]!.uuidString.lowercased()
            for path in ["/orgs/\(id)/retire", "/orgs/\(id)/restore", "/admin/users/\(user)/disable", "/admin/users/\(user)/reset-password", "/signout"] {
                #expect(try await browser.get(path).status == .notFound, "GET \(path)")
            }
            #expect(try await AuditLog.verify(on: app.db).count == before)
            #expect(try await browser.get("/account").status == .ok)
        }
    }
}
