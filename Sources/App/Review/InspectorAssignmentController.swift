import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// Staff assign inspectors to an endorsed application (the core's `assignInspectors`), refusing
/// anyone with a conflict of interest (`ConflictOfInterest`): an account of the unit, of a
/// sub-federation above it, or one that declared a conflict with it.
struct InspectorAssignmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .inspectors(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .inspectors(campaign: UUID(), unit: UUID()), use: assign)
        routes.on(.POST, .withdrawInspector(campaign: UUID(), unit: UUID(), inspector: UUID()), use: withdraw)
        routes.on(.POST, .completeInspection(campaign: UUID(), unit: UUID()), use: complete)
    }

    /// The inspectors' scores combined by the campaign's rule, beside the self-assessment.
    static func combined(_ context: ApplicationContext, _ assigned: [InspectionAssignmentModel], on db: any Database) async throws -> CombinedInspection {
        let scorer = try await PinnedSchemes.shared.scorer(for: context.pin, on: db)
        let scores = assigned.compactMap { row -> InspectorScore? in
            guard let record = row.recordJSON.flatMap({ try? CampaignStore.decode(InspectionRecord.self, $0) }) else { return nil }
            return InspectorScore(inspector: row.inspectorID.uuidString.lowercased(), total: record.total, items: record.items)
        }
        return InspectionScores.combine(scores, rule: context.plan.inspectionRule,
                                        selfItems: InspectionController.selfItemScores(context.application, scorer: scorer))
    }

    func complete(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .manageReview)
        try await Self.complete(try req.content.decode(ApplicationController.VersionForm.self), context, req: req)
        return req.redirect(to: SiteRoute.inspectors(campaign: context.campaignID, unit: context.unitID).path + "?done=inspection-closed",
                            redirectType: .normal)
    }

    /// Closes the inspection with the combined score (the page and the API).
    static func complete(_ input: ApplicationController.VersionForm, _ context: ApplicationContext, req: Request) async throws {
        let actor = req.auditActor
        try await ApplicationStore.perform(.completeInspection, context, version: input.version, req: req, subject: context.user.subject,
                                           actor: actor) { application, db in
            let assigned = try await InspectionAssignmentModel.query(on: db).filter(\.$applicationID == application.id!).all()
            let combined = try await Self.combined(context, assigned, on: db)
            guard let total = combined.total else { throw AppError.conflict(combined.problem ?? Strings.Review.noScores) }
            application.inspectedTotal = total.description
            application.inspectionSpread = combined.spread.description
        }
    }

    struct AssignInput: Content {
        var inspector: String?
        var version: Int?
    }

    /// An account that may be assigned: an inspector role whose scope covers the unit.
    struct Candidate {
        var id: UUID
        var name: String
        var conflict: Conflict?
    }

    static func candidates(for context: ApplicationContext, on db: any Database) async throws -> [Candidate] {
        let unitPath = context.unit.treePath
        let roles = try await RoleAssignmentModel.query(on: db).filter(\.$role == Role.inspector.rawValue).all()
        let places = try await ChunkedQuery.all(Set(roles.compactMap(\.organisationID))) { OrganisationModel.query(on: db).filter(\.$id ~~ $0) }
        let pathOf = Dictionary(uniqueKeysWithValues: places.map { ($0.id!, $0.treePath) })
        let covering = Set(roles.filter { role in role.organisationID.map { pathOf[$0]?.contains(unitPath) == true } ?? true }.map(\.userID))
        let users = try await ChunkedQuery.all(covering) { UserModel.query(on: db).filter(\.$id ~~ $0) }.filter { $0.disabledAt == nil }
        let homes = try await ChunkedQuery.all(Set(users.compactMap(\.organisationID))) { OrganisationModel.query(on: db).filter(\.$id ~~ $0) }
        let homePath = Dictionary(uniqueKeysWithValues: homes.map { ($0.id!, $0.treePath) })
        let declared = try await ConflictDeclarationModel.query(on: db).filter(\.$unitID == context.unitID).all()
        return users.map { user in
            let mine = declared.filter { $0.inspectorID == user.id }.map { (unit: unitPath, reason: $0.reason) }
            let conflict = ConflictOfInterest.check(home: user.organisationID.flatMap { homePath[$0] }, declared: mine, unit: unitPath,
                                                    owner: context.plan.owner)
            return Candidate(id: user.id!, name: Strings.Common.personWithUserName(user.displayName, user.username).zh, conflict: conflict)
        }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .manageReview)
        return try await req.view.render("inspectors", try await page(req, context, error: nil))
    }

    func page(_ req: Request, _ context: ApplicationContext, error: LocalizedText?) async throws -> InspectorsPage {
        let t = Translator(req.language)
        let assigned = try await ApplicationStore.inspectors(context.application, on: req.db)
        let users = try await ChunkedQuery.all(assigned.map(\.inspectorID)) { UserModel.query(on: req.db).filter(\.$id ~~ $0) }
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, Strings.Common.personWithUserName($0.displayName, $0.username).zh) })
        var form: InspectorsPage.Form?
        var refusal: String?
        var mayAssign = false
        switch try await ApplicationStore.check(.assignInspectors, context, req: req) {
        case .success:
            mayAssign = true
            let taken = Set(assigned.map(\.inspectorID))
            let candidates = try await Self.candidates(for: context, on: req.db).filter { !taken.contains($0.id) }
            form = .init(action: SiteRoute.inspectors(campaign: context.campaignID, unit: context.unitID).path,
                         version: context.application?.version ?? 0, label: t(Strings.Inspectors.inspector),
                         options: candidates.map { .init(value: $0.id.uuidString.lowercased(),
                                                         label: $0.name + ($0.conflict == nil ? "" : t(Strings.Inspectors.conflictMark)),
                                                         selected: false) },
                         empty: candidates.isEmpty ? t(Strings.Inspectors.noCandidates) : nil, submit: t(Strings.Inspectors.assign),
                         error: error.map { t($0) })
        case .failure(.wrongState): break
        case .failure(let why): refusal = t(why.message)
        }
        var summary: String?
        var completeForm: InspectorsPage.CompleteForm?
        if let total = context.application?.inspectedTotal.flatMap({ Points(parsing: $0) }) {
            summary = t(Strings.Inspectors.inspected(total: total, spread: context.application?.inspectionSpread.flatMap { Points(parsing: $0) } ?? .zero))
        } else if assigned.contains(where: { $0.scoredAt != nil }) {
            let combined = try await Self.combined(context, assigned, on: req.db)
            summary = combined.total.map {
                t(Strings.Inspectors.combined(total: $0, rule: context.plan.inspectionRule.label, spread: combined.spread, deviations: combined.deviations.count))
            } ?? combined.problem.map { t($0) }
            if case .success = try await ApplicationStore.check(.completeInspection, context, req: req), combined.total != nil {
                completeForm = .init(action: SiteRoute.completeInspection(campaign: context.campaignID, unit: context.unitID).path,
                                     version: context.application?.version ?? 0, submit: t(Strings.Inspectors.complete))
            }
        }
        let records = Dictionary(uniqueKeysWithValues: assigned.compactMap { row in
            row.recordJSON.flatMap { try? CampaignStore.decode(InspectionRecord.self, $0) }.map { (row.inspectorID, $0.total) }
        })
        return InspectorsPage(
            layout: Layout(request: req, title: t(Strings.Inspectors.heading) + " · " + context.unit.name),
            heading: t(Strings.Inspectors.heading) + " · " + context.unit.name, intro: t(Strings.Inspectors.intro),
            back: .init(name: t(Strings.Notice.back) + " · " + context.unit.name,
                        path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            state: t(Strings.ApplicationPages.state) + t(Strings.Audit.fieldMark) + t(context.state.label),
            assignedHeading: t(Strings.Inspectors.assigned),
            assigned: assigned.map { row in
                .init(text: (names[row.inspectorID] ?? "—") + " · "
                        + (records[row.inspectorID].map { t(Strings.Inspectors.scoredTotal($0)) } ?? t(Strings.Inspectors.notScored)),
                      withdraw: mayAssign && row.scoredAt == nil
                        ? SiteRoute.withdrawInspector(campaign: context.campaignID, unit: context.unitID, inspector: row.inspectorID).path : nil)
            },
            withdrawLabel: t(Strings.Inspectors.withdraw), version: context.application?.version ?? 0,
            none: t(Strings.Inspectors.none), summary: summary, complete: completeForm, refusal: refusal, form: form,
            declaredHeading: t(Strings.Conflicts.staffHeading),
            declared: try await ConflictDeclarationController.staffLines(unitID: context.unitID, assigned: assigned, t: t, on: req.db),
            csrf: req.csrfToken)
    }

    func assign(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .manageReview)
        do {
            try await Self.assign(try req.content.decode(AssignInput.self), context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("inspectors", try await page(req, context, error: errors["inspector"]), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.inspectors(campaign: context.campaignID, unit: context.unitID).path + "?done=assigned",
                            redirectType: .normal)
    }

    /// Assigns one inspector (the page and the API): someone who may not inspect the unit, or
    /// who is in conflict with it, is refused with the reason.
    static func assign(_ input: AssignInput, _ context: ApplicationContext, req: Request) async throws {
        let candidates = try await candidates(for: context, on: req.db)
        var errors = FieldErrors()
        guard let chosen = input.inspector.flatMap(UUID.init(uuidString:)), let candidate = candidates.first(where: { $0.id == chosen }) else {
            errors.add("inspector", Strings.Inspectors.chooseInspector)
            throw errors
        }
        if let conflict = candidate.conflict {
            errors.add("inspector", conflict.message)
            throw errors
        }
        let actor = req.auditActor, unit = context.unit
        try await ApplicationStore.perform(.assignInspectors, context, version: input.version, req: req, subject: context.user.subject,
                                           actor: actor) { application, db in
            if try await InspectionAssignmentModel.query(on: db).filter(\.$applicationID == application.id!)
                .filter(\.$inspectorID == chosen).count() > 0 {
                throw AppError.conflict(Strings.Inspectors.alreadyAssigned)
            }
            let row = InspectionAssignmentModel(applicationID: application.id!, inspectorID: chosen, assignedBy: actor.name, assignedAt: actor.at)
            try await row.create(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "application.inspector.assign", entityType: "inspection_assignment",
                                                  entityID: row.id!.uuidString.lowercased(), scope: unit.path, before: AuditDraft.nothing,
                                                  after: AssignmentAudit(name: unit.name, inspector: candidate.name))], on: db)
        }
    }

    func withdraw(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .manageReview)
        guard let inspectorID = req.parameters.get("inspectorID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound(AppError.nothingHere) }
        try await Self.withdraw(inspectorID, version: try req.content.decode(ApplicationController.VersionForm.self).version, context, req: req)
        return req.redirect(to: SiteRoute.inspectors(campaign: context.campaignID, unit: context.unitID).path + "?done=inspector-withdrawn",
                            redirectType: .normal)
    }

    /// Takes back an assignment made by mistake, by the same staff, in the same states as assigning:
    /// only while the inspector has not scored (the scores are the inspection's record). Any draft
    /// the inspector kept goes with it.
    static func withdraw(_ inspectorID: UUID, version: Int?, _ context: ApplicationContext, req: Request) async throws {
        let actor = req.auditActor, unit = context.unit
        let inspector = try await UserModel.find(inspectorID, on: req.db)
        let name = inspector.map { Strings.Common.personWithUserName($0.displayName, $0.username).zh } ?? inspectorID.uuidString.lowercased()
        try await ApplicationStore.perform(.assignInspectors, context, version: version, req: req, subject: context.user.subject,
                                           actor: actor) { application, db in
            guard let row = try await InspectionAssignmentModel.query(on: db).filter(\.$applicationID == application.id!)
                .filter(\.$inspectorID == inspectorID).first() else {
                throw AppError.notFound(Strings.Inspectors.notAssigned)
            }
            guard row.scoredAt == nil else { throw AppError.conflict(Strings.Inspectors.scoredStays) }
            try await row.delete(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "application.inspector.withdraw", entityType: "inspection_assignment",
                                                  entityID: row.id!.uuidString.lowercased(), scope: unit.path,
                                                  before: AssignmentAudit(name: unit.name, inspector: name), after: AuditDraft.nothing)], on: db)
        }
    }

    struct AssignmentAudit: AuditSnapshot {
        var name: String
        var inspector: String
    }
}

struct InspectorsPage: Encodable {
    typealias Link = ApplicationPage.Link
    struct CompleteForm: Encodable { var action: String; var version: Int; var submit: String }
    struct Form: Encodable {
        var action: String
        var version: Int
        var label: String
        var options: [FormPage.Field.Option]
        var empty: String?
        var submit: String
        var error: String?
    }

    var layout: Layout
    var heading: String
    var intro: String
    var back: Link
    var state: String
    var assignedHeading: String
    struct Assigned: Encodable {
        var text: String
        /// Where staff withdraw the assignment (nil once the inspector has scored, or when they may not).
        var withdraw: String?
    }
    var assigned: [Assigned]
    var withdrawLabel: String
    var version: Int
    var none: String
    /// The combined score (or why there is none), once someone has scored.
    var summary: String?
    var complete: CompleteForm?
    var refusal: String?
    var form: Form?
    /// The inspectors' own declarations of a conflict with the unit (回避), for staff to see.
    var declaredHeading: String
    var declared: [String]
    var csrf: String
}
