import Foundation
import UnionStarCore
import Vapor

/// How reminders are made and sent, from the environment: `UNIONSTAR_REMIND_DAYS` (working days
/// ahead, default 3), `UNIONSTAR_REMIND_HOUR` (the hour of the day in China from which the server
/// runs the day's reminders, default 8), `UNIONSTAR_REMINDERS` (`0`: the server does not run them;
/// `unionstar remind` still does), `UNIONSTAR_URL` (the site's address, for links in mails), and
/// the SMTP server (`MailSettings`).
struct ReminderSettings: Sendable {
    var rule: ReminderRule
    var hour: Int
    var scheduled: Bool
    var baseURL: String?
    var mail: MailSettings?

    static let defaultHour = 8

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ReminderSettings {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let days = try value("UNIONSTAR_REMIND_DAYS").map { text -> Int in
            guard let days = Int(text), ReminderRule.allowedWorkingDaysAhead.contains(days) else {
                throw CommandFailure(message: "UNIONSTAR_REMIND_DAYS must be 0 to \(ReminderRule.allowedWorkingDaysAhead.upperBound) working days")
            }
            return days
        } ?? ReminderRule.defaultWorkingDaysAhead
        let hour = try value("UNIONSTAR_REMIND_HOUR").map { text -> Int in
            guard let hour = Int(text), (0...23).contains(hour) else { throw CommandFailure(message: "UNIONSTAR_REMIND_HOUR must be 0 to 23") }
            return hour
        } ?? defaultHour
        var baseURL = value("UNIONSTAR_URL")
        if let url = baseURL {
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), URL(string: url) != nil,
                  !url.unicodeScalars.contains(where: { $0.value < 0x21 }) else {
                throw CommandFailure(message: "UNIONSTAR_URL must be the site's address, such as https://star.example.cn")
            }
            while baseURL!.hasSuffix("/") { baseURL!.removeLast() }
        }
        return ReminderSettings(rule: ReminderRule(workingDaysAhead: days), hour: hour, scheduled: value("UNIONSTAR_REMINDERS") != "0",
                                baseURL: baseURL, mail: try MailSettings.fromEnvironment(environment))
    }
}

extension Application {
    private struct ReminderSettingsKey: StorageKey { typealias Value = ReminderSettings }
    private struct MailerKey: StorageKey { typealias Value = any Mailer }

    /// Read in `configure`; tests set their own.
    var reminderSettings: ReminderSettings {
        get { storage[ReminderSettingsKey.self] ?? ReminderSettings(rule: ReminderRule(), hour: ReminderSettings.defaultHour, scheduled: false) }
        set { storage[ReminderSettingsKey.self] = newValue }
    }

    /// What sends reminder mails; nil (no SMTP server configured): none are sent.
    var mailer: (any Mailer)? {
        get { storage[MailerKey.self] }
        set { storage[MailerKey.self] = newValue }
    }
}
