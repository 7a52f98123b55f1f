/// What the workflow needs to know about one application to judge an action.
public struct ApplicationSnapshot: Sendable, Hashable {
    public var state: ApplicationState
    /// The unit's place in the tree.
    public var unit: TreePath
    /// The unit's notice, once started.
    public var notice: NoticePeriod?
    /// Objections lodged and not yet answered.
    public var unansweredObjections: Int
    /// Vetoes the self-assessment answered (一票否决): no tier can be applied for.
    public var vetoes: [String]
    /// The day it was returned, for the deadline to file again.
    public var returnedOn: CalendarDate?
    /// The unit was retired (撤销): it does no more work.
    public var unitRetired: Bool
    /// The sub-federations still to endorse this round, nearest the union first (`EndorsementChain`).
    public var pendingEndorsers: [TreePath]
    /// The accounts assigned to inspect the unit, and those of them who have scored it.
    public var inspectors: Set<String>
    public var inspectorsScored: Set<String>
    /// The federation whose staff decide the tier (`TierAcceptance.decidingLevel`).
    public var decidingFederation: TreePath?
    /// The federation whose staff name the unit (`TierAcceptance.namingLevel`); nil: the deciding one.
    public var namingFederation: TreePath?
    /// The tier decided; nil for "not named" (or before the decision).
    public var decidedTier: String?
    /// The results notice, once started.
    public var resultsNotice: NoticePeriod?
    /// In a chair campaign: the person assessed (nil: not entered yet).
    public var chair: ChairPerson? = nil

    public init(state: ApplicationState, unit: TreePath, notice: NoticePeriod? = nil, unansweredObjections: Int = 0,
                vetoes: [String] = [], returnedOn: CalendarDate? = nil, unitRetired: Bool = false,
                pendingEndorsers: [TreePath] = [], inspectors: Set<String> = [], inspectorsScored: Set<String> = [],
                decidingFederation: TreePath? = nil, namingFederation: TreePath? = nil, decidedTier: String? = nil,
                resultsNotice: NoticePeriod? = nil) {
        self.state = state
        self.unit = unit
        self.unitRetired = unitRetired
        self.notice = notice
        self.unansweredObjections = unansweredObjections
        self.vetoes = vetoes
        self.returnedOn = returnedOn
        self.pendingEndorsers = pendingEndorsers
        self.inspectors = inspectors
        self.inspectorsScored = inspectorsScored
        self.decidingFederation = decidingFederation
        self.namingFederation = namingFederation
        self.decidedTier = decidedTier
        self.resultsNotice = resultsNotice
    }
}

/// A staff decision to keep a step open longer for one unit (逾期补报), with its reason.
public struct DeadlineExtension: Sendable, Hashable, Codable {
    public var step: CampaignStep
    public var until: CalendarDate
    public var reason: String

    public init(step: CampaignStep, until: CalendarDate, reason: String) {
        self.step = step
        self.until = until
        self.reason = reason
    }
}

/// Why an action is refused, with a sentence for the person.
public enum WorkflowRefusal: Error, Sendable, Hashable {
    /// The policy says no (out of reach: the app answers "not found").
    case access(AccessDecision)
    case wrongState(ApplicationState)
    /// The campaign has no such step (no pre-application, no congress decision).
    case notInThisCampaign(CampaignStep)
    case notYetOpen(CampaignStep, opens: CalendarDate)
    case closed(CampaignStep, closedOn: CalendarDate)
    case vetoed([String])
    case noticeRunning(endsOn: CalendarDate)
    case noticeNotRunning
    case noticeEndsTooLate(endsOn: CalendarDate, applyBy: CalendarDate)
    case objectionsUnanswered(Int)
    /// A reviewer above the sub-federation whose turn it is (逐级: the nearest endorses first).
    case awaitingEndorsement(by: TreePath)
    case noInspectors
    case inspectionsOutstanding(Int)
    /// The tier is accepted by a federation above the deciding staff's (五星: 威海市总工会).
    case decidedAbove
    case resultsNoticeRunning(endsOn: CalendarDate)
    case resultsNoticeEndsTooLate(endsOn: CalendarDate, by: CalendarDate)
    case resultsObjectionsUnanswered(Int)
    /// A chair campaign's person does not meet 从事工会工作三年以上 / 上岗一年内取得上岗资格培训证书.
    case chairIneligible([ChairEligibility.Reason])

    public var message: LocalizedText { Strings.Campaign.refusal(self) }
}

