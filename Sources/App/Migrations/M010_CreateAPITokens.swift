import Fluent
import SQLKit

/// Personal API tokens (个人 API 令牌): only the SHA-256 of each secret is kept.
struct CreateAPITokens: AsyncMigration {
    var name: String { "M010_CreateAPITokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "api_tokens_user").on(APITokenModel.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).delete()
    }
}
