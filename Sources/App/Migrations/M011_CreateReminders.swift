import Fluent
import SQLKit

/// Accounts' e-mail addresses, and the reminders sent of tasks before their deadlines (待办提醒):
/// one row per (account, task, kind), so each is sent once, across restarts and app instances.
struct CreateReminders: AsyncMigration {
    var name: String { "M011_CreateReminders" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("email", .string).update()
        try await database.schema(ReminderModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("task_key", .string, .required)
            .field("kind", .string, .required)
            .field("task_kind", .string, .required)
            .field("campaign_id", .uuid, .required)
            .field("unit_id", .uuid, .required)
            .field("unit_name", .string, .required)
            .field("deadline", .string, .required)
            .field("sent_on", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .field("emailed_at", .datetime)
            .field("email_attempts", .int, .required)
            .field("email_claimed_at", .datetime)
            .field("email_error", .string)
            .unique(on: "user_id", "task_key", "kind")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "reminders_deadline").on(ReminderModel.schema).column("deadline").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReminderModel.schema).delete()
        try await database.schema(UserModel.schema).deleteField("email").update()
    }
}
