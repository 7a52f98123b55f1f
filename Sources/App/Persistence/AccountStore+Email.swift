import Fluent
import Foundation
import UnionStarCore

extension AccountStore {
    /// Sets (or, with nil, removes) the account's e-mail address, checked by the caller
    /// (`EmailAddress`). With `expectedVersion` a newer account is refused as stale.
    static func setEmail(_ user: UserModel, _ email: String?, expectedVersion: Int?, actor: AuditDraft.Actor, on db: any Database) async throws {
        try requireVersion(user, expectedVersion)
        guard user.email != email else { return }
        let home = try await homePath(of: user, on: db)
        let before = snapshot(user, homePath: home)
        user.email = email
        user.version += 1
        try await user.save(on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "account.email", entityType: "account", entityID: user.id!.uuidString.lowercased(),
                                              scope: home ?? "/", before: before, after: snapshot(user, homePath: home))], on: db)
    }
}
