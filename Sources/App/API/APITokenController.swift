import Foundation
import UnionStarCore
import Vapor

/// Making and revoking one's own personal API tokens, from the account page. The new token's
/// secret is shown once, on the page that answers the creation; only its hash is kept.
struct APITokenController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, .apiTokens, use: create)
        routes.on(.POST, .revokeAPIToken(UUID()), use: revoke)
    }

    struct CreateForm: Content {
        var name: String?
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(CreateForm.self)
        let t = Translator(req.language)
        let name: String
        switch APITokenStore.validName(form.name) {
        case .success(let valid): name = valid
        case .failure(let errors):
            return try await req.render("account", try await AuthController.accountPage(req, user: user, typedName: form.name, errors: errors),
                                        status: .unprocessableEntity)
        }
        let secret = try await APITokenStore.create(name: name, for: user, actor: req.auditActor, writes: req.writes)
        return try await req.render("secret", AccountAdminController.SecretPage(
            layout: Layout(request: req, title: t(Strings.APITokens.madeHeading)), heading: t(Strings.APITokens.madeHeading),
            message: t(Strings.APITokens.madeMessage(name)), secret: secret, warning: t(Strings.APITokens.madeWarning),
            backPath: SiteRoute.account.path, backLabel: t(Strings.APITokens.backToAccount)))
    }

    func revoke(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("tokenID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound(AppError.nothingHere) }
        try await APITokenStore.revoke(id, of: user, actor: req.auditActor, writes: req.writes)
        return req.redirect(to: SiteRoute.account.path + "?done=token-revoked", redirectType: .normal)
    }
}
