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
        // Append-only in the database too: updates and deletes are refused, whoever asks.
        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(table: "audit_events").run()
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run() }
    }
}
