/// Checks a decoded scheme before anyone is scored by it: sums, references, types, settings.
struct SchemeValidator {
    let scheme: Scheme
    let file: String
    private var factsByID: [String: Fact] = [:]

    init(scheme: Scheme, file: String) {
        self.scheme = scheme
        self.file = file
    }

    private func fail(_ location: SchemeError.Location, _ zh: String, _ en: String) -> SchemeError {
        SchemeError(file: file, location: location, reason: LocalizedText(zh: zh, en: en))
    }

    mutating func validate() throws(SchemeError) {
        try checkHeader()
        try checkSettings()
        try indexFacts()
        try checkSections()
        try checkTiers()
        for veto in scheme.vetoes {
            try checkCondition(veto.when, at: .veto(veto.id))
        }
        if Set(scheme.vetoes.map(\.id)).count != scheme.vetoes.count {
            throw fail(.file, "否决项编号重复", "veto ids are not unique")
        }
        try checkRewards()
        try checkReReview()
        try checkTimeline()
    }

    private func checkHeader() throws(SchemeError) {
        guard Self.isIdentifier(scheme.id, allowDash: true) else {
            throw fail(.file, "方案编号 '\(scheme.id)' 只能用小写字母、数字和连字符", "scheme id '\(scheme.id)' may hold only lower-case letters, digits and dashes")
        }
        guard !scheme.title.isEmpty else { throw fail(.file, "缺少方案名称", "the scheme has no title") }
        guard scheme.total > .zero else { throw fail(.file, "总分必须大于0", "the total must be above 0") }
    }

    private func checkSettings() throws(SchemeError) {
        var seen = Set<String>()
        for setting in scheme.settings {
            guard seen.insert(setting.id).inserted else {
                throw fail(.setting(setting.id), "设置编号重复", "the setting id is used twice")
            }
            guard setting.options.contains(setting.value) else {
                throw fail(.setting(setting.id), "取值 '\(setting.value)' 不在可选项 \(setting.options) 之中",
                           "value '\(setting.value)' is not one of \(setting.options)")
            }
        }
    }

    private mutating func indexFacts() throws(SchemeError) {
        for fact in scheme.facts { try add(fact, at: .fact(fact.id)) }
        for item in scheme.items {
            for fact in item.facts { try add(fact, at: .item(item.number)) }
        }
        // Conditions inside facts may read any fact, so they are checked once all are known.
        for fact in scheme.facts { try checkFactConditions(fact, at: .fact(fact.id)) }
        for item in scheme.items {
            for fact in item.facts { try checkFactConditions(fact, at: .item(item.number)) }
        }
    }

    private mutating func add(_ fact: Fact, at location: SchemeError.Location) throws(SchemeError) {
        guard Self.isIdentifier(fact.id, allowDash: false) else {
            throw fail(location, "事实项编号 '\(fact.id)' 只能用小写字母、数字和下划线", "fact id '\(fact.id)' may hold only lower-case letters, digits and underscores")
        }
        guard factsByID[fact.id] == nil else {
            throw fail(location, "事实项 '\(fact.id)' 重复定义", "fact '\(fact.id)' is defined twice")
        }
        guard !fact.label.isEmpty else { throw fail(location, "事实项 '\(fact.id)' 缺少说明", "fact '\(fact.id)' has no label") }
        switch fact.type {
        case .checklist:
            let elements = fact.elements ?? []
            guard !elements.isEmpty, elements.count <= 63 else {
                throw fail(location, "清单 '\(fact.id)' 需要1至63个要素", "checklist '\(fact.id)' needs 1 to 63 elements")
            }
            guard Set(elements.map(\.id)).count == elements.count else {
                throw fail(location, "清单 '\(fact.id)' 的要素编号重复", "checklist '\(fact.id)' repeats an element id")
            }
            if let ideal = fact.ideal {
                throw fail(location, "清单 '\(fact.id)' 的理想答案是全部要素，不应写 ideal: \(ideal)", "checklist '\(fact.id)' is ideally complete; drop its `ideal`")
            }
        case .choice:
            let options = fact.options ?? []
            guard options.count >= 2, Set(options.map(\.id)).count == options.count else {
                throw fail(location, "选项 '\(fact.id)' 需要至少两个不重复的选项", "choice '\(fact.id)' needs at least two distinct options")
            }
            guard case .option(let o) = fact.ideal, options.contains(where: { $0.id == o }) else {
                throw fail(location, "选项 '\(fact.id)' 的 ideal 必须是其选项之一", "choice '\(fact.id)' needs an `ideal` that is one of its options")
            }
        case .boolean:
            guard case .bool = fact.ideal else {
                throw fail(location, "是/否项 '\(fact.id)' 需要 ideal: true 或 false", "yes/no fact '\(fact.id)' needs `ideal: true` or `false`")
            }
        case .count:
            guard fact.countMaximum > 0 else {
                throw fail(location, "计数项 '\(fact.id)' 的上限必须大于0", "count '\(fact.id)' needs a maximum above 0")
            }
            guard case .number(let n) = fact.ideal, n.isWhole, n >= .zero, n <= Points(fact.countMaximum) else {
                throw fail(location, "计数项 '\(fact.id)' 需要 0 至 \(fact.countMaximum) 之间的整数 ideal", "count '\(fact.id)' needs a whole `ideal` from 0 to \(fact.countMaximum)")
            }
        case .percentage:
            guard case .number(let n) = fact.ideal, n >= .zero, n <= 100 else {
                throw fail(location, "百分比项 '\(fact.id)' 需要 0 至 100 之间的 ideal", "percentage '\(fact.id)' needs an `ideal` from 0 to 100")
            }
        }
        factsByID[fact.id] = fact
    }

