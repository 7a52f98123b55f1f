import Fluent
import Foundation
import UnionStarCore
import Vapor
@testable import App

extension AuthorizationMatrixTests {
    /// The inbox and the e-mail address reminders go to: one row per endpoint.
    static var inboxRows: [Row] {
        [
            // 甲公司工会 filed: it waits for 夏村镇's reviewer alone.
            Row(method: .GET, pattern: "inbox", allowed: .signedIn, path: fixed("/inbox"), hasObject: false, prepare: filed("2020-09-02"),
                expected: { c in
                    c.account == "reviewer"
                        ? Expected(status: .ok, contains: ["<h1>待办事项</h1>", ">审核盖章</a>", "<td data-label=\"申报单位\">甲公司工会</td>",
                                                           "2020年8月31日", "已逾期"])
                        : Expected(status: .ok, contains: ["<h1>待办事项</h1>", "没有等待您处理的事项。"], lacks: ["甲公司工会"])
                }),
            Row(method: .POST, pattern: "account/email", allowed: .signedIn, path: fixed("/account/email"), hasObject: false,
                payload: .form { _ in ["email": "matrix@rushan.example.cn"] },
                expected: { c in
                    let stored = try await UserModel.query(on: c.app.db).filter(\.$username == c.account!).first()?.email
                    return Expected(status: .seeOther, location: stored == "matrix@rushan.example.cn" ? "/account?done=email" : "(not stored)")
                }),
            Row(method: .POST, pattern: "admin/users/:userID/email", allowed: .accounts(administrators), path: user("/email"), hasObject: true,
                payload: .form { _ in ["email": "target@rushan.example.cn"] },
                expected: { c in
                    let stored = try await UserModel.find(c.fixture.users["target"]!, on: c.app.db)?.email
                    return Expected(status: .seeOther,
                                    location: stored == "target@rushan.example.cn" ? "/admin/users/\(id(c.fixture.users["target"]!))?done=email" : "(not stored)")
                }),
        ]
    }
}
