import Fluent
import Foundation
import UnionStarCore
import Vapor

/// A unit's application in a campaign: its page (where it stands, what can be done next, the
/// dates that bind it), the pre-application and the start of the self-assessment.
struct ApplicationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .application(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .preApply(campaign: UUID(), unit: UUID()), use: preApply)
        routes.on(.POST, .startSelfAssessment(campaign: UUID(), unit: UUID()), use: start)
    }

    /// The tiers the unit may aim at or apply for: those on offer that its scheme has.
    static func tiers(_ context: ApplicationContext, catalogue: SchemeCatalogue, language: Language) -> [(id: String, name: String)] {
        guard let scheme = catalogue.scheme(context.pin.schemeID) else { return [] }
        return scheme.tiers.filter { context.plan.tiersOnOffer.contains($0.id) }
            .map { ($0.id, language == .zh ? $0.name : ($0.nameEn ?? $0.name)) }
    }

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        let t = Translator(req.language)
        let plan = context.plan
        let extensions = try await ApplicationStore.extensions(campaignID: context.campaignID, unitID: context.unitID, on: req.db)
        let tiers = Self.tiers(context, catalogue: req.catalogue, language: req.language)
        func tierName(_ id: String?) -> String? { id.map { id in tiers.first { $0.id == id }?.name ?? id } }
        var actions: [ApplicationPage.Action] = []
        var blocked: [String] = []
        // 逐级表彰: the tiers open to the unit this year, and why a higher one is not.
        let pinned = try await NoticePinnedScheme.scheme(SelfAssessmentController.pin(of: context), on: req.db)
        let (open, ladder) = try await ReReviewStore.openTiers(context, scheme: pinned, on: req.db)
        let openIDs = Set(open.map(\.id))
        if context.user.can(.workOnApplication, on: context.unit.accessTarget) {
            for action in [ApplicationAction.preApply, .startSelfAssessment] {
                switch try await ApplicationStore.check(action, context, req: req) {
                case .success:
                    actions.append(action == .preApply
                        ? .init(kind: "preApply", path: SiteRoute.preApply(campaign: context.campaignID, unit: context.unitID).path,
                                label: t(Strings.ApplicationPages.preApply), tiers: tiers.filter { openIDs.contains($0.id) }.map { .init(value: $0.id, label: $0.name, selected: $0.id == context.application?.aimedTier) })
                        : .init(kind: "start", path: SiteRoute.startSelfAssessment(campaign: context.campaignID, unit: context.unitID).path,
                                label: t(Strings.ApplicationPages.start), tiers: []))
                case .failure(.wrongState), .failure(.notInThisCampaign): break
                case .failure(let refusal): blocked.append(t(refusal.message))
                }
            }
            // A round's self-check is handed in (复查、年度自查).
            if plan.campaignKind != .award {
                switch try await ApplicationStore.check(.submitSelfCheck, context, req: req) {
                case .success:
                    actions.append(.init(kind: "submitSelfCheck", path: SiteRoute.submitSelfCheck(campaign: context.campaignID, unit: context.unitID).path,
                                         label: t(Strings.ReReviews.submit), tiers: []))
                case .failure(.wrongState): break
                case .failure(let refusal): blocked.append(t(refusal.message))
                }
            }
        }
        let steps: [ApplicationPage.DateRow] = plan.campaignKind.steps.compactMap { step in
            guard let closes = plan.dates.closes(step) else { return nil }
            if step == .preApplication && plan.dates.preApplication == nil { return nil }
            let extended = extensions.filter { $0.step == step }.max { $0.until < $1.until }
            let text = step == .unitNotice
                ? Strings.CampaignPages.noticeEndsBefore(workingDays: plan.dates.noticeWorkingDays, applyBy: closes)
                : Strings.CampaignPages.window(from: plan.dates.opens(step), by: closes)
            return .init(label: t(step.label), text: t(text),
                         extended: extended.map { t(Strings.ApplicationPages.extended(until: $0.until, reason: $0.reason)) })
        }
        let scheme = req.catalogue.scheme(context.pin.schemeID)
        let reopen: ApplicationPage.Reopen? = context.user.can(.reopenDeadline, on: context.unit.accessTarget)
            ? .init(path: SiteRoute.campaignExtensions(context.campaignID).path, unit: context.unitID.uuidString.lowercased(),
                    steps: plan.campaignKind.steps.filter { plan.dates.closes($0) != nil }.map { .init(value: $0.rawValue, label: t($0.label), selected: false) },
                    labels: .init(heading: t(Strings.ApplicationPages.reopenHeading), step: t(Strings.ApplicationPages.reopenStep),
                                  until: t(Strings.ApplicationPages.reopenUntil), reason: t(Strings.ApplicationPages.reopenReason),
                                  submit: t(Strings.ApplicationPages.reopenSubmit)))
            : nil
        return try await req.view.render("application", ApplicationPage(
            layout: Layout(request: req, title: context.unit.name),
            heading: context.unit.name,
            campaign: .init(name: context.campaign.title, path: SiteRoute.campaign(context.campaignID).path),
            facts: [
                .init(label: t(Strings.ApplicationPages.state), text: t(context.state.label)),
                .init(label: t(Strings.ApplicationPages.scheme), text: scheme.map { req.language == .zh ? $0.title : ($0.titleEn ?? $0.title) } ?? context.pin.schemeID),
            ] + [
                tierName(context.application?.aimedTier).map { ApplicationPage.Fact(label: t(Strings.ApplicationPages.aimedTier), text: $0) },
                tierName(context.application?.tier).map {
                    ApplicationPage.Fact(label: t(plan.campaignKind == .award ? Strings.ApplicationPages.tier : Strings.ReReviews.holds), text: $0)
                },
                context.application?.selfTotal.map { ApplicationPage.Fact(label: t(Strings.ApplicationPages.selfScore), text: $0) },
                plan.campaignKind == .award ? ladder.map { ApplicationPage.Fact(label: t(Strings.ApplicationPages.openTiers), text: t($0)) } : nil,
                Self.reReviewOutcome(context, tiers: pinned.tiers).map { ApplicationPage.Fact(label: t(Strings.ReReviews.outcomeLabel), text: t($0)) },
            ].compactMap { $0 } + ChairSection.facts(context, t),
            links: (plan.campaignKind == .award
                ? SelfAssessmentSection.links(context, t) + ChairSection.links(context, t) + NoticeSection.links(context, t)
                    + RegistrationFormSection.links(context, t)
                : SelfAssessmentSection.links(context, t) + ChairSection.links(context, t) + Self.roundLinks(context, t)) + SurveySection.links(context, t),
            actions: actions, blocked: blocked + ChairSection.blocked(context, t), dates: steps, datesHeading: t(Strings.CampaignPages.datesHeading),
            csrf: req.csrfToken, version: context.application?.version ?? 0, reopen: reopen,
            tierLabel: t(Strings.ApplicationPages.tier)))
    }

    struct PreApplyForm: Content {
        var tier: String?
        var version: Int?
    }

    func preApply(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        try await Self.preApply(try req.content.decode(PreApplyForm.self), context, req: req)
        return req.redirect(to: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path + "?done=preapplied",
                            redirectType: .normal)
    }

    /// 年初预申报: the tier aimed at (the page and the API).
    static func preApply(_ form: PreApplyForm, _ context: ApplicationContext, req: Request) async throws {
        let tiers = Self.tiers(context, catalogue: req.catalogue, language: req.language)
        guard let tier = form.tier, tiers.contains(where: { $0.id == tier }) else {
            throw AppError.invalid(field: "tier", Strings.ApplicationPages.tierInvalid)
        }
        let pinned = try await NoticePinnedScheme.scheme(SelfAssessmentController.pin(of: context), on: req.db)
        let (open, ladder) = try await ReReviewStore.openTiers(context, scheme: pinned, on: req.db)
        if let ladder, !open.contains(where: { $0.id == tier }) { throw AppError.invalid(field: "tier", ladder) }
        try await ApplicationStore.perform(.preApply, context, version: form.version, req: req, subject: context.user.subject,
                                           actor: req.auditActor) { application, _ in
            application.aimedTier = tier
        }
    }

    /// A re-review's recorded outcome, with its reason.
    static func reReviewOutcome(_ context: ApplicationContext, tiers: [Tier]) -> LocalizedText? {
        guard let text = context.application?.outcomeJSON, let recorded = try? CampaignStore.decode(ReReviewOutcome.self, text) else { return nil }
        return Strings.ReReviews.outcomeWithReason(Strings.ReReviews.outcome(recorded.outcome, tiers: tiers), reason: recorded.reason)
    }

    /// In a round: the earlier assessment beside this one; the outcome once recorded.
    static func roundLinks(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Link] {
        guard context.application?.earlierApplicationID != nil else { return [] }
        var links = [ApplicationPage.Link(name: t(Strings.ReReviews.comparison),
                                          path: SiteRoute.comparison(campaign: context.campaignID, unit: context.unitID).path)]
        if context.plan.campaignKind == .reReview, [.selfChecked, .inspected, .reReviewed].contains(context.state),
           context.user.can(.manageReview, on: context.unit.accessTarget) {
            links.append(.init(name: t(Strings.Inspectors.link), path: SiteRoute.inspectors(campaign: context.campaignID, unit: context.unitID).path))
        }
        return links
    }

    struct VersionForm: Content {
        var version: Int?
    }

    func start(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        try await Self.start(try req.content.decode(VersionForm.self), context, req: req)
        return req.redirect(to: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path + "?done=started",
                            redirectType: .normal)
    }

    /// Starts the self-assessment (the page and the API).
    static func start(_ form: VersionForm, _ context: ApplicationContext, req: Request) async throws {
        try await ApplicationStore.perform(.startSelfAssessment, context, version: form.version, req: req, subject: context.user.subject,
                                           actor: req.auditActor)
    }
}
