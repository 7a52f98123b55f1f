import Fluent
import Foundation

/// A personal API token: a name its owner chose, and the SHA-256 of the secret shown once at
/// creation. Revoking deletes the row (the audit trail keeps that it existed).
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    /// Hex SHA-256 of the secret; the secret itself is never stored.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    /// Written at most once a minute, like a session's `last_seen_at`.
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}
}
