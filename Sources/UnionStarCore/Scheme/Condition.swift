/// A yes/no question about a union's answers, written in a scheme file.
///
/// The YAML forms:
/// ```yaml
/// {fact: held, is: false}                  # yes/no fact
/// {fact: rate, below: 90}                  # also atMost, atLeast, above (count, percentage)
/// {fact: committees, incomplete: true}     # a checklist misses an applicable element
/// {fact: committees, empty: true}          # a checklist has none of its applicable elements
/// {fact: committees, element: x, is: false}
/// {fact: archive, equals: incomplete}      # choice; or `in: [a, b]`
/// {all: [...]}  {any: [...]}  {not: {...}}
/// {join: setting_id, of: [...]}            # "either" or "both", as the scheme's setting says
/// {setting: setting_id, equals: point}     # the scheme's setting has this value; or `in: [a, b]`
/// ```
public indirect enum Condition: Sendable, Hashable {
    case isTrue(fact: String, expected: Bool)
    case compare(fact: String, comparison: Comparison, value: Points)
    case checklistIncomplete(fact: String, expected: Bool)
    case checklistEmpty(fact: String, expected: Bool)
    case element(fact: String, element: String, present: Bool)
    case choiceIn(fact: String, options: [String])
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// A combination whose reading ("either" or "both") is a scheme setting, for seed wording
    /// that can be read both ways.
    case join(setting: String, of: [Condition])
    /// The scheme's setting has one of these values: a reading chosen in the file, fixed when the
    /// scheme is compiled.
    case setting(String, in: [String])

    public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
        case below, atMost, atLeast, above

        public func holds(_ lhs: Int64, _ rhs: Int64) -> Bool {
            switch self {
            case .below: lhs < rhs
            case .atMost: lhs <= rhs
            case .atLeast: lhs >= rhs
            case .above: lhs > rhs
            }
        }
    }
}

extension Condition: Codable {
    private enum Key: String, CodingKey {
        case fact, `is`, below, atMost, atLeast, above, incomplete, empty, element, equals, `in`
        case all, any, not, join, of, setting
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let list = try c.decodeIfPresent([Condition].self, forKey: .all) { self = .all(list); return }
        if let list = try c.decodeIfPresent([Condition].self, forKey: .any) { self = .any(list); return }
        if let inner = try c.decodeIfPresent(Condition.self, forKey: .not) { self = .not(inner); return }
        if let setting = try c.decodeIfPresent(String.self, forKey: .join) {
            self = .join(setting: setting, of: try c.decode([Condition].self, forKey: .of))
            return
        }
        if let setting = try c.decodeIfPresent(String.self, forKey: .setting) {
            if let value = try c.decodeIfPresent(String.self, forKey: .equals) {
                self = .setting(setting, in: [value])
            } else if let values = try c.decodeIfPresent([String].self, forKey: .in) {
                self = .setting(setting, in: values)
            } else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "condition on setting '\(setting)' needs `equals` or `in`"))
            }
            return
        }
        guard let fact = try c.decodeIfPresent(String.self, forKey: .fact) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a condition needs `fact`, `setting`, `all`, `any`, `not` or `join`"))
        }
        if let element = try c.decodeIfPresent(String.self, forKey: .element) {
            self = .element(fact: fact, element: element, present: try c.decode(Bool.self, forKey: .is))
        } else if let value = try c.decodeIfPresent(Bool.self, forKey: .is) {
            self = .isTrue(fact: fact, expected: value)
        } else if let value = try c.decodeIfPresent(Bool.self, forKey: .incomplete) {
            self = .checklistIncomplete(fact: fact, expected: value)
        } else if let value = try c.decodeIfPresent(Bool.self, forKey: .empty) {
            self = .checklistEmpty(fact: fact, expected: value)
        } else if let option = try c.decodeIfPresent(String.self, forKey: .equals) {
            self = .choiceIn(fact: fact, options: [option])
        } else if let options = try c.decodeIfPresent([String].self, forKey: .in) {
            self = .choiceIn(fact: fact, options: options)
        } else {
            for comparison in Comparison.allCases {
                if let value = try c.decodeIfPresent(Points.self, forKey: Key(rawValue: comparison.rawValue)!) {
                    self = .compare(fact: fact, comparison: comparison, value: value)
                    return
                }
            }
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "condition on fact '\(fact)' needs one of is, below, atMost, atLeast, above, incomplete, empty, element, equals, in"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .isTrue(let fact, let expected):
            try c.encode(fact, forKey: .fact)
            try c.encode(expected, forKey: .is)
        case .compare(let fact, let comparison, let value):
            try c.encode(fact, forKey: .fact)
            try c.encode(value, forKey: Key(rawValue: comparison.rawValue)!)
        case .checklistIncomplete(let fact, let expected):
            try c.encode(fact, forKey: .fact)
            try c.encode(expected, forKey: .incomplete)
        case .checklistEmpty(let fact, let expected):
            try c.encode(fact, forKey: .fact)
            try c.encode(expected, forKey: .empty)
        case .element(let fact, let element, let present):
            try c.encode(fact, forKey: .fact)
            try c.encode(element, forKey: .element)
            try c.encode(present, forKey: .is)
        case .choiceIn(let fact, let options):
            try c.encode(fact, forKey: .fact)
            if options.count == 1 { try c.encode(options[0], forKey: .equals) } else { try c.encode(options, forKey: .in) }
        case .all(let list): try c.encode(list, forKey: .all)
        case .any(let list): try c.encode(list, forKey: .any)
        case .not(let inner): try c.encode(inner, forKey: .not)
        case .join(let setting, let list):
            try c.encode(setting, forKey: .join)
            try c.encode(list, forKey: .of)
        case .setting(let setting, let values):
            try c.encode(setting, forKey: .setting)
            if values.count == 1 { try c.encode(values[0], forKey: .equals) } else { try c.encode(values, forKey: .in) }
        }
    }
}
