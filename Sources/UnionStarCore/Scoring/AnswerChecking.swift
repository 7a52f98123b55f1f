import Foundation

extension Scorer {
    /// Checks answers against the scheme: every fact known, of its type, in range, and every asked
    /// fact answered. Facts whose `askedWhen` does not hold are dropped (not applicable).
    /// - Parameter complete: false for a draft, where unanswered facts are allowed.
    public func resolve(_ answers: Answers, complete: Bool = true) throws(AnswerError) -> FactValues {
        var problems: [AnswerProblem] = []
        var values = emptyValues()
        var given = Set<Int>()

        for (id, answer) in answers.facts.sorted(by: { $0.key < $1.key }) {
            guard let slot = slots[id] else {
                problems.append(AnswerProblem(fact: id, reason: LocalizedText(
                    zh: "方案 \(scheme.id) 中没有这个事实项", en: "is not a fact of scheme \(scheme.id)")))
                continue
            }
            switch check(answer, for: facts[slot]) {
            case .success(let value):
                values[slot] = value
                given.insert(slot)
            case .failure(let problem):
                problems.append(problem)
            }
        }

        // Not-asked facts are dropped in document order, so a chain of conditions settles.
        for (slot, condition) in program.askedWhen.enumerated() where condition >= 0 {
            if !holds(condition, values) { values[slot] = .unanswered }
        }

        if complete {
            var unanswered: [Fact] = []
            for (slot, fact) in facts.enumerated() {
                let asked = program.askedWhen[slot] < 0 || holds(program.askedWhen[slot], values)
                guard asked else { continue }
                if answers.facts[fact.id] == nil {
                    unanswered.append(fact)
                } else if !given.contains(slot) {
                    continue  // Already reported as malformed.
                } else if case .map(let map) = answers.facts[fact.id], let elements = fact.elements {
                    let applicable = applicableMask(slot, values)
                    for (index, element) in elements.enumerated()
                    where applicable & (1 << UInt64(index)) != 0 && map[element.id] == nil {
                        problems.append(AnswerProblem(fact: fact.id, reason: LocalizedText(
                            zh: "要素 '\(element.id)'（\(element.label)）未作答",
                            en: "element '\(element.id)' (\(element.label)) is not answered")))
                    }
                }
            }
            if unanswered.count == 1, let fact = unanswered.first {
                problems.append(AnswerProblem(fact: fact.id, reason: LocalizedText(
                    zh: "未作答（\(fact.label)）", en: "is not answered (\(fact.label))")))
            } else if !unanswered.isEmpty {
                let ids = unanswered.map(\.id).joined(separator: ", ")
                problems.append(AnswerProblem(fact: nil, reason: LocalizedText(
                    zh: "\(unanswered.count)个事实项未作答：\(ids)（`scheme template` 给出完整答卷）",
                    en: "\(unanswered.count) facts are not answered: \(ids) (`scheme template` prints a complete answers file)")))
            }
        }

        guard problems.isEmpty else { throw AnswerError(problems) }
        return values
    }

    private func check(_ answer: AnswerValue, for fact: Fact) -> Result<FactValue, AnswerProblem> {
        func problem(_ zh: String, _ en: String) -> Result<FactValue, AnswerProblem> {
            .failure(AnswerProblem(fact: fact.id, reason: LocalizedText(zh: zh, en: en)))
        }
        switch (fact.type, answer) {
        case (.boolean, .bool(let b)):
            return .success(.bool(b))
        case (.boolean, _):
            return problem("是/否项，只能填 true 或 false", "is yes/no and takes true or false")

        case (.count, .number(let d)):
            guard let p = Points(d), p.isWhole, p >= .zero else {
                return problem("是次数，须为不小于0的整数，而不是 \(d)", "is a count and takes a whole number of at least 0, not \(d)")
            }
            guard p <= Points(fact.countMaximum) else {
                return problem("不能超过 \(fact.countMaximum)，而填了 \(d)", "may not exceed \(fact.countMaximum), got \(d)")
            }
            return .success(.number(p.raw))
        case (.count, _):
            return problem("是次数，须填数字", "is a count and takes a number")

        case (.percentage, .number(let d)):
            guard let p = Points(d) else {
                return problem("最多保留四位小数，而填了 \(d)", "takes at most four decimal places, got \(d)")
            }
            guard p >= .zero, p <= 100 else {
                return problem("是百分比，须在 0 至 100 之间，而填了 \(d)", "is a percentage and must be between 0 and 100, got \(d)")
            }
            return .success(.number(p.raw))
        case (.percentage, _):
            return problem("是百分比，须填 0 至 100 之间的数字", "is a percentage and takes a number from 0 to 100")

        case (.checklist, .list(let present)):
            var mask: UInt64 = 0
            for id in present {
                guard let index = fact.elements?.firstIndex(where: { $0.id == id }) else {
                    return unknownElement(id, fact)
                }
                mask |= 1 << UInt64(index)
            }
            return .success(.checklist(mask))
        case (.checklist, .map(let map)):
            var mask: UInt64 = 0
            for (id, present) in map.sorted(by: { $0.key < $1.key }) {
                guard let index = fact.elements?.firstIndex(where: { $0.id == id }) else {
                    return unknownElement(id, fact)
                }
                if present { mask |= 1 << UInt64(index) }
            }
            return .success(.checklist(mask))
        case (.checklist, _):
            return problem("是清单，须填已具备要素的列表或 {要素: true/false}", "is a checklist and takes a list of present elements or {element: true/false}")

        case (.choice, .option(let id)):
            guard let index = fact.options?.firstIndex(where: { $0.id == id }) else {
                let options = (fact.options ?? []).map(\.id).joined(separator: ", ")
                return problem("没有选项 '\(id)'（可选：\(options)）", "has no option '\(id)' (options: \(options))")
            }
            return .success(.choice(Int32(index)))
        case (.choice, _):
            return problem("是选项，须填选项编号", "is a choice and takes an option id")
        }
    }

    private func unknownElement(_ id: String, _ fact: Fact) -> Result<FactValue, AnswerProblem> {
        let known = (fact.elements ?? []).map(\.id).joined(separator: ", ")
        return .failure(AnswerProblem(fact: fact.id, reason: LocalizedText(
            zh: "没有要素 '\(id)'（可选：\(known)）", en: "has no element '\(id)' (elements: \(known))")))
    }

    /// The answers a fully compliant union gives: every fact at its ideal, every checklist complete.
    public func templateAnswers() -> Answers {
        var answers = Answers()
        for fact in facts {
            switch (fact.type, fact.ideal) {
            case (.checklist, _):
                var map: [String: Bool] = [:]
                for element in fact.elements ?? [] { map[element.id] = true }
                answers.facts[fact.id] = .map(map)
            case (_, .bool(let b)?):
                answers.facts[fact.id] = .bool(b)
            case (_, .number(let p)?):
                answers.facts[fact.id] = .number(Decimal(string: p.description) ?? 0)
            case (_, .option(let o)?):
                answers.facts[fact.id] = .option(o)
            case (_, nil):
                break
            }
        }
        return answers
    }
}
