/// One question of a survey: a rating on the five-point scale about the union's work or the
/// chair, or a free text.
public struct SurveyQuestion: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// 很满意 / 满意 / 基本满意 / 不满意 / 很不满意; every member answers it.
        case scale
        /// Free text (意见和建议); may be left empty.
        case text
    }

    /// Unique within the survey: a template question's id (`union_overall`), or `customN`.
    public var id: String
    public var kind: Kind
    /// What a scale question rates; nil for free text.
    public var topic: SurveyTopic?
    /// The topic's overall question (总体评价): its satisfaction rate is the topic's.
    public var overall: Bool
    /// The words as the survey was built (a template's in both languages; a custom question as
    /// typed, in both fields), so a later change to the template never rewrites a survey.
    public var text: LocalizedText

    public init(id: String, kind: Kind, topic: SurveyTopic?, overall: Bool = false, text: LocalizedText) {
        self.id = id
        self.kind = kind
        self.topic = topic
        self.overall = overall
        self.text = text
    }

    public static func scale(_ id: String, _ topic: SurveyTopic, overall: Bool = false, _ text: LocalizedText) -> SurveyQuestion {
        SurveyQuestion(id: id, kind: .scale, topic: topic, overall: overall, text: text)
    }
}
