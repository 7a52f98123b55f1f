import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Every route the app registers, tried by every role, on an object inside its subtree and on one
/// outside it, and signed out. The expectations are written here, independently of the policy
/// module: a route added without an entry in `SiteRoute.endpoints`, or without a row here, fails.
@Suite struct AuthorizationMatrixTests {
    /// Who may use a route, by account name (see `Fixture`).
    enum Allowed: Sendable {
        case anyone
        case signedIn
        case accounts(Set<String>)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var method: HTTPMethod
        var pattern: String
        var allowed: Allowed
        /// The URL with an object inside (true) or outside (false) the acting role's subtree;
        /// nil when the route has no object.
        var path: @Sendable (Fixture, _ inside: Bool) -> String
        var hasObject: Bool
        var form: @Sendable (Fixture) -> [String: String]

        var testDescription: String { "\(method) /\(pattern)" }
    }

    static let viewers: Set<String> = ["cadre", "reviewer", "staff", "admin", "prefecture", "inspector", "sysadmin"]
    static let editors: Set<String> = ["staff", "admin", "sysadmin"]
    static let exporters: Set<String> = ["reviewer", "staff", "admin", "prefecture", "sysadmin"]
    static let administrators: Set<String> = ["admin", "sysadmin"]
    static let auditors: Set<String> = ["staff", "admin", "prefecture", "sysadmin"]

    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func fixed(_ path: String) -> @Sendable (Fixture, Bool) -> String { { _, _ in path } }
    static func org(_ suffix: String = "") -> @Sendable (Fixture, Bool) -> String {
        { f, inside in "/orgs/\(id(inside ? f.unionA : f.unionY))\(suffix)" }
    }
    static func user(_ suffix: String = "") -> @Sendable (Fixture, Bool) -> String {
        { f, inside in "/admin/users/\(id(inside ? f.users["target"]! : f.users["outsider"]!))\(suffix)" }
    }
    static let noForm: @Sendable (Fixture) -> [String: String] = { _ in [:] }

