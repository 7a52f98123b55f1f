/// A scoring rule of an item (量化项), carrying the seed's own words so a breakdown explains itself.
///
/// An item starts from its maximum less whatever its accruing rules (per-event, bonus) can add,
/// applies every rule, and is clamped to [0, max]; a zero rule (此项不得分) wins over all others.
public struct Rule: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Deduct `points` when `when` holds (扣N分).
        case deduct
        /// The item scores 0 when `when` holds (此项不得分).
        case zero
        /// Deduct `points` per missing applicable element of the checklist `fact` (每缺一项扣N分，扣完为止).
        case perMissing
        /// Deduct `points` per `unit` that the number `fact` falls short of `threshold`
        /// (入会率每少一个百分点扣1分); how a part-unit counts is the setting named by `partial`.
        case shortfall
        /// Add `points` per event counted in `fact`, up to `cap` (每开展一次计3分，满分9分).
        case perEvent
        /// Add `points` when `when` holds (加1分; 记6分).
        case bonus
    }

    public var kind: Kind
    /// Short form for a breakdown line, e.g. `③未按期换届`.
    public var label: String
    /// The seed's clause, verbatim, e.g. `③未按期换届扣2分`.
    public var text: String
    public var points: Points
    /// Trigger for deduct/zero/bonus; guard (the rule applies only when it holds) for the others.
    public var when: Condition?
    /// The fact a perMissing, shortfall or perEvent rule counts.
    public var fact: String?
    /// shortfall: the level below which points are lost (inclusive: at the threshold nothing is lost).
    public var threshold: Points?
    /// shortfall: the size of one unit (default 1, e.g. one percentage point).
    public var unit: Points?
    /// shortfall: the id of the setting that says how a part-unit counts.
    public var partial: String?
    /// perEvent: the most the rule can add.
    public var cap: Points?
    /// shortfall, perMissing: the id of the setting that says whether the rule may take the whole
    /// item (`item`) or at most its `share` (扣完为止: of what?).
    public var floor: String?
    /// shortfall, perMissing: the most the rule takes when its `floor` setting reads `share`.
    public var share: Points?
    /// Where the seed is ambiguous, how this rule reads it (Chinese; `noteEn` English).
    public var note: String?
    public var noteEn: String?

    public init(kind: Kind, label: String, text: String, points: Points, when: Condition? = nil,
                fact: String? = nil, threshold: Points? = nil, unit: Points? = nil, partial: String? = nil,
                cap: Points? = nil, floor: String? = nil, share: Points? = nil, note: String? = nil, noteEn: String? = nil) {
        self.kind = kind
        self.label = label
        self.text = text
        self.points = points
        self.when = when
        self.fact = fact
        self.threshold = threshold
        self.unit = unit
        self.partial = partial
        self.cap = cap
        self.floor = floor
        self.share = share
        self.note = note
        self.noteEn = noteEn
    }

    private enum CodingKeys: String, CodingKey {
        case kind, label, text, points, when, fact, threshold, unit, partial, cap, floor, share, note, noteEn
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        text = try c.decode(String.self, forKey: .text)
        label = try c.decodeIfPresent(String.self, forKey: .label) ?? text
        // A zero rule has no points of its own: it takes the whole item.
        points = try c.decodeIfPresent(Points.self, forKey: .points) ?? .zero
        when = try c.decodeIfPresent(Condition.self, forKey: .when)
        fact = try c.decodeIfPresent(String.self, forKey: .fact)
        threshold = try c.decodeIfPresent(Points.self, forKey: .threshold)
        unit = try c.decodeIfPresent(Points.self, forKey: .unit)
        partial = try c.decodeIfPresent(String.self, forKey: .partial)
        cap = try c.decodeIfPresent(Points.self, forKey: .cap)
        floor = try c.decodeIfPresent(String.self, forKey: .floor)
        share = try c.decodeIfPresent(Points.self, forKey: .share)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        noteEn = try c.decodeIfPresent(String.self, forKey: .noteEn)
    }

    /// What the rule can add at most (0 for rules that only take away).
    public var maximumGain: Points {
        switch kind {
        case .perEvent: cap ?? .zero
        case .bonus: points
        case .deduct, .zero, .perMissing, .shortfall: .zero
        }
    }
}
