import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The self-assessment as the API reads and saves it: the answers in the command line's format
/// (`{"facts": {...}}`, `unionstar scheme template`), the notes by item number, and the core's
/// scores of them on the campaign's pinned scheme text. A save goes through the page's own save
/// (`SelfAssessmentController.attempt`): the same checks, the workflow, the version and the audit.
struct SelfAssessmentDTO: Content {
    struct Item: Content {
        var number: Int
        var score: Points
        var max: Points
        /// Breakdown lines, as the page shows them (`③未按期换届扣2分 −2`).
        var applied: [String]
        /// Evidence files attached to the item.
        var evidence: Int
    }

    /// What a save sends. Answers replace the stored ones whole; open questions stay open.
    struct Body: Content {
        var answers: Answers?
        var notes: [String: String]?
        var version: Int?
    }

    var scheme: String
    var version: Int
    var answers: Answers
    var notes: [String: String]
    /// Provisional while questions are open (they add and take nothing).
    var total: Points
    var complete: Bool
    /// The tier the score reaches, vetoes aside; only once every asked question is answered.
    var tier: String?
    /// Asked questions without an answer, by fact id.
    var unanswered: [String]
    /// Questions not asked given the other answers.
    var notAsked: [String]
    var vetoes: [String]
    var items: [Item]

    static func make(_ context: ApplicationContext, req: Request) async throws -> SelfAssessmentDTO {
        let scorer = try await PinnedSchemes.shared.scorer(for: SelfAssessmentController.pin(of: context), on: req.db)
        let scheme = scorer.scheme
        let t = Translator(req.language)
        let application = context.application
        let answers = application.flatMap { try? Answers.parse(json: Data($0.answersJSON.utf8)) } ?? Answers()
        let notes = application.flatMap { try? CampaignStore.decode([String: String].self, $0.notesJSON) } ?? [:]
        let result = try SelfAssessmentResult.evaluate(answers, scorer: scorer)
        var evidence: [Int: Int] = [:]
        for file in try await SelfAssessmentPages.evidence(of: application, req: req) { evidence[file.item, default: 0] += 1 }
        return SelfAssessmentDTO(
            scheme: scheme.id, version: application?.version ?? 0, answers: answers, notes: notes, total: result.assessment.total,
            complete: result.complete, tier: result.storedTier, unanswered: result.unanswered,
            notAsked: scheme.allFacts.map(\.id).filter { !result.asked.contains($0) }, vetoes: result.vetoTexts,
            items: result.assessment.items.map {
                Item(number: $0.number, score: $0.score, max: $0.max, applied: SelfAssessmentPages.appliedLines($0, t), evidence: evidence[$0.number] ?? 0)
            })
    }

    /// Saves the answers and notes: a value the core refuses names its question (422); a save on
    /// a stale version is refused (409): the API does not merge.
    static func save(_ body: Body, _ context: ApplicationContext, req: Request) async throws {
        guard let version = body.version else { throw AppError.invalid(field: "version", Strings.Errors.formHasNoVersion) }
        let scorer = try await PinnedSchemes.shared.scorer(for: SelfAssessmentController.pin(of: context), on: req.db)
        let answers = body.answers ?? Answers()
        let kind = context.unit.kind.flatMap(UnionKind.init(rawValue:))
        // Unknown questions and elements are named here; the form would drop them silently.
        do {
            _ = try scorer.resolve(answers, complete: false)
        } catch {
            throw AppError.invalid(field: error.problems.first?.fact, SelfAssessmentController.message(error, scheme: scorer.scheme, kind: kind))
        }
        let fields = SelfAssessmentFields(answers: answers, notes: body.notes ?? [:], scheme: scorer.scheme)
        let attempt = try await SelfAssessmentController.attempt(fields, base: nil, version: version, scorer: scorer, context: context, req: req)
        switch attempt.outcome {
        case .saved: return
        case .invalid(let message, let fact): throw AppError.invalid(field: fact, message)
        case .stale: throw AppError.conflict(Strings.ApplicationPages.stale)
        }
    }
}
