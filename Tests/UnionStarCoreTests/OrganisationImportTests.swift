import Foundation
import Testing
@testable import UnionStarCore

/// The top of the tree both import suites stand on, and the file header they write.
enum ImportFixture {
    static let weihai = OrganisationImport.ExistingNode(
        id: "w", parentID: nil, path: TreePath(ids: ["w"]), namePath: ["威海市总工会"],
        profile: OrganisationProfile(name: "威海市总工会", level: .prefecture))
    static let rushan = OrganisationImport.ExistingNode(
        id: "r", parentID: "w", path: TreePath(ids: ["w", "r"]), namePath: ["威海市总工会", "乳山市总工会"],
        profile: OrganisationProfile(name: "乳山市总工会", level: .county))
    static let header = "名称,上级,层级,类型,统一社会信用代码,会员人数,职工人数,工会主席,联系电话,地址,公司制企业\n"
}

@Suite struct OrganisationImportTests {
    let weihai = ImportFixture.weihai
    let rushan = ImportFixture.rushan
    let yizheng = OrganisationImport.ExistingNode(
        id: "y", parentID: nil, path: TreePath(ids: ["y"]), namePath: ["扬州市总工会"],
        profile: OrganisationProfile(name: "扬州市总工会", level: .prefecture))
    var existing: [OrganisationImport.ExistingNode] { [weihai, rushan, yizheng] }

    let header = ImportFixture.header

    func plan(_ body: String, existing: [OrganisationImport.ExistingNode]? = nil,
              scope: TreePath? = TreePath(ids: ["w", "r"])) throws -> OrganisationImport.Plan {
        let rows = try OrganisationCSV.rows(from: header + body).rows
        return OrganisationImport.plan(rows: rows, existing: existing ?? self.existing) { path in
            guard let scope else { return true }
            return path.map { scope.contains($0) } ?? false
        }
    }

    @Test func createsATownAndItsUnionsInOrder() throws {
        let p = try plan("""
        乳山某公司工会,威海市总工会/乳山市总工会/夏村镇总工会,基层工会,企业工会,91350100M000100Y43,120,130,张三,0631-1234567,夏村镇,是
        夏村镇总工会,威海市总工会/乳山市总工会,镇街/园区/系统工会,,,0,0,,,,否
        夏村镇中心学校工会,威海市总工会/乳山市总工会/夏村镇总工会,基层工会,学校工会,,80,85,,,,否
        """)
        #expect(p.isClean)
        #expect(p.creates.map(\.line) == [3, 2, 4])
        #expect(p.creates[0].parent == .existing("r"))
        #expect(p.creates[1].parent == .row(3))
        #expect(p.creates[1].profile.companyForm)
        #expect(p.creates[2].profile.kind == .school)
    }

