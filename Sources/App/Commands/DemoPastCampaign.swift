import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The campaigns of two years ago, run to the end: a few unions of 乳山 and 仪征 taken by the workflow through
/// every step on the days they would have happened — self-assessment, congress and notice, filing,
/// the towns' stamps, inspection, the decision, the results notice and naming — so the demo shows
/// named units, their certificates, the public list and the rewards.
struct DemoPastCampaign {
    let app: Application
    /// How many unions of each campaign are named.
    static let unionsPerCampaign = 8

    func build(orgs: [String: OrganisationModel]) async throws {
        let today = CalendarDate.china(app.clock.now())
        // Two years back: last year's 乳山 campaign is the demo's one under review (DemoCampaigns),
        // and 乳山 re-reviews its units two years after naming them (复查).
        let lastYear = today.adding(days: -730)
        guard let rushan = orgs["rushan"], let yizheng = orgs["yizheng"] else { return }
        let rushanKinds: [UnionKind: String] = [.enterprise: "rushan-2020-enterprise", .regional: "rushan-2020-regional"]
        let yizhengKinds = Dictionary(uniqueKeysWithValues: UnionKind.allCases.map { ($0, "yizheng-2019-union") })
        // 双争: 仪征's chairs are rated in a campaign of their own the same year.
        let chairKinds = Dictionary(uniqueKeysWithValues: (app.catalogue.scheme("yizheng-2019-chair")?.appliesTo ?? [])
            .compactMap(UnionKind.init(rawValue:)).map { ($0, "yizheng-2019-chair") })
        for (owner, kinds, congress, title, subject) in [
            (rushan, rushanKinds, true, DemoText.rushanCampaign(lastYear.year), Scheme.Subject.union),
            (yizheng, yizhengKinds, false, DemoText.yizhengCampaign(lastYear.year), .union),
            (yizheng, chairKinds, false, DemoText.yizhengChairCampaign(lastYear.year), .chair),
        ] where !kinds.isEmpty {
            let dates = DemoCampaigns.dates(around: lastYear, congress: congress, preApplication: false)
            try await run(try await DemoCampaigns(app: app).open(owner, title: title, kinds: kinds, dates: dates, today: lastYear, subject: subject))
        }
    }

