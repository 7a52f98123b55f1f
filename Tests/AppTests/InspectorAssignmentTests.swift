import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Staff assign inspectors to an endorsed application; anyone with a conflict of interest is
/// refused with the reason, and nothing is stored.
@Suite struct InspectorAssignmentTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// An inspector homed at `home`, with the inspector role over the county.
    static func inspector(_ app: Application, _ f: Fixture, named name: String, home: UUID) async throws -> UUID {
        try await CampaignPart2WalkTests.account(app, name, .inspector, home: home, scope: f.rushan)
    }

    @Test func staffAssignTwoInspectorsAndAConflictIsRefused() async throws {
        try await withTestApp { app in
            // setup: 甲公司工会's application endorsed; inspectors homed at the county (no conflict),
            // at 夏村镇 above the union (the fixture's `inspector`), and one who declared a conflict
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-03"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
            let first = try await Self.inspector(app, f, named: "county-inspector", home: f.rushan)
            let second = try await Self.inspector(app, f, named: "weihai-inspector", home: f.weihai)
            let declared = try await Self.inspector(app, f, named: "kin-inspector", home: f.rushan)
            try await app.writes.perform { db in
                let row = ConflictDeclarationModel()
                row.inspectorID = declared
                row.unitID = f.unionA
                row.reason = "配偶在该单位任职"
                row.declaredAt = Date()
                try await row.create(on: db)
            }
            let path = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))/inspectors"
            let staff = WebSession(app)
            try await staff.signIn("staff")
            // the page offers every inspector over the unit, conflicts marked
            let page = try await staff.get(path)
            #expect(page.status == .ok && page.body.contains("测试county-inspector（county-inspector）") && page.body.contains("测试inspector（inspector）（须回避）"))
            // act and check: the town's own inspector is refused, with the reason; nothing stored
            let town = try await staff.post(path, ["inspector": f.users["inspector"]!.uuidString.lowercased(), "version": "1"])
            #expect(town.status == .unprocessableEntity && town.body.contains("考核人员属于该单位的上级审核单位（镇、园区、系统工会），须回避。"))
            let kin = try await staff.post(path, ["inspector": Self.id(declared), "version": "1"])
            #expect(kin.status == .unprocessableEntity && kin.body.contains("（配偶在该单位任职）"))
            #expect(try await InspectionAssignmentModel.query(on: app.db).count() == 0)
            // two without conflict are assigned, one after the other
            #expect(try await staff.post(path, ["inspector": Self.id(first), "version": "1"]).status == .seeOther)
            #expect(try await staff.post(path, ["inspector": Self.id(second), "version": "2"]).status == .seeOther)
            let assigned = try await InspectionAssignmentModel.query(on: app.db).all()
            #expect(Set(assigned.map(\.inspectorID)) == [first, second])
            let after = try await staff.get(path + "?done=assigned")
            #expect(after.body.contains("已指派考核人员。") && after.body.contains("测试weihai-inspector（weihai-inspector） · 未提交评分"))
            // the same one twice is refused
            let twice = try await staff.post(path, ["inspector": Self.id(first), "version": "3"])
            #expect(twice.status == .conflict && twice.body.contains("该考核人员已指派。"))
            // a reviewer may not assign
            let reviewer = WebSession(app)
            try await reviewer.signIn("reviewer")
            #expect(try await reviewer.post(path, ["inspector": Self.id(first), "version": "3"]).status == .notFound)
        }
    }

    @Test func staffWithdrawAnAssignmentBeforeTheInspectorScoresAndNotAfter() async throws {
        try await withTestApp { app in
            // setup: 甲公司工会 endorsed; two county inspectors assigned, the second has scored
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
            let first = try await Self.inspector(app, f, named: "county-inspector", home: f.rushan)
            let second = try await Self.inspector(app, f, named: "weihai-inspector", home: f.weihai)
            let path = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))/inspectors"
            let staff = WebSession(app)
            try await staff.signIn("staff")
            #expect(try await staff.post(path, ["inspector": Self.id(first), "version": "1"]).status == .seeOther)
            #expect(try await staff.post(path, ["inspector": Self.id(second), "version": "2"]).status == .seeOther)
            try await app.writes.perform { db in
                let row = try await InspectionAssignmentModel.query(on: db).filter(\.$inspectorID == second).first()!
                row.recordJSON = "{}"
                row.scoredAt = Date()
                try await row.update(on: db)
            }
            // the page offers a withdrawal for the one who has not scored, not for the other
            let page = try await staff.get(path)
            #expect(page.body.contains(#"action="\#(path)/\#(Self.id(first))/withdraw""#) && !page.body.contains("\(Self.id(second))/withdraw"))
            // act: a stale version is refused, and changes nothing
            let stale = try await staff.post(path + "/\(Self.id(first))/withdraw", ["version": "2"])
            #expect(stale.status == .conflict)
            #expect(try await InspectionAssignmentModel.query(on: app.db).count() == 2)
            // the first is withdrawn (audited); the one who scored stays
            let withdrawn = try await staff.post(path + "/\(Self.id(first))/withdraw", ["version": "3"])
            #expect(withdrawn.status == .seeOther && withdrawn.headers.first(name: .location) == path + "?done=inspector-withdrawn")
            #expect(try await InspectionAssignmentModel.query(on: app.db).all().map(\.inspectorID) == [second])
            #expect(try await CongressAndNoticeTests.auditRows(app).filter { $0.action == "application.inspector.withdraw" }.count == 1)
            #expect(try await staff.get(path + "?done=inspector-withdrawn").body.contains("已撤销指派。"))
            let scored = try await staff.post(path + "/\(Self.id(second))/withdraw", ["version": "4"])
            #expect(scored.status == .conflict && scored.body.contains("该考核人员已提交评分，不能撤销指派：评分是考核验收的记录。"))
            let nobody = try await staff.post(path + "/\(Self.id(first))/withdraw", ["version": "4"])
            #expect(nobody.status == .notFound && nobody.body.contains("该考核人员未被指派到本单位。"))
            #expect(try await InspectionAssignmentModel.query(on: app.db).count() == 1)
            // a reviewer may not withdraw
            let reviewer = WebSession(app)
            try await reviewer.signIn("reviewer")
            #expect(try await reviewer.post(path + "/\(Self.id(second))/withdraw", ["version": "4"]).status == .notFound)
        }
    }

    @Test func nobodyIsAssignedBeforeTheApplicationIsEndorsed() async throws {
        try await withTestApp { app in
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-02"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .filed, rounds: 1)
            let first = try await Self.inspector(app, f, named: "county-inspector", home: f.rushan)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let path = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))/inspectors"
            #expect(!(try await staff.get(path)).body.contains("<select id=\"f-inspector\""))
            let early = try await staff.post(path, ["inspector": Self.id(first), "version": "1"])
            #expect(early.status == .conflict && early.body.contains("申报当前为“已申报”"))
        }
    }
}
