import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// The audit trail, filtered, within the viewer's subtree.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .audit, use: index)
    }

    struct Filter: Content {
        var kind: String?
        var actor: String?
        var object: String?
        var entity: String?
        var from: String?
        var to: String?
        var before: Int64?
    }

    struct AuditPage: Encodable {
        struct Change: Encodable {
            var field: String
            var before: String
            var after: String
        }

        struct Row: Encodable {
            var sequence: Int64
            var time: String
            var actor: String
            var address: String
            var action: String
            var object: String
            var objectPath: String?
            var changes: [Change]
            var rawAction: String
            var rawEntity: String
            var rawBefore: String
            var rawAfter: String
            var hash: String
        }

        var layout: Layout
        var heading: String
        var kinds: [FormPage.Field.Option]
        var filter: [FormPage.Field]
        var kindLabel: String
        var filterLabel: String
        var columns: [String]
        var rows: [Row]
        var rawLabel: String
        var beforeLabel: String
        var afterLabel: String
        var olderPath: String?
        var olderLabel: String
        var newestPath: String?
        var newestLabel: String
        var empty: String
    }

    static let pageSize = 50

    /// What each action is, in words.
    static func actionText(_ action: String) -> LocalizedText {
        switch action {
        case "organisation.create": LocalizedText(zh: "新建单位", en: "created a unit")
        case "organisation.update": LocalizedText(zh: "修改单位", en: "edited a unit")
        case "organisation.move": LocalizedText(zh: "移动单位", en: "moved a unit")
        case "organisation.retire": LocalizedText(zh: "撤销单位", en: "retired a unit")
        case "organisation.restore": LocalizedText(zh: "恢复单位", en: "restored a unit")
        case "account.create": LocalizedText(zh: "新建账号", en: "created an account")
        case "account.disable": LocalizedText(zh: "停用账号", en: "disabled an account")
        case "account.enable": LocalizedText(zh: "启用账号", en: "enabled an account")
        case "account.password-reset": LocalizedText(zh: "重置密码", en: "reset a password")
        case "account.password-change": LocalizedText(zh: "修改本人密码", en: "changed their password")
        case "role.assign": LocalizedText(zh: "分配角色", en: "assigned a role")
        case "role.revoke": LocalizedText(zh: "收回角色", en: "revoked a role")
        case "signin.lockout": LocalizedText(zh: "登录锁定", en: "sign-in locked")
        case "calendar.holiday": LocalizedText(zh: "设为节假日", en: "set a holiday")
        case "calendar.workday": LocalizedText(zh: "设为工作日", en: "set a working day")
        default: LocalizedText(zh: action, en: action)
        }
    }

    /// The fields of the snapshots, in words.
    static func fieldText(_ field: String) -> LocalizedText {
        switch field {
        case "name": LocalizedText(zh: "名称", en: "name")
        case "path", "organisation": LocalizedText(zh: "位置", en: "place")
        case "level": LocalizedText(zh: "层级", en: "level")
        case "kind": LocalizedText(zh: "类型", en: "kind")
        case "creditCode": LocalizedText(zh: "统一社会信用代码", en: "credit code")
        case "members": LocalizedText(zh: "会员人数", en: "members")
        case "employees": LocalizedText(zh: "职工人数", en: "employees")
        case "chair": LocalizedText(zh: "工会主席", en: "chair")
        case "phone": LocalizedText(zh: "联系电话", en: "phone")
        case "address": LocalizedText(zh: "地址", en: "address")
        case "companyForm": LocalizedText(zh: "公司制企业", en: "company form")
        case "retired": LocalizedText(zh: "已撤销", en: "retired")
        case "username": LocalizedText(zh: "用户名", en: "user name")
        case "displayName": LocalizedText(zh: "姓名", en: "name")
        case "disabled": LocalizedText(zh: "已停用", en: "disabled")
        case "mustChangePassword": LocalizedText(zh: "须修改密码", en: "must change password")
        case "role": LocalizedText(zh: "角色", en: "role")
        case "failures": LocalizedText(zh: "失败次数", en: "failures")
        case "lockedUntil": LocalizedText(zh: "锁定至", en: "locked until")
        case "key": LocalizedText(zh: "对象", en: "key")
        default: LocalizedText(zh: field, en: field)
        }
    }

    static let kinds: [(String, LocalizedText)] = [
        ("", LocalizedText(zh: "全部", en: "all")), ("organisation.", LocalizedText(zh: "单位", en: "units")),
        ("account.", LocalizedText(zh: "账号", en: "accounts")), ("role.", LocalizedText(zh: "角色", en: "roles")),
        ("signin.", LocalizedText(zh: "登录", en: "sign-in")), ("calendar.", LocalizedText(zh: "工作日历", en: "calendar")),
    ]

    func index(req: Request) async throws -> View {
        let user = try req.authorizeSomewhere(.viewAudit)
        let t = Translator(req.language)
        let filter = try req.query.decode(Filter.self)
        let sql = req.db as! any SQLDatabase
        var query = sql.select().column("*").from(AuditLog.table)
        if case .within(let tops) = user.reach(.viewAudit) {
            query = query.where { group in
                var g = group
                for top in tops { g = g.orWhere("scope", .like, SQLBind(top.text + "%")) }
                return g
            }
        }
        if let kind = filter.kind?.nilIfEmpty, Self.kinds.contains(where: { $0.0 == kind }) {
            query = query.where("action", .like, SQLBind(kind + "%"))
        }
        if let actor = filter.actor?.nilIfEmpty { query = query.where(ContainsText(column: "actor_name", text: actor)) }
        if let object = filter.object?.nilIfEmpty {
            query = query.where { group in
                group.orWhere(ContainsText(column: "before_json", text: object)).orWhere(ContainsText(column: "after_json", text: object))
            }
        }
        if let entity = filter.entity?.nilIfEmpty { query = query.where("entity_id", .equal, SQLBind(entity.lowercased())) }
        if let from = filter.from.flatMap(CalendarDate.init(parsing:)) {
            query = query.where("at_ms", .greaterThanOrEqual, SQLBind(Self.chinaMidnight(from)))
        }
        if let to = filter.to.flatMap(CalendarDate.init(parsing:)) {
            query = query.where("at_ms", .lessThan, SQLBind(Self.chinaMidnight(to.adding(days: 1))))
        }
        if let before = filter.before { query = query.where("sequence", .lessThan, SQLBind(before)) }
        let rows = try await query.orderBy("sequence", .descending).limit(Self.pageSize).all(decoding: AuditLog.Row.self)
        // Places are kept as paths of ids: name them all with one query.
        let readings = rows.map { AuditChange.read(before: $0.before_json, after: $0.after_json) }
        let changesByRow = readings.map(\.fields)
        let paths = changesByRow.flatMap { $0.flatMap { [$0.before, $0.after] } }.compactMap { $0 }.compactMap { value -> TreePath? in
            value.hasPrefix("/") && value.hasSuffix("/") ? TreePath(text: value) : nil
        }
        let names = try await OrganisationStore(database: req.db).names(on: paths)
        func words(_ field: String, _ value: String?) -> String {
            guard let value else { return "—" }
            if value.hasPrefix("/"), value.hasSuffix("/"), let path = TreePath(text: value) {
                return OrganisationStore.namePath(path, names, missing: "?")
            }
            if field == "role", let role = Role(rawValue: value) { return t(role.label) }
            if field == "level", let level = OrganisationLevel(rawValue: value) { return t(level.label) }
            if field == "kind", let kind = UnionKind(rawValue: value) { return t(kind.label) }
            if value == "true" { return t("是", "yes") }
            if value == "false" { return t("否", "no") }
            return value
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        func link(before: Int64?) -> String {
            var components = URLComponents()
            components.path = SiteRoute.audit.path
            let items = [("kind", filter.kind), ("actor", filter.actor), ("object", filter.object), ("entity", filter.entity),
                         ("from", filter.from), ("to", filter.to)]
                .compactMap { name, value in value?.nilIfEmpty.map { URLQueryItem(name: name, value: $0) } }
            components.queryItems = items + (before.map { [URLQueryItem(name: "before", value: String($0))] } ?? [])
            return components.string ?? SiteRoute.audit.path
        }
        let older = rows.count == Self.pageSize ? rows.last.map { link(before: $0.sequence) } : nil
        return try await req.view.render("audit", AuditPage(
            layout: Layout(request: req, title: t("审计日志", "Audit trail")), heading: t("审计日志", "Audit trail"),
            kinds: Self.kinds.map { .init(value: $0.0, label: t($0.1), selected: $0.0 == (filter.kind ?? "")) },
            filter: [
                .init(name: "actor", label: t("操作人", "By"), kind: .text, value: filter.actor ?? ""),
                .init(name: "object", label: t("对象名称", "Object's name"), kind: .text, value: filter.object ?? "",
                      hint: t("单位名称或用户名中的字", "part of a unit's name or a user name")),
                .init(name: "from", label: t("起始日期", "From"), kind: .text, value: filter.from ?? "", hint: "YYYY-MM-DD"),
                .init(name: "to", label: t("截止日期", "To"), kind: .text, value: filter.to ?? "", hint: "YYYY-MM-DD"),
            ],
            kindLabel: t("类别", "Kind"), filterLabel: t("筛选", "Filter"),
            columns: [t("时间（北京时间）", "Time (China)"), t("操作人", "By"), t("操作", "Action"), t("对象", "Object"), t("改动", "Changes")],
            rows: zip(rows, readings).map { r, reading in
                let changes = reading.fields
                let object = reading.subject ?? r.entity_id
                let objectPath: String? = switch r.entity_type {
                case "organisation": UUID(uuidString: r.entity_id).map { SiteRoute.organisation($0).path }
                case "account": UUID(uuidString: r.entity_id).map { SiteRoute.user($0).path }
                default: nil
                }
                return .init(sequence: r.sequence, time: formatter.string(from: Date(timeIntervalSince1970: Double(r.at_ms) / 1000)),
                             actor: r.actor_name, address: r.address, action: t(Self.actionText(r.action)),
                             object: words("name", object), objectPath: objectPath,
                             changes: changes.map { .init(field: t(Self.fieldText($0.name)), before: words($0.name, $0.before), after: words($0.name, $0.after)) },
                             rawAction: r.action, rawEntity: "\(r.entity_type) \(r.entity_id)", rawBefore: r.before_json, rawAfter: r.after_json,
                             hash: r.hash)
            },
            rawLabel: t("原始记录", "Raw record"), beforeLabel: t("修改前", "Before"), afterLabel: t("修改后", "After"),
            olderPath: older, olderLabel: t("更早的记录", "Older entries"),
            newestPath: filter.before == nil ? nil : link(before: nil), newestLabel: t("最新的记录", "Newest entries"),
            empty: t("没有符合条件的记录。", "No entries match.")))
    }

    /// Milliseconds at 00:00 China time (UTC+8, no daylight saving) on `date`.
    static func chinaMidnight(_ date: CalendarDate) -> Int64 {
        Int64(date.dayNumber) * 86_400_000 - 8 * 3_600_000
    }
}
