import Fluent
import SQLKit

/// Who inspects which application, the conflicts inspectors declared, and the application's
/// inspected score and the decision on its tier.
struct CreateInspections: AsyncMigration {
    var name: String { "M008_CreateInspections" }

    func prepare(on database: any Database) async throws {
        try await database.schema(InspectionAssignmentModel.schema)
            .id()
            .field("application_id", .uuid, .required, .references(ApplicationModel.schema, "id"))
            .field("inspector_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("assigned_by", .string, .required)
            .field("assigned_at", .datetime, .required)
            .field("scored_at", .datetime)
            .field("record_json", .string)
            .field("version", .int, .required)
            .unique(on: "application_id", "inspector_id")
            .create()
        try await database.schema(ConflictDeclarationModel.schema)
            .id()
            .field("inspector_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("unit_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("reason", .string, .required)
            .field("declared_at", .datetime, .required)
            .unique(on: "inspector_id", "unit_id")
            .create()
        // One column a statement: SQLite adds one at a time.
        try await database.schema(ApplicationModel.schema).field("inspected_total", .string).update()
        try await database.schema(ApplicationModel.schema).field("inspection_spread", .string).update()
        for column in ["decided_tier", "decision_reason", "decided_by", "decided_on"] {
            try await database.schema(ApplicationModel.schema).field(FieldKey(stringLiteral: column), .string).update()
        }
        let sql = database as! any SQLDatabase
        try await sql.create(index: "inspection_assignments_inspector").on(InspectionAssignmentModel.schema).column("inspector_id").run()
    }

    func revert(on database: any Database) async throws {
        for column in ["decided_on", "decided_by", "decision_reason", "decided_tier", "inspection_spread"] {
            try await database.schema(ApplicationModel.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
        try await database.schema(ApplicationModel.schema).deleteField("inspected_total").update()
        try await database.schema(ConflictDeclarationModel.schema).delete()
        try await database.schema(InspectionAssignmentModel.schema).delete()
    }
}
