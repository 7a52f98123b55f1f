import Fluent
import Foundation
import UnionStarCore
import Vapor

/// 利益冲突声明: an inspector declares a conflict with a union in their reach (from their list of
/// inspections, the inspection page, or this page's picker), lists and withdraws their
/// declarations. Staff then cannot assign them to the union (`ConflictOfInterest`); an assignment
/// to it they have not scored ends (`ConflictDeclaration.effect`), and staff see the declaration
/// on the union's inspectors page.
struct ConflictDeclarationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .conflicts, use: list)
        routes.on(.POST, .conflicts, use: declare)
        routes.on(.POST, .withdrawConflict(UUID()), use: withdraw)
    }

    struct DeclareForm: Content {
        var unit: String?
        var unit_q: String?
        var reason: String?
        var _search: String?
    }

    func list(req: Request) async throws -> View {
        let user = try req.authorizeSomewhere(.declareConflict)
        let preselected = try? req.query.get(String.self, at: "unit")
        return try await req.view.render("conflicts", try await page(req, user: user, form: DeclareForm(unit: preselected), errors: FieldErrors()))
    }

    func page(_ req: Request, user: CurrentUser, form: DeclareForm, errors: FieldErrors) async throws -> ConflictsPage {
        let t = Translator(req.language)
        let declarations = try await ConflictDeclarationModel.query(on: req.db).filter(\.$inspectorID == user.id).sort(\.$declaredAt, .descending).all()
        let units = try await ChunkedQuery.all(Set(declarations.map(\.unitID))) { OrganisationModel.query(on: req.db).filter(\.$id ~~ $0) }
        let paths = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.treePath) })
        let names = try await OrganisationStore(database: req.db).names(on: Array(paths.values))
        var unit = try await OrganisationPicker.field(req, name: "unit", label: t(Strings.Conflicts.unit), purpose: .conflict, user: user, unit: nil,
                                                      text: form.unit_q ?? "", selected: form.unit)
        unit.error = errors["unit"].map { t($0) }
        return ConflictsPage(
            layout: Layout(request: req, title: t(Strings.Conflicts.heading)), heading: t(Strings.Conflicts.heading), intro: t(Strings.Conflicts.intro),
            back: .init(name: t(Strings.InspectionPages.listHeading), path: SiteRoute.myInspections.path),
            listHeading: t(Strings.Conflicts.listHeading),
            columns: [t(Strings.Conflicts.unit), t(Strings.Conflicts.reason), t(Strings.Conflicts.declaredOn), ""],
            rows: declarations.map { row in
                .init(unit: paths[row.unitID].map { OrganisationStore.namePath($0, names) } ?? "—", reason: row.reason,
                      declaredOn: InspectionController.minute(row.declaredAt),
                      withdraw: SiteRoute.withdrawConflict(row.id!).path)
            },
            empty: t(Strings.Conflicts.empty), withdraw: t(Strings.Conflicts.withdraw), withdrawConfirm: t(Strings.Conflicts.withdrawConfirm),
            formHeading: t(Strings.Conflicts.formHeading), action: SiteRoute.conflicts.path,
            fields: [unit, .init(name: "reason", label: t(Strings.Conflicts.reason), kind: .textarea, value: form.reason ?? "",
                                 error: errors["reason"].map { t($0) }, hint: t(Strings.Conflicts.reasonHint), required: true)],
            submit: t(Strings.Conflicts.declare), csrf: req.csrfToken)
    }

    enum Declared: String, Sendable {
        /// The inspector left an assignment they had not scored.
        case left = "conflict-left"
        /// They had scored: the scores stay for staff to decide.
        case kept = "conflict-kept"
        case declared = "conflict-declared"
    }

    func declare(req: Request) async throws -> Response {
        let user = try req.authorizeSomewhere(.declareConflict)
        let form = try req.content.decode(DeclareForm.self)
        if form._search?.isEmpty == false {
            return try await req.render("conflicts", try await page(req, user: user, form: form, errors: FieldErrors()))
        }
        let chosen = try await form.unit.flatMap(UUID.init(uuidString:)).asyncMap { try await OrganisationModel.find($0, on: req.db) } ?? nil
        // A union out of reach is no choice at all, as with every picker.
        let unit = chosen.flatMap { user.can(.declareConflict, on: $0.accessTarget) && $0.retiredAt == nil ? $0 : nil }
        let reason: String
        switch ConflictDeclaration.check(reason: form.reason ?? "", level: unit.flatMap { OrganisationLevel(rawValue: $0.level) }) {
        case .success(let text): reason = text
        case .failure(let errors):
            return try await req.render("conflicts", try await page(req, user: user, form: form, errors: errors), status: .unprocessableEntity)
        }
        guard let unit else { throw AppError.notFound(AppError.nothingHere) }
        let actor = req.auditActor, inspector = user.id, inspectorName = Strings.Common.personWithUserName(user.displayName, user.username).zh
        let outcome: Declared = try await req.writes.perform { db in
            if try await ConflictDeclarationModel.query(on: db).filter(\.$inspectorID == inspector).filter(\.$unitID == unit.id!).count() > 0 {
                throw AppError.conflict(Strings.Conflicts.alreadyDeclared)
            }
            let row = ConflictDeclarationModel()
            row.id = UUID()
            row.inspectorID = inspector
            row.unitID = unit.id!
            row.reason = reason
            row.declaredAt = actor.at
            var outcome = Declared.declared
            let applications = try await ApplicationModel.query(on: db).filter(\.$unitID == unit.id!).all()
            let assignments = try await ChunkedQuery.all(applications.compactMap(\.id)) {
                InspectionAssignmentModel.query(on: db).filter(\.$applicationID ~~ $0).filter(\.$inspectorID == inspector)
            }
            var drafts: [AuditDraft] = []
            for assignment in assignments {
                switch ConflictDeclaration.effect(scored: assignment.scoredAt != nil) {
                case .kept:
                    if outcome == .declared { outcome = .kept }
                case .withdrawn:
                    try await assignment.delete(on: db)
                    // Staff forms about the application carry its version: theirs no longer shows this inspector.
                    if let application = applications.first(where: { $0.id == assignment.applicationID }) {
                        application.version += 1
                        application.updatedAt = actor.at
                        try await application.update(on: db)
                    }
                    row.leftAssignmentAt = actor.at
                    outcome = .left
                    drafts.append(AuditDraft(actor: actor, action: "application.inspector.withdraw", entityType: "inspection_assignment",
                                             entityID: assignment.id!.uuidString.lowercased(), scope: unit.path,
                                             before: InspectorAssignmentController.AssignmentAudit(name: unit.name, inspector: inspectorName),
                                             after: AuditDraft.nothing))
                }
            }
            try await row.create(on: db)
            drafts.insert(AuditDraft(actor: actor, action: "inspector.conflict.declare", entityType: "conflict_declaration",
                                     entityID: row.id!.uuidString.lowercased(), scope: unit.path, before: AuditDraft.nothing,
                                     after: DeclarationAudit(name: unit.name, inspector: inspectorName, reason: reason)), at: 0)
            try await AuditLog.append(drafts, on: db)
            return outcome
        }
        return req.redirect(to: SiteRoute.conflicts.path + "?done=" + outcome.rawValue, redirectType: .normal)
    }

    func withdraw(req: Request) async throws -> Response {
        let user = try req.authorizeSomewhere(.declareConflict)
        guard let text = req.parameters.get("declarationID"), let id = UUID(uuidString: text) else { throw AppError.notFound(AppError.nothingHere) }
        let actor = req.auditActor, inspector = user.id, inspectorName = Strings.Common.personWithUserName(user.displayName, user.username).zh
        try await req.writes.perform { db in
            // Only one's own declaration: anyone else's is "not found".
            guard let row = try await ConflictDeclarationModel.find(id, on: db), row.inspectorID == inspector,
                  let unit = try await OrganisationModel.find(row.unitID, on: db) else { throw AppError.notFound(AppError.nothingHere) }
            let before = DeclarationAudit(name: unit.name, inspector: inspectorName, reason: row.reason)
            try await row.delete(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "inspector.conflict.withdraw", entityType: "conflict_declaration",
                                                  entityID: id.uuidString.lowercased(), scope: unit.path, before: before,
                                                  after: AuditDraft.nothing)], on: db)
        }
        return req.redirect(to: SiteRoute.conflicts.path + "?done=conflict-withdrawn", redirectType: .normal)
    }

    struct DeclarationAudit: AuditSnapshot {
        var name: String
        var inspector: String
        var reason: String
    }

    /// What staff see of the inspectors' declarations about a unit: who, why, when, and whether it
    /// ended their assignment or their scores still stand.
    static func staffLines(unitID: UUID, assigned: [InspectionAssignmentModel], t: Translator, on db: any Database) async throws -> [String] {
        let rows = try await ConflictDeclarationModel.query(on: db).filter(\.$unitID == unitID).sort(\.$declaredAt).all()
        let users = try await ChunkedQuery.all(Set(rows.map(\.inspectorID))) { UserModel.query(on: db).filter(\.$id ~~ $0) }
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, Strings.Common.personWithUserName($0.displayName, $0.username).zh) })
        let stillAssigned = Set(assigned.map(\.inspectorID))
        return rows.map { row in
            t(Strings.Conflicts.staffLine(who: names[row.inspectorID] ?? "—", reason: row.reason, on: CalendarDate.china(row.declaredAt)))
                + (stillAssigned.contains(row.inspectorID) ? t(Strings.Conflicts.staffScoresKept)
                    : row.leftAssignmentAt != nil ? t(Strings.Conflicts.staffLeft) : "")
        }
    }
}

struct ConflictsPage: Encodable {
    typealias Link = ApplicationPage.Link
    struct Row: Encodable {
        var unit: String
        var reason: String
        var declaredOn: String
        var withdraw: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var back: Link
    var listHeading: String
    var columns: [String]
    var rows: [Row]
    var empty: String
    var withdraw: String
    var withdrawConfirm: String
    var formHeading: String
    var action: String
    /// The union (a picker) and the reason.
    var fields: [FormPage.Field]
    var submit: String
    var csrf: String
}
