import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// A survey as the pages use it: the stored row, its questions, its life and its minimum rule.
struct LoadedSurvey: Sendable {
    var model: SurveyModel
    var definition: SurveyDefinition
    var minimum: SurveyMinimum

    var id: UUID { model.id! }

    var life: SurveyLife {
        let period: SurveyPeriod? = {
            guard let opens = model.opensOn.flatMap(CalendarDate.init(parsing:)),
                  let closes = model.closesOn.flatMap(CalendarDate.init(parsing:)) else { return nil }
            return SurveyPeriod(opens: opens, closes: closes)
        }()
        return SurveyLife(period: period, closedEarlyOn: model.closedEarlyOn.flatMap(CalendarDate.init(parsing:)), filled: model.filledAt != nil)
    }

    init(_ model: SurveyModel) throws {
        self.model = model
        definition = try CampaignStore.decode(SurveyDefinition.self, model.definitionJSON)
        minimum = SurveyMinimum(responses: model.minimumResponses, responseRate: Points(parsing: model.minimumRate) ?? SurveyMinimum.standard.responseRate)
    }
}

/// What the audit trail keeps of a survey (never a token, never an answer).
struct SurveyAudit: AuditSnapshot, Codable, Equatable {
    var title: String
    var opens: String?
    var closes: String?
    var closedEarly: String?
    var issued: Int
    var filled: String?

    init(_ model: SurveyModel) {
        title = model.title
        opens = model.opensOn
        closes = model.closesOn
        closedEarly = model.closedEarlyOn
        issued = model.issued
        filled = model.filledJSON
    }
}

/// Every read and write of surveys. Writes go through the write gate with their audit entry,
/// except a member's answer, which is anonymous: it marks its token used and stores the answer in
/// one transaction, and leaves nothing that says when, or which token gave which answer.
enum SurveyStore {
    /// The unit's surveys in the campaign, newest first.
    static func list(campaignID: UUID, unitID: UUID, on db: any Database) async throws -> [SurveyModel] {
        try await SurveyModel.query(on: db).filter(\.$campaignID == campaignID).filter(\.$unitID == unitID)
            .sort(\.$createdAt, .descending).all()
    }

    /// The survey of the URL's `:surveyID`, if it is this unit's in this campaign ("not found" otherwise).
    static func survey(_ req: Request, _ context: ApplicationContext) async throws -> LoadedSurvey {
        guard let text = req.parameters.get("surveyID"), let id = UUID(uuidString: text),
              let model = try await SurveyModel.find(id, on: req.db),
              model.campaignID == context.campaignID, model.unitID == context.unitID else {
            throw AppError.notFound(AppError.nothingHere)
        }
        return try LoadedSurvey(model)
    }

