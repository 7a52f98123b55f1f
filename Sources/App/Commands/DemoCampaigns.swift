import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The demo's living campaigns: 乳山市总工会 on both of its standards and 仪征市总工会 on its union
/// scheme, for the current year, with the windows placed around today so a newcomer can act, and
/// units already in every state (moved there through the workflow on earlier days); and 乳山's
/// campaign of the year before, placed a month earlier so that its inspection is open today, with
/// one union endorsed and the demo's inspector assigned to it.
struct DemoCampaigns {
    let app: Application

    /// Dates around `today`: the self-check has been open 20 days and closes in 7; the congress
    /// decision, the notice and the application follow; inspection after.
    static func dates(around today: CalendarDate, congress: Bool, preApplication: Bool) -> CampaignDates {
        CampaignDates(
            preApplication: preApplication ? DateWindow(from: today.adding(days: -60), by: today.adding(days: -25)) : nil,
            selfCheck: DateWindow(from: today.adding(days: -20), by: today.adding(days: 7)),
            congressBy: congress ? today.adding(days: 10) : nil,
            noticeWorkingDays: 5,
            applyBy: today.adding(days: 25),
            inspection: DateWindow(from: today.adding(days: 26), by: today.adding(days: 40)),
            resultsNoticeWorkingDays: congress ? nil : 5,
            recommendBy: congress ? nil : today.adding(days: 55))
    }

    func build(orgs: [String: OrganisationModel]) async throws {
        let today = CalendarDate.china(app.clock.now())
        guard let rushan = orgs["rushan"], let yizheng = orgs["yizheng"] else { return }
        let rushanKinds: [UnionKind: String] = [.enterprise: "rushan-2020-enterprise", .hospital: "rushan-2020-enterprise",
                                                .school: "rushan-2020-enterprise", .regional: "rushan-2020-regional",
                                                .industry: "rushan-2020-regional"]
        let yizhengKinds = Dictionary(uniqueKeysWithValues: UnionKind.allCases.map { ($0, "yizheng-2019-union") })
        let rushanCampaign = try await open(rushan, title: DemoText.rushanCampaign(today.year), kinds: rushanKinds,
                                            dates: Self.dates(around: today, congress: true, preApplication: false), today: today)
        let yizhengCampaign = try await open(yizheng, title: DemoText.yizhengCampaign(today.year), kinds: yizhengKinds,
                                             dates: Self.dates(around: today, congress: false, preApplication: true), today: today)
        // The units with accounts of their own for a fixed state, whatever the dice give the rest.
        var fixed: [UUID: FixedState] = [:]
        if let id = orgs["freshUnion"]?.id { fixed[id] = .notStarted }
        if let id = orgs["noticeOverUnion"]?.id { fixed[id] = .noticeOver }
        if let id = orgs["filedUnion"]?.id { fixed[id] = .filed }
        if let id = orgs["inspectionUnion"]?.id { fixed[id] = .notStarted }
        try await populate(rushanCampaign, today: today, fixed: fixed)
        try await populate(yizhengCampaign, today: today, fixed: fixed)
        // Last year's campaign, its dates a month back: the inspection is open today.
        guard let inspected = orgs["inspectionUnion"]?.id else { return }
        let earlier = today.adding(days: -30)
        var dates = Self.dates(around: earlier, congress: true, preApplication: false)
        // A campaign's dates lie in its year or the next (CampaignDates.problems).
        dates.inspection.by = min(dates.inspection.by ?? today, CalendarDate(year: today.year, month: 12, day: 31)!)
        let reviewCampaign = try await open(rushan, title: DemoText.rushanReviewCampaign(today.year - 1), kinds: rushanKinds, dates: dates,
                                            today: today, year: today.year - 1)
        try await populate(reviewCampaign, today: earlier, fixed: [inspected: .inspecting], only: [inspected])
    }

