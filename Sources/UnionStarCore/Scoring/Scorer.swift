/// Scores answers against one scheme: item by item, clamped to [0, max], exact to the half point,
/// then tier and vetoes. Build one per scheme and reuse it; it is immutable and thread-safe.
public struct Scorer: Sendable {
    public let scheme: Scheme
    let facts: [Fact]
    let slots: [String: Int]
    let plans: [ChecklistPlan?]
    let items: [CompiledItem]
    let vetoes: [CompiledCondition]
    let askedWhen: [CompiledCondition?]
    /// Tier minima in ascending order, raw.
    let tierMinima: [Int64]

    /// Compiles a scheme; the scheme is validated first, so a hand-built bad one is refused too.
    public init(_ scheme: Scheme) throws(SchemeError) {
        var validator = SchemeValidator(scheme: scheme, file: scheme.id)
        try validator.validate()
        let compiler = RuleCompiler(scheme: scheme)
        self.scheme = scheme
        facts = compiler.facts
        slots = compiler.slots
        plans = compiler.checklistPlans()
        items = compiler.items()
        vetoes = scheme.vetoes.map { compiler.condition($0.when) }
        askedWhen = compiler.facts.map { $0.askedWhen.map(compiler.condition) }
        tierMinima = scheme.tiers.map(\.minimum.raw)
    }

    public func slot(of factID: String) -> Int? { slots[factID] }

    // MARK: Scoring

    /// The full breakdown: every item with the rules that applied, sections, total, tier, vetoes.
    public func assess(_ values: FactValues) -> Assessment {
        var recorder = BreakdownRecorder()
        var itemScores: [ItemScore] = []
        itemScores.reserveCapacity(items.count)
        var total: Int64 = 0
        let schemeItems = scheme.items
        for (index, item) in items.enumerated() {
            recorder.applied = []
            let (score, unclamped) = evaluate(item, values, &recorder)
            total += score
            let rules = schemeItems[index].rules
            let applied = recorder.applied.map { record in
                AppliedRule(rule: rules[record.step], delta: record.delta.map(Points.init(raw:)), detail: record.detail)
            }
            itemScores.append(ItemScore(
                number: item.number, section: item.section, score: Points(raw: score), max: Points(raw: item.max),
                applied: applied, floored: unclamped < 0, capped: unclamped > item.max))
        }
        let sections = scheme.sections.enumerated().map { index, section in
            SectionScore(title: section.title, max: section.max,
                         score: itemScores.filter { $0.section == index }.reduce(Points.zero) { $0 + $1.score })
        }
        let hits = zip(scheme.vetoes, vetoes).filter { holds($1, values) }.map { VetoHit(id: $0.0.id, text: $0.0.text) }
        let reached = tierIndex(for: total).map { TierReference(scheme.tiers[$0]) }
        return Assessment(
            schemeID: scheme.id, total: Points(raw: total), max: scheme.total,
            scoreTier: reached, tier: hits.isEmpty ? reached : nil, vetoes: hits,
            sections: sections, items: itemScores)
    }

    /// The total, the tier the score reaches (index into `scheme.tiers`) and whether a veto holds,
    /// without building a breakdown: the hot path for bulk scoring.
    public func quickScore(_ values: FactValues) -> QuickScore {
        var recorder = DiscardingRecorder()
        var total: Int64 = 0
        for item in items {
            total += evaluate(item, values, &recorder).score
        }
        var vetoed = false
        for veto in vetoes where holds(veto, values) {
            vetoed = true
            break
        }
        return QuickScore(total: Points(raw: total), tierIndex: tierIndex(for: total), vetoed: vetoed)
    }

    /// Checks and scores answers as given.
    public func assess(_ answers: Answers) throws(AnswerError) -> Assessment {
        assess(try resolve(answers))
    }

    func tierIndex(for total: Int64) -> Int? {
        var found: Int?
        for (index, minimum) in tierMinima.enumerated() where total >= minimum { found = index }
        return found
    }

