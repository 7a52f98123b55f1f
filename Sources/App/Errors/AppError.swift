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
    /// The page needs a signed-in user: pages redirect to sign-in, the API answers 401.
    case signInRequired
    /// A state-changing request without the form's token.
    case csrfFailed
    /// Too many attempts; try again later.
    case tooManyAttempts(LocalizedText)
    /// Bad input in several fields at once, each with its sentence (the API answers them all).
    case invalidFields(FieldErrors)
    /// An API request whose body cannot be read at all (not JSON, a value of the wrong type).
    case malformed(LocalizedText)
    /// An API request whose bearer token is unknown, revoked, or of a disabled account.
    case tokenRefused

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .invalid: .unprocessableEntity
        case .conflict: .conflict
        case .internalFailure: .internalServerError
        case .signInRequired: .unauthorized
        case .csrfFailed: .forbidden
        case .tooManyAttempts: .tooManyRequests
        case .invalidFields: .unprocessableEntity
        case .malformed: .badRequest
        case .tokenRefused: .unauthorized
        }
    }

    var message: LocalizedText {
        switch self {
        case .notFound(let m), .invalid(_, let m), .conflict(let m), .internalFailure(let m), .tooManyAttempts(let m), .malformed(let m): m
        case .signInRequired: Strings.Errors.signInFirst
        case .csrfFailed: Strings.Errors.formExpired
        case .invalidFields(let errors): errors.order.compactMap { errors[$0] }.reduce(LocalizedText.empty) { $0 + $1 }
        case .tokenRefused: Strings.APITokens.refused
        }
    }

    var field: String? {
        switch self {
        case .invalid(let field, _): field
        case .invalidFields(let errors): errors.first?.field
        default: nil
        }
    }

    /// Each field's sentence, when the error names fields.
    var fields: FieldErrors? {
        switch self {
        case .invalid(let field?, let text):
            var errors = FieldErrors()
            errors.add(field, text)
            return errors
        case .invalidFields(let errors): return errors
        default: return nil
        }
    }

    /// The answer to a refusal of the policy: anything out of reach looks like "not found".
    static func refused(_ decision: AccessDecision) -> AppError {
        switch decision {
        case .allowed, .outOfReach, .notAssigned: .notFound(nothingHere)
        case .wrongState(.retired): .conflict(Strings.Errors.unitIsRetired)
        case .wrongState(.active): .conflict(Strings.Errors.unitIsNotRetired)
        case .ownAccount: .invalid(field: nil, Strings.Errors.notOnOwnAccount)
        }
    }

    static let pageNotFound = AppError.notFound(Strings.Errors.pageNotFound)
    /// Said alike for what does not exist and for what the user may not see.
    static let nothingHere = Strings.Errors.nothingHere
}
