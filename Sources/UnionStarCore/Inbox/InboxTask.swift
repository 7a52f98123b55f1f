/// One thing that waits for a person (待办事项): what to do, to which unit's application in which
/// campaign, by when, and the page where it is done.
public struct InboxTask: Sendable, Hashable {
    /// What waits, in the order the inbox lists tasks that fall due on the same day.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The union answers an objection lodged against its notice (异议答复).
        case answerObjection
        /// The union amends a returned application and files it again.
        case actOnReturn
        /// The notice is over: the union completes the 申报登记表 (it is not complete yet) and files it.
        case completeForm
        /// The notice is over and the form complete: the union files it.
        case file
        /// 审核盖章: the sub-federation whose turn it is endorses the application.
        case endorse
        /// An assigned inspector visits the unit and scores it (督导检查 / 考核验收).
        case inspect
        /// Staff of the campaign's federation assign inspectors to an endorsed application.
        case assignInspectors
        /// Staff close an inspection every assigned inspector has scored.
        case completeInspection
        /// Staff of the level that accepts the tier decide it (确定星级等次).
        case decide
        /// Staff of the campaign's federation put the decision on the results notice (结果公示).
        case startResultsNotice
        /// Staff answer an objection lodged against the results notice (结果公示异议).
        case answerResultsObjection
        /// Staff of the level that names the tier name the unit (命名), or record 不予命名.
        case name
        /// A named union hands in its self-check in a re-review or yearly self-check round (复查、年度自查).
        case handInSelfCheck
        /// Staff of the level the re-review policy names record the round's computed outcomes (复查结论).
        case recordReReviewOutcome

        /// The page where the task is done.
        public var target: Target {
            switch self {
            case .answerObjection: .notice
            case .actOnReturn, .completeForm, .file: .registrationForm
            case .endorse: .endorse
            case .inspect: .inspection
            case .assignInspectors, .completeInspection: .inspectors
            case .decide: .decision
            // One results notice for the campaign's decided units together, as federations publish it.
            case .startResultsNotice: .campaignResults
            case .answerResultsObjection, .name: .resultsNotice
            case .handInSelfCheck: .application
            // The outcomes are computed over the whole round and recorded on its page together.
            case .recordReReviewOutcome: .reReviewOutcomes
            }
        }

        public var label: LocalizedText { Strings.Inbox.kind(self) }
    }

    /// The pages of a unit's application (or its campaign's) a task links to (the app maps each to its route).
    public enum Target: String, Sendable, Hashable, Codable, CaseIterable {
        case notice
        case registrationForm
        case endorse
        case inspection
        case inspectors
        case decision
        case resultsNotice
        /// The campaign's results page, where its decided units are put on one notice.
        case campaignResults
        /// The unit's application page (a round's self-check is handed in there).
        case application
        /// A re-review round's outcomes page.
        case reReviewOutcomes
    }

    public var kind: Kind
    /// The campaign's and the unit's ids, as the app keeps them.
    public var campaignID: String
    public var unitID: String
    public var unitName: String
    /// The last day to do it; nil when the campaign sets no date for it.
    public var deadline: CalendarDate?

    public init(kind: Kind, campaignID: String, unitID: String, unitName: String, deadline: CalendarDate?) {
        self.kind = kind
        self.campaignID = campaignID
        self.unitID = unitID
        self.unitName = unitName
        self.deadline = deadline
    }

    public var target: Target { kind.target }

    /// The deadline has passed (the deadline day itself is still in time).
    public func isOverdue(on today: CalendarDate) -> Bool { deadline.map { today > $0 } ?? false }

    /// The task's identity for reminders: the same work on the same application with the same
    /// deadline. A deadline that moves (an extension, a new round) makes a new task to remind of.
    public var key: String { "\(kind.rawValue):\(campaignID):\(unitID):\(deadline?.description ?? "-")" }

    /// Inbox order: by deadline (none last), then by kind, then by unit name, then by campaign.
    public static func precedes(_ a: InboxTask, _ b: InboxTask) -> Bool {
        switch (a.deadline, b.deadline) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        let order = Kind.allCases
        let (i, j) = (order.firstIndex(of: a.kind)!, order.firstIndex(of: b.kind)!)
        if i != j { return i < j }
        if a.unitName != b.unitName { return a.unitName.utf8.lexicographicallyPrecedes(b.unitName.utf8) }
        return a.campaignID < b.campaignID
    }
}
