import Foundation
import UnionStarCore
import Vapor

/// `surveys.leaf`: a unit's surveys in a campaign, and the builder.
struct SurveysPage: Encodable {
    struct Row: Encodable {
        var title: String
        var path: String
        var status: String
        var period: String
        var issued: Int
        var responses: Int
    }

    struct Check: Encodable {
        var name: String
        var label: String
        var checked: Bool
        /// An overall question: always in, shown ticked and fixed.
        var fixed: Bool
    }

    struct Group: Encodable {
        var heading: String
        var checks: [Check]
    }

    struct Custom: Encodable {
        var field: String
        var kindField: String
        var label: String
        var value: String
        var kinds: [FormPage.Field.Option]
        var error: String?
    }

    struct Builder: Encodable {
        var action: String
        var heading: String
        var titleLabel: String
        var titleValue: String
        var titleError: String?
        var chairLabel: String
        var chairChecked: Bool
        var questionsLabel: String
        var groups: [Group]
        var fixedNote: String
        var customHeading: String
        var custom: [Custom]
        var submit: String
    }

    var layout: Layout
    var heading: String
    var back: ApplicationPage.Link
    var intro: [String]
    var columns: [String]
    var rows: [Row]
    var empty: String
    var builder: Builder?
    var csrf: String
}

/// `survey.leaf`: one survey — what it asks, its period, its tokens, and its results.
struct SurveyPage: Encodable {
    typealias Link = ApplicationPage.Link
    typealias Fact = ApplicationPage.Fact

    struct Question: Encodable {
        var number: Int
        var text: String
        var kind: String
    }

    struct DateField: Encodable {
        var name: String
        var label: String
        var value: String
        var error: String?
    }

    struct OpenForm: Encodable {
        var action: String
        var heading: String
        var version: Int
        var fields: [DateField]
        var hint: String
        var submit: String
    }

    struct TokensForm: Encodable {
        var action: String
        var heading: String
        var label: String
        var value: String
        var error: String?
        var hint: String
        var submit: String
    }

    struct CloseForm: Encodable {
        var action: String
        var version: Int
        var hint: String
        var submit: String
    }

    struct Topic: Encodable {
        var label: String
        var rate: String
        var verdict: String
        var reaches: Bool
    }

    struct Row: Encodable {
        var number: Int
        var text: String
        var topic: String
        var cells: [String]
        var answered: Int
        var rate: String
        var chart: String
    }

    struct Comments: Encodable {
        var question: String
        var texts: [String]
    }

    struct Legend: Encodable {
        var label: String
        var level: String
    }

    struct Results: Encodable {
        var heading: String
        var topics: [Topic]
        var columns: [String]
        var rows: [Row]
        var legend: [Legend]
        var commentsHeading: String
        var comments: [Comments]
        var noComments: String
        var order: String
    }

    struct Fill: Encodable {
        var action: String
        var heading: String
        var lines: [String]
        var submit: String
    }

    var layout: Layout
    var heading: String
    var back: Link
    var facts: [Fact]
    var questionsHeading: String
    var questions: [Question]
    var satisfiedRule: String
    var running: String?
    var openForm: OpenForm?
    var tokensForm: TokensForm?
    var batchesHeading: String
    var batches: [String]
    var noBatches: String
    var closeForm: CloseForm?
    var results: Results?
    var sufficiency: String?
    var fill: Fill?
    var fillBlocked: String?
    var filled: String?
    var workbook: Link?
    var formError: String?
    var csrf: String
}

/// `survey-sheets.leaf`: the tokens of one print run, as cards to cut out (A4, twelve a page), shown
/// this once.
struct SurveySheetsPage: Encodable {
    struct Card: Encodable {
        var number: Int
        var qr: String
        var code: String
    }

    var lang: String
    var title: String
    var heading: String
    var warning: String
    var printLabel: String
    var back: ApplicationPage.Link
    var surveyTitle: String
    var period: String
    var instruction: String
    var codeLabel: String
    var cards: [Card]
}

/// `survey-public.leaf`: what a member sees — the token's form, the questions, or a sentence.
struct SurveyPublicPage: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var checked: Bool
    }

    struct Question: Encodable {
        var number: Int
        var field: String
        var text: String
        var topic: String?
        var scale: Bool
        var options: [Option]
        var value: String
        var hint: String?
        var error: String?
    }

    struct CodeForm: Encodable {
        var action: String
        var label: String
        var value: String
        var hint: String
        var error: String?
        var submit: String
    }

    struct AnswerForm: Encodable {
        var action: String
        var token: String
        var title: String
        var intro: String
        var questions: [Question]
        var formError: String?
        var submit: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var message: String?
    var codeForm: CodeForm?
    var answerForm: AnswerForm?
    var csrf: String
}

/// Words and values the survey pages share.
enum SurveyText {
    static func day(_ day: CalendarDate, _ t: Translator) -> String { t(Strings.Notice.day(day)) }

    static func period(_ life: SurveyLife, _ t: Translator) -> String {
        guard let period = life.period else { return t(Strings.Survey.Pages.noPeriod) }
        return t(Strings.Survey.Pages.period(opens: period.opens, closes: period.closes))
    }

    static func percent(_ rate: Points?) -> String { rate.map { "\($0)%" } ?? "—" }

    static func topicLabel(_ question: SurveyQuestion, _ t: Translator) -> String {
        question.topic.map { t($0.label) } ?? t(Strings.Survey.Pages.freeText)
    }

    /// The share of each level as one bar of 100 units, drawn as SVG (the stylesheet colours the
    /// levels; no inline style under the site's CSP).
    static func bar(_ result: SurveyResults.Question, _ t: Translator) -> String {
        var x = Points.zero
        var rects = ""
        for level in SatisfactionLevel.allCases {
            guard let share = result.share(level), share > .zero else { continue }
            rects += "<rect class=\"bar-\(level.rawValue)\" x=\"\(x)\" y=\"0\" width=\"\(share)\" height=\"6\"><title>\(HTMLWriter.escaped(t(level.label))) \(share)%</title></rect>"
            x += share
        }
        return "<svg class=\"survey-bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(HTMLWriter.escaped(t(Strings.Survey.Pages.chartLabel(result.number))))\">\(rects)</svg>"
    }

    /// A `?done=` confirmation of the survey pages, by key (never free text from the URL).
    static func done(_ req: Request, _ t: Translator) -> String? {
        let text: LocalizedText? = switch req.queryValue("done") ?? "" {
        case "survey-created": Strings.Survey.Pages.created
        case "survey-opened": Strings.Survey.Pages.opened
        case "survey-closed": Strings.Survey.Pages.closedNotice
        case "survey-filled": Strings.Survey.Pages.filledNotice
        case "thanks": Strings.Survey.Public.thanks
        default: nil
        }
        return text.map { t($0) }
    }
}
