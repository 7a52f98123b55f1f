import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The working-day calendar in force: the built-in holiday files with staff changes laid over them.
struct CalendarStore {
    let builtIn: WorkingDayCalendar
    let database: any Database

    func calendar() async throws -> WorkingDayCalendar {
        var staff = WorkingDayCalendar()
        for row in try await CalendarDayModel.query(on: database).all() {
            guard let date = CalendarDate(parsing: row.date) else { continue }
            if row.kind == CalendarDayKind.workday.rawValue {
                staff.addMakeUpWorkday(date)
            } else {
                staff.addHoliday(row.name, from: date, through: date)
            }
        }
        return builtIn.merging(staff)
    }

    /// Records a staff change, replacing any earlier one for the same date.
    func set(_ date: CalendarDate, kind: CalendarDayKind, name: String) async throws {
        try await database.transaction { db in
            try await CalendarDayModel.query(on: db).filter(\.$date == date.description).delete()
            try await CalendarDayModel(date: date.description, kind: kind.rawValue, name: name).create(on: db)
        }
    }
}

enum CalendarDayKind: String, CaseIterable {
    case holiday
    case workday
}

extension Application {
    private struct BuiltInCalendarKey: StorageKey { typealias Value = WorkingDayCalendar }

    var builtInCalendar: WorkingDayCalendar {
        get { storage[BuiltInCalendarKey.self] ?? .weekendsOnly }
        set { storage[BuiltInCalendarKey.self] = newValue }
    }

    var calendarStore: CalendarStore { CalendarStore(builtIn: builtInCalendar, database: db) }
}
