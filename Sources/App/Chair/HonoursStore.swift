import Fluent
import Foundation
import UnionStarCore

/// The units and chairs named in award campaigns (both subjects), as `HonoursCandidates` reads them.
enum HonoursStore {
    /// Award campaigns, optionally of one owner and within years.
    static func campaigns(owner: UUID? = nil, years: ClosedRange<Int>? = nil, on db: any Database) async throws -> [CampaignModel] {
        var query = CampaignModel.query(on: db).filter(\.$kind == CampaignKind.award.rawValue)
        if let owner { query = query.filter(\.$ownerID == owner) }
        if let years { query = query.filter(\.$year >= years.lowerBound).filter(\.$year <= years.upperBound) }
        return try await query.all()
    }

    /// Everyone named in `campaigns` whose unit lies under one of `tops` (nil: anywhere).
    static func named(in campaigns: [CampaignModel], under tops: [TreePath]?, on db: any Database) async throws -> [HonoursCandidates.Named] {
        guard !campaigns.isEmpty, tops.map({ !$0.isEmpty }) ?? true else { return [] }
        let byID = Dictionary(uniqueKeysWithValues: campaigns.map { ($0.id!, $0) })
        var query = ApplicationModel.query(on: db).filter(\.$campaignID ~~ Array(byID.keys)).filter(\.$state == ApplicationState.named.rawValue)
        if let tops { query = query.group(.or) { group in for top in tops { group.filter(\.$unitPath =~ top.text) } } }
        let applications = try await query.all()
        // A star is not for life: a recorded re-review (复查) downgrades or delists it here too.
        let heldAfter = try await ReReviewStore.tiersAfterReReview(applications.compactMap(\.id), on: db)
        let units = Dictionary(uniqueKeysWithValues: try await OrganisationModel.query(on: db)
            .filter(\.$id ~~ Array(Set(applications.map(\.unitID)))).all().map { ($0.id!, $0) })
        var plans: [UUID: CampaignPlan] = [:]
        var named: [HonoursCandidates.Named] = []
        for application in applications {
            guard let campaign = byID[application.campaignID], let unit = units[application.unitID] else { continue }
            let plan = try plans[campaign.id!] ?? CampaignStore.plan(of: campaign)
            plans[campaign.id!] = plan
            guard let pin = plan.schemes.values.first(where: { $0.contentHash == application.schemeHash }) else { continue }
            let tiers = try await NoticePinnedScheme.scheme(pin, on: db).tiers
            let held = heldAfter[application.id!] ?? application.decidedTier
            guard let rank = tiers.firstIndex(where: { $0.id == held }) else { continue }
            named.append(.init(year: plan.year, subject: plan.campaignSubject, unitName: unit.name,
                               person: person(application, unit: unit, subject: plan.campaignSubject), tier: tiers[rank], tierRank: rank,
                               issuer: application.namedIssuer ?? "", certificate: application.certificateNumber ?? ""))
        }
        return named
    }

    /// The chair named (a chair campaign), or the union's chair on its filed form, else on its profile.
    static func person(_ application: ApplicationModel, unit: OrganisationModel, subject: Scheme.Subject) -> String {
        if subject == .chair { return ApplicationStore.chairPerson(application)?.name ?? "" }
        let form = application.formJSON.flatMap { try? CampaignStore.decode(RegistrationForm.self, $0) }
        return form.map(\.chairName).flatMap { $0.isEmpty ? nil : $0 } ?? unit.chair
    }

    /// The nodes under which the user may see honours (staff of a federation or prefecture); nil: everywhere.
    static func tops(_ user: CurrentUser) -> [TreePath]? {
        switch user.reach(.manageReview) {
        case .nowhere: return []
        case .everywhere: return nil
        case .within(let tops): return tops
        }
    }
}
