import Fluent
import Foundation
import UnionStarCore
import Vapor

/// This year's re-review (复查) of the unions 乳山 named two years ago (威海市总工会每两年一次对获评单位进行复查),
/// run by the workflow: the round opened beside this year's campaign, each union's self-check handed
/// in, inspected in the last days, and the outcomes 威海 records today — most kept, one downgraded,
/// one delisted — on the public page with their reasons.
struct DemoReReview {
    let app: Application

    func build(orgs: [String: OrganisationModel]) async throws {
        let today = CalendarDate.china(app.clock.now())
        guard let rushan = orgs["rushan"],
              let award = try await CampaignModel.query(on: app.db).filter(\.$ownerID == rushan.id!).filter(\.$year == today.year)
                .filter(\.$kind == CampaignKind.award.rawValue).first(),
              try await CampaignModel.query(on: app.db).filter(\.$ownerID == rushan.id!).filter(\.$year == today.year)
                .filter(\.$kind == CampaignKind.reReview.rawValue).first() == nil,
              let inspector = try await UserModel.query(on: app.db).filter(\.$username == "inspector").first() else { return }
        let plan = try CampaignStore.plan(of: award)
        let actor = { (day: CalendarDate) in
            AuditDraft.Actor.commandLine("demo", at: Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 2 * 3_600))
        }
        let cohort = try await ReReviewStore.cohort(for: award, plan: plan, kind: .reReview, catalogue: app.catalogue, on: app.db)
        guard !cohort.isEmpty else { return }
        let title = Strings.ReReviews.roundTitle(.reReview, year: today.year, namedIn: cohort.first?.named.campaign.year).zh
        let roundID = try await ReReviewStore.open(.reReview, beside: award, plan: plan, owner: rushan, title: title, app: app,
                                                   actor: actor(today.adding(days: -12)))
        // The round's inspection ran in the last days (its own dates: the award's inspection is later).
        guard let round = try await CampaignModel.find(roundID, on: app.db) else { return }
        var roundPlan = try CampaignStore.plan(of: round)
        roundPlan.dates.inspection = DateWindow(from: today.adding(days: -6), by: today.adding(days: 10))
        round.planJSON = CampaignStore.encode(roundPlan)
        try await round.update(on: app.db)

        let prefecture = TreePath(ids: Array(roundPlan.owner.ids.prefix(1)))
        let staff = AccessSubject(accountID: "demo-staff", grants: [Grant(role: .prefectureStaff, scope: prefecture)])
        let inspectorSubject = AccessSubject(accountID: inspector.id!.uuidString.lowercased(), grants: [Grant(role: .inspector, scope: roundPlan.owner)])
        for (index, entry) in cohort.enumerated() {
            let unit = entry.unit
            guard let kind = unit.kind.flatMap(UnionKind.init(rawValue:)), let pin = roundPlan.scheme(for: kind),
                  let scorer = app.catalogue.scorer(pin.schemeID) else { continue }
            let cadre = AccessSubject(accountID: "demo", grants: [Grant(role: .unionCadre, scope: unit.treePath)])
            func step(_ action: ApplicationAction, by subject: AccessSubject, on day: CalendarDate, deciding: TreePath? = nil,
                      _ change: @escaping @Sendable (ApplicationModel, any Database) async throws -> Void = { _, _ in }) async throws {
                let current = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == roundID).filter(\.$unitID == unit.id!).first()
                let user = CurrentUser(id: UUID(), username: "demo", displayName: "demo", mustChangePassword: false, grants: subject.grants,
                                       sessionID: "", csrfToken: "")
                let context = ApplicationContext(campaign: round, plan: roundPlan, unit: unit, pin: pin, application: current, user: user)
                try await ApplicationStore.perform(action, context, version: nil, app: app, today: day, subject: subject, actor: actor(day),
                                                   decidingFederation: deciding, change: change)
            }
            // The self-check: the answers it was named on.
            let answersText = entry.named.application.answersJSON
            let answers = (try? Answers.parse(json: Data(answersText.utf8))) ?? Answers()
            let assessment = scorer.assess(try scorer.resolve(answers, complete: false))
            let total = assessment.total.description, tier = assessment.scoreTier?.id
            try await step(.saveSelfAssessment, by: cadre, on: today.adding(days: -10)) { application, _ in
                application.answersJSON = answersText
                application.selfTotal = total
                application.selfTier = tier
            }
            try await step(.submitSelfCheck, by: cadre, on: today.adding(days: -8))
            // Inspected: the union's own points, except two that slipped (the third and fourth unions).
            let day = today.adding(days: -5)
            var items: [String: Points] = [:]
            var left = index == 2 ? Points(75) : index == 3 ? Points(62) : assessment.total
            for item in assessment.items {
                let given = min(item.score, left)
                items[String(item.number)] = given
                left -= given
            }
            let record = InspectionRecord(visitedOn: day, methods: [.briefing, .records], peopleMet: DemoText.peopleMet,
                                          findings: DemoText.findings, items: items)
            let recordJSON = CampaignStore.encode(record), at = actor(day).at
            try await step(.assignInspectors, by: staff, on: day) { application, db in
                try await DemoInspection.assign(application, inspector: inspector.id!, at: at, on: db)
            }
            try await step(.recordInspection, by: inspectorSubject, on: day) { application, db in
                try await DemoInspection.score(application, recordJSON: recordJSON, at: at, on: db)
            }
            let inspected = record.total.description
            try await step(.completeInspection, by: staff, on: today.adding(days: -2)) { application, _ in
                application.inspectedTotal = inspected
                application.inspectionSpread = "0"
            }
        }
        // 威海 records what the rule computes for the whole round.
        let rows = try await ReReviewStore.rows(round: round, plan: roundPlan, on: app.db)
        guard let computed = ReReviewStore.computed(rows) else { return }
        for row in rows {
            guard let decision = computed[row.application.id!], let kind = row.unit.kind.flatMap(UnionKind.init(rawValue:)),
                  let pin = roundPlan.scheme(for: kind), let score = row.inspected else { continue }
            let outcome = CampaignStore.encode(ReReviewOutcome(outcome: decision.outcome, heldTier: row.heldTier, score: score,
                                                               reason: decision.reason, decidedOn: today))
            let user = CurrentUser(id: UUID(), username: "demo", displayName: "demo", mustChangePassword: false, grants: staff.grants,
                                   sessionID: "", csrfToken: "")
            let context = ApplicationContext(campaign: round, plan: roundPlan, unit: row.unit, pin: pin, application: row.application, user: user)
            try await ApplicationStore.perform(.recordReReviewOutcome, context, version: nil, app: app, today: today, subject: staff,
                                               actor: actor(today), decidingFederation: ReReviewController.reviewingFederation(row)) { application, _ in
                application.outcomeJSON = outcome
            }
        }
    }
}