    /// How many members have answered each survey.
    static func responseCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).select().column("survey_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SurveyAnswerModel.schema).where("survey_id", .in, SQLBind.group(ids)).groupBy("survey_id").all()
        var counts: [UUID: Int] = [:]
        for row in rows { counts[try row.decode(column: "survey_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self) }
        return counts
    }

    /// The answers, in the order of their random ids: an order that says nothing about when each came.
    static func responses(_ surveyID: UUID, on db: any Database) async throws -> [SurveyResponse] {
        try await SurveyAnswerModel.query(on: db).filter(\.$surveyID == surveyID).sort(\.$id).all()
            .map { try CampaignStore.decode(SurveyResponse.self, $0.answersJSON) }
    }

    static func results(_ survey: LoadedSurvey, on db: any Database) async throws -> SurveyResults {
        SurveyResults.compute(survey.definition, responses: try await responses(survey.id, on: db), issued: survey.model.issued)
    }

    static func batches(_ surveyID: UUID, on db: any Database) async throws -> [SurveyBatchModel] {
        try await SurveyBatchModel.query(on: db).filter(\.$surveyID == surveyID).sort(\.$number).all()
    }

    // MARK: Building, publishing, closing

    static func create(_ definition: SurveyDefinition, _ context: ApplicationContext, minimum: SurveyMinimum,
                       actor: AuditDraft.Actor, app: Application) async throws -> UUID {
        let campaignID = context.campaignID, unit = context.unit
        return try await app.writes.perform { db in
            let model = SurveyModel()
            model.id = UUID()
            model.campaignID = campaignID
            model.unitID = unit.id!
            model.unitPath = unit.path
            model.title = definition.title
            model.definitionJSON = CampaignStore.encode(definition)
            model.minimumResponses = minimum.responses
            model.minimumRate = minimum.responseRate.description
            model.issued = 0
            model.createdBy = actor.name
            model.createdAt = actor.at
            model.version = 1
            try await model.create(on: db)
            try await audit("survey.create", model, before: nil, actor: actor, on: db)
            return model.id!
        }
    }

    /// Changes a survey in the write gate: re-reads it, refuses a stale version, asks its life
    /// whether `action` may be taken today, applies `change`, and audits before and after.
    @discardableResult
    static func change<T: Sendable>(_ surveyID: UUID, _ action: SurveyAction, version: Int?, today: CalendarDate, actor: AuditDraft.Actor,
                                    app: Application,
                                    _ change: @escaping @Sendable (SurveyModel, any Database) async throws -> T) async throws -> T {
        try await app.writes.perform { db in
            guard let model = try await SurveyModel.find(surveyID, on: db) else { throw AppError.notFound(AppError.nothingHere) }
            if let version, version != model.version { throw AppError.conflict(Strings.Survey.Pages.stale) }
            if let refusal = try LoadedSurvey(model).life.refusal(action, on: today) { throw AppError.conflict(refusal.message) }
            let before = SurveyAudit(model)
            let result = try await change(model, db)
            model.version += 1
            try await model.update(on: db)
            try await audit("survey.\(action.rawValue)", model, before: before, actor: actor, on: db)
            return result
        }
    }

    static func audit(_ action: String, _ model: SurveyModel, before: SurveyAudit?, actor: AuditDraft.Actor, on db: any Database) async throws {
        try await AuditLog.append([AuditDraft(actor: actor, action: action, entityType: "survey", entityID: model.id!.uuidString.lowercased(),
                                              scope: model.unitPath, before: before, after: SurveyAudit(model))], on: db)
    }

    // MARK: Tokens

    /// The hash a token is kept under: SHA-256 of its canonical form (80 random bits: nothing to guess).
    static func hash(_ canonical: String) -> String { ContentHash.sha256Hex(of: Data(canonical.utf8)) }

    /// Issues `count` new tokens as the survey's next print run and returns them, in print order.
    /// Only their hashes are stored: the tokens exist from now on only on the page that prints them.
    static func issue(_ count: Int, surveyID: UUID, today: CalendarDate, actor: AuditDraft.Actor, app: Application) async throws -> (batch: Int, tokens: [String]) {
        var generator = SystemRandomNumberGenerator()
        let tokens = (0..<count).map { _ in SurveyToken.make(using: &generator) }
        let batch = try await change(surveyID, .issueTokens, version: nil, today: today, actor: actor, app: app) { model, db in
            // Counted again in the gate: two print runs at once cannot pass the survey's limit.
            if case .failure(let errors) = SurveyToken.parseCount(String(count), issued: model.issued) { throw AppError.invalidFields(errors) }
            let number = (try await SurveyBatchModel.query(on: db).filter(\.$surveyID == surveyID).max(\.$number) ?? 0) + 1
            let batch = SurveyBatchModel()
            batch.id = UUID()
            batch.surveyID = surveyID
            batch.number = number
            batch.count = count
            batch.issuedBy = actor.name
            batch.issuedAt = actor.at
            try await batch.create(on: db)
            for start in stride(from: 0, to: tokens.count, by: ChunkedQuery.chunkSize) {
                let rows = tokens[start..<min(start + ChunkedQuery.chunkSize, tokens.count)].map { token in
                    let row = SurveyTokenModel()
                    row.id = UUID()
                    row.surveyID = surveyID
                    row.batch = number
                    row.tokenHash = hash(token)
                    row.used = false
                    return row
                }
                try await rows.create(on: db)
            }
            model.issued += count
            return number
        }
        return (batch, tokens)
    }

    // MARK: Answering

    /// The survey a token belongs to, while the token is unused; the sentence why not otherwise.
    static func survey(forToken canonical: String, on db: any Database) async throws -> Result<LoadedSurvey, AppError> {
        guard let token = try await SurveyTokenModel.query(on: db).filter(\.$tokenHash == hash(canonical)).first(),
              let model = try await SurveyModel.find(token.surveyID, on: db) else {
            return .failure(.notFound(Strings.Survey.Public.unknownToken))
        }
        if token.used { return .failure(.conflict(Strings.Survey.Public.tokenUsed)) }
        return .success(try LoadedSurvey(model))
    }

    /// A member's answer: in one transaction of the write gate, the token is checked (it exists,
    /// is unused, its survey takes answers today), marked used and the answer stored under a
    /// random id. The token's row is not the only one written: every token row of the survey is
    /// rewritten with it, so on PostgreSQL, where each row carries the transaction that wrote it
    /// last (`xmin`), all the survey's tokens show the latest answer's transaction, and no token
    /// can be matched to its answer or ordered by when it was used. No audit entry, no log line,
    /// no time is written.
    static func answer(_ canonical: String, _ response: SurveyResponse, surveyID: UUID, today: CalendarDate, app: Application) async throws {
        let hash = hash(canonical)
        let json = CampaignStore.encode(response)
        try await app.writes.perform { db in
            guard let token = try await SurveyTokenModel.query(on: db).filter(\.$tokenHash == hash).first(), token.surveyID == surveyID,
                  let model = try await SurveyModel.find(surveyID, on: db) else {
                throw AppError.notFound(Strings.Survey.Public.unknownToken)
            }
            if token.used { throw AppError.conflict(Strings.Survey.Public.tokenUsed) }
            if let refusal = try LoadedSurvey(model).life.refusal(.answer, on: today) { throw AppError.conflict(refusal.message) }
            let sql = db as! any SQLDatabase
            try await sql.raw("""
                UPDATE \(ident: SurveyTokenModel.schema) SET used = (used OR token_hash = \(bind: hash)) WHERE survey_id = \(bind: surveyID)
                """).run()
            let answer = SurveyAnswerModel()
            answer.id = UUID()
            answer.surveyID = surveyID
            answer.answersJSON = json
            try await answer.create(on: db)
        }
    }
}
