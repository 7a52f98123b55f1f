import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The inspector's side through HTTP: the assigned units, the visit's record and a score for every
/// item; an inspector who is not assigned finds nothing.
@Suite struct InspectionTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// Every item of the Rushan enterprise standard at its maximum, the first at 3.5.
    static func fields(_ app: Application, version: Int, change: (inout [String: String]) -> Void = { _ in }) -> [String: String] {
        var fields: [String: String] = ["visitedOn": "2020-09-10", "methods[0]": "briefing", "methods[1]": "records",
                                        "peopleMet": "工会主席王丽、职工代表5人", "findings": "台账齐全；职工书屋开放时间不固定。",
                                        "version": String(version)]
        for item in app.catalogue.scheme("rushan-2020-enterprise")!.items { fields["items[\(item.number)]"] = item.max.description }
        fields["items[1]"] = "3.5"
        change(&fields)
        return fields
    }

    /// A whole record for the matrix: every item of the Rushan enterprise standard at 1 point.
    static let matrixFields: [String: String] = {
        var fields = ["visitedOn": "2020-09-10", "methods[0]": "briefing", "peopleMet": "工会主席", "findings": "台账齐全。", "version": "0"]
        for number in 1...20 { fields["items[\(number)]"] = "1" }
        return fields
    }()

    @Test func anAssignedInspectorRecordsTheVisitAndScoresEveryItem() async throws {
        try await withTestApp { app in
            // setup: endorsed, a county inspector assigned; 2020-09-10, inside 9月份督导检查
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
            let inspectorID = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let unit = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))"
            try await staff.get(unit + "/inspectors")
            #expect(try await staff.post(unit + "/inspectors", ["inspector": Self.id(inspectorID), "version": "1"]).status == .seeOther)
            let inspector = WebSession(app)
            try await inspector.signIn("county-inspector")
            // the list and the page
            let list = try await inspector.get("/inspections")
            #expect(list.status == .ok && list.body.contains(#"<a href="\#(unit)/inspection">甲公司工会</a>"#) && list.body.contains("未提交评分"))
            let page = try await inspector.get(unit + "/inspection")
            #expect(page.status == .ok && page.body.contains("第1项（满分5分）") && page.body.contains("召开座谈会"))
            // act: a score above the item's maximum is refused, naming the item, and nothing is stored
            let over = try await inspector.post(unit + "/inspection", Self.fields(app, version: 0) { $0["items[1]"] = "6" })
            #expect(over.status == .unprocessableEntity && over.body.contains("评分应在0到5分之间，最多两位小数。"))
            #expect(over.body.contains(#"value="工会主席王丽、职工代表5人""#) == false && over.body.contains("工会主席王丽、职工代表5人"), "what was typed comes back")
            #expect(try await InspectionAssignmentModel.query(on: app.db).first()?.recordJSON == nil)
            let saved = try await inspector.post(unit + "/inspection", Self.fields(app, version: 0))
            // check
            #expect(saved.status == .seeOther && saved.location == unit + "/inspection?done=inspected")
            let row = try #require(try await InspectionAssignmentModel.query(on: app.db).first())
            let record = try CampaignStore.decode(InspectionRecord.self, try #require(row.recordJSON))
            #expect(record.total == Points(parsing: "98.5") && record.methods == [.briefing, .records] && row.scoredAt != nil && row.version == 1)
            let after = try await inspector.get(unit + "/inspection?done=inspected")
            #expect(after.body.contains("评分已提交。") && after.body.contains("您已提交评分，合计98.5分。") && after.body.contains(#"value="3.5""#))
            // the form sent from an older page does not overwrite the newer record
            let stale = try await inspector.post(unit + "/inspection", Self.fields(app, version: 0) { $0["items[1]"] = "1" })
            #expect(stale.status == .conflict)
            #expect(try CampaignStore.decode(InspectionRecord.self, try #require(try await InspectionAssignmentModel.query(on: app.db).first()?.recordJSON))
                .items["1"] == Points(parsing: "3.5"))
            let audit = try await CongressAndNoticeTests.auditRows(app).filter { $0.action == "application.inspection" }
            #expect(audit.count == 1 && audit[0].after_json.contains("\"total\":\"98.5\""))
        }
    }

    /// Two inspectors: 98.5 and 97; staff close the inspection at the mean, 97.75, with the spread
    /// 1.5, once both have scored.
    @Test func staffCloseTheInspectionAtTheMeanOfTwo() async throws {
        try await withTestApp { app in
            // setup
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
            let first = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
            let second = try await InspectorAssignmentTests.inspector(app, f, named: "weihai-inspector", home: f.weihai)
            let unit = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))"
            let staff = WebSession(app)
            try await staff.signIn("staff")
            try await staff.get(unit + "/inspectors")
            #expect(try await staff.post(unit + "/inspectors", ["inspector": Self.id(first), "version": "1"]).status == .seeOther)
            #expect(try await staff.post(unit + "/inspectors", ["inspector": Self.id(second), "version": "2"]).status == .seeOther)
            for (name, change) in [("county-inspector", "3.5"), ("weihai-inspector", "2")] {
                let inspector = WebSession(app)
                try await inspector.signIn(name)
                try await inspector.get(unit + "/inspection")
                #expect(try await inspector.post(unit + "/inspection", Self.fields(app, version: 0) { $0["items[1]"] = change }).status == .seeOther)
                if name == "county-inspector" {
                    // one of two has scored: the inspection cannot close yet
                    let version = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA).version
                    let early = try await staff.post(unit + "/inspection/complete", ["version": String(version)])
                    #expect(early.status == .conflict && early.body.contains("还有1名考核人员未提交评分。"))
                }
            }
            // act
            let page = try await staff.get(unit + "/inspectors")
            #expect(page.body.contains("考核得分97.75分（取各考核人员评分的平均分）；考核人员评分最高与最低相差1.5分；与自评不同的项目"))
            #expect(page.body.contains("合计98.5分") && page.body.contains("合计97分"))
            let version = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA).version
            let closed = try await staff.post(unit + "/inspection/complete", ["version": String(version)])
            // check
            #expect(closed.status == .seeOther)
            let application = try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA)
            #expect(application.state == ApplicationState.inspected.rawValue && application.inspectedTotal == "97.75"
                    && application.inspectionSpread == "1.5")
            #expect((try await staff.get(unit + "/inspectors")).body.contains("考核已结束：考核得分97.75分，评分相差1.5分。"))
            // closed: the inspectors' scores stand
            let late = WebSession(app)
            try await late.signIn("county-inspector")
            #expect(try await late.post(unit + "/inspection", Self.fields(app, version: 1)).status == .conflict)
        }
    }

    @Test func anInspectorWhoIsNotAssignedFindsNothing() async throws {
        try await withTestApp { app in
            // setup: endorsed; one inspector assigned, another not
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-10"))
            let f = try await Fixture.make(app)
            let applicationID = try await FilingSetup.application(app, f, state: .endorsed, rounds: 1)
            let assigned = try await InspectorAssignmentTests.inspector(app, f, named: "county-inspector", home: f.rushan)
            _ = try await InspectorAssignmentTests.inspector(app, f, named: "other-inspector", home: f.rushan)
            try await app.writes.perform { db in
                let row = InspectionAssignmentModel()
                row.applicationID = applicationID
                row.inspectorID = assigned
                row.assignedBy = "test"
                row.assignedAt = Date()
                row.version = 0
                try await row.create(on: db)
            }
            let unit = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))"
            let other = WebSession(app)
            try await other.signIn("other-inspector")
            // act and check
            #expect(try await other.get(unit + "/inspection").status == .notFound)
            #expect(try await other.post(unit + "/inspection", Self.fields(app, version: 0)).status == .notFound)
            #expect(!(try await other.get("/inspections")).body.contains("甲公司工会"))
            #expect(try await InspectionAssignmentModel.query(on: app.db).first()?.recordJSON == nil)
        }
    }
}
