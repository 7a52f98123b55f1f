import UnionStarCore
import Vapor

/// What the chair track adds to a unit's application page in a chair campaign: the person, the
/// link to their details, and why they may not stand yet (before the notice, when it matters).
enum ChairSection {
    static func facts(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Fact] {
        guard context.plan.campaignSubject == .chair, let person = ApplicationStore.chairPerson(context.application) else { return [] }
        return [.init(label: t(Strings.Chair.personLabel), text: t(Strings.Chair.person(person)))]
    }

    static func links(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Link] {
        guard context.plan.campaignSubject == .chair, !context.state.isBeforeSelfAssessment else { return [] }
        let editing = context.user.can(.workOnApplication, on: context.unit.accessTarget)
            && ChairEligibility.mayEditPerson(in: context.state, kind: context.plan.campaignKind)
        return [.init(name: t(editing ? Strings.Chair.edit : Strings.Chair.link),
                      path: SiteRoute.chair(campaign: context.campaignID, unit: context.unitID).path)]
    }

    /// The reasons, in sentences, while they still stop the notice or the filing (a re-review round
    /// has neither: it re-reviews a chair already named).
    static func blocked(_ context: ApplicationContext, _ t: Translator) -> [String] {
        guard context.plan.campaignSubject == .chair, context.plan.campaignKind == .award, !context.state.isBeforeSelfAssessment,
              [.drafting, .congressDecided, .onNotice, .returned].contains(context.state) else { return [] }
        return ChairEligibility.reasons(ApplicationStore.chairPerson(context.application), asOf: ChairEligibility.asOf(context.plan))
            .map { t($0.message) }
    }
}
