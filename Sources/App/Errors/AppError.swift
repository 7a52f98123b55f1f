import UnionStarCore
import Vapor

/// Every failure a user can meet, as a sentence in their language naming what went wrong.
enum AppError: Error, Sendable {
    /// Nothing here by that id (also used where existence must not leak).
    case notFound(LocalizedText)
    /// Bad input: which field, and why.
    case invalid(field: String?, LocalizedText)
    /// Someone else changed it first; nothing was overwritten.
    case conflict(LocalizedText)
    /// Something on our side; the details go to the log, not to the user.
    case internalFailure(LocalizedText)

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .invalid: .unprocessableEntity
        case .conflict: .conflict
        case .internalFailure: .internalServerError
        }
    }

    var message: LocalizedText {
        switch self {
        case .notFound(let m), .invalid(_, let m), .conflict(let m), .internalFailure(let m): m
        }
    }

    var field: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }

    static let pageNotFound = AppError.notFound(LocalizedText(zh: "找不到这个页面。", en: "This page does not exist."))
}
