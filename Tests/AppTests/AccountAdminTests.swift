import Fluent
import Foundation
import Testing
import Vapor
@testable import App

/// An administrator's disable, enable and reset-password carry the version of the account the
/// page showed, like the organisation forms: acting on a page someone else has since overtaken is
/// refused, and nothing is written.
@Suite struct StaleAccountActionTests {
    static let actions = ["disable", "enable", "reset-password"]

    /// The hidden version in the form that posts to `path`.
    static func version(in html: String, formAction path: String) -> String? {
        guard let start = html.range(of: "action=\"\(path)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</form>") else { return nil }
        return rest[..<end.lowerBound].firstMatch(of: /name="version" value="(\d+)"/).map { String($0.1) }
    }

    /// What the three actions could change.
    struct AccountState: Equatable {
        var disabled: Bool
        var passwordHash: String
        var mustChangePassword: Bool
        var version: Int
        var sessions: Int
        var auditEntries: Int64
    }

    static func state(_ app: Application, _ id: UUID) async throws -> AccountState {
        let user = try #require(try await UserModel.find(id, on: app.db))
        return AccountState(disabled: user.disabledAt != nil, passwordHash: user.passwordHash, mustChangePassword: user.mustChangePassword,
                            version: user.version, sessions: try await SessionModel.query(on: app.db).filter(\.$userID == id).count(),
                            auditEntries: try await AuditLog.verify(on: app.db).count)
    }

    @Test(arguments: actions)
    func aStaleActionIsRefusedAndChangesNothing(action: String) async throws {
        try await withTestApp { app in
            // setup: 乳山's administrator opens the target's page…
            let fixture = try await Fixture.make(app)
            let target = try #require(fixture.users["target"])
            let page = "/admin/users/\(target.uuidString.lowercased())"
            let path = "\(page)/\(action)"
            let other = WebSession(app)
            try await other.signIn("sysadmin")
            if action == "enable" {
                try await other.get(page)
                #expect(try await other.post("\(page)/disable", ["version": "1"]).status == .seeOther)
            }
            let admin = WebSession(app)
            try await admin.signIn("admin")
            let opened = try await admin.get(page)
            let version = try #require(Self.version(in: opened.body, formAction: path), "the \(action) form carries no version")
            // …and before it acts, the account changes: its owner picks a new password (keeping
            // the session), or, disabled, another administrator resets it.
            let owner = WebSession(app)
            if action == "enable" {
                let current = try await other.get(page)
                let otherVersion = try #require(Self.version(in: current.body, formAction: "\(page)/reset-password"))
                #expect(try await other.post("\(page)/reset-password", ["version": otherVersion]).status == .ok)
            } else {
                try await owner.signIn("target")
                let changed = try await owner.post("/account/password", ["current": Fixture.password, "new": "Owner-Chose-2027!", "confirm": "Owner-Chose-2027!"])
                #expect(changed.status == .seeOther)
            }
            let before = try await Self.state(app, target)
            #expect(String(before.version) != version)

            // act
            let stale = try await admin.post(path, ["version": version])
            let english = try await admin.request(.POST, path + "?lang=en", form: ["version": version])

            // check: refused with a sentence in the reader's language, and nothing written, no audit entry
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("未执行：这个账号在您打开页面后已被他人修改。"))
            #expect(english.status == .conflict)
            #expect(english.body.contains("Not done: someone changed this account after you opened the page."))
            #expect(try await Self.state(app, target) == before)
            if action != "enable" {
                #expect(try await owner.get("/account").status == .ok)  // the owner's session lives on
            }
            // The refusal shows the account as it is now, with its new version: acting on that works.
            let fresh = try #require(Self.version(in: stale.body, formAction: path))
            #expect(fresh == String(before.version))
            let retried = try await admin.post(path, ["version": fresh])
            #expect(retried.status == (action == "reset-password" ? .ok : .seeOther))
            #expect(try await Self.state(app, target).auditEntries == before.auditEntries + 1)
        }
    }

    @Test(arguments: actions)
    func anActionWithoutItsVersionIsRefusedAndChangesNothing(action: String) async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let target = try #require(fixture.users["target"])
            let page = "/admin/users/\(target.uuidString.lowercased())"
            let admin = WebSession(app)
            try await admin.signIn("admin")
            try await admin.get(page)
            let before = try await Self.state(app, target)
            // act
            let response = try await admin.post("\(page)/\(action)", [:])
            // check
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("表单缺少版本号，请重新打开页面"))
            #expect(try await Self.state(app, target) == before)
        }
    }
}
