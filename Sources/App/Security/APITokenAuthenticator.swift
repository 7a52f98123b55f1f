import Vapor

/// `Authorization: Bearer <token>` on `/api/…` acts as the token's owner, with exactly their roles
/// (read fresh, as for a session). A request that carries the header is judged by it alone: a bad
/// token is 401 even beside a valid session cookie, and the cookie is not read. Token requests
/// carry no cookie a browser would add by itself, so they need no CSRF token.
struct APITokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/"), let header = request.headers.first(name: .authorization) else {
            return try await next.respond(to: request)
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              let found = try await APITokenStore.lookup(parts[1].trimmingCharacters(in: .whitespaces), on: request.db) else {
            throw AppError.tokenRefused
        }
        request.currentUser = found.user
        try await APITokenStore.touch(found.user.tokenID!, lastUsed: found.lastUsed, now: request.now, writes: request.writes)
        return try await next.respond(to: request)
    }
}
