/// Where a unit's application stands in a campaign: the union's path to `filed` (part 1), then
/// endorsement, inspection, the decision, the results notice and naming (part 2).
public enum ApplicationState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No record yet: the unit has not started.
    case notStarted
    /// 预申报: the tier aimed at is on the federation's list.
    case preApplied
    /// 自查自评: the self-assessment is being drafted.
    case drafting
    /// 职代会已研究确定申报星级 (Rushan): the congress decided the tier to apply for.
    case congressDecided
    /// 向职工公示中: the unit's notice runs; members may object.
    case onNotice
    /// 已申报: the 申报登记表 is filed with the level above.
    case filed
    /// 已退回: sent back with reasons, to be amended and filed again.
    case returned
    /// 已逐级审核: every sub-federation above the union endorsed it; it waits for inspection.
    case endorsed
    /// 已考核: the inspection is closed with the inspectors' combined score.
    case inspected
    /// 已确定星级: the level that accepts the tier decided it (or decided none).
    case decided
    /// 结果公示中: the results notice runs; anyone may object.
    case onResultsNotice
    /// 已命名: named at its tier for the year.
    case named
    /// 未予命名: decided without a tier, after the results notice.
    case notNamed
    /// 已提交自查 (re-review and yearly self-check): the self-check is handed in; a re-review waits
    /// for its inspection, a yearly self-check is done.
    case selfChecked
    /// 已复查: the re-review's outcome (keep, downgrade, delist) is recorded and public.
    case reReviewed

    public var label: LocalizedText { Strings.Campaign.state(self) }

    /// Counts as taking part (参与) for the participation rate.
    public var takesPart: Bool { self != .notStarted }
}

/// What people do to an application. Who may, in what state and by which date is decided by
/// `ApplicationWorkflow`.
public enum ApplicationAction: String, Sendable, Hashable, Codable, CaseIterable {
    case preApply
    case startSelfAssessment
    case saveSelfAssessment
    case uploadEvidence
    /// Recorded once, and corrected until the notice starts (a wrong date or head count).
    case recordCongressDecision
    case startNotice
    case lodgeObjection
    case answerObjection
    /// The 申报登记表: changed from the self-assessment until it is filed, and again once returned.
    case saveForm
    case file
    case returnApplication
    /// 审核盖章: the next sub-federation above the union endorses it, with its opinion.
    case endorse
    /// Staff name the inspectors of a unit (refusing anyone with a conflict).
    case assignInspectors
    /// An assigned inspector records the visit and scores every item.
    case recordInspection
    /// Staff close the inspection once every assigned inspector has scored.
    case completeInspection
    /// The level that accepts the tier decides it (确定星级等次).
    case decideTier
    /// Staff put the decision on the public results notice (公示).
    case startResultsNotice
    /// Staff answer an objection lodged against the results notice.
    case answerResultsObjection
    /// The naming level names the unit (命名), after the results notice.
    case name
    /// 提交自查 (re-review, yearly self-check): the union hands in its self-check.
    case submitSelfCheck
    /// 复查结论: the re-reviewing level records the outcome the scheme's rule computes for the cohort.
    case recordReReviewOutcome
}
