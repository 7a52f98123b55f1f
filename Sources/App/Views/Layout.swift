import UnionStarCore
import Vapor

/// What every page's frame needs: language, title, the signed-in user, the navigation they may
/// use, and the CSRF token for the sign-out button.
struct Layout: Encodable {
    struct Link: Encodable {
        var label: String
        var path: String
        var current: Bool
        /// A count shown beside the label (the inbox's open tasks), with its meaning as a tooltip;
        /// `alert` marks unread reminders.
        var badge: String? = nil
        var badgeTitle: String? = nil
        var alert = false
    }

    var lang: String
    var title: String
    var appName: String
    var homePath: String
    /// The site header, written once here (see `header(…)`).
    var header: String
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
        let path = request.url.path
        var nav = [Link(label: t(Strings.Navigation.schemes), path: SiteRoute.home.path, current: path == "/" || path.hasPrefix("/schemes")),
                   Link(label: t(Strings.Stars.link), path: SiteRoute.stars.path, current: path.hasPrefix("/stars"))]
        let user = request.currentUser
        if let user {
            let badge = request.inboxBadge
            nav.append(Link(label: t(Strings.Inbox.navigation), path: SiteRoute.inbox.path, current: path.hasPrefix("/inbox"),
                            badge: badge.flatMap { $0.tasks > 0 || $0.unread > 0 ? String($0.tasks) : nil },
                            badgeTitle: badge.map { t(Strings.Inbox.badgeTitle(tasks: $0.tasks, unread: $0.unread)) },
                            alert: (badge?.unread ?? 0) > 0))
            if user.canSomewhere(.viewOrganisation) {
                nav.append(Link(label: t(Strings.Navigation.organisations), path: SiteRoute.organisations.path, current: path.hasPrefix("/orgs")))
            }
            if user.canSomewhere(.viewAccounts) {
                nav.append(Link(label: t(Strings.Navigation.accounts), path: SiteRoute.users.path, current: path.hasPrefix("/admin")))
            }
            nav.append(Link(label: t(Strings.Navigation.campaigns), path: SiteRoute.campaigns.path, current: path.hasPrefix("/campaigns")))
            if user.canSomewhere(.recordInspection) {
                nav.append(Link(label: t(Strings.InspectionPages.navigation), path: SiteRoute.myInspections.path, current: path.hasPrefix("/inspections")))
            }
            if user.canSomewhere(.endorseApplication) {
                nav.append(Link(label: t(Strings.Endorsement.navigation), path: SiteRoute.reviewQueue.path, current: path.hasPrefix("/review")))
            }
            if user.canSomewhere(.viewAudit) {
                nav.append(Link(label: t(Strings.Navigation.auditTrail), path: SiteRoute.audit.path, current: path.hasPrefix("/audit")))
            }
        }
        header = Self.header(lang: lang, appName: appName, homePath: homePath, menuLabel: t(Strings.Navigation.menu), nav: nav,
                             userName: user?.displayName, accountPath: SiteRoute.account.path, signOutPath: SiteRoute.signOut.path,
                             signOutLabel: t(Strings.Navigation.signOut), csrf: request.csrfToken, signInPath: SiteRoute.signIn.path,
                             signInLabel: t(Strings.Navigation.signIn), otherLanguagePath: path + "?lang=" + other.rawValue,
                             otherLanguageLabel: Strings.Common.languageName.text(in: other))
        notice = request.queryValue("done").flatMap { Notices.text($0, t) }
    }
}

extension Layout {
    /// The header every page shows: brand, the menu (folded on a phone), the navigation, the user
    /// box and the language switch. Written here rather than by `base.leaf`: it is the same few
    /// values on every page, and Leaf's loop and conditionals over them were a tenth of a
    /// signed-in page's time.
    static func header(lang: String, appName: String, homePath: String, menuLabel: String, nav: [Link], userName: String?,
                       accountPath: String, signOutPath: String, signOutLabel: String, csrf: String, signInPath: String,
                       signInLabel: String, otherLanguagePath: String, otherLanguageLabel: String) -> String {
        var html = HTMLWriter(capacity: 1536)
        html.raw("<header class=\"site-header no-print\">\n  <a class=\"brand\" href=\"")
        html.text(homePath)
        html.raw("\">")
        html.text(appName)
        html.raw("</a>\n  <input type=\"checkbox\" id=\"menu-toggle\" class=\"menu-toggle\">\n  <label for=\"menu-toggle\" class=\"menu-button\">")
        html.text(menuLabel)
        html.raw("</label>\n  <div class=\"menu\">\n    <nav class=\"main-nav\">")
        for link in nav {
            html.raw("<a href=\"")
            html.text(link.path)
            html.raw(link.current ? "\" aria-current=\"page\">" : "\">")
            html.text(link.label)
            if let badge = link.badge {
                html.raw(link.alert ? " <span class=\"count alert\" title=\"" : " <span class=\"count\" title=\"")
                html.text(link.badgeTitle ?? "")
                html.raw("\">")
                html.text(badge)
                html.raw("</span>")
            }
            html.raw("</a>")
        }
        html.raw("</nav>\n    <div class=\"user-box\">\n      ")
        if let userName {
            html.raw("<a href=\"")
            html.text(accountPath)
            html.raw("\" class=\"user-name\">")
            html.text(userName)
            html.raw("</a>\n      <form method=\"post\" action=\"")
            html.text(signOutPath)
            html.raw("\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"")
            html.text(csrf)
            html.raw("\"><button type=\"submit\" class=\"link-button\">")
            html.text(signOutLabel)
            html.raw("</button></form>\n      ")
        } else {
            html.raw("<a href=\"")
            html.text(signInPath)
            html.raw("\">")
            html.text(signInLabel)
            html.raw("</a>\n      ")
        }
        html.raw("<a href=\"")
        html.text(otherLanguagePath)
        html.raw(lang == "en" ? "\" hreflang=\"zh-CN\">" : "\" hreflang=\"en\">")
        html.text(otherLanguageLabel)
        html.raw("</a>\n    </div>\n  </div>\n</header>")
        return html.html
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
        case "form": Strings.Filing.savedNotice
        case "endorsed": Strings.Endorsement.done
        case "assigned": Strings.Inspectors.done
        case "inspector-withdrawn": Strings.Inspectors.withdrawn
        case "inspected": Strings.InspectionPages.done
        case "inspection-closed": Strings.Inspectors.completed
        case "conflict-declared": Strings.Conflicts.declared
        case "conflict-left": Strings.Conflicts.declaredAndWithdrawn
        case "conflict-kept": Strings.Conflicts.declaredScoresKept
        case "conflict-withdrawn": Strings.Conflicts.withdrawn
        case "drawn": Strings.SpotChecks.done
        case "decided": Strings.Decision.done
        case "moved": Strings.Notices.moved
        case "retired": Strings.Notices.retired
        case "restored": Strings.Notices.restored
        case "signedout": Strings.Notices.signedOut
        case "password": Strings.Notices.passwordChanged
        case "role": Strings.Notices.roleAssigned
        case "revoked": Strings.Notices.roleRevoked
        case "token-revoked": Strings.APITokens.revokedNotice
        case "disabled": Strings.Notices.accountDisabled
        case "enabled": Strings.Notices.accountEnabled
        case "email": Strings.Email.saved
        case "reopened": Strings.Notices.stepReopened
        case "preapplied": Strings.Notices.preApplied
        case "started": Strings.Notices.selfAssessmentStarted
        case "round-opened": Strings.ReReviews.opened
        case "self-checked": Strings.ReReviews.submitted
        case "outcomes": Strings.ReReviews.recorded
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
