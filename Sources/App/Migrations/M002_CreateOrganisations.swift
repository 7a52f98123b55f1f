import Fluent
import SQLKit

struct CreateOrganisations: AsyncMigration {
    var name: String { "M002_CreateOrganisations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("parent_id", .uuid, .references(OrganisationModel.schema, "id"))
            .field("path", .string, .required)
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("kind", .string)
            .field("credit_code", .string)
            .field("members", .int, .required)
            .field("employees", .int, .required)
            .field("chair", .string, .required)
            .field("phone", .string, .required)
            .field("address", .string, .required)
            .field("company_form", .bool, .required)
            .field("retired_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "path")
            .unique(on: "credit_code")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "organisations_parent").on(OrganisationModel.schema).column("parent_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema).delete()
    }
}
