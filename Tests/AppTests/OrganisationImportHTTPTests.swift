import Fluent
import Foundation
import SQLKit
import Testing
import UnionStarCore
import Vapor
@testable import App

@Suite struct OrganisationImportHTTPTests {
    static let header = "名称,上级,层级,类型,统一社会信用代码,会员人数,职工人数,工会主席,联系电话,地址,公司制企业\n"
    static let goodRows = """
        下初镇总工会,威海市总工会/乳山市总工会,镇街/园区/系统工会,,,0,0,,,,否
        下初某食品有限公司工会,威海市总工会/乳山市总工会/下初镇总工会,基层工会,企业工会,91350100M000100Y43,88,96,孙七,0631-6600001,下初镇,是
        下初镇中心学校工会,威海市总工会/乳山市总工会/下初镇总工会,基层工会,学校工会,,40,45,,,,否

        """

    /// Opens the import form (for its token) and uploads a file through it.
    func upload(_ browser: WebSession, _ path: String, _ data: Data, dryRun: Bool) async throws -> WebResponse {
        try await browser.get(path)
        return try await browser.postFile(path, data, dryRun: dryRun)
    }

    func names(_ app: Application) async throws -> Set<String> {
        Set(try await OrganisationModel.query(on: app.db).all().map(\.name))
    }

    @Test func aGBKFileIsCheckedInADryRunThenImportedThenReimportedWithoutChange() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let path = "/orgs/\(fixture.rushan.uuidString.lowercased())/import"
            let gbk = try #require(TextDecoding.encodeGB18030(Self.header + Self.goodRows))
            let before = try await names(app)
            let audit = try await AuditLog.verify(on: app.db).count

            // setup done; act: a dry run writes nothing
            let dry = try await upload(staff, path, gbk, dryRun: true)
            #expect(dry.status == .ok)
            #expect(dry.body.contains("文件编码：GB18030"))
            #expect(dry.body.contains("新建：3，修改：0，无变化：0，有错误的行：0"))
            #expect(dry.body.contains("试运行：检查通过，未写入任何数据"))
            #expect(try await names(app) == before)

            // the real import
            let real = try await upload(staff, path, gbk, dryRun: false)
            #expect(real.body.contains("已导入。"))
            let after = try await names(app)
            #expect(after.subtracting(before) == ["下初镇总工会", "下初某食品有限公司工会", "下初镇中心学校工会"])
            let union = try #require(try await OrganisationModel.query(on: app.db).filter(\.$name == "下初某食品有限公司工会").first())
            #expect(union.creditCode == "91350100M000100Y43" && union.members == 88 && union.companyForm)
            let town = try #require(try await OrganisationModel.query(on: app.db).filter(\.$name == "下初镇总工会").first())
            #expect(union.parentID == town.id && union.path.hasPrefix(town.path))
            #expect(try await AuditLog.verify(on: app.db).count == audit + 3)

