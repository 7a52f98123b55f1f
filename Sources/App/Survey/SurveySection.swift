import UnionStarCore
import Vapor

/// What the members' survey adds to a unit's application page: the link to its surveys, for
/// everyone who reads the application (the union builds and runs them there).
enum SurveySection {
    static func links(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Link] {
        [.init(name: t(Strings.Survey.Pages.link), path: SiteRoute.surveys(campaign: context.campaignID, unit: context.unitID).path)]
    }
}
