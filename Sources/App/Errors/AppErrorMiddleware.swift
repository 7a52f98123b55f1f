import UnionStarCore
import Vapor

/// The one place errors become responses: an HTML page for people, JSON for the API, never a stack.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let appError = Self.translate(error, request: request)
            if case .internalFailure = appError {
                request.logger.report(error: error)
            }
            return try await Self.render(appError, for: request)
        }
    }

    static func translate(_ error: any Error, request: Request) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let errors as FieldErrors:
            return .invalidFields(errors)
        case let error as AnswerError:
            return .invalid(field: error.problems.first?.fact, LocalizedText(zh: error.message(in: .zh), en: error.message(in: .en)))
        case let abort as any AbortError:
            switch abort.status {
            case .notFound: return .pageNotFound
            case .methodNotAllowed: return .notFound(Strings.Errors.requestNotSupported)
            case .payloadTooLarge: return .invalid(field: nil, Strings.Errors.requestTooLarge)
            case .unsupportedMediaType, .badRequest:
                // Pages answer a form they cannot read with 422, the API with 400.
                if request.url.path.hasPrefix("/api/") { return .malformed(Strings.Errors.requestMalformed(abort.reason)) }
                return .invalid(field: nil, Strings.Errors.requestMalformed(abort.reason))
            default:
                if abort.status.code < 500 {
                    return .invalid(field: nil, Strings.Errors.requestNotValid)
                }
                return .internalFailure(genericFailure)
            }
        case is DecodingError:
            if request.url.path.hasPrefix("/api/") { return .malformed(Strings.Errors.requestMalformedPlain) }
            return .invalid(field: nil, Strings.Errors.requestMalformedPlain)
        default:
            return .internalFailure(genericFailure)
        }
    }

    static let genericFailure = Strings.Errors.genericFailure

    static func wantsJSON(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/api/") || request.url.path == "/healthz"
            || (request.headers.accept.first?.mediaType == .json)
    }

    static func render(_ error: AppError, for request: Request) async throws -> Response {
        // People who are not signed in are sent to sign in, and brought back afterwards.
        if case .signInRequired = error, !wantsJSON(request) {
            var next = request.url.path
            if request.method == .GET, let query = request.url.query { next += "?" + query }
            let target = request.method == .GET ? "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") : ""
            return request.redirect(to: SiteRoute.signIn.path + target, redirectType: .normal)
        }
        let language = request.language
        let message = error.message.text(in: language)
        if wantsJSON(request) {
            let fields = error.fields.map { errors in Dictionary(uniqueKeysWithValues: errors.order.map { ($0, errors[$0]!.text(in: language)) }) }
            let body = ErrorBody(error: .init(status: Int(error.status.code), message: message, field: error.field), fields: fields)
            let response = Response(status: error.status)
            try response.content.encode(body, as: .json)
            // RFC 6750: a refused API call says how to authenticate.
            if error.status == .unauthorized {
                response.headers.replaceOrAdd(name: .wwwAuthenticate,
                                              value: error.isTokenRefused ? #"Bearer realm="unionstar", error="invalid_token""# : #"Bearer realm="unionstar""#)
            }
            return response
        }
        let page = ErrorPage(layout: Layout(request: request, title: message), status: Int(error.status.code), message: message)
        let view = try await request.view.render("error", page)
        let response = try await view.encodeResponse(for: request)
        response.status = error.status
        return response
    }
}

struct ErrorBody: Content {
    struct Detail: Content {
        var status: Int
        var message: String
        var field: String?
    }

    var error: Detail
    /// Every field's sentence, by the field's name, when the error names fields.
    var fields: [String: String]?
}

extension AppError {
    var isTokenRefused: Bool {
        if case .tokenRefused = self { return true }
        return false
    }
}