            // the same file again, now as UTF-8 with a BOM: nothing changes, nothing is audited
            let again = try await upload(staff, path, Data([0xEF, 0xBB, 0xBF]) + Data((Self.header + Self.goodRows).utf8), dryRun: false)
            #expect(again.body.contains("新建：0，修改：0，无变化：3"))
            #expect(again.body.contains("没有需要导入的变化。"))
            #expect(try await names(app) == after)
            #expect(try await AuditLog.verify(on: app.db).count == audit + 3)
        }
    }

    @Test func anyBadRowStopsTheWholeFileAndEveryOneIsReported() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let csv = Self.header + Self.goodRows + """
                坏工会一,威海市总工会/乳山市总工会/下初镇总工会,基层工会,企业工会,91350100M000100Y44,1,1,,,,否
                坏工会二,威海市总工会/乳山市总工会/不存在镇,基层工会,企业工会,,1,1,,,,否
                坏工会三,扬州市总工会/仪征市总工会,基层工会,企业工会,,abc,1,,,,否

                """
            let before = try await names(app)
            let response = try await upload(staff, "/orgs/\(fixture.rushan.uuidString.lowercased())/import", Data(csv.utf8), dryRun: false)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("有错误，未导入任何数据"))
            #expect(response.body.contains("<td class=\"num\">5</td><td>统一社会信用代码</td><td>校验码不符：末位应为“3”，而不是“4”</td>"))
            #expect(response.body.contains("<td class=\"num\">6</td><td>上级</td><td>找不到上级“威海市总工会/乳山市总工会/不存在镇”</td>"))
            #expect(response.body.contains("<td class=\"num\">7</td><td>会员人数</td>"))
            #expect(try await names(app) == before)
        }
    }

    @Test func rowsOutsideTheImportersSubtreeAreRefused() async throws {
        try await withTestApp { app in
            _ = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let csv = Self.header + "越界工会,扬州市总工会/仪征市总工会/真州镇工会,基层工会,企业工会,,1,1,,,,否\n"
            let response = try await upload(staff, "/orgs/import", Data(csv.utf8), dryRun: false)
            #expect(response.status == .unprocessableEntity)
            // Units outside the importer's subtrees are unknown to it: not even their names are confirmed.
            #expect(response.body.contains("找不到上级“扬州市总工会/仪征市总工会/真州镇工会”"))
            #expect(try await OrganisationModel.query(on: app.db).filter(\.$name == "越界工会").count() == 0)
            // A credit code held by a hidden unit is refused without naming the unit.
            try await app.writes.perform { db in
                let hidden = try await OrganisationModel.query(on: db).filter(\.$name == "丙公司工会").first()!
                var profile = hidden.profile
                profile.creditCode = "91440300708461136T"
                _ = try await OrganisationStore.update(hidden.id!, version: hidden.version, to: profile, actor: .commandLine("t"), on: db)
            }
            let taken = Self.header + "新工会,威海市总工会/乳山市总工会,基层工会,企业工会,91440300708461136T,1,1,,,,否\n"
            let clash = try await upload(staff, "/orgs/import", Data(taken.utf8), dryRun: true)
            #expect(clash.body.contains("该统一社会信用代码已被其他单位使用"))
            #expect(!clash.body.contains("丙公司工会"))
        }
    }

    @Test func anUnreadableFileIsRefusedWithAReason() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let path = "/orgs/\(fixture.rushan.uuidString.lowercased())/import"
            let binary = try await upload(staff, path, Data([0xFF, 0xFE, 0x00, 0x81, 0xFF]), dryRun: true)
            #expect(binary.status == .unprocessableEntity)
            #expect(binary.body.contains("无法识别文件编码"))
            let columns = try await upload(staff, path, Data("名称,层级\n甲,基层工会\n".utf8), dryRun: true)
            #expect(columns.body.contains("缺少必需的列：上级"))
        }
    }

    @Test func exportThenImportChangesNothing() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let export = try await staff.get("/orgs/\(fixture.rushan.uuidString.lowercased())/export")
            #expect(export.status == .ok)
            #expect(export.headers.contentType?.subType == "csv")
            #expect(export.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            #expect(export.body.hasPrefix("\u{FEFF}名称,上级,层级"))
            #expect(export.body.contains("甲公司工会,威海市总工会/乳山市总工会/夏村镇总工会,基层工会,企业工会"))
            #expect(!export.body.contains("丙公司工会"))
            let response = try await upload(staff, "/orgs/\(fixture.rushan.uuidString.lowercased())/import", Data(export.body.utf8), dryRun: false)
            #expect(response.body.contains("新建：0，修改：0，无变化："))
            #expect(response.body.contains("没有需要导入的变化。"))
        }
    }

    /// A file larger than one batch of nodes (200) and of audit entries (500): every row arrives,
    /// with one audit entry each, in one unbroken chain. Nothing is timed here; the 10,000-row
    /// figure is measured by `scripts/bench-import` and kept in BENCHMARKS.md.
    @Test func aFileOfManyBatchesArrivesWhole() async throws {
        try await withTestApp { app in
            // setup: 12 towns and 1,188 unions with credit codes
            let fixture = try await Fixture.make(app)
            var csv = Self.header
            for town in 0..<12 {
                csv += "批量镇\(town)总工会,威海市总工会/乳山市总工会,镇街/园区/系统工会,,,0,0,,,,否\n"
            }
            for n in 0..<1_188 {
                let body = "91371083" + String(format: "%09d", n)
                let code = body + String(CreditCode.checkCharacter(for: body)!)
                csv += "批量\(n)有限公司工会,威海市总工会/乳山市总工会/批量镇\(n % 12)总工会,基层工会,企业工会,\(code),\(n % 500),\(n % 500 + 10),,,,是\n"
            }
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let audit = try await AuditLog.verify(on: app.db).count
            // act
            let response = try await upload(staff, "/orgs/\(fixture.rushan.uuidString.lowercased())/import", Data(csv.utf8), dryRun: false)
            // check
            #expect(response.status == .ok)
            #expect(response.body.contains("新建：1200，修改：0，无变化：0，有错误的行：0"))
            #expect(response.body.contains("已导入。"))
            #expect(try await OrganisationModel.query(on: app.db).filter(\.$name, .custom("LIKE"), "批量%").count() == 1_200)
            let lastCode = "91371083000001187" + String(CreditCode.checkCharacter(for: "91371083000001187")!)
            #expect(try await OrganisationModel.query(on: app.db).filter(\.$creditCode == lastCode).first()?.name == "批量1187有限公司工会")
            let (count, broken) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil)
            #expect(count == audit + 1_200)
        }
    }
}
