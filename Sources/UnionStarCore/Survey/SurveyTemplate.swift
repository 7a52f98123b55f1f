/// The template a union builds its 会员评家 survey from: questions on the union's work and on the
/// chair, each topic closing with its overall question (总体评价), then free text. Which answers
/// count as satisfied is the template's: 很满意 and 满意 (the share "satisfied or very satisfied"
/// of issue 9); 基本满意 does not count, so a rate of 90% means nine in ten are at least satisfied.
public struct SurveyTemplate: Sendable, Hashable {
    public var questions: [SurveyQuestion]
    /// The answers that count as satisfied.
    public var satisfied: [SatisfactionLevel]

    /// Questions the builder cannot leave out: each topic's overall question (the topic's rate is
    /// its rate).
    public var required: Set<String> { Set(questions.filter(\.overall).map(\.id)) }

    public func questions(of topic: SurveyTopic) -> [SurveyQuestion] { questions.filter { $0.topic == topic } }

    private typealias Q = Strings.Survey.Template

    public static let standard = SurveyTemplate(
        questions: [
            .scale("union_organisation", .union, Q.unionOrganisation),
            .scale("union_rights", .union, Q.unionRights),
            .scale("union_services", .union, Q.unionServices),
            .scale("union_activities", .union, Q.unionActivities),
            .scale("union_funds", .union, Q.unionFunds),
            .scale("union_overall", .union, overall: true, Q.unionOverall),
            .scale("chair_conduct", .chair, Q.chairConduct),
            .scale("chair_duties", .chair, Q.chairDuties),
            .scale("chair_overall", .chair, overall: true, Q.chairOverall),
            SurveyQuestion(id: "comments", kind: .text, topic: nil, text: Q.comments),
        ],
        satisfied: [.verySatisfied, .satisfied])
}