/// The application's state machine: for each action, the states it starts from, the state it
/// leads to, who may take it and the dates that bound it. The app asks `check` before every
/// change and stores what it answers; it never decides on its own.
public enum ApplicationWorkflow {
    /// Working days a returned application has to be filed again, when that ends after the
    /// application deadline (our default; see docs/DECISIONS.md).
    public static let refileWorkingDays = 5

    /// The access-policy action that carries each workflow action.
    public static func accessAction(for action: ApplicationAction) -> Action? {
        switch action {
        case .preApply, .startSelfAssessment, .saveSelfAssessment, .uploadEvidence, .recordCongressDecision,
             .startNotice, .answerObjection, .saveForm, .file:
            .workOnApplication
        case .returnApplication: .returnApplication
        case .lodgeObjection: nil  // members and the public, without an account
        case .endorse: .endorseApplication
        case .assignInspectors, .completeInspection, .startResultsNotice, .answerResultsObjection: .manageReview
        case .recordInspection: .recordInspection
        case .decideTier, .name, .recordReReviewOutcome: .decideTier
        case .submitSelfCheck: .workOnApplication
        }
    }

    /// The states an action starts from, in a campaign of this kind.
    public static func from(_ action: ApplicationAction, asksCongress: Bool, kind: CampaignKind = .award) -> Set<ApplicationState> {
        if kind != .award { return roundFrom(action, kind: kind) }
        return switch action {
        case .preApply: [.notStarted, .preApplied]
        case .startSelfAssessment: [.notStarted, .preApplied]
        case .saveSelfAssessment, .uploadEvidence: [.drafting, .returned]
        // Again from `congressDecided`: a correction, until the notice makes the tier public.
        case .recordCongressDecision: [.drafting, .congressDecided]
        case .startNotice: asksCongress ? [.congressDecided] : [.drafting]
        // The public objects to the unit's notice, and to the results notice.
        case .lodgeObjection: [.onNotice, .onResultsNotice]
        case .answerObjection: [.onNotice, .filed, .returned]
        // Filed, the form is the level above's to read, not the union's to change.
        case .saveForm: [.drafting, .congressDecided, .onNotice, .returned]
        case .file: [.onNotice, .returned]
        case .returnApplication: [.filed, .endorsed]
        case .endorse: [.filed]
        case .assignInspectors, .recordInspection, .completeInspection: [.endorsed]
        case .decideTier: [.inspected]
        case .startResultsNotice: [.decided]
        case .answerResultsObjection, .name: [.onResultsNotice]
        case .submitSelfCheck, .recordReReviewOutcome: []
        }
    }

    /// A re-review or self-check round: the self-check (opened as a draft for every unit of the
    /// round), handed in; a re-review is then inspected as an application is, and its outcome
    /// recorded. Nothing else of the award's path happens in a round.
    static func roundFrom(_ action: ApplicationAction, kind: CampaignKind) -> Set<ApplicationState> {
        switch action {
        case .saveSelfAssessment, .uploadEvidence, .submitSelfCheck: [.drafting]
        case .assignInspectors, .recordInspection, .completeInspection: kind == .reReview ? [.selfChecked] : []
        case .recordReReviewOutcome: kind == .reReview ? [.inspected] : []
        default: []
        }
    }

    /// The state an action leads to from the application's state.
    public static func next(_ action: ApplicationAction, on application: ApplicationSnapshot) -> ApplicationState {
        let state = application.state
        switch action {
        case .preApply: return .preApplied
        case .startSelfAssessment: return .drafting
        case .saveSelfAssessment, .uploadEvidence, .lodgeObjection, .answerObjection, .saveForm, .assignInspectors, .recordInspection,
             .answerResultsObjection:
            return state
        case .recordCongressDecision: return .congressDecided
        case .startNotice: return .onNotice
        // A union with no sub-federation above it goes straight to its federation.
        case .file: return application.pendingEndorsers.isEmpty ? .endorsed : .filed
        case .returnApplication: return .returned
        // The last endorser's stamp completes the chain.
        case .endorse: return application.pendingEndorsers.count <= 1 ? .endorsed : .filed
        case .completeInspection: return .inspected
        case .decideTier: return .decided
        case .startResultsNotice: return .onResultsNotice
        case .name: return application.decidedTier == nil ? .notNamed : .named
        case .submitSelfCheck: return .selfChecked
        case .recordReReviewOutcome: return .reReviewed
        }
    }

    /// The last day a returned application may be filed again: the application deadline, or
    /// `refileWorkingDays` working days after the return when that is later.
    public static func refileBy(returnedOn: CalendarDate, applyBy: CalendarDate, calendar: WorkingDayCalendar) -> CalendarDate {
        max(applyBy, calendar.adding(workingDays: refileWorkingDays, to: returnedOn))
    }

