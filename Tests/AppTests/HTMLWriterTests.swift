import Fluent
import Foundation
import LeafKit
import Testing
import Vapor
@testable import App
import UnionStarCore

/// The rows that pages write in Swift (`HTMLWriter`) escape every value exactly as Leaf's `#(x)`
/// does, and the pages that use them show hostile names as text, never as markup.
@Suite struct HTMLWriterTests {
    static let samples = [
        "", "plain", "甲公司工会", "A&B", "<script>alert(1)</script>", "\"quoted\"", "it's", "&amp;", "<<>>&&\"\"''",
        "a\"b'c<d>e&f", "工会<机械>&“引号”", "emoji 👷‍♀️ & <b>", "{\"name\":\"x\",\"path\":\"/a/b/\"}", "line\nbreak\ttab",
    ]

    @Test(arguments: samples)
    func escapesAsLeafDoes(_ value: String) {
        #expect(HTMLWriter.escaped(value) == value.htmlEscaped())
    }

    @Test func escapesTheFiveCharacters() {
        #expect(HTMLWriter.escaped("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;")
        #expect(HTMLWriter.escaped("<a href='x' title=\"y\">A&B</a>") == "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;A&amp;B&lt;/a&gt;")
        // Multi-byte text passes through whole, around and between escapes.
        #expect(HTMLWriter.escaped("乳山<市>总工会") == "乳山&lt;市&gt;总工会")
    }