    static let rows: [Row] = [
        Row(method: .GET, pattern: "", allowed: .anyone, path: fixed("/"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "healthz", allowed: .anyone, path: fixed("/healthz"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "schemes/:schemeID", allowed: .anyone, path: fixed("/schemes/rushan-2020-enterprise"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "api/schemes", allowed: .anyone, path: fixed("/api/schemes"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "api/schemes/:schemeID", allowed: .anyone, path: fixed("/api/schemes/rushan-2020-regional"), hasObject: false, form: noForm),
        Row(method: .POST, pattern: "api/schemes/:schemeID/assessments", allowed: .anyone, path: fixed("/api/schemes/rushan-2020-enterprise/assessments"),
            hasObject: false, form: noForm),
        Row(method: .GET, pattern: "signin", allowed: .anyone, path: fixed("/signin"), hasObject: false, form: noForm),
        Row(method: .POST, pattern: "signin", allowed: .anyone, path: fixed("/signin"), hasObject: false,
            form: { _ in ["username": "nobody", "password": "wrong-password"] }),
        Row(method: .POST, pattern: "signout", allowed: .signedIn, path: fixed("/signout"), hasObject: false, form: noForm),
        Row(method: .POST, pattern: "signout-everywhere", allowed: .signedIn, path: fixed("/signout-everywhere"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "account", allowed: .signedIn, path: fixed("/account"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "account/password", allowed: .signedIn, path: fixed("/account/password"), hasObject: false, form: noForm),
        Row(method: .POST, pattern: "account/password", allowed: .signedIn, path: fixed("/account/password"), hasObject: false,
            form: { _ in ["current": Fixture.password, "new": "Another-Union-2027?", "confirm": "Another-Union-2027?"] }),
        Row(method: .GET, pattern: "orgs", allowed: .accounts(viewers), path: fixed("/orgs"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "orgs/picker", allowed: .signedIn, path: fixed("/orgs/picker?purpose=home"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "orgs/new", allowed: .accounts(["sysadmin"]), path: fixed("/orgs/new"), hasObject: false, form: noForm),
        Row(method: .POST, pattern: "orgs", allowed: .accounts(["sysadmin"]), path: fixed("/orgs"), hasObject: false,
            form: { _ in ["name": "烟台市总工会", "level": "prefecture"] }),
        Row(method: .GET, pattern: "orgs/import", allowed: .accounts(editors), path: fixed("/orgs/import"), hasObject: false, form: noForm),
        Row(method: .POST, pattern: "orgs/import", allowed: .accounts(editors), path: fixed("/orgs/import"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "orgs/:orgID", allowed: .accounts(viewers), path: org(), hasObject: true, form: noForm),
        Row(method: .GET, pattern: "orgs/:orgID/new", allowed: .accounts(editors), path: org("/new"), hasObject: true, form: noForm),
        Row(method: .POST, pattern: "orgs/:orgID", allowed: .accounts(editors), path: org(), hasObject: true,
            form: { _ in ["name": "新单位", "level": "grassroots", "kind": "enterprise"] }),
        Row(method: .GET, pattern: "orgs/:orgID/edit", allowed: .accounts(editors), path: org("/edit"), hasObject: true, form: noForm),
        Row(method: .POST, pattern: "orgs/:orgID/edit", allowed: .accounts(editors), path: org("/edit"), hasObject: true,
            form: { _ in ["name": "甲公司工会（改）", "kind": "enterprise", "members": "61", "version": "1"] }),
        Row(method: .GET, pattern: "orgs/:orgID/move", allowed: .accounts(editors), path: org("/move"), hasObject: true, form: noForm),
        Row(method: .POST, pattern: "orgs/:orgID/move", allowed: .accounts(editors), path: org("/move"), hasObject: true,
            form: { f in ["parent": id(f.rushankou), "version": "1"] }),
        Row(method: .POST, pattern: "orgs/:orgID/retire", allowed: .accounts(editors), path: org("/retire"), hasObject: true, form: { _ in ["version": "1"] }),
        Row(method: .POST, pattern: "orgs/:orgID/restore", allowed: .accounts(editors), path: org("/restore"), hasObject: true, form: { _ in ["version": "1"] }),
        Row(method: .GET, pattern: "orgs/:orgID/import", allowed: .accounts(editors), path: org("/import"), hasObject: true, form: noForm),
        Row(method: .POST, pattern: "orgs/:orgID/import", allowed: .accounts(editors), path: org("/import"), hasObject: true, form: noForm),
        Row(method: .GET, pattern: "orgs/:orgID/export", allowed: .accounts(exporters), path: org("/export"), hasObject: true, form: noForm),
        Row(method: .GET, pattern: "api/orgs/:orgID", allowed: .accounts(viewers),
            path: { f, inside in "/api/orgs/\(id(inside ? f.unionA : f.unionY))" }, hasObject: true, form: noForm),
        Row(method: .GET, pattern: "admin/users", allowed: .accounts(administrators), path: fixed("/admin/users"), hasObject: false, form: noForm),
        Row(method: .POST, pattern: "admin/users", allowed: .accounts(administrators), path: fixed("/admin/users"), hasObject: false,
            form: { f in ["username": "newcomer", "displayName": "新同事", "organisation": id(f.unionA), "role": "unionCadre"] }),
        Row(method: .GET, pattern: "admin/users/new", allowed: .accounts(administrators), path: fixed("/admin/users/new"), hasObject: false, form: noForm),
        Row(method: .GET, pattern: "admin/users/:userID", allowed: .accounts(administrators), path: user(), hasObject: true, form: noForm),
        Row(method: .POST, pattern: "admin/users/:userID/roles", allowed: .accounts(administrators), path: user("/roles"), hasObject: true,
            form: { f in ["role": "inspector", "organisation": id(f.unionA)] }),
        Row(method: .POST, pattern: "admin/users/:userID/roles/:assignmentID/revoke", allowed: .accounts(administrators),
            path: { f, inside in inside ? "/admin/users/\(id(f.users["target"]!))/roles/\(id(f.targetAssignment))/revoke"
                : "/admin/users/\(id(f.users["outsider"]!))/roles/\(id(f.targetAssignment))/revoke" }, hasObject: true, form: noForm),
        Row(method: .POST, pattern: "admin/users/:userID/disable", allowed: .accounts(administrators), path: user("/disable"), hasObject: true, form: noForm),
        Row(method: .POST, pattern: "admin/users/:userID/enable", allowed: .accounts(administrators), path: user("/enable"), hasObject: true, form: noForm),
        Row(method: .POST, pattern: "admin/users/:userID/reset-password", allowed: .accounts(administrators), path: user("/reset-password"), hasObject: true, form: noForm),
        Row(method: .GET, pattern: "audit", allowed: .accounts(auditors), path: fixed("/audit"), hasObject: false, form: noForm),
    ]

    @Test func everyRegisteredRouteHasAPolicyEntryAndAMatrixRow() async throws {
        try await withTestApp { app in
            for route in app.routes.all {
                let pattern = route.path.map(\.description).joined(separator: "/")
                #expect(SiteRoute.endpoint(method: route.method, pattern: pattern) != nil,
                        "\(route.method) /\(pattern) is registered without an entry in SiteRoute.endpoints")
                #expect(Self.rows.contains { $0.method == route.method && $0.pattern == pattern },
                        "\(route.method) /\(pattern) has no row in the authorization matrix")
            }
            #expect(app.routes.all.count == SiteRoute.endpoints.count)
            #expect(Self.rows.count == SiteRoute.endpoints.count)
        }
    }

    /// True when the response is a refusal: "not found", sent to sign in, or 401.
    static func refused(_ response: WebResponse) -> Bool {
        response.status == .notFound || response.isSignInRedirect || response.status == .unauthorized
    }

    @Test(arguments: rows)
    func everyRoleInAndOutOfScope(row: Row) async throws {
        // Each account acts in an app of its own: a POST that retires or disables must not
        // change what the next account sees.
        for (_, account) in Fixture.roleAccounts {
            try await withTestApp { app in
                let fixture = try await Fixture.make(app)
                let browser = WebSession(app)
                let signedIn = try await browser.signIn(account)
                #expect(signedIn.status == .seeOther, "\(account) could not sign in")
                try await browser.get("/account")  // a page, for the session's CSRF token
                let mayAct: Bool = switch row.allowed {
                case .anyone, .signedIn: true
                case .accounts(let names): names.contains(account)
                }
                // The global administrator has no "outside"; everyone else gets "not found" there.
                if row.hasObject && account != "sysadmin" {
                    let outside = try await browser.request(row.method, row.path(fixture, false), form: row.method == .POST ? row.form(fixture) : nil)
                    #expect(outside.status == .notFound, "\(row.method) \(row.pattern) as \(account), object outside the subtree: \(outside.status)")
                }
                let inside = try await browser.request(row.method, row.path(fixture, true), form: row.method == .POST ? row.form(fixture) : nil)
                if case .anyone = row.allowed {
                    #expect(inside.status != .notFound && inside.status != .forbidden, "\(row.method) \(row.pattern) as \(account): \(inside.status)")
                } else if mayAct {
                    #expect(!Self.refused(inside), "\(row.method) \(row.pattern) as \(account) should be allowed: \(inside.status)")
                } else {
                    #expect(inside.status == .notFound, "\(row.method) \(row.pattern) as \(account) should be refused as not found: \(inside.status)")
                }
            }
        }
    }

    @Test(arguments: rows)
    func signedOut(row: Row) async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let browser = WebSession(app)
            try await browser.get("/signin")  // the anonymous CSRF token, as a browser would have
            let response = try await browser.request(row.method, row.path(fixture, true), form: row.method == .POST ? row.form(fixture) : nil)
            switch row.allowed {
            case .anyone:
                #expect(!response.isSignInRedirect && response.status != .notFound && response.status != .forbidden,
                        "\(row.method) \(row.pattern) signed out: \(response.status)")
            case .signedIn, .accounts:
                if row.pattern.hasPrefix("api/") {
                    #expect(response.status == .unauthorized, "\(row.method) \(row.pattern) signed out: \(response.status)")
                } else {
                    #expect(response.isSignInRedirect, "\(row.method) \(row.pattern) signed out: \(response.status) \(response.location ?? "")")
                }
            }
        }
    }

    /// An id that does not exist gets the same answer as one outside the subtree.
    @Test func unknownIdsLookLikeHiddenOnes() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let browser = WebSession(app)
            try await browser.signIn("staff")
            let paths = ["/orgs/\(Self.id(fixture.unionY))", "/orgs/\(Self.id(UUID()))", "/orgs/not-an-id"]
            var bodies: [String] = []
            for path in paths {
                let response = try await browser.get(path)
                #expect(response.status == .notFound)
                // The page links to itself in the other language; apart from that, the answers are one.
                bodies.append(response.body.replacingOccurrences(of: path, with: "/orgs/X"))
            }
            #expect(Set(bodies).count == 1)
        }
    }

    @Test(arguments: rows.filter { $0.method == .POST })
    func stateChangingRequestsNeedTheCSRFToken(row: Row) async throws {
        let endpoint = try #require(SiteRoute.endpoint(method: row.method, pattern: row.pattern))
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let browser = WebSession(app)
            try await browser.signIn("sysadmin")
            try await browser.get("/account")
            var form = row.form(fixture)
            form["_csrf"] = nil
            let missing = try await browser.request(.POST, row.path(fixture, true), form: form, csrf: false)
            form["_csrf"] = "not-the-token-" + String(repeating: "x", count: 30)
            let wrong = try await browser.request(.POST, row.path(fixture, true), form: form, csrf: false)
            if endpoint.csrf {
                #expect(missing.status == .forbidden, "\(row.pattern) without a token: \(missing.status)")
                #expect(wrong.status == .forbidden, "\(row.pattern) with a wrong token: \(wrong.status)")
                #expect(missing.body.contains("页面已过期或来源不明"))
            } else {
                #expect(missing.status != .forbidden)
            }
        }
    }
}
