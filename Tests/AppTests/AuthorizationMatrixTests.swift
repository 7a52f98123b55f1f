import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
import VaporTesting
@testable import App

/// Every route the app registers, tried by every role, on an object inside its subtree and on one
/// outside it, and signed out. The expectations are written here, independently of the policy
/// module: a route added without an entry in `SiteRoute.endpoints`, or without a row here, fails.
///
/// A permitted request must get its exact answer (status, and where it matters the redirect's
/// target or a fragment of the page only that answer has), so a 500 or a 422 on a permitted
/// request fails the matrix. Each (row, account) runs in an app and fixture of its own, so what
/// one POST changes never decides what the next one gets.
@Suite struct AuthorizationMatrixTests {
    /// Who may use a route, by account name (see `Fixture`).
    enum Allowed: Sendable {
        case anyone
        case signedIn
        case accounts(Set<String>)
    }

    /// What a request carries besides the CSRF token.
    enum Payload: Sendable {
        case none
        case form(@Sendable (Fixture) -> [String: String])
        /// A JSON body (the score calculator), made from the app's schemes.
        case json(@Sendable (Application) -> Data)
        /// A CSV file sent as the import form sends it.
        case csv(String)
        /// A multipart form with one file (the congress minutes).
        case multipart(@Sendable (Fixture) -> [String: String], file: UploadFile)
        /// A JSON body for the API, sent with the session's CSRF token in the header.
        case api(@Sendable (Fixture) -> String)
    }

    /// The answer a permitted request must get.
    struct Expected: Sendable {
        var status: HTTPResponseStatus
        /// The redirect's exact target.
        var location: String? = nil
        var contains: [String] = []
        var lacks: [String] = []
    }

    /// Who asked, in which app: what an expectation may read (the database after the request,
    /// say, to name what a POST created).
    struct Context: Sendable {
        var app: Application
        var fixture: Fixture
        /// Nil when signed out (routes open to anyone).
        var account: String?
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var method: HTTPMethod
        var pattern: String
        var allowed: Allowed
        /// The URL with an object inside (true) or outside (false) the acting account's subtree.
        var path: @Sendable (Fixture, _ account: String?, _ inside: Bool) -> String
        var hasObject: Bool
        var payload: Payload = .none
        /// Puts the fixture in the state the action needs (a retired unit to restore, a disabled
        /// account to enable), before anyone signs in.
        var prepare: (@Sendable (Application, Fixture) async throws -> Void)? = nil
        /// The exact answer for a permitted account, read after the request.
        var expected: @Sendable (Context) async throws -> Expected

        var testDescription: String { "\(method) /\(pattern)" }
    }

    static let viewers: Set<String> = ["cadre", "reviewer", "staff", "admin", "prefecture", "inspector", "sysadmin"]
    static let editors: Set<String> = ["staff", "admin", "sysadmin"]
    static let exporters: Set<String> = ["reviewer", "staff", "admin", "prefecture", "sysadmin"]
    static let administrators: Set<String> = ["admin", "sysadmin"]
    static let auditors: Set<String> = ["staff", "admin", "prefecture", "sysadmin"]

    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func fixed(_ path: String) -> @Sendable (Fixture, String?, Bool) -> String { { _, _, _ in path } }
    /// 甲公司工会 (inside every role's subtree) or 丙公司工会 (outside all but the global administrator's).
    static func org(_ suffix: String = "") -> @Sendable (Fixture, String?, Bool) -> String {
        { f, _, inside in "/orgs/\(id(inside ? f.unionA : f.unionY))\(suffix)" }
    }
    /// A node that can hold units, for creating and importing under: 夏村镇总工会, inside every
    /// role's subtree but the cadre's; the cadre (refused anyway) is tried on its own union, so its
    /// refusal comes from the action, not the scope.
    static func container(_ suffix: String = "") -> @Sendable (Fixture, String?, Bool) -> String {
        { f, account, inside in "/orgs/\(id(inside ? (account == "cadre" ? f.unionA : f.xiacun) : f.unionY))\(suffix)" }
    }
    static func user(_ suffix: String = "") -> @Sendable (Fixture, String?, Bool) -> String {
        { f, _, inside in "/admin/users/\(id(inside ? f.users["target"]! : f.users["outsider"]!))\(suffix)" }
    }
    static func same(_ expected: Expected) -> @Sendable (Context) async throws -> Expected { { _ in expected } }

    /// One new union under 夏村镇总工会, as a spreadsheet would bring it.
    static let importFile = OrganisationImportHTTPTests.header + "矩阵导入工会,威海市总工会/乳山市总工会/夏村镇总工会,基层工会,企业工会,,10,12,,,,否\n"
    static let imported = Expected(status: .ok, contains: ["已导入。", "新建：1，修改：0，无变化：0，有错误的行：0"])

    /// The redirect to a node the request created, found by name (a miss fails the expectation).
    static func createdNode(_ name: String, _ c: Context) async throws -> Expected {
        let made = try await OrganisationModel.query(on: c.app.db).filter(\.$name == name).first()
        return Expected(status: .seeOther, location: made.map { "/orgs/\(id($0.id!))?done=created" } ?? "(no unit named \(name))")
    }

    static let campaignViewers: Set<String> = ["reviewer", "staff", "admin", "prefecture", "sysadmin"]
    static let applicationViewers: Set<String> = ["cadre", "reviewer", "staff", "prefecture"]
    /// 乳山's 2020 campaign (inside every role's subtree) or 仪征's 2019 one (outside all but the
    /// global administrator's).
    static func campaign(_ suffix: String = "") -> @Sendable (Fixture, String?, Bool) -> String {
        { f, _, inside in "/campaigns/\(id(inside ? f.rushanCampaign : f.yizhengCampaign))\(suffix)" }
    }
    /// 甲公司工会's application in 乳山's campaign, or 丙公司工会's in 仪征's.
    static func application(_ suffix: String = "") -> @Sendable (Fixture, String?, Bool) -> String {
        { f, _, inside in
            inside ? "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))\(suffix)" : "/campaigns/\(id(f.yizhengCampaign))/units/\(id(f.unionY))\(suffix)"
        }
    }
    /// The app's clock set to 10:00 in China on `day`, before anyone signs in.
    static func clock(_ day: String) -> @Sendable (Application, Fixture) async throws -> Void {
        { app, _ in app.clock = FixedClock(Fixture.chinaMorning(day)) }
    }

