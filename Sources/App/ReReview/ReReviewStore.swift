import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Re-review (复查) and yearly self-check (年度自查) rounds: who they take, opening them, the
/// outcomes the scheme's rule computes and their record.
enum ReReviewStore {
    /// A named application of one of the federation's earlier award campaigns, where its name
    /// stands now.
    struct Named: Sendable {
        var cohort: ReReviewCohort.Named
        var application: ApplicationModel
        var campaign: CampaignModel
    }

    /// Those the federation's award campaigns of `subject` named (unions, or chairs: Yizheng re-reviews
    /// 单位和个人), with the tier each holds now (after any recorded re-review), and whether it is
    /// already in the round of `kind` and `year`.
    static func named(ownerPath: String, subject: String, kind: CampaignKind, year: Int, on db: any Database) async throws -> [Named] {
        let campaigns = try await CampaignModel.query(on: db).filter(\.$ownerPath == ownerPath)
            .filter(\.$subject == subject).all()
        let awards = campaigns.filter { $0.kind == CampaignKind.award.rawValue && $0.year < year }
        guard !awards.isEmpty else { return [] }
        let named = try await ApplicationModel.query(on: db).filter(\.$campaignID ~~ awards.map { $0.id! })
            .filter(\.$state == ApplicationState.named.rawValue).all()
        let rounds = campaigns.filter { $0.kind != CampaignKind.award.rawValue }
        let later = rounds.isEmpty ? [] : try await ApplicationModel.query(on: db).filter(\.$campaignID ~~ rounds.map { $0.id! })
            .filter(\.$earlierApplicationID != nil).all()
        let roundOfYear = rounds.first { $0.kind == kind.rawValue && $0.year == year }?.id
        var heldAfter: [UUID: String?] = [:]
        var inRound: Set<UUID> = []
        for row in later {
            guard let earlier = row.earlierApplicationID else { continue }
            if row.campaignID == roundOfYear { inRound.insert(earlier) }
            if let text = row.outcomeJSON, let outcome = try? CampaignStore.decode(ReReviewOutcome.self, text) {
                heldAfter[earlier] = outcome.tierAfter
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: awards.map { ($0.id!, $0) })
        return named.compactMap { application in
            guard let tier = application.decidedTier, let campaign = byID[application.campaignID], let id = application.id else { return nil }
            let held = heldAfter[id] ?? tier
            return Named(cohort: .init(application: id.uuidString.lowercased(), unit: application.unitID.uuidString.lowercased(),
                                       year: campaign.year, namedTier: tier, heldTier: held, inRound: inRound.contains(id)),
                         application: application, campaign: campaign)
        }
    }

    /// The units a round of `kind` in the award campaign's year would take now, by each unit's
    /// scheme's policy (Rushan: 2018's in 2020; Yizheng: last year's, from 2019).
    static func cohort(for award: CampaignModel, plan: CampaignPlan, kind: CampaignKind, catalogue: SchemeCatalogue,
                       on db: any Database) async throws -> [(named: Named, unit: OrganisationModel)] {
        let named = try await Self.named(ownerPath: award.ownerPath, subject: award.subject, kind: kind, year: award.year, on: db)
        let units = try await OrganisationModel.query(on: db).filter(\.$id ~~ Set(named.map(\.application.unitID))).all()
        let unitByID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        // The policy of the scheme in force for each unit's kind.
        var chosen: [(Named, OrganisationModel)] = []
        let byKind = Dictionary(grouping: named) { unitByID[$0.application.unitID]?.kind ?? "" }
        for (kindText, group) in byKind {
            guard let unionKind = UnionKind(rawValue: kindText), let pin = plan.scheme(for: unionKind),
                  let scheme = catalogue.scheme(pin.schemeID) else { continue }
            let picked = kind == .reReview
                ? ReReviewCohort.reReview(group.map(\.cohort), policy: scheme.reReview, year: award.year)
                : ReReviewCohort.selfCheck(group.map(\.cohort), policy: scheme.reReview, year: award.year)
            let ids = Set(picked.map(\.application))
            for entry in group where ids.contains(entry.cohort.application) {
                if let unit = unitByID[entry.application.unitID], unit.retiredAt == nil { chosen.append((entry, unit)) }
            }
        }
        return chosen.sorted { ($0.1.path, $0.0.campaign.year) < ($1.1.path, $1.0.campaign.year) }
    }

    /// Opens (or extends) the round of `kind` beside the award campaign: one campaign of that kind
    /// for the owner and year, on the award's schemes and dates, and a self-check drafted for every
    /// unit of the cohort, each pointing at its named application. Returns the round's id.
    static func open(_ kind: CampaignKind, beside award: CampaignModel, plan: CampaignPlan, owner: OrganisationModel,
                     title: String, app: Application, actor: AuditDraft.Actor) async throws -> UUID {
        let catalogue = app.catalogue
        return try await app.writes.perform { db in
            let cohort = try await cohort(for: award, plan: plan, kind: kind, catalogue: catalogue, on: db)
            guard !cohort.isEmpty else { throw AppError.conflict(Strings.ReReviews.nobody(kind)) }
            var round = plan
            round.kind = kind
            if kind == .reReview, let first = cohort.first { round.namedInYear = first.named.campaign.year }
            let existing = try await CampaignModel.query(on: db).filter(\.$ownerID == award.ownerID).filter(\.$year == award.year)
                .filter(\.$kind == kind.rawValue).filter(\.$subject == award.subject).first()
            let roundID: UUID
            if let existing {
                roundID = existing.id!
            } else {
                roundID = try await CampaignStore.create(title: title, owner: owner, plan: round, texts: [:], actor: actor, on: db)
            }
            for (named, unit) in cohort {
                guard let unionKind = unit.kind.flatMap(UnionKind.init(rawValue:)), let pin = plan.scheme(for: unionKind) else { continue }
                if try await ApplicationModel.query(on: db).filter(\.$campaignID == roundID).filter(\.$unitID == unit.id!).first() != nil { continue }
                let application = ApplicationStore.newApplication(campaignID: roundID, unit: unit, pin: pin, at: actor.at)
                application.state = ApplicationState.drafting.rawValue
                application.earlierApplicationID = named.application.id
                application.tier = named.cohort.heldTier
                // A chair's name is the person's: the round re-reviews the person it named.
                application.chairJSON = named.application.chairJSON
                application.version = 1
                try await application.create(on: db)
                try await AuditLog.append([AuditDraft(actor: actor, action: "application.\(kind == .reReview ? "openReReview" : "openSelfCheck")",
                                                      entityType: "application", entityID: application.id!.uuidString.lowercased(),
                                                      scope: unit.path, before: AuditDraft.nothing,
                                                      after: ApplicationAuditSnapshot(application, unitName: unit.name))], on: db)
            }
            return roundID
        }
    }

    /// One unit of a re-review round with what the rule reads.
    struct Row: Sendable {
        var application: ApplicationModel
        var unit: OrganisationModel
        var heldTier: String
        var scheme: Scheme
        var inspected: Points?
        var vetoes: [VetoHit]
        var recorded: ReReviewOutcome?
    }

    static func rows(round: CampaignModel, plan: CampaignPlan, on db: any Database) async throws -> [Row] {
        let applications = try await ApplicationModel.query(on: db).filter(\.$campaignID == round.id!).all()
        let units = try await OrganisationModel.query(on: db).filter(\.$id ~~ applications.map(\.unitID)).all()
        let unitByID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        var rows: [Row] = []
        for application in applications {
            guard let unit = unitByID[application.unitID], let held = application.tier,
                  let kind = unit.kind.flatMap(UnionKind.init(rawValue:)), let pin = plan.scheme(for: kind) else { continue }
            let scheme = try await PinnedSchemes.shared.scorer(for: pin, on: db).scheme
            let vetoes = ((try? CampaignStore.decode([String].self, application.vetoesJSON)) ?? []).map { VetoHit(id: $0, text: $0) }
            rows.append(Row(application: application, unit: unit, heldTier: held, scheme: scheme,
                            inspected: application.inspectedTotal.flatMap { Points(parsing: $0) }, vetoes: vetoes,
                            recorded: application.outcomeJSON.flatMap { try? CampaignStore.decode(ReReviewOutcome.self, $0) }))
        }
        return rows.sorted { $0.unit.path < $1.unit.path }
    }

    /// The outcomes the scheme's rule gives the round's units, computed over the whole cohort of each
    /// scheme at once (Yizheng's last 3 are ranked within the tier); nil until every unit of the
    /// round is inspected, since a rank over part of the cohort would not be the rule's.
    static func computed(_ rows: [Row]) -> [UUID: ReReview.Decision]? {
        guard !rows.isEmpty, rows.allSatisfy({ $0.inspected != nil }) else { return nil }
        var decisions: [UUID: ReReview.Decision] = [:]
        for (_, group) in Dictionary(grouping: rows, by: { $0.scheme.id }) {
            let cases = group.map { ReReview.Case(unit: $0.application.id!.uuidString, tierID: $0.heldTier, score: $0.inspected!, vetoes: $0.vetoes) }
            for decision in ReReview.decide(cases, scheme: group[0].scheme) {
                if let id = UUID(uuidString: decision.unit) { decisions[id] = decision }
            }
        }
        return decisions
    }
}

extension ReReviewStore {
    /// For named applications a re-review has since judged: the tier each holds after it (nil:
    /// delisted). Applications not re-reviewed are not in the answer.
    static func tiersAfterReReview(_ named: [UUID], on db: any Database) async throws -> [UUID: String?] {
        guard !named.isEmpty else { return [:] }
        var after: [UUID: String?] = [:]
        for row in try await ApplicationModel.query(on: db).filter(\.$earlierApplicationID ~~ named).filter(\.$outcomeJSON != nil).all() {
            if let earlier = row.earlierApplicationID, let text = row.outcomeJSON,
               let outcome = try? CampaignStore.decode(ReReviewOutcome.self, text) { after[earlier] = outcome.tierAfter }
        }
        return after
    }