    /// Scores one item: (clamped score, unclamped sum), raw.
    @inline(__always)
    func evaluate<R: StepRecorder>(_ item: CompiledItem, _ values: FactValues, _ recorder: inout R) -> (score: Int64, unclamped: Int64) {
        var score = item.base
        var zeroed = false
        for (index, step) in item.steps.enumerated() {
            switch step {
            case .deduct(let points, let when):
                if holds(when, values) {
                    score -= points
                    recorder.record(step: index, delta: -points, detail: nil)
                }
            case .zero(let when):
                if holds(when, values) {
                    zeroed = true
                    recorder.record(step: index, delta: nil, detail: nil)
                }
            case .bonus(let points, let when):
                if holds(when, values) {
                    score += points
                    recorder.record(step: index, delta: points, detail: nil)
                }
            case .perMissing(let slot, let points, let guardCondition):
                guard holds(guardCondition, values), case .checklist(let present) = values[slot] else { continue }
                let missing = applicableMask(slot, values) & ~present
                let count = Int64(missing.nonzeroBitCount)
                if count > 0 {
                    score -= points * count
                    if R.wantsDetail {
                        recorder.record(step: index, delta: -points * count, detail: .missing(labels(of: missing, in: slot)))
                    }
                }
            case .shortfall(let slot, let threshold, let points, let unit, let reading, let guardCondition):
                guard holds(guardCondition, values), case .number(let value) = values[slot], value < threshold else { continue }
                let short = threshold - value
                let deduction: Int64 = switch reading {
                case .proportional: Points(raw: short).multiplied(by: Points(raw: points)).raw * Points.scale / unit
                case .whole: short / unit * points
                case .started: (short + unit - 1) / unit * points
                }
                if deduction > 0 {
                    score -= deduction
                    recorder.record(step: index, delta: -deduction, detail: .shortBy(Points(raw: value), Points(raw: short)))
                }
            case .perEvent(let slot, let points, let cap, let guardCondition):
                guard holds(guardCondition, values), case .number(let count) = values[slot], count > 0 else { continue }
                let gained = min(count / Points.scale * points, cap)
                score += gained
                recorder.record(step: index, delta: gained, detail: .times(count / Points.scale))
            }
        }
        if zeroed { return (0, score) }
        return (min(max(score, 0), item.max), score)
    }

    func holds(_ condition: CompiledCondition, _ values: FactValues) -> Bool {
        switch condition {
        case .constant(let value):
            return value
        case .bool(let slot, let expected):
            if case .bool(let b) = values[slot] { return b == expected }
            return false
        case .compare(let slot, let comparison, let raw):
            if case .number(let n) = values[slot] { return comparison.holds(n, raw) }
            return false
        case .incomplete(let slot, let expected):
            if case .checklist(let present) = values[slot] {
                return (applicableMask(slot, values) & ~present != 0) == expected
            }
            return false
        case .empty(let slot, let expected):
            if case .checklist(let present) = values[slot] {
                let applicable = applicableMask(slot, values)
                return (applicable != 0 && applicable & present == 0) == expected
            }
            return false
        case .element(let slot, let bit, let present):
            if case .checklist(let mask) = values[slot] { return (mask & bit != 0) == present }
            return false
        case .choice(let slot, let mask):
            if case .choice(let index) = values[slot] { return mask & (1 << UInt64(index)) != 0 }
            return false
        case .all(let list):
            for c in list where !holds(c, values) { return false }
            return true
        case .any(let list):
            for c in list where holds(c, values) { return true }
            return false
        case .not(let inner):
            return !holds(inner, values)
        }
    }

    func applicableMask(_ slot: Int, _ values: FactValues) -> UInt64 {
        guard let plan = plans[slot] else { return 0 }
        var mask = plan.always
        for (bit, when) in plan.conditional where holds(when, values) { mask |= bit }
        return mask
    }

    func labels(of mask: UInt64, in slot: Int) -> [String] {
        guard let plan = plans[slot] else { return [] }
        return plan.labels.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { plan.labels[$0] }
    }
}

/// The hot-path result: total, tier reached (index into the scheme's tiers) and veto.
public struct QuickScore: Sendable, Hashable {
    public var total: Points
    public var tierIndex: Int?
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
