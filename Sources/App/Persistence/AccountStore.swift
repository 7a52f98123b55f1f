import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// What the audit trail keeps of an account: never a password or its hash.
struct AccountSnapshot: AuditSnapshot, Codable, Sendable, Equatable {
    var username: String
    var displayName: String
    var organisation: String?
    var disabled: Bool
    var mustChangePassword: Bool
    var email: String? = nil
}

struct RoleSnapshot: AuditSnapshot, Codable, Sendable, Equatable {
    var username: String
    var role: String
    var organisation: String?
}

/// One account of the account list, with its home unit's name and its roles at their units.
struct AccountListEntry: Sendable {
    struct Role: Sendable {
        var role: String
        /// Nil: everywhere.
        var organisationID: UUID?
        var organisationName: String?
    }

    var id: UUID
    var username: String
    var displayName: String
    var organisationID: UUID?
    var homeName: String?
    var disabled: Bool
    var roles: [Role]
}

/// Accounts and their roles. Every change runs inside a `WriteGate` transaction with its audit event.
enum AccountStore {
    /// The path of the account's home node, looked up once per change.
    static func homePath(of user: UserModel, on db: any Database) async throws -> String? {
        guard let id = user.organisationID else { return nil }
        return try await OrganisationModel.find(id, on: db)?.path
    }

    static func snapshot(_ user: UserModel, homePath: String?) -> AccountSnapshot {
        AccountSnapshot(username: user.username, displayName: user.displayName, organisation: homePath,
                        disabled: user.disabledAt != nil, mustChangePassword: user.mustChangePassword, email: user.email)
    }

    /// One page of the accounts homed under `reach` (everyone for `.everywhere`), by user name,
    /// filtered by `text` in the user name or the name, with their home units' names and their
    /// roles, in one query; and whether more follow.
    static func listPage(reach: Reach, text: String, page: Int, size: Int, on db: any Database) async throws
        -> (entries: [AccountListEntry], more: Bool) {
        if case .nowhere = reach { return ([], false) }
        let sql = db as! any SQLDatabase
        var inner = sql.select()
            .columns(SQLColumn("id", table: "u"), SQLColumn("username", table: "u"), SQLColumn("display_name", table: "u"),
                     SQLColumn("organisation_id", table: "u"), SQLColumn("disabled_at", table: "u"))
            .from(SQLAlias(SQLIdentifier(UserModel.schema), as: SQLIdentifier("u")))
        if case .within(let tops) = reach {
            inner = inner.join(SQLAlias(SQLIdentifier(OrganisationModel.schema), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                               on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "u"))
                .where { group in
                    var g = group
                    for top in tops { g = g.orWhere(SQLColumn("path", table: "o"), .like, SQLBind(top.text + "%")) }
                    return g
                }
        }
        if !text.isEmpty {
            inner = inner.where { group in
                group.orWhere(ContainsText(column: "username", text: text.lowercased())).orWhere(ContainsText(column: "display_name", text: text))
            }
        }
        inner = inner.orderBy(SQLColumn("username", table: "u")).limit(size + 1).offset((page - 1) * size)
        struct Row: Decodable {
            var id: UUID
            var username: String
            var display_name: String
            var organisation_id: UUID?
            var disabled_at: Date?
            var home_name: String?
            var role: String?
            var role_organisation_id: UUID?
            var role_organisation_name: String?
        }
        let rows = try await sql.raw("""
            SELECT u.id, u.username, u.display_name, u.organisation_id, u.disabled_at, h.name AS home_name,
                   r.role, r.organisation_id AS role_organisation_id, ro.name AS role_organisation_name
            FROM (\(inner.select)) AS u
            LEFT JOIN \(ident: OrganisationModel.schema) h ON h.id = u.organisation_id
            LEFT JOIN \(ident: RoleAssignmentModel.schema) r ON r.user_id = u.id
            LEFT JOIN \(ident: OrganisationModel.schema) ro ON ro.id = r.organisation_id
            ORDER BY u.username, r.created_at, r.id
            """).all(decoding: Row.self)
        var entries: [AccountListEntry] = []
        for row in rows {
            if entries.last?.id != row.id {
                entries.append(AccountListEntry(id: row.id, username: row.username, displayName: row.display_name,
                                                organisationID: row.organisation_id, homeName: row.home_name,
                                                disabled: row.disabled_at != nil, roles: []))
            }
            if let role = row.role {
                entries[entries.count - 1].roles.append(.init(role: role, organisationID: row.role_organisation_id,
                                                              organisationName: row.role_organisation_name))
            }
        }
        return (Array(entries.prefix(size)), entries.count > size)
    }

