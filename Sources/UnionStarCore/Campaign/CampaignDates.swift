/// A window of days, both ends included; an open end is nil.
public struct DateWindow: Sendable, Hashable, Codable {
    public var from: CalendarDate?
    public var by: CalendarDate?

    public init(from: CalendarDate? = nil, by: CalendarDate? = nil) {
        self.from = from
        self.by = by
    }

    public func contains(_ day: CalendarDate) -> Bool {
        (from.map { day >= $0 } ?? true) && (by.map { day <= $0 } ?? true)
    }
}

/// A campaign's timeline as dates of its year: the scheme's defaults, edited by staff.
public struct CampaignDates: Sendable, Hashable, Codable {
    /// Nil: the campaign has no pre-application (Rushan may skip it).
    public var preApplication: DateWindow?
    public var selfCheck: DateWindow
    /// Nil: the scheme asks for no congress decision before the notice (Yizheng).
    public var congressBy: CalendarDate?
    /// Length of the unit's notice (向职工公示) in working days.
    public var noticeWorkingDays: Int
    public var applyBy: CalendarDate
    public var inspection: DateWindow
    /// Length of the results notice in working days, when the scheme has one.
    public var resultsNoticeWorkingDays: Int?
    public var recommendBy: CalendarDate?

    /// The results notice's length in working days: its own, else the unit notice's.
    public var resultsNoticeLength: Int { resultsNoticeWorkingDays ?? noticeWorkingDays }

    public init(preApplication: DateWindow?, selfCheck: DateWindow, congressBy: CalendarDate?, noticeWorkingDays: Int,
                applyBy: CalendarDate, inspection: DateWindow, resultsNoticeWorkingDays: Int?, recommendBy: CalendarDate?) {
        self.preApplication = preApplication
        self.selfCheck = selfCheck
        self.congressBy = congressBy
        self.noticeWorkingDays = noticeWorkingDays
        self.applyBy = applyBy
        self.inspection = inspection
        self.resultsNoticeWorkingDays = resultsNoticeWorkingDays
        self.recommendBy = recommendBy
    }

    /// The scheme's timeline placed in `year`. A step the scheme does not have stays nil; a
    /// notice without a length gets 5 working days (Yizheng's 公示五个工作日, our default for Rushan).
    public static func defaults(from timeline: Timeline?, year: Int) -> CampaignDates {
        func step(_ s: CampaignStep) -> Timeline.Step? {
            s.timelineIDs.lazy.compactMap { timeline?.step($0) }.first
        }
        func window(_ s: CampaignStep) -> DateWindow? {
            step(s).map { DateWindow(from: $0.fromDay?.date(in: year), by: $0.byDay?.date(in: year)) }
        }
        let applyBy = step(.application)?.byDay?.date(in: year) ?? CalendarDate(year: year, month: 9, day: 30)!
        return CampaignDates(
            preApplication: window(.preApplication),
            selfCheck: window(.selfCheck) ?? DateWindow(by: applyBy),
            congressBy: step(.congressDecision)?.byDay?.date(in: year),
            noticeWorkingDays: step(.unitNotice)?.workingDays ?? 5,
            applyBy: applyBy,
            inspection: window(.inspection) ?? DateWindow(),
            resultsNoticeWorkingDays: step(.resultsNotice)?.workingDays,
            recommendBy: step(.recommendation)?.byDay?.date(in: year))
    }

    /// The last day of a step for everyone; nil when the step has no end date.
    public func closes(_ step: CampaignStep) -> CalendarDate? {
        switch step {
        case .preApplication: preApplication?.by
        case .selfCheck: selfCheck.by
        case .congressDecision: congressBy
        case .unitNotice, .application: applyBy
        case .inspection: inspection.by
        case .resultsNotice, .recommendation: recommendBy
        }
    }

    /// The first day of a step; nil when it is open from the campaign's start.
    public func opens(_ step: CampaignStep) -> CalendarDate? {
        switch step {
        case .preApplication: preApplication?.from
        case .selfCheck: selfCheck.from
        case .inspection: inspection.from
        case .congressDecision, .unitNotice, .application, .resultsNotice, .recommendation: nil
        }
    }

    /// Problems with the order of the dates, by field; empty when the steps can happen in order.
    public func problems(year: Int) -> FieldErrors {
        var errors = FieldErrors()
        let ordered: [(String, CalendarDate?)] = [
            ("preApplicationFrom", preApplication?.from), ("preApplicationBy", preApplication?.by),
            ("selfCheckFrom", selfCheck.from), ("selfCheckBy", selfCheck.by), ("congressBy", congressBy),
            ("applyBy", applyBy), ("inspectionFrom", inspection.from), ("inspectionBy", inspection.by),
            ("recommendBy", recommendBy),
        ]
        for (field, date) in ordered {
            // A campaign opened late in its year may finish in the next (recommendation in January).
            if let date, date.year != year && date.year != year + 1 { errors.add(field, Strings.Campaign.dateOutsideYear(year)) }
        }
        var previous: (String, CalendarDate)?
        for (field, date) in ordered {
            guard let date else { continue }
            if let (earlierField, earlier) = previous, date < earlier, errors[field] == nil {
                errors.add(field, Strings.Campaign.dateBefore(field: field, earlierField: earlierField, earlier: earlier))
            }
            previous = (field, date)
        }
        if noticeWorkingDays < 1 || noticeWorkingDays > 30 { errors.add("noticeWorkingDays", Strings.Campaign.noticeLength) }
        if let days = resultsNoticeWorkingDays, days < 1 || days > 30 { errors.add("resultsNoticeWorkingDays", Strings.Campaign.noticeLength) }
        return errors
    }
}
