import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Filing the 申报登记表 (the union) and returning a filed application with reasons (the town's
/// reviewer or the federation's staff). Both go through the core's workflow in
/// `ApplicationStore.perform`; each filing is kept as a round that stays readable after a return.
struct FilingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, .fileApplication(campaign: UUID(), unit: UUID()), use: file)
        routes.on(.POST, .returnApplication(campaign: UUID(), unit: UUID()), body: .collect(maxSize: RegistrationFormController.maxBody),
                  use: returnApplication)
    }

    /// The form's problems at filing time: the core's checks, and the unit's own opinion box,
    /// which the union fills and stamps before it files.
    static func filingProblems(_ form: RegistrationForm, labels: RegistrationForm.Labels) -> FieldErrors {
        var problems = form.problems(labels: labels)
        if form.opinions[.unitUnion] == nil {
            problems.add(RegistrationForm.OpinionBox.unitUnion.field, Strings.RegistrationForm.opinionTextRequired(box: labels.unitUnion))
        }
        return problems
    }

    /// The problems found inside the write gate, so nothing is filed.
    struct Unfit: Error {
        var problems: FieldErrors
    }

    func file(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        do {
            try await Self.file(try req.content.decode(ApplicationController.VersionForm.self), context, req: req)
        } catch let errors as FieldErrors {
            let problems = errors.order.compactMap { errors[$0] }
            return try await req.render("registration-form-edit", RegistrationFormController.page(req, context, errors: errors, problems: problems),
                                        status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.registrationForm(campaign: context.campaignID, unit: context.unitID).path + "?done=filed",
                            redirectType: .normal)
    }

    /// Files the form (the page and the API): a form not ready to file is refused with each
    /// field's problem, by the page's field names, and nothing is filed.
    static func file(_ input: ApplicationController.VersionForm, _ context: ApplicationContext, req: Request) async throws {
        let labels = RegistrationFormStore.labels(context)
        let catalogue = req.catalogue, unit = context.unit, schemeID = context.pin.schemeID, actor = req.auditActor
        do {
            try await ApplicationStore.perform(.file, context, version: input.version, req: req, subject: context.user.subject,
                                               actor: actor) { application, db in
                let form = RegistrationFormStore.current(application, unit: unit, schemeID: schemeID, catalogue: catalogue)
                let problems = filingProblems(form, labels: labels)
                guard problems.isEmpty else { throw Unfit(problems: problems) }
                // A filing after a return is the next round; the first filing is round 1.
                if application.state == ApplicationState.returned.rawValue { application.round += 1 }
                let row = ApplicationRoundModel()
                row.id = UUID()
                row.applicationID = application.id!
                row.round = application.round
                row.filedAt = actor.at
                row.filedBy = actor.name
                row.tier = application.tier ?? ""
                row.selfTotal = application.selfTotal ?? ""
                row.formJSON = CampaignStore.encode(form)
                row.answersJSON = application.answersJSON
                row.notesJSON = application.notesJSON
                try await row.create(on: db)
                try await audit(row, action: "application.round.file", before: nil, actor: actor, scope: unit.path, on: db)
                application.formJSON = row.formJSON
                // The return now belongs to the round it ended; the application awaits review again.
                application.returnedOn = nil
                application.returnReason = nil
            }
        } catch let unfit as Unfit {
            var errors = FieldErrors()
            for field in unfit.problems.order {
                let name = field == RegistrationForm.OpinionBox.unitUnion.field ? "unitOpinion" : field
                errors.add(name, unfit.problems[field]!)
            }
            throw errors
        }
    }

    /// What the audit trail keeps of a round: what was filed, and why it came back.
    struct RoundAuditSnapshot: AuditSnapshot, Codable {
        var round: Int
        var tier: String
        var selfTotal: String
        var form: RegistrationForm?
        var returnedBy: String?
        var returnReason: String?

        init(_ row: ApplicationRoundModel) {
            round = row.round
            tier = row.tier
            selfTotal = row.selfTotal
            form = try? CampaignStore.decode(RegistrationForm.self, row.formJSON)
            returnedBy = row.returnedBy
            returnReason = row.returnReason
        }
    }

    static func audit(_ row: ApplicationRoundModel, action: String, before: RoundAuditSnapshot?, actor: AuditDraft.Actor,
                      scope: String, on db: any Database) async throws {
        try await AuditLog.append([AuditDraft(actor: actor, action: action, entityType: "application_round",
                                              entityID: row.id!.uuidString.lowercased(), scope: scope,
                                              before: before, after: RoundAuditSnapshot(row))], on: db)
    }

    struct ReturnInput: Content {
        var reason: String?
        var version: Int?
    }

    func returnApplication(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .returnApplication)
        let input = try req.content.decode(ReturnInput.self)
        do {
            try await Self.returnApplication(input, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("registration-form-edit",
                                        RegistrationFormController.page(req, context, returnReason: input.reason, returnError: errors["reason"]),
                                        status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.registrationForm(campaign: context.campaignID, unit: context.unitID).path + "?done=returned",
                            redirectType: .normal)
    }

    /// Returns the application with its reason (the page and the API).
    static func returnApplication(_ input: ReturnInput, _ context: ApplicationContext, req: Request) async throws {
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let limit = Strings.Filing.returnReasonLimit
        let problem: LocalizedText? = reason.isEmpty ? Strings.Filing.returnReasonRequired
            : reason.count > limit ? Strings.Filing.returnReasonTooLong(count: reason.count) : nil
        if let problem {
            var errors = FieldErrors()
            errors.add("reason", problem)
            throw errors
        }
        let today = req.today, actor = req.auditActor, unit = context.unit
        try await ApplicationStore.perform(.returnApplication, context, version: input.version, req: req, subject: context.user.subject,
                                           actor: actor) { application, db in
            application.returnedOn = today.description
            application.returnReason = reason
            if let row = try await ApplicationRoundModel.query(on: db)
                .filter(\.$applicationID == application.id!).filter(\.$round == application.round).first() {
                let before = RoundAuditSnapshot(row)
                row.returnedAt = actor.at
                row.returnedBy = actor.name
                row.returnReason = reason
                try await row.update(on: db)
                try await audit(row, action: "application.round.return", before: before, actor: actor, scope: unit.path, on: db)
            }
        }
    }
}
