/// One member's answers, as stored: a rating for every scale question and the free texts written
/// (an empty one is not kept). Nothing in it says who answered, with which token, or when.
public struct SurveyResponse: Sendable, Hashable, Codable {
    public var ratings: [String: SatisfactionLevel]
    public var texts: [String: String]

    public init(ratings: [String: SatisfactionLevel], texts: [String: String] = [:]) {
        self.ratings = ratings
        self.texts = texts
    }

    /// At most this many characters in a free answer.
    public static let textLimit = 500

    /// The form field of a question.
    public static func field(_ questionID: String) -> String { "q_" + questionID }

    /// The answers a form sends, checked against the survey: every scale question rated with one
    /// of the five levels, every free text within the limit. Each problem names its question by
    /// number and words, under the question's field.
    public static func parse(_ form: [String: String], for definition: SurveyDefinition) -> Result<SurveyResponse, FieldErrors> {
        var errors = FieldErrors()
        var response = SurveyResponse(ratings: [:])
        for (index, question) in definition.questions.enumerated() {
            let field = field(question.id)
            let value = (form[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            switch question.kind {
            case .scale:
                if let level = SatisfactionLevel(rawValue: value) {
                    response.ratings[question.id] = level
                } else {
                    errors.add(field, Strings.Survey.Answering.chooseLevel(number: index + 1, question: question.text))
                }
            case .text:
                if value.count > textLimit {
                    errors.add(field, Strings.Survey.Answering.textTooLong(number: index + 1, limit: textLimit, count: value.count))
                } else if !value.isEmpty {
                    response.texts[question.id] = value
                }
            }
        }
        return errors.isEmpty ? .success(response) : .failure(errors)
    }
}
