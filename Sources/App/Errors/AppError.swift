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

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .invalid: .unprocessableEntity
        case .conflict: .conflict
        case .internalFailure: .internalServerError
        case .signInRequired: .unauthorized
        case .csrfFailed: .forbidden
        case .tooManyAttempts: .tooManyRequests
        }
    }

    var message: LocalizedText {
        switch self {
        case .notFound(let m), .invalid(_, let m), .conflict(let m), .internalFailure(let m), .tooManyAttempts(let m): m
        case .signInRequired: LocalizedText(zh: "请先登录。", en: "Please sign in first.")
        case .csrfFailed: LocalizedText(zh: "页面已过期或来源不明，请刷新页面后重试。", en: "The form has expired or did not come from this site; reload the page and try again.")
        }
    }

    var field: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }

    /// The answer to a refusal of the policy: anything out of reach looks like "not found".
    static func refused(_ decision: AccessDecision) -> AppError {
        switch decision {
        case .allowed, .outOfReach, .notAssigned: .notFound(nothingHere)
        case .wrongState(.retired): .conflict(LocalizedText(zh: "该单位已撤销，不能进行此操作。", en: "This unit is retired; that cannot be done to it."))
        case .wrongState(.active): .conflict(LocalizedText(zh: "该单位未撤销，无需恢复。", en: "This unit is not retired; there is nothing to restore."))
        case .ownAccount: .invalid(field: nil, LocalizedText(zh: "不能在账号管理中停用自己的账号或重置自己的密码，请在“我的账号”中操作。",
                                                            en: "You cannot disable or reset your own account here; use My account."))
        }
    }

    static let pageNotFound = AppError.notFound(LocalizedText(zh: "找不到这个页面。", en: "This page does not exist."))
    /// Said alike for what does not exist and for what the user may not see.
    static let nothingHere = LocalizedText(zh: "找不到这个页面，或者您无权查看。", en: "This page does not exist, or you may not see it.")
}
