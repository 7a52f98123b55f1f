import Fluent
import Foundation
import SQLKit
import Testing
import UnionStarCore
import Vapor
@testable import App

/// 利益冲突声明 through HTTP: an inspector declares a conflict (from their list, or from the
/// inspection page), leaves an assignment they have not scored, keeps one they have; staff see it
/// and cannot assign them; the inspector lists and withdraws their declarations.
@Suite struct ConflictDeclarationHTTPTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func declarations(_ app: Application) async throws -> [ConflictDeclarationModel] {
        try await ConflictDeclarationModel.query(on: app.db).all()
    }

    @Test func declaringEndsAnAssignmentNotYetScored() async throws {
        try await withTestApp { app in
            // setup: county-inspector assigned to 甲公司工会 by staff
            let (f, inspector, unit) = try await InspectionDraftHTTPTests.inspecting(app)
            let versionBefore = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA).version
            let list = try await inspector.get("/inspections")
            #expect(list.body.contains(#"<a href="/conflicts?unit=\#(Self.id(f.unionA))">声明回避</a>"#))
            let form = try await inspector.get("/conflicts?unit=\(Self.id(f.unionA))")
            #expect(form.status == .ok && form.body.contains(#"<option value="\#(Self.id(f.unionA))" selected>"#) && form.body.contains("您尚未声明利益冲突。"))
            // act: no reason is refused, naming the field, and changes nothing
            let bare = try await inspector.post("/conflicts", ["unit": Self.id(f.unionA), "reason": " "])
            #expect(bare.status == .unprocessableEntity && bare.body.contains("请写明回避理由。"))
            let assignments = try await InspectionAssignmentModel.query(on: app.db).count()
            #expect(try await Self.declarations(app).isEmpty && assignments == 1)
            let declared = try await inspector.post("/conflicts", ["unit": Self.id(f.unionA), "reason": "配偶在该单位任职"])
            // check
            #expect(declared.status == .seeOther && declared.location == "/conflicts?done=conflict-left")
            let rows = try await Self.declarations(app)
            #expect(rows.count == 1 && rows[0].reason == "配偶在该单位任职" && rows[0].leftAssignmentAt != nil)
            #expect(try await InspectionAssignmentModel.query(on: app.db).count() == 0)
            #expect(try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA).version == versionBefore + 1,
                    "staff forms about the application are now stale")
            let after = try await inspector.get("/conflicts?done=conflict-left")
            #expect(after.body.contains("已声明回避，并已退出该单位的考核任务。") && after.body.contains("配偶在该单位任职")
                    && after.body.contains("甲公司工会"))
            #expect(try await inspector.get(unit + "/inspection").status == .notFound)
            #expect(!(try await inspector.get("/inspections")).body.contains("甲公司工会"))
            let actions = try await FilingSetup.auditActions(app)
            #expect(actions.suffix(2) == ["inspector.conflict.declare", "application.inspector.withdraw"])
            // staff see it, and the inspector is marked and refused
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let page = try await staff.get(unit + "/inspectors")
            #expect(page.body.contains("考核人员的回避声明")
                    && page.body.contains("测试county-inspector（county-inspector）：配偶在该单位任职（2020年9月10日声明） · 已退出考核任务"))
            #expect(page.body.contains("测试county-inspector（county-inspector）（须回避）"))
            let inspectorID = try #require(try await UserModel.query(on: app.db).filter(\.$username == "county-inspector").first()?.id)
            let refused = try await staff.post(unit + "/inspectors", ["inspector": Self.id(inspectorID), "version": String(versionBefore + 1)])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("考核人员已申报与该单位存在利害关系（配偶在该单位任职），须回避。"))
            // once is enough
            let twice = try await inspector.post("/conflicts", ["unit": Self.id(f.unionA), "reason": "再次声明"])
            #expect(twice.status == .conflict && twice.body.contains("您已对该单位声明过回避。"))
        }
    }

    @Test func scoresAlreadySubmittedStayForStaffToDecide() async throws {
        try await withTestApp { app in
            // setup: the inspector has scored
            let (f, inspector, unit) = try await InspectionDraftHTTPTests.inspecting(app)
            #expect(try await inspector.post(unit + "/inspection", InspectionTests.fields(app, version: 0)).status == .seeOther)
            let page = try await inspector.get(unit + "/inspection")
            #expect(page.body.contains("与本单位存在利害关系？") && page.body.contains(#"<input type="hidden" name="unit" value="\#(Self.id(f.unionA))">"#))
            // act: declared from the inspection page's form
            let declared = try await inspector.post("/conflicts", ["unit": Self.id(f.unionA), "reason": "本人曾任该单位工会主席"])
            // check
            #expect(declared.status == .seeOther && declared.location == "/conflicts?done=conflict-kept")
            #expect(try await InspectionAssignmentModel.query(on: app.db).first()?.recordJSON != nil)
            #expect(try await Self.declarations(app).first?.leftAssignmentAt == nil)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            #expect((try await staff.get(unit + "/inspectors")).body
                .contains("测试county-inspector（county-inspector）：本人曾任该单位工会主席（2020年9月10日声明） · 已提交评分，仍在考核任务中，请处理"))
        }
    }

    @Test func aDeclarationIsListedAndWithdrawnByItsInspectorOnly() async throws {
        try await withTestApp { app in
            // setup: declared, not assigned anywhere
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
            let f = try await Fixture.make(app)
            _ = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
            _ = try await InspectorAssignmentTests.inspector(app, f, named: "other-inspector", home: f.rushan)
            let inspector = WebSession(app)
            try await inspector.signIn("county-inspector")
            try await inspector.get("/conflicts")
            #expect(try await inspector.post("/conflicts", ["unit": Self.id(f.unionB), "reason": "近亲属任该公司副总经理"]).location
                    == "/conflicts?done=conflict-declared")
            let declaration = try #require(try await Self.declarations(app).first)
            let listed = try await inspector.get("/conflicts")
            #expect(listed.body.contains("近亲属任该公司副总经理") && listed.body.contains("/conflicts/\(Self.id(declaration.id!))/withdraw")
                    && listed.body.contains("2020-09-10 10:00"))
            // act: someone else's withdrawal finds nothing
            let other = WebSession(app)
            try await other.signIn("other-inspector")
            try await other.get("/conflicts")
            #expect(try await other.post("/conflicts/\(Self.id(declaration.id!))/withdraw").status == .notFound)
            #expect(try await Self.declarations(app).count == 1)
            let withdrawn = try await inspector.post("/conflicts/\(Self.id(declaration.id!))/withdraw")
            // check
            #expect(withdrawn.status == .seeOther && withdrawn.location == "/conflicts?done=conflict-withdrawn")
            #expect(try await Self.declarations(app).isEmpty)
            #expect((try await FilingSetup.auditActions(app)).suffix(2) == ["inspector.conflict.declare", "inspector.conflict.withdraw"])
            #expect((try await inspector.get("/conflicts?done=conflict-withdrawn")).body.contains("已撤回回避声明。"))
        }
    }

    @Test func onlyAUnionInReachCanBeDeclared() async throws {
        try await withTestApp { app in
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
            let f = try await Fixture.make(app)
            _ = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
            let inspector = WebSession(app)
            try await inspector.signIn("county-inspector")
            try await inspector.get("/conflicts")
            // a town union, and a union in another county
            for unit in [f.xiacun, f.unionY] {
                let response = try await inspector.post("/conflicts", ["unit": Self.id(unit), "reason": "亲属任职"])
                #expect(response.status == .unprocessableEntity && response.body.contains("请选择一个基层工会。"))
            }
            #expect(try await Self.declarations(app).isEmpty)
            // the picker offers the county's unions only
            let picker = try await inspector.get("/orgs/picker?purpose=conflict&q=%E5%85%AC%E5%8F%B8")
            #expect(picker.body.contains(Self.id(f.unionA)) && picker.body.contains(Self.id(f.unionB)) && !picker.body.contains(Self.id(f.unionY)))
            #expect(!(try await inspector.get("/orgs/picker?purpose=conflict&q=%E5%A4%8F%E6%9D%91")).body.contains(Self.id(f.xiacun)))
            // staff do not declare
            let staff = WebSession(app)
            try await staff.signIn("staff")
            #expect(try await staff.get("/conflicts").status == .notFound)
        }
    }
}
