import Foundation

/// Which facts of a scheme a survey's result fills: those the scheme file marks `survey: union` or
/// `survey: chair` (percentage facts of an item), each with the topic's satisfaction rate.
public enum SurveyFacts {
    /// One fact filled: its item (where the result is attached as evidence), the topic and the rate.
    public struct Fill: Sendable, Hashable {
        public var factID: String
        public var item: Int
        public var topic: SurveyTopic
        public var value: Points
    }

    /// The scheme's facts a survey can fill, with their items, in document order.
    public static func declared(in scheme: Scheme) -> [(fact: Fact, item: Int)] {
        scheme.items.flatMap { item in item.facts.filter { $0.survey != nil }.map { ($0, item.number) } }
    }

    /// The facts the result fills, or why none can be: too few answers (the minimum rule), no
    /// fact of the scheme is filled from a survey, or the survey rates none of the topics its facts
    /// measure (a chair's fact from a survey without the chair's questions).
    public static func fills(_ scheme: Scheme, results: SurveyResults, minimum: SurveyMinimum) -> Result<[Fill], SurveyFillRefusal> {
        let sufficiency = minimum.check(responses: results.responses, issued: results.issued)
        guard sufficiency.isEnough else { return .failure(.insufficient(sufficiency)) }
        let declared = declared(in: scheme)
        guard !declared.isEmpty else { return .failure(.noFact) }
        let fills = declared.compactMap { fact, item -> Fill? in
            guard let topic = fact.survey, let rate = results.topicRates[topic] else { return nil }
            return Fill(factID: fact.id, item: item, topic: topic, value: rate)
        }
        guard !fills.isEmpty else { return .failure(.noTopicRated(Set(declared.compactMap(\.fact.survey)).sorted { $0.rawValue > $1.rawValue })) }
        return .success(fills)
    }

    /// The answers with every filled fact set to its rate; the other answers are kept as they are.
    public static func apply(_ fills: [Fill], to answers: Answers) -> Answers {
        var answers = answers
        for fill in fills {
            answers.facts[fill.factID] = .number(Decimal(string: fill.value.description, locale: nil) ?? 0)
        }
        return answers
    }
}

/// Why a survey's result fills no fact.
public enum SurveyFillRefusal: Error, Sendable, Hashable {
    case insufficient(SurveySufficiency)
    case noFact
    case noTopicRated([SurveyTopic])

    public var message: LocalizedText {
        switch self {
        case .insufficient(let sufficiency): sufficiency.message ?? .empty
        case .noFact: Strings.Survey.Filling.noFact
        case .noTopicRated(let topics): Strings.Survey.Filling.noTopicRated(topics.map(\.label))
        }
    }
}
