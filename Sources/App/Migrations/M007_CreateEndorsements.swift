import Fluent
import SQLKit

/// The stamps of the sub-federations on each filing round (逐级审核盖章).
struct CreateEndorsements: AsyncMigration {
    var name: String { "M007_CreateEndorsements" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EndorsementModel.schema)
            .id()
            .field("application_id", .uuid, .required, .references(ApplicationModel.schema, "id"))
            .field("round", .int, .required)
            .field("endorser_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("endorser_path", .string, .required)
            .field("opinion", .string, .required)
            .field("dated", .string, .required)
            .field("endorsed_by", .string, .required)
            .field("endorsed_at", .datetime, .required)
            .unique(on: "application_id", "round", "endorser_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EndorsementModel.schema).delete()
    }
}
