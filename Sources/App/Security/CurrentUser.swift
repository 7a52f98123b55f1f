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
    /// The personal API token the request came with (`APITokenAuthenticator`); nil for a session.
    /// Such a request has no session and needs no CSRF token.
    var tokenID: UUID? = nil

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

/// Reads what every signed-in request needs (the session, its account, the account's roles with
/// their units' paths) in one plain SQL query, without Fluent's row decoding: this runs on every
/// page view, and each query is a hop to the database's thread.
enum SessionLookup {
    /// The session and its account, once per role of the account (once with no role when it has none).
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
        var role: String?
        var role_organisation_id: UUID?
        var role_path: String?
    }

    /// The session with its account and the account's grants; nil for an unknown session.
    static func session(_ id: String, on database: any Database) async throws -> (session: SessionRow, grants: [Grant])? {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.username, u.display_name, u.must_change_password,
                   u.organisation_id, u.disabled_at, r.role, r.organisation_id AS role_organisation_id, o.path AS role_path
            FROM \(ident: SessionModel.schema) s
            JOIN \(ident: UserModel.schema) u ON u.id = s.user_id
            LEFT JOIN \(ident: RoleAssignmentModel.schema) r ON r.user_id = s.user_id
            LEFT JOIN \(ident: OrganisationModel.schema) o ON o.id = r.organisation_id
            WHERE s.id = \(bind: id)
            """).all(decoding: SessionRow.self)
        guard let first = rows.first else { return nil }
        let grants = rows.compactMap { row in row.role.flatMap { grant(role: $0, organisationID: row.role_organisation_id, path: row.role_path) } }
        return (first, grants)
    }

    /// A role at its node. A role whose node is gone or whose path is malformed is dropped rather
    /// than widened to everywhere.
    static func grant(role text: String, organisationID: UUID?, path: String?) -> Grant? {
        guard let role = Role(rawValue: text) else { return nil }
        guard organisationID != nil else { return Grant(role: role, scope: nil) }
        guard let text = path, let path = TreePath(text: text), path.depth > 0 else { return nil }
        return Grant(role: role, scope: path)
    }
}
