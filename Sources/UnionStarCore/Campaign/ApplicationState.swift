/// Where a unit's application stands in a campaign. Part 1 of the workflow ends at `filed`;
/// endorsement, inspection, decision and naming continue from there.
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
}
