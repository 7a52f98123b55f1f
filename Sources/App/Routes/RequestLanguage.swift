import UnionStarCore
import Vapor

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    /// Chinese unless the user chose English (`?lang=en`, remembered in the `lang` cookie; a
    /// program calling the API may also say `Accept-Language: en`). Worked out once per request:
    /// a page asks for it several times.
    var language: Language {
        if let known = storage[LanguageKey.self] { return known }
        let language: Language
        if let tag = queryValue("lang") { language = Language(tag: tag) }
        else if let tag = cookies["lang"]?.string { language = Language(tag: tag) }
        else if url.path.hasPrefix("/api/"), let accept = headers.first(name: .acceptLanguage) {
            language = Language(tag: accept.split(separator: ",").first.map(String.init))
        }
        else { language = .zh }
        storage[LanguageKey.self] = language
        return language
    }

    /// One value of the URL's query, without decoding the query at all when the URL has none
    /// (most page views).
    func queryValue<T: Decodable>(_ name: String, as type: T.Type = String.self) -> T? {
        guard let query = url.query, !query.isEmpty else { return nil }
        return self.query[T.self, at: name]
    }
}

/// Remembers a language chosen with `?lang=` in a cookie.
struct LanguageCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let tag = request.queryValue("lang") {
            response.cookies["lang"] = HTTPCookies.Value(
                string: Language(tag: tag).rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}
