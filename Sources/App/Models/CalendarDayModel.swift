import Fluent
import Foundation

/// A staff change to the working-day calendar: a holiday, or a make-up working day (调休上班).
final class CalendarDayModel: Model, @unchecked Sendable {
    static let schema = "calendar_days"

    @ID(key: .id) var id: UUID?
    /// `YYYY-MM-DD`; one row per date.
    @Field(key: "date") var date: String
    /// `holiday` or `workday`.
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(date: String, kind: String, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }
}
