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
        case "organisation.create": Strings.Audit.Actions.createdUnit
        case "organisation.update": Strings.Audit.Actions.editedUnit
        case "organisation.move": Strings.Audit.Actions.movedUnit
        case "organisation.retire": Strings.Audit.Actions.retiredUnit
        case "organisation.restore": Strings.Audit.Actions.restoredUnit
        case "account.create": Strings.Audit.Actions.createdAccount
        case "account.disable": Strings.Audit.Actions.disabledAccount
        case "account.enable": Strings.Audit.Actions.enabledAccount
        case "account.password-reset": Strings.Audit.Actions.resetPassword
        case "account.password-change": Strings.Audit.Actions.changedOwnPassword
        case "role.assign": Strings.Audit.Actions.assignedRole
        case "role.revoke": Strings.Audit.Actions.revokedRole
        case "signin.lockout": Strings.Audit.Actions.signInLocked
        case "calendar.holiday": Strings.Audit.Actions.setHoliday
        case "calendar.workday": Strings.Audit.Actions.setWorkingDay
        default: LocalizedText(zh: action, en: action)
        }
    }

    /// The fields of the snapshots, in words.
    static func fieldText(_ field: String) -> LocalizedText {
        switch field {
        case "name": Strings.Audit.Fields.name
        case "path", "organisation": Strings.Audit.Fields.place
        case "level": Strings.Audit.Fields.level
        case "kind": Strings.Audit.Fields.kind
        case "creditCode": Strings.Audit.Fields.creditCode
        case "members": Strings.Audit.Fields.members
        case "employees": Strings.Audit.Fields.employees
        case "chair": Strings.Audit.Fields.chair
        case "phone": Strings.Audit.Fields.phone
        case "address": Strings.Audit.Fields.address
        case "companyForm": Strings.Audit.Fields.companyForm
        case "retired": Strings.Audit.Fields.retired
        case "username": Strings.Audit.Fields.username
        case "displayName": Strings.Audit.Fields.displayName
        case "disabled": Strings.Audit.Fields.disabled
        case "mustChangePassword": Strings.Audit.Fields.mustChangePassword
        case "role": Strings.Audit.Fields.role
        case "failures": Strings.Audit.Fields.failures
        case "lockedUntil": Strings.Audit.Fields.lockedUntil
        case "key": Strings.Audit.Fields.key
        default: LocalizedText(zh: field, en: field)
        }
    }

    static let kinds: [(String, LocalizedText)] = [
        ("", Strings.Audit.Kinds.all), ("organisation.", Strings.Audit.Kinds.units),
        ("account.", Strings.Audit.Kinds.accounts), ("role.", Strings.Audit.Kinds.roles),
        ("signin.", Strings.Audit.Kinds.signIn), ("calendar.", Strings.Audit.Kinds.calendar),
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
            if value == "true" { return t(Strings.Common.yes) }
            if value == "false" { return t(Strings.Common.no) }
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
            layout: Layout(request: req, title: t(Strings.Audit.heading)), heading: t(Strings.Audit.heading),
            kinds: Self.kinds.map { .init(value: $0.0, label: t($0.1), selected: $0.0 == (filter.kind ?? "")) },
            filter: [
                .init(name: "actor", label: t(Strings.Audit.actor), kind: .text, value: filter.actor ?? ""),
                .init(name: "object", label: t(Strings.Audit.objectName), kind: .text, value: filter.object ?? "",
                      hint: t(Strings.Audit.objectNameHint)),
                .init(name: "from", label: t(Strings.Audit.fromDate), kind: .text, value: filter.from ?? "", hint: "YYYY-MM-DD"),
                .init(name: "to", label: t(Strings.Audit.toDate), kind: .text, value: filter.to ?? "", hint: "YYYY-MM-DD"),
            ],
            kindLabel: t(Strings.Audit.kind), filterLabel: t(Strings.Audit.filter),
            columns: [t(Strings.Audit.timeColumn), t(Strings.Audit.actor), t(Strings.Audit.actionColumn), t(Strings.Audit.objectColumn), t(Strings.Audit.changesColumn)],
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
            rawLabel: t(Strings.Audit.rawRecord), beforeLabel: t(Strings.Audit.before), afterLabel: t(Strings.Audit.after),
            olderPath: older, olderLabel: t(Strings.Audit.olderEntries),
            newestPath: filter.before == nil ? nil : link(before: nil), newestLabel: t(Strings.Audit.newestEntries),
            empty: t(Strings.Audit.noneMatch)))
    }

    /// Milliseconds at 00:00 China time (UTC+8, no daylight saving) on `date`.
    static func chinaMidnight(_ date: CalendarDate) -> Int64 {
        Int64(date.dayNumber) * 86_400_000 - 8 * 3_600_000
    }
}
