import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Re-review (复查) and yearly self-check (年度自查) rounds: opening them beside the year's campaign,
/// handing in a self-check, the earlier assessment beside the new one, the outcomes the scheme's rule
/// computes and their public page (公示原因).
struct ReReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .reReviewRounds(UUID()), use: rounds)
        routes.on(.POST, .reReviewRounds(UUID()), use: open)
        routes.on(.GET, .reReviewOutcomes(UUID()), use: outcomes)
        routes.on(.POST, .reReviewOutcomes(UUID()), use: record)
        routes.on(.GET, .publicReReview(UUID()), use: publicPage)
        routes.on(.GET, .comparison(campaign: UUID(), unit: UUID()), use: comparison)
        routes.on(.POST, .submitSelfCheck(campaign: UUID(), unit: UUID()), use: submit)
    }

    struct Page: Encodable {
        struct Cell: Encodable {
            var text: String
            var path: String?
        }
        struct Row: Encodable {
            var cells: [Cell]
            var flagged: Bool
        }
        struct Field: Encodable {
            var name: String
            var value: String
        }
        struct Button: Encodable {
            var path: String
            var label: String
            var fields: [Field]
        }
        struct Section: Encodable {
            var heading: String
            var note: String?
            var columns: [String]
            var rows: [Row]
            var empty: String
            var refusals: [String]
            var buttons: [Button]
            var links: [ApplicationPage.Link]
        }
        var layout: Layout
        var back: ApplicationPage.Link?
        var heading: String
        var intro: [String]
        var facts: [ApplicationPage.Fact]
        var sections: [Section]
        var csrf: String
    }

    /// The campaign of the URL when the user runs it whole (its federation's staff, or above).
    static func load(_ req: Request, kind: CampaignKind, action: Action = .manageReview) async throws -> CampaignResultsController.Loaded {
        let loaded = try await CampaignResultsController.load(req, action: action)
        guard loaded.plan.campaignKind == kind, loaded.tops == [loaded.plan.owner] else { throw AppError.notFound(AppError.nothingHere) }
        return loaded
    }

    /// Whom a row names: the union, or in a chair round the person and the union they lead.
    static func named(_ application: ApplicationModel, unit: OrganisationModel, _ t: Translator) -> String {
        guard let person = ApplicationStore.chairPerson(application) else { return unit.name }
        return t(Strings.ReReviews.chairOfUnion(person.name, union: unit.name))
    }

    static func tierName(_ id: String?, schemes: [Scheme], _ t: Translator) -> String {
        guard let id else { return t(Strings.Decision.none) }
        for scheme in schemes { if let tier = scheme.tier(id: id) { return t(tier.label) } }
        return id
    }

    // MARK: Opening rounds

    func rounds(req: Request) async throws -> View {
        let loaded = try await Self.load(req, kind: .award)
        let t = Translator(req.language)
        let schemes = loaded.plan.schemes.values.compactMap { req.catalogue.scheme($0.schemeID) }
        let policies = Set(schemes.compactMap { $0.reReview.map { req.language == .zh ? $0.text : ($0.textEn ?? $0.text) } }).sorted()
        var sections: [Page.Section] = []
        for kind in [CampaignKind.reReview, .selfCheck] {
            let cohort = try await ReReviewStore.cohort(for: loaded.campaign, plan: loaded.plan, kind: kind, catalogue: req.catalogue, on: req.db)
            let round = try await CampaignModel.query(on: req.db).filter(\.$ownerID == loaded.campaign.ownerID)
                .filter(\.$year == loaded.campaign.year).filter(\.$kind == kind.rawValue).filter(\.$subject == loaded.campaign.subject).first()
            var links: [ApplicationPage.Link] = []
            if let round {
                links.append(.init(name: t(Strings.ReReviews.openRound) + " · " + round.title, path: SiteRoute.campaign(round.id!).path))
                if kind == .reReview {
                    links.append(.init(name: t(Strings.ReReviews.outcomesHeading), path: SiteRoute.reReviewOutcomes(round.id!).path))
                }
            }
            sections.append(.init(
                heading: t(kind.label),
                note: kind == .reReview ? policies.map { t(Strings.ReReviews.policy($0)) }.joined(separator: " ") : t(Strings.ReReviews.selfCheckPolicy),
                columns: Strings.ReReviews.columns(Strings.ReReviews.cohortColumns, subject: loaded.plan.campaignSubject).map { t($0) },
                rows: cohort.map { entry in
                    .init(cells: [.init(text: Self.named(entry.named.application, unit: entry.unit, t),
                                        path: SiteRoute.application(campaign: entry.named.campaign.id!, unit: entry.unit.id!).path),
                                  .init(text: String(entry.named.campaign.year)),
                                  .init(text: Self.tierName(entry.named.cohort.namedTier, schemes: schemes, t)),
                                  .init(text: Self.tierName(entry.named.cohort.heldTier, schemes: schemes, t))], flagged: false)
                },
                empty: t(Strings.ReReviews.nobody(kind)), refusals: [],
                buttons: cohort.isEmpty ? [] : [.init(path: SiteRoute.reReviewRounds(loaded.campaign.id!).path, label: t(Strings.ReReviews.open(kind)),
                                                      fields: [.init(name: "kind", value: kind.rawValue)])],
                links: links))
        }
        let heading = t(Strings.ReReviews.roundsHeading(loaded.campaign.title))
        return try await req.view.render("rereview", Page(
            layout: Layout(request: req, title: heading), back: .init(name: loaded.campaign.title, path: SiteRoute.campaign(loaded.campaign.id!).path),
            heading: heading, intro: [], facts: [], sections: sections, csrf: req.csrfToken))
    }

    struct OpenForm: Content {
        var kind: String?
    }

    func open(req: Request) async throws -> Response {
        let loaded = try await Self.load(req, kind: .award)
        let form = try req.content.decode(OpenForm.self)
        guard let kind = form.kind.flatMap(CampaignKind.init(rawValue:)), kind != .award else {
            throw AppError.invalid(field: "kind", Strings.ReReviews.kindLabel)
        }
        guard let owner = try await OrganisationModel.find(loaded.campaign.ownerID, on: req.db) else { throw AppError.notFound(AppError.nothingHere) }
        let cohort = try await ReReviewStore.cohort(for: loaded.campaign, plan: loaded.plan, kind: kind, catalogue: req.catalogue, on: req.db)
        let title = Strings.ReReviews.roundTitle(kind, year: loaded.campaign.year, namedIn: kind == .reReview ? cohort.first?.named.campaign.year : nil,
                                                 subject: loaded.plan.campaignSubject).zh
        let id = try await ReReviewStore.open(kind, beside: loaded.campaign, plan: loaded.plan, owner: owner, title: title,
                                              app: req.application, actor: req.auditActor)
        return req.redirect(to: SiteRoute.campaign(id).path + "?done=round-opened", redirectType: .normal)
    }

    // MARK: The self-check

    func submit(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let form = try req.content.decode(ApplicationController.VersionForm.self)
        try await ApplicationStore.perform(.submitSelfCheck, context, version: form.version, req: req, subject: context.user.subject,
                                           actor: req.auditActor)
        return req.redirect(to: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path + "?done=self-checked",
                            redirectType: .normal)
    }

    /// The earlier assessment beside the new one (re-review and self-check applications).
    func comparison(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        guard let application = context.application, let earlierID = application.earlierApplicationID,
              let earlier = try await ApplicationModel.find(earlierID, on: req.db),
              let earlierCampaign = try await CampaignModel.find(earlier.campaignID, on: req.db) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let t = Translator(req.language)
        let earlierPlan = try CampaignStore.plan(of: earlierCampaign)
        guard let kind = context.unit.kind.flatMap(UnionKind.init(rawValue:)), var earlierPin = earlierPlan.scheme(for: kind) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        earlierPin.contentHash = earlier.schemeHash
        let earlierContext = ApplicationContext(campaign: earlierCampaign, plan: earlierPlan, unit: context.unit, pin: earlierPin,
                                                application: earlier, user: context.user)
        let nowPin = SelfAssessmentController.pin(of: context)
        let nowScorer = try await PinnedSchemes.shared.scorer(for: nowPin, on: req.db)
        let earlierScorer = try await PinnedSchemes.shared.scorer(for: earlierPin, on: req.db)
        func side(_ ctx: ApplicationContext, scorer: Scorer) async throws -> AssessmentComparison.Side {
            let selfItems = AssessmentComparison.items(InspectionController.selfItemScores(ctx.application, scorer: scorer))
            let assigned = try await ApplicationStore.inspectors(ctx.application, on: req.db).filter { $0.scoredAt != nil }
            guard !assigned.isEmpty else { return .init(selfItems: selfItems) }
            let combined = try await InspectorAssignmentController.combined(ctx, assigned, on: req.db)
            return .init(selfItems: selfItems, inspectedItems: AssessmentComparison.items(combined.items))
        }
        let rows = AssessmentComparison.compare(earlier: try await side(earlierContext, scorer: earlierScorer),
                                                now: try await side(context, scorer: nowScorer), scheme: nowScorer.scheme)
        func text(_ points: Points?) -> String { points?.description ?? "—" }
        let heading = t(Strings.ReReviews.comparisonHeading) + " · " + context.unit.name
        let schemes = [nowScorer.scheme, earlierScorer.scheme]
        return try await req.view.render("rereview", Page(
            layout: Layout(request: req, title: heading),
            back: .init(name: context.campaign.title + " · " + context.unit.name,
                        path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            heading: heading,
            intro: [t(Strings.ReReviews.earlier(earlierCampaign.title, tier: Self.tierName(earlier.decidedTier, schemes: schemes, t))),
                    t(Strings.ReReviews.slipped(rows.filter(\.slipped).count))],
            facts: [], sections: [.init(
                heading: t(Strings.ReReviews.comparisonHeading), note: nil,
                columns: Strings.ReReviews.comparisonColumns.map { t($0) },
                rows: rows.map { row in
                    .init(cells: [.init(text: String(row.number)), .init(text: row.max.description), .init(text: text(row.earlierSelf)),
                                  .init(text: text(row.earlierInspected)), .init(text: text(row.nowSelf)), .init(text: text(row.nowInspected)),
                                  .init(text: row.change.map { $0 > .zero ? "+" + $0.description : $0.description } ?? "—")],
                          flagged: row.slipped)
                },
                empty: "", refusals: [], buttons: [], links: [])],
            csrf: req.csrfToken))
    }

    // MARK: Outcomes

    /// Where the outcome is recorded: the unit's federation at the re-review policy's level
    /// (Rushan: 威海市总工会; Yizheng: 仪征市总工会).
    static func reviewingFederation(_ row: ReReviewStore.Row) -> TreePath? {
        DecisionController.federation(row.scheme.reReview?.by, above: row.unit.treePath)
    }

    func outcomes(req: Request) async throws -> View {
        let loaded = try await Self.load(req, kind: .reReview)
        let t = Translator(req.language)
        let rows = try await ReReviewStore.rows(round: loaded.campaign, plan: loaded.plan, on: req.db)
        let computed = ReReviewStore.computed(rows)
        let schemes = Array(Set(rows.map(\.scheme.id))).compactMap { id in rows.first { $0.scheme.id == id }?.scheme }
        var refusals: [String] = []
        if computed == nil, !rows.isEmpty { refusals.append(t(Strings.ReReviews.notAllInspected)) }
        let pending = rows.filter { $0.recorded == nil }
        let mayRecord = computed != nil && !pending.isEmpty
            && pending.allSatisfy { Self.reviewingFederation($0).map { loaded.user.can(.decideTier, on: .organisation($0)) } ?? false }
        if computed != nil, !pending.isEmpty, !mayRecord { refusals.append(t(WorkflowRefusal.decidedAbove.message)) }
        let tableRows: [Page.Row] = rows.map { row in
            let outcome = row.recorded?.outcome ?? computed?[row.application.id!]?.outcome
            let reason = row.recorded?.reason ?? computed?[row.application.id!]?.reason ?? ""
            return .init(cells: [
                .init(text: Self.named(row.application, unit: row.unit, t), path: SiteRoute.application(campaign: loaded.campaign.id!, unit: row.unit.id!).path),
                .init(text: Self.tierName(row.heldTier, schemes: schemes, t)),
                .init(text: row.inspected?.description ?? "—"),
                .init(text: t((ApplicationState(rawValue: row.application.state) ?? .drafting).label)),
                .init(text: outcome.map { t(Strings.ReReviews.outcome($0, tiers: schemes.flatMap(\.tiers))) } ?? "—"),
                .init(text: reason.isEmpty ? "—" : reason),
            ], flagged: outcome.map { $0 != .keep } ?? false)
        }
        let heading = t(Strings.ReReviews.outcomesHeading) + " · " + loaded.campaign.title
        return try await req.view.render("rereview", Page(
            layout: Layout(request: req, title: heading), back: .init(name: loaded.campaign.title, path: SiteRoute.campaign(loaded.campaign.id!).path),
            heading: heading,
            intro: Set(schemes.compactMap { $0.reReview.map { req.language == .zh ? $0.text : ($0.textEn ?? $0.text) } }).sorted()
                .map { t(Strings.ReReviews.policy($0)) },
            facts: [], sections: [.init(
                heading: t(Strings.ReReviews.outcomesHeading), note: nil, columns: Strings.ReReviews.columns(Strings.ReReviews.outcomeColumns, subject: loaded.plan.campaignSubject).map { t($0) },
                rows: tableRows, empty: t(Strings.ReReviews.noCohort), refusals: refusals,
                buttons: mayRecord ? [.init(path: SiteRoute.reReviewOutcomes(loaded.campaign.id!).path, label: t(Strings.ReReviews.record), fields: [])] : [],
                links: [.init(name: t(Strings.ReReviews.publicPage), path: SiteRoute.publicReReview(loaded.campaign.id!).path)])],
            csrf: req.csrfToken))
    }

    /// Records every computed outcome not yet recorded, each through the workflow (the policy's
    /// level, the inspected state), all checked before the first is written.
    func record(req: Request) async throws -> Response {
        let loaded = try await Self.load(req, kind: .reReview)
        let rows = try await ReReviewStore.rows(round: loaded.campaign, plan: loaded.plan, on: req.db)
        guard let computed = ReReviewStore.computed(rows) else { throw AppError.conflict(Strings.ReReviews.notAllInspected) }
        var work: [(ApplicationContext, TreePath?, ReReviewOutcome)] = []
        for row in rows where row.recorded == nil {
            guard let decision = computed[row.application.id!], let kind = row.unit.kind.flatMap(UnionKind.init(rawValue:)),
                  let pin = loaded.plan.scheme(for: kind) else { continue }
            let context = ApplicationContext(campaign: loaded.campaign, plan: loaded.plan, unit: row.unit, pin: pin,
                                             application: row.application, user: loaded.user)
            let federation = Self.reviewingFederation(row)
            if case .failure(let refusal) = try await ApplicationStore.check(.recordReReviewOutcome, context, req: req, decidingFederation: federation) {
                throw ApplicationStore.error(refusal)
            }
            work.append((context, federation, ReReviewOutcome(outcome: decision.outcome, heldTier: row.heldTier, score: row.inspected!,
                                                               reason: decision.reason, decidedOn: req.today)))
        }
        for (context, federation, outcome) in work {
            let json = CampaignStore.encode(outcome)
            try await ApplicationStore.perform(.recordReReviewOutcome, context, version: context.application?.version, req: req,
                                               subject: context.user.subject, actor: req.auditActor, decidingFederation: federation) { application, _ in
                application.outcomeJSON = json
            }
        }
        return req.redirect(to: SiteRoute.reReviewOutcomes(loaded.campaign.id!).path + "?done=outcomes", redirectType: .normal)
    }

    /// The round's recorded outcomes for anyone (降星摘牌，并公示原因).
    func publicPage(req: Request) async throws -> View {
        guard let round = try await CampaignModel.find(try req.campaignID(), on: req.db), round.kind == CampaignKind.reReview.rawValue else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let plan = try CampaignStore.plan(of: round)
        let t = Translator(req.language)
        let rows = try await ReReviewStore.rows(round: round, plan: plan, on: req.db).filter { $0.recorded != nil }
        let schemes = Array(Set(rows.map(\.scheme.id))).compactMap { id in rows.first { $0.scheme.id == id }?.scheme }
        let heading = t(Strings.ReReviews.publicHeading(round.title))
        var columns = Strings.ReReviews.columns(Strings.ReReviews.outcomeColumns, subject: plan.campaignSubject).map { t($0) }
        columns.remove(at: 3)
        return try await req.view.render("rereview", Page(
            layout: Layout(request: req, title: heading), back: nil, heading: heading,
            intro: Set(schemes.compactMap { $0.reReview.map { req.language == .zh ? $0.text : ($0.textEn ?? $0.text) } }).sorted()
                .map { t(Strings.ReReviews.policy($0)) },
            facts: [], sections: [.init(
                heading: t(Strings.ReReviews.outcomesHeading), note: nil, columns: columns,
                rows: rows.map { row in
                    let recorded = row.recorded!
                    return .init(cells: [
                        .init(text: Self.named(row.application, unit: row.unit, t)), .init(text: Self.tierName(recorded.heldTier, schemes: schemes, t)),
                        .init(text: recorded.score.description),
                        .init(text: t(Strings.ReReviews.outcome(recorded.outcome, tiers: schemes.flatMap(\.tiers)))),
                        .init(text: recorded.reason.isEmpty ? "—" : recorded.reason),
                    ], flagged: recorded.outcome != .keep)
                },
                empty: t(Strings.ReReviews.notYetPublic), refusals: [], buttons: [], links: [])],
            csrf: req.csrfToken))
    }
}