    /// Account names: 3 to 32 lower-case letters, digits, `.`, `_`, `-`.
    static func usernameProblem(_ username: String) -> LocalizedText? {
        let ok = (3...32).contains(username.count) && username.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) }
        return ok ? nil : Strings.Accounts.userNameRule
    }

    static func create(username: String, displayName: String, organisationID: UUID?, passwordHash: String,
                       mustChangePassword: Bool, actor: AuditDraft.Actor, on db: any Database) async throws -> UserModel {
        var errors = FieldErrors()
        if let problem = usernameProblem(username) { errors.add("username", problem) }
        if try await UserModel.query(on: db).filter(\.$username == username).count() > 0 {
            errors.add("username", Strings.Accounts.userNameTaken(username))
        }
        if displayName.isEmpty || displayName.count > 50 {
            errors.add("displayName", Strings.Accounts.enterPersonName)
        }
        guard errors.isEmpty else { throw OrganisationStore.ChangeError.invalid(errors) }
        let user = UserModel()
        user.id = UUID()
        user.username = username
        user.displayName = displayName
        user.passwordHash = passwordHash
        user.mustChangePassword = mustChangePassword
        user.organisationID = organisationID
        user.version = 1
        try await user.create(on: db)
        let home = try await homePath(of: user, on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "account.create", entityType: "account",
                                              entityID: user.id!.uuidString.lowercased(), scope: home ?? "/",
                                              before: Optional<AccountSnapshot>.none, after: snapshot(user, homePath: home))], on: db)
        return user
    }

    static func assign(_ role: Role, at organisation: OrganisationModel?, to user: UserModel, actor: AuditDraft.Actor, on db: any Database) async throws {
        if let organisation {
            let level = OrganisationLevel(rawValue: organisation.level) ?? .grassroots
            guard role.bindableLevels.contains(level) else {
                var errors = FieldErrors()
                errors.add("role", Strings.Accounts.roleNotAtLevel(role.label, level.label))
                throw OrganisationStore.ChangeError.invalid(errors)
            }
        }
        var existing = RoleAssignmentModel.query(on: db).filter(\.$userID == user.id!).filter(\.$role == role.rawValue)
        existing = organisation?.id.map { existing.filter(\.$organisationID == $0) } ?? existing.filter(\.$organisationID == nil)
        guard try await existing.count() == 0 else { return }
        try await RoleAssignmentModel(userID: user.id!, role: role.rawValue, organisationID: organisation?.id).create(on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "role.assign", entityType: "account",
                                              entityID: user.id!.uuidString.lowercased(), scope: organisation?.path ?? "/",
                                              before: Optional<RoleSnapshot>.none,
                                              after: RoleSnapshot(username: user.username, role: role.rawValue, organisation: organisation?.path))], on: db)
    }

    static func revoke(_ assignment: RoleAssignmentModel, of user: UserModel, actor: AuditDraft.Actor, on db: any Database) async throws {
        let path = try await assignment.organisationID.asyncMap { try await OrganisationModel.find($0, on: db)?.path } ?? nil
        try await assignment.delete(on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "role.revoke", entityType: "account",
                                              entityID: user.id!.uuidString.lowercased(), scope: path ?? "/",
                                              before: RoleSnapshot(username: user.username, role: assignment.role, organisation: path),
                                              after: Optional<RoleSnapshot>.none)], on: db)
    }

    /// Refuses a change made from a page read at another version of the account: nothing is
    /// written (call inside the write transaction, on the account as read there).
    static func requireVersion(_ user: UserModel, _ expected: Int?) throws {
        if let expected, user.version != expected { throw OrganisationStore.ChangeError.stale }
    }

    /// Disables (every session and API token ends) or enables an account. With `expectedVersion` (an
    /// administrator's form), a newer account is refused as stale.
    static func setDisabled(_ user: UserModel, _ disabled: Bool, expectedVersion: Int? = nil, actor: AuditDraft.Actor,
                            on db: any Database) async throws {
        try requireVersion(user, expectedVersion)
        let home = try await homePath(of: user, on: db)
        let before = snapshot(user, homePath: home)
        user.disabledAt = disabled ? actor.at : nil
        user.version += 1
        try await user.save(on: db)
        if disabled {
            try await SessionStore.endAll(userID: user.id!, on: db)
            // Like its sessions, its API tokens end (enabled again, it makes new ones).
            try await APITokenModel.query(on: db).filter(\.$userID == user.id!).delete()
        }
        try await AuditLog.append([AuditDraft(actor: actor, action: disabled ? "account.disable" : "account.enable", entityType: "account",
                                              entityID: user.id!.uuidString.lowercased(), scope: home ?? "/",
                                              before: before, after: snapshot(user, homePath: home))], on: db)
    }

    /// Sets a new password hash. `byAdministrator` marks it temporary: changed at the next sign-in,
    /// and every session of the account ends. With `expectedVersion`, a newer account is refused.
    static func setPassword(_ user: UserModel, hash: String, byAdministrator: Bool, keepSession: String? = nil,
                            expectedVersion: Int? = nil, actor: AuditDraft.Actor, on db: any Database) async throws {
        try requireVersion(user, expectedVersion)
        let home = try await homePath(of: user, on: db)
        let before = snapshot(user, homePath: home)
        user.passwordHash = hash
        user.mustChangePassword = byAdministrator
        user.version += 1
        try await user.save(on: db)
        var sessions = SessionModel.query(on: db).filter(\.$userID == user.id!)
        if let keepSession { sessions = sessions.filter(\.$id != keepSession) }
        try await sessions.delete()
        // A reset is what an administrator does to an account that may be in other hands: its API tokens end too.
        if byAdministrator { try await APITokenModel.query(on: db).filter(\.$userID == user.id!).delete() }
        try await AuditLog.append([AuditDraft(actor: actor, action: byAdministrator ? "account.password-reset" : "account.password-change",
                                              entityType: "account", entityID: user.id!.uuidString.lowercased(),
                                              scope: home ?? "/", before: before, after: snapshot(user, homePath: home))], on: db)
    }

    /// What `AccessPolicy` is asked about an account: its home and the places of its roles, read
    /// in one query. A node that cannot be found counts as the top, which only a grant held
    /// everywhere covers: an unknown place never widens anyone's reach.
    static func accessTarget(of user: UserModel, on db: any Database) async throws -> AccessTarget {
        let (assignments, units) = try await roles(of: user, on: db)
        return accessTarget(of: user, assignments: assignments, units: units)
    }

    static func accessTarget(of user: UserModel, assignments: [RoleAssignmentModel], units: [UUID: OrganisationModel]) -> AccessTarget {
        func place(_ id: UUID?) -> Place { id.flatMap { units[$0] }.map { Place.node($0.treePath) } ?? .top }
        return .account(user.id!.uuidString.lowercased(), home: place(user.organisationID),
                        rolePlaces: assignments.map { place($0.organisationID) })
    }

    /// The account's role assignments, and its home and every role's unit by id, in two queries.
    static func roles(of user: UserModel, on db: any Database) async throws -> ([RoleAssignmentModel], [UUID: OrganisationModel]) {
        let assignments = try await RoleAssignmentModel.query(on: db).filter(\.$userID == user.id!).all()
        let ids = Set(assignments.compactMap(\.organisationID) + [user.organisationID].compactMap { $0 })
        let units = Dictionary(uniqueKeysWithValues:
            try await ChunkedQuery.all(ids) { OrganisationModel.query(on: db).filter(\.$id ~~ $0) }.map { ($0.id!, $0) })
        return (assignments, units)
    }
}
