import UnionStarCore
import Vapor

/// `campaigns.leaf`: the campaigns the user can see.
struct CampaignListPage: Encodable {
    struct Row: Encodable {
        var title: String
        var year: Int
        var path: String
        /// Whom it rates: unions or their chairs.
        var subject: String
    }

    var layout: Layout
    var heading: String
    var campaigns: [Row]
    var newPath: String?
    var newLabel: String
    var empty: String
    var newChairPath: String?
    var newChairLabel: String
    var honours: CampaignPage.Link?
}

extension Array {
    /// The array with `element` first.
    func prepending(_ element: Element) -> [Element] { [element] + self }
}

/// `campaign.leaf`: a campaign's plan, and its progress under the viewer's node.
struct CampaignPage: Encodable {
    struct SchemeRow: Encodable {
        var label: String
        var scheme: String
        var path: String
        /// Version and the start of the content hash it pins.
        var pin: String
    }

    struct DateRow: Encodable {
        var label: String
        var text: String
    }

    struct Link: Encodable {
        var name: String
        var path: String
    }

    struct Progress: Encodable {
        struct StateCount: Encodable {
            var label: String
            var count: Int
        }

        struct Group: Encodable {
            var name: String
            var line: String
            /// Whole percent for the bar's width.
            var percent: Int
            var rate: String
            var meets: Bool
        }

        var scopeName: String
        var states: [StateCount]
        var summary: String
        var groups: [Group]
        var target: Int?
        var notStarted: [Link]
        var notStartedMore: String?
        var csvPath: String
    }

    /// A re-review or self-check round: its units (no participation to count: it takes those named).
    struct RoundProgress: Encodable {
        struct Unit: Encodable {
            var name: String
            var path: String
            var state: String
        }

        var scopeName: String
        var states: [Progress.StateCount]
        var units: [Unit]
    }

    struct Labels: Encodable {
        var schemes: String
        var dates: String
        var tiers: String
        var target: String
        var progress: String
        var states: String
        var groups: String
        var notStarted: String
        var csv: String
        var allStarted: String
        var yourUnits: String
        var edit: String
        var roundUnits: String
        var roundUnitsNone: String

        init(_ t: Translator) {
            schemes = t(Strings.CampaignPages.schemesHeading)
            dates = t(Strings.CampaignPages.datesHeading)
            tiers = t(Strings.CampaignPages.tiersLabel)
            target = t(Strings.CampaignPages.targetLabel)
            progress = t(Strings.CampaignPages.progressHeading)
            states = t(Strings.CampaignPages.statesHeading)
            groups = t(Strings.CampaignPages.groupsHeading)
            notStarted = t(Strings.CampaignPages.notStartedHeading)
            csv = t(Strings.CampaignPages.notStartedCSV)
            allStarted = t(Strings.CampaignPages.allStarted)
            yourUnits = t(Strings.CampaignPages.yourUnits)
            edit = t(Strings.CampaignPages.editLink)
            roundUnits = t(Strings.ReReviews.roundUnitsHeading)
            roundUnitsNone = t(Strings.ReReviews.roundUnitsNone)
        }
    }

    var layout: Layout
    var heading: String
    var schemes: [SchemeRow]
    var dates: [DateRow]
    /// The tiers on offer (an award campaign's; a round offers none).
    var tiers: String?
    var target: String?
    var progress: Progress?
    var round: RoundProgress?
    /// Staff who may change the campaign's dates, target and tiers.
    var editPath: String?
    /// The results notice, naming and rewards, for the staff who run them.
    var results: Link? = nil
    var rounds: [Link] = []
    /// The prefecture's staff: its spot checks (抽查).
    var spotChecks: Link?
    var ownUnits: [Link]
    var labels: Labels
}
