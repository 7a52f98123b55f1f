import Fluent
import Foundation

/// One unit's application in one campaign: its state, self-assessment, congress decision,
/// notice and 申报登记表. Values the core defines are kept as JSON of the core's types.
final class ApplicationModel: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// The unit's tree path when the application was made, for scope queries without a join.
    @Field(key: "unit_path") var unitPath: String
    @Field(key: "scheme_id") var schemeID: String
    /// The pinned scheme's content hash: the answers are scored against exactly this text.
    @Field(key: "scheme_hash") var schemeHash: String
    /// `ApplicationState` raw value.
    @Field(key: "state") var state: String
    /// The tier aimed at in the pre-application (预申报).
    @OptionalField(key: "aimed_tier") var aimedTier: String?
    /// The tier applied for: decided by the congress (Rushan) or stated with the notice (Yizheng).
    @OptionalField(key: "tier") var tier: String?
    /// `{"facts": {...}}`, the answers as the scorer reads them.
    @Field(key: "answers_json") var answersJSON: String
    /// `{"7": "note"}`: the cadre's note per item number.
    @Field(key: "notes_json") var notesJSON: String
    /// The self-score (exact decimal text) and the tier it reaches, from the last save.
    @OptionalField(key: "self_total") var selfTotal: String?
    @OptionalField(key: "self_tier") var selfTier: String?
    /// Veto texts the answers hit (一票否决), `[]` when none.
    @Field(key: "vetoes_json") var vetoesJSON: String
    /// The congress decision (`CongressDecision` JSON).
    @OptionalField(key: "congress_json") var congressJSON: String?
    /// The unit's notice: first and last day (`YYYY-MM-DD`), and the public page's token.
    @OptionalField(key: "notice_start") var noticeStart: String?
    @OptionalField(key: "notice_end") var noticeEnd: String?
    @OptionalField(key: "notice_token") var noticeToken: String?
    /// The 申报登记表 (`RegistrationForm` JSON) as last saved.
    @OptionalField(key: "form_json") var formJSON: String?
    /// Filing round: 1 for the first filing, +1 for each filing after a return.
    @Field(key: "round") var round: Int
    @OptionalField(key: "returned_on") var returnedOn: String?
    @OptionalField(key: "return_reason") var returnReason: String?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// The inspectors' combined score once the inspection is closed, and the spread of their totals.
    @OptionalField(key: "inspected_total") var inspectedTotal: String?
    @OptionalField(key: "inspection_spread") var inspectionSpread: String?
    /// The decision (确定星级等次): the tier (nil with `decidedOn` set: not named), the reason when it
    /// differs from the computed tier, who decided and on which day.
    @OptionalField(key: "decided_tier") var decidedTier: String?
    @OptionalField(key: "decision_reason") var decisionReason: String?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    /// The results notice (评选结果公示): its days and the token of its public page, which after
    /// naming is the unit's public record (the certificate's QR code opens it).
    @OptionalField(key: "results_start") var resultsStart: String?
    @OptionalField(key: "results_end") var resultsEnd: String?
    @OptionalField(key: "results_token") var resultsToken: String?
    /// Naming (命名): the day, who, the federation in whose name, and the certificate's number.
    @OptionalField(key: "named_on") var namedOn: String?
    @OptionalField(key: "named_by") var namedBy: String?
    @OptionalField(key: "named_issuer") var namedIssuer: String?
    @OptionalField(key: "certificate_no") var certificateNumber: String?
    /// In a re-review or self-check round: the named application this one is measured against.
    @OptionalField(key: "earlier_application_id") var earlierApplicationID: UUID?
    /// A re-review's outcome (`ReReviewOutcome` JSON), once recorded.
    @OptionalField(key: "outcome_json") var outcomeJSON: String?
    /// In a chair campaign: the person assessed (`ChairPerson` JSON).
    @OptionalField(key: "chair_json") var chairJSON: String?

    init() {}

    var properties: [any AnyProperty] {
        [_id, _campaignID, _unitID, _unitPath, _schemeID, _schemeHash, _state, _aimedTier, _tier, _answersJSON, _notesJSON,
         _selfTotal, _selfTier, _vetoesJSON, _congressJSON, _noticeStart, _noticeEnd, _noticeToken, _formJSON, _round,
         _returnedOn, _returnReason, _version, _createdAt, _updatedAt, _inspectedTotal, _inspectionSpread,
         _decidedTier, _decisionReason, _decidedBy, _decidedOn, _resultsStart, _resultsEnd, _resultsToken, _namedOn, _namedBy,
         _namedIssuer, _certificateNumber, _earlierApplicationID, _outcomeJSON, _chairJSON]
    }
}

/// A filing as it was: every round stays readable after a return.
final class ApplicationRoundModel: Model, @unchecked Sendable {
    static let schema = "application_rounds"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "round") var round: Int
    @Field(key: "filed_at") var filedAt: Date
    @Field(key: "filed_by") var filedBy: String
    @Field(key: "tier") var tier: String
    @Field(key: "self_total") var selfTotal: String
    @Field(key: "form_json") var formJSON: String
    @Field(key: "answers_json") var answersJSON: String
    @Field(key: "notes_json") var notesJSON: String
    @OptionalField(key: "returned_at") var returnedAt: Date?
    @OptionalField(key: "returned_by") var returnedBy: String?
    @OptionalField(key: "return_reason") var returnReason: String?

    init() {}
}

/// A file attached to an application: to an item of the self-assessment (台账), or the congress
/// minutes (`item` 0). The bytes live in the evidence storage under `sha256`.
final class EvidenceFileModel: Model, @unchecked Sendable {
    static let schema = "evidence_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "item") var item: Int
    @Field(key: "sha256") var sha256: String
    /// `EvidenceType` raw value, judged by content.
    @Field(key: "type") var type: String
    @Field(key: "size") var size: Int
    /// The name the file had, shown only (never a path).
    @Field(key: "name") var name: String
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// An objection lodged against a unit's notice, and the union's answer; or against the results
/// notice, and the staff's answer.
final class ObjectionModel: Model, @unchecked Sendable {
    static let schema = "objections"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "lodged_at") var lodgedAt: Date
    @Field(key: "text") var text: String
    /// Nil: anonymous.
    @OptionalField(key: "name") var name: String?
    /// SHA-256 of the sender's address and the day, to limit how many one sender lodges.
    @Field(key: "sender_hash") var senderHash: String
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "answered_by") var answeredBy: String?
    /// Nil: the unit's own notice; `results`: the results notice.
    @OptionalField(key: "notice") var notice: String?

    static let results = "results"

    init() {}
}

/// Staff keep a closed step open for one unit, with a reason (逾期补报).
final class DeadlineExtensionModel: Model, @unchecked Sendable {
    static let schema = "deadline_extensions"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "step") var step: String
    @Field(key: "until") var until: String
    @Field(key: "reason") var reason: String
    @Field(key: "granted_by") var grantedBy: String
    @Field(key: "granted_at") var grantedAt: Date

    init() {}
}
