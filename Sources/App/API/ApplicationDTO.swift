import Fluent
import Foundation
import UnionStarCore
import Vapor

/// A unit's application as the API reads it: where it stands, its tier and scores, the dates that
/// bind it, and what the caller may do next (each action with the state the workflow says it
/// leads to, `ApplicationWorkflow.next`) or why not. Optional values are left out when unset.
struct ApplicationDTO: Content {
    struct Reference: Content {
        var id: UUID
        var name: String
    }

    struct Period: Content {
        var start: CalendarDate
        var end: CalendarDate
    }

    struct Returned: Content {
        var date: CalendarDate
        var reason: String?
    }

    struct Inspection: Content {
        /// The inspectors' combined score, and the spread between the highest and lowest.
        var total: Points
        var spread: Points?
        /// The tier the score gives (`TierAcceptance.computed`); absent when it reaches none.
        var computedTier: String?
    }

    struct Decision: Content {
        /// Absent: not named.
        var tier: String?
        var reason: String?
        var by: String?
        var date: CalendarDate
    }

    /// 命名 (or, for a decision of no tier, 不予命名), once recorded.
    struct Naming: Content {
        var date: CalendarDate
        /// The federation in whose name it was done (Yizheng: 扬州市总工会 names what 仪征 decided).
        var federation: String?
        var by: String?
        /// Absent when not named.
        var certificateNumber: String?
        /// The printable certificate (a page, not the API).
        var certificatePath: String?

        static func make(_ context: ApplicationContext) -> Naming? {
            guard let application = context.application, let date = application.namedOn.flatMap(CalendarDate.init(parsing:)) else { return nil }
            return Naming(date: date, federation: application.namedIssuer, by: application.namedBy, certificateNumber: application.certificateNumber,
                          certificatePath: application.certificateNumber == nil ? nil
                              : SiteRoute.certificate(campaign: context.campaignID, unit: context.unitID).path)
        }
    }

    struct Step: Content {
        var step: String
        var label: String
        var opens: CalendarDate?
        var closes: CalendarDate?
        /// A staff extension for this unit (逾期补报), with its reason.
        var extendedUntil: CalendarDate?
    }

    struct NextAction: Content {
        var action: String
        /// The state the application moves to.
        var next: String
        /// Where the API takes it; absent for actions only the pages offer.
        var method: String?
        var path: String?
    }

    struct Blocked: Content {
        var action: String
        /// Why not now, in the caller's language.
        var reason: String
    }

    var campaign: Reference
    var unit: Reference
    var scheme: String
    var state: String
    var stateLabel: String
    /// Send it back with the next change: a stale one is refused with 409.
    var version: Int
    var round: Int
    var aimedTier: String?
    var tier: String?
    var selfTotal: Points?
    var selfTier: String?
    var vetoes: [String]
    var notice: Period?
    var returned: Returned?
    var inspection: Inspection?
    var decision: Decision?
    /// 评选结果公示, once started.
    var resultsNotice: Period?
    var naming: Naming?
    var dates: [Step]
    var actions: [NextAction]
    var blocked: [Blocked]

    /// The application of `context` (read afresh), for `context.user`.
    static func make(_ context: ApplicationContext, req: Request) async throws -> ApplicationDTO {
        var context = context
        context.application = try await ApplicationModel.query(on: req.db).filter(\.$campaignID == context.campaignID)
            .filter(\.$unitID == context.unitID).first()
        let t = Translator(req.language)
        let application = context.application
        let plan = context.plan
        let extensions = try await ApplicationStore.extensions(campaignID: context.campaignID, unitID: context.unitID, on: req.db)
        let dates: [Step] = CampaignStep.allCases.compactMap { step in
            guard let closes = plan.dates.closes(step) else { return nil }
            if step == .preApplication && plan.dates.preApplication == nil { return nil }
            return Step(step: step.rawValue, label: t(step.label), opens: plan.dates.opens(step), closes: closes,
                        extendedUntil: extensions.filter { $0.step == step }.map(\.until).max())
        }
        var inspection: Inspection?
        if let total = application?.inspectedTotal.flatMap({ Points(parsing: $0) }) {
            let facts = try await DecisionController.facts(context, on: req.db)
            inspection = Inspection(total: total, spread: application?.inspectionSpread.flatMap { Points(parsing: $0) }, computedTier: facts.computed)
        }
        let (actions, blocked) = try await nextActions(context, req: req)
        return ApplicationDTO(
            campaign: Reference(id: context.campaignID, name: context.campaign.title),
            unit: Reference(id: context.unitID, name: context.unit.name),
            scheme: context.pin.schemeID, state: context.state.rawValue, stateLabel: t(context.state.label),
            version: application?.version ?? 0, round: application?.round ?? 0,
            aimedTier: application?.aimedTier, tier: application?.tier,
            selfTotal: application?.selfTotal.flatMap { Points(parsing: $0) }, selfTier: application?.selfTier,
            vetoes: application.flatMap { try? CampaignStore.decode([String].self, $0.vetoesJSON) } ?? [],
            notice: NoticeSupport.notice(application, plan: plan).map { Period(start: $0.start, end: $0.end) },
            returned: application?.returnedOn.flatMap(CalendarDate.init(parsing:)).map { Returned(date: $0, reason: application?.returnReason) },
            inspection: inspection,
            decision: application?.decidedOn.flatMap(CalendarDate.init(parsing:)).map {
                Decision(tier: application?.decidedTier, reason: application?.decisionReason, by: application?.decidedBy, date: $0)
            },
            resultsNotice: ResultsStore.notice(application, plan: plan).map { Period(start: $0.start, end: $0.end) },
            naming: Naming.make(context),
            dates: dates, actions: actions, blocked: blocked)
    }

    /// Every workflow action the caller could take from this state, asked of the workflow: those
    /// it allows (with the state each leads to and the API's path), and those it refuses for a
    /// reason other than who the caller is (a date, a veto, a notice still running).
    static func nextActions(_ context: ApplicationContext, req: Request) async throws -> ([NextAction], [Blocked]) {
        let t = Translator(req.language)
        var actions: [NextAction] = [], blocked: [Blocked] = []
        for action in ApplicationAction.allCases where ApplicationWorkflow.accessAction(for: action) != nil {
            guard ApplicationWorkflow.from(action, asksCongress: context.plan.asksCongressDecision).contains(context.state) else { continue }
            // Who decides and who names depend on the tier, as on the decision and results pages.
            var deciding: TreePath?, naming: TreePath?
            if action == .decideTier {
                let facts = try await DecisionController.facts(context, on: req.db)
                deciding = DecisionController.decidingFederation(tier: facts.computed ?? context.application?.tier, applied: context.application?.tier,
                                                                 tiers: facts.tiers, unit: context.unit.treePath)
            } else if action == .name {
                let facts = try await ResultsStore.facts(context, on: req.db)
                (deciding, naming) = (facts.decidingFederation, facts.namingFederation)
            }
            switch try await ApplicationStore.check(action, context, req: req, decidingFederation: deciding, namingFederation: naming) {
            case .success(let next):
                let endpoint = ApplicationAPI.endpoint(for: action)
                actions.append(NextAction(action: action.rawValue, next: next.rawValue, method: endpoint?.method.rawValue,
                                          path: endpoint?.path(context.campaignID, context.unitID)))
            case .failure(.access), .failure(.wrongState): break
            case .failure(let refusal): blocked.append(Blocked(action: action.rawValue, reason: t(refusal.message)))
            }
        }
        return (actions, blocked)
    }
}
