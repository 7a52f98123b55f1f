import Fluent
import Foundation

/// A federation's campaign for a year (its plan: schemes, dates, target, tiers, as JSON of the
/// core's `CampaignPlan`).
final class CampaignModel: Model, @unchecked Sendable {
    static let schema = "campaigns"

    @ID(key: .id) var id: UUID?
    @Field(key: "owner_id") var ownerID: UUID
    /// The owner's tree path, for scope checks without a join.
    @Field(key: "owner_path") var ownerPath: String
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @Field(key: "plan_json") var planJSON: String
    /// `CampaignKind` and `Scheme.Subject` raw values: one campaign of each a year per owner.
    @Field(key: "kind") var kind: String
    @Field(key: "subject") var subject: String
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var properties: [any AnyProperty] { [_id, _ownerID, _ownerPath, _year, _title, _planJSON, _kind, _subject, _version, _createdAt, _updatedAt] }
}