    private func checkFactConditions(_ fact: Fact, at location: SchemeError.Location) throws(SchemeError) {
        if let asked = fact.askedWhen { try checkCondition(asked, at: location) }
        for element in fact.elements ?? [] {
            if let applicable = element.applicableWhen { try checkCondition(applicable, at: location) }
        }
    }

    private func checkSections() throws(SchemeError) {
        guard !scheme.sections.isEmpty else { throw fail(.file, "方案没有任何部分", "the scheme has no sections") }
        var sectionSum = Points.zero
        var numbers = Set<Int>()
        for section in scheme.sections {
            guard section.max > .zero else {
                throw fail(.section(section.title), "分值必须大于0", "its max must be above 0")
            }
            guard !section.items.isEmpty else { throw fail(.section(section.title), "没有任何项目", "it has no items") }
            var itemSum = Points.zero
            for item in section.items {
                guard numbers.insert(item.number).inserted else {
                    throw fail(.item(item.number), "序号重复", "the item number is used twice")
                }
                try checkItem(item)
                itemSum += item.max
            }
            guard itemSum == section.max else {
                throw fail(.section(section.title), "各项分值之和为 \(itemSum)，与本部分分值 \(section.max) 不符",
                           "its items add up to \(itemSum), not to its max \(section.max)")
            }
            sectionSum += section.max
        }
        guard sectionSum == scheme.total else {
            throw fail(.file, "各部分分值之和为 \(sectionSum)，不等于总分 \(scheme.total)",
                       "the sections add up to \(sectionSum), not to the total \(scheme.total)")
        }
    }

    private func checkItem(_ item: Item) throws(SchemeError) {
        let at = SchemeError.Location.item(item.number)
        guard item.max > .zero else { throw fail(at, "分值必须大于0", "its max must be above 0") }
        guard !item.standard.isEmpty else { throw fail(at, "缺少创建标准", "it has no standard text") }
        guard !item.quantification.isEmpty else { throw fail(at, "缺少量化项", "it has no quantification text") }
        guard !item.rules.isEmpty else { throw fail(at, "没有任何评分规则", "it has no scoring rules") }
        for (index, rule) in item.rules.enumerated() {
            try checkRule(rule, number: index + 1, in: item)
        }
        let gain = item.rules.reduce(Points.zero) { $0 + $1.maximumGain }
        guard gain <= item.max else {
            throw fail(at, "加分规则最多可加 \(gain) 分，超过分值 \(item.max)", "its accruing rules can add \(gain), more than its max \(item.max)")
        }
    }

