import Fluent
import Foundation
import UnionStarCore
import Vapor

/// A campaign's results as its staff run them: the decided units put on the results notice
/// together (one 公示 for the lot, as federations publish it), naming every unit that is ready, and
/// the rewards list (奖励名单) with its spreadsheet.
struct CampaignResultsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .campaignResults(UUID()), use: show)
        routes.on(.POST, .campaignResults(UUID()), use: start)
        routes.on(.POST, .campaignNaming(UUID()), use: nameReady)
        routes.on(.GET, .campaignRewards(UUID()), use: rewards)
        routes.on(.GET, .campaignRewardsCSV(UUID()), use: rewardsCSV)
    }

    struct StartForm: Content {
        var start: String?
        var units: [String]?
    }

    /// The part of the campaign the user manages: the campaign's federation for its own staff and
    /// those above, else the user's nodes inside it; nil: none.
    static func tops(_ campaign: CampaignModel, user: CurrentUser, action: Action) -> [TreePath] {
        guard let owner = TreePath(text: campaign.ownerPath) else { return [] }
        switch user.reach(action) {
        case .nowhere: return []
        case .everywhere: return [owner]
        case .within(let tops):
            if tops.contains(where: { $0.contains(owner) }) { return [owner] }
            return tops.filter { owner.contains($0) }
        }
    }

    struct Loaded {
        var campaign: CampaignModel
        var plan: CampaignPlan
        var user: CurrentUser
        var tops: [TreePath]
    }

    static func load(_ req: Request, action: Action = .manageReview) async throws -> Loaded {
        let (campaign, plan, user) = try await CampaignController.campaign(req)
        let tops = tops(campaign, user: user, action: action)
        guard !tops.isEmpty else { throw AppError.notFound(AppError.nothingHere) }
        return Loaded(campaign: campaign, plan: plan, user: user, tops: tops)
    }

    /// The campaign's applications in `states` under the user's nodes, with their units, by unit name.
    static func applications(_ loaded: Loaded, states: [ApplicationState], on db: any Database) async throws
        -> [(application: ApplicationModel, unit: OrganisationModel)] {
        let rows = try await ApplicationModel.query(on: db).filter(\.$campaignID == loaded.campaign.id!)
            .filter(\.$state ~~ states.map(\.rawValue))
            .group(.or) { group in for top in loaded.tops { group.filter(\.$unitPath =~ top.text) } }
            .all()
        let units = try await OrganisationModel.query(on: db).filter(\.$id ~~ rows.map(\.unitID)).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        return rows.compactMap { row in byID[row.unitID].map { (row, $0) } }.sorted { $0.unit.name < $1.unit.name }
    }

    /// The context a unit's page would load, for acting on it from the campaign's page.
    static func context(_ loaded: Loaded, application: ApplicationModel, unit: OrganisationModel) -> ApplicationContext? {
        guard let kind = unit.kind.flatMap(UnionKind.init(rawValue:)), let pin = loaded.plan.scheme(for: kind) else { return nil }
        return ApplicationContext(campaign: loaded.campaign, plan: loaded.plan, unit: unit, pin: pin, application: application, user: loaded.user)
    }

    // MARK: The results page

    struct Page: Encodable {
        struct Row: Encodable {
            var id: String
            var unit: String
            var path: String
            var tier: String
            var inspected: String
            var state: String
            var period: String
            var unanswered: Int
            var choosable: Bool
        }

        var layout: Layout
        var heading: String
        var intro: String
        var back: ApplicationPage.Link
        var columns: [String]
        var rows: [Row]
        var empty: String
        var start: [FormPage.Field]?
        var startAction: String
        var startSubmit: String
        var nameAction: String?
        var nameSubmit: String
        var rewards: ApplicationPage.Link
        var problems: [String]
        var problemsHeading: String
        var csrf: String
    }

    func show(req: Request) async throws -> View {
        try await req.view.render("campaign-results", try await page(req, try await Self.load(req)))
    }

    func page(_ req: Request, _ loaded: Loaded, form: StartForm? = nil, errors: FieldErrors = FieldErrors(),
              problems: [String] = []) async throws -> Page {
        let t = Translator(req.language)
        let campaignID = loaded.campaign.id!
        let found = try await Self.applications(loaded, states: [.decided, .onResultsNotice, .named, .notNamed], on: req.db)
        let ids = found.compactMap(\.application.id)
        let unanswered = try await ObjectionModel.query(on: req.db).filter(\.$applicationID ~~ ids).filter(\.$notice == ObjectionModel.results)
            .filter(\.$answer == nil).all()
        let counts = Dictionary(grouping: unanswered, by: \.applicationID).mapValues(\.count)
        var rows: [Page.Row] = []
        var mayName = false
        for (application, unit) in found {
            guard let context = Self.context(loaded, application: application, unit: unit) else { continue }
            let tiers = try await NoticePinnedScheme.scheme(context.pin, on: req.db).tiers
            let state = context.state
            let notice = ResultsStore.notice(application, plan: loaded.plan)
            if state == .onResultsNotice, let notice, notice.isOver(on: req.today), counts[application.id!] == nil { mayName = true }
            rows.append(.init(
                id: unit.id!.uuidString.lowercased(), unit: unit.name, path: SiteRoute.results(campaign: campaignID, unit: unit.id!).path,
                tier: application.decidedTier.flatMap { id in tiers.first { $0.id == id } }.map { t($0.label) } ?? t(Strings.Decision.none),
                inspected: application.inspectedTotal ?? "—", state: t(state.label),
                period: notice.map { t(Strings.Notice.periodText($0, workingDays: $0.workingDays)) } ?? "—",
                unanswered: counts[application.id!] ?? 0, choosable: state == .decided))
        }
        let r = Strings.Results.self
        var layout = Layout(request: req, title: t(r.heading) + " · " + loaded.campaign.title)
        layout.notice = Self.done(req, t)
        let mayStart = rows.contains { $0.choosable } && loaded.user.canSomewhere(.manageReview)
        return Page(
            layout: layout, heading: t(r.heading), intro: t(r.campaignIntro(workingDays: ResultsStore.workingDays(loaded.plan))),
            back: .init(name: loaded.campaign.title, path: SiteRoute.campaign(campaignID).path),
            columns: [t(r.choose), t(r.unit), t(r.decidedTier), t(r.inspected), t(r.state), t(r.period), t(r.objections)],
            rows: rows, empty: t(r.none),
            start: mayStart ? NoticeSupport.withErrors([
                .init(name: "start", label: t(r.start), kind: .text, value: form?.start ?? UnitNotice.defaultStart(today: req.today).description,
                      hint: t(r.startHint), required: true),
            ], errors, t) : nil,
            startAction: SiteRoute.campaignResults(campaignID).path, startSubmit: t(r.startSubmit),
            nameAction: mayName && loaded.user.canSomewhere(.decideTier) ? SiteRoute.campaignNaming(campaignID).path : nil,
            nameSubmit: t(r.nameReady),
            rewards: .init(name: t(r.rewards), path: SiteRoute.campaignRewards(campaignID).path),
            problems: problems, problemsHeading: t(r.refusedHeading), csrf: req.csrfToken)
    }

    static func done(_ req: Request, _ t: Translator) -> String? {
        guard let count = try? req.query.get(Int.self, at: "count") else { return nil }
        return switch (try? req.query.get(String.self, at: "done")) ?? "" {
        case "started": t(Strings.Results.started(count))
        case "named": t(Strings.Results.named(count))
        default: nil
        }
    }

    /// Starts one results notice for the chosen decided units: the same days for all, each unit
    /// through the workflow; a unit refused is named with its reason, the others go ahead.
    func start(req: Request) async throws -> Response {
        let loaded = try await Self.load(req)
        let form = try req.content.decode(StartForm.self)
        var errors = FieldErrors()
        var period: NoticePeriod?
        switch UnitNotice.start(form.start ?? "", today: req.today) {
        case .success(let day):
            switch try await ResultsStore.period(starting: day, plan: loaded.plan, req: req) {
            case .success(let p): period = p
            case .failure(let refusal): errors.add("start", refusal.message)
            }
        case .failure(let problems): errors = problems
        }
        let chosen = Set((form.units ?? []).compactMap { UUID(uuidString: $0) })
        if chosen.isEmpty { errors.add("start", Strings.Results.noneChosen) }
        guard let period, errors.isEmpty else {
            return try await req.render("campaign-results", try await page(req, loaded, form: form, errors: errors), status: .unprocessableEntity)
        }
        var started = 0
        var problems: [String] = []
        let t = Translator(req.language)
        for (application, unit) in try await Self.applications(loaded, states: [.decided], on: req.db) where chosen.contains(unit.id!) {
            guard let context = Self.context(loaded, application: application, unit: unit) else { continue }
            do {
                // The user's own rights on this unit, as its page would ask.
                guard loaded.user.can(.manageReview, on: unit.accessTarget) else { throw AppError.notFound(AppError.nothingHere) }
                try await ResultsStore.start(context, period: period, version: nil, req: req)
                started += 1
            } catch let error as AppError {
                problems.append(t(Strings.Results.refused(unit: unit.name, reason: error.message)))
            }
        }
        if !problems.isEmpty {
            return try await req.render("campaign-results", try await page(req, loaded, problems: problems), status: .conflict)
        }
        return req.redirect(to: SiteRoute.campaignResults(loaded.campaign.id!).path + "?done=started&count=\(started)", redirectType: .normal)
    }

    /// Names every unit on the results notice that the user's level names and that is ready.
    func nameReady(req: Request) async throws -> Response {
        let loaded = try await Self.load(req, action: .decideTier)
        var named = 0
        for (application, unit) in try await Self.applications(loaded, states: [.onResultsNotice], on: req.db) {
            guard let context = Self.context(loaded, application: application, unit: unit),
                  loaded.user.can(.decideTier, on: unit.accessTarget) else { continue }
            let facts = try await ResultsStore.facts(context, on: req.db)
            guard try await ApplicationStore.check(.name, context, req: req, decidingFederation: facts.decidingFederation,
                                                   namingFederation: facts.namingFederation).isSuccess else { continue }
            try await ResultsStore.name(context, version: application.version, req: req)
            named += 1
        }
        guard named > 0 else { throw AppError.conflict(Strings.Results.nothingToName) }
        return req.redirect(to: SiteRoute.campaignResults(loaded.campaign.id!).path + "?done=named&count=\(named)", redirectType: .normal)
    }

    // MARK: Rewards

    /// The named units under the user's nodes, by scheme.
    static func rewardRows(_ loaded: Loaded, on db: any Database) async throws -> [RewardsList.Row] {
        var rows: [RewardsList.Row] = []
        var byScheme: [String: (scheme: Scheme, named: [RewardsList.Named])] = [:]
        for (application, unit) in try await applications(loaded, states: [.named], on: db) {
            guard let context = context(loaded, application: application, unit: unit), let tier = application.decidedTier else { continue }
            let scheme = try await NoticePinnedScheme.scheme(context.pin, on: db)
            let chair = HonoursStore.person(application, unit: unit, subject: loaded.plan.campaignSubject)
            let named = RewardsList.Named(unitName: unit.name, tierID: tier, members: unit.members, chair: chair,
                                          certificate: application.certificateNumber ?? "")
            byScheme[context.pin.contentHash, default: (scheme, [])].named.append(named)
        }
        for (_, entry) in byScheme.sorted(by: { $0.key < $1.key }) {
            rows += RewardsList.rows(entry.named, scheme: entry.scheme)
        }
        return rows
    }

    struct RewardsPage: Encodable {
        struct Row: Encodable {
            var cells: [String]
        }
        struct Honour: Encodable {
            var person: String
            var unit: String
            var honour: String
        }

        var layout: Layout
        var heading: String
        var back: ApplicationPage.Link
        var columns: [String]
        var rows: [Row]
        var total: String
        var empty: String
        var honoursHeading: String
        var honours: [Honour]
        var csv: ApplicationPage.Link
        /// 近两年受到星级基层工会表彰的工会主席, without an amount; and the year's tier honours page.
        var chairsHeading: String
        var chairsNote: String
        var chairColumns: [String]
        var chairRows: [Row]
        var tierHonours: ApplicationPage.Link
    }

    func rewards(req: Request) async throws -> View {
        let loaded = try await Self.load(req)
        let t = Translator(req.language)
        let rows = try await Self.rewardRows(loaded, on: req.db)
        let s = Strings.Rewards.self
        let campaignID = loaded.campaign.id!
        let h = Strings.Honours.self
        let recent = HonoursCandidates.recentChairs(
            try await HonoursStore.named(in: try await HonoursStore.campaigns(years: (loaded.plan.year - 1)...loaded.plan.year, on: req.db),
                                         under: loaded.tops, on: req.db),
            year: loaded.plan.year)
        return try await req.view.render("rewards", RewardsPage(
            layout: Layout(request: req, title: t(Strings.Results.rewards) + " · " + loaded.campaign.title),
            heading: t(Strings.Results.rewards) + " · " + loaded.campaign.title,
            back: .init(name: t(Strings.Results.heading), path: SiteRoute.campaignResults(campaignID).path),
            columns: [s.unit, s.tier, s.members, s.chair, s.certificate, s.fullAmount, s.amount, s.reductions].map { t($0) },
            rows: rows.map { row in
                .init(cells: [row.named.unitName, t(row.tier.label), String(row.named.members), row.named.chair, row.named.certificate,
                              row.reward.map { "\($0.fullAmount)" } ?? "—", row.reward.map { "\($0.amount)" } ?? "—",
                              (row.reward?.reductions ?? []).joined(separator: t(Strings.Common.listSeparator))])
            },
            total: t(s.total(RewardsList.total(rows))), empty: t(Strings.Stars.none), honoursHeading: t(s.honours),
            honours: RewardsList.honours(rows).map { .init(person: $0.person, unit: $0.unitName, honour: t($0.honour)) },
            csv: .init(name: t(s.export), path: SiteRoute.campaignRewardsCSV(campaignID).path),
            chairsHeading: t(h.recentChairsHeading), chairsNote: t(h.recentChairsNote),
            chairColumns: [h.person, h.unit, h.basisColumn, h.certificate].map { t($0) },
            chairRows: recent.map { row in
                .init(cells: [row.person, row.unitName, t(h.basis(row.subject, year: row.year, tier: row.tier.label)), row.certificate])
            },
            tierHonours: .init(name: t(h.tierLink), path: SiteRoute.campaignTierHonours(campaignID).path)))
    }

    func rewardsCSV(req: Request) async throws -> Response {
        let loaded = try await Self.load(req)
        let rows = try await Self.rewardRows(loaded, on: req.db)
        return CampaignController.csv(RewardsList.csv(rows, language: req.language), filename: "rewards-\(loaded.campaign.year).csv")
    }
}
