/// One checked answer, in the form the scorer reads.
public enum FactValue: Sendable, Hashable {
    /// Not asked (its `askedWhen` does not hold) or, in a draft, not yet given.
    case unanswered
    case bool(Bool)
    /// A count or a percentage, in ten-thousandths (`Points.raw`).
    case number(Int64)
    /// Bit i set when element i of the checklist is present.
    case checklist(UInt64)
    /// The index of the chosen option.
    case choice(Int32)
}

/// Checked answers for one scheme, indexed by the scheme's fact order (`Scheme.allFacts`).
///
/// Stored packed, one `Int64` per fact (yes/no as 0/1, numbers raw, checklists as bit masks,
/// choices as indices), so scoring reads plain integers.
public struct FactValues: Sendable, Hashable {
    static let unansweredMark = Int64.min

    /// The packed values; `Int64.min` marks an unanswered fact.
    public private(set) var packed: [Int64]
    let kinds: [Fact.Kind]

    /// All facts unanswered.
    public init(kinds: [Fact.Kind]) {
        self.kinds = kinds
        packed = Array(repeating: FactValues.unansweredMark, count: kinds.count)
    }

    public var count: Int { packed.count }

    public subscript(slot: Int) -> FactValue {
        get {
            let v = packed[slot]
            if v == FactValues.unansweredMark { return .unanswered }
            switch kinds[slot] {
            case .boolean: return .bool(v != 0)
            case .count, .percentage: return .number(v)
            case .checklist: return .checklist(UInt64(bitPattern: v))
            case .choice: return .choice(Int32(v))
            }
        }
        set {
            switch newValue {
            case .unanswered: packed[slot] = FactValues.unansweredMark
            case .bool(let b): packed[slot] = b ? 1 : 0
            case .number(let n): packed[slot] = n
            case .checklist(let mask): packed[slot] = Int64(bitPattern: mask & 0x7FFF_FFFF_FFFF_FFFF)
            case .choice(let index): packed[slot] = Int64(index)
            }
        }
    }
}
