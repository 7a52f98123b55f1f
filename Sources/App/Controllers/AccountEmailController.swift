import Fluent
import Foundation
import UnionStarCore
import Vapor

/// An account's e-mail address, where reminders go: set by the person on their account page, or
/// by an administrator who may manage the account. Checked by the core (`EmailAddress`), with the
/// account's version (a stale form is refused) and an audit entry.
struct AccountEmailController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, .accountEmail, use: setOwn)
        routes.on(.POST, .userEmail(UUID()), use: setByAdministrator)
    }

    /// The form as a page shows it.
    struct Form: Encodable {
        var action: String
        var version: Int
        var label: String
        /// The one field, as a list for `field.leaf`'s loop.
        var fields: [FormPage.Field]
        var submit: String
    }

    static func form(_ req: Request, action: String, account: UserModel, typed: String?, errors: FieldErrors) -> Form {
        let t = Translator(req.language)
        return Form(action: action, version: account.version, label: t(Strings.Email.address),
                    fields: [.init(name: "email", label: t(Strings.Email.address), kind: .text, value: typed ?? account.email ?? "",
                                 error: errors["email"].map { t($0) }, hint: t(Strings.Email.hint), autocomplete: "email")],
                    submit: t(Strings.Email.save))
    }

    struct Input: Content {
        var email: String?
        var version: Int?
    }

    /// The address typed, or the field's error.
    static func parse(_ input: Input) -> (email: String?, errors: FieldErrors) {
        var errors = FieldErrors()
        switch EmailAddress.parse(input.email ?? "") {
        case .none: return (nil, errors)
        case .valid(let address): return (address, errors)
        case .invalid(let problem):
            errors.add("email", problem)
            return (nil, errors)
        }
    }

    func setOwn(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(Input.self)
        let (email, errors) = Self.parse(input)
        guard errors.isEmpty else {
            return try await req.render("account", try await AuthController.accountPage(req, typedEmail: input.email, errors: errors),
                                        status: .unprocessableEntity)
        }
        let actor = req.auditActor, id = user.id
        do {
            try await req.writes.perform { db in
                guard let account = try await UserModel.find(id, on: db) else { throw AppError.signInRequired }
                try await AccountStore.setEmail(account, email, expectedVersion: input.version, actor: actor, on: db)
            }
        } catch OrganisationStore.ChangeError.stale {
            throw AppError.conflict(Strings.Accounts.staleAccount)
        }
        return req.redirect(to: SiteRoute.account.path + "?done=email", redirectType: .normal)
    }

    func setByAdministrator(req: Request) async throws -> Response {
        let (user, admin) = try await AccountAdminController.account(req, for: .manageAccounts)
        let input = try req.content.decode(Input.self)
        let (email, errors) = Self.parse(input)
        let controller = AccountAdminController()
        guard errors.isEmpty else {
            let page = try await controller.userPage(req, user: user, admin: admin, typedEmail: input.email, emailErrors: errors)
            return try await req.render("user", page, status: .unprocessableEntity)
        }
        let actor = req.auditActor, id = user.id!
        do {
            try await req.writes.perform { db in
                guard let account = try await UserModel.find(id, on: db) else { throw AppError.notFound(AppError.nothingHere) }
                try await AccountStore.setEmail(account, email, expectedVersion: input.version, actor: actor, on: db)
            }
        } catch OrganisationStore.ChangeError.stale {
            return try await controller.staleResponse(req, id: id, admin: admin)
        }
        return req.redirect(to: SiteRoute.user(id).path + "?done=email", redirectType: .normal)
    }
}