    /// The 申报登记表 a demo union files: its chair and phone (or the demo's), the demo's main work
    /// and its own opinion on `day`.
    static func registrationForm(_ unit: OrganisationModel, tierName: String, on day: CalendarDate) -> RegistrationForm {
        RegistrationForm(unitName: unit.name, tier: tierName, chairName: unit.chair.isEmpty ? DemoText.chair : unit.chair,
                         phone: unit.phone.isEmpty ? "0631-6663572" : unit.phone, mainWork: DemoText.mainWork,
                         opinions: [.unitUnion: .init(text: DemoText.unitOpinion, date: day, by: unit.name)])
    }

    /// A state a unit is always left in, so the account printed for it finds it so: not started
    /// (the whole path from 开始自查自评), or fully compliant with its congress decided and its
    /// notice over, nothing filed yet (the 申报登记表 and the filing).
    enum FixedState {
        case notStarted
        case noticeOver
        /// Like `noticeOver`, then filed, waiting for the stamp of the sub-federation above it while
        /// the inspection is still ahead (the part 2 walk: stamp, inspection, decision, naming).
        case filed
        /// Like `noticeOver`, then filed, endorsed by each sub-federation above it and given the
        /// demo's inspector, who has not scored yet (the inspector's page on a phone).
        case inspecting
    }

    /// Opens the owner's campaign of `year` (default: `today`'s), or finds the one there is.
    func open(_ owner: OrganisationModel, title: String, kinds: [UnionKind: String], dates: CampaignDates,
              today: CalendarDate, year: Int? = nil, subject: Scheme.Subject = .union) async throws -> UUID {
        let year = year ?? today.year
        if let existing = try await CampaignModel.query(on: app.db).filter(\.$ownerID == owner.id!).filter(\.$year == year)
            .filter(\.$kind == CampaignKind.award.rawValue).filter(\.$subject == subject.rawValue).first() {
            return existing.id!
        }
        var pins: [UnionKind: SchemePin] = [:]
        var texts: [String: CampaignStore.SchemeSourceText] = [:]
        for (kind, id) in kinds {
            guard let (pin, text) = app.catalogue.pin(id) else { continue }
            pins[kind] = pin
            texts[pin.contentHash] = .init(schemeID: id, version: pin.version, text: text)
        }
        let first = app.catalogue.scheme(kinds[.enterprise]!)!
        var plan = CampaignPlan(year: year, owner: owner.treePath, schemes: pins, dates: dates,
                                participationTarget: first.timeline?.participationTarget ?? 85, tiersOnOffer: first.tiers.map(\.id))
        if subject == .chair { plan.subject = .chair }
        let chosen = plan
        let actor = AuditDraft.Actor.commandLine("demo", at: app.clock.now())
        let sendableTexts = texts
        return try await app.writes.perform { db in
            try await CampaignStore.create(title: title, owner: owner, plan: chosen, texts: sendableTexts, actor: actor, on: db)
        }
    }

