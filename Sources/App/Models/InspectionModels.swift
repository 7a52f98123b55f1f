import Fluent
import Foundation

/// An inspector named by staff to inspect one unit's application (督导检查 / 考核验收).
final class InspectionAssignmentModel: Model, @unchecked Sendable {
    static let schema = "inspection_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "inspector_id") var inspectorID: UUID
    @Field(key: "assigned_by") var assignedBy: String
    @Field(key: "assigned_at") var assignedAt: Date
    /// When the inspector submitted their scores; nil until then.
    @OptionalField(key: "scored_at") var scoredAt: Date?
    /// The visit and the scores (`InspectionRecord` as JSON), once submitted.
    @OptionalField(key: "record_json") var recordJSON: String?
    @Field(key: "version") var version: Int
    /// What the inspector typed since their last submission (`InspectionDraft` as JSON); nil when
    /// nothing is pending. Only they see it.
    @OptionalField(key: "draft_json") var draftJSON: String?
    @OptionalField(key: "draft_saved_at") var draftSavedAt: Date?

    init() {}

    /// A new assignment, not scored.
    init(applicationID: UUID, inspectorID: UUID, assignedBy: String, assignedAt: Date) {
        id = UUID()
        self.applicationID = applicationID
        self.inspectorID = inspectorID
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
        version = 0
    }
}

/// A conflict an inspector declared with a unit (回避), with its reason.
final class ConflictDeclarationModel: Model, @unchecked Sendable {
    static let schema = "conflict_declarations"

    @ID(key: .id) var id: UUID?
    @Field(key: "inspector_id") var inspectorID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "reason") var reason: String
    @Field(key: "declared_at") var declaredAt: Date
    /// When declaring ended the inspector's assignment to the unit (they had not scored it yet).
    @OptionalField(key: "left_assignment_at") var leftAssignmentAt: Date?

    init() {}
}
