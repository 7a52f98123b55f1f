import UnionStarCore
import Vapor

extension Request {
    /// Chinese unless the user chose English (`?lang=en`, remembered in the `lang` cookie).
    var language: Language {
        if let tag = query[String.self, at: "lang"] { return Language(tag: tag) }
        if let tag = cookies["lang"]?.string { return Language(tag: tag) }
        return .zh
    }
}

/// Remembers a language chosen with `?lang=` in a cookie.
struct LanguageCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let tag = request.query[String.self, at: "lang"] {
            response.cookies["lang"] = HTTPCookies.Value(
                string: Language(tag: tag).rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}
