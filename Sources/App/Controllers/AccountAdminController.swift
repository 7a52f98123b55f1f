import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Administrators manage the accounts of their subtree: create, assign and revoke roles (at
/// once, sessions included), disable (all sessions end), reset passwords (changed at next sign-in).
struct AccountAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .users, use: index)
        routes.on(.POST, .users, use: create)
        routes.on(.GET, .newUser, use: newForm)
        routes.on(.GET, .user(UUID()), use: show)
        routes.on(.POST, .assignRole(UUID()), use: assign)
        routes.on(.POST, .revokeRole(UUID(), assignment: UUID()), use: revoke)
        routes.on(.POST, .disableUser(UUID()), use: disable)
        routes.on(.POST, .enableUser(UUID()), use: enable)
        routes.on(.POST, .resetPassword(UUID()), use: resetPassword)
    }

    /// The account in the URL, if the user may do `action` to it; "not found" otherwise.
    static func account(_ req: Request, for action: Action) async throws -> (UserModel, CurrentUser) {
        let admin = try req.requireUser()
        let id = try req.userID()
        guard let user = try await UserModel.find(id, on: req.db) else { throw AppError.notFound(AppError.nothingHere) }
        let decision = admin.decide(action, on: try await AccountStore.accessTarget(of: user, on: req.db))
        guard decision.isAllowed else { throw AppError.refused(decision) }
        return (user, admin)
    }

    // MARK: Listing

    struct UsersPage: Encodable {
        struct Row {
            var username: String
            var displayName: String
            var organisation: String
            var roles: String
            var disabled: Bool
            var path: String
        }

        var layout: Layout
        var heading: String
        var columns: [String]
        var hasRows: Bool
        /// The table's rows as HTML (`tableRows`), escaped as they were written.
        var rows: String
        var newPath: String?
        var newLabel: String
        var search: String
        var searchLabel: String
        var searchButton: String
        var pager: Pager
        var empty: String

        /// The rows written in Swift rather than by Leaf (see `HTMLWriter`), in the markup
        /// `users.leaf` had: `<tr><td><a href="…">user name</a>[ <span class="muted">（disabled）</span>]</td>…</tr>`.
        static func tableRows(_ rows: [Row], disabledMark: String) -> String {
            var html = HTMLWriter(capacity: rows.count * 300)
            for row in rows {
                html.raw("<tr><td><a href=\"")
                html.text(row.path)
                html.raw("\">")
                html.text(row.username)
                html.raw("</a>")
                if row.disabled {
                    html.raw(" <span class=\"muted\">")
                    html.text(disabledMark)
                    html.raw("</span>")
                }
                html.raw("</td><td>")
                html.text(row.displayName)
                html.raw("</td><td>")
                html.text(row.organisation)
                html.raw("</td><td>")
                html.text(row.roles)
                html.raw("</td></tr>")
            }
            return html.html
        }
    }

    static let pageSize = 50

    struct ListQuery: Content {
        var q: String?
        var page: Int?
    }

    /// The accounts homed in the viewer's reach, 50 a page, filtered by name; with their units'
    /// names and roles, read in one query.
    func index(req: Request) async throws -> View {
        let admin = try req.authorizeSomewhere(.viewAccounts)
        let t = Translator(req.language)
        let listQuery = try req.query.decode(ListQuery.self)
        let page = Pager.page(listQuery.page)
        let text = (listQuery.q ?? "").trimmingCharacters(in: .whitespaces)
        let (entries, more) = try await AccountStore.listPage(reach: admin.reach(.viewAccounts), text: text, page: page,
                                                              size: Self.pageSize, on: req.db)
        let rows: [UsersPage.Row] = entries.map { user in
            let roles = user.roles.map { a in
                (Role(rawValue: a.role).map { t($0.label) } ?? a.role) + "·" + (a.organisationName ?? t(Strings.Common.everywhere))
            }
            return .init(username: user.username, displayName: user.displayName, organisation: user.homeName ?? "—",
                         roles: roles.joined(separator: t(Strings.Common.listSeparator)), disabled: user.disabled,
                         path: SiteRoute.user(user.id).path)
        }
        return try await req.view.render("users", UsersPage(
            layout: Layout(request: req, title: t(Strings.Accounts.heading)), heading: t(Strings.Accounts.heading),
            columns: [t(Strings.Accounts.userName), t(Strings.Accounts.personName), t(Strings.Accounts.belongsTo), t(Strings.Accounts.roles)],
            hasRows: !rows.isEmpty, rows: UsersPage.tableRows(rows, disabledMark: t(Strings.Accounts.disabledMark(t(Strings.Common.disabled)))),
            newPath: admin.canSomewhere(.manageAccounts) ? SiteRoute.newUser.path : nil,
            newLabel: t(Strings.Accounts.newAccount),
            search: text, searchLabel: t(Strings.Accounts.findByName), searchButton: t(Strings.Accounts.find),
            pager: Pager(t, path: SiteRoute.users.path, query: text.isEmpty ? [] : [URLQueryItem(name: "q", value: text)],
                         page: page, more: more), empty: t(Strings.Accounts.noneMatch)))
    }

    // MARK: Creating

    struct NewUserForm: Content {
        var username: String?
        var displayName: String?
        var organisation: String?
        var organisation_q: String?
        var role: String?
        var _search: String?
    }

    func newUserPage(_ req: Request, admin: CurrentUser, form: NewUserForm, errors: FieldErrors) async throws -> FormPage {
        let t = Translator(req.language)
        let home = try await OrganisationPicker.field(req, name: "organisation", label: t(Strings.Accounts.belongsTo), purpose: .home,
                                                      user: admin, unit: nil, text: form.organisation_q ?? "", selected: form.organisation)
        return FormPage(
            request: req, title: t(Strings.Accounts.newAccount),
            intro: t(Strings.Accounts.newAccountIntro),
            action: SiteRoute.users.path,
            fields: [
                .init(name: "username", label: t(Strings.Accounts.userName), kind: .text, value: form.username ?? "",
                      hint: t(Strings.Accounts.userNameHint), required: true),
                .init(name: "displayName", label: t(Strings.Accounts.personName), kind: .text, value: form.displayName ?? "", required: true),
                home,
                .select("role", t(Strings.Accounts.roleAtHomeUnit),
                        options: [("", "—")] + Role.allCases.map { ($0.rawValue, t($0.label)) }, selected: form.role ?? "", required: false),
            ],
            submit: t(Strings.Common.create), errors: errors, cancelPath: SiteRoute.users.path)
    }

    func newForm(req: Request) async throws -> Response {
        let admin = try req.authorizeSomewhere(.manageAccounts)
        let preselected = try? req.query.get(String.self, at: "org")
        return try await req.render("form", try await newUserPage(req, admin: admin, form: NewUserForm(organisation: preselected), errors: FieldErrors()))
    }

    struct SecretPage: Encodable {
        var layout: Layout
        var heading: String
        var message: String
        var secret: String
        var warning: String
        var backPath: String
        var backLabel: String
    }

    func create(req: Request) async throws -> Response {
        let admin = try req.authorizeSomewhere(.manageAccounts)
        let form = try req.content.decode(NewUserForm.self)
        let t = Translator(req.language)
        if form._search?.isEmpty == false {
            return try await req.render("form", try await newUserPage(req, admin: admin, form: form, errors: FieldErrors()))
        }
        var errors = FieldErrors()
        let orgID = form.organisation.flatMap(UUID.init(uuidString:))
        let org = try await orgID.asyncMap { try await OrganisationModel.find($0, on: req.db) } ?? nil
        guard let org, admin.can(.manageAccounts, on: org.accessTarget), org.retiredAt == nil else {
            errors.add("organisation", Strings.Accounts.chooseHomeUnit)
            return try await req.render("form", try await newUserPage(req, admin: admin, form: form, errors: errors), status: .unprocessableEntity)
        }
        let role = form.role.flatMap { $0.isEmpty ? nil : Role(rawValue: $0) }
        if role != nil, !admin.can(.assignRoles, on: org.accessTarget) {
            errors.add("role", Strings.Accounts.mayNotAssignThere)
        }
        let temporary = RandomToken.password()
        let hash = try await req.hashing.hash(temporary)
        let actor = req.auditActor
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let displayName = (form.displayName ?? "").trimmingCharacters(in: .whitespaces)
        guard errors.isEmpty else {
            return try await req.render("form", try await newUserPage(req, admin: admin, form: form, errors: errors), status: .unprocessableEntity)
        }
        do {
            let user = try await req.writes.perform { db in
                let user = try await AccountStore.create(username: username, displayName: displayName, organisationID: org.id,
                                                         passwordHash: hash, mustChangePassword: true, actor: actor, on: db)
                if let role { try await AccountStore.assign(role, at: org, to: user, actor: actor, on: db) }
                return user
            }
            return try await req.render("secret", SecretPage(
                layout: Layout(request: req, title: t(Strings.Accounts.accountCreated)), heading: t(Strings.Accounts.accountCreated),
                message: t(Strings.Accounts.temporaryPassword(of: user.username)), secret: temporary,
                warning: t(Strings.Accounts.handOverNewAccount),
                backPath: SiteRoute.user(user.id!).path, backLabel: t(Strings.Accounts.openAccount)))
        } catch OrganisationStore.ChangeError.invalid(let e) {
            return try await req.render("form", try await newUserPage(req, admin: admin, form: form, errors: e), status: .unprocessableEntity)
        }
    }

    // MARK: One account

    struct UserPage: Encodable {
        struct RoleRow: Encodable {
            var label: String
            var revokePath: String?
        }

        var layout: Layout
        var heading: String
        var details: [OrganisationPage.Item]
        var rolesHeading: String
        var roles: [RoleRow]
        var revokeLabel: String
        var assignPath: String?
        var assignHeading: String
        var fields: [FormPage.Field]
        var assignLabel: String
        var actions: [OrganisationPage.PostAction]
        var csrf: String
        var error: String?
        /// The e-mail form, for an administrator who may manage the account.
        var emailForm: AccountEmailController.Form?
    }

    func userPage(_ req: Request, user: UserModel, admin: CurrentUser, placeQuery: String = "", error: String? = nil,
                  typedEmail: String? = nil, emailErrors: FieldErrors = FieldErrors()) async throws -> UserPage {
        let t = Translator(req.language)
        let (assignments, orgs) = try await AccountStore.roles(of: user, on: req.db)
        let roles: [UserPage.RoleRow] = assignments.map { a in
            let org = a.organisationID.flatMap { orgs[$0] }
            let allowed = admin.can(.assignRoles, on: org.map { AccessTarget(place: .node($0.treePath)) } ?? .top)
            return .init(label: t(Strings.Accounts.roleAt(Role(rawValue: a.role).map { t($0.label) } ?? a.role, org?.name ?? t(Strings.Common.everywhere))),
                         revokePath: allowed ? SiteRoute.revokeRole(user.id!, assignment: a.id!).path : nil)
        }
        let home = user.organisationID.flatMap { orgs[$0] }
        let place = try await OrganisationPicker.field(req, name: "organisation", label: t(Strings.Accounts.unit), purpose: .place, user: admin,
                                                       unit: nil, text: placeQuery, selected: user.organisationID?.uuidString.lowercased())
        let manage = admin.can(.manageAccounts, on: AccountStore.accessTarget(of: user, assignments: assignments, units: orgs))
        var actions: [OrganisationPage.PostAction] = []
        if manage {
            actions.append(user.disabledAt == nil
                ? .init(label: t(Strings.Accounts.disableButton), path: SiteRoute.disableUser(user.id!).path, version: user.version,
                        confirm: t(Strings.Accounts.disableConfirm))
                : .init(label: t(Strings.Accounts.enableButton), path: SiteRoute.enableUser(user.id!).path, version: user.version, confirm: ""))
            actions.append(.init(label: t(Strings.Accounts.resetPasswordButton), path: SiteRoute.resetPassword(user.id!).path, version: user.version,
                                 confirm: t(Strings.Accounts.resetPasswordConfirm)))
        }
        return UserPage(
            layout: Layout(request: req, title: user.displayName), heading: t(Strings.Common.personWithUserName(user.displayName, user.username)),
            details: [
                .init(label: t(Strings.Accounts.belongsTo), value: home?.name ?? "—"),
                .init(label: t(Strings.Accounts.status), value: user.disabledAt == nil ? t(Strings.Accounts.active) : t(Strings.Common.disabled)),
                .init(label: t(Strings.Accounts.mustChangePassword), value: user.mustChangePassword ? t(Strings.Common.yes) : t(Strings.Common.no)),
                .init(label: t(Strings.Email.address), value: user.email ?? t(Strings.Email.none)),
            ],
            rolesHeading: t(Strings.Accounts.roles), roles: roles, revokeLabel: t(Strings.Accounts.revoke),
            assignPath: admin.canSomewhere(.assignRoles) ? SiteRoute.assignRole(user.id!).path : nil, assignHeading: t(Strings.Accounts.assignRole),
            fields: [.select("role", t(Strings.Accounts.role), options: Role.allCases.map { ($0.rawValue, t($0.label)) }, selected: ""), place],
            assignLabel: t(Strings.Accounts.assign),
            actions: actions, csrf: req.csrfToken, error: error,
            emailForm: manage ? AccountEmailController.form(req, action: SiteRoute.userEmail(user.id!).path, account: user, typed: typedEmail,
                                                            errors: emailErrors) : nil)
    }

    func show(req: Request) async throws -> View {
        let (user, admin) = try await Self.account(req, for: .viewAccounts)
        return try await req.view.render("user", try await userPage(req, user: user, admin: admin))
    }

    struct AssignForm: Content {
        var role: String?
        var organisation: String?
        var organisation_q: String?
        var _search: String?
    }

    func assign(req: Request) async throws -> Response {
        let (user, admin) = try await Self.account(req, for: .assignRoles)
        let form = try req.content.decode(AssignForm.self)
        let t = Translator(req.language)
        if form._search?.isEmpty == false {
            return try await req.render("user", try await userPage(req, user: user, admin: admin, placeQuery: form.organisation_q ?? ""))
        }
        // The place is checked on its own: an administrator binds roles only inside their subtree.
        guard let role = form.role.flatMap(Role.init(rawValue:)),
              let orgID = form.organisation.flatMap(UUID.init(uuidString:)),
              let org = try await OrganisationModel.find(orgID, on: req.db), admin.can(.assignRoles, on: org.accessTarget) else {
            let page = try await userPage(req, user: user, admin: admin, error: t(Strings.Accounts.chooseRoleAndUnit))
            return try await req.render("user", page, status: .unprocessableEntity)
        }
        let actor = req.auditActor
        do {
            try await req.writes.perform { db in try await AccountStore.assign(role, at: org, to: user, actor: actor, on: db) }
        } catch OrganisationStore.ChangeError.invalid(let e) {
            return try await req.render("user", try await userPage(req, user: user, admin: admin, error: t(e.first!.text)), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.user(user.id!).path + "?done=role", redirectType: .normal)
    }

    func revoke(req: Request) async throws -> Response {
        let (user, admin) = try await Self.account(req, for: .assignRoles)
        guard let text = req.parameters.get("assignmentID"), let assignmentID = UUID(uuidString: text),
              let assignment = try await RoleAssignmentModel.find(assignmentID, on: req.db), assignment.userID == user.id else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let org = try await assignment.organisationID.asyncMap { try await OrganisationModel.find($0, on: req.db) } ?? nil
        // A role bound to a unit that no longer exists counts as held at the top.
        let place: AccessTarget = org.map { AccessTarget(place: .node($0.treePath)) } ?? .top
        guard admin.can(.assignRoles, on: place) else { throw AppError.notFound(AppError.nothingHere) }
        let actor = req.auditActor
        try await req.writes.perform { db in try await AccountStore.revoke(assignment, of: user, actor: actor, on: db) }
        return req.redirect(to: SiteRoute.user(user.id!).path + "?done=revoked", redirectType: .normal)
    }

    func disable(req: Request) async throws -> Response { try await setDisabled(req, true) }
    func enable(req: Request) async throws -> Response { try await setDisabled(req, false) }

    /// The version of the account the form was read at (a hidden field, as on the organisation forms).
    static func formVersion(_ req: Request) throws -> Int {
        guard let version = try req.content.decode(OrganisationController.VersionForm.self).version else {
            throw AppError.invalid(field: "version", Strings.Errors.formHasNoVersion)
        }
        return version
    }

    /// A stale action: nothing was done; the account page as it is now, with the reason, and 409.
    func staleResponse(_ req: Request, id: UUID, admin: CurrentUser) async throws -> Response {
        guard let fresh = try await UserModel.find(id, on: req.db) else { throw AppError.notFound(AppError.nothingHere) }
        let page = try await userPage(req, user: fresh, admin: admin, error: Translator(req.language)(Strings.Accounts.staleAccount))
        return try await req.render("user", page, status: .conflict)
    }

    private func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let (user, admin) = try await Self.account(req, for: .manageAccounts)
        let version = try Self.formVersion(req)
        let actor = req.auditActor
        let id = user.id!
        do {
            try await req.writes.perform { db in
                guard let user = try await UserModel.find(id, on: db) else { throw AppError.notFound(AppError.nothingHere) }
                try await AccountStore.setDisabled(user, disabled, expectedVersion: version, actor: actor, on: db)
            }
        } catch OrganisationStore.ChangeError.stale {
            return try await staleResponse(req, id: id, admin: admin)
        }
        return req.redirect(to: SiteRoute.user(id).path + (disabled ? "?done=disabled" : "?done=enabled"), redirectType: .normal)
    }

    func resetPassword(req: Request) async throws -> Response {
        let (user, admin) = try await Self.account(req, for: .manageAccounts)
        let version = try Self.formVersion(req)
        let t = Translator(req.language)
        let temporary = RandomToken.password()
        let hash = try await req.hashing.hash(temporary)
        let actor = req.auditActor
        let id = user.id!
        do {
            try await req.writes.perform { db in
                guard let user = try await UserModel.find(id, on: db) else { throw AppError.notFound(AppError.nothingHere) }
                try await AccountStore.setPassword(user, hash: hash, byAdministrator: true, expectedVersion: version, actor: actor, on: db)
            }
        } catch OrganisationStore.ChangeError.stale {
            return try await staleResponse(req, id: id, admin: admin)
        }
        return try await req.render("secret", SecretPage(
            layout: Layout(request: req, title: t(Strings.Accounts.passwordReset)), heading: t(Strings.Accounts.passwordReset),
            message: t(Strings.Accounts.newTemporaryPassword(of: user.username)), secret: temporary,
            warning: t(Strings.Accounts.handOverResetPassword),
            backPath: SiteRoute.user(id).path, backLabel: t(Strings.Accounts.backToAccount)))
    }
}
