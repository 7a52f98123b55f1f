import Vapor

/// Static files (`/css/`, `/js/`) may be kept by browsers for an hour and are revalidated with
/// the `ETag` and `Last-Modified` that `FileMiddleware` sets (a 304 when unchanged).
struct StaticCacheMiddleware: AsyncMiddleware {
    static let maxAge = 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let path = request.url.path
        if (path.hasPrefix("/css/") || path.hasPrefix("/js/")), [.ok, .notModified].contains(response.status),
           response.headers.first(name: .eTag) != nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=\(Self.maxAge)")
        }
        return response
    }
}