    /// May `subject` (nil: someone without an account) take `action` on the application today?
    /// Answers the state it leads to, or why not.
    public static func check(
        _ action: ApplicationAction, by subject: AccessSubject?, on application: ApplicationSnapshot,
        campaign: CampaignPlan, today: CalendarDate, calendar: WorkingDayCalendar, extensions: [DeadlineExtension] = []
    ) -> Result<ApplicationState, WorkflowRefusal> {
        // Who: role × the unit's place.
        if let access = accessAction(for: action) {
            guard let subject else { return .failure(.access(.outOfReach)) }
            let target = AccessTarget(place: .node(application.unit), state: application.unitRetired ? .retired : .active,
                                      assignees: application.inspectors)
            let decision = AccessPolicy.decide(subject, access, on: target)
            guard decision.isAllowed else { return .failure(.access(decision)) }
        }
        // In which state.
        let dates = campaign.dates
        guard from(action, asksCongress: campaign.asksCongressDecision, kind: campaign.campaignKind).contains(application.state) else {
            return .failure(.wrongState(application.state))
        }
        // By which date.
        func extended(_ step: CampaignStep) -> CalendarDate? {
            extensions.filter { $0.step == step }.map(\.until).max()
        }
        func within(_ step: CampaignStep, closes: CalendarDate?) -> WorkflowRefusal? {
            if let opens = dates.opens(step), today < opens { return .notYetOpen(step, opens: opens) }
            guard let closes else { return nil }
            let last = max(closes, extended(step) ?? closes)
            return today > last ? .closed(step, closedOn: last) : nil
        }
        switch action {
        case .preApply:
            guard let window = dates.preApplication else { return .failure(.notInThisCampaign(.preApplication)) }
            if let refusal = within(.preApplication, closes: window.by) { return .failure(refusal) }
        case .startSelfAssessment:
            if let refusal = within(.selfCheck, closes: dates.selfCheck.by) { return .failure(refusal) }
        case .submitSelfCheck:
            if let refusal = within(.selfCheck, closes: dates.selfCheck.by) { return .failure(refusal) }
        case .saveSelfAssessment, .uploadEvidence:
            if application.state == .returned {
                if let refusal = refileWindow(application, dates: dates, today: today, calendar: calendar, extended: extended(.application)) {
                    return .failure(refusal)
                }
            } else if let refusal = within(.selfCheck, closes: dates.selfCheck.by) {
                return .failure(refusal)
            }
        case .recordCongressDecision:
            guard campaign.asksCongressDecision else { return .failure(.notInThisCampaign(.congressDecision)) }
            if !application.vetoes.isEmpty { return .failure(.vetoed(application.vetoes)) }
            if let refusal = within(.congressDecision, closes: dates.congressBy) { return .failure(refusal) }
        case .startNotice:
            if !application.vetoes.isEmpty { return .failure(.vetoed(application.vetoes)) }
            if let refusal = chairRefusal(application, campaign: campaign) { return .failure(refusal) }
            if let refusal = within(.application, closes: dates.applyBy) { return .failure(refusal) }
        case .lodgeObjection:
            let running = application.state == .onResultsNotice ? application.resultsNotice : application.notice
            guard let notice = running, notice.isRunning(on: today) else { return .failure(.noticeNotRunning) }
        case .answerObjection, .answerResultsObjection:
            break
        case .saveForm:
            // The form is filed with the application: it closes with the application deadline
            // (or, returned, with the window to file again).
            if application.state == .returned {
                if let refusal = refileWindow(application, dates: dates, today: today, calendar: calendar, extended: extended(.application)) {
                    return .failure(refusal)
                }
            } else if let refusal = within(.application, closes: dates.applyBy) {
                return .failure(refusal)
            }
        case .file:
            if !application.vetoes.isEmpty { return .failure(.vetoed(application.vetoes)) }
            if let refusal = chairRefusal(application, campaign: campaign) { return .failure(refusal) }
            if application.state == .onNotice, let notice = application.notice, !notice.isOver(on: today) {
                return .failure(.noticeRunning(endsOn: notice.end))
            }
            if application.unansweredObjections > 0 { return .failure(.objectionsUnanswered(application.unansweredObjections)) }
            if application.state == .returned {
                if let refusal = refileWindow(application, dates: dates, today: today, calendar: calendar, extended: extended(.application)) {
                    return .failure(refusal)
                }
            } else if let refusal = within(.application, closes: dates.applyBy) {
                return .failure(refusal)
            }
        case .returnApplication:
            break
        case .endorse:
            // 逐级: the nearest sub-federation that has not endorsed stamps next, by its own reviewer.
            guard let turn = application.pendingEndorsers.first else { return .failure(.wrongState(application.state)) }
            guard let subject, AccessPolicy.permits(subject, .endorseApplication, on: .organisation(turn)) else {
                return .failure(.access(.outOfReach))
            }
            if !subject.grants.contains(where: { $0.role == .subFederationReviewer && $0.scope == turn }) {
                return .failure(.awaitingEndorsement(by: turn))
            }
        case .assignInspectors:
            break
        case .recordInspection:
            if let refusal = within(.inspection, closes: dates.inspection.by) { return .failure(refusal) }
        case .completeInspection:
            if application.inspectors.isEmpty { return .failure(.noInspectors) }
            let outstanding = application.inspectors.subtracting(application.inspectorsScored).count
            if outstanding > 0 { return .failure(.inspectionsOutstanding(outstanding)) }
        case .recordReReviewOutcome:
            // The level the scheme's re-review policy names (Rushan: 威海市总工会; Yizheng: 仪征).
            guard let subject, let federation = application.decidingFederation,
                  AccessPolicy.permits(subject, .decideTier, on: .organisation(federation)) else { return .failure(.decidedAbove) }
        case .decideTier, .name:
            // The level that accepts the tier decides it: county staff cannot decide a five-star unit;
            // the level that honours it names it (Yizheng: 受到扬州市总表彰).
            let level = action == .name ? application.namingFederation ?? application.decidingFederation : application.decidingFederation
            guard let subject, let federation = level,
                  AccessPolicy.permits(subject, .decideTier, on: .organisation(federation)) else { return .failure(.decidedAbove) }
            if action == .name {
                if let notice = application.resultsNotice, !notice.isOver(on: today) { return .failure(.resultsNoticeRunning(endsOn: notice.end)) }
                if application.unansweredObjections > 0 { return .failure(.resultsObjectionsUnanswered(application.unansweredObjections)) }
            }
        case .startResultsNotice:
            break
        }
        return .success(next(action, on: application))
    }

