/// Scores answers against one scheme: item by item, clamped to [0, max], exact to the half point,
/// then vetoes, and the tier as `TierDecision` decides it. Build one per scheme and reuse it; it is immutable and thread-safe.
public struct Scorer: Sendable {
    public let scheme: Scheme
    let facts: [Fact]
    let slots: [String: Int]
    let program: CompiledProgram
    let kinds: [Fact.Kind]

    /// Compiles a scheme; the scheme is validated first, so a hand-built bad one is refused too.
    public init(_ scheme: Scheme) throws(SchemeError) {
        var validator = SchemeValidator(scheme: scheme, file: scheme.id)
        try validator.validate()
        let compiled = RuleCompiler.compile(scheme)
        self.scheme = scheme
        facts = compiled.facts
        slots = compiled.slots
        program = compiled.program
        kinds = compiled.facts.map(\.type)
    }

    public func slot(of factID: String) -> Int? { slots[factID] }

    /// No answers yet: every fact unanswered.
    public func emptyValues() -> FactValues { FactValues(kinds: kinds) }

    // MARK: Scoring

    /// The full breakdown: every item with the rules that applied, sections, total, tier, vetoes.
    public func assess(_ values: FactValues) -> Assessment {
        let schemeItems = scheme.items
        let (itemScores, hits) = withEvaluator(values) { evaluator in
            var recorder = BreakdownRecorder()
            var itemScores: [ItemScore] = []
            itemScores.reserveCapacity(program.items.count)
            for (index, item) in program.items.enumerated() {
                recorder.applied = []
                let (score, unclamped) = evaluator.score(item, &recorder)
                let rules = schemeItems[index].rules
                let applied = recorder.applied.map { record in
                    AppliedRule(rule: rules[record.step - item.firstStep], delta: record.delta.map(Points.init(raw:)), detail: record.detail)
                }
                itemScores.append(ItemScore(
                    number: item.number, section: item.section, score: Points(raw: score), max: Points(raw: item.max),
                    applied: applied, floored: unclamped < 0, capped: unclamped > item.max))
            }
            let hits = zip(scheme.vetoes, program.vetoes).filter { evaluator.holds($1) }.map { VetoHit(id: $0.0.id, text: $0.0.text) }
            return (itemScores, hits)
        }
        let total = itemScores.reduce(Points.zero) { $0 + $1.score }
        let sections = scheme.sections.enumerated().map { index, section in
            SectionScore(title: section.title, max: section.max,
                         score: itemScores.filter { $0.section == index }.reduce(Points.zero) { $0 + $1.score })
        }
        let decision = TierDecision.decide(total: total, vetoed: !hits.isEmpty, tiers: scheme.tiers)
        return Assessment(
            schemeID: scheme.id, total: total, max: scheme.total,
            scoreTier: decision.reached.map { TierReference(scheme.tiers[$0]) },
            tier: decision.named.map { TierReference(scheme.tiers[$0]) }, vetoes: hits,
            sections: sections, items: itemScores)
    }

    /// The total, the tier the score reaches (index into `scheme.tiers`) and whether a veto holds,
    /// without building a breakdown: the hot path for bulk scoring.
    public func quickScore(_ values: FactValues) -> QuickScore {
        withEvaluator(values) { evaluator in
            var recorder = DiscardingRecorder()
            var total: Int64 = 0
            for item in evaluator.items {
                total += evaluator.score(item, &recorder).score
            }
            var vetoed = false
            for veto in evaluator.vetoes where evaluator.holds(veto) {
                vetoed = true
                break
            }
            let decision = TierDecision.decide(total: Points(raw: total), vetoed: vetoed, tiers: scheme.tiers)
            return QuickScore(total: Points(raw: total), tierIndex: decision.reached, namedTierIndex: decision.named, vetoed: vetoed)
        }
    }

    /// Checks and scores answers as given.
    public func assess(_ answers: Answers) throws(AnswerError) -> Assessment {
        assess(try resolve(answers))
    }

