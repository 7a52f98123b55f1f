import Foundation

/// The unit's notice to its workers (向职工公示), as the union starts it and as the public page
/// shows it. Its length and deadline are `ApplicationWorkflow.checkNotice`'s.
public enum UnitNotice {
    /// Where a notice stands on a day.
    public enum Status: String, Sendable, Hashable {
        case notYetStarted
        case running
        case ended
    }

    public static func status(_ notice: NoticePeriod, on day: CalendarDate) -> Status {
        day < notice.start ? .notYetStarted : (notice.isOver(on: day) ? .ended : .running)
    }

    /// The start the form suggests: tomorrow, so the workers see the whole first day.
    public static func defaultStart(today: CalendarDate) -> CalendarDate { today.adding(days: 1) }

    /// The start as typed: a date, today at the earliest (a notice cannot be backdated: nobody
    /// could have read it). Whether it ends in time is the workflow's `checkNotice`.
    public static func start(_ text: String, today: CalendarDate) -> Result<CalendarDate, FieldErrors> {
        var errors = FieldErrors()
        guard let day = CalendarDate(parsing: text.trimmingCharacters(in: .whitespaces)) else {
            errors.add("start", Strings.Notice.dateInvalid)
            return .failure(errors)
        }
        if day < today {
            errors.add("start", Strings.Notice.startInPast)
            return .failure(errors)
        }
        return .success(day)
    }
}

/// An objection as a member types it on the public notice page.
public struct ObjectionInput: Sendable, Hashable {
    public var text: String
    /// Empty: anonymous.
    public var name: String
    /// A field people never see (hidden by the page's style and skipped by the keyboard); a
    /// program that fills every field fills it.
    public var honeypot: String

    public init(text: String, name: String, honeypot: String) {
        self.text = text
        self.name = name
        self.honeypot = honeypot
    }

    /// The longest objection, in characters (as a reader counts them).
    public static let textLimit = 1000
    public static let nameLimit = 50
    /// Objections one sender may lodge against one notice in one day.
    public static let perSenderPerDay = 3

    /// Filled by a program, not a person.
    public var isAutomated: Bool { !honeypot.isEmpty }

    /// The text and the name (nil: anonymous), trimmed, or the problems by field (`text`, `name`).
    public func validated() -> Result<(text: String, name: String?), FieldErrors> {
        var errors = FieldErrors()
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            errors.add("text", Strings.Notice.objectionRequired)
        } else if text.count > Self.textLimit {
            errors.add("text", Strings.Notice.objectionTooLong(Self.textLimit))
        }
        if name.count > Self.nameLimit { errors.add("name", Strings.Notice.nameTooLong(Self.nameLimit)) }
        return errors.isEmpty ? .success((text, name.isEmpty ? nil : name)) : .failure(errors)
    }
}

/// The union's answer to an objection.
public enum ObjectionAnswer {
    public static let limit = 1000

    /// The answer trimmed, or the problem under `answer`.
    public static func validated(_ text: String) -> Result<String, FieldErrors> {
        var errors = FieldErrors()
        let answer = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if answer.isEmpty {
            errors.add("answer", Strings.Notice.answerRequired)
        } else if answer.count > limit {
            errors.add("answer", Strings.Notice.answerTooLong(limit))
        }
        return errors.isEmpty ? .success(answer) : .failure(errors)
    }
}