    private func checkRule(_ rule: Rule, number: Int, in item: Item) throws(SchemeError) {
        let at = SchemeError.Location.item(item.number)
        func bad(_ zh: String, _ en: String) -> SchemeError {
            fail(at, "第\(number)条规则（\(rule.kind.rawValue)）\(zh)", "rule \(number) (\(rule.kind.rawValue)) \(en)")
        }
        guard !rule.text.isEmpty, !rule.label.isEmpty else { throw bad("缺少规则原文", "has no text") }
        if let when = rule.when { try checkCondition(when, at: at, rule: number) }
        switch rule.kind {
        case .deduct, .bonus:
            guard rule.when != nil else { throw bad("缺少 when 条件", "needs a `when` condition") }
            guard rule.points > .zero else { throw bad("的分数必须大于0", "needs points above 0") }
        case .zero:
            guard rule.when != nil else { throw bad("缺少 when 条件", "needs a `when` condition") }
        case .perMissing:
            try requireFact(rule, of: [.checklist], bad)
            guard rule.points > .zero else { throw bad("的分数必须大于0", "needs points above 0") }
        case .shortfall:
            try requireFact(rule, of: [.percentage, .count], bad)
            guard rule.points > .zero else { throw bad("的分数必须大于0", "needs points above 0") }
            guard rule.threshold != nil else { throw bad("缺少 threshold", "needs a `threshold`") }
            guard (rule.unit ?? 1) > .zero else { throw bad("的 unit 必须大于0", "needs a `unit` above 0") }
            guard let partialID = rule.partial, let setting = scheme.setting(partialID) else {
                throw bad("需要 partial 指向一个设置（不足一个单位的部分如何扣分）", "needs `partial` naming a setting (how a part-unit counts)")
            }
            guard Set(setting.options).isSubset(of: Set(ShortfallReading.allCases.map(\.rawValue))) else {
                throw bad("的设置 '\(partialID)' 只能取 proportional、whole、started", "setting '\(partialID)' may only offer proportional, whole, started")
            }
        case .perEvent:
            try requireFact(rule, of: [.count], bad)
            guard rule.points > .zero else { throw bad("的分数必须大于0", "needs points above 0") }
            guard let cap = rule.cap, cap > .zero, cap <= item.max else {
                throw bad("需要 0 至本项分值之间的 cap", "needs a `cap` above 0 and at most the item's max")
            }
        }
    }

    private func requireFact(_ rule: Rule, of kinds: Set<Fact.Kind>, _ bad: (String, String) -> SchemeError) throws(SchemeError) {
        guard let id = rule.fact else { throw bad("缺少 fact", "needs a `fact`") }
        guard let fact = factsByID[id] else { throw bad("读取了不存在的事实项 '\(id)'", "reads unknown fact '\(id)'") }
        guard kinds.contains(fact.type) else {
            throw bad("不能读取\(fact.type.label.zh)类事实项 '\(id)'", "cannot read the \(fact.type.rawValue) fact '\(id)'")
        }
    }

    private func checkCondition(_ condition: Condition, at location: SchemeError.Location, rule: Int? = nil) throws(SchemeError) {
        let prefixZh = rule.map { "第\($0)条规则" } ?? ""
        let prefixEn = rule.map { "rule \($0) " } ?? ""
        func bad(_ zh: String, _ en: String) -> SchemeError { fail(location, prefixZh + zh, prefixEn + en) }
        func fact(_ id: String, _ kinds: Set<Fact.Kind>) throws(SchemeError) -> Fact {
            guard let fact = factsByID[id] else { throw bad("读取了不存在的事实项 '\(id)'", "reads unknown fact '\(id)'") }
            guard kinds.contains(fact.type) else {
                throw bad("对\(fact.type.label.zh)类事实项 '\(id)' 用了不适用的条件", "uses a condition that does not fit the \(fact.type.rawValue) fact '\(id)'")
            }
            return fact
        }
        switch condition {
        case .isTrue(let id, _): _ = try fact(id, [.boolean])
        case .compare(let id, _, _): _ = try fact(id, [.count, .percentage])
        case .checklistIncomplete(let id, _), .checklistEmpty(let id, _): _ = try fact(id, [.checklist])
        case .element(let id, let element, _):
            let f = try fact(id, [.checklist])
            guard f.elements?.contains(where: { $0.id == element }) == true else {
                throw bad("读取了清单 '\(id)' 中不存在的要素 '\(element)'", "reads unknown element '\(element)' of checklist '\(id)'")
            }
        case .choiceIn(let id, let options):
            let f = try fact(id, [.choice])
            for option in options where f.options?.contains(where: { $0.id == option }) != true {
                throw bad("读取了选项 '\(id)' 中不存在的选项 '\(option)'", "reads unknown option '\(option)' of choice '\(id)'")
            }
        case .all(let list), .any(let list):
            guard !list.isEmpty else { throw bad("的 all/any 条件为空", "has an empty all/any") }
            for c in list { try checkCondition(c, at: location, rule: rule) }
        case .not(let inner): try checkCondition(inner, at: location, rule: rule)
        case .join(let settingID, let list):
            guard let setting = scheme.setting(settingID) else {
                throw bad("读取了不存在的设置 '\(settingID)'", "reads unknown setting '\(settingID)'")
            }
            guard Set(setting.options).isSubset(of: Set(JoinReading.allCases.map(\.rawValue))) else {
                throw bad("的设置 '\(settingID)' 只能取 either 或 both", "setting '\(settingID)' may only offer either, both")
            }
            guard list.count >= 2 else { throw bad("的 join 至少需要两个条件", "has a join of fewer than two conditions") }
            for c in list { try checkCondition(c, at: location, rule: rule) }
        }
    }

