import Vapor

/// Refuses any state-changing request (POST, PUT, PATCH, DELETE) that does not carry the form's
/// token, in the `_csrf` field or the `X-CSRF-Token` header. Signed in, the token belongs to the
/// session; signed out (the sign-in form), it is a random cookie the form repeats. A request
/// signed in by a personal API token (`Authorization: Bearer`, which no browser adds by itself)
/// needs none; a session's request to the API needs the token like any form.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
    static let cookieName = "us_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.currentUser?.tokenID != nil { return try await next.respond(to: request) }
        let expected = request.csrfToken
        if ![.GET, .HEAD, .OPTIONS].contains(request.method), let header = request.headers.first(name: Self.header) {
            // In the header (scripts, the API): the body is left to the route's own limit.
            guard RandomToken.constantTimeEquals(header, expected) else {
                request.logger.notice("CSRF token wrong", metadata: ["path": .string(request.url.path)])
                throw AppError.csrfFailed
            }
        } else if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            // The token may sit in the body, so the body is read first: at most the default size,
            // or the upload limit for the CSV import forms.
            let isUpload = request.headers.contentType?.type == "multipart" && request.url.path.hasSuffix("/import")
            // The congress form carries the minutes (CongressController).
            let isMinutes = request.headers.contentType?.type == "multipart" && request.url.path.hasSuffix("/congress")
            let limit = isUpload ? OrganisationTransferController.maximumUpload.value
                : isMinutes ? CongressController.maximumUpload.value : request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
            let given = try? request.content.get(String.self, at: Self.field)
            guard let given, RandomToken.constantTimeEquals(given, expected) else {
                request.logger.notice("CSRF token missing or wrong", metadata: ["path": .string(request.url.path)])
                throw AppError.csrfFailed
            }
        }
        let response = try await next.respond(to: request)
        if request.currentUser == nil, request.cookies[Self.cookieName]?.string != expected {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: expected, path: "/", isSecure: request.application.security.https, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}

extension Request {
    private struct AnonymousTokenKey: StorageKey { typealias Value = String }

    /// The token forms must carry: the session's, or the sign-in form's cookie (made if missing).
    var csrfToken: String {
        if let user = currentUser { return user.csrfToken }
        if let token = storage[AnonymousTokenKey.self] { return token }
        let existing = cookies[CSRFMiddleware.cookieName]?.string ?? ""
        let token = existing.count >= 32 ? existing : RandomToken.make()
        storage[AnonymousTokenKey.self] = token
        return token
    }
}

/// Security headers on every response, errors and files included.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "font-src 'self'", "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
        "base-uri 'none'", "object-src 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if request.application.security.https {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        if response.headers.first(name: .cacheControl) == nil, request.currentUser != nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
