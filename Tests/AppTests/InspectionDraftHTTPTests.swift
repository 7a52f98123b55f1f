import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The inspector's draft through HTTP, as the page's script sends it: kept as typed, versioned
/// with the record (a stale draft never overwrites a newer one), restored on the page, refused
/// once the inspection is closed; an unassigned inspector finds nothing.
@Suite struct InspectionDraftHTTPTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static let draftFields = ["visitedOn": "2020-09-10", "methods[0]": "interviews", "peopleMet": "工会主席王丽",
                              "findings": "职工书屋开放时间不固定。", "items[1]": "4", "items[2]": "6."]

    /// 甲公司工会 endorsed, `county-inspector` (homed at the county) assigned, on 2020-09-10;
    /// the inspector signed in with the inspection page open.
    static func inspecting(_ app: Application) async throws -> (Fixture, WebSession, String) {
        app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
        let f = try await Fixture.make(app)
        let applicationID = try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
        let inspector = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
        try await app.writes.perform { db in
            try await InspectionAssignmentModel(applicationID: applicationID, inspectorID: inspector, assignedBy: "test", assignedAt: Date()).create(on: db)
        }
        let browser = WebSession(app)
        try await browser.signIn("county-inspector")
        let unit = "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))"
        try await browser.get(unit + "/inspection")
        return (f, browser, unit)
    }

    static func row(_ app: Application) async throws -> InspectionAssignmentModel {
        try #require(try await InspectionAssignmentModel.query(on: app.db).first())
    }

    static func fields(version: Int, _ change: (inout [String: String]) -> Void = { _ in }) -> [String: String] {
        var fields = draftFields
        fields["version"] = String(version)
        change(&fields)
        return fields
    }

    @Test func aDraftIsKeptAsTypedAndRestoredOnThePage() async throws {
        try await withTestApp { app in
            // setup
            let (_, inspector, unit) = try await Self.inspecting(app)
            // act: half the form, a score half typed
            let first = try await inspector.post(unit + "/inspection/draft", Self.fields(version: 0))
            // check
            #expect(first.status == .ok && first.body.contains(#""saved":true"#) && first.body.contains(#""version":1"#))
            #expect(first.body.contains("草稿已保存到服务器（2020-09-10 10:00）。"))
            let row = try await Self.row(app)
            let draft = try CampaignStore.decode(InspectionDraft.self, try #require(row.draftJSON))
            #expect(draft.items == ["1": "4", "2": "6."] && draft.methods == ["interviews"] && row.version == 1 && row.recordJSON == nil)
            // the page (another device, or the same after a reload) shows the draft and says so
            let page = try await inspector.get(unit + "/inspection")
            #expect(page.body.contains("已恢复您未提交的草稿（保存于2020-09-10 10:00）。"))
            #expect(page.body.contains(#"name="items[2]" value="6.""#) && page.body.contains(#"value="interviews" checked"#))
            #expect(page.body.contains(#"<input type="hidden" name="version" value="1">"#))
            #expect(page.body.contains(#"data-draft-path="\#(unit)/inspection/draft""#) && page.body.contains("/js/inspection.js"))
            // the next draft goes on the new version
            let second = try await inspector.post(unit + "/inspection/draft", Self.fields(version: 1) { $0["items[2]"] = "6" })
            #expect(second.status == .ok && second.body.contains(#""version":2"#))
            #expect(try CampaignStore.decode(InspectionDraft.self, try #require(try await Self.row(app).draftJSON)).items["2"] == "6")
            // a draft is not a record: nothing scored, nothing audited
            #expect(try await Self.row(app).scoredAt == nil)
            #expect(try await CongressAndNoticeTests.auditRows(app).filter { $0.action.hasPrefix("application.inspection") }.isEmpty)
        }
    }

    @Test func aStaleDraftNeverOverwritesANewerOne() async throws {
        try await withTestApp { app in
            // setup: a draft saved from one phone (version 1)
            let (_, inspector, unit) = try await Self.inspecting(app)
            #expect(try await inspector.post(unit + "/inspection/draft", Self.fields(version: 0)).status == .ok)
            // act: another phone, its page still on version 0, sends something else
            let stale = try await inspector.post(unit + "/inspection/draft", Self.fields(version: 0) { $0["items[1]"] = "1" })
            // check: 409, the page's sentence, the stored draft untouched
            #expect(stale.status == .conflict && stale.body.contains(#""conflict":true"#) && stale.body.contains(#""version":1"#))
            #expect(stale.body.contains("本页打开后，评分已在别处（另一台设备或另一个窗口）保存或提交"))
            let row = try await Self.row(app)
            let kept = try CampaignStore.decode(InspectionDraft.self, try #require(row.draftJSON))
            #expect(row.version == 1 && kept.items["1"] == "4")
            // the same draft again on the old version (its answer was lost on the way): nothing to do
            let again = try await inspector.post(unit + "/inspection/draft", Self.fields(version: 0))
            #expect(again.status == .ok && again.body.contains(#""version":1"#))
            #expect(try await Self.row(app).version == 1)
            // submitting from a page on version 0 is refused too; on version 1 it is the record, and the draft goes
            let whole = InspectionTests.fields(app, version: 0)
            #expect(try await inspector.post(unit + "/inspection", whole).status == .conflict)
            let submitted = try await inspector.post(unit + "/inspection", InspectionTests.fields(app, version: 1))
            #expect(submitted.status == .seeOther)
            let after = try await Self.row(app)
            #expect(after.recordJSON != nil && after.draftJSON == nil && after.draftSavedAt == nil && after.version == 2)
            #expect(!(try await inspector.get(unit + "/inspection")).body.contains("已恢复您未提交的草稿"))
            // a draft typed on the record's form before it was submitted is stale against the record
            let late = try await inspector.post(unit + "/inspection/draft", Self.fields(version: 1))
            #expect(late.status == .conflict)
        }
    }

    @Test func aDraftOutOfBoundsIsRefusedNamingTheField() async throws {
        try await withTestApp { app in
            let (_, inspector, unit) = try await Self.inspecting(app)
            let long = try await inspector.post(unit + "/inspection/draft",
                                                Self.fields(version: 0) { $0["findings"] = String(repeating: "查", count: 2_001) })
            #expect(long.status == .unprocessableEntity && long.body.contains(#""field":"findings""#) && long.body.contains("不超过2000字（现为2001字）。"))
            let item = try await inspector.post(unit + "/inspection/draft", Self.fields(version: 0) { $0["items[21]"] = "1" })
            #expect(item.status == .unprocessableEntity && item.body.contains(#""field":"item-21""#))
            #expect(try await Self.row(app).draftJSON == nil)
        }
    }

    @Test func anUnassignedInspectorFindsNothing() async throws {
        try await withTestApp { app in
            // setup: someone else is assigned
            let (f, _, unit) = try await Self.inspecting(app)
            _ = try await InspectorAssignmentTests.inspector(app, f, named: "other-inspector", home: f.rushan)
            let other = WebSession(app)
            try await other.signIn("other-inspector")
            try await other.get("/inspections")
            // act and check
            let response = try await other.post(unit + "/inspection/draft", Self.fields(version: 0))
            #expect(response.status == .notFound)
            #expect(try await Self.row(app).draftJSON == nil)
        }
    }

    @Test func onceTheInspectionIsClosedADraftIsRefusedWithTheSentence() async throws {
        try await withTestApp { app in
            // setup: the inspector scored; staff closed the inspection
            let (f, inspector, unit) = try await Self.inspecting(app)
            #expect(try await inspector.post(unit + "/inspection", InspectionTests.fields(app, version: 0)).status == .seeOther)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            try await staff.get(unit + "/inspectors")
            let version = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA).version
            #expect(try await staff.post(unit + "/inspection/complete", ["version": String(version)]).status == .seeOther)
            // act
            let late = try await inspector.post(unit + "/inspection/draft", Self.fields(version: 1))
            // check
            #expect(late.status == .conflict && late.body.contains("申报当前为“已考核”，不能进行此操作。") && late.body.contains(#""saved":false"#))
            #expect(try await Self.row(app).draftJSON == nil)
            // the page shows the record, without the form
            let page = try await inspector.get(unit + "/inspection")
            #expect(page.body.contains("您已提交评分，合计98.5分。") && !page.body.contains("id=\"inspection-form\""))
        }
    }
}
