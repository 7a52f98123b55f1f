/// A scheme turned into flat, index-addressed rules, so scoring does no lookups by name.
indirect enum CompiledCondition: Sendable {
    case constant(Bool)
    case bool(slot: Int, expected: Bool)
    case compare(slot: Int, comparison: Condition.Comparison, raw: Int64)
    case incomplete(slot: Int, expected: Bool)
    case empty(slot: Int, expected: Bool)
    case element(slot: Int, bit: UInt64, present: Bool)
    case choice(slot: Int, mask: UInt64)
    case all([CompiledCondition])
    case any([CompiledCondition])
    case not(CompiledCondition)
}

/// Which elements of a checklist apply: those always asked, plus those whose condition holds.
struct ChecklistPlan: Sendable {
    var always: UInt64
    var conditional: [(bit: UInt64, when: CompiledCondition)]
    var labels: [String]
}

enum CompiledStep: Sendable {
    case deduct(points: Int64, when: CompiledCondition)
    case zero(when: CompiledCondition)
    case perMissing(slot: Int, points: Int64, guard: CompiledCondition)
    case shortfall(slot: Int, threshold: Int64, points: Int64, unit: Int64, reading: ShortfallReading, guard: CompiledCondition)
    case perEvent(slot: Int, points: Int64, cap: Int64, guard: CompiledCondition)
    case bonus(points: Int64, when: CompiledCondition)
}

struct CompiledItem: Sendable {
    var number: Int
    var section: Int
    var base: Int64
    var max: Int64
    var steps: [CompiledStep]
}

struct CompiledVeto: Sendable {
    var when: CompiledCondition
}

/// Builds the compiled form from a validated scheme.
struct RuleCompiler {
    let scheme: Scheme
    let slots: [String: Int]
    let facts: [Fact]

    init(scheme: Scheme) {
        self.scheme = scheme
        facts = scheme.allFacts
        var slots: [String: Int] = [:]
        for (index, fact) in facts.enumerated() { slots[fact.id] = index }
        self.slots = slots
    }

    func condition(_ c: Condition) -> CompiledCondition {
        switch c {
        case .isTrue(let f, let expected): .bool(slot: slots[f]!, expected: expected)
        case .compare(let f, let comparison, let value): .compare(slot: slots[f]!, comparison: comparison, raw: value.raw)
        case .checklistIncomplete(let f, let expected): .incomplete(slot: slots[f]!, expected: expected)
        case .checklistEmpty(let f, let expected): .empty(slot: slots[f]!, expected: expected)
        case .element(let f, let element, let present):
            .element(slot: slots[f]!, bit: bit(of: element, in: facts[slots[f]!].elements ?? []), present: present)
        case .choiceIn(let f, let options):
            .choice(slot: slots[f]!, mask: options.reduce(0) { $0 | bit(of: $1, in: facts[slots[f]!].options ?? []) })
        case .all(let list): .all(list.map(condition))
        case .any(let list): .any(list.map(condition))
        case .not(let inner): .not(condition(inner))
        case .join(let setting, let list):
            scheme.setting(setting)?.value == JoinReading.both.rawValue ? .all(list.map(condition)) : .any(list.map(condition))
        }
    }

    func bit(of id: String, in elements: [Fact.Element]) -> UInt64 {
        guard let index = elements.firstIndex(where: { $0.id == id }) else { return 0 }
        return 1 << UInt64(index)
    }

    func checklistPlans() -> [ChecklistPlan?] {
        facts.map { fact in
            guard fact.type == .checklist, let elements = fact.elements else { return nil }
            var plan = ChecklistPlan(always: 0, conditional: [], labels: elements.map(\.label))
            for (index, element) in elements.enumerated() {
                let bit: UInt64 = 1 << UInt64(index)
                if let when = element.applicableWhen {
                    plan.conditional.append((bit, condition(when)))
                } else {
                    plan.always |= bit
                }
            }
            return plan
        }
    }

    func items() -> [CompiledItem] {
        var result: [CompiledItem] = []
        for (sectionIndex, section) in scheme.sections.enumerated() {
            for item in section.items {
                result.append(CompiledItem(
                    number: item.number, section: sectionIndex, base: item.base.raw, max: item.max.raw,
                    steps: item.rules.map(step)))
            }
        }
        return result
    }

    func step(_ rule: Rule) -> CompiledStep {
        let when = rule.when.map(condition)
        switch rule.kind {
        case .deduct: return .deduct(points: rule.points.raw, when: when ?? .constant(false))
        case .zero: return .zero(when: when ?? .constant(false))
        case .bonus: return .bonus(points: rule.points.raw, when: when ?? .constant(false))
        case .perMissing:
            return .perMissing(slot: slots[rule.fact!]!, points: rule.points.raw, guard: when ?? .constant(true))
        case .perEvent:
            return .perEvent(slot: slots[rule.fact!]!, points: rule.points.raw, cap: rule.cap!.raw, guard: when ?? .constant(true))
        case .shortfall:
            let reading = rule.partial.flatMap { scheme.setting($0) }.flatMap { ShortfallReading(rawValue: $0.value) } ?? .proportional
            return .shortfall(slot: slots[rule.fact!]!, threshold: rule.threshold!.raw, points: rule.points.raw,
                              unit: (rule.unit ?? 1).raw, reading: reading, guard: when ?? .constant(true))
        }
    }
}
