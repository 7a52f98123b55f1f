import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// A Rushan enterprise union (甲公司工会) from the self-assessment to the decision through the JSON
/// API alone, each person with their own personal token, on the days they act: the cadre
/// self-assesses, records the congress decision and runs the notice, answers a member's objection
/// and files; the town's reviewer stamps; the county's staff assign two inspectors (one in
/// conflict is refused), who score; staff close the inspection and decide the tier, put it on the
/// results notice, answer the objection a member lodges on its public page, and name the unit once
/// the notice is over. Every answer is checked against the OpenAPI document.
@Suite struct APIWalkTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// Every item of the Rushan enterprise standard at its maximum, but item 1 at `first`.
    static func scores(_ app: Application, first: Double) -> [String: Any] {
        var items: [String: Any] = [:]
        for item in app.catalogue.scheme("rushan-2020-enterprise")!.items { items[String(item.number)] = Double(item.max.description)! }
        items["1"] = first
        return items
    }

    @Test func aRushanEnterpriseUnionFromSelfAssessmentToItsNaming() async throws {
        try await withTestApp { app in
            // setup: 2020-08-03, inside the self-check; tokens made on each person's account page
            let clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            app.clock = clock
            let f = try await Fixture.make(app)
            let first = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
            let second = try await InspectorAssignmentTests.inspector(app, f, named: "weihai-inspector", home: f.weihai)
            let cadre = APIClient(app, token: try await APIClient.token(app, "cadre"))
            let reviewer = APIClient(app, token: try await APIClient.token(app, "reviewer"))
            let staff = APIClient(app, token: try await APIClient.token(app, "staff"))
            let inspectors = [APIClient(app, token: try await APIClient.token(app, "county-inspector")),
                              APIClient(app, token: try await APIClient.token(app, "weihai-inspector"))]
            let unit = "/api/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))"
            func version() async throws -> Int { try #require(try await staff.get(unit).int("version")) }

            // the application before anything: only the start is offered; the pre-application closed in July
            let fresh = try await cadre.get(unit)
            #expect(fresh.status == .ok && fresh.text("state") == "notStarted" && fresh.int("version") == 0)
            #expect(fresh.actions == ["startSelfAssessment"])
            #expect(fresh.text("blocked.0.action") == "preApply" && fresh.text("blocked.0.reason")?.contains("已于2020年7月31日截止") == true)

            // the self-assessment: started, then answered as a fully compliant union
            let started = try await cadre.post(unit + "/start", ["version": 0])
            #expect(started.status == .ok && started.text("state") == "drafting" && started.int("version") == 1)
            let answers = try JSONSerialization.jsonObject(with: app.catalogue.scorer("rushan-2020-enterprise")!.templateAnswers().json())
            let saved = try await cadre.post(unit + "/self-assessment", ["answers": answers, "notes": ["1": "换届批复见附件。"], "version": 1])
            #expect(saved.status == .ok && saved.number("selfTotal") == 100 && saved.text("selfTier") == "five-star", "\(saved.body)")
            let assessment = try await cadre.get(unit + "/self-assessment")
            #expect(assessment.bool("complete") == true && assessment.number("total") == 100 && assessment.text("notes.1") == "换届批复见附件。")

            // 2020-08-18: the workers' congress decides 四星级, with its minutes
            clock.set(Fixture.chinaMorning("2020-08-18"))
            let congress = try await cadre.post(unit + "/congress", [
                "date": "2020-08-18", "kind": "representativesCongress", "expected": 60, "present": 52, "tier": "four-star",
                "version": try await version(), "minutes": ["filename": "职代会纪要.pdf", "data": NoticeFixture.minutesPDF.base64EncodedString()],
            ])
            #expect(congress.status == .ok && congress.text("state") == "congressDecided" && congress.text("tier") == "four-star", "\(congress.body)")

            // 2020-08-20: the notice from 08-21, five working days
            clock.set(Fixture.chinaMorning("2020-08-20"))
            let notice = try await cadre.post(unit + "/notice", ["start": "2020-08-21", "version": try await version()])
            #expect(notice.status == .ok && notice.text("state") == "onNotice" && notice.text("notice.end") == "2020-08-27")

            // 2020-08-24: a member objects on the public page (no account, no API)
            clock.set(Fixture.chinaMorning("2020-08-24"))
            let publicPath = try #require(try await cadre.get(unit + "/notice").text("notice.publicPath"))
            let member = WebSession(app)
            try await member.get(publicPath)
            #expect(try await member.post(publicPath + "/objections", ["text": "职工书屋只有牌子，没有书。", "name": ""]).status == .seeOther)

            // 2020-08-28: the form, then filing waits for the answer
            clock.set(Fixture.chinaMorning("2020-08-28"))
            let form = try await cadre.post(unit + "/form", ["chairName": "王丽", "phone": "0631-6663572", "mainWork": "一、按期换届。\n二、开展劳动竞赛两次。",
                                                             "unitOpinion": "同意申报。", "unitOpinionDate": "2020-08-28", "version": try await version()])
            #expect(form.status == .ok, "\(form.body)")
            let early = try await cadre.post(unit + "/file", ["version": try await version()])
            #expect(early.status == .conflict && early.message == "还有1条异议未答复，答复后方可申报。", "\(early.body)")
            let objections = try await cadre.get(unit + "/notice")
            let answerPath = try #require(objections.text("objections.0.answerPath"))
            #expect(objections.text("objections.0.text") == "职工书屋只有牌子，没有书。")
            #expect(try await cadre.post(answerPath, ["answer": "已购置图书三百册。"]).status == .ok)
            let filed = try await cadre.post(unit + "/file", ["version": try await version()])
            #expect(filed.status == .ok && filed.text("state") == "filed" && filed.int("round") == 1, "\(filed.body)")

            // 2020-09-02: the town's reviewer finds it in the queue and stamps it
            clock.set(Fixture.chinaMorning("2020-09-02"))
            let queue = try await reviewer.get("/api/review")
            #expect(queue.text("applications.0.unit.name") == "甲公司工会" && queue.text("applications.0.path") == unit)
            #expect(try await reviewer.get(unit).actions.contains("endorse"))
            let endorsed = try await reviewer.post(unit + "/endorse", ["opinion": "同意上报。", "date": "2020-09-02", "version": try await version()])
            #expect(endorsed.status == .ok && endorsed.text("state") == "endorsed", "\(endorsed.body)")

            // 2020-09-03: staff assign two inspectors; the town's inspector is in conflict and refused
            clock.set(Fixture.chinaMorning("2020-09-03"))
            let offered = try await staff.get(unit + "/inspectors")
            let candidates = (offered["candidates"] as? [[String: Any]]) ?? []
            let conflicted = try #require(candidates.first { ($0["name"] as? String) == "测试inspector（inspector）" })
            #expect((conflicted["conflict"] as? String)?.isEmpty == false)
            let refused = try await staff.post(unit + "/inspectors", ["inspector": try #require(conflicted["id"] as? String), "version": try await version()])
            #expect(refused.status == .unprocessableEntity && refused.text("fields.inspector") == conflicted["conflict"] as? String)
            for inspector in [first, second] {
                let assigned = try await staff.post(unit + "/inspectors", ["inspector": Self.id(inspector), "version": try await version()])
                #expect(assigned.status == .ok, "\(assigned.body)")
            }

            // 2020-09-10: each inspector finds the unit, and records the visit and the scores
            clock.set(Fixture.chinaMorning("2020-09-10"))
            for (inspector, firstItem) in zip(inspectors, [3.5, 1.5]) {
                let mine = try await inspector.get("/api/inspections")
                #expect(mine.text("inspections.0.path") == unit + "/inspection" && mine["inspections.0.scored"] as? Bool == false)
                let record = try await inspector.get(unit + "/inspection")
                #expect(record.int("version") == 0 && record.number("items.0.max") == 5)
                let scored = try await inspector.post(unit + "/inspection", [
                    "visitedOn": "2020-09-10", "methods": ["briefing", "records", "discussion"], "peopleMet": "工会主席王丽、职工代表5人",
                    "findings": "台账齐全。", "items": Self.scores(app, first: firstItem), "version": 0,
                ])
                #expect(scored.status == .ok, "\(scored.body)")
            }

            // staff close the inspection (the mean, 97.5; spread 2) and decide 四星级, the tier applied for
            let inspected = try await staff.post(unit + "/inspection/complete", ["version": try await version()])
            #expect(inspected.status == .ok && inspected.text("state") == "inspected", "\(inspected.body)")
            #expect(inspected.number("inspection.total") == Decimal(string: "97.5") && inspected.number("inspection.spread") == 2)
            #expect(inspected.text("inspection.computedTier") == "four-star" && inspected.actions == ["decideTier"])
            let decided = try await staff.post(unit + "/decision", ["tier": "four-star", "reason": "", "version": try await version()])
            #expect(decided.status == .ok && decided.text("state") == "decided" && decided.text("decision.tier") == "four-star", "\(decided.body)")
            #expect(decided.text("decision.date") == "2020-09-10")
            let start = try #require((decided["actions"] as? [[String: Any]])?.first { ($0["action"] as? String) == "startResultsNotice" })
            #expect(start["path"] as? String == unit + "/results" && start["next"] as? String == "onResultsNotice")

            // 2020-09-11: the results notice, refused from a day already past, then from Monday 09-14 (five working days)
            clock.set(Fixture.chinaMorning("2020-09-11"))
            let past = try await staff.post(unit + "/results", ["start": "2020-09-10", "version": try await version()])
            #expect(past.status == .unprocessableEntity && past.text("fields.start") == "公示开始日期不能早于今天。", "\(past.body)")
            let results = try await staff.post(unit + "/results", ["start": "2020-09-14", "version": try await version()])
            #expect(results.status == .ok && results.text("state") == "onResultsNotice", "\(results.body)")
            #expect(results.text("resultsNotice.start") == "2020-09-14" && results.text("resultsNotice.end") == "2020-09-18")

            // 2020-09-15: a member objects on its public page (no account, no API)
            clock.set(Fixture.chinaMorning("2020-09-15"))
            let resultsPage = try await cadre.get(unit + "/results")
            #expect(resultsPage.status == .ok && resultsPage.text("notice.status") == "running")
            let resultsPublic = try #require(resultsPage.text("notice.publicPath"))
            #expect(resultsPublic != publicPath)
            try await member.get(resultsPublic)
            #expect(try await member.post(resultsPublic + "/objections", ["text": "该单位职工书屋未开放。", "name": "李明"]).status == .seeOther)

            // the cadre sees that an objection was lodged, not what it says; staff read it and may answer it
            let cadreSees = try await cadre.get(unit + "/results")
            #expect(cadreSees.text("objections.0.lodgedAt") != nil && cadreSees["objections.0.text"] == nil && cadreSees["objections.0.answerPath"] == nil)
            let staffSees = try await staff.get(unit + "/results")
            #expect(staffSees.text("objections.0.text") == "该单位职工书屋未开放。" && staffSees.text("objections.0.name") == "李明")
            let resultsAnswerPath = try #require(staffSees.text("objections.0.answerPath"))
            #expect(resultsAnswerPath.hasPrefix(unit + "/results/objections/") && resultsAnswerPath.hasSuffix("/answer"))

            // naming waits for the notice's end; an empty answer is refused and changes nothing; then answered
            let tooEarly = try await staff.post(unit + "/name", ["version": try await version()])
            #expect(tooEarly.status == .conflict && tooEarly.message == "结果公示至2020年9月18日结束，结束后方可命名。", "\(tooEarly.body)")
            let empty = try await staff.post(resultsAnswerPath, ["answer": "  "])
            #expect(empty.status == .unprocessableEntity && empty.text("fields.answer") == "请填写答复。", "\(empty.body)")
            #expect(try await staff.get(unit + "/results").text("objections.0.answerPath") == resultsAnswerPath)
            let resultsAnswered = try await staff.post(resultsAnswerPath, ["answer": "经核查，职工书屋每周开放三天，已在公示栏说明。"])
            #expect(resultsAnswered.status == .ok && resultsAnswered.text("state") == "onResultsNotice", "\(resultsAnswered.body)")
            #expect(try await cadre.get(unit + "/results").text("objections.0.answer") == "经核查，职工书屋每周开放三天，已在公示栏说明。")

            // 2020-09-21: the notice over and answered, 乳山's staff name it
            clock.set(Fixture.chinaMorning("2020-09-21"))
            let ready = try await staff.get(unit)
            #expect(ready.actions.contains("name") && (ready["blocked"] as? [Any])?.isEmpty == true, "\(ready.body)")
            let named = try await staff.post(unit + "/name", ["version": try await version()])
            // check
            #expect(named.status == .ok && named.text("state") == "named", "\(named.body)")
            let read = try await cadre.get(unit)
            #expect(read.text("state") == "named" && read.text("naming.date") == "2020-09-21" && read.text("naming.federation") == "乳山市总工会")
            #expect(read.text("naming.certificateNumber") == "2020-2-0001" && read.text("naming.certificatePath") == "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))/certificate")
            #expect(read.actions.isEmpty && read.text("resultsNotice.end") == "2020-09-18")
            let record = try await cadre.get(unit + "/results")
            #expect(record.text("naming.certificateNumber") == "2020-2-0001" && record.text("notice.status") == "ended")
            let application = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA)
            #expect(application.state == ApplicationState.named.rawValue && application.inspectedTotal == "97.5")
            #expect(application.namedIssuer == "乳山市总工会" && application.certificateNumber == "2020-2-0001")
            #expect(try await AuditLog.verify(on: app.db).broken == nil)
            try APIClient.checkAgainstTheDocument([cadre, reviewer, staff] + inspectors)
        }
    }
}
