import Foundation
import UnionStarCore
import Vapor

/// `unionstar remind [--date YYYY-MM-DD]`: makes today's reminders for everyone (today by the
/// app's clock in China, or the date given), shows them in the app and mails them when an SMTP
/// server is configured. Safe to run again: a reminder already made is not made or sent again.
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "date", help: "The day to remind for (YYYY-MM-DD); today in China by default.") var date: String?
    }

    var help: String { "Makes the day's reminders of tasks near their deadlines, in the app and by e-mail (SMTP_HOST)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let now = app.clock.now()
        let today = try signature.date.map { try CalendarCommand.date($0) } ?? CalendarDate.china(now)
        try await prepareDatabase(app)
        let summary = try await ReminderJob(app).run(today: today, now: now)
        print("\(today): \(summary.tasks) open tasks, \(summary.created) reminders made, \(summary.mailed) mails sent, \(summary.failed) mails failed"
              + (app.mailer == nil ? " (no SMTP_HOST: reminders shown in the app only)" : ""))
    }
}
