/// 待办事项: the tasks that wait for one person, from their roles, scopes and assignments and the
/// applications' snapshots. Each task goes to the people the workflow would let do it, and among
/// them to those whose turn it is: the reviewer bound to exactly the sub-federation whose stamp is
/// next, the staff bound to exactly the federation that runs the campaign (inspectors, closing,
/// the results notice), that accepts the tier (the decision) or that names it (命名), the
/// inspectors assigned.
public enum Inbox {
    /// The person's tasks, sorted by deadline (`InboxTask.precedes`). `applications` may hold more
    /// than the person's: each is judged by the access policy. Campaigns older than last year's
    /// are left out (a campaign's dates run at most into the year after its own).
    public static func tasks(for person: AccessSubject, applications: [InboxApplication], campaigns: [String: CampaignPlan],
                             today: CalendarDate, calendar: WorkingDayCalendar) -> [InboxTask] {
        var tasks: [InboxTask] = []
        for application in applications {
            guard let plan = campaigns[application.campaignID], plan.year >= today.year - 1 else { continue }
            tasks += self.tasks(for: person, on: application, plan: plan, today: today, calendar: calendar)
        }
        return tasks.sorted(by: InboxTask.precedes)
    }

    /// What waits for the person on one application.
    static func tasks(for person: AccessSubject, on application: InboxApplication, plan: CampaignPlan, today: CalendarDate,
                      calendar: WorkingDayCalendar) -> [InboxTask] {
        let snapshot = application.snapshot
        let dates = plan.dates
        let target = AccessTarget(place: .node(snapshot.unit), state: snapshot.unitRetired ? .retired : .active,
                                  assignees: snapshot.inspectors)
        func may(_ action: Action) -> Bool { AccessPolicy.permits(person, action, on: target) }
        /// A role carrying `action` bound to exactly `node`: whose turn it is, not everyone above.
        func boundAt(_ node: TreePath?, _ action: Action, role: Role? = nil) -> Bool {
            guard let node else { return false }
            let roles = role.map { [$0] } ?? AccessPolicy.roles(for: action)
            return person.grants.contains { roles.contains($0.role) && $0.scope == node } && may(action)
        }
        func task(_ kind: InboxTask.Kind, _ deadline: CalendarDate?) -> InboxTask {
            InboxTask(kind: kind, campaignID: application.campaignID, unitID: application.unitID, unitName: application.unitName,
                      deadline: deadline)
        }
        // A re-review or self-check round: the self-check, a re-review's inspection and its outcome.
        if plan.campaignKind != .award {
            switch snapshot.state {
            case .drafting:
                return may(.workOnApplication) ? [task(.handInSelfCheck, TaskDeadlines.handInSelfCheck(dates, extensions: application.extensions))] : []
            case .selfChecked where plan.campaignKind == .reReview:
                return inspectionTasks(snapshot)
            case .inspected where plan.campaignKind == .reReview:
                return boundAt(snapshot.decidingFederation, .decideTier) ? [task(.recordReReviewOutcome, nil)] : []
            default:
                return []
            }
        }
        /// The inspectors' visits, and the campaign's staff assigning them and closing the inspection.
        func inspectionTasks(_ snapshot: ApplicationSnapshot) -> [InboxTask] {
            var tasks: [InboxTask] = []
            if snapshot.inspectors.contains(person.accountID), !snapshot.inspectorsScored.contains(person.accountID), may(.recordInspection) {
                tasks.append(task(.inspect, TaskDeadlines.inspect(dates, extensions: application.extensions)))
            }
            if boundAt(plan.owner, .manageReview) {
                if snapshot.inspectors.isEmpty {
                    tasks.append(task(.assignInspectors, TaskDeadlines.assignInspectors(dates)))
                } else if snapshot.inspectors.isSubset(of: snapshot.inspectorsScored) {
                    tasks.append(task(.completeInspection, TaskDeadlines.inspect(dates, extensions: application.extensions)))
                }
            }
            return tasks
        }
        var tasks: [InboxTask] = []
        switch snapshot.state {
        case .onNotice, .filed, .returned:
            guard may(.workOnApplication) else { break }
            if snapshot.unansweredObjections > 0 { tasks.append(task(.answerObjection, snapshot.notice?.end)) }
            let fileBy = TaskDeadlines.file(state: snapshot.state, returnedOn: snapshot.returnedOn, dates: dates, calendar: calendar,
                                            extensions: application.extensions)
            if snapshot.state == .returned {
                tasks.append(task(.actOnReturn, fileBy))
            } else if snapshot.state == .onNotice, let notice = snapshot.notice, notice.isOver(on: today),
                      snapshot.unansweredObjections == 0, snapshot.vetoes.isEmpty {
                tasks.append(task(application.formReady ? .file : .completeForm, fileBy))
            }
        default:
            break
        }
        switch snapshot.state {
        case .filed:
            if boundAt(snapshot.pendingEndorsers.first, .endorseApplication, role: .subFederationReviewer) {
                tasks.append(task(.endorse, TaskDeadlines.endorse(dates)))
            }
        case .endorsed:
            tasks += inspectionTasks(snapshot)
        case .inspected:
            if boundAt(snapshot.decidingFederation, .decideTier) { tasks.append(task(.decide, TaskDeadlines.decide(dates))) }
        case .decided:
            // The campaign's federation runs the results notice, whoever decided the tier.
            if boundAt(plan.owner, .manageReview) {
                tasks.append(task(.startResultsNotice, TaskDeadlines.startResultsNotice(dates, calendar: calendar)))
            }
        case .onResultsNotice:
            // Staff of the campaign's federation answer objections to the results notice.
            if snapshot.unansweredObjections > 0, boundAt(plan.owner, .manageReview) {
                tasks.append(task(.answerResultsObjection, snapshot.resultsNotice?.end))
            }
            // The level that names the tier, once the notice is over and every objection answered.
            let over = snapshot.resultsNotice.map { $0.isOver(on: today) } ?? true
            if over, snapshot.unansweredObjections == 0,
               boundAt(snapshot.namingFederation ?? snapshot.decidingFederation, .decideTier) {
                tasks.append(task(.name, TaskDeadlines.name(dates)))
            }
        default:
            break
        }
        return tasks
    }
}
