import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Server-side sessions: created at sign-in with a fresh id, ended at sign-out, checked against
/// the idle timeout and absolute lifetime on every request.
struct SessionStore {
    static let cookieName = "us_session"
    let application: Application

    /// Starts a session for the user and returns the cookie's token (the database keeps only its hash).
    func start(userID: UUID, request: Request) async throws -> (token: String, session: SessionModel) {
        let token = RandomToken.make()
        let session = SessionModel()
        session.id = AuditLog.sha256(token)
        session.userID = userID
        session.csrfToken = RandomToken.make()
        let now = request.now
        session.createdAt = now
        session.lastSeenAt = now
        session.address = request.clientAddress
        session.userAgent = String((request.headers.first(name: .userAgent) ?? "").prefix(200))
        try await application.writes.perform { db in try await session.create(on: db) }
        return (token, session)
    }

    func end(sessionID: String) async throws {
        try await application.writes.perform { db in
            try await SessionModel.query(on: db).filter(\.$id == sessionID).delete()
        }
    }

    /// Ends every session of the user ("sign out everywhere", a disabled account).
    static func endAll(userID: UUID, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$userID == userID).delete()
    }

    func cookie(_ token: String) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: nil, maxAge: Int(application.security.sessions.absoluteLifetime), path: "/",
                          isSecure: application.security.https, isHTTPOnly: true, sameSite: .lax)
    }

    var expiredCookie: HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                          isSecure: application.security.https, isHTTPOnly: true, sameSite: .lax)
    }
}

extension Application {
    var sessionStore: SessionStore { SessionStore(application: self) }
}

/// Finds the session behind the cookie, checks it, and puts the user on the request.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A request signed in by an API token is not also read as a session.
        guard request.currentUser == nil, let token = request.cookies[SessionStore.cookieName]?.string, !token.isEmpty else {
            return try await next.respond(to: request)
        }
        let store = request.application.sessionStore
        let id = AuditLog.sha256(token)
        var clear = false
        if let found = try await SessionLookup.session(id, on: request.db) {
            let session = found.session
            let now = request.now
            switch request.application.security.sessions.check(createdAt: session.created_at, lastSeenAt: session.last_seen_at, now: now) {
            case .idleExpired, .lifetimeExpired:
                try await store.end(sessionID: id)
                clear = true
            case .valid(let touch):
                if session.disabled_at == nil {
                    request.currentUser = CurrentUser(
                        id: session.user_id, username: session.username, displayName: session.display_name,
                        mustChangePassword: session.must_change_password,
                        grants: found.grants,
                        sessionID: id, csrfToken: session.csrf_token)
                    if touch {
                        try await request.writes.perform { db in
                            try await SessionModel.query(on: db).filter(\.$id == id).set(\.$lastSeenAt, to: now).update()
                        }
                    }
                } else {
                    try await store.end(sessionID: id)
                    clear = true
                }
            }
        } else {
            clear = true
        }
        let response = try await next.respond(to: request)
        if clear && response.cookies[SessionStore.cookieName] == nil {
            response.cookies[SessionStore.cookieName] = store.expiredCookie
        }
        return response
    }
}

/// An account whose password was reset must choose a new one before anything else.
struct PasswordChangeGate: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let user = request.currentUser, user.mustChangePassword,
           ![SiteRoute.changePassword.path, SiteRoute.signOut.path].contains(request.url.path) {
            return request.redirect(to: SiteRoute.changePassword.path, redirectType: .normal)
        }
        return try await next.respond(to: request)
    }
}