    @Test func everyBadRowIsReportedWithLineColumnAndReason() throws {
        let p = try plan("""
        ,威海市总工会/乳山市总工会,基层工会,企业工会,,1,1,,,,否
        某工会,威海市总工会/乳山市总工会,基层工会,火箭工会,,1,1,,,,否
        某工会2,威海市总工会/乳山市总工会,基层工会,企业工会,91350100M000100Y44,十,1,,,,否
        某工会3,威海市总工会/不存在,基层工会,企业工会,,1,1,,,,否
        某工会4,威海市总工会/乳山市总工会,月球,企业工会,,1,1,,,,否
        某工会5,威海市总工会/乳山市总工会,基层工会,企业工会,,1,1,,,,也许
        """)
        #expect(!p.isClean)
        let found = p.errors.map { "\($0.line) \($0.column) \($0.reason.zh)" }
        #expect(found == [
            "2 名称 请填写名称",
            "3 类型 类型“火箭工会”无法识别",
            "4 会员人数 “十”不是不小于0的整数",
            "4 统一社会信用代码 校验码不符：末位应为“3”，而不是“4”",
            "5 上级 找不到上级“威海市总工会/不存在”",
            "6 层级 层级“月球”无法识别（地市总工会、县级市总工会、镇街/园区/系统工会、基层工会）",
            "7 公司制企业 “也许”应为“是”或“否”",
        ])
    }

    @Test func badCreditCodeAndWrongLevelAreRefused() throws {
        let p = try plan("""
        某公司工会,威海市总工会/乳山市总工会,基层工会,企业工会,91350100M000100Y44,1,1,,,,否
        某县总工会,威海市总工会/乳山市总工会,县级市总工会,,,0,0,,,,否
        """)
        #expect(p.errors.map(\.line) == [2, 3])
        #expect(p.errors[0].column == "统一社会信用代码")
        #expect(p.errors[0].reason.zh == "校验码不符：末位应为“3”，而不是“4”")
        #expect(p.errors[1].reason.zh == "县级市总工会不能设在县级市总工会之下")
    }

    @Test func outOfScopeRowsAreRefused() throws {
        let p = try plan("仪征某公司工会,扬州市总工会,基层工会,企业工会,,1,1,,,,否\n")
        #expect(p.errors.map(\.reason.en) == ["a grassroots union cannot sit under a prefecture federation"])
        let q = try plan("仪征市总工会,扬州市总工会,县级市总工会,,,0,0,,,,否\n")
        #expect(q.errors.map(\.reason.en) == ["you may not add under '扬州市总工会'"])
    }

    @Test func reimportingTheSameRowsChangesNothing() throws {
        let node = OrganisationImport.ExistingNode(
            id: "u", parentID: "r", path: TreePath(ids: ["w", "r", "u"]), namePath: ["威海市总工会", "乳山市总工会", "乳山某公司工会"],
            profile: OrganisationProfile(name: "乳山某公司工会", level: .grassroots, kind: .enterprise, creditCode: "91350100M000100Y43",
                                         members: 120, employees: 130, chair: "张三", phone: "0631-1234567", address: "夏村镇", companyForm: true))
        let row = "乳山某公司工会,威海市总工会/乳山市总工会,基层工会,企业工会,91350100M000100Y43,120,130,张三,0631-1234567,夏村镇,是\n"
        let same = try plan(row, existing: existing + [node])
        #expect(same.isClean && same.changeCount == 0 && same.unchanged == [2])
        let changed = try plan(row.replacingOccurrences(of: ",120,", with: ",121,"), existing: existing + [node])
        #expect(changed.updates.map(\.after.members) == [121])
        // Matched by credit code even under another name: a rename, not a second union.
        let renamed = try plan(row.replacingOccurrences(of: "乳山某公司工会,", with: "乳山某集团工会,"), existing: existing + [node])
        #expect(renamed.creates.isEmpty && renamed.updates.map(\.after.name) == ["乳山某集团工会"])
    }

    @Test func repeatedRowsInOneFileAreRefused() throws {
        let p = try plan("""
        甲工会,威海市总工会/乳山市总工会,基层工会,企业工会,,1,1,,,,否
        甲工会,威海市总工会/乳山市总工会,基层工会,企业工会,,2,2,,,,否
        """)
        #expect(p.errors.map(\.line) == [3])
    }

    @Test func missingRequiredColumnIsAFileError() {
        #expect(throws: OrganisationCSV.FileError.self) { try OrganisationCSV.rows(from: "名称,层级\n甲,基层工会\n") }
    }

    @Test func exportThenImportIsUnchanged() throws {
        let node = OrganisationImport.ExistingNode(
            id: "u", parentID: "r", path: TreePath(ids: ["w", "r", "u"]), namePath: ["威海市总工会", "乳山市总工会", "乳山, “引号”工会"],
            profile: OrganisationProfile(name: "乳山, “引号”工会", level: .grassroots, kind: .hospital, members: 5, employees: 6, address: "多行\n地址"))
        let all = existing + [node]
        let data = OrganisationCSV.write(OrganisationImport.exportRows(all))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = try #require(TextDecoding.decode(data)).text
        let rows = try OrganisationCSV.rows(from: text).rows
        let p = OrganisationImport.plan(rows: rows, existing: all) { _ in true }
        #expect(p.isClean)
        #expect(p.changeCount == 0)
        #expect(p.unchanged.count == 4)
    }
}

