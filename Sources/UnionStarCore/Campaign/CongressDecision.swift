import Foundation

/// The meeting that decides the tier a union applies for (Rushan 2020, 创建程序 2: 根据自查结果，
/// 召开职工（代表）大会或职代会团（组）长会议研究确定申报星级): when, which meeting, who came,
/// the tier, and its minutes.
public struct CongressDecision: Sendable, Hashable, Codable {
    /// Which meeting decided. The seed's 职工（代表）大会 reads "职工大会 or 职工代表大会": a
    /// small unit holds a general assembly of all its workers, a larger one a congress of
    /// elected representatives; both are the congress the seed means, so both are offered.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 职工代表大会 (职代会): representatives elected by the workers.
        case representativesCongress
        /// 职工大会: every worker of a small unit.
        case workersAssembly
        /// 职代会团（组）长会议: the leaders of the congress's delegations and groups, between sessions.
        case delegationLeaders

        public var label: LocalizedText { Strings.Notice.congressKind(self) }

        /// Who the attendance counts (representatives, workers, delegation leaders).
        public var attendees: LocalizedText { Strings.Notice.congressAttendees(self) }

        /// Whether the two-thirds attendance warning applies: the congress rules commonly written
        /// for 职工代表大会 and 职工大会 (三分之二以上出席方可召开). The seeds state no quorum, so it is
        /// a warning, never a refusal; for a delegation leaders' meeting no such rule is known.
        public var warnsBelowTwoThirds: Bool { self != .delegationLeaders }
    }

    /// The day the meeting was held.
    public var date: CalendarDate
    public var kind: Kind
    /// 应到: how many were entitled to attend.
    public var expected: Int
    /// 实到: how many attended.
    public var present: Int
    /// The tier decided (a tier id of the unit's scheme).
    public var tier: String
    /// The minutes (会议记录/纪要) as an evidence file of the application (its id).
    public var minutesEvidenceID: String?

    public init(date: CalendarDate, kind: Kind, expected: Int, present: Int, tier: String, minutesEvidenceID: String?) {
        self.date = date
        self.kind = kind
        self.expected = expected
        self.present = present
        self.tier = tier
        self.minutesEvidenceID = minutesEvidenceID
    }

    /// The largest attendance accepted: more people than any grassroots union has.
    public static let attendanceLimit = 100_000

    /// What a decision is checked against.
    public struct Rules: Sendable, Hashable {
        /// The day it is recorded: a meeting cannot be in the future.
        public var today: CalendarDate
        /// The campaign's year: the meeting is that year's.
        public var year: Int
        /// The first day the meeting can count: the self-check's first day (the seed decides the
        /// tier 根据自查结果, from the self-check's result), or nil for the start of the year.
        public var earliest: CalendarDate?
        /// The tier ids the unit may apply for (on offer in the campaign, in its scheme).
        public var tiers: [String]

        public init(today: CalendarDate, year: Int, earliest: CalendarDate?, tiers: [String]) {
            self.today = today
            self.year = year
            self.earliest = earliest
            self.tiers = tiers
        }
    }

    /// Problems by field (`date`, `kind`, `expected`, `present`, `tier`, `minutes`); empty when
    /// the decision may be recorded.
    public func problems(_ rules: Rules) -> FieldErrors {
        typealias S = Strings.Notice
        var errors = FieldErrors()
        if date > rules.today {
            errors.add("date", S.congressDateInFuture)
        } else if date.year != rules.year {
            errors.add("date", S.congressDateOutsideYear(rules.year))
        } else if let earliest = rules.earliest, date < earliest {
            errors.add("date", S.congressDateBeforeSelfCheck(earliest))
        }
        if expected < 1 || expected > Self.attendanceLimit { errors.add("expected", S.attendanceRange(Self.attendanceLimit)) }
        if present < 1 || present > Self.attendanceLimit {
            errors.add("present", S.attendanceRange(Self.attendanceLimit))
        } else if errors["expected"] == nil, present > expected {
            errors.add("present", S.presentAboveExpected)
        }
        if !rules.tiers.contains(tier) { errors.add("tier", S.tierNotOnOffer) }
        if minutesEvidenceID == nil { errors.add("minutes", S.minutesRequired) }
        return errors
    }

    /// Whether fewer than two thirds of those expected attended.
    public var belowTwoThirds: Bool { present * 3 < expected * 2 }

    /// Warnings about the meeting itself (attendance), in words; recording goes ahead.
    public var attendanceWarnings: [LocalizedText] {
        kind.warnsBelowTwoThirds && belowTwoThirds ? [Strings.Notice.belowTwoThirds(kind, present: present, expected: expected)] : []
    }

    /// Warnings about the tier decided against the self-score: a tier above the one the self-score
    /// reaches is allowed (the congress decides; the inspection scores anew) but said in words.
    /// `selfTotal` nil: no self-score saved yet; `selfTier` nil with a total: it reaches no tier.
    public static func warnings(selfTotal: Points?, selfTier: String?, decidedTier: String, tiers: [Tier]) -> [LocalizedText] {
        guard let decided = tiers.first(where: { $0.id == decidedTier }) else { return [] }
        guard let selfTotal else { return [Strings.Notice.noSelfScore] }
        guard let reached = selfTier.flatMap({ id in tiers.first { $0.id == id } }) else {
            return [Strings.Notice.selfScoreReachesNoTier(total: selfTotal, decided: decided)]
        }
        if decided.minimum > reached.minimum {
            return [Strings.Notice.tierAboveSelfScore(total: selfTotal, reached: reached, decided: decided)]
        }
        return []
    }
}

