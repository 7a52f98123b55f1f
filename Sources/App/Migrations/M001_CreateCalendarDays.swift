import Fluent

struct CreateCalendarDays: AsyncMigration {
    var name: String { "M001_CreateCalendarDays" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CalendarDayModel.schema)
            .id()
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CalendarDayModel.schema).delete()
    }
}
