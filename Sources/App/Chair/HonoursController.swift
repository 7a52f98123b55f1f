import Foundation
import UnionStarCore
import Vapor

/// Honours drawn from the named: the staff's list of candidates for union honours (获评单位和个人可优先
/// 参评各级工会荣誉), filtered by tier and year, and a campaign year's recommendations for the tiers'
/// honours (五一劳动奖状 for five-star unions, 五一劳动奖章 for five-star chairs); each with its CSV.
struct HonoursController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .honoursCandidates, use: candidates)
        routes.on(.GET, .honoursCandidatesCSV, use: candidatesCSV)
        routes.on(.GET, .campaignTierHonours(UUID()), use: tierHonours)
        routes.on(.GET, .campaignTierHonoursCSV(UUID()), use: tierHonoursCSV)
    }

    struct Page: Encodable {
        struct Row: Encodable {
            var cells: [String]
        }
        struct Filters: Encodable {
            var action: String
            var fields: [FormPage.Field]
            var submit: String
        }

        var layout: Layout
        var heading: String
        var intro: String
        var back: ApplicationPage.Link?
        var filters: Filters?
        var columns: [String]
        var rows: [Row]
        var empty: String
        var csv: ApplicationPage.Link
    }

    struct Filter: Content {
        var year: String?
        var tier: String?

        /// The year asked for (nil: any), or the error naming the field.
        func parsedYear() throws -> Int? {
            let text = (year ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let value = Int(text), (2000...2100).contains(value) else { throw AppError.invalid(field: "year", Strings.Honours.yearInvalid) }
            return value
        }
        var tierID: String? { (tier ?? "").isEmpty ? nil : tier }
        var query: String {
            var items: [String] = []
            if let year, !year.isEmpty { items.append("year=" + (year.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
            if let tierID { items.append("tier=" + (tierID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
            return items.isEmpty ? "" : "?" + items.joined(separator: "&")
        }
    }

    // MARK: Candidates for union honours

    func rows(_ req: Request) async throws -> (filter: Filter, rows: [HonoursCandidates.Named]) {
        let user = try req.authorizeSomewhere(.manageReview)
        let filter = try req.query.decode(Filter.self)
        let year = try filter.parsedYear()
        let campaigns = try await HonoursStore.campaigns(years: year.map { $0...$0 }, on: req.db)
        let named = try await HonoursStore.named(in: campaigns, under: HonoursStore.tops(user), on: req.db)
        return (filter, HonoursCandidates.select(named, year: year, tierID: filter.tierID))
    }

    func candidates(req: Request) async throws -> View {
        let (filter, rows) = try await rows(req)
        let t = Translator(req.language)
        let s = Strings.Honours.self
        let years = Set(try await HonoursStore.campaigns(on: req.db).map(\.year)).sorted(by: >)
        var tiers: [(String, String)] = []
        for tier in req.catalogue.schemes.flatMap(\.tiers) where !tiers.contains(where: { $0.0 == tier.id }) {
            tiers.append((tier.id, t(tier.label)))
        }
        return try await req.view.render("honours", Page(
            layout: Layout(request: req, title: t(s.heading)), heading: t(s.heading), intro: t(s.intro), back: nil,
            filters: .init(action: SiteRoute.honoursCandidates.path, fields: [
                .select("year", t(s.year), options: [("", t(s.any))] + years.map { (String($0), String($0)) }, selected: filter.year ?? "", required: false),
                .select("tier", t(s.tier), options: [("", t(s.any))] + tiers, selected: filter.tier ?? "", required: false),
            ], submit: t(s.filter)),
            columns: [s.year, s.subject, s.unit, s.person, s.tier, s.issuer, s.certificate].map { t($0) },
            rows: rows.map { row in
                .init(cells: [String(row.year), t(Strings.Chair.subject(row.subject)), row.unitName, row.person, t(row.tier.label), row.issuer,
                              row.certificate])
            },
            empty: t(s.none), csv: .init(name: t(s.export), path: SiteRoute.honoursCandidatesCSV.path + filter.query)))
    }

    func candidatesCSV(req: Request) async throws -> Response {
        let (filter, rows) = try await rows(req)
        let name = "honours-candidates" + ((try? filter.parsedYear()).flatMap { $0 }.map { "-\($0)" } ?? "") + ".csv"
        return CampaignController.csv(HonoursCandidates.csv(rows, language: req.language), filename: name)
    }

    // MARK: A campaign year's recommendations for the tiers' honours

    /// The year's named unions and chairs of the campaign's federation (both campaigns of the year),
    /// under the user's nodes, whose tier carries an honour.
    static func tierHonourRows(_ req: Request) async throws -> (CampaignResultsController.Loaded, [HonoursCandidates.TierHonour]) {
        let loaded = try await CampaignResultsController.load(req)
        let campaigns = try await HonoursStore.campaigns(owner: loaded.campaign.ownerID, years: loaded.plan.year...loaded.plan.year, on: req.db)
        let named = try await HonoursStore.named(in: campaigns, under: loaded.tops, on: req.db)
        return (loaded, HonoursCandidates.tierHonours(named, year: loaded.plan.year))
    }

    func tierHonours(req: Request) async throws -> View {
        let (loaded, rows) = try await Self.tierHonourRows(req)
        let t = Translator(req.language)
        let s = Strings.Honours.self
        let campaignID = loaded.campaign.id!
        return try await req.view.render("honours", Page(
            layout: Layout(request: req, title: t(s.tierHeading) + " · " + loaded.campaign.title),
            heading: t(s.tierHeading) + " · \(loaded.plan.year)", intro: t(s.tierIntro),
            back: .init(name: t(Strings.Results.rewards), path: SiteRoute.campaignRewards(campaignID).path), filters: nil,
            columns: [s.honour, s.subject, s.unit, s.person, s.tier, s.certificate].map { t($0) },
            rows: rows.map { row in
                .init(cells: [t(row.honour), t(Strings.Chair.subject(row.named.subject)), row.named.unitName, row.named.person,
                              t(row.named.tier.label), row.named.certificate])
            },
            empty: t(s.none), csv: .init(name: t(s.export), path: SiteRoute.campaignTierHonoursCSV(campaignID).path)))
    }

    func tierHonoursCSV(req: Request) async throws -> Response {
        let (loaded, rows) = try await Self.tierHonourRows(req)
        return CampaignController.csv(HonoursCandidates.csv(rows, language: req.language), filename: "tier-honours-\(loaded.plan.year).csv")
    }
}
