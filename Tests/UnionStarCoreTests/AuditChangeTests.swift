import Testing
@testable import UnionStarCore

@Suite struct AuditChangeTests {
    @Test func anEditListsOnlyTheFieldsThatChanged() {
        let before = #"{"chair":"王强","members":60,"name":"甲公司工会","retired":false}"#
        let after = #"{"chair":"李娜","members":61,"name":"甲公司工会","retired":false}"#
        #expect(AuditChange.fields(before: before, after: after) == [
            .init(name: "chair", before: "王强", after: "李娜"), .init(name: "members", before: "60", after: "61"),
        ])
        #expect(AuditChange.subjectName(before: before, after: after) == "甲公司工会")
    }

    @Test func aCreationListsEveryFieldAndNullsAreAbsent() {
        let after = #"{"creditCode":null,"companyForm":true,"username":"wanglei"}"#
        #expect(AuditChange.fields(before: "", after: after) == [
            .init(name: "companyForm", before: nil, after: "true"), .init(name: "username", before: nil, after: "wanglei"),
        ])
        #expect(AuditChange.subjectName(before: "", after: after) == "wanglei")
    }

    @Test func aRemovalNamesWhatWasRemoved() {
        let before = #"{"organisation":"/a/b/","role":"inspector","username":"li"}"#
        #expect(AuditChange.fields(before: before, after: "").map(\.name) == ["organisation", "role", "username"])
        #expect(AuditChange.subjectName(before: before, after: "") == "li")
    }
}
