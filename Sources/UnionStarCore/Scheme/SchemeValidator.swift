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
        try checkNotes()
        try checkSettingsAreRead()
    }

    private func checkHeader() throws(SchemeError) {
        guard Self.isIdentifier(scheme.id, allowDash: true) else {
            throw fail(.file, "方案编号 '\(scheme.id)' 只能用小写字母、数字和连字符", "scheme id '\(scheme.id)' may hold only lower-case letters, digits and dashes")
        }
        guard !scheme.title.isEmpty else { throw fail(.file, "缺少方案名称", "the scheme has no title") }
        guard scheme.total > .zero else { throw fail(.file, "总分必须大于0", "the total must be above 0") }
        for kind in scheme.appliesTo where UnionKind(rawValue: kind) == nil {
            throw fail(.file, "appliesTo 中的 '\(kind)' 不是基层工会类型", "appliesTo names '\(kind)', which is not a kind of union")
        }
        for section in scheme.sections where (section.titleEn ?? "").isEmpty {
            throw fail(.section(section.title), "缺少英文名称 titleEn", "it has no English title (titleEn)")
        }
        for veto in scheme.vetoes where (veto.textEn ?? "").isEmpty {
            throw fail(.veto(veto.id), "缺少英文文字 textEn", "it has no English text (textEn)")
        }
    }

    private func checkSettings() throws(SchemeError) {
        var seen = Set<String>()
        for setting in scheme.settings {
            let at = SchemeError.Location.setting(setting.id)
            guard Self.isIdentifier(setting.id, allowDash: false) else {
                throw fail(at, "设置编号只能用小写字母、数字和下划线", "the setting id may hold only lower-case letters, digits and underscores")
            }
            guard seen.insert(setting.id).inserted else {
                throw fail(at, "设置编号重复", "the setting id is used twice")
            }
            guard !setting.label.isEmpty, !setting.labelEn.isEmpty else {
                throw fail(at, "需要中文说明 label 和英文说明 labelEn", "it needs a Chinese `label` and an English `labelEn`")
            }
            guard setting.options.count >= 2, Set(setting.optionIDs).count == setting.options.count else {
                throw fail(at, "需要至少两个不重复的可选项", "it needs at least two distinct options")
            }
            for option in setting.options where option.label.isEmpty || option.labelEn.isEmpty {
                throw fail(at, "可选项 '\(option.id)' 需要 label 和 labelEn", "option '\(option.id)' needs a `label` and a `labelEn`")
            }
            guard setting.optionIDs.contains(setting.value) else {
                throw fail(at, "取值 '\(setting.value)' 不在可选项 \(setting.optionIDs) 之中",
                           "value '\(setting.value)' is not one of \(setting.optionIDs)")
            }
        }
    }

    /// A setting's options must be readings the engine knows for every place that reads it.
    private func requireReadings(_ settingID: String, _ known: [String], _ bad: (String, String) -> SchemeError) throws(SchemeError) {
        guard let setting = scheme.setting(settingID) else {
            throw bad("读取了不存在的设置 '\(settingID)'", "reads unknown setting '\(settingID)'")
        }
        guard Set(setting.optionIDs).isSubset(of: Set(known)) else {
            throw bad("的设置 '\(settingID)' 只能取 \(known.joined(separator: "、"))", "setting '\(settingID)' may only offer \(known.joined(separator: ", "))")
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
        try checkLabelsByKind(fact.labelByKind, of: fact.id, at: location)
        for element in (fact.elements ?? []) + (fact.options ?? []) {
            try checkLabelsByKind(element.labelByKind, of: "\(fact.id).\(element.id)", at: location)
        }
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

    /// Labels by kind name kinds the scheme is for, and say something.
    private func checkLabelsByKind(_ labels: [String: String]?, of owner: String, at location: SchemeError.Location) throws(SchemeError) {
        for (kind, label) in (labels ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard UnionKind(rawValue: kind) != nil, scheme.appliesTo.contains(kind) else {
                throw fail(location, "'\(owner)' 的 labelByKind 中 '\(kind)' 不是本方案适用的基层工会类型 \(scheme.appliesTo)",
                           "labelByKind of '\(owner)' names '\(kind)', not a kind this scheme is for \(scheme.appliesTo)")
            }
            guard !label.isEmpty else {
                throw fail(location, "'\(owner)' 的 labelByKind 中 '\(kind)' 为空", "labelByKind of '\(owner)' is empty for '\(kind)'")
            }
        }
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
            guard let partialID = rule.partial else {
                throw bad("需要 partial 指向一个设置（不足一个单位的部分如何扣分）", "needs `partial` naming a setting (how a part-unit counts)")
            }
            try requireReadings(partialID, ShortfallReading.allCases.map(\.rawValue), bad)
        case .perEvent:
            try requireFact(rule, of: [.count], bad)
            guard rule.points > .zero else { throw bad("的分数必须大于0", "needs points above 0") }
            guard let cap = rule.cap, cap > .zero, cap <= item.max else {
                throw bad("需要 0 至本项分值之间的 cap", "needs a `cap` above 0 and at most the item's max")
            }
        }
        switch (rule.floor, rule.share) {
        case (nil, nil):
            break
        case (let floorID?, let share?):
            guard rule.kind == .shortfall || rule.kind == .perMissing else {
                throw bad("不能带 floor/share（只用于 shortfall、perMissing）", "cannot take floor/share (only shortfall and perMissing can)")
            }
            try requireReadings(floorID, FloorReading.allCases.map(\.rawValue), bad)
            guard share > .zero, share <= item.max else {
                throw bad("的 share 必须在 0 与本项分值之间", "needs a `share` above 0 and at most the item's max")
            }
        default:
            throw bad("的 floor 与 share 须同时给出", "needs `floor` and `share` together")
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
        case .setting(let settingID, let values):
            guard let setting = scheme.setting(settingID) else {
                throw bad("读取了不存在的设置 '\(settingID)'", "reads unknown setting '\(settingID)'")
            }
            guard !values.isEmpty else { throw bad("的设置条件没有取值", "has a setting condition with no values") }
            for value in values where !setting.optionIDs.contains(value) {
                throw bad("读取了设置 '\(settingID)' 中不存在的可选项 '\(value)'", "reads unknown option '\(value)' of setting '\(settingID)'")
            }
        case .join(let settingID, let list):
            try requireReadings(settingID, JoinReading.allCases.map(\.rawValue), bad)
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
            guard (tier.honours ?? []).count == (tier.honoursEn ?? []).count else {
                throw fail(.tier(tier.id), "honours 与 honoursEn 须一一对应", "honours and honoursEn must match one for one")
            }
        }
    }

    private func checkRewards() throws(SchemeError) {
        guard let rewards = scheme.rewards else { return }
        guard !(rewards.textEn ?? "").isEmpty else { throw fail(.rewards, "缺少英文文字 textEn", "it has no English text (textEn)") }
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
        guard !(policy.textEn ?? "").isEmpty else { throw fail(.reReview, "缺少英文文字 textEn", "it has no English text (textEn)") }
        if let first = policy.firstYear, first > scheme.year + 50 || first < 1949 {
            throw fail(.reReview, "firstYear \(first) 不合理", "firstYear \(first) is not plausible")
        }
        if policy.kind == .revokeBottom {
            guard policy.scoreAtMost != nil, (policy.lastPlaces ?? 0) > 0 else {
                throw fail(.reReview, "revokeBottom 需要 scoreAtMost 和 lastPlaces", "revokeBottom needs scoreAtMost and lastPlaces")
            }
        }
    }

    private func checkTimeline() throws(SchemeError) {
        guard let timeline = scheme.timeline else { return }
        var ids = Set<String>()
        for step in timeline.steps {
            func bad(_ zh: String, _ en: String) -> SchemeError { fail(.timeline, "步骤 '\(step.id)' \(zh)", "step '\(step.id)' \(en)") }
            guard ids.insert(step.id).inserted else { throw bad("重复", "is listed twice") }
            guard !step.label.isEmpty, !step.labelEn.isEmpty else { throw bad("需要 label 和 labelEn", "needs a `label` and a `labelEn`") }
            for date in [step.from, step.by].compactMap({ $0 }) where MonthDay(parsing: date) == nil {
                throw bad("的日期 '\(date)' 不是 MM-DD", "has date '\(date)', not MM-DD")
            }
            if let from = step.fromDay, let by = step.byDay, by < from {
                throw bad("的起始日 \(from) 晚于截止日 \(by)", "starts on \(from), after its end \(by)")
            }
            if let days = step.workingDays {
                guard days > 0 else { throw bad("的工作日数必须大于0", "needs working days above 0") }
                guard step.from == nil, step.by == nil else {
                    throw bad("是公示期（按工作日计），不能再写 from/by：它从上一步结束的次日开始", "is a notice in working days and takes no from/by: it starts the day after the step before it ends")
                }
            }
            switch step.origin {
            case .seed:
                guard let quote = step.quote, !quote.isEmpty else {
                    throw bad("标为文件原文（seed），须用 quote 引用原文", "is marked seed and needs the seed's words in `quote`")
                }
            case .ourDefault:
                guard step.note != nil else {
                    throw bad("标为本系统默认（default），须用 note/noteEn 说明理由", "is marked default and needs `note`/`noteEn` saying why")
                }
            }
        }
    }

    /// Every note of ours is given in both languages: `note` in Chinese, `noteEn` in English.
    private func checkNotes() throws(SchemeError) {
        func check(_ annotated: some BilingualNote, at location: SchemeError.Location, _ zhOwner: String = "", _ enOwner: String = "") throws(SchemeError) {
            switch (annotated.note, annotated.noteEn) {
            case (nil, nil):
                return
            case (let zh?, let en?):
                guard zh.unicodeScalars.contains(where: Self.isHan) else {
                    throw fail(location, "\(zhOwner)的 note 须为中文（英文写在 noteEn）", "\(enOwner)`note` must be Chinese (English goes in `noteEn`)")
                }
                guard !Self.hasSpaceBetweenChineseCharacters(zh) else {
                    throw fail(location, "\(zhOwner)的 note 在汉字之间有空格（多行文字折行所致？）", "\(enOwner)`note` has a space between Chinese characters (a folded line?)")
                }
                guard en.unicodeScalars.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else {
                    throw fail(location, "\(zhOwner)的 noteEn 须为英文", "\(enOwner)`noteEn` must be English")
                }
            default:
                throw fail(location, "\(zhOwner)须同时给出 note（中文）和 noteEn（英文）", "\(enOwner)needs both `note` (Chinese) and `noteEn` (English)")
            }
        }
        try check(scheme, at: .file, "方案", "the scheme ")
        for setting in scheme.settings { try check(setting, at: .setting(setting.id)) }
        for fact in scheme.facts { try check(fact, at: .fact(fact.id)) }
        for item in scheme.items {
            try check(item, at: .item(item.number))
            for fact in item.facts { try check(fact, at: .item(item.number), "事实项 '\(fact.id)' ", "fact '\(fact.id)' ") }
            for (index, rule) in item.rules.enumerated() { try check(rule, at: .item(item.number), "第\(index + 1)条规则", "rule \(index + 1) ") }
        }
        for veto in scheme.vetoes { try check(veto, at: .veto(veto.id)) }
        for reduction in scheme.rewards?.reductions ?? [] { try check(reduction, at: .rewards) }
        if let policy = scheme.reReview { try check(policy, at: .reReview) }
        for step in scheme.timeline?.steps ?? [] { try check(step, at: .timeline, "步骤 '\(step.id)' ", "step '\(step.id)' ") }
    }

    /// A setting nothing reads is a reading that changes nothing: refused.
    private func checkSettingsAreRead() throws(SchemeError) {
        var read = Set<String>()
        func visit(_ condition: Condition?) {
            switch condition {
            case nil: return
            case .setting(let id, _)?: read.insert(id)
            case .join(let id, let list)?: read.insert(id); list.forEach(visit)
            case .all(let list)?, .any(let list)?: list.forEach(visit)
            case .not(let inner)?: visit(inner)
            default: return
            }
        }
        for fact in scheme.allFacts {
            visit(fact.askedWhen)
            for element in fact.elements ?? [] { visit(element.applicableWhen) }
        }
        for rule in scheme.items.flatMap(\.rules) {
            visit(rule.when)
            if let id = rule.partial { read.insert(id) }
            if let id = rule.floor { read.insert(id) }
        }
        for veto in scheme.vetoes { visit(veto.when) }
        for setting in scheme.settings where !read.contains(setting.id) {
            throw fail(.setting(setting.id), "没有任何规则、事实项或否决项读取这个设置", "no rule, fact or veto reads this setting")
        }
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Chinese characters and full-width punctuation (，。：“” …).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        isHan(scalar) || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
            || (0x2018...0x201F).contains(scalar.value) || scalar.value == 0x2026
    }

    static func hasSpaceBetweenChineseCharacters(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3 else { return false }
        return (1 ..< scalars.count - 1).contains { scalars[$0] == " " && isWide(scalars[$0 - 1]) && isWide(scalars[$0 + 1]) }
    }

    static func isIdentifier(_ text: String, allowDash: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || (allowDash && $0 == "-")
        }
    }
}
