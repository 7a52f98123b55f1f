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
        struct Row: Encodable {
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
        var rows: [Row]
        var newPath: String?
        var newLabel: String
        var disabledLabel: String
        var search: String
        var searchLabel: String
        var searchButton: String
        var pager: Pager
        var empty: String
    }

    static let pageSize = 50

    struct ListQuery: Content {
        var q: String?
        var page: Int?
    }

    /// The accounts homed in the viewer's reach, 50 a page, filtered by name; the roles and unit
    /// names of a page are read in two queries, not one per row.
    func index(req: Request) async throws -> View {
        let admin = try req.authorizeSomewhere(.viewAccounts)
        let t = Translator(req.language)
        let listQuery = try req.query.decode(ListQuery.self)
        let page = max(1, listQuery.page ?? 1)
        let text = (listQuery.q ?? "").trimmingCharacters(in: .whitespaces)
        var query = UserModel.query(on: req.db)
        if case .within(let tops) = admin.reach(.viewAccounts) {
            query = query.join(OrganisationModel.self, on: \UserModel.$organisationID == \OrganisationModel.$id)
                .group(.or) { group in
                    for top in tops { group.filter(OrganisationModel.self, \.$path, .custom("LIKE"), top.text + "%") }
                }
        }
        if !text.isEmpty {
            query = query.group(.or) { group in
                group.filter(.sql(ContainsText(column: "username", text: text.lowercased())))
                group.filter(.sql(ContainsText(column: "display_name", text: text)))
            }
        }
        let users = try await query.sort(\.$username).range(((page - 1) * Self.pageSize)..<(page * Self.pageSize + 1)).all()
        let shown = Array(users.prefix(Self.pageSize))
        let ids = shown.compactMap(\.id)
        let assignments = try await ChunkedQuery.all(ids) { RoleAssignmentModel.query(on: req.db).filter(\.$userID ~~ $0) }
        let byUser = Dictionary(grouping: assignments, by: \.userID)
        let orgIDs = Set(shown.compactMap(\.organisationID) + assignments.compactMap(\.organisationID))
        let orgNames = Dictionary(uniqueKeysWithValues: try await ChunkedQuery.all(orgIDs) { OrganisationModel.query(on: req.db)
            .filter(\.$id ~~ $0) }.map { ($0.id!, $0.name) })
        let rows: [UsersPage.Row] = shown.map { user in
            let roles = (byUser[user.id!] ?? []).map { a in
                (Role(rawValue: a.role).map { t($0.label) } ?? a.role) + "·" + (a.organisationID.flatMap { orgNames[$0] } ?? t("全部", "everywhere"))
            }
            return .init(username: user.username, displayName: user.displayName,
                         organisation: user.organisationID.flatMap { orgNames[$0] } ?? "—", roles: roles.joined(separator: "；"),
                         disabled: user.disabledAt != nil, path: SiteRoute.user(user.id!).path)
        }
        return try await req.view.render("users", UsersPage(
            layout: Layout(request: req, title: t("账号管理", "Accounts")), heading: t("账号管理", "Accounts"),
            columns: [t("用户名", "User name"), t("姓名", "Name"), t("所属单位", "Belongs to"), t("角色", "Roles")],
            rows: rows, newPath: admin.canSomewhere(.manageAccounts) ? SiteRoute.newUser.path : nil,
            newLabel: t("新建账号", "New account"), disabledLabel: t("已停用", "disabled"),
            search: text, searchLabel: t("按用户名或姓名查找", "Find by user name or name"), searchButton: t("查找", "Find"),
            pager: Pager(t, path: SiteRoute.users.path, query: text.isEmpty ? [] : [URLQueryItem(name: "q", value: text)],
                         page: page, more: users.count > Self.pageSize), empty: t("没有符合条件的账号。", "No accounts match.")))
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
        let home = try await OrganisationPicker.field(req, name: "organisation", label: t("所属单位", "Belongs to"), purpose: .home,
                                                      user: admin, unit: nil, text: form.organisation_q ?? "", selected: form.organisation)
        return FormPage(
            request: req, title: t("新建账号", "New account"),
            intro: t("系统会生成一个临时密码，只显示一次；对方首次登录时必须修改。", "A temporary password is generated and shown once; it must be changed at first sign-in."),
            action: SiteRoute.users.path,
            fields: [
                .init(name: "username", label: t("用户名", "User name"), kind: .text, value: form.username ?? "",
                      hint: t("3至32位小写字母、数字或 . _ -", "3 to 32 lower-case letters, digits, '.', '_' or '-'"), required: true),
                .init(name: "displayName", label: t("姓名", "Name"), kind: .text, value: form.displayName ?? "", required: true),
                home,
                .select("role", t("角色（设在所属单位）", "Role (at that unit)"),
                        options: [("", "—")] + Role.allCases.map { ($0.rawValue, t($0.label)) }, selected: form.role ?? "", required: false),
            ],
            submit: t("新建", "Create"), errors: errors, cancelPath: SiteRoute.users.path)
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
            errors.add("organisation", zh: "请选择所属单位", en: "Choose the unit the account belongs to")
            return try await req.render("form", try await newUserPage(req, admin: admin, form: form, errors: errors), status: .unprocessableEntity)
        }
        let role = form.role.flatMap { $0.isEmpty ? nil : Role(rawValue: $0) }
        if role != nil, !admin.can(.assignRoles, on: org.accessTarget) {
            errors.add("role", zh: "您无权在该单位分配角色", en: "You may not assign roles at that unit")
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
                layout: Layout(request: req, title: t("账号已建立", "Account created")), heading: t("账号已建立", "Account created"),
                message: t("账号“\(user.username)”的临时密码：", "The temporary password of '\(user.username)':"), secret: temporary,
                warning: t("请当面或通过安全渠道交给本人。离开本页后无法再次查看；对方首次登录时必须修改。",
                           "Hand it over in person or by a safe channel. It cannot be shown again; it must be changed at first sign-in."),
                backPath: SiteRoute.user(user.id!).path, backLabel: t("查看账号", "Open the account")))
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
    }

    func userPage(_ req: Request, user: UserModel, admin: CurrentUser, placeQuery: String = "", error: String? = nil) async throws -> UserPage {
        let t = Translator(req.language)
        let (assignments, orgs) = try await AccountStore.roles(of: user, on: req.db)
        let roles: [UserPage.RoleRow] = assignments.map { a in
            let org = a.organisationID.flatMap { orgs[$0] }
            let allowed = admin.can(.assignRoles, on: org.map { AccessTarget(place: .node($0.treePath)) } ?? .top)
            return .init(label: (Role(rawValue: a.role).map { t($0.label) } ?? a.role) + " · " + (org?.name ?? t("全部", "everywhere")),
                         revokePath: allowed ? SiteRoute.revokeRole(user.id!, assignment: a.id!).path : nil)
        }
        let home = user.organisationID.flatMap { orgs[$0] }
        let place = try await OrganisationPicker.field(req, name: "organisation", label: t("单位", "Unit"), purpose: .place, user: admin,
                                                       unit: nil, text: placeQuery, selected: user.organisationID?.uuidString.lowercased())
        let manage = admin.can(.manageAccounts, on: AccountStore.accessTarget(of: user, assignments: assignments, units: orgs))
        var actions: [OrganisationPage.PostAction] = []
        if manage {
            actions.append(user.disabledAt == nil
                ? .init(label: t("停用账号", "Disable"), path: SiteRoute.disableUser(user.id!).path, version: user.version,
                        confirm: t("停用后该账号所有会话立即结束。确定停用吗？", "Disabling ends all its sessions at once. Disable?"))
                : .init(label: t("启用账号", "Enable"), path: SiteRoute.enableUser(user.id!).path, version: user.version, confirm: ""))
            actions.append(.init(label: t("重置密码", "Reset password"), path: SiteRoute.resetPassword(user.id!).path, version: user.version,
                                 confirm: t("重置后旧密码失效、所有会话结束。确定吗？", "The old password stops working and all sessions end. Reset?")))
        }
        return UserPage(
            layout: Layout(request: req, title: user.displayName), heading: "\(user.displayName)（\(user.username)）",
            details: [
                .init(label: t("所属单位", "Belongs to"), value: home?.name ?? "—"),
                .init(label: t("状态", "Status"), value: user.disabledAt == nil ? t("正常", "active") : t("已停用", "disabled")),
                .init(label: t("须修改密码", "Must change password"), value: user.mustChangePassword ? t("是", "yes") : t("否", "no")),
            ],
            rolesHeading: t("角色", "Roles"), roles: roles, revokeLabel: t("收回", "Revoke"),
            assignPath: admin.canSomewhere(.assignRoles) ? SiteRoute.assignRole(user.id!).path : nil, assignHeading: t("分配角色", "Assign a role"),
            fields: [.select("role", t("角色", "Role"), options: Role.allCases.map { ($0.rawValue, t($0.label)) }, selected: ""), place],
            assignLabel: t("分配", "Assign"),
            actions: actions, csrf: req.csrfToken, error: error)
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
            let page = try await userPage(req, user: user, admin: admin, error: t("请选择角色和您管辖范围内的单位。", "Choose a role and a unit within your scope."))
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
            throw AppError.invalid(field: "version", LocalizedText(zh: "表单缺少版本号，请重新打开页面", en: "The form has no version; reopen the page"))
        }
        return version
    }

    static func staleMessage(_ t: Translator) -> String {
        t("未执行：这个账号在您打开页面后已被他人修改。请查看下面的最新状态后再操作。",
          "Not done: someone changed this account after you opened the page. Check its current state below and try again.")
    }

    /// A stale action: nothing was done; the account page as it is now, with the reason, and 409.
    func staleResponse(_ req: Request, id: UUID, admin: CurrentUser) async throws -> Response {
        guard let fresh = try await UserModel.find(id, on: req.db) else { throw AppError.notFound(AppError.nothingHere) }
        let page = try await userPage(req, user: fresh, admin: admin, error: Self.staleMessage(Translator(req.language)))
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
            layout: Layout(request: req, title: t("密码已重置", "Password reset")), heading: t("密码已重置", "Password reset"),
            message: t("账号“\(user.username)”的新临时密码：", "The new temporary password of '\(user.username)':"), secret: temporary,
            warning: t("请通过安全渠道交给本人。离开本页后无法再次查看；对方下次登录时必须修改。该账号原有的会话已全部结束。",
                       "Hand it over by a safe channel. It cannot be shown again; it must be changed at the next sign-in. All the account's sessions have ended."),
            backPath: SiteRoute.user(id).path, backLabel: t("返回账号", "Back to the account")))
    }
}