    /// 甲公司工会's application on notice until 2020-08-27, its form complete, the clock on `day`.
    static func onNotice(_ day: String) -> @Sendable (Application, Fixture) async throws -> Void {
        { app, f in
            app.clock = FixedClock(Fixture.chinaMorning(day))
            try await FilingSetup.application(app, f, state: .onNotice)
        }
    }
    /// 甲公司工会's application filed (round 1), the clock on `day`.
    static func filed(_ day: String) -> @Sendable (Application, Fixture) async throws -> Void {
        { app, f in
            app.clock = FixedClock(Fixture.chinaMorning(day))
            try await FilingSetup.application(app, f, state: .filed, rounds: 1)
        }
    }

    static func endorsed(_ day: String) -> @Sendable (Application, Fixture) async throws -> Void {
        { app, f in
            app.clock = FixedClock(Fixture.chinaMorning(day))
            try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
        }
    }

    /// 甲公司工会 endorsed on 2020-09-10, with the fixture's inspector assigned.
    static let inspecting: @Sendable (Application, Fixture) async throws -> Void = { app, f in
        app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
        let applicationID = try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
        try await app.writes.perform { db in
            let row = InspectionAssignmentModel()
            row.applicationID = applicationID
            row.inspectorID = f.users["inspector"]!
            row.assignedBy = "test"
            row.assignedAt = Date()
            row.version = 0
            try await row.create(on: db)
        }
    }

    /// The fixture's inspector's declaration (inside), and another account's (outside).
    static let declaredConflict = UUID(uuidString: "0c0f11c7-0000-4000-8000-000000000001")!
    static let othersConflict = UUID(uuidString: "0c0f11c7-0000-4000-8000-000000000002")!

    /// A draw recorded on 乳山's campaign (its population 甲公司工会 alone), for the public pages.
    static let publishedDraw = UUID(uuidString: "5d0c4ec4-0000-4000-8000-000000000001")!
    static let recordedDraw: @Sendable (Application, Fixture) async throws -> Void = { app, f in
        try await app.writes.perform { db in
            let row = SpotCheckDrawModel()
            row.id = publishedDraw
            row.campaignID = f.rushanCampaign
            row.number = 1
            row.tier = "three-star"
            row.seed = "42"
            row.seedGiven = true
            row.size = 1
            row.populationJSON = CampaignStore.encode([SpotCheckController.Unit(id: id(f.unionA), name: "甲公司工会")])
            row.sampleJSON = CampaignStore.encode([id(f.unionA)])
            row.federation = "威海市总工会"
            row.drawnBy = "测试prefecture（prefecture）"
            row.drawnAt = Date()
            try await row.create(on: db)
        }
    }