/// The congress form as typed, before it is a decision: every field a string, parsed here so a
/// bad value is named by its field.
public struct CongressDecisionInput: Sendable, Hashable {
    public var date: String
    public var kind: String
    public var expected: String
    public var present: String
    public var tier: String

    public init(date: String, kind: String, expected: String, present: String, tier: String) {
        self.date = date
        self.kind = kind
        self.expected = expected
        self.present = present
        self.tier = tier
    }

    /// The decision, or every problem by field (what cannot be parsed, then what `problems` finds).
    public func decision(minutesEvidenceID: String?, rules: CongressDecision.Rules) -> Result<CongressDecision, FieldErrors> {
        typealias S = Strings.Notice
        var errors = FieldErrors()
        let day = CalendarDate(parsing: date.trimmingCharacters(in: .whitespaces))
        if day == nil { errors.add("date", S.dateInvalid) }
        let kind = CongressDecision.Kind(rawValue: kind)
        if kind == nil { errors.add("kind", S.congressKindRequired) }
        func count(_ text: String, _ field: String) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 7, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(trimmed) else {
                errors.add(field, S.attendanceRange(CongressDecision.attendanceLimit))
                return nil
            }
            return n
        }
        let expected = count(expected, "expected")
        let present = count(present, "present")
        guard let day, let kind, let expected, let present else {
            // Check the rest too, so the person fixes everything at once: what could not be read
            // stands in as a value that passes.
            let partial = CongressDecision(date: day ?? rules.today, kind: kind ?? .representativesCongress,
                                           expected: expected ?? present ?? 1, present: present ?? expected ?? 1, tier: tier,
                                           minutesEvidenceID: minutesEvidenceID)
            let problems = partial.problems(rules)
            for field in problems.order where errors[field] == nil { errors.add(field, problems[field]!) }
            return .failure(errors)
        }
        let decision = CongressDecision(date: day, kind: kind, expected: expected, present: present, tier: tier,
                                        minutesEvidenceID: minutesEvidenceID)
        let problems = decision.problems(rules)
        return problems.isEmpty ? .success(decision) : .failure(problems)
    }
}
