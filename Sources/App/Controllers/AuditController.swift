import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// The audit trail, filtered, within the viewer's subtree.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .audit, use: index)
        routes.on(.GET, .auditEntry(0), use: entry)
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
        struct Change {
            var field: String
            var before: String
            var after: String
        }

        struct Row {
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
        /// The filter form (`filterForm`) and the table's header cells (`headerCells`), as HTML.
        var filter: String
        var columns: String
        var hasRows: Bool
        /// The table's rows as HTML (`tableRows`), escaped as they were written.
        var rows: String
        var olderPath: String?
        var olderLabel: String
        var newestPath: String?
        var newestLabel: String
        var empty: String

        /// The rows written in Swift rather than by Leaf (see `HTMLWriter`): 50 entries with their
        /// raw records were some 900 expressions for Leaf to resolve. The markup is what
        /// `audit.leaf` had: time, actor (address below), action, object (a link when it has a
        /// page), the changed fields (`field：before → after`), and the raw record folded in a
        /// `<details>`.
        /// A text field of the filter form.
        struct FilterField {
            var name: String
            var label: String
            var value: String
            var hint: String?
        }

        /// The filter form, written in Swift for the same reason as the rows: Leaf's loops over
        /// ten kinds and four fields were a sixth of the page.
        static func filterForm(kinds: [(value: String, label: String)], selected: String, fields: [FilterField], _ t: Translator) -> String {
            var html = HTMLWriter(capacity: 2048)
            html.raw("<form method=\"get\" class=\"stacked audit-filter\">\n  <div class=\"field\"><label for=\"f-kind\">")
            html.text(t(Strings.Audit.kind))
            html.raw("</label><select id=\"f-kind\" name=\"kind\">")
            for kind in kinds {
                html.raw("<option value=\"")
                html.text(kind.value)
                html.raw(kind.value == selected ? "\" selected>" : "\">")
                html.text(kind.label)
                html.raw("</option>")
            }
            html.raw("</select></div>\n  ")
            for field in fields {
                html.raw("<div class=\"field\"><label for=\"f-")
                html.text(field.name)
                html.raw("\">")
                html.text(field.label)
                html.raw("</label><input id=\"f-")
                html.text(field.name)
                html.raw("\" type=\"text\" name=\"")
                html.text(field.name)
                html.raw("\" value=\"")
                html.text(field.value)
                html.raw("\">")
                if let hint = field.hint {
                    html.raw("<div class=\"hint\">")
                    html.text(hint)
                    html.raw("</div>")
                }
                html.raw("</div>")
            }
            html.raw("\n  <div class=\"actions\"><button type=\"submit\" class=\"primary\">")
            html.text(t(Strings.Audit.filter))
            html.raw("</button></div>\n</form>")
            return html.html
        }

        static func headerCells(_ columns: [String]) -> String {
            var html = HTMLWriter(capacity: 256)
            for column in columns {
                html.raw("<th>")
                html.text(column)
                html.raw("</th>")
            }
            return html.html
        }

        static func tableRows(_ rows: [Row], _ t: Translator, rawLink: Bool = true) -> String {
            let mark = t(Strings.Audit.fieldMark)
            let raw = t(Strings.Audit.rawRecord)
            var html = HTMLWriter(capacity: rows.count * 1000)
            for row in rows {
                html.raw("<tr id=\"e")
                html.number(row.sequence)
                html.raw("\"><td>")
                html.text(row.time)
                html.raw("</td><td>")
                html.text(row.actor)
                html.raw("<div class=\"muted\">")
                html.text(row.address)
                html.raw("</div></td><td>")
                html.text(row.action)
                html.raw("</td><td>")
                if let path = row.objectPath {
                    html.raw("<a href=\"")
                    html.text(path)
                    html.raw("\">")
                    html.text(row.object)
                    html.raw("</a>")
                } else {
                    html.text(row.object)
                }
                html.raw("</td><td><ul class=\"changes\">")
                for change in row.changes {
                    html.raw("<li>")
                    html.text(change.field)
                    html.text(mark)
                    html.text(change.before)
                    html.raw(" → ")
                    html.text(change.after)
                    html.raw("</li>")
                }
                html.raw("</ul>")
                if rawLink {
                    html.raw("<a class=\"raw-link\" href=\"")
                    html.text(SiteRoute.auditEntry(row.sequence).path)
                    html.raw("\">")
                    html.text(raw)
                    html.raw(" #")
                    html.number(row.sequence)
                    html.raw("</a>")
                }
                html.raw("</td></tr>")
            }
            return html.html
        }

        /// One entry's raw record: its action and entity as stored, the snapshots before and
        /// after, and its hash.
        static func rawRecord(_ row: Row, _ t: Translator) -> String {
            var html = HTMLWriter(capacity: row.rawBefore.utf8.count + row.rawAfter.utf8.count + 1024)
            html.raw("<h2>")
            html.text(t(Strings.Audit.rawRecord))
            html.raw("</h2><p><code>")
            html.text(row.rawAction)
            html.raw("</code> <code>")
            html.text(row.rawEntity)
            html.raw("</code></p><p>")
            html.text(t(Strings.Audit.before))
            html.raw("</p><pre class=\"json\">")
            html.text(row.rawBefore)
            html.raw("</pre><p>")
            html.text(t(Strings.Audit.after))
            html.raw("</p><pre class=\"json\">")
            html.text(row.rawAfter)
            html.raw("</pre><p><code>")
            html.text(row.hash)
            html.raw("</code></p>")
            return html.html
        }
    }

    static let pageSize = 50

    /// Tier ids in every scheme, by name (the ids mean the same tier across schemes).
    static func tierNames(_ catalogue: SchemeCatalogue) -> [String: LocalizedText] {
        var names: [String: LocalizedText] = [:]
        for tier in catalogue.schemes.flatMap(\.tiers) where names[tier.id] == nil { names[tier.id] = tier.label }
        return names
    }

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
        case "account.email": Strings.Audit.Actions.changedEmail
        case "role.assign": Strings.Audit.Actions.assignedRole
        case "role.revoke": Strings.Audit.Actions.revokedRole
        case "signin.lockout": Strings.Audit.Actions.signInLocked
        case "calendar.holiday": Strings.Audit.Actions.setHoliday
        case "calendar.workday": Strings.Audit.Actions.setWorkingDay
        case "campaign.create": Strings.Audit.Actions.openedCampaign
        case "campaign.update": Strings.Audit.Actions.editedCampaign
        case "campaign.reopen": Strings.Audit.Actions.reopenedDeadline
        case "application.preApply": Strings.Audit.Actions.preApplied
        case "application.startSelfAssessment": Strings.Audit.Actions.startedSelfAssessment
        case "application.saveSelfAssessment": Strings.Audit.Actions.savedSelfAssessment
        case "application.recordCongressDecision": Strings.Audit.Actions.recordedCongressDecision
        case "application.startNotice": Strings.Audit.Actions.startedNotice
        case "application.file": Strings.Audit.Actions.filed
        case "application.returnApplication": Strings.Audit.Actions.returnedApplication
        case "application.saveForm": Strings.Audit.Actions.savedForm
        case "application.saveChair": Strings.Chair.auditSaved
        case "application.round.file": Strings.Audit.Actions.filedRound
        case "application.round.return": Strings.Audit.Actions.returnedRound
        case "evidence.upload": Strings.Audit.Actions.uploadedEvidence
        case "evidence.delete": Strings.Audit.Actions.deletedEvidence
        case "objection.lodge", "application.lodgeObjection": Strings.Audit.Actions.lodgedObjection
        case "objection.answer", "application.answerObjection": Strings.Audit.Actions.answeredObjection
        case "inspector.conflict.declare": Strings.Audit.Actions.declaredConflict
        case "inspector.conflict.withdraw": Strings.Audit.Actions.withdrewConflict
        case "application.inspector.withdraw": Strings.Audit.Actions.inspectorStoodAside
        case "campaign.spot-check": Strings.Audit.Actions.drewSpotCheck
        case "survey.create": Strings.Survey.AuditActions.created
        case "survey.open": Strings.Survey.AuditActions.opened
        case "survey.issueTokens": Strings.Survey.AuditActions.issued
        case "survey.close": Strings.Survey.AuditActions.closed
        case "survey.fill": Strings.Survey.AuditActions.filled
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
        case "email": Strings.Audit.Fields.email
        case "role": Strings.Audit.Fields.role
        case "failures": Strings.Audit.Fields.failures
        case "lockedUntil": Strings.Audit.Fields.lockedUntil
        case "key": Strings.Audit.Fields.key
        case "state": Strings.Audit.Fields.state
        case "tier": Strings.Audit.Fields.tier
        case "aimedTier": Strings.Audit.Fields.aimedTier
        case "selfTotal": Strings.Audit.Fields.selfTotal
        case "round": Strings.Audit.Fields.round
        case "noticeStart": Strings.Audit.Fields.noticeStart
        case "noticeEnd": Strings.Audit.Fields.noticeEnd
        case "year": Strings.Audit.Fields.year
        case "owner": Strings.Audit.Fields.owner
        case "plan": Strings.Audit.Fields.plan
        case "step": Strings.Audit.Fields.step
        case "until": Strings.Audit.Fields.until
        case "reason": Strings.Audit.Fields.reason
        case "item": Strings.Audit.Fields.item
        case "type": Strings.Audit.Fields.fileType
        case "size": Strings.Audit.Fields.size
        case "sha256": Strings.Audit.Fields.contentHash
        case "text": Strings.Audit.Fields.text
        case "anonymous": Strings.Audit.Fields.anonymous
        case "answer": Strings.Audit.Fields.answer
        case "form": Strings.Audit.Fields.form
        case "returnedBy": Strings.Audit.Fields.returnedBy
        case "returnReason": Strings.Audit.Fields.returnReason
        case "inspector": Strings.Audit.Fields.inspector
        case "seed": Strings.Audit.Fields.seed
        case "population": Strings.Audit.Fields.population
        case "sample": Strings.Audit.Fields.sample
        case "number": Strings.Audit.Fields.number
        case "campaign": Strings.Audit.Fields.campaign
        default: LocalizedText(zh: field, en: field)
        }
    }

    static let kinds: [(String, LocalizedText)] = [
        ("", Strings.Audit.Kinds.all), ("organisation.", Strings.Audit.Kinds.units),
        ("account.", Strings.Audit.Kinds.accounts), ("role.", Strings.Audit.Kinds.roles),
        ("signin.", Strings.Audit.Kinds.signIn), ("calendar.", Strings.Audit.Kinds.calendar),
        ("campaign.", Strings.Audit.Kinds.campaigns), ("application.", Strings.Audit.Kinds.applications),
        ("evidence.", Strings.Audit.Kinds.evidence), ("objection.", Strings.Audit.Kinds.objections),
    ]

    func index(req: Request) async throws -> View {
        let user = try req.authorizeSomewhere(.viewAudit)
        let t = Translator(req.language)
        let filter = (req.url.query ?? "").isEmpty ? Filter() : try req.query.decode(Filter.self)
        let sql = req.db as! any SQLDatabase
        var query = sql.select().columns(ListRow.columns).from(AuditLog.table)
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
        let rows = try await query.orderBy("sequence", .descending).limit(Self.pageSize).all().map(ListRow.init(row:))
        let readings = try await req.application.auditReadings.readings(rows.map(\.sequence), on: sql)
        let shown = try await Self.rows(rows, readings: readings, req: req, t: t)
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
            filter: AuditPage.filterForm(kinds: Self.kinds.map { ($0.0, t($0.1)) }, selected: filter.kind ?? "", fields: [
                .init(name: "actor", label: t(Strings.Audit.actor), value: filter.actor ?? ""),
                .init(name: "object", label: t(Strings.Audit.objectName), value: filter.object ?? "", hint: t(Strings.Audit.objectNameHint)),
                .init(name: "from", label: t(Strings.Audit.fromDate), value: filter.from ?? "", hint: "YYYY-MM-DD"),
                .init(name: "to", label: t(Strings.Audit.toDate), value: filter.to ?? "", hint: "YYYY-MM-DD"),
            ], t),
            columns: AuditPage.headerCells(Self.columns(t)),
            hasRows: !rows.isEmpty,
            rows: AuditPage.tableRows(shown, t),
            olderPath: older, olderLabel: t(Strings.Audit.olderEntries),
            newestPath: filter.before == nil ? nil : link(before: nil), newestLabel: t(Strings.Audit.newestEntries),
            empty: t(Strings.Audit.noneMatch)))
    }

    /// The entries as the page shows them: actions, fields and values in words, places named
    /// (all of them with one query), objects linked where they have a page.
    static func rows(_ rows: [PageRow], req: Request, t: Translator) async throws -> [AuditPage.Row] {
        try await Self.rows(rows.map(\.entry), readings: rows.map { AuditReading(AuditChange.read(before: $0.before_json, after: $0.after_json)) },
                            raw: rows, req: req, t: t)
    }

    /// The same from entries without their snapshots, with the snapshots' readings (`AuditReadings`).
    static func rows(_ rows: [ListRow], readings: [AuditReading], raw: [PageRow]? = nil, req: Request, t: Translator) async throws -> [AuditPage.Row] {
        // Places are kept as paths of ids: name them all with one query.
        let changesByRow = readings.map(\.fields)
        let paths = changesByRow.flatMap { $0.flatMap { [$0.before, $0.after] } }.compactMap { $0 }.compactMap { value -> TreePath? in
            value.hasPrefix("/") && value.hasSuffix("/") ? TreePath(text: value) : nil
        }
        let names = try await OrganisationStore(database: req.db).names(on: paths)
        // The same places come back row after row: name each path once.
        var placeNames: [String: String] = [:]
        let tiers = Self.tierNames(req.catalogue)
        func words(_ field: String, _ value: String?) -> String {
            guard let value else { return "—" }
            if value.hasPrefix("/"), value.hasSuffix("/"), let path = TreePath(text: value) {
                if let known = placeNames[value] { return known }
                let named = OrganisationStore.namePath(path, names, missing: "?")
                placeNames[value] = named
                return named
            }
            if field == "role", let role = Role(rawValue: value) { return t(role.label) }
            if field == "level", let level = OrganisationLevel(rawValue: value) { return t(level.label) }
            if field == "kind", let kind = UnionKind(rawValue: value) { return t(kind.label) }
            if field == "state", let state = ApplicationState(rawValue: value) { return t(state.label) }
            if field == "step", let step = CampaignStep(rawValue: value) { return t(step.label) }
            if field == "tier" || field == "aimedTier", let tier = tiers[value] { return t(tier) }
            if value == "true" { return t(Strings.Common.yes) }
            if value == "false" { return t(Strings.Common.no) }
            return value
        }
        return zip(rows, readings).enumerated().map { index, pair in
            let (r, reading) = pair
            let changes = reading.fields
            let object = reading.subject ?? r.entity_id
            let objectPath: String? = switch r.entity_type {
            case "organisation": UUID(uuidString: r.entity_id).map { SiteRoute.organisation($0).path }
            case "account": UUID(uuidString: r.entity_id).map { SiteRoute.user($0).path }
            default: nil
            }
            return .init(sequence: r.sequence, time: Self.chinaTime(r.at_ms),
                         actor: r.actor_name, address: r.address, action: t(Self.actionText(r.action)),
                         object: words("name", object), objectPath: objectPath,
                         changes: changes.map { .init(field: t(Self.fieldText($0.name)), before: words($0.name, $0.before), after: words($0.name, $0.after)) },
                         rawAction: r.action, rawEntity: "\(r.entity_type) \(r.entity_id)", rawBefore: raw?[index].before_json ?? "",
                         rawAfter: raw?[index].after_json ?? "", hash: r.hash)
        }
    }

    /// One entry with its raw record, within the viewer's subtree ("not found" otherwise, as for a
    /// number that does not exist).
    func entry(req: Request) async throws -> View {
        let user = try req.authorizeSomewhere(.viewAudit)
        let t = Translator(req.language)
        guard let text = req.parameters.get("sequence"), let sequence = Int64(text) else { throw AppError.notFound(AppError.nothingHere) }
        let sql = req.db as! any SQLDatabase
        var query = sql.select().columns(PageRow.columns).from(AuditLog.table).where("sequence", .equal, SQLBind(sequence))
        switch user.reach(.viewAudit) {
        case .nowhere: throw AppError.notFound(AppError.nothingHere)
        case .everywhere: break
        case .within(let tops):
            query = query.where { group in
                var g = group
                for top in tops { g = g.orWhere("scope", .like, SQLBind(top.text + "%")) }
                return g
            }
        }
        guard let found = try await query.first().map(PageRow.init(row:)), let row = try await Self.rows([found], req: req, t: t).first else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let title = t(Strings.Audit.entryHeading(row.sequence))
        var html = HTMLWriter(capacity: 4096)
        html.raw("<p class=\"breadcrumbs\"><a href=\"")
        html.text(SiteRoute.audit.path)
        html.raw("\">")
        html.text(t(Strings.Audit.heading))
        html.raw("</a></p><h1>")
        html.text(title)
        html.raw("</h1><table class=\"grid audit\"><thead><tr>")
        let body = html.html + AuditPage.headerCells(Self.columns(t)) + "</tr></thead><tbody>" + AuditPage.tableRows([row], t, rawLink: false) + "</tbody></table>" + AuditPage.rawRecord(row, t)
        return try await req.view.render("prerendered", PrerenderedPage(layout: Layout(request: req, title: title), body: body))
    }

    static func columns(_ t: Translator) -> [String] {
        [t(Strings.Audit.timeColumn), t(Strings.Audit.actor), t(Strings.Audit.actionColumn), t(Strings.Audit.objectColumn), t(Strings.Audit.changesColumn)]
    }

    /// What the list reads of an entry: the record without its snapshots, whose readings come
    /// from `AuditReadings`.
    struct ListRow {
        static let columns = ["sequence", "at_ms", "actor_name", "address", "action", "entity_type", "entity_id", "hash"]
        var sequence: Int64
        var at_ms: Int64
        var actor_name: String
        var address: String
        var action: String
        var entity_type: String
        var entity_id: String
        var hash: String

        init(row: any SQLRow) throws {
            sequence = try row.decode(column: "sequence", as: Int64.self)
            at_ms = try row.decode(column: "at_ms", as: Int64.self)
            actor_name = try row.decode(column: "actor_name", as: String.self)
            address = try row.decode(column: "address", as: String.self)
            action = try row.decode(column: "action", as: String.self)
            entity_type = try row.decode(column: "entity_type", as: String.self)
            entity_id = try row.decode(column: "entity_id", as: String.self)
            hash = try row.decode(column: "hash", as: String.self)
        }

    }

    /// What the entry's own page shows: the list's record with its snapshots.
    struct PageRow {
        static let columns = ListRow.columns + ["before_json", "after_json"]
        var entry: ListRow
        var before_json: String
        var after_json: String

        init(row: any SQLRow) throws {
            entry = try ListRow(row: row)
            before_json = try row.decode(column: "before_json", as: String.self)
            after_json = try row.decode(column: "after_json", as: String.self)
        }
    }

    /// `yyyy-MM-dd HH:mm:ss` in China time (UTC+8, no daylight saving, as `chinaMidnight`), by
    /// arithmetic rather than a `DateFormatter` (which was a twentieth of the page's time).
    static func chinaTime(_ milliseconds: Int64) -> String {
        let seconds = Int(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        return CalendarDate(dayNumber: days).description + " " + two(time / 3600) + ":" + two(time / 60 % 60) + ":" + two(time % 60)
    }

    /// Milliseconds at 00:00 China time (UTC+8, no daylight saving) on `date`.
    static func chinaMidnight(_ date: CalendarDate) -> Int64 {
        Int64(date.dayNumber) * 86_400_000 - 8 * 3_600_000
    }
}
