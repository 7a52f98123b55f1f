import Fluent
import SQLKit

struct CreateAuditEvents: AsyncMigration {
    var name: String { "M004_CreateAuditEvents" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(table: "audit_events")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            // Milliseconds since 1970 (UTC), exactly as hashed, the same on every database.
            .column("at_ms", type: .bigint, .notNull)
            .column("actor_id", type: .text)
            .column("actor_name", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity_type", type: .text, .notNull)
            .column("entity_id", type: .text, .notNull)
            .column("scope", type: .text, .notNull)
            .column("before_json", type: .text, .notNull)
            .column("after_json", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await sql.create(index: "audit_events_scope").on("audit_events").column("scope").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "audit_events").run()
    }
}
