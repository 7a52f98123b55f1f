import Fluent
import Foundation
import UnionStarCore
import Vapor

/// A unit's self-assessment: the page (editable by the union's cadre while the workflow allows it,
/// read-only for those who may view the application), the save, and the drafts the page's script
/// saves as the cadre types. Scores come from the campaign's pinned scheme text only.
struct SelfAssessmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let form = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: SelfAssessmentBodyLimit.formLimit))
        routes.on(.GET, .selfAssessment(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .selfAssessment(campaign: UUID(), unit: UUID()), body: form, use: save)
        routes.on(.POST, .selfAssessmentDraft(campaign: UUID(), unit: UUID()), body: form, use: draft)
    }

    func show(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        return try await SelfAssessmentPages.render(try await SelfAssessmentPages.input(context, req: req), req: req)
    }

    /// The save without script: back to the page on success; the page again with the sentence
    /// (422) for a bad value, or with both people's values (409) when someone saved first.
    func save(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let attempt = try await Self.attempt(req, context)
        let t = Translator(req.language)
        switch attempt.outcome {
        case .saved:
            return req.redirect(to: SiteRoute.selfAssessment(campaign: context.campaignID, unit: context.unitID).path + "?done=saved",
                                redirectType: .normal)
        case .invalid(let message, let fact):
            var input = try await SelfAssessmentPages.input(context, req: req)
            input.fields = attempt.typed
            input.base = attempt.base ?? input.base
            input.version = attempt.version
            input.formError = t(Strings.SelfAssessment.fieldError) + t(message)
            input.invalidFact = fact
            return try await SelfAssessmentPages.render(input, req: req, status: .unprocessableEntity)
        case .stale(let merge, let current):
            var latest = context
            latest.application = current
            var input = try await SelfAssessmentPages.input(latest, req: req)
            input.fields = merge.fields
            input.merge = merge
            if let result = try? SelfAssessmentResult.evaluate(merge.fields.answers(for: attempt.scorer.scheme), scorer: attempt.scorer) {
                input.result = result
            }
            return try await SelfAssessmentPages.render(input, req: req, status: .conflict)
        }
    }

    /// What the page's script gets back from a draft.
    struct DraftReply: Encodable {
        struct Item: Encodable {
            var number: Int
            var score: String
            var scoreText: String
            var applied: [String]
            var warning: String?
        }

        var saved: Bool
        var conflict: Bool = false
        /// The new version on success; the version now stored after a conflict.
        var version: Int?
        /// The saved form, the next draft's base.
        var base: String?
        var message: String?
        var field: String?
        var summary: SelfAssessmentPage.Summary?
        var items: [Item]?
        /// Questions not asked given the answers (the page hides them).
        var notAsked: [String]?
    }

    /// A draft, saved as the cadre types (the page's script): the same checks and the same write
    /// as the save, answered in JSON with the new version and score.
    func draft(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let attempt = try await Self.attempt(req, context)
        let t = Translator(req.language)
        switch attempt.outcome {
        case .saved(let application, let result):
            let evidence = try await SelfAssessmentPages.evidence(of: application, req: req)
            let withFiles = Set(evidence.map(\.item))
            let scheme = attempt.scorer.scheme
            let items = zip(scheme.items, result.assessment.items).map { item, score in
                DraftReply.Item(number: item.number, score: score.score.description,
                                scoreText: t(Strings.SelfAssessment.itemScore(score.score.description, item.max.description)),
                                applied: SelfAssessmentPages.appliedLines(score, t),
                                warning: result.compliantItems.contains(item.number) && !withFiles.contains(item.number)
                                    ? t(Strings.SelfAssessment.compliantWithoutEvidence) : nil)
            }
            return try Self.json(DraftReply(
                saved: true, version: application.version, base: attempt.saved?.json,
                summary: SelfAssessmentPages.summary(result, scheme: scheme, evidence: evidence, t), items: items,
                notAsked: scheme.allFacts.map(\.id).filter { !result.asked.contains($0) }), status: .ok)
        case .invalid(let message, let fact):
            return try Self.json(DraftReply(saved: false, message: t(Strings.SelfAssessment.fieldError) + t(message),
                                            field: fact.map(SelfAssessmentFields.factName)), status: .unprocessableEntity)
        case .stale(_, let current):
            return try Self.json(DraftReply(saved: false, conflict: true, version: current?.version,
                                            message: t(Strings.SelfAssessment.draftConflict)), status: .conflict)
        }
    }

    static func json(_ reply: some Encodable, status: HTTPResponseStatus) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try encoder.encode(reply)))
    }

    enum Outcome {
        case saved(ApplicationModel, SelfAssessmentResult)
        /// A value that cannot be stored, with the sentence naming it (and its question).
        case invalid(LocalizedText, fact: String?)
        /// Someone saved first and changed what the person was editing.
        case stale(SelfAssessmentMerge, current: ApplicationModel?)
    }

    struct Attempt {
        var outcome: Outcome
        var scorer: Scorer
        /// The form as sent.
        var typed: SelfAssessmentFields
        /// The form as the person loaded it.
        var base: SelfAssessmentFields?
        var version: Int
        /// What was stored, when it was.
        var saved: SelfAssessmentFields?
    }

    /// Reads the form, checks it with the pinned scorer and saves it through the workflow, on the
    /// version the form was loaded at. When someone saved in between: if they changed none of the
    /// form's fields (they uploaded a file, say), the save is made on the newer version; otherwise
    /// nothing is saved and the outcome says what they changed.
    static func attempt(_ req: Request, _ context: ApplicationContext) async throws -> Attempt {
        let scorer = try await PinnedSchemes.shared.scorer(for: pin(of: context), on: req.db)
        let scheme = scorer.scheme
        let form = try req.content.decode([String: String].self)
        let typed = SelfAssessmentFields(form: form, scheme: scheme)
        guard let version = form["version"].flatMap({ Int($0) }) else {
            throw AppError.invalid(field: "version", Strings.Errors.requestMalformedPlain)
        }
        let base = form["base"].flatMap { try? SelfAssessmentFields(json: $0, scheme: scheme) }
        return try await attempt(typed, base: base, version: version, scorer: scorer, context: context, req: req)
    }

    /// The save itself, on fields however they arrived (the page's form, the API's answers).
    static func attempt(_ typed: SelfAssessmentFields, base: SelfAssessmentFields?, version: Int, scorer: Scorer,
                        context: ApplicationContext, req: Request) async throws -> Attempt {
        let scheme = scorer.scheme
        var attempt = Attempt(outcome: .invalid(.empty, fact: nil), scorer: scorer, typed: typed, base: base, version: version)
        for item in scheme.items {
            let count = typed[SelfAssessmentFields.noteName(item.number)].count
            if count > Strings.SelfAssessment.maximumNote {
                attempt.outcome = .invalid(Strings.SelfAssessment.noteTooLong(item: item.number, count: count), fact: nil)
                return attempt
            }
        }
        var fields = typed
        var result: SelfAssessmentResult
        do {
            result = try SelfAssessmentResult.evaluate(fields.answers(for: scheme), scorer: scorer)
        } catch {
            attempt.outcome = .invalid(message(error, scheme: scheme, kind: context.unit.kind.flatMap(UnionKind.init(rawValue:))),
                                       fact: error.problems.first?.fact)
            return attempt
        }
        var expected = version
        for _ in 0..<3 {
            do {
                let saved = try await store(fields, result, scheme: scheme, version: expected, context: context, req: req)
                attempt.outcome = .saved(saved, result)
                attempt.saved = fields
                return attempt
            } catch AppError.conflict(let message) where message == Strings.ApplicationPages.stale {
                let current = try await ApplicationModel.query(on: req.db).filter(\.$campaignID == context.campaignID)
                    .filter(\.$unitID == context.unitID).first()
                let merge = SelfAssessmentMerge(typed: fields, stored: SelfAssessmentPages.stored(current, scheme: scheme), base: base, scheme: scheme)
                guard base != nil, !merge.touchesFields, let current else {
                    attempt.outcome = .stale(merge, current: current)
                    return attempt
                }
                fields = merge.fields
                expected = current.version
                result = (try? SelfAssessmentResult.evaluate(fields.answers(for: scheme), scorer: scorer)) ?? result
            }
        }
        let current = try await ApplicationModel.query(on: req.db).filter(\.$campaignID == context.campaignID)
            .filter(\.$unitID == context.unitID).first()
        attempt.outcome = .stale(SelfAssessmentMerge(typed: fields, stored: SelfAssessmentPages.stored(current, scheme: scheme), base: base,
                                                     scheme: scheme), current: current)
        return attempt
    }

    /// The application's own pinned text (kept on it when it started), with the campaign's settings.
    static func pin(of context: ApplicationContext) -> SchemePin {
        var pin = context.pin
        if let hash = context.application?.schemeHash, !hash.isEmpty { pin.contentHash = hash }
        return pin
    }

    private static func store(_ fields: SelfAssessmentFields, _ result: SelfAssessmentResult, scheme: Scheme, version: Int,
                              context: ApplicationContext, req: Request) async throws -> ApplicationModel {
        let answers = String(decoding: fields.answers(for: scheme).json(pretty: false), as: UTF8.self)
        let notes = CampaignStore.encode(fields.notes(for: scheme))
        let total = result.storedTotal, tier = result.storedTier, vetoes = CampaignStore.encode(result.vetoTexts)
        return try await ApplicationStore.perform(.saveSelfAssessment, context, version: version, req: req, subject: context.user.subject,
                                                  actor: req.auditActor) { application, _ in
            application.answersJSON = answers
            application.notesJSON = notes
            application.selfTotal = total
            application.selfTier = tier
            application.vetoesJSON = vetoes
        }
    }

    /// The scorer's objections, each naming the question by its words and its item.
    static func message(_ error: AnswerError, scheme: Scheme, kind: UnionKind?) -> LocalizedText {
        let sentences = error.problems.map { problem -> LocalizedText in
            guard let id = problem.fact, let fact = scheme.allFacts.first(where: { $0.id == id }) else {
                return LocalizedText(zh: problem.message(in: .zh), en: problem.message(in: .en))
            }
            let item = scheme.items.first { $0.facts.contains { $0.id == id } }?.number
            return Strings.SelfAssessment.factProblem(item: item, label: fact.label(for: kind), problem.reason)
        }
        return sentences.dropFirst().reduce(sentences.first ?? .empty) { $0 + $1 }
    }
}

/// Reads the self-assessment's request bodies to their own limits before anything else reads
/// them (the CSRF check reads at most the default size): a form of twenty items with their notes,
/// or one evidence file. Only for signed-in requests, so no one without an account can make the
/// server hold a large body.
struct SelfAssessmentBodyLimit: AsyncMiddleware {
    /// Twenty notes of 2,000 characters, percent-encoded, fit.
    static let formLimit = 1 << 20
    /// One evidence file and the form around it: the policy's limit and room for the multipart
    /// framing, so a file just over the limit still arrives and is refused with the sentence.
    static var uploadLimit: Int { EvidencePolicy.standard.limitBytes + (1 << 20) }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST, request.currentUser != nil {
            let limit = request.headers.contentType?.type == "multipart" ? Self.uploadLimit : Self.formLimit
            _ = try await request.body.collect(max: limit).get()
        }
        return try await next.respond(to: request)
    }
}