    /// Moves the campaign's units, in turn, to every state: the first few stay not started, the
    /// rest are spread over pre-applied (Yizheng), drafting, decided (Rushan), on notice, filed and
    /// returned, each moved by the workflow on the day it would have happened. The `fixed` units
    /// go to their own state instead; with `only`, no other unit takes part.
    private func populate(_ campaignID: UUID, today: CalendarDate, fixed: [UUID: FixedState], only: Set<UUID>? = nil) async throws {
        guard let campaign = try await CampaignModel.find(campaignID, on: app.db),
              try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaignID).count() == 0 else { return }
        let plan = try CampaignStore.plan(of: campaign)
        let units = try await OrganisationModel.query(on: app.db)
            .filter(\.$level == OrganisationLevel.grassroots.rawValue).filter(\.$path, .custom("LIKE"), campaign.ownerPath + "%")
            .sort(\.$path).all()
        var targets: [ApplicationState] = [.drafting, .onNotice, .filed, .drafting, .returned, .notStarted]
        targets.insert(plan.asksCongressDecision ? .congressDecided : .preApplied, at: 1)
        var dice = AnswerGenerator(seed: 2020)
        for (index, unit) in units.enumerated() {
            guard let kind = unit.kind.flatMap(UnionKind.init(rawValue:)), let pin = plan.scheme(for: kind),
                  let scorer = app.catalogue.scorer(pin.schemeID) else { continue }
            if let only, !only.contains(unit.id!) { continue }
            let fixedState = fixed[unit.id!]
            // Fully compliant with the notice over: to file, or filed (and on to the inspection).
            let target: ApplicationState = switch fixedState {
            case .notStarted: .notStarted
            case .noticeOver: .onNotice
            case .filed, .inspecting: .filed
            case nil: targets[index % targets.count]
            }
            let compliant = fixedState != nil && fixedState != .notStarted
            if target == .notStarted { continue }
            let cadre = AccessSubject(accountID: "demo", grants: [Grant(role: .unionCadre, scope: unit.treePath)])
            let user = CurrentUser(id: UUID(), username: "demo", displayName: "demo", mustChangePassword: false,
                                   grants: cadre.grants, sessionID: "", csrfToken: "")
            let context = { (application: ApplicationModel?) in
                ApplicationContext(campaign: campaign, plan: plan, unit: unit, pin: pin, application: application, user: user)
            }
            let actor = { (day: CalendarDate) in
                AuditDraft.Actor.commandLine("demo", at: Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 2 * 3_600))
            }
            var day = plan.dates.selfCheck.from ?? today.adding(days: -20)
            func step(_ action: ApplicationAction, _ change: @escaping @Sendable (ApplicationModel, any Database) async throws -> Void = { _, _ in }) async throws -> ApplicationModel {
                let current = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaignID).filter(\.$unitID == unit.id!).first()
                return try await ApplicationStore.perform(action, context(current), version: nil, app: app, today: day, subject: cadre,
                                                          actor: actor(day), change: change)
            }
            if target == .preApplied {
                day = plan.dates.preApplication?.from ?? day
                let tier = plan.tiersOnOffer.first ?? ""
                _ = try await step(.preApply) { application, _ in application.aimedTier = tier }
                continue
            }
            _ = try await step(.startSelfAssessment)
            var answers = compliant ? scorer.templateAnswers() : dice.answers(for: scorer)
            // The dice answer each veto fact wrong one time in five, so two units in three would stop
            // at a veto; most real unions answer none. Redraw, but for about one unit in ten.
            if !compliant, dice.next(below: 10) != 0 {
                for _ in 0..<100 where !(try scorer.assess(answers)).vetoes.isEmpty { answers = dice.answers(for: scorer) }
            }
            let assessment = try scorer.assess(answers)
            let answersJSON = CampaignStore.encode(answers)
            let total = assessment.total.description, tier = assessment.scoreTier?.id ?? plan.tiersOnOffer.first ?? ""
            let vetoes = CampaignStore.encode(assessment.vetoes.map(\.text))
            day = day.adding(days: 3)
            _ = try await step(.saveSelfAssessment) { application, _ in
                application.answersJSON = answersJSON
                application.selfTotal = total
                application.selfTier = assessment.scoreTier?.id
                application.vetoesJSON = vetoes
            }
            if target == .drafting || !assessment.vetoes.isEmpty { continue }
            // On notice: started today for those still on notice, nine days ago for the filed and
            // returned ones (over by now); the congress met the day before. The notice-over unit's
            // notice started as late as lets it end before today, holidays and all.
            let calendar = try await CalendarStore.calendar(builtIn: app.builtInCalendar, on: app.db)
            var start = target == .onNotice || target == .congressDecided ? today : today.adding(days: -9)
            if compliant {
                start = today.adding(days: -plan.dates.noticeWorkingDays - 2)
                while NoticePeriod(starting: start, workingDays: plan.dates.noticeWorkingDays, calendar: calendar).end >= today {
                    start = start.adding(days: -1)
                }
            }
            day = start.adding(days: -1)
            if plan.asksCongressDecision {
                let decision = CongressDecision(date: day, kind: .representativesCongress, expected: 60, present: 52, tier: tier, minutesEvidenceID: nil)
                _ = try await step(.recordCongressDecision) { application, _ in
                    application.congressJSON = CampaignStore.encode(decision)
                    application.tier = tier
                }
                if target == .congressDecided { continue }
            }
            let notice = NoticePeriod(starting: start, workingDays: plan.dates.noticeWorkingDays, calendar: calendar)
            let token = RandomToken.make()
            _ = try await step(.startNotice) { application, _ in
                application.tier = tier
                application.noticeStart = notice.start.description
                application.noticeEnd = notice.end.description
                application.noticeToken = token
            }
            if target == .onNotice { continue }
            day = notice.end.adding(days: 1)
            let formJSON = CampaignStore.encode(DemoCampaigns.registrationForm(unit, tierName: scorer.scheme.tier(id: tier)?.name ?? tier, on: day))
            let filedAt = actor(day).at
            _ = try await step(.file) { application, db in
                application.formJSON = formJSON
                let round = ApplicationRoundModel()
                round.applicationID = application.id!
                round.round = application.round
                round.filedAt = filedAt
                round.filedBy = DemoText.chair
                round.tier = tier
                round.selfTotal = total
                round.formJSON = formJSON
                round.answersJSON = answersJSON
                round.notesJSON = application.notesJSON
                try await round.create(on: db)
            }
            if target == .returned {
                day = today
                let reviewer = AccessSubject(accountID: "demo-reviewer", grants: [Grant(role: .federationStaff, scope: TreePath(text: campaign.ownerPath))])
                let returnedOn = today.description
                _ = try await ApplicationStore.perform(.returnApplication,
                                                       context(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaignID).filter(\.$unitID == unit.id!).first()),
                                                       version: nil, app: app, today: today, subject: reviewer, actor: actor(today)) { application, db in
                    application.returnedOn = returnedOn
                    application.returnReason = DemoText.returnReason
                    if let round = try await ApplicationRoundModel.query(on: db).filter(\.$applicationID == application.id!)
                        .filter(\.$round == application.round).first() {
                        round.returnedAt = filedAt
                        round.returnedBy = DemoText.reviewer
                        round.returnReason = DemoText.returnReason
                        try await round.update(on: db)
                    }
                }
            }
            if fixedState == .inspecting {
                let current = { try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaignID).filter(\.$unitID == unit.id!).first() }
                try await endorseAndAssign(unit: unit, plan: plan, day: day, actor: actor(day)) { context(try await current()) }
            }
        }
    }

    /// 逐级审核盖章 by each sub-federation above the unit, then the demo's inspector assigned by the
    /// federation's staff, all on `day`, through the workflow as the reviewers and staff would.
    private func endorseAndAssign(unit: OrganisationModel, plan: CampaignPlan, day: CalendarDate, actor: AuditDraft.Actor,
                                  context: () async throws -> ApplicationContext) async throws {
        for endorser in try await ApplicationStore.endorsementChain(unit: unit, owner: plan.owner, on: app.db).endorsers {
            guard let endorserID = endorser.ids.last.flatMap(UUID.init(uuidString:)) else { continue }
            let reviewer = AccessSubject(accountID: "demo-reviewer", grants: [Grant(role: .subFederationReviewer, scope: endorser)])
            _ = try await ApplicationStore.perform(.endorse, try await context(), version: nil, app: app, today: day, subject: reviewer,
                                                   actor: actor) { application, db in
                try await EndorsementModel(applicationID: application.id!, round: application.round, endorserID: endorserID,
                                           endorserPath: endorser.text, opinion: DemoText.endorsement, dated: day,
                                           endorsedBy: DemoText.townReviewer, endorsedAt: actor.at).create(on: db)
            }
        }
        guard let inspector = try await UserModel.query(on: app.db).filter(\.$username == "inspector").first()?.id else { return }
        let staff = AccessSubject(accountID: "demo-staff", grants: [Grant(role: .federationStaff, scope: plan.owner)])
        _ = try await ApplicationStore.perform(.assignInspectors, try await context(), version: nil, app: app, today: day, subject: staff,
                                               actor: actor) { application, db in
            try await InspectionAssignmentModel(applicationID: application.id!, inspectorID: inspector, assignedBy: DemoText.reviewer,
                                                assignedAt: actor.at).create(on: db)
        }
    }
}
