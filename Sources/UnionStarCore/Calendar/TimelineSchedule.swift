/// A scheme's timeline laid on one year's working-day calendar: the dates each step falls on, and
/// whatever makes the order impossible.
///
/// Steps must happen in the order listed, each after the one before it has ended:
/// - a window (`from`–`by`) must start after the step before it ends;
/// - a deadline (`by` only) must fall after the step before it ends (a union that uses the whole
///   of the earlier step still has a day for this one);
/// - a notice (`workingDays`) starts the day after the step before it ends and lasts that many
///   working days (`WorkingDayCalendar.lastDay(ofPeriodStarting:workingDays:)`); the next step
///   must then fall after its last day.
/// A step with no dates (年初, no fixed day) constrains nothing and leaves the previous end in force.
public struct TimelineSchedule: Sendable, Hashable {
    /// Where one step falls in the year; nil where the step has no such date.
    public struct Entry: Sendable, Hashable {
        public var stepID: String
        public var start: CalendarDate?
        public var end: CalendarDate?
    }

    public var year: Int
    public var entries: [Entry]
    public var problems: [TimelineProblem]

    /// Whether every step can follow the one before it in this year.
    public var isPossible: Bool { problems.isEmpty }

    public func entry(_ stepID: String) -> Entry? { entries.first { $0.stepID == stepID } }

    public init(_ timeline: Timeline, year: Int, calendar: WorkingDayCalendar) {
        self.year = year
        var entries: [Entry] = []
        var problems: [TimelineProblem] = []
        /// The step before, by id, and the day it ends.
        var previous: (id: String, end: CalendarDate)?

        for step in timeline.steps {
            let from = step.fromDay?.date(in: year)
            let by = step.byDay?.date(in: year)
            var entry = Entry(stepID: step.id, start: from, end: by)

            if let days = step.workingDays, days > 0 {
                if let previous {
                    let start = previous.end.adding(days: 1)
                    entry.start = start
                    entry.end = calendar.lastDay(ofPeriodStarting: start, workingDays: days)
                } else {
                    problems.append(TimelineProblem(stepID: step.id, kind: .noticeWithoutStart))
                }
            } else {
                if let from, let by, by < from {
                    problems.append(TimelineProblem(stepID: step.id, kind: .reversed(from: from, by: by)))
                }
                // The date that must fall after the previous step's end: the start of a window, or
                // the deadline itself.
                if let previous, let date = from ?? by, date <= previous.end {
                    problems.append(TimelineProblem(stepID: step.id, kind: .tooEarly(
                        previous: previous.id, previousEnd: previous.end, date: date)))
                }
            }
            if let end = entry.end { previous = (step.id, end) }
            entries.append(entry)
        }
        self.entries = entries
        self.problems = problems
    }
}

/// Why a timeline's order cannot hold in a year.
public struct TimelineProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A window that ends before it starts.
        case reversed(from: CalendarDate, by: CalendarDate)
        /// The step must follow `previous`, which ends on `previousEnd`, yet starts or is due on `date`.
        case tooEarly(previous: String, previousEnd: CalendarDate, date: CalendarDate)
        /// A notice in working days with no dated step before it to start after.
        case noticeWithoutStart
    }

    public var stepID: String
    public var kind: Kind

    public init(stepID: String, kind: Kind) {
        self.stepID = stepID
        self.kind = kind
    }

    public var message: LocalizedText {
        switch kind {
        case .reversed(let from, let by):
            Strings.Calendar.Problems.reversed(stepID, from: from, by: by)
        case .tooEarly(let previous, let previousEnd, let date):
            Strings.Calendar.Problems.tooEarly(stepID, previous: previous, previousEnd: previousEnd, date: date)
        case .noticeWithoutStart:
            Strings.Calendar.Problems.noticeWithoutStart(stepID)
        }
    }

    public var description: String { message.en }
}
