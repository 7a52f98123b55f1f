import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The forms that once listed a whole subtree in one `<select>` now search: the answers stay
/// inside the user's reach, a unit never moves under itself, what was typed is matched literally,
/// and long lists come in pages.
@Suite struct PickerAndPagingTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    struct Answer: Decodable {
        struct Match: Decodable { var id: String; var label: String }
        var matches: [Match]
        var more: Bool
    }

    func answer(_ session: WebSession, _ path: String) async throws -> Answer {
        let response = try await session.get(path)
        #expect(response.status == .ok, "\(path): \(response.status)")
        return try JSONDecoder().decode(Answer.self, from: Data(response.body.utf8))
    }

    @Test func movePickerOffersOnlyFittingParentsInReach() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            // act
            let all = try await answer(staff, "/orgs/picker?purpose=move&unit=\(Self.id(fixture.unionA))")
            let typed = try await answer(staff, "/orgs/picker?purpose=move&unit=\(Self.id(fixture.unionA))&q=%E4%B9%B3%E5%B1%B1%E5%8F%A3")  // 乳山口
            // check: a grassroots union goes under the county or a town of 乳山, not under its own parent 夏村镇, nothing of 仪征
            #expect(all.matches.map(\.id) == [Self.id(fixture.rushan), Self.id(fixture.rushankou)])
            #expect(all.matches.map(\.label) == ["威海市总工会 / 乳山市总工会", "威海市总工会 / 乳山市总工会 / 乳山口镇总工会"])
            #expect(typed.matches.map(\.id) == [Self.id(fixture.rushankou)])
            #expect(!all.more)
        }
    }

    @Test func aUnitIsNeverOfferedUnderItselfAndOthersSeeNothing() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            // act
            let town = try await answer(staff, "/orgs/picker?purpose=move&unit=\(Self.id(fixture.xiacun))")
            let outside = try await staff.get("/orgs/picker?purpose=move&unit=\(Self.id(fixture.zhenzhou))")
            let cadreAsks = try await cadre.get("/orgs/picker?purpose=move&unit=\(Self.id(fixture.unionA))")
            let cadreHome = try await answer(cadre, "/orgs/picker?purpose=home")
            // check
            #expect(!town.matches.contains { $0.id == Self.id(fixture.xiacun) || $0.id == Self.id(fixture.unionA) })
            // 夏村镇 already sits under 乳山 (the only county in reach); sub-federations may nest under 乳山口镇.
            #expect(town.matches.map(\.id) == [Self.id(fixture.rushankou)])
            #expect(outside.status == .notFound)
            #expect(cadreAsks.status == .notFound)
            #expect(cadreHome.matches.isEmpty)
        }
    }

    @Test func typedWildcardsAreTakenLiterally() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixture.make(app)
            let admin = WebSession(app)
            try await admin.signIn("admin")
            // act
            let percent = try await answer(admin, "/orgs/picker?purpose=home&q=%25")
            let underscore = try await answer(admin, "/orgs/picker?purpose=home&q=_")
            let town = try await answer(admin, "/orgs/picker?purpose=home&q=%E9%95%87")  // 镇
            // check
            #expect(percent.matches.isEmpty)
            #expect(underscore.matches.isEmpty)
            #expect(town.matches.map(\.label) == ["威海市总工会 / 乳山市总工会 / 乳山口镇总工会", "威海市总工会 / 乳山市总工会 / 夏村镇总工会"])
        }
    }

    @Test func withoutJavaScriptTheSearchButtonShowsTheFormAgainWithMatches() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let admin = WebSession(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/users/new")
            // act
            let searched = try await admin.post("/admin/users", ["username": "wanglei", "displayName": "王磊", "organisation_q": "乙公司",
                                                                 "_search": "organisation"])
            // check: nothing created, what was typed kept, only the match listed
            #expect(searched.status == .ok)
            #expect(searched.body.contains("value=\"wanglei\""))
            #expect(searched.body.contains("<option value=\"\(Self.id(fixture.unionB))\">威海市总工会 / 乳山市总工会 / 乳山口镇总工会 / 乙公司工会</option>"))
            #expect(!searched.body.contains(Self.id(fixture.unionA)))
            #expect(try await admin.get("/admin/users?q=wanglei").body.contains("没有符合条件的账号。"))
        }
    }

    @Test func theAccountListComesInPagesOfFifty() async throws {
        try await withTestApp { app in
            // setup: 60 more accounts at 甲公司工会 (70 in all)
            let fixture = try await Fixture.make(app)
            try await app.writes.perform { db in
                for i in 0..<60 {
                    _ = try await AccountStore.create(username: String(format: "zz-%02d", i), displayName: "批量\(i)", organisationID: fixture.unionA,
                                                      passwordHash: "x", mustChangePassword: true, actor: .commandLine("test"), on: db)
                }
            }
            let sysadmin = WebSession(app)
            try await sysadmin.signIn("sysadmin")
            // act
            let first = try await sysadmin.get("/admin/users")
            let second = try await sysadmin.get("/admin/users?page=2")
            let found = try await sysadmin.get("/admin/users?q=zz-5")
            // check
            #expect(first.body.components(separatedBy: "<tr><td><a href=\"/admin/users/").count - 1 == 50)
            #expect(first.body.contains("href=\"/admin/users?page=2\""))
            #expect(second.body.components(separatedBy: "<tr><td><a href=\"/admin/users/").count - 1 == 20)
            #expect(second.body.contains("zz-59"))
            #expect(!second.body.contains("rel=\"next\""))
            #expect(found.body.components(separatedBy: "<tr><td><a href=\"/admin/users/").count - 1 == 10)
        }
    }

    @Test func aUnitsChildrenComeInPagesOfAHundred() async throws {
        try await withTestApp { app in
            // setup: 120 unions under 夏村镇 besides 甲公司工会
            let fixture = try await Fixture.make(app)
            try await app.writes.perform { db in
                let town = try await OrganisationModel.find(fixture.xiacun, on: db)
                for i in 0..<120 {
                    let profile = try OrganisationProfile(name: String(format: "批量%03d工会", i), level: .grassroots, kind: .enterprise).validated().get()
                    _ = try await OrganisationStore.create(profile, under: town, actor: .commandLine("test"), on: db)
                }
            }
            let staff = WebSession(app)
            try await staff.signIn("staff")
            // act
            let first = try await staff.get("/orgs/\(Self.id(fixture.xiacun))")
            let second = try await staff.get("/orgs/\(Self.id(fixture.xiacun))?page=2")
            // check: 121 children, sorted by name, 100 then 21
            let rows = { (body: String) in body.components(separatedBy: "<tr><td><a href=\"/orgs/").count - 1 }
            #expect(rows(first.body) == 100)
            #expect(first.body.contains("href=\"/orgs/\(Self.id(fixture.xiacun))?page=2\" rel=\"next\""))
            #expect(rows(second.body) == 21)
            #expect(second.body.contains("批量119工会"))
            #expect(second.body.contains("rel=\"prev\""))
        }
    }

    @Test func staticFilesCarryValidatorsAndAnswerNotModified() async throws {
        try await withTestApp { app in
            // setup
            let browser = WebSession(app)
            // act
            let first = try await browser.get("/css/site.css")
            let etag = try #require(first.headers.first(name: .eTag))
            let again = try await browser.request(.GET, "/css/site.css", headers: ["If-None-Match": etag])
            // check
            #expect(first.status == .ok)
            #expect(first.headers.first(name: .lastModified) != nil)
            #expect(first.headers.first(name: .cacheControl) == "public, max-age=3600")
            #expect(again.status == .notModified)
            #expect(again.body.isEmpty)
        }
    }
}
