import Fluent
import SQLKit

/// The members' satisfaction surveys (会员评家): the surveys, their print runs of tokens, the tokens
/// (hashes and a used flag only) and the answers (no token, no time).
struct CreateSurveys: AsyncMigration {
    var name: String { "M013_CreateSurveys" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SurveyModel.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(CampaignModel.schema, "id"))
            .field("unit_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("unit_path", .string, .required)
            .field("title", .string, .required)
            .field("definition_json", .string, .required)
            .field("minimum_responses", .int, .required)
            .field("minimum_rate", .string, .required)
            .field("opens_on", .string)
            .field("closes_on", .string)
            .field("closed_early_on", .string)
            .field("issued", .int, .required)
            .field("filled_at", .datetime)
            .field("filled_by", .string)
            .field("filled_json", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema(SurveyBatchModel.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(SurveyModel.schema, "id"))
            .field("number", .int, .required)
            .field("count", .int, .required)
            .field("issued_by", .string, .required)
            .field("issued_at", .datetime, .required)
            .unique(on: "survey_id", "number")
            .create()
        try await database.schema(SurveyTokenModel.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(SurveyModel.schema, "id"))
            .field("batch", .int, .required)
            .field("token_hash", .string, .required)
            .field("used", .bool, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(SurveyAnswerModel.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(SurveyModel.schema, "id"))
            .field("answers_json", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "surveys_unit").on(SurveyModel.schema).column("campaign_id").column("unit_id").run()
        try await sql.create(index: "survey_tokens_survey").on(SurveyTokenModel.schema).column("survey_id").run()
        try await sql.create(index: "survey_answers_survey").on(SurveyAnswerModel.schema).column("survey_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SurveyAnswerModel.schema).delete()
        try await database.schema(SurveyTokenModel.schema).delete()
        try await database.schema(SurveyBatchModel.schema).delete()
        try await database.schema(SurveyModel.schema).delete()
    }
}
