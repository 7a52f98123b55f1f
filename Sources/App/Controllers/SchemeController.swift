import UnionStarCore
import Vapor

/// The schemes in force: the list, each rubric as the seed's table, and the same as JSON.
struct SchemeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .home, use: list)
        routes.on(.GET, .scheme(id: ""), use: show)
        routes.on(.GET, .apiSchemes, use: apiList)
        routes.on(.GET, .apiScheme(id: ""), use: apiShow)
        routes.on(.POST, .apiSchemeAssessments(id: ""), use: apiAssess)
    }

    func list(req: Request) async throws -> View {
        try await req.view.render("schemes", SchemeListPage(request: req, schemes: req.catalogue.schemes))
    }

    /// The rubric never changes while the server runs: its body is rendered once per language.
    func show(req: Request) async throws -> View {
        let scheme = try scheme(req)
        let body = try await req.application.prerenderedPages.body("scheme/\(scheme.id)/\(req.language.rawValue)") {
            let page = SchemePage(request: req, scheme: scheme)
            let view = try await req.view.render("scheme-body", page)
            return .init(title: page.layout.title, html: String(buffer: view.data))
        }
        return try await req.view.render("prerendered", PrerenderedPage(layout: Layout(request: req, title: body.title), body: body.html))
    }

    func apiList(req: Request) async throws -> [SchemeSummary] {
        req.catalogue.schemes.map(SchemeSummary.init)
    }

    func apiShow(req: Request) async throws -> Scheme {
        try scheme(req)
    }

    /// Scores answers without storing anything: a calculator over the published rubric.
    func apiAssess(req: Request) async throws -> AssessmentReport {
        let scheme = try scheme(req)
        guard let body = req.body.data else {
            throw AppError.invalid(field: nil, Strings.Errors.sendAnswers)
        }
        let answers = try Answers.parse(json: Data(buffer: body))
        guard let scorer = req.catalogue.scorer(scheme.id) else { throw AppError.pageNotFound }
        return AssessmentReport(try scorer.assess(answers))
    }

    private func scheme(_ req: Request) throws -> Scheme {
        let id = req.parameters.get("schemeID") ?? ""
        guard let scheme = req.catalogue.scheme(id) else {
            throw AppError.notFound(Strings.Errors.noSuchScheme(id))
        }
        return scheme
    }
}
