/// Checks a decoded scheme before anyone is scored by it: sums, references, types, settings.
struct SchemeValidator {
    let scheme: Scheme
    let file: String
    private var factsByID: [String: Fact] = [:]

    init(scheme: Scheme, file: String) {
        self.scheme = scheme
        self.file = file
    }

    private typealias V = Strings.Scheme.Validation

    private func fail(_ location: SchemeError.Location, _ reason: LocalizedText) -> SchemeError {
        SchemeError(file: file, location: location, reason: reason)
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
            throw fail(.file, V.vetoIDsRepeat)
        }
        try checkRewards()
        try checkReReview()
        try checkTimeline()
        try checkNotes()
        try checkSettingsAreRead()
        try checkSurveyFacts()
    }

    /// A fact the members' survey fills (`survey:`) is a percentage of an item (the result is
    /// attached to the item as evidence), and a topic fills at most one fact of a scheme.
    private func checkSurveyFacts() throws(SchemeError) {
        for fact in scheme.facts where fact.survey != nil {
            throw fail(.fact(fact.id), Strings.Survey.SchemeRules.notOnAnItem(fact.id))
        }
        var topics = Set<SurveyTopic>()
        for item in scheme.items {
            for fact in item.facts {
                guard let topic = fact.survey else { continue }
                guard fact.type == .percentage else { throw fail(.item(item.number), Strings.Survey.SchemeRules.notAPercentage(fact.id)) }
                guard topics.insert(topic).inserted else {
                    throw fail(.item(item.number), Strings.Survey.SchemeRules.topicTwice(fact.id, topic: topic.label))
                }
            }
        }
    }

    private func checkHeader() throws(SchemeError) {
        guard Self.isIdentifier(scheme.id, allowDash: true) else {
            throw fail(.file, V.schemeIDMalformed(scheme.id))
        }
        guard !scheme.title.isEmpty else { throw fail(.file, V.noTitle) }
        guard scheme.total > .zero else { throw fail(.file, V.totalNotPositive) }
        for kind in scheme.appliesTo where UnionKind(rawValue: kind) == nil {
            throw fail(.file, V.appliesToUnknownKind(kind))
        }
        for section in scheme.sections where (section.titleEn ?? "").isEmpty {
            throw fail(.section(section.title), V.noEnglishTitle)
        }
        for veto in scheme.vetoes where (veto.textEn ?? "").isEmpty {
            throw fail(.veto(veto.id), V.noEnglishText)
        }
    }

    private func checkSettings() throws(SchemeError) {
        var seen = Set<String>()
        for setting in scheme.settings {
            let at = SchemeError.Location.setting(setting.id)
            guard Self.isIdentifier(setting.id, allowDash: false) else {
                throw fail(at, V.settingIDMalformed)
            }
            guard seen.insert(setting.id).inserted else {
                throw fail(at, V.settingIDRepeats)
            }
            guard !setting.label.isEmpty, !setting.labelEn.isEmpty else {
                throw fail(at, V.settingNeedsLabels)
            }
            guard setting.options.count >= 2, Set(setting.optionIDs).count == setting.options.count else {
                throw fail(at, V.settingNeedsTwoOptions)
            }
            for option in setting.options where option.label.isEmpty || option.labelEn.isEmpty {
                throw fail(at, V.optionNeedsLabels(option.id))
            }
            guard setting.optionIDs.contains(setting.value) else {
                throw fail(at, V.valueNotAnOption(setting.value, setting.optionIDs))
            }
        }
    }

    /// A setting's options must be readings the engine knows for every place that reads it.
    private func requireReadings(_ settingID: String, _ known: [String], _ bad: (LocalizedText) -> SchemeError) throws(SchemeError) {
        guard let setting = scheme.setting(settingID) else {
            throw bad(V.readsUnknownSetting(settingID))
        }
        guard Set(setting.optionIDs).isSubset(of: Set(known)) else {
            throw bad(V.settingMayOnlyOffer(settingID, known))
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
            throw fail(location, V.factIDMalformed(fact.id))
        }
        guard factsByID[fact.id] == nil else {
            throw fail(location, V.factDefinedTwice(fact.id))
        }
        guard !fact.label.isEmpty else { throw fail(location, V.factHasNoLabel(fact.id)) }
        try checkLabelsByKind(fact.labelByKind, of: fact.id, at: location)
        for element in (fact.elements ?? []) + (fact.options ?? []) {
            try checkLabelsByKind(element.labelByKind, of: "\(fact.id).\(element.id)", at: location)
        }
        switch fact.type {
        case .checklist:
            let elements = fact.elements ?? []
            guard !elements.isEmpty, elements.count <= 63 else {
                throw fail(location, V.checklistSize(fact.id))
            }
            guard Set(elements.map(\.id)).count == elements.count else {
                throw fail(location, V.checklistRepeatsElement(fact.id))
            }
            if let ideal = fact.ideal {
                throw fail(location, V.checklistHasIdeal(fact.id, ideal: "\(ideal)"))
            }
        case .choice:
            let options = fact.options ?? []
            guard options.count >= 2, Set(options.map(\.id)).count == options.count else {
                throw fail(location, V.choiceNeedsTwoOptions(fact.id))
            }
            guard case .option(let o) = fact.ideal, options.contains(where: { $0.id == o }) else {
                throw fail(location, V.choiceIdealNotAnOption(fact.id))
            }
        case .boolean:
            guard case .bool = fact.ideal else {
                throw fail(location, V.booleanNeedsIdeal(fact.id))
            }
        case .count:
            guard fact.countMaximum > 0 else {
                throw fail(location, V.countMaximumNotPositive(fact.id))
            }
            guard case .number(let n) = fact.ideal, n.isWhole, n >= .zero, n <= Points(fact.countMaximum) else {
                throw fail(location, V.countIdealOutOfRange(fact.id, maximum: fact.countMaximum))
            }
        case .percentage:
            guard case .number(let n) = fact.ideal, n >= .zero, n <= 100 else {
                throw fail(location, V.percentageIdealOutOfRange(fact.id))
            }
        }
        factsByID[fact.id] = fact
    }

    /// Labels by kind name kinds the scheme is for, and say something.
    private func checkLabelsByKind(_ labels: [String: String]?, of owner: String, at location: SchemeError.Location) throws(SchemeError) {
        for (kind, label) in (labels ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard UnionKind(rawValue: kind) != nil, scheme.appliesTo.contains(kind) else {
                throw fail(location, V.labelByKindNamesOtherKind(owner, kind: kind, appliesTo: scheme.appliesTo))
            }
            guard !label.isEmpty else {
                throw fail(location, V.labelByKindEmpty(owner, kind: kind))
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
        guard !scheme.sections.isEmpty else { throw fail(.file, V.noSections) }
        var sectionSum = Points.zero
        var numbers = Set<Int>()
        for section in scheme.sections {
            guard section.max > .zero else {
                throw fail(.section(section.title), V.maxNotPositive)
            }
            guard !section.items.isEmpty else { throw fail(.section(section.title), V.sectionHasNoItems) }
            var itemSum = Points.zero
            for item in section.items {
                guard numbers.insert(item.number).inserted else {
                    throw fail(.item(item.number), V.itemNumberRepeats)
                }
                try checkItem(item)
                itemSum += item.max
            }
            guard itemSum == section.max else {
                throw fail(.section(section.title), V.itemsDoNotAddUp(itemSum, max: section.max))
            }
            sectionSum += section.max
        }
        guard sectionSum == scheme.total else {
            throw fail(.file, V.sectionsDoNotAddUp(sectionSum, total: scheme.total))
        }
    }

    private func checkItem(_ item: Item) throws(SchemeError) {
        let at = SchemeError.Location.item(item.number)
        guard item.max > .zero else { throw fail(at, V.maxNotPositive) }
        guard !item.standard.isEmpty else { throw fail(at, V.itemHasNoStandard) }
        guard !item.quantification.isEmpty else { throw fail(at, V.itemHasNoQuantification) }
        guard !item.rules.isEmpty else { throw fail(at, V.itemHasNoRules) }
        for (index, rule) in item.rules.enumerated() {
            try checkRule(rule, number: index + 1, in: item)
        }
        let gain = item.rules.reduce(Points.zero) { $0 + $1.maximumGain }
        guard gain <= item.max else {
            throw fail(at, V.rulesAddTooMuch(gain, max: item.max))
        }
    }

    private func checkRule(_ rule: Rule, number: Int, in item: Item) throws(SchemeError) {
        let at = SchemeError.Location.item(item.number)
        func bad(_ reason: LocalizedText) -> SchemeError {
            fail(at, V.Prefixes.rule(number, kind: rule.kind.rawValue) + reason)
        }
        guard !rule.text.isEmpty, !rule.label.isEmpty else { throw bad(V.ruleHasNoText) }
        if let when = rule.when { try checkCondition(when, at: at, rule: number) }
        switch rule.kind {
        case .deduct, .bonus:
            guard rule.when != nil else { throw bad(V.ruleNeedsWhen) }
            guard rule.points > .zero else { throw bad(V.ruleNeedsPoints) }
        case .zero:
            guard rule.when != nil else { throw bad(V.ruleNeedsWhen) }
        case .perMissing:
            try requireFact(rule, of: [.checklist], bad)
            guard rule.points > .zero else { throw bad(V.ruleNeedsPoints) }
        case .shortfall:
            try requireFact(rule, of: [.percentage, .count], bad)
            guard rule.points > .zero else { throw bad(V.ruleNeedsPoints) }
            guard rule.threshold != nil else { throw bad(V.ruleNeedsThreshold) }
            guard (rule.unit ?? 1) > .zero else { throw bad(V.ruleNeedsUnit) }
            guard let partialID = rule.partial else {
                throw bad(V.ruleNeedsPartial)
            }
            try requireReadings(partialID, ShortfallReading.allCases.map(\.rawValue), bad)
        case .perEvent:
            try requireFact(rule, of: [.count], bad)
            guard rule.points > .zero else { throw bad(V.ruleNeedsPoints) }
            guard let cap = rule.cap, cap > .zero, cap <= item.max else {
                throw bad(V.ruleNeedsCap)
            }
        }
        switch (rule.floor, rule.share) {
        case (nil, nil):
            break
        case (let floorID?, let share?):
            guard rule.kind == .shortfall || rule.kind == .perMissing else {
                throw bad(V.ruleCannotTakeFloor)
            }
            try requireReadings(floorID, FloorReading.allCases.map(\.rawValue), bad)
            guard share > .zero, share <= item.max else {
                throw bad(V.ruleShareOutOfRange)
            }
        default:
            throw bad(V.ruleNeedsFloorAndShare)
        }
    }

    private func requireFact(_ rule: Rule, of kinds: Set<Fact.Kind>, _ bad: (LocalizedText) -> SchemeError) throws(SchemeError) {
        guard let id = rule.fact else { throw bad(V.ruleNeedsFact) }
        guard let fact = factsByID[id] else { throw bad(V.readsUnknownFact(id)) }
        guard kinds.contains(fact.type) else {
            throw bad(V.cannotReadFactOfKind(id, kind: fact.type.label, kindID: fact.type.rawValue))
        }
    }

    private func checkCondition(_ condition: Condition, at location: SchemeError.Location, rule: Int? = nil) throws(SchemeError) {
        let prefix = rule.map { V.Prefixes.ruleNumber($0) } ?? .empty
        func bad(_ reason: LocalizedText) -> SchemeError { fail(location, prefix + reason) }
        func fact(_ id: String, _ kinds: Set<Fact.Kind>) throws(SchemeError) -> Fact {
            guard let fact = factsByID[id] else { throw bad(V.readsUnknownFact(id)) }
            guard kinds.contains(fact.type) else {
                throw bad(V.conditionDoesNotFit(id, kind: fact.type.label, kindID: fact.type.rawValue))
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
                throw bad(V.readsUnknownElement(element, of: id))
            }
        case .choiceIn(let id, let options):
            let f = try fact(id, [.choice])
            for option in options where f.options?.contains(where: { $0.id == option }) != true {
                throw bad(V.readsUnknownOption(option, of: id))
            }
        case .all(let list), .any(let list):
            guard !list.isEmpty else { throw bad(V.emptyAllAny) }
            for c in list { try checkCondition(c, at: location, rule: rule) }
        case .not(let inner): try checkCondition(inner, at: location, rule: rule)
        case .setting(let settingID, let values):
            guard let setting = scheme.setting(settingID) else {
                throw bad(V.readsUnknownSetting(settingID))
            }
            guard !values.isEmpty else { throw bad(V.settingConditionWithoutValues) }
            for value in values where !setting.optionIDs.contains(value) {
                throw bad(V.readsUnknownSettingOption(value, of: settingID))
            }
        case .join(let settingID, let list):
            try requireReadings(settingID, JoinReading.allCases.map(\.rawValue), bad)
            guard list.count >= 2 else { throw bad(V.joinTooShort) }
            for c in list { try checkCondition(c, at: location, rule: rule) }
        }
    }

    private func checkTiers() throws(SchemeError) {
        guard !scheme.tiers.isEmpty else { throw fail(.file, V.noTiers) }
        var previous: Points?
        var ids = Set<String>()
        for tier in scheme.tiers {
            guard ids.insert(tier.id).inserted else { throw fail(.tier(tier.id), V.tierIDRepeats) }
            guard tier.minimum > .zero, tier.minimum <= scheme.total else {
                throw fail(.tier(tier.id), V.tierMinimumOutOfRange)
            }
            if let previous, tier.minimum <= previous {
                throw fail(.tier(tier.id), V.tiersOutOfOrder)
            }
            previous = tier.minimum
            guard (tier.honours ?? []).count == (tier.honoursEn ?? []).count else {
                throw fail(.tier(tier.id), V.honoursMismatch)
            }
        }
    }

    private func checkRewards() throws(SchemeError) {
        guard let rewards = scheme.rewards else { return }
        guard !(rewards.textEn ?? "").isEmpty else { throw fail(.rewards, V.noEnglishText) }
        for amount in rewards.amounts {
            guard scheme.tier(id: amount.tier) != nil else {
                throw fail(.rewards, V.rewardNamesUnknownTier(amount.tier))
            }
            guard amount.yuan >= .zero else { throw fail(.rewards, V.rewardNegative) }
        }
        for reduction in rewards.reductions ?? [] {
            guard reduction.factor >= .zero, reduction.factor <= 1 else {
                throw fail(.rewards, V.reductionOutOfRange)
            }
        }
    }

    private func checkReReview() throws(SchemeError) {
        guard let policy = scheme.reReview else { return }
        guard policy.intervalYears > 0 else { throw fail(.reReview, V.reReviewIntervalNotPositive) }
        guard !(policy.textEn ?? "").isEmpty else { throw fail(.reReview, V.noEnglishText) }
        if let first = policy.firstYear, first > scheme.year + 50 || first < 1949 {
            throw fail(.reReview, V.firstYearImplausible(first))
        }
        if policy.kind == .revokeBottom {
            guard policy.scoreAtMost != nil, (policy.lastPlaces ?? 0) > 0 else {
                throw fail(.reReview, V.revokeBottomNeedsFields)
            }
        }
    }

    private func checkTimeline() throws(SchemeError) {
        guard let timeline = scheme.timeline else { return }
        var ids = Set<String>()
        for step in timeline.steps {
            func bad(_ reason: LocalizedText) -> SchemeError { fail(.timeline, V.Prefixes.step(step.id) + reason) }
            guard ids.insert(step.id).inserted else { throw bad(V.stepRepeats) }
            guard !step.label.isEmpty, !step.labelEn.isEmpty else { throw bad(V.stepNeedsLabels) }
            for date in [step.from, step.by].compactMap({ $0 }) where MonthDay(parsing: date) == nil {
                throw bad(V.stepDateMalformed(date))
            }
            if let from = step.fromDay, let by = step.byDay, by < from {
                throw bad(V.stepReversed(from: from, by: by))
            }
            if let days = step.workingDays {
                guard days > 0 else { throw bad(V.stepWorkingDaysNotPositive) }
                guard step.from == nil, step.by == nil else {
                    throw bad(V.noticeTakesNoDates)
                }
            }
            switch step.origin {
            case .seed:
                guard let quote = step.quote, !quote.isEmpty else {
                    throw bad(V.seedStepNeedsQuote)
                }
            case .ourDefault:
                guard step.note != nil else {
                    throw bad(V.defaultStepNeedsNote)
                }
            }
        }
        // The steps must be possible in order in the scheme's own year (weekends only: the file
        // cannot know a year's holidays, which only lengthen a notice).
        if let problem = TimelineSchedule(timeline, year: scheme.year, calendar: .weekendsOnly).problems.first {
            throw fail(.timeline, problem.message)
        }
    }

    /// Every note of ours is given in both languages: `note` in Chinese, `noteEn` in English.
    private func checkNotes() throws(SchemeError) {
        func check(_ annotated: some BilingualNote, at location: SchemeError.Location, _ owner: LocalizedText = .empty) throws(SchemeError) {
            switch (annotated.note, annotated.noteEn) {
            case (nil, nil):
                return
            case (let zh?, let en?):
                guard zh.unicodeScalars.contains(where: Self.isHan) else {
                    throw fail(location, owner + V.noteMustBeChinese)
                }
                guard !Self.hasSpaceBetweenChineseCharacters(zh) else {
                    throw fail(location, owner + V.noteHasFoldedLine)
                }
                guard en.unicodeScalars.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else {
                    throw fail(location, owner + V.noteEnMustBeEnglish)
                }
            default:
                throw fail(location, owner + V.noteNeedsBothLanguages)
            }
        }
        try check(scheme, at: .file, V.Prefixes.scheme)
        for setting in scheme.settings { try check(setting, at: .setting(setting.id)) }
        for fact in scheme.facts { try check(fact, at: .fact(fact.id)) }
        for item in scheme.items {
            try check(item, at: .item(item.number))
            for fact in item.facts { try check(fact, at: .item(item.number), V.Prefixes.fact(fact.id)) }
            for (index, rule) in item.rules.enumerated() { try check(rule, at: .item(item.number), V.Prefixes.ruleNumber(index + 1)) }
        }
        for veto in scheme.vetoes { try check(veto, at: .veto(veto.id)) }
        for reduction in scheme.rewards?.reductions ?? [] { try check(reduction, at: .rewards) }
        if let policy = scheme.reReview { try check(policy, at: .reReview) }
        for step in scheme.timeline?.steps ?? [] { try check(step, at: .timeline, V.Prefixes.step(step.id)) }
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
            throw fail(.setting(setting.id), V.settingNotRead)
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
