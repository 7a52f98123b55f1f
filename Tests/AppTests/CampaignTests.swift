import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Opening, editing and following a campaign through HTTP, as staff, reviewers and cadres do.
@Suite struct CampaignTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    @Test func staffOpenAYizhengCampaignWithDefaultsAndSeeItsPlan() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("yizheng-staff")
            try await staff.get("/campaigns/new")
            // act: only the year, a title, the scheme for enterprises and the tiers; every date from the scheme
            let response = try await staff.post("/campaigns", [
                "owner": Self.id(fixture.yizheng), "year": "2020", "title": "2020年度“双争”活动",
                "scheme_enterprise": "yizheng-2019-union", "tier_star": "true", "tier_three-star": "true", "tier_five-star": "true",
            ])
            // check
            let campaign = try #require(try await CampaignModel.query(on: app.db).filter(\.$year == 2020).filter(\.$ownerID == fixture.yizheng).first())
            #expect(response.status == .seeOther)
            #expect(response.location == "/campaigns/\(Self.id(campaign.id!))?done=created")
            let plan = try CampaignStore.plan(of: campaign)
            #expect(plan.dates.applyBy == CalendarDate(parsing: "2020-09-30"))  // 每年的9月30日之前
            #expect(plan.dates.recommendBy == CalendarDate(parsing: "2020-11-15"))
            #expect(plan.tiersOnOffer == ["five-star", "star", "three-star"])
            let pin = try #require(plan.schemes[.enterprise])
            let snapshot = try #require(try await SchemeSnapshotModel.find(pin.contentHash, on: app.db))
            #expect(snapshot.content == app.catalogue.pin("yizheng-2019-union")!.text)
            #expect(pin.settings.isEmpty == app.catalogue.scheme("yizheng-2019-union")!.settings.isEmpty)
            let page = try await staff.get("/campaigns/\(Self.id(campaign.id!))?done=created")
            #expect(page.body.contains("2020年9月30日前（含当日）"))
            #expect(page.body.contains("5个工作日"))
            #expect(page.body.contains("丙公司工会"))  // not started yet
        }
    }

    @Test func badDatesComeBackNamedAndNothingIsOpened() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            try await staff.get("/campaigns/new")
            let before = try await CampaignModel.query(on: app.db).count()
            let response = try await staff.post("/campaigns", [
                "owner": Self.id(fixture.rushan), "year": "2021", "title": "2021", "scheme_enterprise": "rushan-2020-enterprise",
                "tier_three-star": "true", "applyBy": "2021-08-10", "selfCheckBy": "2021-8-1x",
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("日期格式应为 YYYY-MM-DD。"))
            #expect(try await CampaignModel.query(on: app.db).count() == before)
            let order = try await staff.post("/campaigns", [
                "owner": Self.id(fixture.rushan), "year": "2021", "title": "2021", "scheme_enterprise": "rushan-2020-enterprise",
                "tier_three-star": "true", "applyBy": "2021-08-10",
            ])
            #expect(order.status == .unprocessableEntity)
            #expect(order.body.contains("申报截止日不能早于职代会确定星级截止日（2021年8月20日）。"))
            let taken = try await staff.post("/campaigns", [
                "owner": Self.id(fixture.rushan), "year": "2020", "title": "again", "scheme_enterprise": "rushan-2020-enterprise",
                "tier_three-star": "true",
            ])
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.contains("本单位2020年度的活动已经发起。"))
            #expect(try await CampaignModel.query(on: app.db).count() == before)
        }
    }

    @Test func progressCountsParticipationPerTownAndTheCSVListsWhoHasNotStarted() async throws {
        try await withTestApp { app in
            // setup: 甲公司工会 starts its self-assessment on 2020-08-03; 乙公司工会 does nothing
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            let fixture = try await Fixture.make(app)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let page = "/campaigns/\(Self.id(fixture.rushanCampaign))/units/\(Self.id(fixture.unionA))"
            try await cadre.get(page)
            let started = try await cadre.post(page + "/start", ["version": "0"])
            #expect(started.status == .seeOther)
            // act
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let progress = try await staff.get("/campaigns/\(Self.id(fixture.rushanCampaign))")
            let csv = try await staff.get("/campaigns/\(Self.id(fixture.rushanCampaign))/not-started.csv")
            // check
            #expect(progress.body.contains("2个基层工会中1个已参与（参与率50%，目标85%）"))
            #expect(progress.body.contains("<th>夏村镇总工会</th><td class=\"num\">1/1</td>"))
            #expect(progress.body.contains("<th>乳山口镇总工会</th><td class=\"num\">0/1</td>"))
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body == "\u{FEFF}单位名称,上级,工会主席,联系电话\r\n乙公司工会,威海市总工会 / 乳山市总工会 / 乳山口镇总工会,,\r\n")
            // the cadre's page moved on, and the audit trail has the step
            let after = try await cadre.get(page)
            #expect(after.body.contains("自查自评中"))
            let entries = try await AuditLog.verify(on: app.db)
            #expect(entries.broken == nil)
        }
    }

    @Test func aLateStartIsRefusedWithTheDateUntilStaffReopenIt() async throws {
        try await withTestApp { app in
            // setup: 2020-08-17, after the self-check closed on 08-15
            let clock = FixedClock(Fixture.chinaMorning("2020-08-17"))
            app.clock = clock
            let fixture = try await Fixture.make(app)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let page = "/campaigns/\(Self.id(fixture.rushanCampaign))/units/\(Self.id(fixture.unionA))"
            let shown = try await cadre.get(page)
            #expect(shown.body.contains("“自查自评”已于2020年8月15日截止；如需补报，请联系总工会。"))
            let late = try await cadre.post(page + "/start", ["version": "0"])
            #expect(late.status == .conflict)
            #expect(late.body.contains("“自查自评”已于2020年8月15日截止"))
            #expect(try await ApplicationModel.query(on: app.db).count() == 0)
            // act: staff reopen it for 甲公司工会 until 08-20
            let staff = WebSession(app)
            try await staff.signIn("staff")
            try await staff.get(page)
            let reopened = try await staff.post("/campaigns/\(Self.id(fixture.rushanCampaign))/extensions",
                                                ["unit": Self.id(fixture.unionA), "step": "selfCheck", "until": "2020-08-20", "reason": "主席住院"])
            #expect(reopened.status == .seeOther)
            // check
            try await cadre.get(page)
            #expect(try await cadre.post(page + "/start", ["version": "0"]).status == .seeOther)
            let after = try await cadre.get(page)
            #expect(after.body.contains("已为本单位延至2020年8月20日（主席住院）"))
            // …and for 乙公司工会 the step stays closed
            #expect(try await ApplicationModel.query(on: app.db).count() == 1)
        }
    }

    @Test func schemesAndYearAreFixedOnceAUnitHasStartedAndAStaleEditIsRefused() async throws {
        try await withTestApp { app in
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            let fixture = try await Fixture.make(app)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let page = "/campaigns/\(Self.id(fixture.rushanCampaign))/units/\(Self.id(fixture.unionA))"
            try await cadre.get(page)
            #expect(try await cadre.post(page + "/start", ["version": "0"]).status == .seeOther)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let edit = "/campaigns/\(Self.id(fixture.rushanCampaign))/edit"
            try await staff.get(edit)
            let form: [String: String] = ["version": "1", "year": "2020", "title": "2020年度“活力基层工会”星级创建", "scheme_enterprise": "yizheng-2019-union",
                                          "scheme_hospital": "rushan-2020-enterprise", "scheme_school": "rushan-2020-enterprise",
                                          "scheme_regional": "rushan-2020-regional", "scheme_industry": "rushan-2020-regional",
                                          "tier_three-star": "true"]
            let refused = try await staff.post(edit, form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("已有单位开始申报，此项不能再改。"))
            var dates = form
            dates["scheme_enterprise"] = "rushan-2020-enterprise"
            dates["applyBy"] = "2020-08-28"
            #expect(try await staff.post(edit, dates).status == .seeOther)
            let stale = try await staff.post(edit, dates)
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("活动刚被他人修改过"))
            let plan = try CampaignStore.plan(of: try #require(try await CampaignModel.find(fixture.rushanCampaign, on: app.db)))
            #expect(plan.dates.applyBy == CalendarDate(parsing: "2020-08-28"))
        }
    }
}
