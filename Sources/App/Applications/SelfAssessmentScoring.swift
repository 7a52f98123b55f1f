import Foundation
import UnionStarCore

/// A self-assessment scored by the pinned scheme: the core's breakdown, which questions are asked
/// given the answers so far, which of them are still open, and which items are answered as
/// compliant. Every figure comes from the core's scorer; nothing here scores.
struct SelfAssessmentResult: Sendable {
    var assessment: Assessment
    /// Questions asked given the other answers (a question whose `askedWhen` fails is not asked,
    /// and the scorer ignores any answer it has).
    var asked: Set<String>
    /// Asked questions without an answer.
    var unanswered: [String]
    /// Items answered as compliant: every question of the item that is asked is answered, and the
    /// item has its full points (nothing taken).
    var compliantItems: Set<Int>

    var complete: Bool { unanswered.isEmpty }

    /// Checks the answers (a draft may leave questions open) and scores them; a value of the wrong
    /// kind or out of range is the core's `AnswerError`, naming the question.
    static func evaluate(_ answers: Answers, scorer: Scorer) throws(AnswerError) -> SelfAssessmentResult {
        let values = try scorer.resolve(answers, complete: false)
        let assessment = scorer.assess(values)
        let scheme = scorer.scheme
        // Whether a question is asked is the core's to say: it drops the answer of a question that
        // is not asked. Give the question a placeholder answer and see whether the core keeps it.
        var asked = Set<String>()
        for fact in scheme.allFacts {
            guard fact.askedWhen != nil else { asked.insert(fact.id); continue }
            var probe = answers
            if probe.facts[fact.id] == nil { probe.facts[fact.id] = placeholder(for: fact) }
            if let probed = try? scorer.resolve(probe, complete: false), let slot = scorer.slot(of: fact.id), probed[slot] != .unanswered {
                asked.insert(fact.id)
            }
        }
        let unanswered = scheme.allFacts.filter { asked.contains($0.id) && answers.facts[$0.id] == nil }.map(\.id)
        let open = Set(unanswered)
        var compliant = Set<Int>()
        for (item, score) in zip(scheme.items, assessment.items) {
            let questions = item.facts.filter { asked.contains($0.id) }
            if !questions.isEmpty, !questions.contains(where: { open.contains($0.id) }), score.score == score.max {
                compliant.insert(item.number)
            }
        }
        return SelfAssessmentResult(assessment: assessment, asked: asked, unanswered: unanswered, compliantItems: compliant)
    }

    private static func placeholder(for fact: Fact) -> AnswerValue {
        switch fact.type {
        case .boolean: .bool(true)
        case .count, .percentage: .number(0)
        case .checklist: .list([])
        case .choice: .option(fact.options?.first?.id ?? "")
        }
    }

    /// The values stored on the application from this result: the total and the tier it reaches
    /// only once every question is answered (a partial total would flatter), the vetoes always.
    var storedTotal: String? { complete ? assessment.total.description : nil }
    var storedTier: String? { complete ? assessment.scoreTier?.id : nil }
    var vetoTexts: [String] { assessment.vetoes.map(\.text) }
}
