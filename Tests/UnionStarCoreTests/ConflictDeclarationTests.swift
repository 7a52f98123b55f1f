import Foundation
import Testing
@testable import UnionStarCore

/// 利益冲突声明: what a declaration needs, and what it does to an assignment.
@Suite struct ConflictDeclarationTests {
    @Test(arguments: [
        ("配偶在该单位任职", OrganisationLevel.grassroots, Optional("配偶在该单位任职"), [String: String]()),
        ("  曾任该单位工会主席 \n", .grassroots, "曾任该单位工会主席", [:]),
        (String(repeating: "亲", count: 200), .grassroots, String(repeating: "亲", count: 200), [:]),
        (String(repeating: "亲", count: 201), .grassroots, nil, ["reason": "回避理由不超过200字（现为201字）。"]),
        (" ", .grassroots, nil, ["reason": "请写明回避理由。"]),
        ("配偶在该镇工会任职", .subFederation, nil, ["unit": "请选择一个基层工会。"]),
        ("", .county, nil, ["unit": "请选择一个基层工会。", "reason": "请写明回避理由。"]),
    ] as [(String, OrganisationLevel, String?, [String: String])])
    func aReasonAndAUnion(reason: String, level: OrganisationLevel, kept: String?, problems: [String: String]) {
        switch ConflictDeclaration.check(reason: reason, level: level) {
        case .success(let text):
            #expect(text == kept && problems.isEmpty)
        case .failure(let errors):
            #expect(kept == nil)
            #expect(errors.errors.mapValues(\.zh) == problems)
        }
    }

    @Test(arguments: [(false, ConflictDeclaration.Effect.withdrawn), (true, .kept)])
    func anUnscoredAssignmentEnds(scored: Bool, effect: ConflictDeclaration.Effect) {
        #expect(ConflictDeclaration.effect(scored: scored) == effect)
    }
}