    /// The header is what `base.leaf` wrote before it moved to Swift, with every value escaped.
    @Test func theHeaderIsWrittenWholeWithItsValuesEscaped() {
        let signedIn = Layout.header(lang: "zh", appName: "基层工会星级评定", homePath: "/", menuLabel: "菜单",
                                     nav: [.init(label: "评定标准", path: "/", current: false), .init(label: "组织<机构>", path: "/orgs", current: true)],
                                     userName: "王\"丽'", accountPath: "/account", signOutPath: "/signout", signOutLabel: "退出",
                                     csrf: "t&k", signInPath: "/signin", signInLabel: "登录", otherLanguagePath: "/orgs?lang=en",
                                     otherLanguageLabel: "English")
        #expect(signedIn == """
            <header class="site-header no-print">
              <a class="brand" href="/">基层工会星级评定</a>
              <input type="checkbox" id="menu-toggle" class="menu-toggle">
              <label for="menu-toggle" class="menu-button">菜单</label>
              <div class="menu">
                <nav class="main-nav"><a href="/">评定标准</a><a href="/orgs" aria-current="page">组织&lt;机构&gt;</a></nav>
                <div class="user-box">
                  <a href="/account" class="user-name">王&quot;丽&#39;</a>
                  <form method="post" action="/signout" class="inline"><input type="hidden" name="_csrf" value="t&amp;k"><button type="submit" class="link-button">退出</button></form>
                  <a href="/orgs?lang=en" hreflang="en">English</a>
                </div>
              </div>
            </header>
            """)
        let signedOut = Layout.header(lang: "en", appName: "UnionStar", homePath: "/", menuLabel: "Menu", nav: [], userName: nil,
                                      accountPath: "/account", signOutPath: "/signout", signOutLabel: "Sign out", csrf: "x",
                                      signInPath: "/signin", signInLabel: "Sign in", otherLanguagePath: "/?lang=zh", otherLanguageLabel: "中文")
        #expect(signedOut.contains("<nav class=\"main-nav\"></nav>\n    <div class=\"user-box\">\n      <a href=\"/signin\">Sign in</a>\n      <a href=\"/?lang=zh\" hreflang=\"zh-CN\">中文</a>"))
        #expect(!signedOut.contains("_csrf"))
    }

    @Test func writesMarkupAsIsAndValuesEscaped() {
        var html = HTMLWriter()
        html.raw("<td class=\"num\">")
        html.number(-42)
        html.raw("</td><td title=\"")
        html.text("\"><script>")
        html.raw("\">")
        html.text("x")
        html.raw("</td>")
        #expect(html.html == "<td class=\"num\">-42</td><td title=\"&quot;&gt;&lt;script&gt;\">x</td>")
    }

    @Test func organisationRowsKeepTheirMarkup() {
        let rows = [
            OrganisationRow(name: "甲公司工会", path: "/orgs/1", level: "基层工会", kind: "企业工会", members: 60, employees: 80, retired: false),
            OrganisationRow(name: "A&B<工会>", path: "/orgs/2", level: "基层工会", kind: "", members: 0, employees: 7, retired: true),
        ]
        #expect(OrganisationRow.tableRows(rows) ==
            "<tr><td><a href=\"/orgs/1\">甲公司工会</a></td><td>基层工会</td><td>企业工会</td><td class=\"num\">60</td><td class=\"num\">80</td></tr>"
            + "<tr><td><a href=\"/orgs/2\" class=\"retired\">A&amp;B&lt;工会&gt;</a></td><td>基层工会</td><td></td><td class=\"num\">0</td><td class=\"num\">7</td></tr>")
        #expect(OrganisationRow.tableRows([]) == "")
    }

    /// A unit and an account with markup in their names: the town's page, the account list and
    /// the audit page (its words and its raw record) show the names as text.
    @Test func hostileNamesShowAsTextOnTheRowHeavyPages() async throws {
        try await withTestApp { app in
            // setup: markup in a unit's name and an account's name, both changed through the stores
            let fixture = try await Fixture.make(app)
            let hostile = "<script>alert('x')</script>&\"工会"
            let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;工会"
            try await app.writes.perform { db in
                let org = try #require(try await OrganisationModel.find(fixture.unionA, on: db))
                var profile = org.profile
                profile.name = hostile
                _ = try await OrganisationStore.update(fixture.unionA, version: org.version, to: profile,
                                                       actor: .commandLine("test"), on: db)
                let user = try #require(try await UserModel.find(fixture.users["target"]!, on: db))
                user.displayName = hostile
                try await user.save(on: db)
            }
            let admin = WebSession(app)
            try await admin.signIn("admin")
            // act
            let town = try await admin.get("/orgs/\(fixture.xiacun.uuidString.lowercased())")
            let accounts = try await admin.get("/admin/users")
            let audit = try await admin.get("/audit?kind=organisation.")
            // check
            for page in [town, accounts, audit] {
                #expect(page.status == .ok)
                #expect(!page.body.contains("<script>"))
                #expect(page.body.contains(escaped))
            }
            #expect(town.body.contains("<a href=\"/orgs/\(fixture.unionA.uuidString.lowercased())\">\(escaped)</a></td><td>基层工会</td><td>企业工会</td><td class=\"num\">60</td><td class=\"num\">80</td></tr>"))
            #expect(accounts.body.contains(">target</a></td><td>\(escaped)</td><td>\(escaped)</td><td>基层工会干部·\(escaped)</td></tr>"))
            // What the viewer typed into the filter comes back escaped in its field.
            let filtered = try await admin.get("/audit?kind=organisation.&actor=%22%3E%3Cscript%3Ex")
            #expect(filtered.body.contains("<input id=\"f-actor\" type=\"text\" name=\"actor\" value=\"&quot;&gt;&lt;script&gt;x\">"))
            #expect(filtered.body.contains("<option value=\"organisation.\" selected>单位</option>") && !filtered.body.contains("<script>"))
            // The raw record, one click away: the snapshot's JSON, escaped as text inside its <pre>.
            let sequence = try #require(audit.body.firstMatch(of: /href="\/audit\/(\d+)"/)?.1)
            let raw = try await admin.get("/audit/\(sequence)")
            #expect(!raw.body.contains("<script>"))
            #expect(raw.body.contains("&quot;name&quot;:&quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\\&quot;工会&quot;"))
        }
    }

    /// A node's page reads the node, its ancestors and its children in one query: the breadcrumbs
    /// run from the root in order, linked only where the viewer may go.
    @Test func breadcrumbsRunFromTheRootAndLinkOnlyWithinReach() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            func id(_ id: UUID) -> String { id.uuidString.lowercased() }
            // act
            let union = try await staff.get("/orgs/\(id(fixture.unionA))")
            let county = try await staff.get("/orgs/\(id(fixture.rushan))")
            let missing = try await staff.get("/orgs/\(id(UUID()))")
            let outside = try await staff.get("/orgs/\(id(fixture.unionY))")
            // check: 威海 lies above the staff's county, so it is named but not linked
            #expect(union.body.contains("<p class=\"breadcrumbs\">威海市总工会 / <a href=\"/orgs/\(id(fixture.rushan))\">乳山市总工会</a> / "
                + "<a href=\"/orgs/\(id(fixture.xiacun))\">夏村镇总工会</a> / </p>"))
            #expect(union.body.contains("<h1>甲公司工会</h1>"))
            #expect(county.body.contains("<p class=\"breadcrumbs\">威海市总工会 / </p>"))
            #expect(county.body.contains("<tr><td><a href=\"/orgs/\(id(fixture.rushankou))\">乳山口镇总工会</a></td>"))
            #expect(county.body.contains("<tr><td><a href=\"/orgs/\(id(fixture.xiacun))\">夏村镇总工会</a></td>"))
            #expect(!county.body.contains("甲公司工会"))
            #expect(missing.status == .notFound && outside.status == .notFound)
            #expect(!outside.body.contains("丙公司工会"))
        }
    }

    /// The account list reads each account's home unit and roles with the page, in one query.
    @Test func accountListShowsHomeUnitRolesAndDisabledMark() async throws {
        try await withTestApp { app in
            // setup: a second role for "target", and "outsider" disabled
            let fixture = try await Fixture.make(app)
            try await app.writes.perform { db in
                let target = try #require(try await UserModel.find(fixture.users["target"]!, on: db))
                let xiacun = try await OrganisationModel.find(fixture.xiacun, on: db)
                try await AccountStore.assign(.subFederationReviewer, at: xiacun, to: target, actor: .commandLine("test"), on: db)
                let outsider = try #require(try await UserModel.find(fixture.users["outsider"]!, on: db))
                outsider.disabledAt = Date()
                try await outsider.save(on: db)
            }
            let sysadmin = WebSession(app)
            try await sysadmin.signIn("sysadmin")
            // act
            let zh = try await sysadmin.get("/admin/users")
            let en = try await sysadmin.get("/admin/users?lang=en")
            let found = try await sysadmin.get("/admin/users?q=targ")
            // check
            let target = fixture.users["target"]!.uuidString.lowercased()
            #expect(zh.body.contains("<tr><td><a href=\"/admin/users/\(target)\">target</a></td><td>测试target</td><td>甲公司工会</td>"
                + "<td>基层工会干部·甲公司工会；镇街/园区/系统工会审核人·夏村镇总工会</td></tr>"))
            #expect(zh.body.contains(">outsider</a> <span class=\"muted\">（已停用）</span></td>"))
            #expect(en.body.contains(">outsider</a> <span class=\"muted\">(disabled)</span></td>"))
            #expect(zh.body.contains(">sysadmin</a></td><td>测试sysadmin</td><td>—</td>"))
            #expect(found.body.components(separatedBy: "<tr><td><a href=\"/admin/users/").count - 1 == 1)
        }
    }
}