    /// Checks a notice about to start: it must end by the application deadline (or the unit's
    /// extension), or the union could not file after it.
    public static func checkNotice(starting start: CalendarDate, today: CalendarDate, campaign: CampaignPlan,
                                   calendar: WorkingDayCalendar, extensions: [DeadlineExtension] = []) -> Result<NoticePeriod, WorkflowRefusal> {
        let notice = NoticePeriod(starting: start, workingDays: campaign.dates.noticeWorkingDays, calendar: calendar)
        let applyBy = max(campaign.dates.applyBy, extensions.filter { $0.step == .application }.map(\.until).max() ?? campaign.dates.applyBy)
        // The union files the day after the notice ends at the earliest.
        guard notice.end < applyBy else { return .failure(.noticeEndsTooLate(endsOn: notice.end, applyBy: applyBy)) }
        return .success(notice)
    }

    /// Checks a results notice about to start: it must end before the recommendation date (Yizheng:
    /// 公示五个工作日无异议后，于11月15日前向扬州市总工会推荐表彰), when the campaign has one.
    public static func checkResultsNotice(starting start: CalendarDate, campaign: CampaignPlan,
                                          calendar: WorkingDayCalendar) -> Result<NoticePeriod, WorkflowRefusal> {
        let notice = NoticePeriod(starting: start, workingDays: campaign.dates.resultsNoticeLength, calendar: calendar)
        if let by = campaign.dates.recommendBy, notice.end >= by {
            return .failure(.resultsNoticeEndsTooLate(endsOn: notice.end, by: by))
        }
        return .success(notice)
    }

    /// A chair campaign's person must be eligible to go on notice and to file (the notice makes the
    /// candidacy public; a returned application is checked again).
    private static func chairRefusal(_ application: ApplicationSnapshot, campaign: CampaignPlan) -> WorkflowRefusal? {
        guard campaign.campaignSubject == .chair else { return nil }
        let reasons = ChairEligibility.reasons(application.chair, asOf: ChairEligibility.asOf(campaign))
        return reasons.isEmpty ? nil : .chairIneligible(reasons)
    }

    private static func refileWindow(_ application: ApplicationSnapshot, dates: CampaignDates, today: CalendarDate,
                                     calendar: WorkingDayCalendar, extended: CalendarDate?) -> WorkflowRefusal? {
        let returned = application.returnedOn ?? today
        let by = refileBy(returnedOn: returned, applyBy: dates.applyBy, calendar: calendar)
        return today > max(by, extended ?? by) ? .closed(.application, closedOn: by) : nil
    }
}

extension Result where Failure == WorkflowRefusal {
    /// The workflow allows the action (pages show only what can be done).
    public var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
