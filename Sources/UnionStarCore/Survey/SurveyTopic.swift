/// What a satisfaction survey's scale questions rate (测评对象), and what a scheme fact filled from a
/// survey's result measures (`survey: union` or `survey: chair` on the fact).
public enum SurveyTopic: String, Sendable, Hashable, Codable, CaseIterable {
    /// 工会工作: the union's work (Yizheng 年度工会工作满意度测评; Rushan 对工会工作…进行民主评议).
    case union
    /// 工会主席（副主席）: the chair's (or presiding vice-chair's) performance of duties (Yizheng
    /// 会员对工会主席（副主席）满意度; Rushan 对…工会主席履职情况进行民主评议).
    case chair

    public var label: LocalizedText {
        switch self {
        case .union: Strings.Survey.Topics.union
        case .chair: Strings.Survey.Topics.chair
        }
    }
}

/// One step of the five-point scale a member rates on (很满意 … 很不满意).
public enum SatisfactionLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case verySatisfied
    case satisfied
    case fairlySatisfied
    case dissatisfied
    case veryDissatisfied

    public var label: LocalizedText {
        switch self {
        case .verySatisfied: Strings.Survey.Levels.verySatisfied
        case .satisfied: Strings.Survey.Levels.satisfied
        case .fairlySatisfied: Strings.Survey.Levels.fairlySatisfied
        case .dissatisfied: Strings.Survey.Levels.dissatisfied
        case .veryDissatisfied: Strings.Survey.Levels.veryDissatisfied
        }
    }
}
