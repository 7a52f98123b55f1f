import Fluent
import SQLKit

struct CreateAccounts: AsyncMigration {
    var name: String { "M003_CreateAccounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("must_change_password", .bool, .required)
            .field("organisation_id", .uuid, .references(OrganisationModel.schema, "id"))
            .field("disabled_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(RoleAssignmentModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .references(OrganisationModel.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema(SessionModel.schema)
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("address", .string, .required)
            .field("user_agent", .string, .required)
            .create()
        try await database.schema(SignInThrottleModel.schema)
            .field("id", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("window_start", .datetime, .required)
            .field("locked_until", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "role_assignments_user").on(RoleAssignmentModel.schema).column("user_id").run()
        try await sql.create(index: "sessions_user").on(SessionModel.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInThrottleModel.schema).delete()
        try await database.schema(SessionModel.schema).delete()
        try await database.schema(RoleAssignmentModel.schema).delete()
        try await database.schema(UserModel.schema).delete()
    }
}
