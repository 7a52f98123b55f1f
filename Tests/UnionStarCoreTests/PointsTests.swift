import Foundation
import Testing
@testable import UnionStarCore

@Suite struct PointsTests {
    @Test(arguments: [
        ("70", 700_000), ("69.5", 695_000), ("0.5", 5_000), ("-2", -20_000), ("89.25", 892_500),
        ("0.0001", 1), ("100.0", 1_000_000), ("89.50000", 895_000),
    ])
    func parses(text: String, raw: Int64) {
        #expect(Points(parsing: text)?.raw == raw)
    }

    @Test(arguments: ["", "-", ".", "1.2.3", "abc", "1e3", "0.00001", "1,000"])
    func refuses(text: String) {
        #expect(Points(parsing: text) == nil)
    }

    @Test func printsShortestExactForm() {
        #expect(Points("70").description == "70")
        #expect(Points("69.50").description == "69.5")
        #expect(Points("0.05").description == "0.05")
        #expect(Points("-1.5").description == "-1.5")
        #expect(Points("-2").signedDescription == "−2")
        #expect(Points("6").signedDescription == "+6")
    }

    @Test func addsExactlyWhereBinaryFloatingPointDoesNot() {
        // 0.1 added 700 times is 70 exactly, and reaches 三星.
        var sum = Points.zero
        for _ in 0..<700 { sum += Points("0.1") }
        #expect(sum == Points(70))
        var double = 0.0
        for _ in 0..<700 { double += 0.1 }
        #expect(double != 70)
    }

    @Test func multipliesExactly() {
        #expect(Points("1.5").multiplied(by: Points("0.5")) == Points("0.75"))
        #expect(Points("10000").multiplied(by: Points("0.5")) == Points("5000"))
    }

    @Test func convertsDecimalsExactlyOrRefuses() {
        #expect(Points(Decimal(string: "89.3")!) == Points("89.3"))
        #expect(Points(Decimal(string: "89.12345")!) == nil)
    }
}
