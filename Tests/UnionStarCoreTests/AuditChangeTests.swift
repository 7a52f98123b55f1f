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

/// The quick reader of snapshots agrees with Foundation's decoder on everything it reads, and
/// leaves to the decoder what it does not read.
@Suite struct FlatJSONObjectTests {
    static let agreeing = [
        #"{}"#, #"{"a":"b"}"#, #" { "a" : "b" , "c" : 1 } "#,
        #"{"chair":"王强","members":60,"name":"甲公司工会","retired":false,"kind":null,"x":true}"#,
        #"{"n":-12,"z":0,"m":-0,"big":123456789012345678}"#,
        #"{"esc":"a\"b\\c\/d\b\f\n\r\t","u":"\u00e9\u4e2d\ud83d\ude00","k\"ey":"v"}"#,
        #"{"html":"<script>alert('x')</script>&amp;"}"#,
        #"{"path":"/1edd3af9-9713-4cc1-a183-2776868cbe40/93a99a9b-32c0-495d-bcf5-23a9a8e9c20a/"}"#,
        #"{"emoji":"👷‍♀️","empty":""}"#,
    ]

    @Test(arguments: agreeing)
    func readsAsFoundationDoes(_ json: String) throws {
        let quick = try #require(FlatJSONObject.read(json))
        #expect(quick == AuditChange.decoded(json))
    }

    static let leftToFoundation = [
        #"{"f":1.5}"#, #"{"e":1e3}"#, #"{"nested":{"a":1}}"#, #"{"list":[1,2]}"#, #"{"a":1,"a":2}"#,
        #"{"lead":01}"#, #"{"huge":1234567890123456789}"#, #"{"a":"b"} x"#, #"{"a":"b""#, #"{"a" "b"}"#,
        #"{"ctl":"a"# + "\u{01}" + #""}"#, #"{"bad":"\x"}"#, #"{"lone":"\udc00"}"#, #"["a"]"#, #""a""#, "",
    ]

    @Test(arguments: leftToFoundation)
    func leavesTheRestToFoundation(_ json: String) {
        #expect(FlatJSONObject.read(json) == nil)
        // And the page still reads what Foundation reads (nested values as "…").
        #expect(AuditChange.object(json) == AuditChange.decoded(json))
    }

    @Test func nestedValuesStillReadAsEllipsis() {
        #expect(AuditChange.object(#"{"nested":{"a":1},"f":1.5,"name":"x"}"#) == ["nested": "…", "f": "1.5", "name": "x"])
    }
}