    static let rows: [Row] = [
        // Public
        Row(method: .GET, pattern: "", allowed: .anyone, path: fixed("/"), hasObject: false,
            expected: same(Expected(status: .ok, contains: ["“活力基层工会”星级创建标准（企业工会）", "rushan-2020-regional"]))),
        Row(method: .GET, pattern: "healthz", allowed: .anyone, path: fixed("/healthz"), hasObject: false,
            expected: same(Expected(status: .ok, contains: [#""status":"ok""#]))),
        Row(method: .GET, pattern: "schemes/:schemeID", allowed: .anyone, path: fixed("/schemes/rushan-2020-enterprise"), hasObject: false,
            expected: same(Expected(status: .ok, contains: ["工会三委会以换届档案和上级批复为准"]))),
        Row(method: .GET, pattern: "api/schemes", allowed: .anyone, path: fixed("/api/schemes"), hasObject: false,
            expected: same(Expected(status: .ok, contains: [#""id":"rushan-2020-enterprise""#, #""id":"yizheng-2019-chair""#]))),
        Row(method: .GET, pattern: "api/schemes/:schemeID", allowed: .anyone, path: fixed("/api/schemes/rushan-2020-regional"), hasObject: false,
            expected: same(Expected(status: .ok, contains: [#""id":"rushan-2020-regional""#, "当年每组织所辖单位开展一次劳动竞赛"]))),
        Row(method: .POST, pattern: "api/schemes/:schemeID/assessments", allowed: .anyone,
            path: fixed("/api/schemes/rushan-2020-enterprise/assessments"), hasObject: false,
            payload: .json { app in app.catalogue.scorer("rushan-2020-enterprise")!.templateAnswers().json() },
            expected: same(Expected(status: .ok, contains: [#""total":100"#, #""tier":"五星级""#]))),
        // Signing in
        Row(method: .GET, pattern: "signin", allowed: .anyone, path: fixed("/signin"), hasObject: false,
            expected: { c in
                c.account == nil ? Expected(status: .ok, contains: [#"name="username""#, #"name="password""#])
                    : Expected(status: .seeOther, location: "/orgs")
            }),
        Row(method: .POST, pattern: "signin", allowed: .anyone, path: fixed("/signin"), hasObject: false,
            payload: .form { _ in ["username": "nobody", "password": "wrong-password"] },
            expected: same(Expected(status: .unauthorized, contains: ["用户名或密码不正确。"]))),
        Row(method: .POST, pattern: "signout", allowed: .signedIn, path: fixed("/signout"), hasObject: false,
            expected: same(Expected(status: .seeOther, location: "/signin?done=signedout"))),
        Row(method: .POST, pattern: "signout-everywhere", allowed: .signedIn, path: fixed("/signout-everywhere"), hasObject: false,
            expected: same(Expected(status: .seeOther, location: "/signin?done=signedout"))),
        Row(method: .GET, pattern: "account", allowed: .signedIn, path: fixed("/account"), hasObject: false,
            expected: { c in Expected(status: .ok, contains: ["<dd>\(c.account!)</dd>"]) }),
        Row(method: .GET, pattern: "account/password", allowed: .signedIn, path: fixed("/account/password"), hasObject: false,
            expected: same(Expected(status: .ok, contains: [#"name="current""#, #"name="confirm""#]))),
        Row(method: .POST, pattern: "account/password", allowed: .signedIn, path: fixed("/account/password"), hasObject: false,
            payload: .form { _ in ["current": Fixture.password, "new": "Another-Union-2027?", "confirm": "Another-Union-2027?"] },
            expected: same(Expected(status: .seeOther, location: "/account?done=password"))),
        // The organisation tree
        Row(method: .GET, pattern: "orgs", allowed: .accounts(viewers), path: fixed("/orgs"), hasObject: false,
            expected: { c in
                // Each account's list starts at the top of what it may see.
                let f = c.fixture
                let top: UUID = switch c.account {
                case "cadre": f.unionA
                case "reviewer", "inspector": f.xiacun
                case "staff", "admin": f.rushan
                default: f.weihai
                }
                let yangzhou = "href=\"/orgs/\(id(f.yangzhou))\""
                return Expected(status: .ok, contains: ["href=\"/orgs/\(id(top))\""] + (c.account == "sysadmin" ? [yangzhou] : []),
                                lacks: c.account == "sysadmin" ? [] : [yangzhou])
            }),
        // Every signed-in person may ask the picker; what it answers is bounded by their reach
        // (PickerAndPagingTests): a cadre may not create accounts and gets an empty list.
        Row(method: .GET, pattern: "orgs/picker", allowed: .signedIn, path: fixed("/orgs/picker?purpose=home&q=%E7%94%B2"), hasObject: false,
            expected: { c in
                let reaches = ["admin", "sysadmin"].contains(c.account)
                return Expected(status: .ok, contains: reaches ? [id(c.fixture.unionA)] : [#""matches":[]"#], lacks: reaches ? [] : [id(c.fixture.unionA)])
            }),
        Row(method: .GET, pattern: "orgs/new", allowed: .accounts(["sysadmin"]), path: fixed("/orgs/new"), hasObject: false,
            expected: same(Expected(status: .ok, contains: ["新建地市总工会", #"<option value="prefecture""#]))),
        Row(method: .POST, pattern: "orgs", allowed: .accounts(["sysadmin"]), path: fixed("/orgs"), hasObject: false,
            payload: .form { _ in ["name": "烟台市总工会", "level": "prefecture"] },
            expected: { c in try await createdNode("烟台市总工会", c) }),
        Row(method: .GET, pattern: "orgs/import", allowed: .accounts(editors), path: fixed("/orgs/import"), hasObject: false,
            expected: same(Expected(status: .ok, contains: ["导入到“全部”", #"type="file""#]))),
        Row(method: .POST, pattern: "orgs/import", allowed: .accounts(editors), path: fixed("/orgs/import"), hasObject: false,
            payload: .csv(importFile), expected: same(imported)),
        Row(method: .GET, pattern: "orgs/:orgID", allowed: .accounts(viewers), path: org(), hasObject: true,
            expected: same(Expected(status: .ok, contains: ["<h1>甲公司工会</h1>"]))),
        Row(method: .GET, pattern: "orgs/:orgID/new", allowed: .accounts(editors), path: container("/new"), hasObject: true,
            expected: same(Expected(status: .ok, contains: ["在“夏村镇总工会”下新建单位", #"<option value="grassroots""#]))),
        Row(method: .POST, pattern: "orgs/:orgID", allowed: .accounts(editors), path: container(), hasObject: true,
            payload: .form { _ in ["name": "矩阵新单位工会", "level": "grassroots", "kind": "enterprise"] },
            expected: { c in try await createdNode("矩阵新单位工会", c) }),
        Row(method: .GET, pattern: "orgs/:orgID/edit", allowed: .accounts(editors), path: org("/edit"), hasObject: true,
            expected: same(Expected(status: .ok, contains: ["编辑“甲公司工会”", #"name="version" value="1""#]))),
        Row(method: .POST, pattern: "orgs/:orgID/edit", allowed: .accounts(editors), path: org("/edit"), hasObject: true,
            payload: .form { _ in ["name": "甲公司工会（改）", "kind": "enterprise", "members": "61", "version": "1"] },
            expected: { c in Expected(status: .seeOther, location: "/orgs/\(id(c.fixture.unionA))?done=saved") }),
        Row(method: .GET, pattern: "orgs/:orgID/move", allowed: .accounts(editors), path: org("/move"), hasObject: true,
            expected: { c in Expected(status: .ok, contains: ["移动“甲公司工会”", "<option value=\"\(id(c.fixture.rushankou))\""]) }),
        Row(method: .POST, pattern: "orgs/:orgID/move", allowed: .accounts(editors), path: org("/move"), hasObject: true,
            payload: .form { f in ["parent": id(f.rushankou), "version": "1"] },
            expected: { c in Expected(status: .seeOther, location: "/orgs/\(id(c.fixture.unionA))?done=moved") }),
        Row(method: .POST, pattern: "orgs/:orgID/retire", allowed: .accounts(editors), path: org("/retire"), hasObject: true,
            payload: .form { _ in ["version": "1"] },
            expected: { c in Expected(status: .seeOther, location: "/orgs/\(id(c.fixture.unionA))?done=retired") }),
        Row(method: .POST, pattern: "orgs/:orgID/restore", allowed: .accounts(editors), path: org("/restore"), hasObject: true,
            payload: .form { _ in ["version": "2"] },
            prepare: { app, f in
                _ = try await app.writes.perform { db in try await OrganisationStore.setRetired(f.unionA, true, version: 1, actor: .commandLine("t"), on: db) }
            },
            expected: { c in Expected(status: .seeOther, location: "/orgs/\(id(c.fixture.unionA))?done=restored") }),
        Row(method: .GET, pattern: "orgs/:orgID/import", allowed: .accounts(editors), path: container("/import"), hasObject: true,
            expected: same(Expected(status: .ok, contains: ["导入到“夏村镇总工会”", #"type="file""#]))),
        Row(method: .POST, pattern: "orgs/:orgID/import", allowed: .accounts(editors), path: container("/import"), hasObject: true,
            payload: .csv(importFile), expected: same(imported)),
        Row(method: .GET, pattern: "orgs/:orgID/export", allowed: .accounts(exporters), path: org("/export"), hasObject: true,
            expected: same(Expected(status: .ok, contains: ["甲公司工会,威海市总工会/乳山市总工会/夏村镇总工会,基层工会,企业工会"], lacks: ["乙公司工会"]))),
        Row(method: .GET, pattern: "api/orgs/:orgID", allowed: .accounts(viewers),
            path: { f, _, inside in "/api/orgs/\(id(inside ? f.unionA : f.unionY))" }, hasObject: true,
            expected: same(Expected(status: .ok, contains: [#""name":"甲公司工会""#, #""version":1"#]))),
        // Accounts
        Row(method: .GET, pattern: "admin/users", allowed: .accounts(administrators), path: fixed("/admin/users"), hasObject: false,
            expected: { c in
                // 乳山's administrator lists the accounts homed under 乳山; the global one, all.
                c.account == "sysadmin" ? Expected(status: .ok, contains: ["测试target", "测试outsider"])
                    : Expected(status: .ok, contains: ["测试target"], lacks: ["测试outsider"])
            }),
        Row(method: .POST, pattern: "admin/users", allowed: .accounts(administrators), path: fixed("/admin/users"), hasObject: false,
            payload: .form { f in ["username": "newcomer", "displayName": "新同事", "organisation": id(f.unionA), "role": "unionCadre"] },
            expected: same(Expected(status: .ok, contains: ["账号已建立", "账号“newcomer”的临时密码", "data-secret"]))),
        Row(method: .GET, pattern: "admin/users/new", allowed: .accounts(administrators), path: fixed("/admin/users/new"), hasObject: false,
            expected: { c in Expected(status: .ok, contains: ["新建账号", "<option value=\"\(id(c.fixture.unionA))\""]) }),
        Row(method: .GET, pattern: "admin/users/:userID", allowed: .accounts(administrators), path: user(), hasObject: true,
            expected: same(Expected(status: .ok, contains: ["测试target（target）", #"name="version" value="1""#]))),
        Row(method: .POST, pattern: "admin/users/:userID/roles", allowed: .accounts(administrators), path: user("/roles"), hasObject: true,
            payload: .form { f in ["role": "inspector", "organisation": id(f.unionA)] },
            expected: { c in Expected(status: .seeOther, location: "/admin/users/\(id(c.fixture.users["target"]!))?done=role") }),
        Row(method: .POST, pattern: "admin/users/:userID/roles/:assignmentID/revoke", allowed: .accounts(administrators),
            path: { f, _, inside in inside ? "/admin/users/\(id(f.users["target"]!))/roles/\(id(f.targetAssignment))/revoke"
                : "/admin/users/\(id(f.users["outsider"]!))/roles/\(id(f.targetAssignment))/revoke" }, hasObject: true,
            expected: { c in Expected(status: .seeOther, location: "/admin/users/\(id(c.fixture.users["target"]!))?done=revoked") }),
        Row(method: .POST, pattern: "admin/users/:userID/disable", allowed: .accounts(administrators), path: user("/disable"), hasObject: true,
            payload: .form { _ in ["version": "1"] },
            expected: { c in Expected(status: .seeOther, location: "/admin/users/\(id(c.fixture.users["target"]!))?done=disabled") }),
        Row(method: .POST, pattern: "admin/users/:userID/enable", allowed: .accounts(administrators), path: user("/enable"), hasObject: true,
            payload: .form { _ in ["version": "2"] },
            prepare: { app, f in
                try await app.writes.perform { db in
                    try await AccountStore.setDisabled(try await UserModel.find(f.users["target"]!, on: db)!, true, actor: .commandLine("t"), on: db)
                }
            },
            expected: { c in Expected(status: .seeOther, location: "/admin/users/\(id(c.fixture.users["target"]!))?done=enabled") }),
        Row(method: .POST, pattern: "admin/users/:userID/reset-password", allowed: .accounts(administrators), path: user("/reset-password"),
            hasObject: true, payload: .form { _ in ["version": "1"] },
            expected: same(Expected(status: .ok, contains: ["密码已重置", "账号“target”的新临时密码", "data-secret"]))),
        // Audit trail
        Row(method: .GET, pattern: "audit", allowed: .accounts(auditors), path: fixed("/audit"), hasObject: false,
            expected: { c in
                // Entries within the viewer's subtree only: 仪征's units are the global administrator's alone.
                c.account == "sysadmin" ? Expected(status: .ok, contains: ["<td>新建单位</td>", "甲公司工会", "丙公司工会"])
                    : Expected(status: .ok, contains: ["<td>新建单位</td>", "甲公司工会"], lacks: ["丙公司工会"])
            }),
        // One entry with its raw record: 甲公司工会's creation, or 丙公司工会's (the global administrator's alone)
        Row(method: .GET, pattern: "audit/:sequence", allowed: .accounts(auditors),
            path: { f, _, inside in "/audit/\(inside ? f.unionACreated : f.unionYCreated)" }, hasObject: true,
            expected: same(Expected(status: .ok, contains: ["<td>新建单位</td>", "<code>organisation.create</code>", "<li>名称：— → 甲公司工会</li>",
                                                            "&quot;name&quot;:&quot;甲公司工会&quot;"]))),
        Row(method: .GET, pattern: "campaigns", allowed: .signedIn, path: fixed("/campaigns"), hasObject: false,
            expected: { c in
                c.account == "sysadmin" ? Expected(status: .ok, contains: ["2020年度“活力基层工会”星级创建", "2019年度“双争”活动"])
                    : Expected(status: .ok, contains: ["2020年度“活力基层工会”星级创建"], lacks: ["2019年度“双争”活动"])
            }),
        Row(method: .GET, pattern: "campaigns/new", allowed: .accounts(["staff"]), path: fixed("/campaigns/new"), hasObject: false,
            expected: same(Expected(status: .ok, contains: ["发起年度活动", "乳山市总工会"]))),
        Row(method: .POST, pattern: "campaigns", allowed: .accounts(["staff"]), path: fixed("/campaigns"), hasObject: false,
            payload: .form { f in
                ["owner": id(f.rushan), "year": "2021", "title": "2021年度星级创建", "scheme_enterprise": "rushan-2020-enterprise",
                 "tier_three-star": "true", "tier_four-star": "true"]
            },
            expected: { c in
                let made = try await CampaignModel.query(on: c.app.db).filter(\.$year == 2021).first()
                return Expected(status: .seeOther, location: made.map { "/campaigns/\(id($0.id!))?done=created" } ?? "(no 2021 campaign)")
            }),
        Row(method: .GET, pattern: "campaigns/:campaignID", allowed: .signedIn, path: campaign(), hasObject: true,
            expected: { c in
                campaignViewers.contains(c.account ?? "")
                    ? Expected(status: .ok, contains: ["2020年度“活力基层工会”星级创建", "尚未开始的单位", "甲公司工会"])
                    : Expected(status: .ok, contains: ["2020年度“活力基层工会”星级创建"], lacks: ["尚未开始的单位"])
            }),
        Row(method: .GET, pattern: "campaigns/:campaignID/edit", allowed: .accounts(["staff"]), path: campaign("/edit"), hasObject: true,
            expected: same(Expected(status: .ok, contains: ["修改活动：2020年度“活力基层工会”星级创建", "name=\"version\" value=\"1\""]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/edit", allowed: .accounts(["staff"]), path: campaign("/edit"), hasObject: true,
            payload: .form { _ in
                ["version": "1", "year": "2020", "title": "2020年度星级创建（修订）", "scheme_enterprise": "rushan-2020-enterprise",
                 "scheme_regional": "rushan-2020-regional", "tier_three-star": "true", "tier_four-star": "true", "tier_five-star": "true",
                 "applyBy": "2020-08-28"]
            },
            expected: { c in Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))?done=saved") }),
        Row(method: .GET, pattern: "campaigns/:campaignID/not-started.csv", allowed: .accounts(campaignViewers),
            path: campaign("/not-started.csv"), hasObject: true,
            expected: same(Expected(status: .ok, contains: ["单位名称,上级,工会主席,联系电话", "甲公司工会,威海市总工会 / 乳山市总工会 / 夏村镇总工会"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/extensions", allowed: .accounts(["staff"]), path: campaign("/extensions"),
            hasObject: true,
            payload: .form { f in ["unit": id(f.unionA), "step": "selfCheck", "until": "2020-08-20", "reason": "主席住院"] },
            prepare: clock("2020-08-03"),
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))?done=reopened")
            }),
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID", allowed: .accounts(applicationViewers), path: application(),
            hasObject: true, prepare: clock("2020-08-03"),
            expected: { c in
                c.account == "cadre" ? Expected(status: .ok, contains: ["甲公司工会", "未开始", "开始自查自评"])
                    : Expected(status: .ok, contains: ["甲公司工会", "未开始"], lacks: ["开始自查自评"])
            }),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/pre-apply", allowed: .accounts(["cadre"]), path: application("/pre-apply"),
            hasObject: true, payload: .form { _ in ["tier": "four-star", "version": "0"] }, prepare: clock("2020-07-15"),
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))?done=preapplied")
            }),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/start", allowed: .accounts(["cadre"]), path: application("/start"),
            hasObject: true, payload: .form { _ in ["version": "0"] }, prepare: clock("2020-08-03"),
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))?done=started")
            }),
        // The 申报登记表: filling in, printing, downloading, filing, returning, rounds
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/form", allowed: .accounts(applicationViewers), path: application("/form"),
            hasObject: true, prepare: onNotice("2020-08-28"),
            expected: { c in
                c.account == "cadre" ? Expected(status: .ok, contains: ["申报登记表 · 甲公司工会", #"name="mainWork""#, "可提交至2020年8月31日。"])
                    : Expected(status: .ok, contains: ["申报登记表 · 甲公司工会", #"data-field="tier">四星级"#], lacks: [#"name="mainWork""#])
            }),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/form", allowed: .accounts(["cadre"]), path: application("/form"),
            hasObject: true,
            payload: .form { _ in
                ["chairName": "王丽", "phone": "0631-6663572", "mainWork": "一、按期换届。", "unitOpinion": "同意申报。",
                 "unitOpinionDate": "2020-08-28", "version": "1"]
            },
            prepare: onNotice("2020-08-28"),
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/form?done=form")
            }),
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/form/print", allowed: .accounts(applicationViewers),
            path: application("/form/print"), hasObject: true, prepare: onNotice("2020-08-28"),
            expected: same(Expected(status: .ok, contains: ["“活力基层工会”申报登记表", #"data-field="unitName">甲公司工会"#, "同意申报四星级。"]))),
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/form.docx", allowed: .accounts(applicationViewers),
            path: application("/form.docx"), hasObject: true, prepare: onNotice("2020-08-28"),
            expected: same(Expected(status: .ok, contains: ["PK", "word/document.xml"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/file", allowed: .accounts(["cadre"]), path: application("/file"),
            hasObject: true, payload: .form { _ in ["version": "1"] }, prepare: onNotice("2020-08-28"),
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/form?done=filed")
            }),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/return", allowed: .accounts(["reviewer", "staff"]), path: application("/return"),
            hasObject: true, payload: .form { _ in ["reason": "主要工作过于简略。", "version": "1"] }, prepare: filed("2020-09-02"),
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/form?done=returned")
            }),
        // 逐级审核盖章
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/endorse", allowed: .accounts(applicationViewers),
            path: application("/endorse"), hasObject: true, prepare: filed("2020-09-02"),
            expected: { c in
                c.account == "reviewer" ? Expected(status: .ok, contains: ["审核盖章 · 甲公司工会", "审核通过并盖章"])
                    : Expected(status: .ok, contains: ["审核盖章 · 甲公司工会", "待夏村镇总工会审核盖章。"], lacks: ["审核通过并盖章"])
            }),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/endorse", allowed: .accounts(["reviewer"]), path: application("/endorse"),
            hasObject: true, payload: .form { _ in ["opinion": "同意上报。", "date": "2020-09-02", "version": "1"] }, prepare: filed("2020-09-02"),
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/endorse?done=endorsed")
            }),
        // Inspectors (the fixture's `inspector` is homed at 夏村镇 above the union: offered, marked, refused)
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/inspectors", allowed: .accounts(["staff", "prefecture"]),
            path: application("/inspectors"), hasObject: true, prepare: endorsed("2020-09-03"),
            expected: same(Expected(status: .ok, contains: ["考核人员 · 甲公司工会", "测试inspector（inspector）（须回避）"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/inspectors", allowed: .accounts(["staff", "prefecture"]),
            path: application("/inspectors"), hasObject: true,
            payload: .form { f in ["inspector": f.users["inspector"]!.uuidString.lowercased(), "version": "1"] }, prepare: endorsed("2020-09-03"),
            expected: same(Expected(status: .unprocessableEntity, contains: ["须回避"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/inspectors/:inspectorID/withdraw", allowed: .accounts(["staff", "prefecture"]),
            path: { f, _, inside in
                inside ? "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))/inspectors/\(id(f.users["inspector"]!))/withdraw"
                    : "/campaigns/\(id(f.yizhengCampaign))/units/\(id(f.unionY))/inspectors/\(id(f.users["inspector"]!))/withdraw"
            }, hasObject: true, payload: .form { _ in ["version": "1"] }, prepare: inspecting,
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/inspectors?done=inspector-withdrawn")
            }),
        // The inspector's side: the fixture's inspector assigned to 甲公司工会 (made directly; staff would be refused its conflict)
        Row(method: .GET, pattern: "inspections", allowed: .accounts(["inspector"]), path: fixed("/inspections"), hasObject: false,
            prepare: inspecting, expected: same(Expected(status: .ok, contains: ["我的考核任务", "甲公司工会"]))),
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/inspection", allowed: .accounts(["inspector"]),
            path: application("/inspection"), hasObject: true, prepare: inspecting,
            expected: same(Expected(status: .ok, contains: ["考核评分 · 甲公司工会", "第1项（满分5分）"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/inspection", allowed: .accounts(["inspector"]),
            path: application("/inspection"), hasObject: true,
            payload: .form { _ in InspectionTests.matrixFields }, prepare: inspecting,
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/inspection?done=inspected")
            }),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/inspection/draft", allowed: .accounts(["inspector"]),
            path: application("/inspection/draft"), hasObject: true,
            payload: .form { _ in ["visitedOn": "2020-09-10", "items[1]": "4", "version": "0"] }, prepare: inspecting,
            expected: same(Expected(status: .ok, contains: [#""saved":true"#, #""version":1"#]))),
        // 利益冲突声明: the fixture's inspector (over 夏村镇) declares, lists and withdraws; another's declaration is "not found"
        Row(method: .GET, pattern: "conflicts", allowed: .accounts(["inspector"]), path: fixed("/conflicts"), hasObject: false,
            expected: same(Expected(status: .ok, contains: ["利益冲突声明", "我的声明", "您尚未声明利益冲突。", "purpose=conflict"]))),
        Row(method: .POST, pattern: "conflicts", allowed: .accounts(["inspector"]), path: fixed("/conflicts"), hasObject: false,
            payload: .form { f in ["unit": id(f.unionA), "reason": "配偶在该单位任职"] },
            expected: same(Expected(status: .seeOther, location: "/conflicts?done=conflict-declared"))),
        Row(method: .POST, pattern: "conflicts/:declarationID/withdraw", allowed: .accounts(["inspector"]),
            path: { _, _, inside in "/conflicts/\(id(inside ? declaredConflict : othersConflict))/withdraw" }, hasObject: true,
            prepare: { app, f in
                try await app.writes.perform { db in
                    for (declaration, user, unit) in [(declaredConflict, f.users["inspector"]!, f.unionA), (othersConflict, f.users["target"]!, f.unionY)] {
                        let row = ConflictDeclarationModel()
                        row.id = declaration
                        row.inspectorID = user
                        row.unitID = unit
                        row.reason = "配偶在该单位任职"
                        row.declaredAt = Date()
                        try await row.create(on: db)
                    }
                }
            },
            expected: same(Expected(status: .seeOther, location: "/conflicts?done=conflict-withdrawn"))),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/inspection/complete", allowed: .accounts(["staff", "prefecture"]),
            path: application("/inspection/complete"), hasObject: true, payload: .form { _ in ["version": "1"] }, prepare: inspecting,
            expected: same(Expected(status: .conflict, contains: ["还有1名考核人员未提交评分。"]))),
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/decision", allowed: .accounts(applicationViewers),
            path: application("/decision"), hasObject: true, prepare: { app, f in try await DecisionTests.inspected(app, f, score: "85", tier: "four-star") },
            expected: same(Expected(status: .ok, contains: ["确定星级 · 甲公司工会", "<dt>按考核得分应定星级</dt><dd>四星级</dd>"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/decision", allowed: .accounts(["staff", "prefecture"]),
            path: application("/decision"), hasObject: true, payload: .form { _ in ["tier": "four-star", "reason": "", "version": "1"] },
            prepare: { app, f in try await DecisionTests.inspected(app, f, score: "85", tier: "four-star") },
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/decision?done=decided")
            }),
        // 抽查: 威海's prefecture staff on 乳山's campaign, whose scheme names no spot check; each draw's record is public
        Row(method: .GET, pattern: "campaigns/:campaignID/spot-checks", allowed: .accounts(["prefecture"]), path: campaign("/spot-checks"),
            hasObject: true, expected: same(Expected(status: .ok, contains: ["抽查 · 2020年度“活力基层工会”星级创建", "本活动的评定方案没有规定由地市总工会抽查的星级。"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/spot-checks", allowed: .accounts(["prefecture"]), path: campaign("/spot-checks"),
            hasObject: true, payload: .form { _ in ["tier": "three-star", "size": "1", "seed": "1", "draws": "0"] },
            expected: same(Expected(status: .unprocessableEntity, contains: ["本活动的评定方案没有规定由地市总工会抽查的星级。"]))),
        Row(method: .GET, pattern: "spot-checks/:drawID", allowed: .anyone, path: fixed("/spot-checks/\(id(publishedDraw))"), hasObject: false,
            prepare: recordedDraw, expected: same(Expected(status: .ok, contains: ["抽查结果公示（第1次抽查）", "42（由抽取人输入）", "甲公司工会"]))),
        Row(method: .GET, pattern: "spot-checks/:drawID/population.txt", allowed: .anyone, path: fixed("/spot-checks/\(id(publishedDraw))/population.txt"),
            hasObject: false, prepare: recordedDraw,
            expected: { c in Expected(status: .ok, contains: ["\(id(c.fixture.unionA))\t甲公司工会\n"]) }),
        Row(method: .GET, pattern: "review", allowed: .accounts(["reviewer"]), path: fixed("/review"), hasObject: false, prepare: filed("2020-09-02"),
            expected: same(Expected(status: .ok, contains: ["待审核的申报", "甲公司工会"]))),
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/rounds/:round", allowed: .accounts(applicationViewers),
            path: application("/rounds/1"), hasObject: true, prepare: filed("2020-09-02"),
            expected: same(Expected(status: .ok, contains: ["第1轮申报 · 甲公司工会", "测试cadre（cadre）", "审核中"]))),
                // The self-assessment and its evidence
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/self-assessment", allowed: .accounts(applicationViewers),
            path: application("/self-assessment"), hasObject: true, prepare: SelfAssessmentFixture.drafting,
            expected: { c in
                c.account == "cadre" ? Expected(status: .ok, contains: ["工会三委会以换届档案和上级批复为准", #"<button type="submit" form="sa-form""#])
                    : Expected(status: .ok, contains: ["工会三委会以换届档案和上级批复为准", "您可以查看本单位的自查自评，但不能修改。"],
                               lacks: [#"<button type="submit" form="sa-form""#])
            }),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/self-assessment", allowed: .accounts(["cadre"]),
            path: application("/self-assessment"), hasObject: true,
            payload: .form { _ in ["version": "1", "fact:election_on_schedule": "false"] }, prepare: SelfAssessmentFixture.drafting,
            expected: { c in
                Expected(status: .seeOther, location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/self-assessment?done=saved")
            }),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/self-assessment/draft", allowed: .accounts(["cadre"]),
            path: application("/self-assessment/draft"), hasObject: true,
            payload: .form { _ in ["version": "1", "fact:election_on_schedule": "false"] }, prepare: SelfAssessmentFixture.drafting,
            expected: same(Expected(status: .ok, contains: [#""saved":true"#, #""version":2"#, "③未按期换届扣2分 −2"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/self-assessment/items/:item/evidence", allowed: .accounts(["cadre"]),
            path: application("/self-assessment/items/1/evidence"), hasObject: true, payload: .csv(SelfAssessmentFixture.pdfText),
            prepare: { app, f in
                try await SelfAssessmentFixture.drafting(app, f)
                SelfAssessmentFixture.temporaryEvidence(app)
            },
            expected: { c in
                Expected(status: .seeOther,
                         location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/self-assessment?done=uploaded#item-1")
            }),
        Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/evidence/:evidenceID", allowed: .accounts(applicationViewers),
            path: application("/evidence/\(id(SelfAssessmentFixture.evidenceID))"), hasObject: true, prepare: SelfAssessmentFixture.withEvidence,
            expected: same(Expected(status: .ok, contains: ["%PDF-1.4", "%%EOF"]))),
        Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/evidence/:evidenceID/delete", allowed: .accounts(["cadre"]),
            path: application("/evidence/\(id(SelfAssessmentFixture.evidenceID))/delete"), hasObject: true, prepare: SelfAssessmentFixture.withEvidence,
            expected: { c in
                Expected(status: .seeOther,
                         location: "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/self-assessment?done=deleted#item-1")
            }),
    ] + noticeRows + resultsRows + tokenRows + apiRows + inboxRows + reReviewRows + chairRows + surveyRows

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

    /// Sends the row's request: its payload, and the CSRF token as a browser would (or as given).
    static func send(_ row: Row, _ browser: WebSession, _ app: Application, _ fixture: Fixture, account: String?, inside: Bool,
                     token: WebSession.FormToken = .lastPage) async throws -> WebResponse {
        let path = row.path(fixture, account, inside)
        func form(_ fields: [String: String]) -> (fields: [String: String], csrf: Bool) {
            var fields = fields
            switch token {
            case .lastPage: return (fields, true)
            case .omitted: return (fields, false)
            case .given(let value):
                fields["_csrf"] = value
                return (fields, false)
            }
        }
        switch row.payload {
        case .none:
            guard row.method == .POST else { return try await browser.request(row.method, path) }
            let (fields, csrf) = form([:])
            return try await browser.request(.POST, path, form: fields, csrf: csrf)
        case .form(let make):
            let (fields, csrf) = form(make(fixture))
            return try await browser.request(row.method, path, form: fields, csrf: csrf)
        case .json(let make):
            var headers: HTTPHeaders = ["Content-Type": "application/json"]
            if case .given(let value) = token { headers.add(name: CSRFMiddleware.header, value: value) }
            return try await browser.request(row.method, path, headers: headers, body: ByteBuffer(data: make(app)))
        case .csv(let text):
            return try await browser.postFile(path, Data(text.utf8), dryRun: false, token: token)
        case .multipart(let make, let file):
            let (fields, csrf) = form(make(fixture))
            return try await browser.postMultipart(path, fields, files: [(file.field, file.name, file.data)], csrf: csrf)
        case .api(let make):
            var headers: HTTPHeaders = ["Content-Type": "application/json"]
            switch token {
            case .lastPage: if let value = browser.lastToken { headers.add(name: CSRFMiddleware.header, value: value) }
            case .omitted: break
            case .given(let value): headers.add(name: CSRFMiddleware.header, value: value)
            }
            return try await browser.request(row.method, path, headers: headers, body: ByteBuffer(string: make(fixture)))
        }
    }

    static func check(_ response: WebResponse, _ expected: Expected, _ what: String) {
        #expect(response.status == expected.status, "\(what): \(response.status), expected \(expected.status)")
        if let location = expected.location {
            #expect(response.location == location, "\(what): redirected to \(response.location ?? "nowhere"), expected \(location)")
        }
        for fragment in expected.contains {
            #expect(response.body.contains(fragment), "\(what): the answer lacks \(fragment)")
        }
        for fragment in expected.lacks {
            #expect(!response.body.contains(fragment), "\(what): the answer shows \(fragment)")
        }
    }

    @Test(arguments: rows)
    func everyRoleInAndOutOfScope(row: Row) async throws {
        for (_, account) in Fixture.roleAccounts {
            try await withTestApp { app in
                // setup: a fresh tree and accounts for this account alone, in the state the row needs
                let fixture = try await Fixture.make(app)
                try await row.prepare?(app, fixture)
                let browser = WebSession(app)
                let signedIn = try await browser.signIn(account)
                #expect(signedIn.status == .seeOther, "\(account) could not sign in")
                try await browser.get("/account")  // a page, for the session's CSRF token
                let mayAct: Bool = switch row.allowed {
                case .anyone, .signedIn: true
                case .accounts(let names): names.contains(account)
                }
                // act and check: the global administrator has no "outside"; everyone else gets
                // "not found" there, before the request inside is made.
                if row.hasObject && account != "sysadmin" {
                    let outside = try await Self.send(row, browser, app, fixture, account: account, inside: false)
                    #expect(outside.status == .notFound, "\(row.method) \(row.pattern) as \(account), object outside the subtree: \(outside.status)")
                }
                let inside = try await Self.send(row, browser, app, fixture, account: account, inside: true)
                if mayAct {
                    let expected = try await row.expected(Context(app: app, fixture: fixture, account: account))
                    Self.check(inside, expected, "\(row.method) \(row.pattern) as \(account)")
                } else {
                    #expect(inside.status == .notFound, "\(row.method) \(row.pattern) as \(account) should be refused as not found: \(inside.status)")
                }
            }
        }
    }

    @Test(arguments: rows)
    func signedOut(row: Row) async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            try await row.prepare?(app, fixture)
            let browser = WebSession(app)
            try await browser.get("/signin")  // the anonymous CSRF token, as a browser would have
            // act
            let response = try await Self.send(row, browser, app, fixture, account: nil, inside: true)
            // check
            switch row.allowed {
            case .anyone:
                Self.check(response, try await row.expected(Context(app: app, fixture: fixture, account: nil)), "\(row.method) \(row.pattern) signed out")
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
            // setup: the one account allowed everything, with the row's own payload
            let fixture = try await Fixture.make(app)
            try await row.prepare?(app, fixture)
            let browser = WebSession(app)
            try await browser.signIn("sysadmin")
            try await browser.get("/account")
            let audit = try await AuditLog.verify(on: app.db).count
            // act
            let missing = try await Self.send(row, browser, app, fixture, account: "sysadmin", inside: true, token: .omitted)
            let wrong = try await Self.send(row, browser, app, fixture, account: "sysadmin", inside: true,
                                            token: .given("not-the-token-" + String(repeating: "x", count: 30)))
            // check
            if endpoint.csrf {
                #expect(missing.status == .forbidden, "\(row.pattern) without a token: \(missing.status)")
                #expect(wrong.status == .forbidden, "\(row.pattern) with a wrong token: \(wrong.status)")
                #expect(missing.body.contains("页面已过期或来源不明"))
                #expect(try await AuditLog.verify(on: app.db).count == audit, "\(row.pattern): a refused request changed something")
            } else {
                // The stateless calculator reads no cookie: it answers without a token.
                Self.check(missing, try await row.expected(Context(app: app, fixture: fixture, account: "sysadmin")), "\(row.pattern) without a token")
            }
        }
    }
}