    private func run(_ campaignID: UUID) async throws {
        guard let campaign = try await CampaignModel.find(campaignID, on: app.db),
              try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaignID).count() == 0,
              let owner = TreePath(text: campaign.ownerPath) else { return }
        let plan = try CampaignStore.plan(of: campaign)
        let units = try await OrganisationModel.query(on: app.db)
            .filter(\.$level == OrganisationLevel.grassroots.rawValue).filter(\.$path, .custom("LIKE"), campaign.ownerPath + "%")
            .sort(\.$path).all()
        guard let inspector = try await UserModel.query(on: app.db).filter(\.$username == "inspector").first() else { return }
        let inspectorKey = inspector.id!.uuidString.lowercased()
        let calendar = try await CalendarStore.calendar(builtIn: app.builtInCalendar, on: app.db)
        // Staff of the prefecture (the root of the unit's path) may take every step above the union.
        let staff = AccessSubject(accountID: "demo-staff", grants: [Grant(role: .prefectureStaff, scope: TreePath(ids: Array(owner.ids.prefix(1))))])
        var dice = AnswerGenerator(seed: 2019)
        var named = 0
        for unit in units where named < Self.unionsPerCampaign {
            guard let kind = unit.kind.flatMap(UnionKind.init(rawValue:)), let pin = plan.scheme(for: kind),
                  let scorer = app.catalogue.scorer(pin.schemeID) else { continue }
            // A union that reaches a tier without a veto (most real applicants do); the first two meet
            // every requirement (five stars: the prefecture decides and names them).
            // The others stay below the top tier, so the demo names exactly two five-star unions
            // whatever order the units come in (their paths are random ids).
            var answers = named < 2 ? scorer.templateAnswers() : dice.answers(for: scorer)
            var assessment = try scorer.assess(answers)
            let top = scorer.scheme.tiers.last?.id
            for _ in 0..<200 where !assessment.vetoes.isEmpty || assessment.scoreTier == nil || (named >= 2 && assessment.scoreTier?.id == top) {
                answers = dice.answers(for: scorer)
                assessment = try scorer.assess(answers)
            }
            guard assessment.vetoes.isEmpty, let tier = assessment.scoreTier?.id else { continue }
            let cadre = AccessSubject(accountID: "demo", grants: [Grant(role: .unionCadre, scope: unit.treePath)])
            var day = plan.dates.selfCheck.from ?? CalendarDate.china(app.clock.now())
            func step(_ action: ApplicationAction, by subject: AccessSubject, deciding: TreePath? = nil,
                      _ change: @escaping @Sendable (ApplicationModel, any Database) async throws -> Void = { _, _ in }) async throws {
                let current = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaignID).filter(\.$unitID == unit.id!).first()
                let user = CurrentUser(id: UUID(), username: "demo", displayName: "demo", mustChangePassword: false, grants: subject.grants,
                                       sessionID: "", csrfToken: "")
                let context = ApplicationContext(campaign: campaign, plan: plan, unit: unit, pin: pin, application: current, user: user)
                try await ApplicationStore.perform(action, context, version: nil, app: app, today: day, subject: subject,
                                                   actor: actor(day), decidingFederation: deciding, change: change)
            }
            // The union's path: self-assessment, congress, notice, filing.
            let answersJSON = CampaignStore.encode(answers), total = assessment.total.description
            try await step(.startSelfAssessment, by: cadre)
            day = day.adding(days: 3)
            try await step(.saveSelfAssessment, by: cadre) { application, _ in
                application.answersJSON = answersJSON
                application.selfTotal = total
                application.selfTier = tier
            }
            day = day.adding(days: 4)
            if plan.asksCongressDecision {
                let decision = CongressDecision(date: day, kind: .representativesCongress, expected: 60, present: 55, tier: tier, minutesEvidenceID: nil)
                try await step(.recordCongressDecision, by: cadre) { application, _ in
                    application.congressJSON = CampaignStore.encode(decision)
                    application.tier = tier
                }
            }
            // A chair campaign: the chair, eligible (union work since long before, certified in their first year).
            if plan.campaignSubject == .chair {
                let took = plan.dates.applyBy.adding(days: -3 * 365)
                let person = ChairPerson(name: DemoText.chairNames[named % DemoText.chairNames.count], post: named % 4 == 3 ? .presidingViceChair : .chair,
                                         unionWorkSince: took.adding(days: -2 * 365), tookOfficeOn: took, certificateOn: took.adding(days: 120))
                let json = CampaignStore.encode(person)
                try await step(.saveForm, by: cadre) { application, _ in application.chairJSON = json }
            }
            day = day.adding(days: 1)
            let notice = NoticePeriod(starting: day, workingDays: plan.dates.noticeWorkingDays, calendar: calendar)
            let token = RandomToken.make()
            try await step(.startNotice, by: cadre) { application, _ in
                application.tier = tier
                application.noticeStart = notice.start.description
                application.noticeEnd = notice.end.description
                application.noticeToken = token
            }
            day = notice.end.adding(days: 1)
            let formJSON = CampaignStore.encode(DemoCampaigns.registrationForm(unit, tierName: scorer.scheme.tier(id: tier)?.name ?? tier, on: day))
            try await step(.file, by: cadre) { application, _ in application.formJSON = formJSON }
            // 逐级审核盖章: each sub-federation above it, nearest first.
            let chain = try await ApplicationStore.endorsementChain(unit: unit, owner: plan.owner, on: app.db)
            day = day.adding(days: 2)
            for endorser in chain.endorsers {
                let reviewer = AccessSubject(accountID: "demo-reviewer", grants: [Grant(role: .subFederationReviewer, scope: endorser)])
                let at = actor(day).at, dated = day.description
                try await step(.endorse, by: reviewer) { application, db in
                    let row = EndorsementModel()
                    row.id = UUID()
                    row.applicationID = application.id!
                    row.round = application.round
                    row.endorserID = UUID(uuidString: endorser.ids.last!)!
                    row.endorserPath = endorser.text
                    row.opinion = DemoText.endorsement
                    row.dated = dated
                    row.endorsedBy = DemoText.reviewer
                    row.endorsedAt = at
                    try await row.create(on: db)
                }
            }
            // Inspection by the demo's inspector, who scores what the union reported.
            day = plan.dates.inspection.from ?? day
            let assignedAt = actor(day).at
            try await step(.assignInspectors, by: staff) { application, db in
                try await DemoInspection.assign(application, inspector: inspector.id!, at: assignedAt, on: db)
            }
            var items: [String: Points] = [:]
            for item in assessment.items { items[String(item.number)] = item.score }
            let record = InspectionRecord(visitedOn: day, methods: [.briefing, .records, .interviews], peopleMet: DemoText.peopleMet,
                                          findings: DemoText.findings, items: items)
            let recordJSON = CampaignStore.encode(record)
            let inspectorSubject = AccessSubject(accountID: inspectorKey, grants: [Grant(role: .inspector, scope: owner)])
            try await step(.recordInspection, by: inspectorSubject) { application, db in
                try await DemoInspection.score(application, recordJSON: recordJSON, at: assignedAt, on: db)
            }
            day = day.adding(days: 1)
            let inspected = record.total.description
            try await step(.completeInspection, by: staff) { application, _ in
                application.inspectedTotal = inspected
                application.inspectionSpread = "0"
            }
            // The decision, by the level that accepts the tier.
            let tiers = scorer.scheme.tiers
            let decided = TierAcceptance.computed(inspected: record.total, vetoed: false, applied: tier, tiers: tiers)
            let deciding = DecisionController.decidingFederation(tier: decided, applied: tier, tiers: tiers, unit: unit.treePath)
            day = day.adding(days: 1)
            let decidedOn = day.description
            try await step(.decideTier, by: staff, deciding: deciding) { application, _ in
                application.decidedTier = decided
                application.decidedBy = DemoText.reviewer
                application.decidedOn = decidedOn
            }
            // The results notice, then naming the day after it ends.
            day = (plan.dates.inspection.by ?? day).adding(days: 1)
            guard case .success(let results) = ApplicationWorkflow.checkResultsNotice(starting: day, campaign: plan, calendar: calendar) else { continue }
            let resultsToken = RandomToken.make()
            try await step(.startResultsNotice, by: staff) { application, _ in
                application.resultsStart = results.start.description
                application.resultsEnd = results.end.description
                application.resultsToken = resultsToken
            }
            day = results.end.adding(days: 1)
            let user = CurrentUser(id: UUID(), username: "demo", displayName: "demo", mustChangePassword: false, grants: staff.grants,
                                   sessionID: "", csrfToken: "")
            let current = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaignID).filter(\.$unitID == unit.id!).first()
            try await ResultsStore.name(ApplicationContext(campaign: campaign, plan: plan, unit: unit, pin: pin, application: current, user: user),
                                        version: nil, app: app, today: day, actor: actor(day))
            named += 1
        }
    }

    private func actor(_ day: CalendarDate) -> AuditDraft.Actor {
        AuditDraft.Actor.commandLine("demo", at: Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 2 * 3_600))
    }
}
