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
        appName = t("基层工会星级评定平台", "UnionStar — grassroots union star rating")
        homePath = SiteRoute.home.path
        let other: Language = language == .zh ? .en : .zh
        otherLanguagePath = request.url.path + "?lang=" + other.rawValue
        otherLanguageLabel = other == .en ? "English" : "中文"
        let path = request.url.path
        var nav = [Link(label: t("评定方案", "Schemes"), path: SiteRoute.home.path, current: path == "/" || path.hasPrefix("/schemes"))]
        let user = request.currentUser
        if let user {
            if user.canSomewhere(.viewOrganisation) {
                nav.append(Link(label: t("组织机构", "Organisations"), path: SiteRoute.organisations.path, current: path.hasPrefix("/orgs")))
            }
            if user.canSomewhere(.viewAccounts) {
                nav.append(Link(label: t("账号管理", "Accounts"), path: SiteRoute.users.path, current: path.hasPrefix("/admin")))
            }
            if user.canSomewhere(.viewAudit) {
                nav.append(Link(label: t("审计日志", "Audit trail"), path: SiteRoute.audit.path, current: path.hasPrefix("/audit")))
            }
        }
        self.nav = nav
        userName = user?.displayName
        accountPath = SiteRoute.account.path
        signInPath = SiteRoute.signIn.path
        signInLabel = t("登录", "Sign in")
        signOutPath = SiteRoute.signOut.path
        signOutLabel = t("退出", "Sign out")
        menuLabel = t("菜单", "Menu")
        csrf = request.csrfToken
        notice = (try? request.query.get(String.self, at: "done")).flatMap { Notices.text($0, t) }
    }
}

/// Picks the Chinese or the English of a UI string.
struct Translator {
    let language: Language
    init(_ language: Language) { self.language = language }
    func callAsFunction(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    func callAsFunction(_ text: LocalizedText) -> String { text.text(in: language) }
}

/// Confirmations shown after a redirect, by key (never free text from the URL).
enum Notices {
    static func text(_ key: String, _ t: Translator) -> String? {
        switch key {
        case "created": t("已新建。", "Created.")
        case "saved": t("已保存。", "Saved.")
        case "moved": t("已移动。", "Moved.")
        case "retired": t("已撤销。", "Retired.")
        case "restored": t("已恢复。", "Restored.")
        case "signedout": t("已退出登录。", "You are signed out.")
        case "password": t("密码已修改。", "Your password has been changed.")
        case "role": t("角色已分配。", "Role assigned.")
        case "revoked": t("角色已收回。", "Role revoked.")
        case "disabled": t("账号已停用，其所有会话已结束。", "Account disabled; all its sessions have ended.")
        case "enabled": t("账号已启用。", "Account enabled.")
        default: nil
        }
    }
}

struct ErrorPage: Encodable {
    var layout: Layout
    var status: Int
    var message: String
}