    private func checkTiers() throws(SchemeError) {
        guard !scheme.tiers.isEmpty else { throw fail(.file, "没有设置星级", "the scheme has no tiers") }
        var previous: Points?
        var ids = Set<String>()
        for tier in scheme.tiers {
            guard ids.insert(tier.id).inserted else { throw fail(.tier(tier.id), "星级编号重复", "the tier id is used twice") }
            guard tier.minimum > .zero, tier.minimum <= scheme.total else {
                throw fail(.tier(tier.id), "最低分必须在 0 与总分之间", "its minimum must lie between 0 and the total")
            }
            if let previous, tier.minimum <= previous {
                throw fail(.tier(tier.id), "星级须按最低分从低到高排列", "tiers must be listed from the lowest minimum up")
            }
            previous = tier.minimum
        }
    }

    private func checkRewards() throws(SchemeError) {
        guard let rewards = scheme.rewards else { return }
        for amount in rewards.amounts {
            guard scheme.tier(id: amount.tier) != nil else {
                throw fail(.rewards, "奖励指向不存在的星级 '\(amount.tier)'", "an amount names unknown tier '\(amount.tier)'")
            }
            guard amount.yuan >= .zero else { throw fail(.rewards, "奖励金额不能为负", "an amount is negative") }
        }
        for reduction in rewards.reductions ?? [] {
            guard reduction.factor >= .zero, reduction.factor <= 1 else {
                throw fail(.rewards, "减少系数必须在0与1之间", "a reduction factor must lie between 0 and 1")
            }
        }
    }

    private func checkReReview() throws(SchemeError) {
        guard let policy = scheme.reReview else { return }
        guard policy.intervalYears > 0 else { throw fail(.reReview, "复查间隔必须大于0年", "the interval must be above 0 years") }
        if policy.kind == .revokeBottom {
            guard policy.scoreAtMost != nil, (policy.lastPlaces ?? 0) > 0 else {
                throw fail(.reReview, "revokeBottom 需要 scoreAtMost 和 lastPlaces", "revokeBottom needs scoreAtMost and lastPlaces")
            }
        }
    }

    private func checkTimeline() throws(SchemeError) {
        guard let timeline = scheme.timeline else { return }
        for step in timeline.steps {
            for date in [step.from, step.by].compactMap({ $0 }) where MonthDay(parsing: date) == nil {
                throw fail(.timeline, "步骤 '\(step.id)' 的日期 '\(date)' 不是 MM-DD", "step '\(step.id)' has date '\(date)', not MM-DD")
            }
            if let days = step.workingDays, days <= 0 {
                throw fail(.timeline, "步骤 '\(step.id)' 的工作日数必须大于0", "step '\(step.id)' needs working days above 0")
            }
        }
    }

    static func isIdentifier(_ text: String, allowDash: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || (allowDash && $0 == "-")
        }
    }
}

/// How a join of conditions reads: "either" holds when any does, "both" only when all do.
public enum JoinReading: String, Sendable, CaseIterable {
    case either
    case both
}

/// How a part of a unit counts in a shortfall rule (入会率88.5% against 90%: 1.5 points short).
public enum ShortfallReading: String, Sendable, CaseIterable {
    /// 1.5 points short → 1.5 units.
    case proportional
    /// Only whole units count → 1 unit.
    case whole
    /// Every started unit counts → 2 units.
    case started
}
