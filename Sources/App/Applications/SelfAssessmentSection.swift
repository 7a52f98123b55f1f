import UnionStarCore
import Vapor

/// What the SelfAssessment part of the workflow adds to a unit's application page: links to its pages and
/// what is due, given where the application stands.
enum SelfAssessmentSection {
    static func links(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Link] {
        guard !context.state.isBeforeSelfAssessment else { return [] }
        let path = SiteRoute.selfAssessment(campaign: context.campaignID, unit: context.unitID).path
        let works = context.user.can(.workOnApplication, on: context.unit.accessTarget)
        // The cadre while it is being drafted (or amended after a return) sees what is due.
        if works, context.state == .drafting {
            let due = context.plan.dates.selfCheck.by.map { t(Strings.SelfAssessment.due($0)) } ?? ""
            return [.init(name: t(Strings.SelfAssessment.open) + due, path: path)]
        }
        if works, context.state == .returned {
            return [.init(name: t(Strings.SelfAssessment.open), path: path)]
        }
        return [.init(name: t(Strings.SelfAssessment.view), path: path)]
    }
}
