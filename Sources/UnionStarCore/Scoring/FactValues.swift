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
public struct FactValues: Sendable, Hashable {
    public var values: [FactValue]

    public init(values: [FactValue]) { self.values = values }

    public subscript(slot: Int) -> FactValue {
        get { values[slot] }
        set { values[slot] = newValue }
    }
}
