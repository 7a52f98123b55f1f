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
    var homeOrganisationID: UUID?
    var grants: [Grant]
    var sessionID: String
    var csrfToken: String

    func actor(address: String, at: Date) -> AuditDraft.Actor {
        AuditDraft.Actor(id: id.uuidString, name: "\(displayName)（\(username)）", address: address, at: at)
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
        currentUser.map { $0.actor(address: clientAddress, at: now) } ?? AuditDraft.Actor(id: nil, name: "匿名", address: clientAddress, at: now)
    }
}

/// Reads the grants of an account: its role assignments with the tree paths of their nodes.
enum GrantLoader {
    static func grants(of userID: UUID, on database: any Database) async throws -> [Grant] {
        let assignments = try await RoleAssignmentModel.query(on: database).filter(\.$userID == userID).all()
        let orgIDs = assignments.compactMap(\.organisationID)
        let paths: [UUID: TreePath] = orgIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues:
            try await OrganisationModel.query(on: database).filter(\.$id ~~ orgIDs).all().compactMap { org in
                // A malformed path drops the grant rather than widening it to everything.
                guard let id = org.id, let path = TreePath(text: org.path), path.depth > 0 else { return nil }
                return (id, path)
            })
        return assignments.compactMap { assignment in
            guard let role = Role(rawValue: assignment.role) else { return nil }
            if let orgID = assignment.organisationID {
                guard let path = paths[orgID] else { return nil }
                return Grant(role: role, scope: path)
            }
            return Grant(role: role, scope: nil)
        }
    }
}
