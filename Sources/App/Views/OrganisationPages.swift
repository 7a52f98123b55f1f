import UnionStarCore
import Vapor

struct OrganisationRow: Encodable {
    var name: String
    var path: String
    var level: String
    var kind: String
    var members: Int
    var employees: Int
    var retired: Bool
}

extension OrganisationRow {
    init(_ org: OrganisationListItem, _ t: Translator) {
        name = org.name
        path = SiteRoute.organisation(org.id).path
        level = OrganisationLevel(rawValue: org.level).map { t($0.label) } ?? org.level
        kind = org.kind.flatMap(UnionKind.init(rawValue:)).map { t($0.label) } ?? ""
        members = org.members
        employees = org.employees
        retired = org.retired
    }

    /// The rows of a children table, written in Swift rather than by Leaf (see `HTMLWriter`): the
    /// same markup `org.leaf` had, `<tr><td><a href="…">name</a></td><td>level</td>…</tr>` a row.
    static func tableRows(_ rows: [OrganisationRow]) -> String {
        var html = HTMLWriter(capacity: rows.count * 260)
        for row in rows {
            html.raw("<tr><td><a href=\"")
            html.text(row.path)
            html.raw(row.retired ? "\" class=\"retired\">" : "\">")
            html.text(row.name)
            html.raw("</a></td><td>")
            html.text(row.level)
            html.raw("</td><td>")
            html.text(row.kind)
            html.raw("</td><td class=\"num\">")
            html.number(row.members)
            html.raw("</td><td class=\"num\">")
            html.number(row.employees)
            html.raw("</td></tr>")
        }
        return html.html
    }
}

struct OrganisationListPage: Encodable {
    var layout: Layout
    var heading: String
    var intro: String
    var rows: [OrganisationRow]
    var newRootPath: String?
    var newRootLabel: String
    var importPath: String?
    var importLabel: String
    var empty: String
}

/// One node: where it sits, its profile, what is under it, and what this user may do with it.
/// The lists of the page (breadcrumbs, profile, actions, the children's rows) are written as HTML
/// here (see `HTMLWriter`) and `org.leaf` places them: Leaf resolving each item's expressions was
/// most of this page's rendering.
struct OrganisationPage: Encodable {
    struct Crumb {
        var name: String
        var path: String?
    }

    /// Also the account page's details (listed there by its template).
    struct Item: Encodable {
        var label: String
        var value: String
    }

    /// Also the account page's actions (listed there by its template).
    struct PostAction: Encodable {
        var label: String
        var path: String
        var version: Int
        var confirm: String
    }

    var layout: Layout
    var name: String
    var retired: Bool
    var retiredLabel: String
    /// `<a href="…">name</a> / ` per ancestor (a name without a link where the user may not go).
    var crumbs: String
    /// `<dt>label</dt><dd>value</dd>` per item.
    var profile: String
    /// `<a class="button secondary" href="…">label</a>` per link.
    var links: String
    /// A form with the CSRF token and the version per action (retire or restore).
    var posts: String
    var childrenHeading: String
    /// `<th>label</th>` per column.
    var columns: String
    var hasChildren: Bool
    /// The children's table rows (`OrganisationRow.tableRows`).
    var childRows: String
    var pager: Pager
    static let childrenPageSize = 100
    var noChildren: String

    init(request: Request, org: OrganisationRecord, user: CurrentUser, ancestors: [OrganisationRecord], children: [OrganisationListItem],
         page: Int, more: Bool, stars: [String] = []) {
        let t = Translator(request.language)
        let p = org.profile
        layout = Layout(request: request, title: org.name)
        name = org.name
        retired = org.retiredAt != nil
        retiredLabel = t(Strings.Common.retired)
        crumbs = Self.crumbs(ancestors.map { a in
            Crumb(name: a.name, path: user.can(.viewOrganisation, on: a.accessTarget) ? SiteRoute.organisation(a.id).path : nil)
        })
        var items = [Item(label: t(Strings.Common.level), value: t(p.level.label))]
        if let kind = p.kind { items.append(Item(label: t(Strings.Common.kind), value: t(kind.label))) }
        if p.kind == .enterprise { items.append(Item(label: t(Strings.Organisations.Page.companyForm), value: p.companyForm ? t(Strings.Common.yes) : t(Strings.Common.no))) }
        items += [
            Item(label: t(Strings.Organisations.Page.creditCode), value: p.creditCode ?? "—"),
            Item(label: t(Strings.Common.members), value: String(p.members)),
            Item(label: t(Strings.Common.employees), value: String(p.employees)),
            Item(label: t(Strings.Organisations.Page.chair), value: p.chair.isEmpty ? "—" : p.chair),
            Item(label: t(Strings.Common.phone), value: p.phone.isEmpty ? "—" : p.phone),
            Item(label: t(Strings.Common.address), value: p.address.isEmpty ? "—" : p.address),
        ]
        // 星级: every tier the unit was named, newest first.
        items += stars.map { Item(label: t(Strings.Stars.starLine), value: $0) }
        profile = Self.profile(items)
        childrenHeading = t(Strings.Organisations.Page.unitsUnderIt)
        columns = Self.columns([t(Strings.Common.name), t(Strings.Common.level), t(Strings.Common.kind),
                                t(Strings.Organisations.Page.membersColumn), t(Strings.Organisations.Page.employeesColumn)])
        hasChildren = !children.isEmpty
        childRows = OrganisationRow.tableRows(children.map { OrganisationRow($0, t) })
        pager = Pager(t, path: SiteRoute.organisation(org.id).path, page: page, more: more)
        noChildren = t(Strings.Organisations.Page.nothingUnderIt)
        let id = org.id
        let target = org.accessTarget
        var links: [Layout.Link] = []
        if user.can(.editOrganisation, on: target) { links.append(.init(label: t(Strings.Organisations.Page.edit), path: SiteRoute.editOrganisation(id).path, current: false)) }
        if user.can(.createOrganisation, on: target) && !p.level.allowedChildren.isEmpty {
            links.append(.init(label: t(Strings.Organisations.Page.addUnitUnderIt), path: SiteRoute.newChild(id).path, current: false))
        }
        if user.can(.moveOrganisation, on: target) && org.parentID != nil { links.append(.init(label: t(Strings.Organisations.move), path: SiteRoute.moveOrganisation(id).path, current: false)) }
        if user.can(.importOrganisations, on: target) { links.append(.init(label: t(Strings.Organisations.Page.importUnits), path: SiteRoute.importOrganisations(id).path, current: false)) }
        if user.can(.exportOrganisations, on: target) { links.append(.init(label: t(Strings.Organisations.Page.exportUnits), path: SiteRoute.exportOrganisations(id).path, current: false)) }
        if user.can(.manageAccounts, on: target) { links.append(.init(label: t(Strings.Accounts.newAccount), path: SiteRoute.newUser.path + "?org=" + id.uuidString.lowercased(), current: false)) }
        self.links = Self.links(links)
        var posts: [PostAction] = []
        if user.can(retired ? .restoreOrganisation : .retireOrganisation, on: target) {
            posts.append(retired
                ? PostAction(label: t(Strings.Organisations.Page.restore), path: SiteRoute.restoreOrganisation(id).path, version: org.version, confirm: "")
                : PostAction(label: t(Strings.Organisations.Page.retire), path: SiteRoute.retireOrganisation(id).path, version: org.version,
                             confirm: t(Strings.Organisations.Page.retireConfirm(org.name))))
        }
        self.posts = Self.posts(posts, csrf: request.csrfToken)
    }

