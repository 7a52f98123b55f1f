import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The e-mail address reminders go to: set by the person or by an administrator, checked, audited,
/// a stale form refused.
@Suite struct AccountEmailTests {
    @Test func thePersonSetsTheirAddressAndABadOneNamesTheField() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let page = try await cadre.get("/account")
            #expect(page.body.contains("<dt>电子邮箱</dt><dd>未填写</dd>") && page.body.contains("用于接收待办事项的截止提醒，可留空。"))
            // act: an address with a line break in it is refused, naming the field; nothing stored
            let bad = try await cadre.post("/account/email", ["email": "wang@jia.example.cn\r\nRCPT TO:<x@example.cn>"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("电子邮箱格式不正确（例如 name@example.cn）。"))
            #expect(try await UserModel.find(f.users["cadre"]!, on: app.db)?.email == nil)
            let good = try await cadre.post("/account/email", ["email": " wang.li@JIA.example.cn "])
            // check
            #expect(good.status == .seeOther && good.location == "/account?done=email")
            #expect(try await UserModel.find(f.users["cadre"]!, on: app.db)?.email == "wang.li@jia.example.cn")
            let after = try await cadre.get("/account?done=email")
            #expect(after.body.contains("电子邮箱已保存。") && after.body.contains("<dd>wang.li@jia.example.cn</dd>"))
            let audit = try await CongressAndNoticeTests.auditRows(app).filter { $0.action == "account.email" }
            #expect(audit.count == 1 && audit[0].after_json.contains(#""email":"wang.li@jia.example.cn""#))
            // emptied: no address
            #expect(try await cadre.post("/account/email", ["email": ""]).status == .seeOther)
            #expect(try await UserModel.find(f.users["cadre"]!, on: app.db)?.email == nil)
        }
    }

    @Test func anAdministratorSetsAnAddressAndAStaleFormIsRefused() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            let target = f.users["target"]!
            let version = try #require(try await UserModel.find(target, on: app.db)).version
            let admin = WebSession(app)
            try await admin.signIn("admin")
            let page = try await admin.get("/admin/users/\(target.uuidString.lowercased())")
            #expect(page.body.contains(#"action="/admin/users/\#(target.uuidString.lowercased())/email""#))
            // act
            let set = try await admin.post("/admin/users/\(target.uuidString.lowercased())/email",
                                           ["email": "target@jia.example.cn", "version": String(version)])
            // check
            #expect(set.status == .seeOther && set.location == "/admin/users/\(target.uuidString.lowercased())?done=email")
            #expect(try await UserModel.find(target, on: app.db)?.email == "target@jia.example.cn")
            // a form read before that change is refused, and changes nothing
            let stale = try await admin.post("/admin/users/\(target.uuidString.lowercased())/email",
                                             ["email": "other@jia.example.cn", "version": String(version)])
            #expect(stale.status == .conflict)
            #expect(try await UserModel.find(target, on: app.db)?.email == "target@jia.example.cn")
        }
    }
}
