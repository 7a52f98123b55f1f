import Fluent
import Foundation

/// A person's account.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Lower-case, unique.
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    /// Set by an administrator's reset: the next sign-in must choose a new password.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    /// The node the account belongs to; administrators of that subtree manage it. Nil: the first,
    /// global administrator.
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    /// Where reminders of the account's tasks are sent (`EmailAddress`); nil: none.
    @OptionalField(key: "email") var email: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed by hand: Fluent's default finds the properties by reflection on every row it reads,
    /// which was a fifth of a page's time. `ModelPropertiesTests` checks the list against reflection.
    var properties: [any AnyProperty] { [_id, _username, _displayName, _passwordHash, _mustChangePassword, _organisationID, _disabledAt, _email, _version, _createdAt, _updatedAt] }
}

/// One role held at one node (or everywhere when `organisationID` is nil).
final class RoleAssignmentModel: Model, @unchecked Sendable {
    static let schema = "role_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "role") var role: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed by hand: Fluent's default finds the properties by reflection on every row it reads,
    /// which was a fifth of a page's time. `ModelPropertiesTests` checks the list against reflection.
    var properties: [any AnyProperty] { [_id, _userID, _role, _organisationID, _createdAt] }

    init(userID: UUID, role: String, organisationID: UUID?) {
        self.userID = userID
        self.role = role
        self.organisationID = organisationID
    }
}

/// A signed-in session, kept in the database so several app instances share it. The id is the
/// SHA-256 of the cookie's token, so a leaked table does not hand out sessions.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "address") var address: String
    @Field(key: "user_agent") var userAgent: String

    init() {}
}

/// Failed sign-ins counted per account name and per address.
final class SignInThrottleModel: Model, @unchecked Sendable {
    static let schema = "sign_in_throttles"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @Field(key: "window_start") var windowStart: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}
}
