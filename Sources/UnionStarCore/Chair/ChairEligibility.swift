/// Who may stand in the chair track (争当星级基层工会主席), 仪工字（2019）42号 三（二）1 and 三（一）1:
/// 从事工会工作三年以上 … 有上岗资格培训证书; 工会主席、副主席上岗一年内完成上岗资格培训.
///
/// Read as of the campaign's application deadline (单位申报, 9月30日之前), the day a chair applies by,
/// the same for every chair of the campaign. Periods count as the Civil Code counts them (民法典
/// 第二百零一条、第二百零二条): from the day after the start, ending on the corresponding day, the
/// month's last day when there is none (2016-02-29 + 3 years = 2019-02-28); “以上” and “以内” include
/// the end day (第一千二百五十九条). See docs/DECISIONS.md.
public enum ChairEligibility {
    /// 从事工会工作三年以上.
    public static let yearsOfUnionWork = 3
    /// 上岗一年内完成上岗资格培训.
    public static let certificateWithinYears = 1
    /// The chair scheme's checklist elements the person's dates answer (prefilled on the self-assessment).
    public static let experienceElement = "three_years_experience"
    public static let certificateElement = "qualification_certificate"

    /// Why a chair may not stand, in plain sentences (`message`).
    public enum Reason: Sendable, Hashable {
        /// The person's details are not entered yet.
        case notEntered
        /// Union work since `since`: three years complete only on `completesOn`, after `asOf`.
        case tooFewYears(since: CalendarDate, completesOn: CalendarDate, asOf: CalendarDate)
        /// No certificate held on `asOf`; it was (or is) due by `dueBy`.
        case noCertificate(dueBy: CalendarDate, asOf: CalendarDate)
        /// The certificate came on `on`, later than a year after taking office (`dueBy`).
        case certificateLate(on: CalendarDate, dueBy: CalendarDate)

        public var message: LocalizedText { Strings.Chair.reason(self) }
    }

    /// The day eligibility is judged on: the campaign's application deadline.
    public static func asOf(_ plan: CampaignPlan) -> CalendarDate { plan.dates.applyBy }

    /// The day a period of `years` years starting on `start` ends (民法典第二百零二条): the
    /// corresponding day, or the month's last day when the month has none.
    public static func anniversary(of start: CalendarDate, years: Int) -> CalendarDate {
        let year = start.year + years
        return CalendarDate(year: year, month: start.month, day: start.day)
            ?? CalendarDate(year: year, month: start.month, day: CalendarDate.daysIn(month: start.month, year: year))!
    }

    /// Whether union work since `since` reaches three years on `asOf` (the end day included).
    public static func hasYears(since: CalendarDate, asOf: CalendarDate) -> Bool {
        anniversary(of: since, years: yearsOfUnionWork) <= asOf
    }

    /// The last day the certificate is due: a year after taking office, that day included.
    public static func certificateDue(tookOfficeOn: CalendarDate) -> CalendarDate {
        anniversary(of: tookOfficeOn, years: certificateWithinYears)
    }

    /// Every reason the person may not stand on `asOf`; empty: eligible. A chair in office less than
    /// a year without a certificate yet is not eligible: the chair's own standard asks that the
    /// chair *has* the certificate (有上岗资格培训证书); the year's grace is the union's duty to
    /// train, not leave to be rated untrained. A certificate dated after `asOf` is not yet held.
    public static func reasons(_ person: ChairPerson?, asOf: CalendarDate) -> [Reason] {
        guard let person else { return [.notEntered] }
        var reasons: [Reason] = []
        if !hasYears(since: person.unionWorkSince, asOf: asOf) {
            reasons.append(.tooFewYears(since: person.unionWorkSince, completesOn: anniversary(of: person.unionWorkSince, years: yearsOfUnionWork),
                                        asOf: asOf))
        }
        let due = certificateDue(tookOfficeOn: person.tookOfficeOn)
        if let certificate = person.certificateOn, certificate <= asOf {
            if certificate > due { reasons.append(.certificateLate(on: certificate, dueBy: due)) }
        } else {
            reasons.append(.noCertificate(dueBy: due, asOf: asOf))
        }
        return reasons
    }

    /// The chair scheme's checklist elements the person's dates meet, to tick on the self-assessment
    /// before the cadre first answers it (the cadre may still change them).
    public static func metElements(_ person: ChairPerson?, asOf: CalendarDate) -> Set<String> {
        guard let person else { return [] }
        let reasons = reasons(person, asOf: asOf)
        var met: Set<String> = []
        if !reasons.contains(where: { if case .tooFewYears = $0 { true } else { false } }) { met.insert(experienceElement) }
        if !reasons.contains(where: { if case .noCertificate = $0 { true } else if case .certificateLate = $0 { true } else { false } }) {
            met.insert(certificateElement)
        }
        return met
    }

    /// The person is entered and changed by the union's cadre before the notice makes the
    /// application public (and again once it is returned); never in a re-review or self-check
    /// round, which takes the person named.
    public static func mayEditPerson(in state: ApplicationState, kind: CampaignKind) -> Bool {
        kind == .award && [.drafting, .congressDecided, .returned].contains(state)
    }
}
