import Fluent
import Foundation
import UnionStarCore
import Vapor

/// What a member sees, on a phone, without an account: `/s` asks for the token (答卷码) — the
/// printed link is `/s#TOKEN`, whose part after `#` the browser never sends, and the page's script
/// puts it in the form and sends it — then the questions, then thanks. The token travels only in
/// form bodies, so no request line, server log or proxy log holds it. A token answers once; a
/// second use is refused with a sentence and stores nothing; a survey not open refuses with its
/// dates.
struct SurveyPublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .answerSurvey, use: show)
        routes.on(.POST, .answerSurvey, use: start)
        routes.on(.POST, .submitSurveyAnswers, use: submit)
    }

    private typealias S = Strings.Survey.Public

    func show(req: Request) async throws -> Response {
        try await respond(req, page(req, message: nil, codeForm: codeForm(req, value: "", error: nil)))
    }

    struct CodeForm: Content {
        var code: String?
    }

    /// The token typed or read from the link: the survey's questions, or why not.
    func start(req: Request) async throws -> Response {
        let typed = try req.content.decode(CodeForm.self).code ?? ""
        guard let token = SurveyToken.normalized(typed) else {
            return try await respond(req, page(req, message: nil, codeForm: codeForm(req, value: typed, error: S.malformedToken)), status: .unprocessableEntity)
        }
        switch try await usable(token, req: req) {
        case .failure(let error):
            return try await refuse(req, error, typed: typed)
        case .success(let found):
            return try await respond(req, page(req, message: nil, answerForm: answerForm(req, found, token: token, form: [:], errors: FieldErrors())))
        }
    }

    func submit(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        guard let token = SurveyToken.normalized(form["token"] ?? "") else {
            return try await respond(req, page(req, message: nil, codeForm: codeForm(req, value: "", error: S.malformedToken)), status: .unprocessableEntity)
        }
        let found: Found
        switch try await usable(token, req: req) {
        case .failure(let error): return try await refuse(req, error, typed: nil)
        case .success(let value): found = value
        }
        switch SurveyResponse.parse(form, for: found.survey.definition) {
        case .failure(let errors):
            return try await respond(req, page(req, message: nil, answerForm: answerForm(req, found, token: token, form: form, errors: errors)),
                                     status: .unprocessableEntity)
        case .success(let response):
            do {
                try await SurveyStore.answer(token, response, surveyID: found.survey.id, today: req.today, app: req.application)
            } catch let error as AppError {
                return try await refuse(req, error, typed: nil)
            }
            return req.redirect(to: SiteRoute.answerSurvey.path + "?done=thanks", redirectType: .normal)
        }
    }

    struct Found {
        var survey: LoadedSurvey
        var unit: String
    }

    /// The token's survey while the token is unused and the survey takes answers today.
    func usable(_ token: String, req: Request) async throws -> Result<Found, AppError> {
        switch try await SurveyStore.survey(forToken: token, on: req.db) {
        case .failure(let error): return .failure(error)
        case .success(let survey):
            if let refusal = survey.life.refusal(.answer, on: req.today) { return .failure(.conflict(refusal.message)) }
            let unit = try await OrganisationModel.find(survey.model.unitID, on: req.db)?.name ?? ""
            return .success(Found(survey: survey, unit: unit))
        }
    }

    /// The sentence why not, with the token's form again when the token may have been mistyped.
    func refuse(_ req: Request, _ error: AppError, typed: String?) async throws -> Response {
        let t = Translator(req.language)
        let retry = error.status == .notFound ? codeForm(req, value: typed ?? "", error: nil) : nil
        return try await respond(req, page(req, message: t(error.message), codeForm: retry), status: error.status)
    }

    func codeForm(_ req: Request, value: String, error: LocalizedText?) -> SurveyPublicPage.CodeForm {
        let t = Translator(req.language)
        return .init(action: SiteRoute.answerSurvey.path, label: t(S.codeLabel), value: value, hint: t(S.codeHint), error: error.map { t($0) },
                     submit: t(S.start))
    }

    func answerForm(_ req: Request, _ found: Found, token: String, form: [String: String], errors: FieldErrors) -> SurveyPublicPage.AnswerForm {
        let t = Translator(req.language)
        let questions = found.survey.definition.questions.enumerated().map { index, question in
            let field = SurveyResponse.field(question.id)
            let value = form[field] ?? ""
            return SurveyPublicPage.Question(
                number: index + 1, field: field, text: t(question.text), topic: question.topic.map { t($0.label) }, scale: question.kind == .scale,
                options: question.kind == .scale ? SatisfactionLevel.allCases.map { .init(value: $0.rawValue, label: t($0.label), checked: value == $0.rawValue) } : [],
                value: value, hint: question.kind == .text ? t(S.textHint(SurveyResponse.textLimit)) : nil, error: errors[field].map { t($0) })
        }
        return .init(action: SiteRoute.submitSurveyAnswers.path, token: token, title: found.survey.model.title,
                     intro: t(S.questionsIntro(unit: found.unit, period: SurveyText.period(found.survey.life, t))), questions: questions,
                     formError: errors.isEmpty ? nil : t(S.fixErrors(errors.order.count)), submit: t(S.submit))
    }

    func page(_ req: Request, message: String?, codeForm: SurveyPublicPage.CodeForm? = nil,
              answerForm: SurveyPublicPage.AnswerForm? = nil) -> SurveyPublicPage {
        let t = Translator(req.language)
        var layout = Layout(request: req, title: t(S.heading))
        layout.notice = SurveyText.done(req, t)
        return SurveyPublicPage(layout: layout, heading: t(S.heading), intro: t(S.intro), message: message, codeForm: codeForm,
                                answerForm: answerForm, csrf: req.csrfToken)
    }

    /// Every page may hold a token: kept out of every cache.
    func respond(_ req: Request, _ page: SurveyPublicPage, status: HTTPResponseStatus = .ok) async throws -> Response {
        let response = try await req.render("survey-public", page, status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
