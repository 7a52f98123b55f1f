import Fluent

/// The person a chair campaign's application assesses (`ChairPerson` JSON): name, post, the day
/// union work began, the day they took office, the day of the post training certificate.
struct UpdateApplicationsAddChair: AsyncMigration {
    var name: String { "M016_UpdateApplicationsAddChair" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ApplicationModel.schema).field("chair_json", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApplicationModel.schema).deleteField("chair_json").update()
    }
}
