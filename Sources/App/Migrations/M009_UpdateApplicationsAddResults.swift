import Fluent
import SQLKit

/// The results notice and naming on an application, and which notice an objection is against.
struct UpdateApplicationsAddResults: AsyncMigration {
    var name: String { "M009_UpdateApplicationsAddResults" }

    static let columns = ["results_start", "results_end", "results_token", "named_on", "named_by", "named_issuer", "certificate_no"]

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one at a time.
        for column in Self.columns {
            try await database.schema(ApplicationModel.schema).field(FieldKey(stringLiteral: column), .string).update()
        }
        try await database.schema(ObjectionModel.schema).field("notice", .string).update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "applications_results_token").on(ApplicationModel.schema).column("results_token").unique().run()
        try await sql.create(index: "applications_certificate").on(ApplicationModel.schema).column("campaign_id").column("certificate_no")
            .unique().run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "applications_certificate").run()
        try await sql.drop(index: "applications_results_token").run()
        try await database.schema(ObjectionModel.schema).deleteField("notice").update()
        for column in Self.columns.reversed() {
            try await database.schema(ApplicationModel.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
