import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Each person's inbox through HTTP, as each role: what waits, by when, where it is done, and the
/// count in the header. 甲公司工会 applies in 乳山's 2020 campaign: notice 08-21 – 08-27, apply by
/// 08-31, inspection 09-01 – 09-30.
@Suite struct InboxPageTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static func unit(_ f: Fixture, _ suffix: String) -> String { "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))\(suffix)" }

    /// The inbox's row for a task: its link, the unit, the campaign, the deadline, the status.
    static func row(_ f: Fixture, task: String, page: String, deadline: String, status: String = "", rowClass: String = "") -> String {
        row(task: task, link: unit(f, page), unit: "甲公司工会", campaign: "2020年度“活力基层工会”星级创建", deadline: deadline, status: status,
            rowClass: rowClass)
    }

    /// The same for any link, unit and campaign.
    static func row(task: String, link: String, unit: String, campaign: String, deadline: String, status: String = "",
                    rowClass: String = "") -> String {
        #"<tr class="\#(rowClass)"><td data-label="事项"><a href="\#(link)">\#(task)</a></td><td data-label="申报单位">\#(unit)</td>"#
            + #"<td data-label="活动">\#(campaign)</td><td data-label="截止日期">\#(deadline)</td>"#
            + #"<td class="status" data-label="状态">\#(status)</td></tr>"#
    }

    static func header(count: Int?, current: Bool = false) -> String {
        let open = current ? #"<a href="/inbox" aria-current="page">待办"# : #"<a href="/inbox">待办"#
        return open + (count.map { #" <span class="count" title="\#($0)项待办">\#($0)</span>"# } ?? "") + "</a>"
    }

    static func signedIn(_ app: Application, _ name: String) async throws -> WebSession {
        let session = WebSession(app)
        try await session.signIn(name)
        return session
    }

    @Test func theCadreAnswersAnObjectionThenFiles() async throws {
        try await withTestApp { app in
            // setup: on notice, an objection lodged on 08-24; 08-25
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-25"))
            let f = try await Fixture.make(app)
            let applicationID = try await FilingSetup.application(app, f, state: .onNotice)
            let objection = ObjectionModel()
            objection.applicationID = applicationID
            objection.lodgedAt = Fixture.chinaMorning("2020-08-24")
            objection.text = "工会主席未经民主选举产生。"
            objection.senderHash = "x"
            try await objection.create(on: app.db)
            let cadre = try await Self.signedIn(app, "cadre")
            // act
            let inbox = try await cadre.get("/inbox")
            // check: answer it by the notice's last day, on the notice page; one task in the header
            #expect(inbox.status == .ok)
            #expect(inbox.body.contains(Self.row(f, task: "答复公示异议", page: "/notice", deadline: "2020年8月27日")), "\(inbox.body)")
            #expect(inbox.body.contains(Self.header(count: 1, current: true)))
            #expect((try await Self.signedIn(app, "staff").get("/inbox")).body.contains("没有等待您处理的事项。"))

            // act: answered, the notice over (08-28): the form is complete, so file it by 08-31
            objection.answer = "主席经会员代表大会选举产生，选举记录已补充上传。"
            objection.answeredAt = Fixture.chinaMorning("2020-08-26")
            try await objection.update(on: app.db)
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-28"))
            let later = try await Self.signedIn(app, "cadre").get("/inbox")
            // check
            #expect(later.body.contains(Self.row(f, task: "提交申报登记表", page: "/form", deadline: "2020年8月31日")))
            #expect(!later.body.contains("答复公示异议"))
        }
    }

    @Test func theReviewerStampsAndTheCountFallsAtOnce() async throws {
        try await withTestApp { app in
            // setup: filed under 夏村镇; 08-28
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-28"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .filed, rounds: 1)
            let reviewer = try await Self.signedIn(app, "reviewer")
            // the count on another page, and the task due the day before the inspection opens
            #expect((try await reviewer.get("/campaigns")).body.contains(Self.header(count: 1)))
            let inbox = try await reviewer.get("/inbox")
            #expect(inbox.body.contains(Self.row(f, task: "审核盖章", page: "/endorse", deadline: "2020年8月31日")))
            // act: the stamp
            try await reviewer.get(Self.unit(f, "/endorse"))
            let stamped = try await reviewer.post(Self.unit(f, "/endorse"), ["opinion": "同意上报。", "date": "2020-08-28", "version": "1"])
            // check: the reviewer's own change empties their count on the next page
            #expect(stamped.status == .seeOther)
            #expect((try await reviewer.get("/campaigns")).body.contains(Self.header(count: nil)))
            #expect((try await reviewer.get("/inbox")).body.contains("没有等待您处理的事项。"))
            // the county's staff now have inspectors to assign, by the day the inspection opens
            let staff = try await Self.signedIn(app, "staff")
            #expect((try await staff.get("/inbox")).body.contains(Self.row(f, task: "指派考核人员", page: "/inspectors", deadline: "2020年9月1日")))
        }
    }

    @Test func theInspectorHasAVisitThenStaffCloseTheInspection() async throws {
        try await withTestApp { app in
            // setup: endorsed, a county inspector assigned; 09-10
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
            let f = try await Fixture.make(app)
            let applicationID = try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
            let inspectorID = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
            let assignment = InspectionAssignmentModel()
            assignment.applicationID = applicationID
            assignment.inspectorID = inspectorID
            assignment.assignedBy = "test"
            assignment.assignedAt = Fixture.chinaMorning("2020-09-02")
            assignment.version = 0
            try await assignment.create(on: app.db)
            // act and check: the visit by the inspection's end; staff wait for the score
            let inspector = try await Self.signedIn(app, "county-inspector")
            #expect((try await inspector.get("/inbox")).body.contains(Self.row(f, task: "考核评分", page: "/inspection", deadline: "2020年9月30日")))
            let staff = try await Self.signedIn(app, "staff")
            #expect((try await staff.get("/inbox")).body.contains("没有等待您处理的事项。"))
            #expect((try await Self.signedIn(app, "inspector").get("/inbox")).body.contains("没有等待您处理的事项。"), "not assigned, nothing")
            // act: scored
            assignment.scoredAt = Fixture.chinaMorning("2020-09-10")
            try await assignment.update(on: app.db)
            // check
            #expect((try await inspector.get("/inbox")).body.contains("没有等待您处理的事项。"))
            #expect((try await staff.get("/inbox")).body.contains(Self.row(f, task: "结束考核", page: "/inspectors", deadline: "2020年9月30日")))
        }
    }

    /// 三星/四星 by the county, 五星 by the prefecture.
    @Test func theLevelThatAcceptsTheTierDecides() async throws {
        try await withTestApp { app in
            // setup: applied for 四星, inspected 85; 09-25
            let f = try await Fixture.make(app)
            try await DecisionTests.inspected(app, f, score: "85", tier: "four-star")
            let staff = try await Self.signedIn(app, "staff")
            let prefecture = try await Self.signedIn(app, "prefecture")
            // act and check
            #expect((try await staff.get("/inbox")).body.contains(Self.row(f, task: "确定星级", page: "/decision", deadline: "2020年9月30日")))
            #expect((try await prefecture.get("/inbox")).body.contains("没有等待您处理的事项。"))
            // act: applied for 五星, inspected 92
            let application = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA)
            application.tier = "five-star"
            application.inspectedTotal = "92"
            try await application.update(on: app.db)
            // check: the prefecture's now, not the county's
            #expect((try await prefecture.get("/inbox")).body.contains(Self.row(f, task: "确定星级", page: "/decision", deadline: "2020年9月30日")))
            #expect((try await staff.get("/inbox")).body.contains("没有等待您处理的事项。"))
        }
    }

    @Test func aTaskPastItsDeadlineIsMarkedOverdue() async throws {
        try await withTestApp { app in
            // setup: endorsed, nobody assigned; 09-02, a day after the inspection opened
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-02"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
            // act
            let inbox = try await Self.signedIn(app, "staff").get("/inbox")
            // check
            #expect(inbox.body.contains(Self.row(f, task: "指派考核人员", page: "/inspectors", deadline: "2020年9月1日", status: "已逾期", rowClass: "overdue")))
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-01"))
            let onTheDay = try await Self.signedIn(app, "staff").get("/inbox?lang=en")
            #expect(onTheDay.body.contains(">Assign inspectors</a>") && onTheDay.body.contains(#"<td class="status" data-label="Status">due today</td>"#))
        }
    }
}
