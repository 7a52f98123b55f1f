/// The scheme a campaign runs on, pinned: a scheme file edited next year changes nothing that
/// was decided under this one.
public struct SchemePin: Sendable, Hashable, Codable {
    public var schemeID: String
    public var version: Int
    /// SHA-256 of the scheme file's bytes (hex), under which its text is kept.
    public var contentHash: String
    /// Every setting's chosen value, as in force when the campaign opened.
    public var settings: [String: String]

    public init(schemeID: String, version: Int, contentHash: String, settings: [String: String]) {
        self.schemeID = schemeID
        self.version = version
        self.contentHash = contentHash
        self.settings = settings
    }
}

/// A federation's campaign for a year over its subtree (the 通知 of that year).
public struct CampaignPlan: Sendable, Hashable, Codable {
    public var year: Int
    /// The federation that runs it; its subtree takes part.
    public var owner: TreePath
    /// Which scheme rates which kind of union (Rushan: enterprise, hospital and school unions on
    /// the enterprise standard; regional and industry unions on the regional one).
    public var schemes: [UnionKind: SchemePin]
    public var dates: CampaignDates
    /// Share of grassroots unions that should take part, percent (Rushan: 85).
    public var participationTarget: Points?
    /// Tier ids a union may apply for.
    public var tiersOnOffer: [String]
    /// How several inspectors' scores make the unit's inspected score; nil: the mean (our default,
    /// docs/DECISIONS.md).
    public var combineRule: CombineRule?

    public var inspectionRule: CombineRule { combineRule ?? .mean }
    /// Re-review and self-check rounds say so; nil is an award campaign (plans kept before rounds
    /// existed have no kind).
    public var kind: CampaignKind?
    /// A round's units were named in this year's campaigns (复查对象的获评年度).
    public var namedInYear: Int?

    /// Whom the campaign rates: unions, or their chairs (Yizheng 双争); nil: unions.
    public var subject: Scheme.Subject?

    public var campaignKind: CampaignKind { kind ?? .award }
    public var campaignSubject: Scheme.Subject { subject ?? .union }

    public init(year: Int, owner: TreePath, schemes: [UnionKind: SchemePin], dates: CampaignDates,
                participationTarget: Points?, tiersOnOffer: [String]) {
        self.year = year
        self.owner = owner
        self.schemes = schemes
        self.dates = dates
        self.participationTarget = participationTarget
        self.tiersOnOffer = tiersOnOffer
    }

    /// The scheme for a union of this kind; nil when the campaign does not rate that kind.
    public func scheme(for kind: UnionKind) -> SchemePin? { schemes[kind] }

    /// Whether the scheme asks for a congress decision before the notice.
    public var asksCongressDecision: Bool { dates.congressBy != nil }
}
