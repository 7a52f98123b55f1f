/// A scheme turned into flat arrays of plain values, so scoring does no lookups by name, no
/// reference counting and no allocation: conditions are nodes that point at their children by
/// index, rules are steps that point at their conditions by index.
struct ConditionNode: Sendable {
    enum Op: UInt8, Sendable {
        case constant, boolIs, below, atMost, atLeast, above
        case incomplete, complete, empty, notEmpty, elementPresent, elementMissing, choiceIn
        case all, any, not
    }

    var op: Op
    var slot: Int32 = 0
    /// Expected bool (0/1), comparison value (raw), or constant (0/1).
    var value: Int64 = 0
    /// Element bit, or option mask.
    var mask: UInt64 = 0
    /// Children: `children[first ..< first + count]`.
    var first: Int32 = 0
    var count: Int32 = 0
}

struct StepNode: Sendable {
    var kind: Rule.Kind
    var points: Int64
    /// The condition node (trigger or guard); −1 for none.
    var condition: Int32
    var slot: Int32 = 0
    var threshold: Int64 = 0
    var unit: Int64 = Points.scale
    var cap: Int64 = 0
    var reading: ShortfallReading = .whole
    /// The most a shortfall or perMissing rule may take (its share, when the floor setting says so).
    var limit: Int64 = .max
}

struct ItemPlan: Sendable {
    var number: Int
    var section: Int
    var base: Int64
    var max: Int64
    var firstStep: Int
    var stepCount: Int
}

/// Which elements of a checklist apply: those always asked, plus those whose condition holds.
struct ChecklistPlan: Sendable {
    var always: UInt64 = 0
    /// `conditionalBits[first ..< first + count]` with `conditionalNodes` alongside.
    var first: Int32 = 0
    var count: Int32 = 0
}

struct CompiledProgram: Sendable {
    var nodes: [ConditionNode] = []
    var children: [Int32] = []
    var steps: [StepNode] = []
    var items: [ItemPlan] = []
    var vetoes: [Int32] = []
    var askedWhen: [Int32] = []
    var checklists: [ChecklistPlan] = []
    var conditionalBits: [UInt64] = []
    var conditionalNodes: [Int32] = []
    var elementLabels: [[String]] = []
}

/// Builds the compiled program from a validated scheme.
struct RuleCompiler {
    let scheme: Scheme
    let slots: [String: Int]
    let facts: [Fact]
    private(set) var program = CompiledProgram()

    init(scheme: Scheme) {
        self.scheme = scheme
        facts = scheme.allFacts
        var slots: [String: Int] = [:]
        for (index, fact) in facts.enumerated() { slots[fact.id] = index }
        self.slots = slots
    }

    static func compile(_ scheme: Scheme) -> (program: CompiledProgram, slots: [String: Int], facts: [Fact]) {
        var compiler = RuleCompiler(scheme: scheme)
        compiler.build()
        return (compiler.program, compiler.slots, compiler.facts)
    }

    private mutating func build() {
        program.checklists = Array(repeating: ChecklistPlan(), count: facts.count)
        program.elementLabels = facts.map { ($0.elements ?? []).map(\.label) }
        for (slot, fact) in facts.enumerated() where fact.type == .checklist {
            var plan = ChecklistPlan()
            var conditional: [(UInt64, Int32)] = []
            for (index, element) in (fact.elements ?? []).enumerated() {
                let bit: UInt64 = 1 << UInt64(index)
                if let when = element.applicableWhen {
                    conditional.append((bit, add(when)))
                } else {
                    plan.always |= bit
                }
            }
            plan.first = Int32(program.conditionalBits.count)
            plan.count = Int32(conditional.count)
            program.conditionalBits += conditional.map(\.0)
            program.conditionalNodes += conditional.map(\.1)
            program.checklists[slot] = plan
        }
        program.askedWhen = facts.map { fact in fact.askedWhen.map { add($0) } ?? -1 }
        for (sectionIndex, section) in scheme.sections.enumerated() {
            for item in section.items {
                let first = program.steps.count
                for rule in item.rules { program.steps.append(step(rule)) }
                program.items.append(ItemPlan(number: item.number, section: sectionIndex, base: item.base.raw,
                                              max: item.max.raw, firstStep: first, stepCount: item.rules.count))
            }
        }
        program.vetoes = scheme.vetoes.map { add($0.when) }
    }

    /// Appends a condition (children first) and returns its node index.
    private mutating func add(_ condition: Condition) -> Int32 {
        var node: ConditionNode
        switch condition {
        case .isTrue(let f, let expected):
            node = ConditionNode(op: .boolIs, slot: slot(f), value: expected ? 1 : 0)
        case .compare(let f, let comparison, let value):
            let op: ConditionNode.Op = switch comparison {
            case .below: .below
            case .atMost: .atMost
            case .atLeast: .atLeast
            case .above: .above
            }
            node = ConditionNode(op: op, slot: slot(f), value: value.raw)
        case .checklistIncomplete(let f, let expected):
            node = ConditionNode(op: expected ? .incomplete : .complete, slot: slot(f))
        case .checklistEmpty(let f, let expected):
            node = ConditionNode(op: expected ? .empty : .notEmpty, slot: slot(f))
        case .element(let f, let element, let present):
            node = ConditionNode(op: present ? .elementPresent : .elementMissing, slot: slot(f),
                                 mask: bit(of: element, in: facts[slots[f]!].elements ?? []))
        case .choiceIn(let f, let options):
            node = ConditionNode(op: .choiceIn, slot: slot(f),
                                 mask: options.reduce(0) { $0 | bit(of: $1, in: facts[slots[f]!].options ?? []) })
        case .all(let list):
            node = group(.all, list)
        case .any(let list):
            node = group(.any, list)
        case .not(let inner):
            node = group(.not, [inner])
        case .join(let setting, let list):
            node = group(scheme.setting(setting)?.value == JoinReading.both.rawValue ? .all : .any, list)
        case .setting(let setting, let values):
            node = ConditionNode(op: .constant, value: values.contains(scheme.setting(setting)?.value ?? "") ? 1 : 0)
        }
        program.nodes.append(node)
        return Int32(program.nodes.count - 1)
    }

    private mutating func group(_ op: ConditionNode.Op, _ list: [Condition]) -> ConditionNode {
        let indices = list.map { add($0) }
        let first = Int32(program.children.count)
        program.children += indices
        return ConditionNode(op: op, first: first, count: Int32(indices.count))
    }

    private func slot(_ id: String) -> Int32 { Int32(slots[id]!) }

    private func bit(of id: String, in elements: [Fact.Element]) -> UInt64 {
        guard let index = elements.firstIndex(where: { $0.id == id }) else { return 0 }
        return 1 << UInt64(index)
    }

    private mutating func step(_ rule: Rule) -> StepNode {
        let condition = rule.when.map { add($0) } ?? -1
        var step = StepNode(kind: rule.kind, points: rule.points.raw, condition: condition)
        if let fact = rule.fact { step.slot = slot(fact) }
        step.threshold = rule.threshold?.raw ?? 0
        step.unit = (rule.unit ?? 1).raw
        step.cap = rule.cap?.raw ?? 0
        step.reading = rule.partial.flatMap { scheme.setting($0) }.flatMap { ShortfallReading(rawValue: $0.value) } ?? .whole
        if let floor = rule.floor, scheme.setting(floor)?.value == FloorReading.share.rawValue, let share = rule.share {
            step.limit = share.raw
        }
        return step
    }
}