    /// The page's content, written as `org.leaf` did (a unit's page is the commonest signed-in page,
    /// and Leaf's pass over it was a tenth of its time).
    var body: String {
        var html = HTMLWriter(capacity: childRows.utf8.count + crumbs.utf8.count + profile.utf8.count + links.utf8.count + posts.utf8.count + 1024)
        html.raw("<p class=\"breadcrumbs\">")
        html.trusted(crumbs)
        html.raw(retired ? "</p>\n<h1 class=\"retired\">" : "</p>\n<h1>")
        html.text(name)
        html.raw("</h1>\n")
        if retired {
            html.raw("<p class=\"muted\">")
            html.text(retiredLabel)
            html.raw("</p>\n")
        }
        html.raw("<dl class=\"profile\">")
        html.trusted(profile)
        html.raw("</dl>\n<div class=\"actions\">\n")
        html.trusted(links)
        html.raw("\n")
        html.trusted(posts)
        html.raw("\n</div>\n<h2>")
        html.text(childrenHeading)
        html.raw("</h2>\n")
        if hasChildren {
            html.raw("<table class=\"grid\">\n  <thead><tr>")
            html.trusted(columns)
            html.raw("</tr></thead>\n  <tbody>\n  ")
            html.trusted(childRows)
            html.raw("\n  </tbody>\n</table>\n")
            if pager.isNeeded { html.trusted(pager.html) }
        } else {
            html.raw("<p class=\"muted\">")
            html.text(noChildren)
            html.raw("</p>\n")
        }
        return html.html
    }

    static func crumbs(_ crumbs: [Crumb]) -> String {
        var html = HTMLWriter(capacity: 256)
        for crumb in crumbs {
            if let path = crumb.path {
                html.raw("<a href=\"")
                html.text(path)
                html.raw("\">")
                html.text(crumb.name)
                html.raw("</a>")
            } else {
                html.text(crumb.name)
            }
            html.raw(" / ")
        }
        return html.html
    }

    static func profile(_ items: [Item]) -> String {
        var html = HTMLWriter(capacity: 512)
        for item in items {
            html.raw("<dt>")
            html.text(item.label)
            html.raw("</dt><dd>")
            html.text(item.value)
            html.raw("</dd>")
        }
        return html.html
    }

    static func columns(_ labels: [String]) -> String {
        var html = HTMLWriter(capacity: 128)
        for label in labels {
            html.raw("<th>")
            html.text(label)
            html.raw("</th>")
        }
        return html.html
    }

    static func links(_ links: [Layout.Link]) -> String {
        var html = HTMLWriter(capacity: 512)
        for link in links {
            html.raw("<a class=\"button secondary\" href=\"")
            html.text(link.path)
            html.raw("\">")
            html.text(link.label)
            html.raw("</a>")
        }
        return html.html
    }

    /// Each action is a POST form carrying the session's CSRF token and the version the page showed.
    static func posts(_ posts: [PostAction], csrf: String) -> String {
        var html = HTMLWriter(capacity: 512)
        for post in posts {
            html.raw("<form method=\"post\" action=\"")
            html.text(post.path)
            html.raw("\" class=\"inline\"")
            if !post.confirm.isEmpty {
                html.raw(" data-confirm=\"")
                html.text(post.confirm)
                html.raw("\"")
            }
            html.raw("><input type=\"hidden\" name=\"_csrf\" value=\"")
            html.text(csrf)
            html.raw("\"><input type=\"hidden\" name=\"version\" value=\"")
            html.number(post.version)
            html.raw("\"><button type=\"submit\" class=\"button secondary\">")
            html.text(post.label)
            html.raw("</button></form>")
        }
        return html.html
    }
}
