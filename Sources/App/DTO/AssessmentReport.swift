import UnionStarCore
import Vapor

/// The score breakdown as the CLI (`unionstar score --json`) and the API return it. A stable contract.
struct AssessmentReport: Content, Equatable {
    struct ItemReport: Content, Equatable {
        var number: Int
        var score: Points
        var max: Points
        /// Breakdown lines: `③未按期换届 −2`.
        var applied: [String]
        var rules: [AppliedRule]
        var floored: Bool
    }

    struct SectionReport: Content, Equatable {
        var title: String
        var score: Points
        var max: Points
    }

    var scheme: String
    var total: Points
    var max: Points
    /// The tier the union can be named at; null when none is reached or a veto holds.
    var tier: String?
    var tierId: String?
    /// The tier the score alone reaches.
    var scoreTier: String?
    var nameable: Bool
    /// The vetoes that hold, in the scheme's words.
    var vetoes: [String]
    var sections: [SectionReport]
    var items: [ItemReport]

    private enum CodingKeys: String, CodingKey {
        case scheme, total, max, tier, tierId, scoreTier, nameable, vetoes, sections, items
    }

    /// Writes `"tier": null` rather than leaving the key out: the contract names the key.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scheme, forKey: .scheme)
        try c.encode(total, forKey: .total)
        try c.encode(max, forKey: .max)
        try c.encode(tier, forKey: .tier)
        try c.encode(tierId, forKey: .tierId)
        try c.encode(scoreTier, forKey: .scoreTier)
        try c.encode(nameable, forKey: .nameable)
        try c.encode(vetoes, forKey: .vetoes)
        try c.encode(sections, forKey: .sections)
        try c.encode(items, forKey: .items)
    }

    init(_ assessment: Assessment) {
        scheme = assessment.schemeID
        total = assessment.total
        max = assessment.max
        tier = assessment.tier?.name
        tierId = assessment.tier?.id
        scoreTier = assessment.scoreTier?.name
        nameable = assessment.nameable
        vetoes = assessment.vetoes.map(\.text)
        sections = assessment.sections.map { SectionReport(title: $0.title, score: $0.score, max: $0.max) }
        items = assessment.items.map {
            ItemReport(number: $0.number, score: $0.score, max: $0.max, applied: $0.applied.map(\.line), rules: $0.applied, floored: $0.floored)
        }
    }
}

struct SchemeSummary: Content {
    var id: String
    var title: String
    var issuer: String
    var source: String
    var year: Int
    var placeholder: Bool

    init(_ scheme: Scheme) {
        id = scheme.id
        title = scheme.title
        issuer = scheme.issuer
        source = scheme.source
        year = scheme.year
        placeholder = scheme.placeholder
    }
}

extension Scheme: Content {}
extension Answers: Content {}
