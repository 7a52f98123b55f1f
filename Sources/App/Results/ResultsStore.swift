import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The results notice (评选结果公示) and naming (命名) of one application, as functions the pages
/// and the API share. Each goes through the core's workflow in the write gate, with its audit entry.
enum ResultsStore {
    /// What the results steps need to know of the decision.
    struct Facts {
        var tiers: [Tier]
        /// The tier decided; nil: not named.
        var decided: Tier?
        var decidingFederation: TreePath?
        /// The federation that names (Yizheng: 扬州市总工会 names what 仪征 decided).
        var namingFederation: TreePath?
    }

    static func facts(_ context: ApplicationContext, on db: any Database) async throws -> Facts {
        let tiers = try await NoticePinnedScheme.scheme(context.pin, on: db).tiers
        let application = context.application
        let decided = application?.decidedTier.flatMap { id in tiers.first { $0.id == id } }
        let deciding = DecisionController.federation(
            TierAcceptance.decidingLevel(decided: application?.decidedTier, applied: application?.tier, tiers: tiers), above: context.unit.treePath)
        let naming = namingFederation(decided: application?.decidedTier, applied: application?.tier, tiers: tiers, unit: context.unit.treePath)
        return Facts(tiers: tiers, decided: decided, decidingFederation: deciding, namingFederation: naming)
    }

    /// The federation above `unit` that names the tier decided (or records 不予命名 for none).
    static func namingFederation(decided: String?, applied: String?, tiers: [Tier], unit: TreePath) -> TreePath? {
        DecisionController.federation(TierAcceptance.namingLevel(decided: decided, applied: applied, tiers: tiers), above: unit)
    }

    /// The working days of the campaign's results notice.
    static func workingDays(_ plan: CampaignPlan) -> Int {
        plan.dates.resultsNoticeLength
    }

    /// The results notice as stored, with the campaign's length.
    static func notice(_ application: ApplicationModel?, plan: CampaignPlan) -> NoticePeriod? {
        ApplicationStore.resultsNotice(application).map { NoticePeriod(start: $0.start, end: $0.end, workingDays: workingDays(plan)) }
    }

    /// The period a results notice starting on `start` would have, or why it cannot start then.
    static func period(starting start: CalendarDate, plan: CampaignPlan, req: Request) async throws -> Result<NoticePeriod, WorkflowRefusal> {
        let calendar = try await CalendarStore.calendar(builtIn: req.application.builtInCalendar, on: req.db)
        return ApplicationWorkflow.checkResultsNotice(starting: start, campaign: plan, calendar: calendar)
    }

    /// Puts the decision on the results notice for `period`, with a fresh public page.
    static func start(_ context: ApplicationContext, period: NoticePeriod, version: Int?, req: Request) async throws {
        let token = RandomToken.make()
        try await ApplicationStore.perform(.startResultsNotice, context, version: version, req: req, subject: context.user.subject,
                                           actor: req.auditActor) { application, _ in
            application.resultsStart = period.start.description
            application.resultsEnd = period.end.description
            application.resultsToken = token
        }
    }

    /// Staff answer an objection to the results notice; the answer is public.
    static func answer(_ context: ApplicationContext, objection objectionID: UUID, text: String, req: Request) async throws {
        guard let applicationID = context.application?.id,
              let objection = try await ObjectionModel.find(objectionID, on: req.db), objection.applicationID == applicationID,
              objection.notice == ObjectionModel.results else {
            throw AppError.notFound(AppError.nothingHere)
        }
        if objection.answer != nil { throw AppError.conflict(Strings.Notice.alreadyAnswered) }
        let actor = req.auditActor, answerer = context.user.displayName, scope = context.unit.path
        // Not tied to the page's version: another objection lodged meanwhile must not make the answer stale.
        try await ApplicationStore.perform(.answerResultsObjection, context, version: nil, req: req, subject: context.user.subject,
                                           actor: actor) { _, db in
            try await NoticeController.record(answer: text, to: objectionID, by: answerer, actor: actor, scope: scope, on: db)
        }
    }

    /// Names the unit with the tier decided (or records it not named), in the name of the naming
    /// federation, with the next certificate number of the campaign.
    @discardableResult
    static func name(_ context: ApplicationContext, version: Int?, req: Request) async throws -> ApplicationModel {
        try await name(context, version: version, app: req.application, today: req.today, actor: req.auditActor)
    }

    /// The same, without a request (the demo).
    @discardableResult
    static func name(_ context: ApplicationContext, version: Int?, app: Application, today: CalendarDate,
                     actor: AuditDraft.Actor) async throws -> ApplicationModel {
        let facts = try await facts(context, on: app.db)
        let issuerID = facts.namingFederation?.ids.last.flatMap(UUID.init(uuidString:))
        let issuer = try await issuerID.asyncMap { try await OrganisationModel.find($0, on: app.db) } ?? nil
        let campaignID = context.campaignID, year = context.plan.year
        let rank = facts.decided.flatMap { tier in facts.tiers.firstIndex(of: tier) }.map { $0 + 1 }
        return try await ApplicationStore.perform(.name, context, version: version, app: app, today: today, subject: context.user.subject,
                                                  actor: actor, decidingFederation: facts.decidingFederation,
                                                  namingFederation: facts.namingFederation) { application, db in
            application.namedOn = today.description
            application.namedBy = actor.name
            application.namedIssuer = issuer?.name
            if let rank {
                // Inside the write gate: no two namings take the same number.
                let named = try await ApplicationModel.query(on: db).filter(\.$campaignID == campaignID)
                    .filter(\.$certificateNumber != nil).count()
                application.certificateNumber = Certificate.number(year: year, tierRank: rank, sequence: named + 1)
            }
        }
    }

    /// The certificate of a named application.
    static func certificate(_ application: ApplicationModel?, unit: OrganisationModel, plan: CampaignPlan, tiers: [Tier]) -> Certificate? {
        guard let application, application.state == ApplicationState.named.rawValue,
              let tier = application.decidedTier.flatMap({ id in tiers.first { $0.id == id } }),
              let number = application.certificateNumber, let day = application.namedOn.flatMap(CalendarDate.init(parsing:)) else { return nil }
        return Certificate(unitName: unit.name, tierName: tier.name, year: plan.year, issuer: application.namedIssuer ?? "",
                           number: number, namedOn: day)
    }
}
