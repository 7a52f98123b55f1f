import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// The signed-in person for this request, with the grants read fresh from the database (so a
/// revoked role stops working on the next request, sessions included).
struct CurrentUser: Sendable {
    var id: UUID
    var username: String
    var displayName: String
    var mustChangePassword: Bool
    var grants: [Grant]
    var sessionID: String
    var csrfToken: String

    func actor(address: String, at: Date) -> AuditDraft.Actor {
        AuditDraft.Actor(id: id.uuidString, name: Strings.Common.personWithUserName(displayName, username).zh, address: address, at: at)
    }

    var subject: AccessSubject { AccessSubject(accountID: id.uuidString.lowercased(), grants: grants) }

    func decide(_ action: Action, on target: AccessTarget) -> AccessDecision { AccessPolicy.decide(subject, action, on: target) }
    func can(_ action: Action, on target: AccessTarget) -> Bool { AccessPolicy.permits(subject, action, on: target) }
    func reach(_ action: Action) -> Reach { AccessPolicy.reach(subject, for: action) }
    func canSomewhere(_ action: Action) -> Bool { reach(action) != .nowhere }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }

    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user, or an error that sends a person to the sign-in page (401 for the API).
    func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw AppError.signInRequired }
        return user
    }

    func authorizeSomewhere(_ action: Action) throws -> CurrentUser {
        let user = try requireUser()
        guard user.canSomewhere(action) else { throw AppError.notFound(AppError.nothingHere) }
        return user
    }

    var auditActor: AuditDraft.Actor {
        currentUser.map { $0.actor(address: clientAddress, at: now) } ?? AuditDraft.Actor(id: nil, name: Strings.Audit.anonymous.zh, address: clientAddress, at: now)
    }
}

/// Reads what every signed-in request needs in two plain queries (the session with its account,
/// then the roles with their units' paths), without Fluent's row decoding: this runs on every
/// page view.
enum SessionLookup {
    struct SessionRow: Decodable {
        var user_id: UUID
        var csrf_token: String
        var created_at: Date
        var last_seen_at: Date
        var username: String
        var display_name: String
        var must_change_password: Bool
        var organisation_id: UUID?
        var disabled_at: Date?
    }

    static func session(_ id: String, on database: any Database) async throws -> SessionRow? {
        let sql = database as! any SQLDatabase
        return try await sql.select()
            .columns(SQLColumn("user_id", table: "s"), SQLColumn("csrf_token", table: "s"), SQLColumn("created_at", table: "s"),
                     SQLColumn("last_seen_at", table: "s"), SQLColumn("username", table: "u"), SQLColumn("display_name", table: "u"),
                     SQLColumn("must_change_password", table: "u"), SQLColumn("organisation_id", table: "u"), SQLColumn("disabled_at", table: "u"))
            .from(SQLAlias(SQLIdentifier(SessionModel.schema), as: SQLIdentifier("s")))
            .join(SQLAlias(SQLIdentifier(UserModel.schema), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("user_id", table: "s"))
            .where(SQLColumn("id", table: "s"), .equal, SQLBind(id))
            .first(decoding: SessionRow.self)
    }

    /// The account's roles with the paths of their nodes. A role whose node is gone or whose
    /// path is malformed is dropped rather than widened to everywhere.
    static func grants(of userID: UUID, on database: any Database) async throws -> [Grant] {
        struct Row: Decodable {
            var role: String
            var organisation_id: UUID?
            var path: String?
        }
        let sql = database as! any SQLDatabase
        let rows = try await sql.select()
            .columns(SQLColumn("role", table: "r"), SQLColumn("organisation_id", table: "r"), SQLColumn("path", table: "o"))
            .from(SQLAlias(SQLIdentifier(RoleAssignmentModel.schema), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier(OrganisationModel.schema), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "r"))
            .where(SQLColumn("user_id", table: "r"), .equal, SQLBind(userID))
            .all(decoding: Row.self)
        return rows.compactMap { row in
            guard let role = Role(rawValue: row.role) else { return nil }
            guard row.organisation_id != nil else { return Grant(role: role, scope: nil) }
            guard let text = row.path, let path = TreePath(text: text), path.depth > 0 else { return nil }
            return Grant(role: role, scope: path)
        }
    }
}
