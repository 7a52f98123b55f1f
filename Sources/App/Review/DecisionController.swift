import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The decision on the tier (确定星级等次) by the level that accepts it (the core's `decideTier`):
/// the tier the inspected score gives (`TierAcceptance.computed`) is offered; another, or none,
/// needs a reason. Rushan: 三星/四星 the county, 五星 the prefecture.
struct DecisionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .decision(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .decision(campaign: UUID(), unit: UUID()), use: decide)
    }

    struct DecisionForm: Content {
        var tier: String?
        var reason: String?
        var opinion: String?
        var version: Int?
    }

    /// The node whose staff decide `tier` (or, for none, the tier applied for): the unit's county or
    /// prefecture — the tree puts prefectures at the root and counties under them.
    static func decidingFederation(tier: String?, applied: String?, tiers: [Tier], unit: TreePath) -> TreePath? {
        federation(TierAcceptance.decidingLevel(decided: tier, applied: applied, tiers: tiers), above: unit)
    }

    /// The unit's federation of `level`: the tree puts prefectures at the root and counties under them.
    static func federation(_ level: FederationLevel?, above unit: TreePath) -> TreePath? {
        guard let level else { return nil }
        let depth = level == .prefecture ? 1 : 2
        guard unit.ids.count > depth else { return nil }
        return TreePath(ids: Array(unit.ids.prefix(depth)))
    }

    struct Facts {
        var tiers: [Tier]
        var inspected: Points?
        var vetoed: Bool
        var computed: String?
    }

    static func facts(_ context: ApplicationContext, on db: any Database) async throws -> Facts {
        let tiers = try await PinnedSchemes.shared.scorer(for: context.pin, on: db).scheme.tiers
        let inspected = context.application?.inspectedTotal.flatMap { Points(parsing: $0) }
        let vetoed = !((context.application.flatMap { try? CampaignStore.decode([String].self, $0.vetoesJSON) }) ?? []).isEmpty
        let computed = inspected.flatMap { TierAcceptance.computed(inspected: $0, vetoed: vetoed, applied: context.application?.tier, tiers: tiers) }
        return Facts(tiers: tiers, inspected: inspected, vetoed: vetoed, computed: computed)
    }

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        return try await req.view.render("decision", try await page(req, context, form: nil, errors: FieldErrors()))
    }

    func page(_ req: Request, _ context: ApplicationContext, form: DecisionForm?, errors: FieldErrors) async throws -> DecisionPage {
        let t = Translator(req.language)
        let facts = try await Self.facts(context, on: req.db)
        func label(_ id: String?) -> LocalizedText { id.flatMap { id in facts.tiers.first { $0.id == id } }?.label ?? Strings.Decision.none }
        func name(_ id: String?) -> String { t(label(id)) }
        let application = context.application
        var decided: String?
        if let day = application?.decidedOn.flatMap(CalendarDate.init(parsing:)) {
            decided = t(Strings.Decision.decided(tier: label(application?.decidedTier), by: application?.decidedBy ?? "—", on: day))
                + (application?.decisionReason.map { t(Strings.Audit.fieldMark) + $0 } ?? "")
        }
        var formContext: DecisionPage.Form?
        var refusal: String?
        if context.user.can(.decideTier, on: context.unit.accessTarget) {
            let federation = Self.decidingFederation(tier: facts.computed ?? application?.tier, applied: application?.tier, tiers: facts.tiers,
                                                     unit: context.unit.treePath)
            switch try await ApplicationStore.check(.decideTier, context, req: req, decidingFederation: federation) {
            case .success, .failure(.decidedAbove):
                // Staff may still give a tier their level accepts (a four-star instead of five).
                let applied = facts.tiers.first { $0.id == application?.tier }
                let offered = facts.tiers.filter { applied == nil || $0.minimum <= applied!.minimum }
                let chosen = form?.tier ?? facts.computed ?? ""
                formContext = .init(
                    action: SiteRoute.decision(campaign: context.campaignID, unit: context.unitID).path, version: application?.version ?? 0,
                    fields: NoticeSupport.withErrors([
                        .select("tier", t(Strings.Decision.tier),
                                options: offered.reversed().map { ($0.id, t($0.label)) } + [("", t(Strings.Decision.none))], selected: chosen),
                        .init(name: "reason", label: t(Strings.Decision.reason), kind: .textarea, value: form?.reason ?? ""),
                        .init(name: "opinion", label: t(Strings.Decision.opinion), kind: .textarea, value: form?.opinion ?? "",
                              hint: t(Strings.Decision.opinionHint)),
                    ], errors, t), submit: t(Strings.Decision.submit))
            case .failure(.wrongState): break
            case .failure(let why): refusal = t(why.message)
            }
        }
        return DecisionPage(
            layout: Layout(request: req, title: t(Strings.Decision.heading) + " · " + context.unit.name),
            heading: t(Strings.Decision.heading) + " · " + context.unit.name, intro: t(Strings.Decision.intro),
            back: .init(name: t(Strings.Notice.back) + " · " + context.unit.name,
                        path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            facts: [
                .init(label: t(Strings.Endorsement.tierColumn), text: name(application?.tier)),
                .init(label: t(Strings.Endorsement.selfScoreColumn), text: application?.selfTotal ?? "—"),
                .init(label: t(Strings.Decision.inspected), text: facts.inspected?.description ?? "—"),
                .init(label: t(Strings.Decision.computed), text: facts.inspected == nil ? "—" : name(facts.computed)),
                .init(label: t(Strings.ApplicationPages.state), text: t(context.state.label)),
            ],
            decided: decided, refusal: refusal, form: formContext, csrf: req.csrfToken)
    }

    func decide(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .decideTier)
        let form = try req.content.decode(DecisionForm.self)
        do {
            try await Self.decide(form, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("decision", try await page(req, context, form: form, errors: errors), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.decision(campaign: context.campaignID, unit: context.unitID).path + "?done=decided",
                            redirectType: .normal)
    }

    /// The decision (the page and the API): a tier other than the computed one needs a reason; a
    /// tier above the one applied for, or over a veto, cannot be given.
    static func decide(_ form: DecisionForm, _ context: ApplicationContext, req: Request) async throws {
        let facts = try await Self.facts(context, on: req.db)
        let tier = (form.tier ?? "").isEmpty ? nil : form.tier
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TierAcceptance.problem(decided: tier, computed: facts.computed, applied: context.application?.tier, vetoed: facts.vetoed,
                                                reason: reason, tiers: facts.tiers) {
            var errors = FieldErrors()
            errors.add(problem == Strings.Review.reasonNeeded ? "reason" : "tier", problem)
            throw errors
        }
        let opinion = (form.opinion ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if opinion.count > EndorsementController.opinionLimit {
            var errors = FieldErrors()
            errors.add("opinion", Strings.Decision.opinionTooLong(count: opinion.count))
            throw errors
        }
        let federation = Self.decidingFederation(tier: tier, applied: context.application?.tier, tiers: facts.tiers, unit: context.unit.treePath)
        let level = TierAcceptance.decidingLevel(decided: tier, applied: context.application?.tier, tiers: facts.tiers)
        let box = level.flatMap { RegistrationForm.Labels.decisionBox(schemeID: context.pin.schemeID, level: $0) }
        let decider = try await federation.flatMap { $0.ids.last.flatMap(UUID.init(uuidString:)) }.asyncMap { try await OrganisationModel.find($0, on: req.db) } ?? nil
        let text = opinion.isEmpty ? Strings.Decision.defaultOpinion(facts.tiers.first { $0.id == tier }) : opinion
        let catalogue = req.catalogue, unit = context.unit, schemeID = context.pin.schemeID
        let actor = req.auditActor, today = req.today
        try await ApplicationStore.perform(.decideTier, context, version: form.version, req: req, subject: context.user.subject, actor: actor,
                                           decidingFederation: federation) { application, _ in
            application.decidedTier = tier
            application.decisionReason = reason.isEmpty ? nil : reason
            application.decidedBy = actor.name
            application.decidedOn = today.description
            if let box, let decider {
                var registration = RegistrationFormStore.current(application, unit: unit, schemeID: schemeID, catalogue: catalogue)
                registration.opinions[box] = .init(text: text, date: today, by: decider.name)
                application.formJSON = CampaignStore.encode(registration)
            }
        }
    }
}

struct DecisionPage: Encodable {
    typealias Link = ApplicationPage.Link
    typealias Fact = ApplicationPage.Fact
    struct Form: Encodable {
        var action: String
        var version: Int
        var fields: [FormPage.Field]
        var submit: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var back: Link
    var facts: [Fact]
    var decided: String?
    var refusal: String?
    var form: Form?
    var csrf: String
}
