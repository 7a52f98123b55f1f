import UnionStarCore
import Vapor

/// `congress.leaf`: the congress decision of one unit's application — the scheme's vetoes in
/// plain words, the decision once recorded (with its warnings), or the form to record it.
struct CongressPage: Encodable {
    struct Veto: Encodable {
        var text: String
        /// The self-assessment answered it as holding.
        var hit: Bool
    }

    struct Vetoes: Encodable {
        var heading: String
        var intro: String
        var items: [Veto]
        var none: String?
        var hitLabel: String
    }

    struct Recorded: Encodable {
        var heading: String
        var facts: [ApplicationPage.Fact]
        /// The minutes' download, when kept.
        var minutes: ApplicationPage.Link?
    }

    struct Form: Encodable {
        var action: String
        var version: Int
        var fields: [FormPage.Field]
        var submit: String
        /// Above a correction: what may change, and that the minutes stay.
        var intro: String? = nil
        var formError: String?
    }

    var layout: Layout
    var heading: String
    var intro: String
    var back: ApplicationPage.Link
    var facts: [ApplicationPage.Fact]
    var vetoes: Vetoes
    /// Why the decision cannot be recorded now, in the workflow's words.
    var refusal: String?
    var warnings: [String]
    var recorded: Recorded?
    var form: Form?
    var csrf: String
}
