import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite struct HealthAndPagesTests {
    @Test func healthzAnswersWithTheDatabase() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/healthz") { res async throws in
                #expect(res.status == .ok)
                let body = try res.content.decode(HealthController.Health.self)
                #expect(body.status == "ok")
                #expect(body.database == (testDatabaseURL == nil ? "sqlite" : "postgres"))
                #expect(body.schemes == 4)
            }
        }
    }

    @Test func homePageListsTheSchemesInChinese() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/") { res async in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .html)
                let html = res.body.string
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains("<h1>评定方案</h1>"))
                #expect(html.contains("<a href=\"/schemes/rushan-2020-enterprise\">“活力基层工会”星级创建标准（企业工会）</a>"))
                #expect(html.contains("三星级 ≥70，四星级 ≥80，五星级 ≥90"))
                #expect(html.contains("星级（达标级） ≥85，三星级 ≥90，五星级 ≥95"))
            }
        }
    }

    @Test func rubricPageIsTheSeedsTable() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/schemes/rushan-2020-enterprise") { res async in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("<th>内容</th><th>序号</th><th>创建标准</th><th>分值</th><th>量化项</th><th>得分</th>"))
                #expect(html.contains("<th scope=\"rowgroup\" class=\"area\" rowspan=\"5\" data-label=\"内容\">自身建设规范<br>（20分）</th>"))
                #expect(html.contains("<th scope=\"rowgroup\" class=\"area\" rowspan=\"4\" data-label=\"内容\">促进发展有力<br>（30分）</th>"))
                #expect(html.contains("①工会三委会以换届档案和上级批复为准，不齐全扣1分；②工会委员、工会主席、副主席不符合任职条件扣2分；③未按期换届扣2分。"))
                #expect(html.contains("<td class=\"num\" data-label=\"分值\">12</td>"))
                #expect(html.contains("当年未召开职工（代表）大会和工会会员（代表）大会"))
                #expect(html.contains("<strong>五星级</strong>：90分以上（含90分），由地市总工会考核验收"))
                // Every one of the 20 items is a row.
                #expect(html.components(separatedBy: "<td class=\"score\" data-label=\"得分\"></td>").count - 1 == 20)
            }
        }
    }

    @Test func rubricBodyIsRenderedOncePerLanguageAndTheLayoutPerRequest() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixture.make(app)
            let before = app.prerenderedPages.renderCount
            let visitor = WebSession(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            // act: three views in Chinese (two people), two in English
            let first = try await visitor.get("/schemes/rushan-2020-enterprise")
            let signedIn = try await staff.get("/schemes/rushan-2020-enterprise")
            let again = try await visitor.get("/schemes/rushan-2020-enterprise")
            let english = try await visitor.get("/schemes/rushan-2020-enterprise?lang=en")
            _ = try await staff.get("/schemes/rushan-2020-enterprise?lang=en")
            // check: two bodies rendered; each page has its own layout around the same body
            #expect(app.prerenderedPages.renderCount - before == 2)
            #expect([first.status, signedIn.status, again.status, english.status] == [.ok, .ok, .ok, .ok])
            #expect(first.body == again.body)
            #expect(first.body.contains("<a href=\"/signin\">登录</a>"))
            #expect(!signedIn.body.contains("<a href=\"/signin\">登录</a>"))
            #expect(signedIn.body.contains("name=\"_csrf\""))
            #expect(signedIn.body.contains("<th>内容</th><th>序号</th><th>创建标准</th>"))
            #expect(english.body.contains("<html lang=\"en\">"))
            #expect(english.body.contains("<th>Area</th><th>No.</th><th>Standard</th>"))
            #expect(!english.body.contains("<th>内容</th>"))
        }
    }

    @Test func rubricPageMarksYizhengPlaceholders() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/schemes/yizheng-2019-union") { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("本方案的分值为占位"))
                #expect(res.body.string.contains("会员人数50人以下的奖励经费减半"))
            }
        }
    }

    @Test func englishWhenChosen() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/schemes/rushan-2020-regional?lang=en") { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<html lang=\"en\">"))
                #expect(res.body.string.contains("<th>Standard</th>"))
                #expect(res.headers.setCookie?["lang"]?.string == "en")
            }
        }
    }

    @Test func unknownSchemeIsAClearNotFoundPage() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/schemes/nope") { res async in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("没有编号为 nope 的评定方案。"))
                #expect(!res.body.string.contains("Abort"))
            }
            try await app.http().test(.GET, "/no/such/page") { res async in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("找不到这个页面。"))
            }
        }
    }

    @Test func stylesheetIsServed() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/css/site.css") { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("@page { size: A4"))
            }
        }
    }
}
