import UnionStarCore
import Vapor

/// `application.leaf`: one unit's application in a campaign.
struct ApplicationPage: Encodable {
    struct Link: Encodable {
        var name: String
        var path: String
    }

    struct Fact: Encodable {
        var label: String
        var text: String
    }

    /// A form the user can send now.
    struct Action: Encodable {
        /// `preApply`, `start`, …: the template's switch.
        var kind: String
        var path: String
        var label: String
        var tiers: [FormPage.Field.Option]
    }

    struct DateRow: Encodable {
        var label: String
        var text: String
        /// Staff reopened the step for this unit: until when and why.
        var extended: String?
    }

    struct Reopen: Encodable {
        struct Labels: Encodable {
            var heading: String
            var step: String
            var until: String
            var reason: String
            var submit: String
        }

        var path: String
        var unit: String
        var steps: [FormPage.Field.Option]
        var labels: Labels
    }

    var layout: Layout
    var heading: String
    var campaign: Link
    var facts: [Fact]
    /// The pages of the application's parts (self-assessment, congress and notice, the form).
    var links: [Link]
    var actions: [Action]
    /// Why the next step cannot be taken now (a closed deadline, say), in sentences.
    var blocked: [String]
    var dates: [DateRow]
    var datesHeading: String
    var csrf: String
    var version: Int
    var reopen: Reopen?
    var tierLabel: String
}
