import Foundation
import Testing
@testable import UnionStarCore

/// The inspector's draft: kept as typed (incomplete, half typed), only bounded.
@Suite struct InspectionDraftTests {
    static let items = builtInSchemes["rushan-2020-enterprise"]!.items

    static func draft(_ change: (inout InspectionDraft) -> Void = { _ in }) -> InspectionDraft {
        var draft = InspectionDraft(visitedOn: "2020-09-1", methods: ["records", "briefing", "records"], peopleMet: "",
                                    findings: "台账", items: ["1": "3.", "2": "", "20": "1"])
        change(&draft)
        return draft
    }

    @Test func anIncompleteDraftIsKeptAsTyped() {
        let draft = Self.draft()
        #expect(InspectionDraft.problems(draft, items: Self.items).isEmpty)
        #expect(draft.methods == ["briefing", "records"], "in the form's order, each once")
        #expect(draft.items == ["1": "3.", "20": "1"], "an empty score is no score")
        #expect(draft.input.items == [1: "3.", 20: "1"])
    }

    @Test(arguments: [
        ("visitedOn", "考核日期格式应为 YYYY-MM-DD。"),
        ("methods", "请至少选择一种考核方式。"),
        ("findings", "不超过2000字（现为2001字）。"),
        ("item-21", "评定方案中没有此项。"),
        ("item-1", "评分应在0到5分之间，最多两位小数。"),
    ])
    func onlyBoundsAreChecked(field: String, message: String) {
        let draft = Self.draft { draft in
            switch field {
            case "visitedOn": draft.visitedOn = String(repeating: "9", count: 21)
            case "methods": draft.methods = ["dinner"]
            case "findings": draft.findings = String(repeating: "查", count: 2_001)
            case "item-21": draft.items["21"] = "1"
            default: draft.items["1"] = String(repeating: "4", count: 21)
            }
        }
        let errors = InspectionDraft.problems(draft, items: Self.items)
        #expect(errors[field]?.zh == message && errors.errors.count == 1)
    }

    @Test func aRecordShowsAsTheDraftItsFormWouldSend() throws {
        let record = try InspectionRecord.parse(InspectionRecordTests.input(), items: Self.items, today: CalendarDate(parsing: "2020-09-15")!,
                                                opens: nil).get()
        let draft = InspectionDraft(record)
        #expect(draft.visitedOn == "2020-09-10" && draft.methods == ["briefing", "records"] && draft.items["1"] == "3.5" && draft.items.count == 20)
        #expect(try InspectionRecord.parse(draft.input, items: Self.items, today: CalendarDate(parsing: "2020-09-15")!, opens: nil).get() == record)
    }
}
