import Fluent
import SQLKit

/// The spot-check draws (抽查), the inspector's draft on their assignment, and when a declared
/// conflict ended an assignment.
struct CreateSpotCheckDraws: AsyncMigration {
    var name: String { "M012_CreateSpotCheckDraws" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SpotCheckDrawModel.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(CampaignModel.schema, "id"))
            .field("number", .int, .required)
            .field("tier", .string, .required)
            .field("seed", .string, .required)
            .field("seed_given", .bool, .required)
            .field("size", .int, .required)
            .field("population_json", .string, .required)
            .field("sample_json", .string, .required)
            .field("federation", .string, .required)
            .field("drawn_by", .string, .required)
            .field("drawn_at", .datetime, .required)
            .unique(on: "campaign_id", "number")
            .create()
        // One column a statement: SQLite adds one at a time.
        try await database.schema(InspectionAssignmentModel.schema).field("draft_json", .string).update()
        try await database.schema(InspectionAssignmentModel.schema).field("draft_saved_at", .datetime).update()
        try await database.schema(ConflictDeclarationModel.schema).field("left_assignment_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConflictDeclarationModel.schema).deleteField("left_assignment_at").update()
        try await database.schema(InspectionAssignmentModel.schema).deleteField("draft_saved_at").update()
        try await database.schema(InspectionAssignmentModel.schema).deleteField("draft_json").update()
        try await database.schema(SpotCheckDrawModel.schema).delete()
    }
}
