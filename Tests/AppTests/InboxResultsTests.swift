import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The inbox's tasks after the decision, through HTTP: the campaign's federation puts the decision
/// on the results notice (结果公示), and the level that names the tier names the unit (命名), each
/// task for exactly those staff, with its deadline and link, gone once done.
@Suite struct InboxResultsTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static let nothing = "没有等待您处理的事项。"

    /// Rushan has no recommendation date: the notice is due the first working day after the
    /// inspection (30 September; National Day to 8 October), naming has no date.
    @Test func rushanTheCountyStartsTheResultsNoticeThenNamesTheUnit() async throws {
        try await withTestApp { app in
            // setup: 甲公司工会 decided 四星级; Friday 9 October 2020
            let f = try await Fixture.make(app)
            try await ResultsTests.decided(app, f)
            app.clock = FixedClock(Fixture.chinaMorning("2020-10-09"))
            let campaignResults = "/campaigns/\(Self.id(f.rushanCampaign))/results"
            let unitResults = InboxPageTests.unit(f, "/results")
            let staff = try await InboxPageTests.signedIn(app, "staff")
            // act
            let inbox = try await staff.get("/inbox")
            // check: 乳山's staff, due today, on the campaign's results page; nobody else
            #expect(inbox.body.contains(InboxPageTests.row(task: "开始结果公示", link: campaignResults, unit: "甲公司工会",
                                                           campaign: "2020年度“活力基层工会”星级创建", deadline: "2020年10月9日",
                                                           status: "今天到期", rowClass: "due-today")), "\(inbox.body)")
            for other in ["prefecture", "cadre", "reviewer"] {
                #expect((try await InboxPageTests.signedIn(app, other).get("/inbox")).body.contains(Self.nothing), "\(other)")
            }

            // act: one results notice from Monday 12 October (to the 16th)
            try await staff.get(campaignResults)
            #expect(try await staff.post(campaignResults, ["start": "2020-10-12", "units[]": Self.id(f.unionA)]).status == .seeOther)
            // check: the task is gone, and naming waits for the notice's end
            #expect((try await staff.get("/inbox")).body.contains(Self.nothing))

            // act: Monday 19 October, the notice over without objections
            app.clock = FixedClock(Fixture.chinaMorning("2020-10-19"))
            try await staff.signIn("staff")
            let later = try await staff.get("/inbox")
            // check: 乳山 names its four stars, on the unit's results page, with no date; not 威海
            #expect(later.body.contains(InboxPageTests.row(f, task: "命名", page: "/results", deadline: "未定")), "\(later.body)")
            #expect((try await InboxPageTests.signedIn(app, "prefecture").get("/inbox")).body.contains(Self.nothing))

            // act: named
            try await staff.get(unitResults)
            let application = try await ResultsTests.application(app, f)
            #expect(try await staff.post(InboxPageTests.unit(f, "/name"), ["version": String(application.version)]).status == .seeOther)
            // check
            #expect((try await staff.get("/inbox")).body.contains(Self.nothing))
        }
    }

    /// Yizheng: 公示五个工作日无异议后，于11月15日前向扬州市总工会推荐表彰 — 仪征 starts the notice by the
    /// last day it can end before 15 November (Friday the 8th); 扬州 names, by the 15th.
    @Test func yizhengTheCountyStartsTheNoticeAndYangzhouNames() async throws {
        try await withTestApp { app in
            // setup: 丙公司工会 decided 三星级 by 仪征; Friday 1 November 2019
            let f = try await Fixture.make(app)
            try await ResultsTests.yizhengDecided(app, f)
            app.clock = FixedClock(Fixture.chinaMorning("2019-11-01"))
            let campaignResults = "/campaigns/\(Self.id(f.yizhengCampaign))/results"
            let unit = "/campaigns/\(Self.id(f.yizhengCampaign))/units/\(Self.id(f.unionY))"
            let unitResults = unit + "/results"
            let county = try await InboxPageTests.signedIn(app, "yizheng-staff")
            // act
            let inbox = try await county.get("/inbox")
            // check
            #expect(inbox.body.contains(InboxPageTests.row(task: "开始结果公示", link: campaignResults, unit: "丙公司工会", campaign: "2019年度“双争”活动",
                                                           deadline: "2019年11月8日")), "\(inbox.body)")
            #expect((try await InboxPageTests.signedIn(app, "yangzhou-staff").get("/inbox")).body.contains(Self.nothing))

            // act: the notice from Monday 4 November (to the 8th)
            try await county.get(campaignResults)
            #expect(try await county.post(campaignResults, ["start": "2019-11-04", "units[]": Self.id(f.unionY)]).status == .seeOther)
            #expect((try await county.get("/inbox")).body.contains(Self.nothing))

            // act: Monday 11 November
            app.clock = FixedClock(Fixture.chinaMorning("2019-11-11"))
            let yangzhou = try await InboxPageTests.signedIn(app, "yangzhou-staff")
            let later = try await yangzhou.get("/inbox")
            // check: 扬州 names, by the recommendation date; 仪征, which decided, does not
            #expect(later.body.contains(InboxPageTests.row(task: "命名", link: unitResults, unit: "丙公司工会", campaign: "2019年度“双争”活动",
                                                           deadline: "2019年11月15日")), "\(later.body)")
            #expect((try await InboxPageTests.signedIn(app, "yizheng-staff").get("/inbox")).body.contains(Self.nothing))

            // act: named
            try await yangzhou.get(unitResults)
            let application = try await EndorsementTests.application(app, campaign: f.yizhengCampaign, unit: f.unionY)
            let named = try await yangzhou.post(unit + "/name", ["version": String(application.version)])
            // check
            #expect(named.status == .seeOther)
            #expect((try await yangzhou.get("/inbox")).body.contains(Self.nothing))
        }
    }
}
