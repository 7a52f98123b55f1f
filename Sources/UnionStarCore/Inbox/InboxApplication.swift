/// What the inbox needs to know about one application: the workflow's snapshot and what the
/// tasks around it read besides (the unit's name, whether its form is complete, the staff's
/// extensions of its deadlines).
public struct InboxApplication: Sendable, Hashable {
    public var campaignID: String
    public var unitID: String
    public var unitName: String
    /// The state, the unit's place, the notices, unanswered objections, the endorsers still to
    /// stamp, the inspectors and who of them scored, and the federation that decides its tier.
    public var snapshot: ApplicationSnapshot
    /// The 申报登记表 holds everything filing asks for (the app's filing checks find nothing).
    public var formReady: Bool
    public var extensions: [DeadlineExtension]

    public init(campaignID: String, unitID: String, unitName: String, snapshot: ApplicationSnapshot, formReady: Bool = false,
                extensions: [DeadlineExtension] = []) {
        self.campaignID = campaignID
        self.unitID = unitID
        self.unitName = unitName
        self.snapshot = snapshot
        self.formReady = formReady
        self.extensions = extensions
    }
}
