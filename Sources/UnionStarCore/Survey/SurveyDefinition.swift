/// What the builder's form asks for a new survey: its title, whether the chair is rated, the
/// template's questions chosen, and up to three questions of the union's own.
public struct SurveyDraft: Sendable, Hashable {
    /// A question the union adds: its words and what it is (`union`, `chair` or `text`).
    public struct CustomQuestion: Sendable, Hashable {
        public var text: String
        public var kind: String

        public init(text: String, kind: String) {
            self.text = text
            self.kind = kind
        }
    }

    public var title: String
    public var includesChair: Bool
    /// Ids of the template's questions chosen; each topic's overall question is in whatever this says.
    public var chosen: Set<String>
    /// The form's rows in order (`custom1`, `custom2`, …); a row left empty adds nothing.
    public var custom: [CustomQuestion]

    public init(title: String, includesChair: Bool, chosen: Set<String>, custom: [CustomQuestion] = []) {
        self.title = title
        self.includesChair = includesChair
        self.chosen = chosen
        self.custom = custom
    }

    /// The form's field of the n-th (1-based) custom question, and of its kind.
    public static func customField(_ n: Int) -> String { "custom\(n)" }
    public static func customKindField(_ n: Int) -> String { "custom\(n)Kind" }
}

/// A survey as built: its title, its questions in the order members read them, and which answers
/// count as satisfied. Fixed once the survey opens, so every answer reads the same questions.
public struct SurveyDefinition: Sendable, Hashable, Codable {
    public var title: String
    public var questions: [SurveyQuestion]
    public var satisfied: [SatisfactionLevel]

    public init(title: String, questions: [SurveyQuestion], satisfied: [SatisfactionLevel]) {
        self.title = title
        self.questions = questions
        self.satisfied = satisfied
    }

    /// At most this many characters in a title, a question of the union's own, and a free answer.
    public static let titleLimit = 60
    public static let customTextLimit = 100
    public static let customLimit = 3

    /// The topics the survey rates: those with an overall question.
    public var topics: [SurveyTopic] {
        SurveyTopic.allCases.filter { topic in questions.contains { $0.topic == topic && $0.overall } }
    }

    public func overallQuestion(of topic: SurveyTopic) -> SurveyQuestion? {
        questions.first { $0.topic == topic && $0.overall }
    }

    public var scaleQuestions: [SurveyQuestion] { questions.filter { $0.kind == .scale } }

    /// Builds the survey the draft asks for from the template, or says what is wrong, by field:
    /// `title` (1 to 60 characters), `customN` (at most 100 characters; a chair question needs the
    /// chair rated). The union's topic and its overall question are always in; the chair's when
    /// the draft includes the chair.
    public static func build(_ draft: SurveyDraft, template: SurveyTemplate = .standard) -> Result<SurveyDefinition, FieldErrors> {
        var errors = FieldErrors()
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            errors.add("title", Strings.Survey.Builder.titleRequired)
        } else if title.count > titleLimit {
            errors.add("title", Strings.Survey.Builder.titleTooLong(limit: titleLimit, count: title.count))
        }
        let topics: [SurveyTopic] = draft.includesChair ? [.union, .chair] : [.union]
        var custom: [SurveyQuestion] = []
        for (index, row) in draft.custom.prefix(customLimit).enumerated() {
            let field = SurveyDraft.customField(index + 1)
            let text = row.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            let words = LocalizedText(zh: text, en: text)
            if text.count > customTextLimit {
                errors.add(field, Strings.Survey.Builder.customTooLong(index + 1, limit: customTextLimit, count: text.count))
            } else if row.kind == "text" {
                custom.append(SurveyQuestion(id: field, kind: .text, topic: nil, text: words))
            } else if let topic = SurveyTopic(rawValue: row.kind), topics.contains(topic) {
                custom.append(.scale(field, topic, words))
            } else {
                errors.add(field, Strings.Survey.Builder.customNeedsChair(index + 1))
            }
        }
        guard errors.isEmpty else { return .failure(errors) }
        let wanted = draft.chosen.union(template.required)
        var questions: [SurveyQuestion] = []
        for topic in topics {
            let own = template.questions(of: topic)
            questions += own.filter { !$0.overall && wanted.contains($0.id) }
            questions += custom.filter { $0.topic == topic }
            questions += own.filter(\.overall)
        }
        questions += template.questions.filter { $0.kind == .text && wanted.contains($0.id) }
        questions += custom.filter { $0.kind == .text }
        return .success(SurveyDefinition(title: title, questions: questions, satisfied: template.satisfied))
    }
}
