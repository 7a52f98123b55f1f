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
        var action: String?
        var actor: String?
        var entity: String?
        var from: String?
        var to: String?
        var before: Int64?
    }

    struct AuditPage: Encodable {
        struct Row: Encodable {
            var sequence: Int64
            var time: String
            var actor: String
            var address: String
            var action: String
            var entity: String
            var before: String
            var after: String
        }

        var layout: Layout
        var heading: String
        var filter: [FormPage.Field]
        var filterLabel: String
        var columns: [String]
        var rows: [Row]
        var olderPath: String?
        var olderLabel: String
        var empty: String
    }

    static let pageSize = 100

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
        if let action = filter.action?.nilIfEmpty { query = query.where("action", .like, SQLBind(action + "%")) }
        if let actor = filter.actor?.nilIfEmpty { query = query.where("actor_name", .like, SQLBind("%" + actor + "%")) }
        if let entity = filter.entity?.nilIfEmpty { query = query.where("entity_id", .equal, SQLBind(entity.lowercased())) }
        if let from = filter.from.flatMap(CalendarDate.init(parsing:)) {
            query = query.where("at_ms", .greaterThanOrEqual, SQLBind(Self.chinaMidnight(from)))
        }
        if let to = filter.to.flatMap(CalendarDate.init(parsing:)) {
            query = query.where("at_ms", .lessThan, SQLBind(Self.chinaMidnight(to.adding(days: 1))))
        }
        if let before = filter.before { query = query.where("sequence", .lessThan, SQLBind(before)) }
        let rows = try await query.orderBy("sequence", .descending).limit(Self.pageSize).all(decoding: AuditLog.Row.self)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var older: String?
        if rows.count == Self.pageSize, let last = rows.last {
            var components = URLComponents()
            components.path = SiteRoute.audit.path
            components.queryItems = [("action", filter.action), ("actor", filter.actor), ("entity", filter.entity), ("from", filter.from), ("to", filter.to)]
                .compactMap { name, value in value?.nilIfEmpty.map { URLQueryItem(name: name, value: $0) } } + [URLQueryItem(name: "before", value: String(last.sequence))]
            older = components.string
        }
        return try await req.view.render("audit", AuditPage(
            layout: Layout(request: req, title: t("审计日志", "Audit trail")), heading: t("审计日志", "Audit trail"),
            filter: [
                .init(name: "action", label: t("操作", "Action"), kind: .text, value: filter.action ?? "", hint: "organisation. / account. / role. / signin."),
                .init(name: "actor", label: t("操作人", "By"), kind: .text, value: filter.actor ?? ""),
                .init(name: "entity", label: t("对象编号", "Object id"), kind: .text, value: filter.entity ?? ""),
                .init(name: "from", label: t("起始日期", "From"), kind: .text, value: filter.from ?? "", hint: "YYYY-MM-DD"),
                .init(name: "to", label: t("截止日期", "To"), kind: .text, value: filter.to ?? "", hint: "YYYY-MM-DD"),
            ],
            filterLabel: t("筛选", "Filter"),
            columns: ["#", t("时间（北京时间）", "Time (China)"), t("操作人", "By"), t("地址", "Address"), t("操作", "Action"),
                      t("对象", "Object"), t("修改前", "Before"), t("修改后", "After")],
            rows: rows.map { r in
                .init(sequence: r.sequence, time: formatter.string(from: Date(timeIntervalSince1970: Double(r.at_ms) / 1000)),
                      actor: r.actor_name, address: r.address, action: r.action, entity: "\(r.entity_type) \(r.entity_id)",
                      before: r.before_json, after: r.after_json)
            },
            olderPath: older, olderLabel: t("更早的记录", "Older entries"), empty: t("没有符合条件的记录。", "No entries match.")))
    }

    /// Milliseconds at 00:00 China time (UTC+8, no daylight saving) on `date`.
    static func chinaMidnight(_ date: CalendarDate) -> Int64 {
        Int64(date.dayNumber) * 86_400_000 - 8 * 3_600_000
    }
}
