import UnionStarCore
import Vapor

/// What every page's frame needs: language, title, the signed-in user, the navigation they may
/// use, and the CSRF token for the sign-out button.
struct Layout: Encodable {
    struct Link: Encodable {
        var label: String
        var path: String
        var current: Bool
    }

    var lang: String
    var title: String
    var appName: String
    var homePath: String
    /// The same page in the other language.
    var otherLanguagePath: String
    var otherLanguageLabel: String
    var nav: [Link]
    var userName: String?
    var accountPath: String
    var signInPath: String
    var signInLabel: String
    var signOutPath: String
    var signOutLabel: String
    /// The button that folds the navigation out on a phone.
    var menuLabel: String
    var csrf: String
    /// A one-line confirmation after a change (`?done=…`).
    var notice: String?

    init(request: Request, title: String) {
        let language = request.language
        let t = Translator(language)
        lang = language.rawValue
        self.title = title
        appName = t(Strings.Common.appName)
        homePath = SiteRoute.home.path
        let other: Language = language == .zh ? .en : .zh
        otherLanguagePath = request.url.path + "?lang=" + other.rawValue
        otherLanguageLabel = Strings.Common.languageName.text(in: other)
        let path = request.url.path
        var nav = [Link(label: t(Strings.Navigation.schemes), path: SiteRoute.home.path, current: path == "/" || path.hasPrefix("/schemes"))]
        let user = request.currentUser
        if let user {
            if user.canSomewhere(.viewOrganisation) {
                nav.append(Link(label: t(Strings.Navigation.organisations), path: SiteRoute.organisations.path, current: path.hasPrefix("/orgs")))
            }
            if user.canSomewhere(.viewAccounts) {
                nav.append(Link(label: t(Strings.Navigation.accounts), path: SiteRoute.users.path, current: path.hasPrefix("/admin")))
            }
            nav.append(Link(label: t(Strings.Navigation.campaigns), path: SiteRoute.campaigns.path, current: path.hasPrefix("/campaigns")))
            if user.canSomewhere(.viewAudit) {
                nav.append(Link(label: t(Strings.Navigation.auditTrail), path: SiteRoute.audit.path, current: path.hasPrefix("/audit")))
            }
        }
        self.nav = nav
        userName = user?.displayName
        accountPath = SiteRoute.account.path
        signInPath = SiteRoute.signIn.path
        signInLabel = t(Strings.Navigation.signIn)
        signOutPath = SiteRoute.signOut.path
        signOutLabel = t(Strings.Navigation.signOut)
        menuLabel = t(Strings.Navigation.menu)
        csrf = request.csrfToken
        notice = request.queryValue("done").flatMap { Notices.text($0, t) }
    }
}

/// Picks the Chinese or the English of a UI string.
struct Translator {
    let language: Language
    init(_ language: Language) { self.language = language }
    func callAsFunction(_ text: LocalizedText) -> String { text.text(in: language) }
}

/// Confirmations shown after a redirect, by key (never free text from the URL).
enum Notices {
    static func text(_ key: String, _ t: Translator) -> String? {
        let text: LocalizedText? = switch key {
        case "created": Strings.Notices.created
        case "saved": Strings.Notices.saved
        case "moved": Strings.Notices.moved
        case "retired": Strings.Notices.retired
        case "restored": Strings.Notices.restored
        case "signedout": Strings.Notices.signedOut
        case "password": Strings.Notices.passwordChanged
        case "role": Strings.Notices.roleAssigned
        case "revoked": Strings.Notices.roleRevoked
        case "disabled": Strings.Notices.accountDisabled
        case "enabled": Strings.Notices.accountEnabled
        case "reopened": Strings.Notices.stepReopened
        case "preapplied": Strings.Notices.preApplied
        case "started": Strings.Notices.selfAssessmentStarted
        default: nil
        }
        return text.map { t($0) }
    }
}

struct ErrorPage: Encodable {
    var layout: Layout
    var status: Int
    var message: String
}
