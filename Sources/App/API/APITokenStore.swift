import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// Personal API tokens: made on the account page (the secret shown once), listed without their
/// secrets, revoked, and looked up by the SHA-256 of the `Authorization: Bearer` secret. Every
/// creation and revocation is in the audit trail.
enum APITokenStore {
    /// Recognisable in a leaked file or a secret scanner, followed by 32 random bytes.
    static let prefix = "ust_"
    static let nameLimit = 60

    /// What the audit trail keeps of a token: never its secret or hash.
    struct Audit: AuditSnapshot {
        var name: String
        var owner: String
    }

    static func make() -> String { prefix + RandomToken.make() }

    static func hash(_ secret: String) -> String { AuditLog.sha256(secret) }

    /// The name as typed, trimmed, or the problem with it.
    static func validName(_ text: String?) -> Result<String, FieldErrors> {
        let name = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if name.isEmpty { errors.add("name", Strings.APITokens.nameRequired) }
        else if name.count > nameLimit { errors.add("name", Strings.APITokens.nameTooLong(count: name.count, limit: nameLimit)) }
        return errors.isEmpty ? .success(name) : .failure(errors)
    }

    /// Makes a token for `user`; answers the secret, which is not kept anywhere.
    static func create(name: String, for user: CurrentUser, actor: AuditDraft.Actor, writes: WriteGate) async throws -> String {
        let secret = make()
        try await writes.perform { db in
            let row = APITokenModel()
            row.id = UUID()
            row.userID = user.id
            row.name = name
            row.tokenHash = hash(secret)
            row.createdAt = actor.at
            try await row.create(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "account.api-token.create", entityType: "api_token",
                                                  entityID: row.id!.uuidString.lowercased(), scope: try await home(of: user.id, on: db),
                                                  before: AuditDraft.nothing, after: Audit(name: name, owner: user.username))], on: db)
        }
        return secret
    }

    /// The user's tokens, newest first.
    static func list(of userID: UUID, on db: any Database) async throws -> [APITokenModel] {
        try await APITokenModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt, .descending).all()
    }

    /// Revokes one of the user's own tokens; another's, or one already gone, is "not found".
    static func revoke(_ id: UUID, of user: CurrentUser, actor: AuditDraft.Actor, writes: WriteGate) async throws {
        try await writes.perform { db in
            guard let row = try await APITokenModel.find(id, on: db), row.userID == user.id else {
                throw AppError.notFound(AppError.nothingHere)
            }
            try await row.delete(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "account.api-token.revoke", entityType: "api_token",
                                                  entityID: id.uuidString.lowercased(), scope: try await home(of: user.id, on: db),
                                                  before: Audit(name: row.name, owner: user.username), after: AuditDraft.nothing)], on: db)
        }
    }

    /// The account's subtree path for the audit entry's scope ("/" for an account homed nowhere).
    private static func home(of userID: UUID, on db: any Database) async throws -> String {
        guard let user = try await UserModel.find(userID, on: db) else { return "/" }
        return try await AccountStore.homePath(of: user, on: db) ?? "/"
    }

    /// The token's row, its account and the account's grants, in one query, like a session's.
    struct Row: Decodable {
        var id: UUID
        var user_id: UUID
        var last_used_at: Date?
        var username: String
        var display_name: String
        var must_change_password: Bool
        var disabled_at: Date?
        var role: String?
        var role_organisation_id: UUID?
        var role_path: String?
    }

    /// The person a secret acts as, or nil for an unknown (or revoked) token, a disabled account,
    /// or one that must change its password first.
    static func lookup(_ secret: String, on database: any Database) async throws -> (user: CurrentUser, lastUsed: Date?)? {
        guard secret.hasPrefix(prefix) else { return nil }
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT t.id, t.user_id, t.last_used_at, u.username, u.display_name, u.must_change_password, u.disabled_at,
                   r.role, r.organisation_id AS role_organisation_id, o.path AS role_path
            FROM \(ident: APITokenModel.schema) t
            JOIN \(ident: UserModel.schema) u ON u.id = t.user_id
            LEFT JOIN \(ident: RoleAssignmentModel.schema) r ON r.user_id = t.user_id
            LEFT JOIN \(ident: OrganisationModel.schema) o ON o.id = r.organisation_id
            WHERE t.token_hash = \(bind: hash(secret))
            """).all(decoding: Row.self)
        guard let first = rows.first, first.disabled_at == nil, !first.must_change_password else { return nil }
        let grants = rows.compactMap { row in row.role.flatMap { SessionLookup.grant(role: $0, organisationID: row.role_organisation_id, path: row.role_path) } }
        let user = CurrentUser(id: first.user_id, username: first.username, displayName: first.display_name, mustChangePassword: false,
                               grants: grants, sessionID: "", csrfToken: "", tokenID: first.id)
        return (user, first.last_used_at)
    }

    /// Notes the token's use, at most once a minute (a write per API call would be a write per read).
    static func touch(_ id: UUID, lastUsed: Date?, now: Date, writes: WriteGate) async throws {
        if let lastUsed, now.timeIntervalSince(lastUsed) < 60, now >= lastUsed { return }
        try await writes.perform { db in
            try await APITokenModel.query(on: db).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
        }
    }
}
