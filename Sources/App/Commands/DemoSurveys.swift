import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The demo's members' surveys (会员评家), on the `cadre` account's union in this year's 乳山
/// campaign, made through the same store the pages use, each step on the day it would have been
/// taken: one closed a week ago with most of its 186 members' answers (its result on the page and
/// ready to fill the self-assessment), and one running now with a few answers, whose next tokens
/// the demo prints so that anyone can answer as a member on a phone.
struct DemoSurveys {
    let app: Application

    /// How many of the running survey's tokens each demo run prints.
    static let printedTokens = 5

    /// Builds the surveys once; prints fresh tokens of the running one on every run.
    func build(orgs: [String: OrganisationModel]) async throws -> [String] {
        let today = CalendarDate.china(app.clock.now())
        guard let unit = orgs["cadreUnion"], let rushan = orgs["rushan"],
              let campaign = try await CampaignModel.query(on: app.db).filter(\.$ownerID == rushan.id!).filter(\.$year == today.year).first()
        else { return [] }
        let plan = try CampaignStore.plan(of: campaign)
        guard let kind = unit.kind.flatMap(UnionKind.init(rawValue:)), let pin = plan.scheme(for: kind) else { return [] }
        let user = CurrentUser(id: UUID(), username: "demo", displayName: "demo", mustChangePassword: false,
                               grants: [Grant(role: .unionCadre, scope: unit.treePath)], sessionID: "", csrfToken: "")
        let context = ApplicationContext(campaign: campaign, plan: plan, unit: unit, pin: pin, application: nil, user: user)
        var surveys = try await SurveyStore.list(campaignID: campaign.id!, unitID: unit.id!, on: app.db)
        if surveys.isEmpty {
            try await closed(context, today: today)
            try await running(context, today: today)
            surveys = try await SurveyStore.list(campaignID: campaign.id!, unitID: unit.id!, on: app.db)
        }
        guard let open = try surveys.map(LoadedSurvey.init).first(where: { $0.life.status(on: today) == .open }) else { return [] }
        return try await SurveyStore.issue(Self.printedTokens, surveyID: open.id, today: today, actor: actor(today), app: app).tokens
    }

    private func actor(_ day: CalendarDate) -> AuditDraft.Actor {
        .commandLine("demo", at: Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 2 * 3_600))
    }

    /// Built 25 days ago, open from 20 days ago to 7 days ago, a token for each member, 162 answers.
    private func closed(_ context: ApplicationContext, today: CalendarDate) async throws {
        let opens = today.adding(days: -20), closes = today.adding(days: -7)
        try await run(context, title: Strings.Survey.Pages.defaultTitle(year: today.year).zh, built: today.adding(days: -25),
                      period: SurveyPeriod(opens: opens, closes: closes), tokens: context.unit.members, answers: 162, seed: 2020)
    }

    /// A second round, open from two days ago for two weeks, 30 tokens, 12 answers so far.
    private func running(_ context: ApplicationContext, today: CalendarDate) async throws {
        try await run(context, title: DemoText.surveyRepeatTitle(today.year), built: today.adding(days: -3),
                      period: SurveyPeriod(opens: today.adding(days: -2), closes: today.adding(days: 12)), tokens: 30, answers: 12, seed: 2021)
    }

    private func run(_ context: ApplicationContext, title: String, built: CalendarDate, period: SurveyPeriod, tokens: Int, answers: Int,
                     seed: UInt64) async throws {
        var definition = try SurveyDefinition.build(SurveyDraft(title: title, includesChair: true,
                                                                chosen: Set(SurveyTemplate.standard.questions.map(\.id)))).get()
        definition.title = title
        let id = try await SurveyStore.create(definition, context, minimum: app.surveyMinimum, actor: actor(built), app: app)
        try await SurveyStore.change(id, .open, version: nil, today: built, actor: actor(built), app: app) { model, _ in
            model.opensOn = period.opens.description
            model.closesOn = period.closes.description
        }
        let issued = try await SurveyStore.issue(tokens, surveyID: id, today: built, actor: actor(built), app: app).tokens
        var dice = SplitMix64(seed: seed)
        let days = period.closes.dayNumber - period.opens.dayNumber
        for token in issued.prefix(answers) {
            let day = period.opens.adding(days: Int(dice.next(below: UInt64(max(1, min(days, 2))))))
            try await SurveyStore.answer(token, response(definition, &dice), surveyID: id, today: day, app: app)
        }
    }

    /// A member's answers: most satisfied with the union (about nine in ten), a little less with the
    /// chair, a comment now and then.
    private func response(_ definition: SurveyDefinition, _ dice: inout SplitMix64) -> SurveyResponse {
        func level(_ weights: [UInt64]) -> SatisfactionLevel {
            var roll = dice.next(below: weights.reduce(0, +))
            for (level, weight) in zip(SatisfactionLevel.allCases, weights) {
                if roll < weight { return level }
                roll -= weight
            }
            return .satisfied
        }
        var response = SurveyResponse(ratings: [:])
        for question in definition.scaleQuestions {
            response.ratings[question.id] = question.topic == .chair ? level([48, 38, 10, 3, 1]) : level([62, 34, 3, 1, 0])
        }
        if dice.next(below: 6) == 0 { response.texts["comments"] = DemoText.surveyComments[Int(dice.next(below: UInt64(DemoText.surveyComments.count)))] }
        return response
    }
}
