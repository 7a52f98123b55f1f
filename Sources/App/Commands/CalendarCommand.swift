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

    static func calendar(_ app: Application) async throws -> WorkingDayCalendar {
        try await app.autoMigrate()
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
            if calendar.makeUpWorkdays.contains(date) { reason = "make-up working day 调休上班" }
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

    /// `calendar holiday DATE NAME` / `calendar workday DATE`: a staff change, kept in the database.
    struct SetDay: AsyncCommand {
        let kind: CalendarDayKind

        struct Signature: CommandSignature {
            @Argument(name: "date") var date: String
            @Option(name: "name", help: "The holiday's name.") var name: String?
        }

        var help: String {
            kind == .holiday ? "Records DATE as a holiday (--name 名称)." : "Records DATE as a make-up working day (调休上班)."
        }

        func run(using context: CommandContext, signature: Signature) async throws {
            let date = try CalendarCommand.date(signature.date)
            if kind == .workday, !date.isWeekend {
                throw CommandFailure(message: "\(date) is not a Saturday or Sunday, so it cannot be a make-up working day")
            }
            try await context.application.autoMigrate()
            try await context.application.calendarStore.set(date, kind: kind, name: signature.name ?? (kind == .holiday ? "假日" : "调休上班"))
            print("\(date) \(kind.rawValue)")
        }
    }
}
