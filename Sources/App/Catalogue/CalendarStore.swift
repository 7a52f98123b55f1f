import Fluent
import Foundation
import UnionStarCore
import Vapor

/// What the audit trail keeps of a date: how the calendar in force reads it, and the staff
/// change recorded for it, if any.
struct CalendarDaySnapshot: AuditSnapshot, Codable, Sendable, Equatable {
    struct StaffChange: Codable, Sendable, Equatable {
        var kind: String
        var name: String
    }

    var date: String
    var working: Bool
    var holiday: String?
    var staffChange: StaffChange?
}

/// The working-day calendar in force: the built-in holiday files with staff changes laid over them.
struct CalendarStore {
    let builtIn: WorkingDayCalendar
    let database: any Database
    let writes: WriteGate

    func calendar() async throws -> WorkingDayCalendar {
        try await Self.calendar(builtIn: builtIn, on: database)
    }

    static func calendar(builtIn: WorkingDayCalendar, on db: any Database) async throws -> WorkingDayCalendar {
        var staff = WorkingDayCalendar()
        for row in try await CalendarDayModel.query(on: db).all() {
            guard let date = CalendarDate(parsing: row.date) else { continue }
            if row.kind == CalendarDayKind.workday.rawValue {
                staff.addMakeUpWorkday(date)
            } else {
                staff.addHoliday(row.name, from: date, through: date)
            }
        }
        return builtIn.merging(staff)
    }

    static func snapshot(_ date: CalendarDate, builtIn: WorkingDayCalendar, on db: any Database) async throws -> CalendarDaySnapshot {
        let calendar = try await calendar(builtIn: builtIn, on: db)
        let row = try await CalendarDayModel.query(on: db).filter(\.$date == date.description).first()
        return CalendarDaySnapshot(date: date.description, working: calendar.isWorkingDay(date), holiday: calendar.holidayName(date),
                                   staffChange: row.map { .init(kind: $0.kind, name: $0.name) })
    }

    /// Records a staff change, replacing any earlier one for the same date, with its audit entry
    /// (`calendar.holiday` / `calendar.workday`, before and after), in one write transaction.
    /// Returns false, writing nothing, when the date already carries exactly this change.
    @discardableResult
    func set(_ date: CalendarDate, kind: CalendarDayKind, name: String, actor: AuditDraft.Actor) async throws -> Bool {
        let builtIn = builtIn
        return try await writes.perform { db in
            let existing = try await CalendarDayModel.query(on: db).filter(\.$date == date.description).first()
            if let existing, existing.kind == kind.rawValue, existing.name == name { return false }
            let before = try await Self.snapshot(date, builtIn: builtIn, on: db)
            if let existing {
                existing.kind = kind.rawValue
                existing.name = name
                try await existing.save(on: db)
            } else {
                try await CalendarDayModel(date: date.description, kind: kind.rawValue, name: name).create(on: db)
            }
            let after = try await Self.snapshot(date, builtIn: builtIn, on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "calendar.\(kind.rawValue)", entityType: "calendar_day",
                                                  entityID: date.description, scope: "/", before: before, after: after)], on: db)
            return true
        }
    }
}

enum CalendarDayKind: String, CaseIterable, Sendable {
    case holiday
    case workday
}

extension Application {
    private struct BuiltInCalendarKey: StorageKey { typealias Value = WorkingDayCalendar }

    var builtInCalendar: WorkingDayCalendar {
        get { storage[BuiltInCalendarKey.self] ?? .weekendsOnly }
        set { storage[BuiltInCalendarKey.self] = newValue }
    }

    var calendarStore: CalendarStore { CalendarStore(builtIn: builtInCalendar, database: db, writes: writes) }
}
