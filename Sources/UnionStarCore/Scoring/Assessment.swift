/// A scored set of answers: the breakdown that explains every point.
public struct Assessment: Sendable, Hashable, Codable {
    public var schemeID: String
    public var total: Points
    public var max: Points
    /// The highest tier whose minimum the total reaches, vetoes aside.
    public var scoreTier: TierReference?
    /// The tier the union can be named at: `scoreTier`, unless a veto holds (then nil).
    public var tier: TierReference?
    public var vetoes: [VetoHit]
    public var sections: [SectionScore]
    public var items: [ItemScore]

    /// Whether the union can be named at all (a tier reached and no veto).
    public var nameable: Bool { tier != nil }
}

public struct TierReference: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var minimum: Points
    public var acceptedBy: FederationLevel

    public init(_ tier: Tier) {
        id = tier.id
        name = tier.name
        minimum = tier.minimum
        acceptedBy = tier.acceptedBy
    }
}

public struct VetoHit: Sendable, Hashable, Codable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

public struct SectionScore: Sendable, Hashable, Codable {
    public var title: String
    public var max: Points
    public var score: Points
}

public struct ItemScore: Sendable, Hashable, Codable {
    public var number: Int
    /// Index of the item's section in the scheme.
    public var section: Int
    public var score: Points
    public var max: Points
    public var applied: [AppliedRule]
    /// Deductions went past zero and the item stopped at 0 (扣完为止).
    public var floored: Bool
    /// Gains went past the item's max and it stopped there.
    public var capped: Bool
}

/// One rule that changed an item, with its seed text and what it did.
public struct AppliedRule: Sendable, Hashable, Codable {
    public var kind: Rule.Kind
    public var label: String
    public var text: String
    /// Points added (+) or taken (−); nil for a zero rule, which takes the whole item.
    public var delta: Points?
    /// e.g. `缺：牌子、公章`, `88.5，少1.5`, `×2`.
    public var detail: String?

    init(rule: Rule, delta: Points?, detail: StepDetail?) {
        kind = rule.kind
        label = rule.label
        text = rule.text
        self.delta = delta
        self.detail = detail.map { detail in
            switch detail {
            case .missing(let labels): Strings.Scoring.Breakdown.missing(labels).zh
            case .shortBy(let value, let short): Strings.Scoring.Breakdown.shortBy(value, short).zh
            case .times(let n): "×\(n)"
            }
        }
    }

    /// The breakdown line: `③未按期换届 −2`, `当年每开展一次…计3分（×2） +6`, `…此项不得分 → 0`.
    public var line: String {
        let head = detail.map { Strings.Scoring.Breakdown.labelWithDetail(label, $0).zh } ?? label
        guard let delta else { return "\(head) → 0" }
        return "\(head) \(delta.signedDescription)"
    }
}
