/// The minimum-responses rule: below it a survey's result cannot fill a scheme fact, and the
/// results page says so. Both parts must hold: at least `responses` answers (a rate from a handful
/// of members says little, and would nearly name them), and at least `responseRate` percent of the
/// tokens issued answered (a few answers out of hundreds cannot speak for the union). Both are
/// inclusive (以上). A setting of the installation (`UNIONSTAR_SURVEY_MIN_RESPONSES`,
/// `UNIONSTAR_SURVEY_MIN_RATE`), kept on each survey when it is built, so a later change of the
/// setting never changes what an existing survey needs.
public struct SurveyMinimum: Sendable, Hashable, Codable {
    public var responses: Int
    /// A percentage, 0 to 100.
    public var responseRate: Points

    public init(responses: Int, responseRate: Points) {
        self.responses = responses
        self.responseRate = responseRate
    }

    /// 10 answers and half of the tokens issued.
    public static let standard = SurveyMinimum(responses: 10, responseRate: 50)

    /// The bounds a setting must keep: at least one answer, at most 1,000; a rate from 0 to 100.
    public static let responseBounds = 1...1000

    /// Whether `responses` answers of `issued` tokens are enough, or why not.
    public func check(responses: Int, issued: Int) -> SurveySufficiency {
        if responses < self.responses { return .tooFewResponses(responses, needed: self.responses) }
        let rate = Points.percent(responses, of: issued) ?? .zero
        if rate < responseRate { return .responseRateTooLow(rate, needed: responseRate) }
        return .enough
    }

    /// The rule in words, for the survey's page.
    public var text: LocalizedText { Strings.Survey.Results.minimumRule(responses: responses, rate: responseRate) }
}

/// Whether a survey's answers are enough to fill a scheme fact.
public enum SurveySufficiency: Sendable, Hashable {
    case enough
    case tooFewResponses(Int, needed: Int)
    case responseRateTooLow(Points, needed: Points)

    public var isEnough: Bool { self == .enough }

    /// Why not, in a sentence; nil when enough.
    public var message: LocalizedText? {
        switch self {
        case .enough: nil
        case .tooFewResponses(let count, let needed): Strings.Survey.Results.tooFewResponses(count, needed: needed)
        case .responseRateTooLow(let rate, let needed): Strings.Survey.Results.responseRateTooLow(rate, needed: needed)
        }
    }
}
