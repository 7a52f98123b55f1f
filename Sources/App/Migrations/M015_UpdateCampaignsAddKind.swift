import Fluent
import SQLKit

/// A campaign's kind (申报评星, 复查, 年度自查) and subject (unions, or their chairs): a federation
/// runs more than one campaign a year (Yizheng's 双争 rates the union and its chair; a re-review
/// round runs beside the year's awards), so a campaign is unique per owner, year, kind and
/// subject. A re-review or self-check application points at the application that was named.
struct UpdateCampaignsAddKind: AsyncMigration {
    var name: String { "M015_UpdateCampaignsAddKind" }

    static let oldUnique = "uq:campaigns.owner_id+campaigns.year"
    static let newUnique = "uq:campaigns.owner_id+campaigns.year+campaigns.kind+campaigns.subject"

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await rebuildOnSQLite(database, unique: ["owner_id", "year", "kind", "subject"], name: Self.newUnique, addColumns: true)
        } else {
            try await database.schema(CampaignModel.schema).field("kind", .string, .required, .sql(.default("award"))).update()
            try await database.schema(CampaignModel.schema).field("subject", .string, .required, .sql(.default("union"))).update()
            try await sql.raw("ALTER TABLE \(ident: CampaignModel.schema) DROP CONSTRAINT \(ident: Self.oldUnique)").run()
            try await sql.raw("ALTER TABLE \(ident: CampaignModel.schema) ADD CONSTRAINT \(ident: Self.newUnique) UNIQUE (owner_id, year, kind, subject)").run()
        }
        try await database.schema(ApplicationModel.schema).field("earlier_application_id", .uuid).update()
        try await database.schema(ApplicationModel.schema).field("outcome_json", .string).update()
        try await sql.create(index: "applications_earlier").on(ApplicationModel.schema).column("earlier_application_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "applications_earlier").run()
        try await database.schema(ApplicationModel.schema).deleteField("outcome_json").update()
        try await database.schema(ApplicationModel.schema).deleteField("earlier_application_id").update()
        try await sql.raw("DELETE FROM \(ident: CampaignModel.schema) WHERE kind <> 'award' OR subject <> 'union'").run()
        if sql.dialect.name == "sqlite" {
            try await rebuildOnSQLite(database, unique: ["owner_id", "year"], name: Self.oldUnique, addColumns: false)
        } else {
            try await sql.raw("ALTER TABLE \(ident: CampaignModel.schema) DROP CONSTRAINT \(ident: Self.newUnique)").run()
            try await sql.raw("ALTER TABLE \(ident: CampaignModel.schema) ADD CONSTRAINT \(ident: Self.oldUnique) UNIQUE (owner_id, year)").run()
            try await database.schema(CampaignModel.schema).deleteField("subject").update()
            try await database.schema(CampaignModel.schema).deleteField("kind").update()
        }
    }

    /// SQLite cannot drop a table's constraint: the table is copied into a new one with the new
    /// constraint (SQLite's documented procedure, foreign keys off on one pinned connection, the
    /// copy in a transaction, the keys checked before it commits).
    private func rebuildOnSQLite(_ database: any Database, unique: [String], name: String, addColumns: Bool) async throws {
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("PRAGMA foreign_keys = OFF").run()
            // The pragma does nothing inside a transaction: make sure it took.
            let keys = try await sql.raw("PRAGMA foreign_keys").first()
            guard try keys?.decode(column: "foreign_keys", as: Int.self) == 0 else {
                throw MigrationFailure(reason: "cannot turn SQLite's foreign keys off to rebuild campaigns")
            }
            do {
                try await sql.raw("BEGIN").run()
                let kindColumns = addColumns ? "\"kind\" TEXT NOT NULL DEFAULT 'award', \"subject\" TEXT NOT NULL DEFAULT 'union', " : ""
                let uniqueColumns = unique.map { "\"\($0)\"" }.joined(separator: ", ")
                try await sql.raw("""
                    CREATE TABLE "campaigns_rebuilt" ("id" UUID PRIMARY KEY,
                    "owner_id" UUID NOT NULL REFERENCES "organisations" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                    "owner_path" TEXT NOT NULL, "year" INTEGER NOT NULL, "title" TEXT NOT NULL, "plan_json" TEXT NOT NULL,
                    "version" INTEGER NOT NULL, "created_at" REAL NOT NULL, "updated_at" REAL NOT NULL, \(unsafeRaw: kindColumns)
                    CONSTRAINT \(ident: name) UNIQUE (\(unsafeRaw: uniqueColumns)))
                    """).run()
                let columns = "\"id\", \"owner_id\", \"owner_path\", \"year\", \"title\", \"plan_json\", \"version\", \"created_at\", \"updated_at\""
                try await sql.raw("INSERT INTO \"campaigns_rebuilt\" (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM \"campaigns\"").run()
                try await sql.raw("DROP TABLE \"campaigns\"").run()
                try await sql.raw("ALTER TABLE \"campaigns_rebuilt\" RENAME TO \"campaigns\"").run()
                let broken = try await sql.raw("PRAGMA foreign_key_check").all()
                guard broken.isEmpty else { throw MigrationFailure(reason: "campaigns rebuilt with \(broken.count) broken foreign keys") }
                try await sql.raw("COMMIT").run()
            } catch {
                try? await sql.raw("ROLLBACK").run()
                try await sql.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
            try await sql.raw("PRAGMA foreign_keys = ON").run()
        }
    }
}

struct MigrationFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
