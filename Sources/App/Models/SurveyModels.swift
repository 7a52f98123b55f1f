import Fluent
import Foundation

/// A unit's members' survey (会员评家) in a campaign: what it asks, when it takes answers, how many
/// tokens went out, and whether its result filled the self-assessment.
final class SurveyModel: Model, @unchecked Sendable {
    static let schema = "surveys"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// The unit's tree path when the survey was built, for scope queries without a join.
    @Field(key: "unit_path") var unitPath: String
    @Field(key: "title") var title: String
    /// `SurveyDefinition` JSON: the questions as built, fixed once the survey opens.
    @Field(key: "definition_json") var definitionJSON: String
    /// The minimum-responses rule in force when it was built (`SurveyMinimum`).
    @Field(key: "minimum_responses") var minimumResponses: Int
    @Field(key: "minimum_rate") var minimumRate: String
    /// The period (`YYYY-MM-DD`), set when it is published; the day it was closed early.
    @OptionalField(key: "opens_on") var opensOn: String?
    @OptionalField(key: "closes_on") var closesOn: String?
    @OptionalField(key: "closed_early_on") var closedEarlyOn: String?
    /// Tokens issued so far (counted when they are issued, never when they are used).
    @Field(key: "issued") var issued: Int
    /// When the result filled the self-assessment, and by whom.
    @OptionalField(key: "filled_at") var filledAt: Date?
    @OptionalField(key: "filled_by") var filledBy: String?
    /// The facts filled, `[{"factID", "item", "topic", "value"}]`.
    @OptionalField(key: "filled_json") var filledJSON: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "version") var version: Int

    init() {}
}

/// One print run of tokens: how many, by whom, when. Which token is on which sheet is known only
/// to the paper.
final class SurveyBatchModel: Model, @unchecked Sendable {
    static let schema = "survey_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "count") var count: Int
    @Field(key: "issued_by") var issuedBy: String
    @Field(key: "issued_at") var issuedAt: Date

    init() {}
}

/// A one-time token (答卷码), kept only as the SHA-256 of its canonical form, with whether it has
/// been used. No time of use, and no column another table shares: nothing joins it to an answer.
final class SurveyTokenModel: Model, @unchecked Sendable {
    static let schema = "survey_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "batch") var batch: Int
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "used") var used: Bool

    init() {}
}

/// One member's answers (`SurveyResponse` JSON) under a random id: no token, no account, no time.
final class SurveyAnswerModel: Model, @unchecked Sendable {
    static let schema = "survey_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "answers_json") var answersJSON: String

    init() {}
}
