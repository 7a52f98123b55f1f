import Foundation
import UnionStarCore
import Vapor

/// `unionstar calendar …`: ask the working-day calendar, and record staff changes to it.
struct CalendarCommand: AsyncCommandGroup {
    var help: String { "Working days: check a date, count working days, add a holiday or a make-up working day." }
    var commands: [String: any AnyAsyncCommand] {
        ["check": Check(), "add": Add(), "period": Period(), "holiday": SetDay(kind: .holiday), "workday": SetDay(kind: .workday)]
    }

    static func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else { throw CommandFailure(message: "'\(text)' is not a date YYYY-MM-DD") }
        return date
    }

    /// Opens the database as the server does (busy timeout, synchronous FULL, WAL, migrated) and
    /// reads the calendar in force.
    static func calendar(_ app: Application) async throws -> WorkingDayCalendar {
        try await prepareDatabase(app)
        return try await app.calendarStore.calendar()
    }

    /// `calendar check DATE`: working day or not, and why.
    struct Check: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "date") var date: String
        }

        var help: String { "Says whether DATE is a working day." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let date = try CalendarCommand.date(signature.date)
            let calendar = try await CalendarCommand.calendar(context.application)
            let working = calendar.isWorkingDay(date)
            var reason = date.isWeekend ? "weekend" : "weekday"
            if let holiday = calendar.holidayName(date) { reason = "holiday \(holiday)" }
            if calendar.makeUpWorkdays.contains(date) { reason = "\(Strings.Calendar.makeUpWorkingDay.en) \(Strings.Calendar.makeUpWorkingDay.zh)" }
            if !calendar.covers(date.year) { reason += "; no holidays known for \(date.year)" }
            print("\(date) \(working ? "working day" : "day off") (\(reason))")
        }
    }

    /// `calendar add DATE N`: the date N working days after DATE.
    struct Add: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "date") var date: String
            @Argument(name: "days") var days: Int
        }

        var help: String { "Prints the date N working days after DATE." }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard signature.days >= 0 else { throw CommandFailure(message: "days must be 0 or more") }
            let calendar = try await CalendarCommand.calendar(context.application)
            print(calendar.adding(workingDays: signature.days, to: try CalendarCommand.date(signature.date)))
        }
    }

    /// `calendar period DATE N`: the last day of a notice of N working days starting on DATE.
    struct Period: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "date") var date: String
            @Argument(name: "days") var days: Int
        }

        var help: String { "Prints the last day of a period of N working days that begins on DATE." }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard signature.days >= 1 else { throw CommandFailure(message: "days must be 1 or more") }
            let calendar = try await CalendarCommand.calendar(context.application)
            print(calendar.lastDay(ofPeriodStarting: try CalendarCommand.date(signature.date), workingDays: signature.days))
        }
    }

    /// `calendar holiday DATE --name NAME` / `calendar workday DATE`: a staff change, kept in the
    /// database through the write gate with its audit entry, beside a running server if need be.
    struct SetDay: AsyncCommand {
        let kind: CalendarDayKind

        struct Signature: CommandSignature {
            @Argument(name: "date") var date: String
            @Option(name: "name", help: "The holiday's name.") var name: String?
        }

        var help: String {
            kind == .holiday ? "Records DATE as a holiday (--name \(Strings.Common.name.zh))." : "Records DATE as a make-up working day (\(Strings.Calendar.makeUpWorkingDay.zh))."
        }

        func run(using context: CommandContext, signature: Signature) async throws {
            let date = try CalendarCommand.date(signature.date)
            if kind == .workday, !date.isWeekend {
                throw CommandFailure(message: "\(date) is not a Saturday or Sunday, so it cannot be a make-up working day")
            }
            let name = (signature.name ?? (kind == .holiday ? Strings.Calendar.holiday.zh : Strings.Calendar.makeUpWorkingDay.zh)).trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...50).contains(name.count) else { throw CommandFailure(message: "--name must have 1 to 50 characters") }
            let app = context.application
            try await prepareDatabase(app)
            let changed = try await app.calendarStore.set(date, kind: kind, name: name, actor: .commandLine("calendar \(kind.rawValue)", at: app.clock.now()))
            print("\(date) \(kind.rawValue)" + (changed ? "" : " (unchanged)"))
        }
    }
}