@Suite struct OrganisationImportSafetyTests {
    let weihai = ImportFixture.weihai
    let rushan = ImportFixture.rushan
    let town = OrganisationImport.ExistingNode(
        id: "t", parentID: "r", path: TreePath(ids: ["w", "r", "t"]), namePath: ["威海市总工会", "乳山市总工会", "夏村镇总工会"],
        profile: OrganisationProfile(name: "夏村镇总工会", level: .subFederation, creditCode: "91350100M000100Y43"))
    let union = OrganisationImport.ExistingNode(
        id: "u", parentID: "r", path: TreePath(ids: ["w", "r", "u"]), namePath: ["威海市总工会", "乳山市总工会", "某公司工会"],
        profile: OrganisationProfile(name: "某公司工会", level: .grassroots, kind: .enterprise, creditCode: "914403001922038216"))
    let header = ImportFixture.header

    func plan(_ body: String) throws -> OrganisationImport.Plan {
        let scope = TreePath(ids: ["w", "r"])
        return OrganisationImport.plan(rows: try OrganisationCSV.rows(from: header + body).rows, existing: [weihai, rushan, town, union],
                                       takenCodes: ["91440300708461136T"]) { path in path.map { scope.contains($0) } ?? false }
    }

    @Test func aParentRowThatRenamesAnExistingNodeResolvesToThatNode() throws {
        // Row 2 renames 夏村镇总工会 (by credit code); row 3 moves 某公司工会 under the new name.
        let p = try plan("""
            夏村镇新总工会,威海市总工会/乳山市总工会,镇街/园区/系统工会,,91350100M000100Y43,0,0,,,,否
            某公司工会,威海市总工会/乳山市总工会/夏村镇新总工会,基层工会,企业工会,914403001922038216,0,0,,,,否
            """)
        #expect(p.isClean)
        #expect(p.updates.map(\.line) == [2, 3])
        #expect(p.updates[1].newParent == .existing("t"))
    }

    @Test func aNodeCannotMoveUnderARowCreatedBelowItself() throws {
        let p = try plan("""
            新园区工会,威海市总工会/乳山市总工会/夏村镇总工会,镇街/园区/系统工会,,,0,0,,,,否
            夏村镇总工会,威海市总工会/乳山市总工会/夏村镇总工会/新园区工会,镇街/园区/系统工会,,91350100M000100Y43,0,0,,,,否
            """)
        #expect(p.errors.map(\.reason.en).contains("a node cannot move under its own descendant"))
    }

    @Test func aCodeHeldOutsideTheImportersViewIsRefusedWithoutNamingItsHolder() throws {
        let p = try plan("新工会,威海市总工会/乳山市总工会,基层工会,企业工会,91440300708461136T,1,1,,,,否\n")
        #expect(p.errors.map(\.reason.zh) == ["该统一社会信用代码已被其他单位使用"])
    }

    @Test func formulaCellsAreGuardedOnExportAndRestoredOnImport() throws {
        #expect(OrganisationCSV.guarded("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(OrganisationCSV.guarded("-3") == "'-3")
        #expect(OrganisationCSV.guarded("乳山") == "乳山")
        #expect(OrganisationCSV.unguarded("'=SUM(A1)") == "=SUM(A1)")
        #expect(OrganisationCSV.unguarded("'乳山") == "'乳山")
        let odd = OrganisationImport.ExistingNode(
            id: "o", parentID: "r", path: TreePath(ids: ["w", "r", "o"]), namePath: ["威海市总工会", "乳山市总工会", "@某工会"],
            profile: OrganisationProfile(name: "@某工会", level: .grassroots, kind: .school, chair: "=1+1"))
        let data = OrganisationCSV.write(OrganisationImport.exportRows([weihai, rushan, odd]))
        let text = try #require(TextDecoding.decode(data)).text
        #expect(text.contains("'@某工会") && text.contains("'=1+1"))
        let p = OrganisationImport.plan(rows: try OrganisationCSV.rows(from: text).rows, existing: [weihai, rushan, odd]) { _ in true }
        #expect(p.isClean && p.changeCount == 0)
    }
}
