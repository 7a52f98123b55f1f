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

    init(_ org: OrganisationModel, _ t: Translator) {
        name = org.name
        path = SiteRoute.organisation(org.id!).path
        level = OrganisationLevel(rawValue: org.level).map { t($0.label) } ?? org.level
        kind = org.kind.flatMap(UnionKind.init(rawValue:)).map { t($0.label) } ?? ""
        members = org.members
        employees = org.employees
        retired = org.retiredAt != nil
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
struct OrganisationPage: Encodable {
    struct Crumb: Encodable {
        var name: String
        var path: String?
    }

    struct Item: Encodable {
        var label: String
        var value: String
    }

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
    var crumbs: [Crumb]
    var profile: [Item]
    var childrenHeading: String
    var columns: [String]
    var children: [OrganisationRow]
    var pager: Pager
    static let childrenPageSize = 100
    var noChildren: String
    var links: [Layout.Link]
    var posts: [PostAction]
    var csrf: String

    init(request: Request, org: OrganisationModel, user: CurrentUser, ancestors: [OrganisationModel], children: [OrganisationModel],
         page: Int, more: Bool) {
        let t = Translator(request.language)
        let p = org.profile
        layout = Layout(request: request, title: org.name)
        name = org.name
        retired = org.retiredAt != nil
        retiredLabel = t("已撤销", "retired")
        crumbs = ancestors.map { a in
            Crumb(name: a.name, path: user.can(.viewOrganisation, on: a.accessTarget) ? SiteRoute.organisation(a.id!).path : nil)
        }
        var items = [Item(label: t("层级", "Level"), value: t(p.level.label))]
        if let kind = p.kind { items.append(Item(label: t("类型", "Kind"), value: t(kind.label))) }
        if p.kind == .enterprise { items.append(Item(label: t("公司制企业", "Company form"), value: p.companyForm ? t("是", "yes") : t("否", "no"))) }
        items += [
            Item(label: t("统一社会信用代码", "Credit code"), value: p.creditCode ?? "—"),
            Item(label: t("会员人数", "Members"), value: String(p.members)),
            Item(label: t("职工人数", "Employees"), value: String(p.employees)),
            Item(label: t("工会主席", "Chair"), value: p.chair.isEmpty ? "—" : p.chair),
            Item(label: t("联系电话", "Phone"), value: p.phone.isEmpty ? "—" : p.phone),
            Item(label: t("地址", "Address"), value: p.address.isEmpty ? "—" : p.address),
        ]
        profile = items
        childrenHeading = t("下级单位", "Units under it")
        columns = [t("名称", "Name"), t("层级", "Level"), t("类型", "Kind"), t("会员", "Members"), t("职工", "Employees")]
        self.children = children.map { OrganisationRow($0, t) }
        pager = Pager(t, path: SiteRoute.organisation(org.id!).path, page: page, more: more)
        noChildren = t("没有下级单位。", "Nothing under it.")
        let id = org.id!
        let target = org.accessTarget
        var links: [Layout.Link] = []
        if user.can(.editOrganisation, on: target) { links.append(.init(label: t("编辑", "Edit"), path: SiteRoute.editOrganisation(id).path, current: false)) }
        if user.can(.createOrganisation, on: target) && !p.level.allowedChildren.isEmpty {
            links.append(.init(label: t("新建下级单位", "Add a unit under it"), path: SiteRoute.newChild(id).path, current: false))
        }
        if user.can(.moveOrganisation, on: target) && org.parentID != nil { links.append(.init(label: t("移动", "Move"), path: SiteRoute.moveOrganisation(id).path, current: false)) }
        if user.can(.importOrganisations, on: target) { links.append(.init(label: t("导入", "Import"), path: SiteRoute.importOrganisations(id).path, current: false)) }
        if user.can(.exportOrganisations, on: target) { links.append(.init(label: t("导出", "Export"), path: SiteRoute.exportOrganisations(id).path, current: false)) }
        if user.can(.manageAccounts, on: target) { links.append(.init(label: t("新建账号", "New account"), path: SiteRoute.newUser.path + "?org=" + id.uuidString.lowercased(), current: false)) }
        self.links = links
        var posts: [PostAction] = []
        if user.can(retired ? .restoreOrganisation : .retireOrganisation, on: target) {
            posts.append(retired
                ? PostAction(label: t("恢复", "Restore"), path: SiteRoute.restoreOrganisation(id).path, version: org.version, confirm: "")
                : PostAction(label: t("撤销", "Retire"), path: SiteRoute.retireOrganisation(id).path, version: org.version,
                             confirm: t("确定撤销“\(org.name)”吗？", "Retire '\(org.name)'?")))
        }
        self.posts = posts
        csrf = request.csrfToken
    }
}
