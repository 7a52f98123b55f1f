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
        guard let user = try await UserModel.find(id, on: req.db),
              try await AccountStore.canManage(user, by: admin.grants, action: action, on: req.db) else {
            throw AppError.notFound(AppError.nothingHere)
        }
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
    }

    func index(req: Request) async throws -> View {
        let admin = try req.authorizeSomewhere(.viewAccounts)
        let t = Translator(req.language)
        let scopes = AccessPolicy.scopes(admin.grants, for: .viewAccounts)
        let users: [UserModel]
        if scopes.contains(where: { $0 == nil }) {
            users = try await UserModel.query(on: req.db).sort(\.$username).all()
        } else {
            users = try await UserModel.query(on: req.db)
                .join(OrganisationModel.self, on: \UserModel.$organisationID == \OrganisationModel.$id)
                .group(.or) { group in
                    for scope in scopes.compactMap({ $0 }) { group.filter(OrganisationModel.self, \.$path, .custom("LIKE"), scope.text + "%") }
                }
                .sort(\.$username).all()
        }
        var rows: [UsersPage.Row] = []
        let ids = users.compactMap(\.id)
        let assignments = ids.isEmpty ? [] : try await RoleAssignmentModel.query(on: req.db).filter(\.$userID ~~ ids).all()
        let orgIDs = Set(users.compactMap(\.organisationID) + assignments.compactMap(\.organisationID))
        let orgNames = orgIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await OrganisationModel.query(on: req.db)
            .filter(\.$id ~~ Array(orgIDs)).all().map { ($0.id!, $0.name) })
        for user in users {
            let roles = assignments.filter { $0.userID == user.id }.map { a in
                (Role(rawValue: a.role).map { t($0.label) } ?? a.role) + "·" + (a.organisationID.flatMap { orgNames[$0] } ?? t("全部", "everywhere"))
            }
            rows.append(.init(username: user.username, displayName: user.displayName,
                              organisation: user.organisationID.flatMap { orgNames[$0] } ?? "—", roles: roles.joined(separator: "；"),
                              disabled: user.disabledAt != nil, path: SiteRoute.user(user.id!).path))
        }
        return try await req.view.render("users", UsersPage(
            layout: Layout(request: req, title: t("账号管理", "Accounts")), heading: t("账号管理", "Accounts"),
            columns: [t("用户名", "User name"), t("姓名", "Name"), t("所属单位", "Belongs to"), t("角色", "Roles")],
            rows: rows, newPath: admin.canSomewhere(.manageAccounts) ? SiteRoute.newUser.path : nil,
            newLabel: t("新建账号", "New account"), disabledLabel: t("已停用", "disabled")))
    }

    // MARK: Creating

    struct NewUserForm: Content {
        var username: String?
        var displayName: String?
        var organisation: String?
        var role: String?
    }

    /// Nodes where the admin may create accounts (and bind roles).
    func homeOptions(_ req: Request, admin: CurrentUser) async throws -> [OrganisationModel] {
        let store = OrganisationStore(database: req.db)
        var nodes: [OrganisationModel] = []
        for root in try await store.visibleRoots(for: admin.grants, action: .manageAccounts) {
            nodes += try await store.subtree(of: root.treePath)
        }
        return nodes.filter { $0.retiredAt == nil && admin.can(.manageAccounts, on: $0.treePath) }.sorted { $0.path < $1.path }
    }

    func newUserPage(_ req: Request, admin: CurrentUser, form: NewUserForm, errors: FieldErrors) async throws -> FormPage {
        let t = Translator(req.language)
        let options = try await homeOptions(req, admin: admin)
        let names = Dictionary(uniqueKeysWithValues: options.map { ($0.id!.uuidString.lowercased(), $0.name) })
        let labelled: [(String, String)] = options.map { org in
            (org.id!.uuidString.lowercased(), org.treePath.ids.compactMap { names[$0] }.joined(separator: " / "))
        }
        return FormPage(
            request: req, title: t("新建账号", "New account"),
            intro: t("系统会生成一个临时密码，只显示一次；对方首次登录时必须修改。", "A temporary password is generated and shown once; it must be changed at first sign-in."),
            action: SiteRoute.users.path,
            fields: [
                .init(name: "username", label: t("用户名", "User name"), kind: .text, value: form.username ?? "",
                      hint: t("3至32位小写字母、数字或 . _ -", "3 to 32 lower-case letters, digits, '.', '_' or '-'"), required: true),
                .init(name: "displayName", label: t("姓名", "Name"), kind: .text, value: form.displayName ?? "", required: true),
                .select("organisation", t("所属单位", "Belongs to"), options: labelled, selected: form.organisation ?? ""),
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
        var errors = FieldErrors()
        let orgID = form.organisation.flatMap(UUID.init(uuidString:))
        let org = try await orgID.asyncMap { try await OrganisationModel.find($0, on: req.db) } ?? nil
        guard let org, admin.can(.manageAccounts, on: org.treePath) else {
            errors.add("organisation", zh: "请选择所属单位", en: "Choose the unit the account belongs to")
            return try await req.render("form", try await newUserPage(req, admin: admin, form: form, errors: errors), status: .unprocessableEntity)
        }
        let role = form.role.flatMap { $0.isEmpty ? nil : Role(rawValue: $0) }
        if role != nil, !admin.can(.assignRoles, on: org.treePath) {
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
        var roleOptions: [FormPage.Field.Option]
        var placeOptions: [FormPage.Field.Option]
        var roleLabel: String
        var placeLabel: String
        var assignLabel: String
        var actions: [OrganisationPage.PostAction]
        var csrf: String
        var error: String?
    }

    func userPage(_ req: Request, user: UserModel, admin: CurrentUser, error: String? = nil) async throws -> UserPage {
        let t = Translator(req.language)
        let assignments = try await RoleAssignmentModel.query(on: req.db).filter(\.$userID == user.id!).all()
        var roles: [UserPage.RoleRow] = []
        for a in assignments {
            let org = try await a.organisationID.asyncMap { try await OrganisationModel.find($0, on: req.db) } ?? nil
            let allowed = org.map { admin.can(.assignRoles, on: $0.treePath) } ?? AccessPolicy.scopes(admin.grants, for: .assignRoles).contains { $0 == nil }
            roles.append(.init(label: (Role(rawValue: a.role).map { t($0.label) } ?? a.role) + " · " + (org?.name ?? t("全部", "everywhere")),
                               revokePath: allowed ? SiteRoute.revokeRole(user.id!, assignment: a.id!).path : nil))
        }
        let home = try await user.organisationID.asyncMap { try await OrganisationModel.find($0, on: req.db) } ?? nil
        let places = try await homeOptions(req, admin: admin).filter { admin.can(.assignRoles, on: $0.treePath) }
        let manage = try await AccountStore.canManage(user, by: admin.grants, action: .manageAccounts, on: req.db)
        var actions: [OrganisationPage.PostAction] = []
        if manage && user.id != admin.id {
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
            assignPath: places.isEmpty ? nil : SiteRoute.assignRole(user.id!).path, assignHeading: t("分配角色", "Assign a role"),
            roleOptions: Role.allCases.map { .init(value: $0.rawValue, label: t($0.label), selected: false) },
            placeOptions: places.map { .init(value: $0.id!.uuidString.lowercased(), label: $0.name, selected: $0.id == user.organisationID) },
            roleLabel: t("角色", "Role"), placeLabel: t("单位", "Unit"), assignLabel: t("分配", "Assign"),
            actions: actions, csrf: req.csrfToken, error: error)
    }

    func show(req: Request) async throws -> View {
        let (user, admin) = try await Self.account(req, for: .viewAccounts)
        return try await req.view.render("user", try await userPage(req, user: user, admin: admin))
    }

    struct AssignForm: Content {
        var role: String?
        var organisation: String?
    }

    func assign(req: Request) async throws -> Response {
        let (user, admin) = try await Self.account(req, for: .assignRoles)
        let form = try req.content.decode(AssignForm.self)
        let t = Translator(req.language)
        // The place is checked on its own: an administrator binds roles only inside their subtree.
        guard let role = form.role.flatMap(Role.init(rawValue:)),
              let orgID = form.organisation.flatMap(UUID.init(uuidString:)),
              let org = try await OrganisationModel.find(orgID, on: req.db), admin.can(.assignRoles, on: org.treePath) else {
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
        let allowed = org.map { admin.can(.assignRoles, on: $0.treePath) } ?? AccessPolicy.scopes(admin.grants, for: .assignRoles).contains { $0 == nil }
        guard allowed else { throw AppError.notFound(AppError.nothingHere) }
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
        guard user.id != admin.id else {
            throw AppError.invalid(field: nil, LocalizedText(zh: "不能停用自己的账号。", en: "You cannot disable your own account."))
        }
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
        guard user.id != admin.id else {
            throw AppError.invalid(field: nil, LocalizedText(zh: "请在“我的账号”中修改自己的密码。", en: "Change your own password under My account."))
        }
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
