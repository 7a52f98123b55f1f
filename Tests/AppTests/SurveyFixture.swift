import Fluent
import Foundation
import UnionStarCore
import Vapor
@testable import App

/// Surveys in a known state, made directly through the models (the pages that make them are
/// tested in `SurveyHTTPTests`): 甲公司工会's in 乳山's 2020 campaign for the matrix, or any unit's.
enum SurveyFixture {
    /// The matrix's survey, and a token of it that the matrix's member answers with.
    static let surveyID = UUID(uuidString: "5a1e7e00-0000-4000-8000-000000000001")!
    static let token = "MATR-1X00-0000-0001"

    static var definition: SurveyDefinition {
        try! SurveyDefinition.build(SurveyDraft(title: "2020年度会员评家满意度测评", includesChair: true,
                                                chosen: Set(SurveyTemplate.standard.questions.map(\.id)))).get()
    }

    enum State {
        /// Built, no period.
        case draft
        /// Taking answers: 2020-08-01 to 2020-08-14.
        case open
        /// Its period was 2020-07-20 to 2020-08-02.
        case closed
    }

    /// A survey of the unit in the campaign with `issued` tokens (the first `token`) and `answers`
    /// answers, each rating everything 满意 (or `level`); the clock on 2020-08-03 unless set.
    @discardableResult
    static func survey(_ app: Application, campaign: UUID, unit: UUID, _ state: State, id: UUID = surveyID, issued: Int = 12,
                       answers: Int = 0, level: SatisfactionLevel = .satisfied) async throws -> UUID {
        try await app.writes.perform { db in
            let unitModel = try await OrganisationModel.find(unit, on: db)!
            let model = SurveyModel()
            model.id = id
            model.campaignID = campaign
            model.unitID = unit
            model.unitPath = unitModel.path
            model.title = definition.title
            model.definitionJSON = CampaignStore.encode(definition)
            model.minimumResponses = 10
            model.minimumRate = "50"
            switch state {
            case .draft: break
            case .open: (model.opensOn, model.closesOn) = ("2020-08-01", "2020-08-14")
            case .closed: (model.opensOn, model.closesOn) = ("2020-07-20", "2020-08-02")
            }
            model.issued = issued
            model.createdBy = "测试cadre（cadre）"
            model.createdAt = Fixture.chinaMorning("2020-07-15")
            model.version = 1
            try await model.create(on: db)
            if issued > 0 {
                let batch = SurveyBatchModel()
                batch.surveyID = id
                batch.number = 1
                batch.count = issued
                batch.issuedBy = "测试cadre（cadre）"
                batch.issuedAt = Fixture.chinaMorning("2020-07-15")
                try await batch.create(on: db)
            }
            var generator = SystemRandomNumberGenerator()
            for index in 0..<issued {
                let row = SurveyTokenModel()
                row.surveyID = id
                row.batch = 1
                row.tokenHash = SurveyStore.hash(index == 0 && id == surveyID ? token : SurveyToken.make(using: &generator))
                row.used = index >= issued - answers
                try await row.create(on: db)
            }
            let response = SurveyResponse(ratings: Dictionary(uniqueKeysWithValues: definition.scaleQuestions.map { ($0.id, level) }))
            for _ in 0..<answers {
                let row = SurveyAnswerModel()
                row.id = UUID()
                row.surveyID = id
                row.answersJSON = CampaignStore.encode(response)
                try await row.create(on: db)
            }
            return id
        }
    }

    /// 甲公司工会 self-assessing (every answer ideal) in 乳山's campaign on 2020-08-03, with the
    /// matrix's survey in `state`.
    static func rushan(_ app: Application, _ f: Fixture, _ state: State, answers: Int = 0) async throws {
        try await SelfAssessmentFixture.startDrafting(app, f)
        SelfAssessmentFixture.temporaryEvidence(app)
        let application = try await SelfAssessmentFixture.application(app, unit: f.unionA, campaign: f.rushanCampaign)!
        application.answersJSON = String(decoding: app.catalogue.scorer("rushan-2020-enterprise")!.templateAnswers().json(pretty: false), as: UTF8.self)
        application.selfTotal = "100"
        try await application.update(on: app.db)
        try await survey(app, campaign: f.rushanCampaign, unit: f.unionA, state, answers: answers)
    }

    /// Every scale question of the standard survey rated `level`, as the member's form sends it.
    static func answers(_ level: SatisfactionLevel, overall: [SurveyTopic: SatisfactionLevel] = [:], token: String) -> [String: String] {
        var form = Dictionary(uniqueKeysWithValues: definition.scaleQuestions.map { q in
            (SurveyResponse.field(q.id), (q.overall ? overall[q.topic!] ?? level : level).rawValue)
        })
        form["token"] = token
        return form
    }
}
