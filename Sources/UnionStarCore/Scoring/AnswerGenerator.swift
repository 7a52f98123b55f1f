import Foundation

/// Random but plausible answers for a scheme, from a seed, for benchmarks and property tests.
public struct AnswerGenerator: Sendable {
    private var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    public mutating func next() -> UInt64 { random.next() }

    public mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Checked values, mostly compliant (about 80% per fact), so totals spread over all tiers.
    public mutating func values(for scorer: Scorer) -> FactValues {
        var values = scorer.emptyValues()
        for (slot, fact) in scorer.facts.enumerated() {
            let compliant = next(below: 10) < 8
            switch fact.type {
            case .boolean:
                let ideal: Bool = if case .bool(let b) = fact.ideal { b } else { true }
                values[slot] = .bool(compliant ? ideal : !ideal)
            case .count:
                values[slot] = .number(Int64(next(below: 5)) * Points.scale)
            case .percentage:
                let rate = compliant ? 100 - next(below: 10) : 60 + next(below: 40)
                let half = rate < 100 && next(below: 2) == 1 ? Points.scale / 2 : 0
                values[slot] = .number(Int64(rate) * Points.scale + half)
            case .checklist:
                let n = fact.elements?.count ?? 0
                let all: UInt64 = (1 << UInt64(n)) - 1
                values[slot] = .checklist(compliant ? all : next() & all)
            case .choice:
                values[slot] = .choice(Int32(next(below: fact.options?.count ?? 1)))
            }
        }
        return values
    }

    /// The same kind of answers in the form a file gives them.
    public mutating func answers(for scorer: Scorer) -> Answers {
        let values = values(for: scorer)
        var answers = Answers()
        for (index, fact) in scorer.facts.enumerated() {
            switch values[index] {
            case .bool(let b): answers.facts[fact.id] = .bool(b)
            case .number(let raw): answers.facts[fact.id] = .number(Decimal(string: Points(raw: raw).description)!)
            case .checklist(let mask):
                answers.facts[fact.id] = .list((fact.elements ?? []).enumerated()
                    .filter { mask & (1 << UInt64($0.offset)) != 0 }.map(\.element.id))
            case .choice(let index): answers.facts[fact.id] = .option(fact.options![Int(index)].id)
            case .unanswered: break
            }
        }
        return answers
    }
}
