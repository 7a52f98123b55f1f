import Fluent
import Foundation
import UnionStarCore
import Vapor

/// 抽查: staff of the prefecture federation (Yizheng: 扬州市总工会将根据上报情况对部分三星级单位进行
/// 抽查) see a campaign's population — the units decided at a tier their level spot-checks, in the
/// draw's order — and draw a sample with `SampleDraw` from a seed they type or the app picks. Each
/// draw is recorded (who, when, seed, population, sample) and audited, and published on a page
/// anyone can open, with the population as text to repeat the draw (`unionstar draw`). Drawing
/// again is a new draw: the earlier ones stay, listed beside it.
struct SpotCheckController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .spotChecks(campaign: UUID()), use: show)
        routes.on(.POST, .spotChecks(campaign: UUID()), use: draw)
        routes.on(.GET, .spotCheck(UUID()), use: publicPage)
        routes.on(.GET, .spotCheckPopulation(UUID()), use: populationText)
    }

    /// The level whose staff draw; the tiers they check are those whose `spotCheckBy` names it.
    static let level = FederationLevel.prefecture

    struct Unit: Codable, Sendable, Hashable {
        var id: String
        var name: String
    }

    /// A campaign as its spot checks see it: the tiers checked (labels by id) and, for each, the
    /// schemes that check it.
    struct Campaign: Sendable {
        var model: CampaignModel
        var owner: OrganisationModel
        var tiers: [Tier]
        var schemesChecking: [String: Set<String>]
    }

    /// The campaign of the URL, for someone who may draw on it (anyone else: "not found").
    static func campaign(_ req: Request) async throws -> (Campaign, CurrentUser) {
        let user = try req.requireUser()
        guard let model = try await CampaignModel.find(try req.campaignID(), on: req.db),
              let owner = try await OrganisationModel.find(model.ownerID, on: req.db) else { throw AppError.notFound(AppError.nothingHere) }
        let decision = user.decide(.drawSpotCheck, on: owner.accessTarget)
        guard decision.isAllowed else { throw AppError.refused(decision) }
        let plan = try CampaignStore.plan(of: model)
        var tiers: [Tier] = []
        var schemes: [String: Set<String>] = [:]
        for pin in Set(plan.schemes.values) {
            let scheme = try await PinnedSchemes.shared.scorer(for: pin, on: req.db).scheme
            for tier in SpotCheck.tiers(scheme.tiers, checkedBy: level) {
                if !tiers.contains(where: { $0.id == tier.id }) { tiers.append(tier) }
                schemes[tier.id, default: []].insert(pin.schemeID)
            }
        }
        return (Campaign(model: model, owner: owner, tiers: tiers, schemesChecking: schemes), user)
    }

    /// The units decided at `tier` whose decision stands (decided, on the results notice, named),
    /// in the draw's order.
    static func population(_ campaign: Campaign, tier: String, on db: any Database) async throws -> [(unit: Unit, state: ApplicationState)] {
        let standing = [ApplicationState.decided, .onResultsNotice, .named].map(\.rawValue)
        let schemes = Array(campaign.schemesChecking[tier] ?? [])
        let applications = try await ApplicationModel.query(on: db).filter(\.$campaignID == campaign.model.id!).filter(\.$decidedTier == tier)
            .filter(\.$state ~~ standing).filter(\.$schemeID ~~ schemes).all()
        let names = try await OrganisationStore(database: db).names(on: applications.compactMap { TreePath(text: $0.unitPath) })
        let byID = Dictionary(uniqueKeysWithValues: applications.map { ($0.unitID.uuidString.lowercased(), $0) })
        return SampleDraw.order(Array(byID.keys)).map { id in
            (Unit(id: id, name: names[id] ?? "—"), ApplicationState(rawValue: byID[id]!.state) ?? .decided)
        }
    }

    // MARK: The staff's page

    struct DrawForm: Content {
        var tier: String?
        var size: String?
        var seed: String?
        /// The number of draws when the page was loaded: a draw made since makes this one stale.
        var draws: Int?
    }

    func show(req: Request) async throws -> View {
        let (campaign, _) = try await Self.campaign(req)
        return try await req.view.render("spot-checks", try await page(req, campaign, form: DrawForm(), errors: FieldErrors()))
    }

    func page(_ req: Request, _ campaign: Campaign, form: DrawForm, errors: FieldErrors, formError: LocalizedText? = nil) async throws -> SpotChecksPage {
        let t = Translator(req.language)
        var populations: [SpotChecksPage.Population] = []
        for tier in campaign.tiers {
            let units = try await Self.population(campaign, tier: tier.id, on: req.db)
            populations.append(.init(
                heading: t(Strings.SpotChecks.populationHeading(tier: tier.label, count: units.count)),
                rows: units.enumerated().map { .init(number: $0.offset + 1, name: $0.element.unit.name, id: $0.element.unit.id, state: t($0.element.state.label)) },
                empty: t(Strings.SpotChecks.emptyPopulation)))
        }
        let draws = try await SpotCheckDrawModel.query(on: req.db).filter(\.$campaignID == campaign.model.id!).sort(\.$number, .descending).all()
        let labels = Dictionary(uniqueKeysWithValues: campaign.tiers.map { ($0.id, $0.label) })
        var fields: [FormPage.Field] = []
        if campaign.tiers.count > 1 {
            fields.append(.select("tier", t(Strings.SpotChecks.tier), options: campaign.tiers.map { ($0.id, t($0.label)) }, selected: form.tier ?? ""))
        } else if let only = campaign.tiers.first {
            fields.append(.init(name: "tier", label: "", kind: .hidden, value: only.id))
        }
        fields.append(.init(name: "size", label: t(Strings.SpotChecks.size), kind: .text, value: form.size ?? "", required: true))
        fields.append(.init(name: "seed", label: t(Strings.SpotChecks.seed), kind: .text, value: form.seed ?? "", hint: t(Strings.SpotChecks.seedHint)))
        fields = fields.map { field in
            var field = field
            field.error = errors[field.name].map { t($0) }
            return field
        }
        let title = t(Strings.SpotChecks.heading) + " · " + campaign.model.title
        return SpotChecksPage(
            layout: Layout(request: req, title: title), heading: title,
            intro: campaign.tiers.isEmpty ? t(Strings.SpotChecks.noTiers)
                : t(Strings.SpotChecks.intro(level: Self.level.label, tiers: campaign.tiers.map(\.label))),
            back: .init(name: campaign.model.title, path: SiteRoute.campaign(campaign.model.id!).path),
            order: t(Strings.SpotChecks.populationOrder),
            columns: [t(Strings.SpotChecks.number), t(Strings.SpotChecks.unit), t(Strings.SpotChecks.unitID), t(Strings.ApplicationPages.state)],
            populations: populations,
            form: campaign.tiers.isEmpty ? nil : .init(action: SiteRoute.spotChecks(campaign: campaign.model.id!).path, draws: draws.count,
                                                      fields: fields, submit: t(Strings.SpotChecks.submit)),
            formError: formError.map { t($0) },
            drawsHeading: t(Strings.SpotChecks.drawsHeading),
            draws: draws.map { draw in
                .init(title: t(Strings.SpotChecks.drawTitle(draw.number)), path: SiteRoute.spotCheck(draw.id!).path,
                      line: t(Strings.SpotChecks.drawLine(tier: labels[draw.tier] ?? LocalizedText(zh: draw.tier, en: draw.tier),
                                                          at: InspectionController.minute(draw.drawnAt), by: draw.drawnBy, seed: draw.seed,
                                                          size: draw.size, population: Self.decodedPopulation(draw).count)))
            },
            noDraws: t(Strings.SpotChecks.noDraws), csrf: req.csrfToken)
    }

    // MARK: Drawing

    enum Outcome: Sendable {
        case drawn(UUID)
        case invalid(FieldErrors)
    }

    func draw(req: Request) async throws -> Response {
        let (campaign, user) = try await Self.campaign(req)
        let form = try req.content.decode(DrawForm.self)
        guard let tier = campaign.tiers.first(where: { $0.id == form.tier }) else {
            var errors = FieldErrors()
            errors.add("tier", campaign.tiers.isEmpty ? Strings.SpotChecks.noTiers : Strings.SpotChecks.chooseTier)
            return try await req.render("spot-checks", try await page(req, campaign, form: form, errors: errors), status: .unprocessableEntity)
        }
        guard let draws = form.draws else { throw AppError.invalid(field: "draws", Strings.Errors.requestMalformedPlain) }
        // The federation drawing: the drawer's node over the campaign at the level that checks.
        let places = user.grants.filter { $0.role == .prefectureStaff }.compactMap(\.scope).filter { $0.contains(campaign.owner.treePath) }
        let federationNames = try await OrganisationStore(database: req.db).names(on: places)
        let federation = places.compactMap { $0.ids.last.flatMap { federationNames[$0] } }.first ?? "—"
        // The app's own seed, when none is typed: from the system's random source (recorded and shown).
        var generator = SystemRandomNumberGenerator()
        let randomSeed = generator.next()
        let actor = req.auditActor, size = form.size ?? "", seedText = form.seed ?? "", tierLabel = tier.label.zh
        let outcome: Outcome = try await req.writes.perform { db in
            let count = try await SpotCheckDrawModel.query(on: db).filter(\.$campaignID == campaign.model.id!).count()
            guard count == draws else { throw AppError.conflict(Strings.SpotChecks.stale) }
            let units = try await Self.population(campaign, tier: tier.id, on: db).map(\.unit)
            let request: SpotCheck.Request
            switch SpotCheck.parse(size: size, seed: seedText, population: units.count) {
            case .success(let parsed): request = parsed
            case .failure(let errors): return .invalid(errors)
            }
            let seed = request.seed ?? randomSeed
            let sample = SampleDraw.draw(units.map(\.id), count: request.size, seed: seed)
            let row = SpotCheckDrawModel()
            row.id = UUID()
            row.campaignID = campaign.model.id!
            row.number = count + 1
            row.tier = tier.id
            row.seed = String(seed)
            row.seedGiven = request.seed != nil
            row.size = request.size
            row.populationJSON = CampaignStore.encode(units)
            row.sampleJSON = CampaignStore.encode(sample)
            row.federation = federation
            row.drawnBy = actor.name
            row.drawnAt = actor.at
            try await row.create(on: db)
            let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
            try await AuditLog.append([AuditDraft(
                actor: actor, action: "campaign.spot-check", entityType: "spot_check_draw", entityID: row.id!.uuidString.lowercased(),
                scope: campaign.owner.path, before: AuditDraft.nothing,
                after: DrawAudit(campaign: campaign.model.title, number: row.number, tier: tierLabel, seed: row.seed, size: row.size,
                                 population: units.count, sample: sample.map { names[$0] ?? $0 }.joined(separator: Strings.Common.listSeparator.zh)))], on: db)
            return .drawn(row.id!)
        }
        switch outcome {
        case .drawn(let id):
            return req.redirect(to: SiteRoute.spotCheck(id).path + "?done=drawn", redirectType: .normal)
        case .invalid(let errors):
            return try await req.render("spot-checks", try await page(req, campaign, form: form, errors: errors), status: .unprocessableEntity)
        }
    }

    struct DrawAudit: AuditSnapshot {
        var campaign: String
        var number: Int
        var tier: String
        var seed: String
        var size: Int
        var population: Int
        var sample: String
    }

    static func decodedPopulation(_ draw: SpotCheckDrawModel) -> [Unit] {
        (try? CampaignStore.decode([Unit].self, draw.populationJSON)) ?? []
    }

    // MARK: The public record

    static func published(_ req: Request) async throws -> (SpotCheckDrawModel, CampaignModel) {
        guard let text = req.parameters.get("drawID"), let id = UUID(uuidString: text),
              let draw = try await SpotCheckDrawModel.find(id, on: req.db),
              let campaign = try await CampaignModel.find(draw.campaignID, on: req.db) else { throw AppError.notFound(AppError.nothingHere) }
        return (draw, campaign)
    }

    func publicPage(req: Request) async throws -> View {
        let (draw, campaign) = try await Self.published(req)
        let t = Translator(req.language)
        let population = Self.decodedPopulation(draw)
        let sample = (try? CampaignStore.decode([String].self, draw.sampleJSON)) ?? []
        let names = Dictionary(uniqueKeysWithValues: population.map { ($0.id, $0.name) })
        let tier = AuditController.tierNames(req.catalogue)[draw.tier] ?? LocalizedText(zh: draw.tier, en: draw.tier)
        let all = try await SpotCheckDrawModel.query(on: req.db).filter(\.$campaignID == campaign.id!).sort(\.$number).all()
        let title = t(Strings.SpotChecks.publicHeading(draw.number))
        return try await req.view.render("spot-check", SpotCheckPage(
            layout: Layout(request: req, title: title + " · " + campaign.title), heading: title,
            facts: [
                .init(label: t(Strings.SpotChecks.campaign), text: campaign.title),
                .init(label: t(Strings.SpotChecks.tier), text: t(tier)),
                .init(label: t(Strings.SpotChecks.federation), text: draw.federation),
                .init(label: t(Strings.SpotChecks.drawnAt), text: InspectionController.minute(draw.drawnAt)),
                .init(label: t(Strings.SpotChecks.drawnBy), text: draw.drawnBy),
                .init(label: t(Strings.SpotChecks.seed), text: draw.seed + t(draw.seedGiven ? Strings.SpotChecks.seedGiven : Strings.SpotChecks.seedRandom)),
                .init(label: t(Strings.SpotChecks.sizeOf), text: t(Strings.SpotChecks.sizeText(size: draw.size, population: population.count))),
            ],
            sampleHeading: t(Strings.SpotChecks.sampleHeading),
            sample: sample.map { .init(number: 0, name: names[$0] ?? "—", id: $0, state: "") },
            populationHeading: t(Strings.SpotChecks.populationListHeading(population.count)), order: t(Strings.SpotChecks.populationOrder),
            columns: [t(Strings.SpotChecks.number), t(Strings.SpotChecks.unit), t(Strings.SpotChecks.unitID)],
            population: population.enumerated().map { .init(number: $0.offset + 1, name: $0.element.name, id: $0.element.id, state: "") },
            repeatHeading: t(Strings.SpotChecks.repeatHeading), repeatText: t(Strings.SpotChecks.repeatText(seed: draw.seed, size: draw.size)),
            command: "unionstar draw --seed \(draw.seed) --size \(draw.size) --population population-\(draw.number).txt",
            algorithm: t(Strings.SpotChecks.algorithm),
            download: .init(name: t(Strings.SpotChecks.download), path: SiteRoute.spotCheckPopulation(draw.id!).path),
            allHeading: t(Strings.SpotChecks.allDraws),
            all: all.map { other in
                .init(name: t(Strings.SpotChecks.drawTitle(other.number)) + " · " + InspectionController.minute(other.drawnAt)
                        + (other.id == draw.id ? t(Strings.SpotChecks.thisDraw) : ""),
                      path: SiteRoute.spotCheck(other.id!).path)
            }))
    }

    /// The population as the command reads it: `id<TAB>name` a line, in the draw's order.
    func populationText(req: Request) async throws -> Response {
        let (draw, campaign) = try await Self.published(req)
        let tier = AuditController.tierNames(req.catalogue)[draw.tier] ?? LocalizedText(zh: draw.tier, en: draw.tier)
        let heading = Translator(req.language)(Strings.SpotChecks.populationFileHeading(campaign: campaign.title, tier: tier, number: draw.number))
        let text = SpotCheck.populationText(Self.decodedPopulation(draw).map { (id: $0.id, name: $0.name) }, heading: heading)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"population-\(draw.number).txt\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

struct SpotChecksPage: Encodable {
    typealias Link = ApplicationPage.Link
    struct Row: Encodable {
        var number: Int
        var name: String
        var id: String
        var state: String
    }

    struct Population: Encodable {
        var heading: String
        var rows: [Row]
        var empty: String
    }

    struct Form: Encodable {
        var action: String
        var draws: Int
        var fields: [FormPage.Field]
        var submit: String
    }

    struct Draw: Encodable {
        var title: String
        var path: String
        var line: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var back: Link
    var order: String
    var columns: [String]
    var populations: [Population]
    var form: Form?
    var formError: String?
    var drawsHeading: String
    var draws: [Draw]
    var noDraws: String
    var csrf: String
}

struct SpotCheckPage: Encodable {
    typealias Link = ApplicationPage.Link
    typealias Fact = ApplicationPage.Fact
    typealias Row = SpotChecksPage.Row

    var layout: Layout
    var heading: String
    var facts: [Fact]
    var sampleHeading: String
    var sample: [Row]
    var populationHeading: String
    var order: String
    var columns: [String]
    var population: [Row]
    var repeatHeading: String
    var repeatText: String
    var command: String
    var algorithm: String
    var download: Link
    var allHeading: String
    var all: [Link]
}
