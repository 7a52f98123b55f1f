import Fluent
import Foundation
import UnionStarCore
import Vapor

/// 星级工会名录: the public list of named unions, by campaign, highest tier first; each name opens
/// the unit's public record (the page its certificate's QR code opens).
struct StarsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .stars, use: show)
    }

    struct Page: Encodable {
        struct Campaign: Encodable {
            var title: String
            var path: String
            var current: Bool
        }
        struct Row: Encodable {
            /// The chair named, in a chair campaign.
            var person: String?
            var unit: String
            var path: String
            var tier: String
            var issuer: String
            var certificate: String
        }

        var layout: Layout
        var heading: String
        var intro: String
        var campaigns: [Campaign]
        var columns: [String]
        var rows: [Row]
        var empty: String
        /// The chosen campaign names chairs (星级基层工会主席), listed apart from the unions.
        var chairsHeading: String?
    }

    func show(req: Request) async throws -> View {
        let t = Translator(req.language)
        let named = ApplicationState.named.rawValue
        // The campaigns that named someone, newest first.
        let withNamed = Set(try await ApplicationModel.query(on: req.db).filter(\.$state == named).field(\.$campaignID).unique().all(\.$campaignID))
        let campaigns = try await CampaignModel.query(on: req.db).filter(\.$id ~~ Array(withNamed)).sort(\.$year, .descending).sort(\.$title).all()
        let chosenID = (try? req.query.get(UUID.self, at: "campaign")).flatMap { id in campaigns.first { $0.id == id }?.id } ?? campaigns.first?.id
        var rows: [(rank: Int, row: Page.Row)] = []
        var chairs = false
        if let chosenID, let campaign = campaigns.first(where: { $0.id == chosenID }) {
            let plan = try CampaignStore.plan(of: campaign)
            chairs = plan.campaignSubject == .chair
            let applications = try await ApplicationModel.query(on: req.db).filter(\.$campaignID == chosenID).filter(\.$state == named).all()
            let units = Dictionary(uniqueKeysWithValues: try await OrganisationModel.query(on: req.db)
                .filter(\.$id ~~ applications.map(\.unitID)).all().map { ($0.id!, $0) })
            // A name is not for life: a recorded re-review (复查) says what it became.
            let reReviews = try await ApplicationModel.query(on: req.db).filter(\.$earlierApplicationID ~~ applications.compactMap(\.id))
                .filter(\.$outcomeJSON != nil).all()
            var after: [UUID: ReReviewOutcome] = [:]
            for row in reReviews {
                if let earlier = row.earlierApplicationID, let text = row.outcomeJSON,
                   let outcome = try? CampaignStore.decode(ReReviewOutcome.self, text) { after[earlier] = outcome }
            }
            for application in applications {
                guard let unit = units[application.unitID], let token = application.resultsToken,
                      let pin = plan.schemes.values.first(where: { $0.contentHash == application.schemeHash }) else { continue }
                let tiers = try await NoticePinnedScheme.scheme(pin, on: req.db).tiers
                guard let index = tiers.firstIndex(where: { $0.id == application.decidedTier }) else { continue }
                var tier = t(tiers[index].label)
                if let outcome = after[application.id!], outcome.outcome != .keep {
                    tier += t(Strings.ReReviews.afterReReview(outcome.decidedOn.year, Strings.ReReviews.outcome(outcome.outcome, tiers: tiers)))
                }
                rows.append((index, .init(
                    person: chairs ? HonoursStore.person(application, unit: unit, subject: .chair) : nil, unit: unit.name, path: SiteRoute.publicNotice(token: token).path, tier: tier,
                    issuer: application.namedIssuer ?? "", certificate: application.certificateNumber ?? "")))
            }
        }
        rows.sort { $0.rank != $1.rank ? $0.rank > $1.rank : $0.row.unit < $1.row.unit }
        let s = Strings.Stars.self
        let r = Strings.Results.self
        return try await req.view.render("stars", Page(
            layout: Layout(request: req, title: t(s.heading)), heading: t(s.heading), intro: t(s.intro),
            campaigns: campaigns.map { .init(title: "\($0.year) · \($0.title)" + ($0.subject == Scheme.Subject.chair.rawValue ? " · " + t(Strings.Chair.starsChairs) : ""), path: SiteRoute.stars.path + "?campaign=\($0.id!.uuidString.lowercased())",
                                             current: $0.id == chosenID) },
            columns: (chairs ? [t(Strings.Chair.starsPerson)] : []) + [t(r.unit), t(r.namedAs), t(r.namedBy), t(r.certificateNumber)],
            rows: rows.map(\.row), empty: t(s.none), chairsHeading: chairs ? t(Strings.Chair.starsChairs) : nil))
    }
}