    /// Whether a condition holds for these values (used while checking answers).
    func holds(_ node: Int32, _ values: FactValues) -> Bool {
        withEvaluator(values) { $0.holds(node) }
    }

    func applicableMask(_ slot: Int, _ values: FactValues) -> UInt64 {
        withEvaluator(values) { $0.applicable(Int32(slot)) }
    }

    @inline(__always)
    func withEvaluator<T>(_ values: FactValues, _ body: (Evaluator) -> T) -> T {
        values.packed.withUnsafeBufferPointer { v in
            program.nodes.withUnsafeBufferPointer { nodes in
                program.children.withUnsafeBufferPointer { children in
                    program.steps.withUnsafeBufferPointer { steps in
                        program.items.withUnsafeBufferPointer { items in
                            program.checklists.withUnsafeBufferPointer { checklists in
                                program.conditionalBits.withUnsafeBufferPointer { bits in
                                    program.conditionalNodes.withUnsafeBufferPointer { conditional in
                                        program.vetoes.withUnsafeBufferPointer { vetoes in
                                            body(Evaluator(values: v, nodes: nodes, children: children, steps: steps, items: items,
                                                           checklists: checklists, conditionalBits: bits, conditionalNodes: conditional,
                                                           vetoes: vetoes, labels: program.elementLabels))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Scores one set of packed values over the compiled program; lives only inside `withEvaluator`.
struct Evaluator {
    let values: UnsafeBufferPointer<Int64>
    let nodes: UnsafeBufferPointer<ConditionNode>
    let children: UnsafeBufferPointer<Int32>
    let steps: UnsafeBufferPointer<StepNode>
    let items: UnsafeBufferPointer<ItemPlan>
    let checklists: UnsafeBufferPointer<ChecklistPlan>
    let conditionalBits: UnsafeBufferPointer<UInt64>
    let conditionalNodes: UnsafeBufferPointer<Int32>
    let vetoes: UnsafeBufferPointer<Int32>
    let labels: [[String]]

    static let unanswered = FactValues.unansweredMark

    /// Scores one item: (clamped score, unclamped sum), raw.
    @inline(__always)
    func score<R: StepRecorder>(_ item: ItemPlan, _ recorder: inout R) -> (score: Int64, unclamped: Int64) {
        var score = item.base
        var zeroed = false
        for index in item.firstStep ..< item.firstStep + item.stepCount {
            let step = steps[index]
            switch step.kind {
            case .deduct:
                if holds(step.condition) {
                    score -= step.points
                    recorder.record(step: index, delta: -step.points, detail: nil)
                }
            case .zero:
                if holds(step.condition) {
                    zeroed = true
                    recorder.record(step: index, delta: nil, detail: nil)
                }
            case .bonus:
                if holds(step.condition) {
                    score += step.points
                    recorder.record(step: index, delta: step.points, detail: nil)
                }
            case .perMissing:
                let value = values[Int(step.slot)]
                guard value != Self.unanswered, step.condition < 0 || holds(step.condition) else { continue }
                let missing = applicable(step.slot) & ~UInt64(bitPattern: value)
                let count = Int64(missing.nonzeroBitCount)
                if count > 0 {
                    let deduction = min(step.points * count, step.limit)
                    score -= deduction
                    if R.wantsDetail {
                        recorder.record(step: index, delta: -deduction, detail: .missing(elementLabels(missing, step.slot)))
                    }
                }
            case .shortfall:
                let value = values[Int(step.slot)]
                guard value != Self.unanswered, value < step.threshold, step.condition < 0 || holds(step.condition) else { continue }
                let short = step.threshold - value
                let full: Int64 = switch step.reading {
                case .proportional: Points(raw: short).multiplied(by: Points(raw: step.points)).raw * Points.scale / step.unit
                case .whole: short / step.unit * step.points
                case .started: (short + step.unit - 1) / step.unit * step.points
                }
                let deduction = min(full, step.limit)
                if deduction > 0 {
                    score -= deduction
                    recorder.record(step: index, delta: -deduction, detail: R.wantsDetail ? .shortBy(Points(raw: value), Points(raw: short)) : nil)
                }
            case .perEvent:
                let value = values[Int(step.slot)]
                guard value != Self.unanswered, value > 0, step.condition < 0 || holds(step.condition) else { continue }
                let gained = min(value / Points.scale * step.points, step.cap)
                score += gained
                recorder.record(step: index, delta: gained, detail: R.wantsDetail ? .times(value / Points.scale) : nil)
            }
        }
        if zeroed { return (0, score) }
        return (min(max(score, 0), item.max), score)
    }

    func holds(_ index: Int32) -> Bool {
        let node = nodes[Int(index)]
        switch node.op {
        case .constant:
            return node.value != 0
        case .boolIs:
            return values[Int(node.slot)] == node.value
        case .below, .atMost, .atLeast, .above:
            let v = values[Int(node.slot)]
            guard v != Self.unanswered else { return false }
            switch node.op {
            case .below: return v < node.value
            case .atMost: return v <= node.value
            case .atLeast: return v >= node.value
            default: return v > node.value
            }
        case .incomplete, .complete:
            let v = values[Int(node.slot)]
            guard v != Self.unanswered else { return false }
            let isIncomplete = applicable(node.slot) & ~UInt64(bitPattern: v) != 0
            return isIncomplete == (node.op == .incomplete)
        case .empty, .notEmpty:
            let v = values[Int(node.slot)]
            guard v != Self.unanswered else { return false }
            let applicableMask = applicable(node.slot)
            let isEmpty = applicableMask != 0 && applicableMask & UInt64(bitPattern: v) == 0
            return isEmpty == (node.op == .empty)
        case .elementPresent, .elementMissing:
            let v = values[Int(node.slot)]
            guard v != Self.unanswered else { return false }
            return (UInt64(bitPattern: v) & node.mask != 0) == (node.op == .elementPresent)
        case .choiceIn:
            let v = values[Int(node.slot)]
            guard v != Self.unanswered, v >= 0, v < 64 else { return false }
            return node.mask & (1 << UInt64(v)) != 0
        case .all:
            for i in Int(node.first) ..< Int(node.first + node.count) where !holds(children[i]) { return false }
            return true
        case .any:
            for i in Int(node.first) ..< Int(node.first + node.count) where holds(children[i]) { return true }
            return false
        case .not:
            return !holds(children[Int(node.first)])
        }
    }

    func applicable(_ slot: Int32) -> UInt64 {
        let plan = checklists[Int(slot)]
        var mask = plan.always
        for i in Int(plan.first) ..< Int(plan.first + plan.count) where holds(conditionalNodes[i]) {
            mask |= conditionalBits[i]
        }
        return mask
    }

    func elementLabels(_ mask: UInt64, _ slot: Int32) -> [String] {
        let all = labels[Int(slot)]
        return all.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { all[$0] }
    }
}

/// The hot-path result: total, tier reached and tier named (indices into the scheme's tiers), veto.
public struct QuickScore: Sendable, Hashable {
    public var total: Points
    /// The tier the total reaches, vetoes aside.
    public var tierIndex: Int?
    /// The tier the union can be named at: `tierIndex` unless a veto holds.
    public var namedTierIndex: Int?
    public var vetoed: Bool
}

/// What a rule did beyond its points, for the breakdown line.
enum StepDetail: Sendable {
    case missing([String])
    case shortBy(Points, Points)
    case times(Int64)
}

protocol StepRecorder {
    static var wantsDetail: Bool { get }
    mutating func record(step: Int, delta: Int64?, detail: StepDetail?)
}

struct DiscardingRecorder: StepRecorder {
    static var wantsDetail: Bool { false }
    @inline(__always) mutating func record(step: Int, delta: Int64?, detail: StepDetail?) {}
}

struct BreakdownRecorder: StepRecorder {
    static var wantsDetail: Bool { true }
    var applied: [(step: Int, delta: Int64?, detail: StepDetail?)] = []
    mutating func record(step: Int, delta: Int64?, detail: StepDetail?) {
        applied.append((step, delta, detail))
    }
}
