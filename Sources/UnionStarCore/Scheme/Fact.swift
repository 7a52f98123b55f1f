/// One thing a scheme asks a union to state (事实项), e.g. "当年召开了职工（代表）大会".
public struct Fact: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 是/否
        case boolean
        /// A whole number of events or units, ≥ 0.
        case count
        /// A rate between 0 and 100, up to four decimal places.
        case percentage
        /// A list of named elements, each present or missing.
        case checklist
        /// One of named options.
        case choice

        public var label: LocalizedText {
            switch self {
            case .boolean: Strings.Scheme.FactKinds.boolean
            case .count: Strings.Scheme.FactKinds.count
            case .percentage: Strings.Scheme.FactKinds.percentage
            case .checklist: Strings.Scheme.FactKinds.checklist
            case .choice: Strings.Scheme.FactKinds.choice
            }
        }
    }

    /// A named element of a checklist, or an option of a choice.
    public struct Element: Sendable, Hashable, Codable {
        public var id: String
        /// The general label, for every kind of union (厂务、院（校）务公开制度).
        public var label: String
        /// Labels for particular kinds of union, keyed by `UnionKind` raw value
        /// (`{hospital: 院务公开制度, school: 校务公开制度}`).
        public var labelByKind: [String: String]?
        /// For checklists: the element is asked only when this holds (e.g. 职工董事/监事 only
        /// for company-form enterprises); otherwise it is not applicable and never missing.
        public var applicableWhen: Condition?

        public init(id: String, label: String, labelByKind: [String: String]? = nil, applicableWhen: Condition? = nil) {
            self.id = id
            self.label = label
            self.labelByKind = labelByKind
            self.applicableWhen = applicableWhen
        }

        /// The label a union of `kind` reads; the general label when the kind has none of its own.
        public func label(for kind: UnionKind?) -> String {
            kind.flatMap { labelByKind?[$0.rawValue] } ?? label
        }
    }

    public var id: String
    public var type: Kind
    /// The general label, for every kind of union.
    public var label: String
    /// Labels for particular kinds of union, keyed by `UnionKind` raw value.
    public var labelByKind: [String: String]?
    /// Checklist elements.
    public var elements: [Element]?
    /// Choice options.
    public var options: [Element]?
    /// Upper bound for a count (default 1000).
    public var maximum: Int?
    /// The fact is asked only when this holds; unanswered otherwise, and then no rule reading it applies.
    public var askedWhen: Condition?
    /// What a fully compliant union answers (`scheme template`). Checklists default to every element.
    public var ideal: IdealAnswer?
    /// Why the fact is asked this way, where the seed is open to reading (Chinese; `noteEn` English).
    public var note: String?
    public var noteEn: String?
    /// A satisfaction rate the members' survey (会员评家) fills: the topic's rate (`union`, `chair`).
    public var survey: SurveyTopic?

    public init(id: String, type: Kind, label: String, labelByKind: [String: String]? = nil, elements: [Element]? = nil,
                options: [Element]? = nil, maximum: Int? = nil, askedWhen: Condition? = nil, ideal: IdealAnswer? = nil,
                note: String? = nil, noteEn: String? = nil, survey: SurveyTopic? = nil) {
        self.id = id
        self.type = type
        self.label = label
        self.labelByKind = labelByKind
        self.elements = elements
        self.options = options
        self.maximum = maximum
        self.askedWhen = askedWhen
        self.ideal = ideal
        self.note = note
        self.noteEn = noteEn
        self.survey = survey
    }

    /// The label a union of `kind` reads (医院工会: 院务公开制度); the general label when the kind
    /// has none of its own or is not known.
    public func label(for kind: UnionKind?) -> String {
        kind.flatMap { labelByKind?[$0.rawValue] } ?? label
    }

    public static let defaultCountMaximum = 1000
    public var countMaximum: Int { maximum ?? Fact.defaultCountMaximum }
}

/// The ideal answer written beside a fact: `true`, `3`, `100`, or an option id.
public enum IdealAnswer: Sendable, Hashable, Codable {
    case bool(Bool)
    case number(Points)
    case option(String)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let p = try? c.decode(Points.self) { self = .number(p); return }
        self = .option(try c.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try c.encode(b)
        case .number(let p): try c.encode(p)
        case .option(let o): try c.encode(o)
        }
    }
}
