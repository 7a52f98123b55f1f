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
                problems.append(AnswerProblem(fact: id, reason: Strings.Scoring.Answers.notAFactOf(scheme.id)))
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
                        problems.append(AnswerProblem(fact: fact.id, reason: Strings.Scoring.Answers.elementNotAnswered(element.id, label: element.label)))
                    }
                }
            }
            if unanswered.count == 1, let fact = unanswered.first {
                problems.append(AnswerProblem(fact: fact.id, reason: Strings.Scoring.Answers.notAnswered(fact.label)))
            } else if !unanswered.isEmpty {
                let ids = unanswered.map(\.id).joined(separator: ", ")
                problems.append(AnswerProblem(fact: nil, reason: Strings.Scoring.Answers.factsNotAnswered(unanswered.count, ids)))
            }
        }

        guard problems.isEmpty else { throw AnswerError(problems) }
        return values
    }

    private func check(_ answer: AnswerValue, for fact: Fact) -> Result<FactValue, AnswerProblem> {
        typealias A = Strings.Scoring.Answers
        func problem(_ reason: LocalizedText) -> Result<FactValue, AnswerProblem> {
            .failure(AnswerProblem(fact: fact.id, reason: reason))
        }
        switch (fact.type, answer) {
        case (.boolean, .bool(let b)):
            return .success(.bool(b))
        case (.boolean, _):
            return problem(A.booleanExpected)

        case (.count, .number(let d)):
            guard let p = Points(d), p.isWhole, p >= .zero else {
                return problem(A.countNotWhole("\(d)"))
            }
            guard p <= Points(fact.countMaximum) else {
                return problem(A.countTooHigh(fact.countMaximum, "\(d)"))
            }
            return .success(.number(p.raw))
        case (.count, _):
            return problem(A.countExpected)

        case (.percentage, .number(let d)):
            guard let p = Points(d) else {
                return problem(A.tooManyDecimals("\(d)"))
            }
            guard p >= .zero, p <= 100 else {
                return problem(A.percentageOutOfRange("\(d)"))
            }
            return .success(.number(p.raw))
        case (.percentage, _):
            return problem(A.percentageExpected)

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
            return problem(A.checklistExpected)

        case (.choice, .option(let id)):
            guard let index = fact.options?.firstIndex(where: { $0.id == id }) else {
                let options = (fact.options ?? []).map(\.id).joined(separator: ", ")
                return problem(A.unknownOption(id, options: options))
            }
            return .success(.choice(Int32(index)))
        case (.choice, _):
            return problem(A.choiceExpected)
        }
    }

    private func unknownElement(_ id: String, _ fact: Fact) -> Result<FactValue, AnswerProblem> {
        let known = (fact.elements ?? []).map(\.id).joined(separator: ", ")
        return .failure(AnswerProblem(fact: fact.id, reason: Strings.Scoring.Answers.unknownElement(id, elements: known)))
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
