import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Each action of the JSON API, refused as the page refuses it — the same sentence (Chinese, or
/// English when asked), the field named, the status a program can act on — and taken with its
/// exact outcome where the walk (`APIWalkTests`) does not take it. Answers are checked against
/// the OpenAPI document.
@Suite struct APIActionTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static func unit(_ f: Fixture) -> String { "/api/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))" }

    /// A client of `account` on a fresh fixture, after `prepare`.
    static func client(_ app: Application, _ account: String, language: String? = nil,
                       prepare: (Application, Fixture) async throws -> Void = { _, _ in }) async throws -> (APIClient, Fixture) {
        let f = try await Fixture.make(app)
        try await prepare(app, f)
        return (APIClient(app, token: try await APIClient.token(app, account), language: language), f)
    }

    @Test func preApplyOffersOnlyTheCampaignsTiers() async throws {
        try await withTestApp { app in
            // setup: 仪征's 年初预申报 (to 30 April 2019), as the cadre of 丙公司工会
            app.clock = FixedClock(Fixture.chinaMorning("2019-03-10"))
            let (cadre, f) = try await Self.client(app, "outsider")
            try await Fixture.yizhengHoldsStar(app, f)  // 逐级表彰: 三星级 is open to a unit holding 星级
            let unit = "/api/campaigns/\(Self.id(f.yizhengCampaign))/units/\(Self.id(f.unionY))"
            // act
            let refused = try await cadre.post(unit + "/pre-apply", ["tier": "nine-star", "version": 0])
            cadre.language = "en"
            let english = try await cadre.post(unit + "/pre-apply", ["tier": "nine-star", "version": 0])
            let done = try await cadre.post(unit + "/pre-apply", ["tier": "three-star", "version": 0])
            // check
            #expect(refused.status == .unprocessableEntity && refused.text("fields.tier") == "请选择本次活动开放的星级。" && refused.text("error.field") == "tier")
            #expect(english.status == .unprocessableEntity && english.message == "Choose a tier this campaign offers.")
            #expect(done.status == .ok && done.text("state") == "preApplied" && done.text("aimedTier") == "three-star" && done.int("version") == 1)
            #expect(done.actions.contains("preApply") && done.actions.contains("startSelfAssessment"))
            try APIClient.checkAgainstTheDocument([cadre])
        }
    }

    @Test func theSelfAssessmentNamesTheQuestionItRefusesAndRefusesAStaleVersion() async throws {
        try await withTestApp { app in
            // setup: drafting, version 1
            let (cadre, f) = try await Self.client(app, "cadre", prepare: SelfAssessmentFixture.drafting)
            let path = Self.unit(f) + "/self-assessment"
            // act
            let over = try await cadre.post(path, ["answers": ["facts": ["membership_rate": 120]], "version": 1])
            let unknown = try await cadre.post(path, ["answers": ["facts": ["no_such_question": true]], "version": 1])
            let partial = try await cadre.post(path, ["answers": ["facts": ["election_on_schedule": false]], "version": 1])
            let stale = try await cadre.post(path, ["answers": ["facts": [:]], "version": 1])
            let read = try await cadre.get(path)
            // check
            #expect(over.status == .unprocessableEntity && over.text("error.field") == "membership_rate")
            #expect(over.message?.contains("120") == true && over.message?.contains("第5项") == true, "\(over.body)")
            #expect(unknown.status == .unprocessableEntity && unknown.text("error.field") == "no_such_question")
            #expect(partial.status == .ok && partial.int("version") == 2 && partial["selfTotal"] == nil, "a partial total is not stored")
            #expect(stale.status == .conflict && stale.message == Strings.ApplicationPages.stale.zh)
            #expect(read.bool("complete") == false && read.int("version") == 2)
            #expect((read["items.0.applied"] as? [String])?.contains("③未按期换届扣2分 −2") == true, "\(read.body)")
            try APIClient.checkAgainstTheDocument([cadre])
        }
    }

    @Test func theCongressDecisionNeedsItsMinutesAndTheNoticeWaitsForIt() async throws {
        try await withTestApp { app in
            // setup: drafting on 2020-08-18
            let (cadre, f) = try await Self.client(app, "cadre") { app, f in
                try await SelfAssessmentFixture.drafting(app, f)
                app.clock = FixedClock(Fixture.chinaMorning("2020-08-18"))
            }
            // act
            let bare = try await cadre.post(Self.unit(f) + "/congress", ["date": "2020-08-18", "kind": "representativesCongress", "expected": 60,
                                                                      "present": 52, "tier": "four-star", "version": 1])
            let notDecided = try await cadre.post(Self.unit(f) + "/notice", ["start": "2020-08-19", "version": 1])
            // check
            #expect(bare.status == .unprocessableEntity && bare.text("fields.minutes") == "请上传会议记录（纪要）。", "\(bare.body)")
            #expect(notDecided.status == .conflict && notDecided.message == "申报当前为“自查自评中”，不能进行此操作。", "\(notDecided.body)")
            let started = try await cadre.post(Self.unit(f) + "/start", ["version": 1])
            #expect(started.status == .conflict && started.message == notDecided.message)
            try APIClient.checkAgainstTheDocument([cadre])
        }
    }

    @Test func anObjectionIsAnsweredOnceAndFilingWaitsForTheNotice() async throws {
        try await withTestApp { app in
            // setup: on notice until 2020-08-27; a member's objection; 2020-08-25
            let (cadre, f) = try await Self.client(app, "cadre") { app, f in
                app.clock = FixedClock(Fixture.chinaMorning("2020-08-25"))
                let applicationID = try await FilingSetup.application(app, f, state: .onNotice)
                try await app.writes.perform { db in
                    let application = try await ApplicationModel.find(applicationID, on: db)!
                    application.noticeToken = "api-test-notice"
                    try await application.update(on: db)
                    let row = ObjectionModel()
                    row.applicationID = applicationID
                    row.lodgedAt = Fixture.chinaMorning("2020-08-24")
                    row.text = "职工书屋只有牌子，没有书。"
                    row.senderHash = "test"
                    try await row.create(on: db)
                }
            }
            let notice = try await cadre.get(Self.unit(f) + "/notice")
            let answerPath = try #require(notice.text("objections.0.answerPath"))
            // act
            let empty = try await cadre.post(answerPath, ["answer": " "])
            let answered = try await cadre.post(answerPath, ["answer": "已购置图书三百册。"])
            let again = try await cadre.post(answerPath, ["answer": "再答一次。"])
            let early = try await cadre.post(Self.unit(f) + "/file", ["version": try #require(answered.int("version"))])
            let long = try await cadre.post(Self.unit(f) + "/form", ["mainWork": String(repeating: "字", count: 1001), "version": try #require(answered.int("version"))])
            let versionless = try await cadre.post(Self.unit(f) + "/form", ["mainWork": "一、按期换届。"])
            // check
            #expect(notice.text("notice.status") == "running" && notice.text("notice.end") == "2020-08-27")
            #expect(notice.text("notice.publicPath") == "/notices/api-test-notice")
            #expect(empty.status == .unprocessableEntity && empty.text("fields.answer") == "请填写答复。")
            #expect(answered.status == .ok && answered.text("state") == "onNotice")
            #expect(try await cadre.get(Self.unit(f) + "/notice").text("objections.0.answer") == "已购置图书三百册。")
            #expect(again.status == .notFound || again.status == .conflict)
            #expect(again.message == "这条异议已经答复过了。", "\(again.body)")
            #expect(early.status == .conflict && early.message == "公示至2020年8月27日结束，结束后方可申报。", "\(early.body)")
            #expect(long.status == .unprocessableEntity && long.text("fields.mainWork") == Strings.RegistrationForm.mainWorkTooLong(count: 1001).zh)
            #expect(versionless.status == .unprocessableEntity && versionless.text("fields.version") == "表单缺少版本号，请重新打开页面")
            try APIClient.checkAgainstTheDocument([cadre])
        }
    }

    @Test func theReviewerReturnsWithAReasonAndStampsNoLaterThanToday() async throws {
        try await withTestApp { app in
            // setup: filed (version 1), 2020-09-02
            let (reviewer, f) = try await Self.client(app, "reviewer", prepare: AuthorizationMatrixTests.filed("2020-09-02"))
            // act
            let future = try await reviewer.post(Self.unit(f) + "/endorse", ["opinion": "同意。", "date": "2020-09-03", "version": 1])
            let stale = try await reviewer.post(Self.unit(f) + "/endorse", ["opinion": "同意。", "date": "2020-09-02", "version": 0])
            let reasonless = try await reviewer.post(Self.unit(f) + "/return", ["reason": "", "version": 1])
            let returned = try await reviewer.post(Self.unit(f) + "/return", ["reason": "主要工作过于简略。", "version": 1])
            // check
            #expect(future.status == .unprocessableEntity && future.text("fields.date") == "日期格式应为 YYYY-MM-DD，且不晚于今天。")
            #expect(stale.status == .conflict && stale.message == Strings.ApplicationPages.stale.zh)
            #expect(reasonless.status == .unprocessableEntity && reasonless.text("fields.reason") == "请填写退回原因。")
            #expect(returned.status == .ok && returned.text("state") == "returned" && returned.text("returned.reason") == "主要工作过于简略。")
            #expect(returned.text("returned.date") == "2020-09-02" && returned.actions.isEmpty)
            try APIClient.checkAgainstTheDocument([reviewer])
        }
    }

    @Test func inspectionRefusalsAndAnUnassignedInspectorFindsNothing() async throws {
        try await withTestApp { app in
            // setup: endorsed on 2020-09-10 with the fixture's inspector assigned (by the matrix's setup)
            let (staff, f) = try await Self.client(app, "staff", prepare: AuthorizationMatrixTests.inspecting)
            let inspector = APIClient(app, token: try await APIClient.token(app, "inspector"))
            _ = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
            let stranger = APIClient(app, token: try await APIClient.token(app, "county-inspector"))
            var items: [String: Any] = [:]
            for number in 1...20 { items[String(number)] = 1 }
            items["1"] = 6
            // act
            let nobody = try await staff.post(Self.unit(f) + "/inspectors", ["inspector": Self.id(UUID()), "version": 1])
            let outstanding = try await staff.post(Self.unit(f) + "/inspection/complete", ["version": 1])
            let over = try await inspector.post(Self.unit(f) + "/inspection", ["visitedOn": "2020-09-10", "methods": ["briefing"], "peopleMet": "工会主席",
                                                                              "findings": "台账齐全。", "items": items, "version": 0])
            let unassigned = try await stranger.get(Self.unit(f) + "/inspection")
            // check
            #expect(nobody.status == .unprocessableEntity && nobody.text("fields.inspector") == "请选择考核人员。")
            #expect(outstanding.status == .conflict && outstanding.message == "还有1名考核人员未提交评分。")
            #expect(over.status == .unprocessableEntity && over.text("fields.item-1") == "评分应在0到5分之间，最多两位小数。", "\(over.body)")
            #expect(unassigned.status == .notFound)
            #expect(try await stranger.get("/api/inspections").text("inspections") == nil)
            #expect((try await stranger.get("/api/inspections")["inspections"] as? [Any])?.isEmpty == true)
            try APIClient.checkAgainstTheDocument([staff, inspector, stranger])
        }
    }

    @Test func theDecisionNeedsAReasonAndFiveStarsAreTheCitys() async throws {
        try await withTestApp { app in
            // setup: inspected at 92 having applied for 五星
            let (staff, f) = try await Self.client(app, "staff", language: "en") { app, f in
                try await DecisionTests.inspected(app, f, score: "92", tier: "five-star")
            }
            // act
            let county = try await staff.post(Self.unit(f) + "/decision", ["tier": "five-star", "reason": "", "version": 1])
            let reasonless = try await staff.post(Self.unit(f) + "/decision", ["tier": "four-star", "reason": "", "version": 1])
            let read = try await staff.get(Self.unit(f))
            let lower = try await staff.post(Self.unit(f) + "/decision", ["tier": "four-star", "reason": "Records incomplete.", "version": 1])
            // check
            #expect(county.status == .conflict && county.message == "This tier is accepted and decided by the federation above.")
            #expect(reasonless.status == .unprocessableEntity && reasonless.text("error.field") == "reason")
            #expect(read.text("inspection.computedTier") == "five-star" && read.text("blocked.0.reason") == county.message)
            #expect(lower.status == .ok && lower.text("decision.tier") == "four-star" && lower.text("decision.reason") == "Records incomplete.")
            try APIClient.checkAgainstTheDocument([staff])
        }
    }

    @Test func theQueuesAnswerOnlyTheirRoles() async throws {
        try await withTestApp { app in
            // setup: filed, 2020-09-02
            let (cadre, _) = try await Self.client(app, "cadre", prepare: AuthorizationMatrixTests.filed("2020-09-02"))
            // act and check
            #expect(try await cadre.get("/api/review").status == .notFound)
            #expect(try await cadre.get("/api/inspections").status == .notFound)
            let malformed = try await cadre.call(.POST, "/api/campaigns/x/units/y/file", nil, headers: ["Content-Type": "application/json"])
            #expect(malformed.status == .notFound)
            try APIClient.checkAgainstTheDocument([cadre])
        }
    }
}
