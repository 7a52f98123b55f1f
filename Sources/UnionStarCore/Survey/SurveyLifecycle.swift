/// The days a survey takes answers: from `opens` through `closes`, both included.
public struct SurveyPeriod: Sendable, Hashable, Codable {
    public var opens: CalendarDate
    public var closes: CalendarDate

    public init(opens: CalendarDate, closes: CalendarDate) {
        self.opens = opens
        self.closes = closes
    }

    /// At most this many days, the first and the last included.
    public static let longest = 90

    /// The period typed on the survey's page, or the problems by field (`opens`, `closes`): both
    /// dates `YYYY-MM-DD`; it opens today at the earliest (a survey is not backdated) and closes
    /// on or after the day it opens, within 90 days.
    public static func parse(opens: String, closes: String, today: CalendarDate) -> Result<SurveyPeriod, FieldErrors> {
        var errors = FieldErrors()
        let first = CalendarDate(parsing: opens.trimmingCharacters(in: .whitespaces))
        let last = CalendarDate(parsing: closes.trimmingCharacters(in: .whitespaces))
        if let first {
            if first < today { errors.add("opens", Strings.Survey.Period.opensBeforeToday(today)) }
        } else {
            errors.add("opens", Strings.Survey.Period.dateMalformed)
        }
        if let last {
            if let first, last < first {
                errors.add("closes", Strings.Survey.Period.closesBeforeOpening)
            } else if let first, last.dayNumber - first.dayNumber + 1 > longest {
                errors.add("closes", Strings.Survey.Period.tooLong(longest))
            }
        } else {
            errors.add("closes", Strings.Survey.Period.dateMalformed)
        }
        guard errors.isEmpty, let first, let last else { return .failure(errors) }
        return .success(SurveyPeriod(opens: first, closes: last))
    }
}

/// Where a survey stands on a day.
public enum SurveyStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Built, no period set yet: tokens may be issued and printed ahead.
    case draft
    /// The period is set and has not begun.
    case scheduled
    /// Taking answers.
    case open
    /// The period is over, or the survey was closed early: the results stand.
    case closed

    public var label: LocalizedText { Strings.Survey.status(self) }
}

/// What can be done with a survey.
public enum SurveyAction: String, Sendable, Hashable, CaseIterable {
    /// Set the period (发布).
    case open
    /// Issue one-time tokens and print their sheets.
    case issueTokens
    /// A member answers with a token.
    case answer
    /// End the period early.
    case close
    /// Fill the unit's self-assessment with the result.
    case fillFacts
}

/// Why a survey action is refused, with the sentence the person reads.
public enum SurveyRefusal: Error, Sendable, Hashable {
    case notOpened
    case alreadyOpened
    case notYetOpen(opens: CalendarDate)
    case closed(on: CalendarDate)
    case stillRunning(closes: CalendarDate)
    case alreadyFilled

    public var message: LocalizedText { Strings.Survey.refusal(self) }
}

/// A survey's life as stored: its period, the day it was closed early, and whether its result
/// has filled the self-assessment. The status and every permitted action follow from these and
/// the day.
public struct SurveyLife: Sendable, Hashable {
    public var period: SurveyPeriod?
    /// Set when the survey was closed before its last day (the day it was closed).
    public var closedEarlyOn: CalendarDate?
    public var filled: Bool

    public init(period: SurveyPeriod?, closedEarlyOn: CalendarDate? = nil, filled: Bool = false) {
        self.period = period
        self.closedEarlyOn = closedEarlyOn
        self.filled = filled
    }

    public func status(on today: CalendarDate) -> SurveyStatus {
        guard let period else { return .draft }
        if let early = closedEarlyOn, early <= today { return .closed }
        if today < period.opens { return .scheduled }
        return today > period.closes ? .closed : .open
    }

    /// The last day answers were taken once closed: the day it was closed early, or its last day.
    public var lastDay: CalendarDate? {
        guard let period else { return nil }
        return closedEarlyOn.map { min($0, period.closes) } ?? period.closes
    }

    /// Why `action` may not be taken today; nil when it may. Results are complete, and so shown in full
    /// and used, only once the survey is closed: while it runs, a count before and after one
    /// member answers would tell that member's answers.
    public func refusal(_ action: SurveyAction, on today: CalendarDate) -> SurveyRefusal? {
        let status = status(on: today)
        switch (action, status) {
        case (.open, .draft), (.issueTokens, .draft), (.issueTokens, .scheduled), (.issueTokens, .open), (.answer, .open),
             (.close, .scheduled), (.close, .open):
            return nil
        case (.fillFacts, .closed):
            return filled ? .alreadyFilled : nil
        case (.open, _):
            return .alreadyOpened
        case (_, .draft):
            return .notOpened
        case (_, .closed):
            return .closed(on: lastDay ?? today)
        case (.answer, .scheduled):
            return .notYetOpen(opens: period!.opens)
        case (.fillFacts, _):
            return .stillRunning(closes: period!.closes)
        default:
            return .notOpened
        }
    }
}
