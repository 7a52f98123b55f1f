import Foundation
import Testing
@testable import UnionStarCore

@Suite struct CreditCodeTests {
    // GB 32100-2015's own example and the published codes of well-known companies.
    @Test(arguments: ["91350100M000100Y43", "914403001922038216", "91440300708461136T", "91330100716105852F", "91110000100010433L"])
    func acceptsValidCodes(code: String) {
        #expect(CreditCode.isValid(code))
    }

    @Test func refusesAWrongCheckCharacter() {
        #expect(CreditCode.problem(in: "91350100M000100Y44") == .checkCharacter(expected: "3", found: "4"))
    }

    @Test func refusesWrongLengthLettersAndDivision() {
        #expect(CreditCode.problem(in: "91350100M000100Y4") == .length(17))
        #expect(CreditCode.problem(in: "91350100M000100I43") == .character("I", position: 16))
        #expect(CreditCode.problem(in: "91A50100M000100Y43") == .division)
    }

    @Test func normalisesCaseAndSpaces() {
        #expect(CreditCode.normalize(" 91350100m000100y43 ") == "91350100M000100Y43")
    }
}

@Suite struct OrganisationProfileTests {
    @Test func validProfileIsTrimmedAndNormalised() throws {
        let p = try OrganisationProfile(name: "  乳山市某公司工会 ", level: .grassroots, kind: .enterprise,
                                        creditCode: "91350100m000100y43", members: 120, employees: 130,
                                        phone: "0631-6663572", companyForm: true).validated().get()
        #expect(p.name == "乳山市某公司工会")
        #expect(p.creditCode == "91350100M000100Y43")
        #expect(p.companyForm)
    }

    @Test func everyBadFieldIsNamed() {
        let result = OrganisationProfile(name: "", level: .grassroots, kind: nil, creditCode: "123",
                                         members: -1, employees: 20_000_000, phone: "abc").validated()
        guard case .failure(let errors) = result else { Issue.record("expected errors"); return }
        #expect(errors.order == ["name", "kind", "creditCode", "members", "employees", "phone"])
        #expect(errors["creditCode"]?.zh == "统一社会信用代码应为18位，而不是3位")
    }

    @Test func companyFormOnlyForEnterprises() throws {
        let p = try OrganisationProfile(name: "某学校工会", level: .grassroots, kind: .school, companyForm: true).validated().get()
        #expect(!p.companyForm)
        let county = try OrganisationProfile(name: "乳山市总工会", level: .county, kind: .enterprise).validated().get()
        #expect(county.kind == nil)
    }
}

@Suite struct TreePathTests {
    @Test func containmentAndRebasing() {
        let county = TreePath(ids: ["w", "r"])
        let town = county.appending("t")
        let union = town.appending("u")
        #expect(county.contains(union))
        #expect(town.contains(town))
        #expect(!union.contains(town))
        #expect(!TreePath(ids: ["w", "r2"]).contains(TreePath(ids: ["w", "r"])))
        #expect(union.rebased(from: town, to: TreePath(ids: ["w", "r", "t2"])) == TreePath(ids: ["w", "r", "t2", "u"]))
        #expect(TreePath(text: union.text) == union)
    }

    @Test func idsAndDepthReadThePathsSegments() {
        #expect(TreePath.root.ids == [] && TreePath.root.depth == 0)
        #expect(TreePath(text: "/a/b/")!.ids == ["a", "b"])
        #expect(TreePath(text: "/a/b/")!.depth == 2)
        #expect(TreePath(text: "//a//b/")!.ids == ["a", "b"])
        #expect(TreePath(text: "/甲公司/乙-2/")!.ids == ["甲公司", "乙-2"])
        let ids = ["1edd3af9-9713-4cc1-a183-2776868cbe40", "93a99a9b-32c0-495d-bcf5-23a9a8e9c20a"]
        #expect(TreePath(ids: ids).ids == ids && TreePath(ids: ids).depth == 2)
    }
}

@Suite struct TextDecodingTests {
    @Test func decodesUTF8WithAndWithoutBOMAndGB18030() throws {
        let text = "名称,上级\n乳山市总工会,威海市总工会\n"
        #expect(TextDecoding.decode(Data(text.utf8))?.encoding == .utf8)
        let bom = TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(bom?.text == text)
        #expect(bom?.encoding == .utf8WithBOM)
        let gbk = try #require(TextDecoding.encodeGB18030(text))
        #expect(gbk != Data(text.utf8))
        #expect(gbk.count < Data(text.utf8).count)  // two bytes a character, not three
        let decoded = try #require(TextDecoding.decode(gbk))
        #expect(decoded.text == text)
        #expect(decoded.encoding == .gb18030)
    }

    @Test func refusesBytesThatAreNeither() {
        #expect(TextDecoding.decode(Data([0xFF, 0xFF, 0xFF, 0x81])) == nil)
    }
}
