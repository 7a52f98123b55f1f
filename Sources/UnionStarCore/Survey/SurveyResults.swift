/// What a survey's answers add up to: the response rate, and for every scale question how many
/// chose each level and the satisfaction rate (满意率: the share of those who answered it who chose
/// a level the survey counts as satisfied); a topic's rate is its overall question's.
///
/// Rates are percentages to four decimal places, rounded down (as the campaign's participation
/// rate): 8 of 9 is 88.8888, and a rate shows as reaching 90 only when it does. Compared with a
/// threshold written to four places or fewer, the rounded rate decides exactly as the true one.
public struct SurveyResults: Sendable, Hashable {
    public struct Question: Sendable, Hashable {
        public var question: SurveyQuestion
        /// 1-based, as members read it.
        public var number: Int
        /// How many chose each level, in the scale's order (很满意 first).
        public var counts: [SatisfactionLevel: Int]
        public var answered: Int
        public var satisfiedCount: Int
        /// Nil when nobody answered.
        public var rate: Points?

        public func share(_ level: SatisfactionLevel) -> Points? { Points.percent(counts[level] ?? 0, of: answered) }
    }

    /// Tokens issued (the members asked), and answers received.
    public var issued: Int
    public var responses: Int
    public var responseRate: Points?
    public var questions: [Question]
    /// Each rated topic's satisfaction rate: its overall question's (nil before any answer).
    public var topicRates: [SurveyTopic: Points]
    /// The free answers per text question, in the order given (callers order them by something
    /// that says nothing about when they came: the stored answers' random ids).
    public var texts: [String: [String]]

    public static func compute(_ definition: SurveyDefinition, responses: [SurveyResponse], issued: Int) -> SurveyResults {
        let satisfied = Set(definition.satisfied)
        var questions: [Question] = []
        var topics: [SurveyTopic: Points] = [:]
        var texts: [String: [String]] = [:]
        for (index, question) in definition.questions.enumerated() {
            switch question.kind {
            case .scale:
                var counts: [SatisfactionLevel: Int] = [:]
                for response in responses {
                    if let level = response.ratings[question.id] { counts[level, default: 0] += 1 }
                }
                let answered = counts.values.reduce(0, +)
                let yes = counts.filter { satisfied.contains($0.key) }.values.reduce(0, +)
                let result = Question(question: question, number: index + 1, counts: counts, answered: answered, satisfiedCount: yes,
                                      rate: Points.percent(yes, of: answered))
                questions.append(result)
                if question.overall, let topic = question.topic, let rate = result.rate { topics[topic] = rate }
            case .text:
                texts[question.id] = responses.compactMap { $0.texts[question.id] }
            }
        }
        return SurveyResults(issued: issued, responses: responses.count, responseRate: Points.percent(responses.count, of: issued),
                             questions: questions, topicRates: topics, texts: texts)
    }

    /// Whether the topic's rate reaches `threshold` (inclusive: 90%以上 includes 90).
    public func reaches(_ threshold: Points, for topic: SurveyTopic) -> Bool? {
        topicRates[topic].map { $0 >= threshold }
    }
}