    /// The tier the unit holds before `year` (逐级表彰): its latest naming in an award campaign of
    /// that subject, as any re-review since left it; nil when it holds none.
    static func held(unitID: UUID, subject: Scheme.Subject, before year: Int, on db: any Database) async throws -> String? {
        let named = try await ApplicationModel.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$state == ApplicationState.named.rawValue).all()
        guard !named.isEmpty else { return nil }
        let campaigns = try await CampaignModel.query(on: db).filter(\.$id ~~ named.map(\.campaignID))
            .filter(\.$kind == CampaignKind.award.rawValue).filter(\.$subject == subject.rawValue).filter(\.$year < year).all()
        let yearOf = Dictionary(uniqueKeysWithValues: campaigns.map { ($0.id!, $0.year) })
        guard let latest = named.filter({ yearOf[$0.campaignID] != nil && $0.decidedTier != nil })
            .max(by: { yearOf[$0.campaignID]! < yearOf[$1.campaignID]! }) else { return nil }
        let after = try await tiersAfterReReview([latest.id!], on: db)
        return after[latest.id!] ?? latest.decidedTier
    }

    /// The tiers open to the application's unit this campaign (逐级表彰), lowest first, with why a
    /// higher one is closed.
    static func openTiers(_ context: ApplicationContext, scheme: Scheme, on db: any Database) async throws
        -> (tiers: [Tier], explanation: LocalizedText?) {
        let offered = NoticePinnedScheme.tiers(scheme, plan: context.plan)
        guard scheme.awarding?.tierByTier == true else { return (offered, nil) }
        let held = try await held(unitID: context.unitID, subject: context.plan.campaignSubject, before: context.plan.year, on: db)
        let open = Set(TierLadder.open(scheme.tiers, held: held, policy: scheme.awarding).map(\.id))
        return (offered.filter { open.contains($0.id) }, TierLadder.explanation(tiers: scheme.tiers, held: held, policy: scheme.awarding))
    }
}
