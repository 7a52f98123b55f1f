import UnionStarCore
import Vapor

/// What the RegistrationForm part of the workflow adds to a unit's application page: links to its pages and
/// what is due, given where the application stands.
enum RegistrationFormSection {
    /// The form (to fill in while it may be changed, to read otherwise); for the union, the way to
    /// file while filing is the next step; the reasons of the last return; every filed round. The
    /// form page itself says until when it can be filed, or why not yet.
    static func links(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Link] {
        let state = context.state
        guard state != .notStarted, state != .preApplied else { return [] }
        let form = SiteRoute.registrationForm(campaign: context.campaignID, unit: context.unitID).path
        let mayWork = context.user.can(.workOnApplication, on: context.unit.accessTarget)
        var links = [ApplicationPage.Link(
            name: t(mayWork && ApplicationWorkflow.from(.saveForm, asksCongress: context.plan.asksCongressDecision).contains(state)
                    ? Strings.Filing.fillFormLink : Strings.Filing.formLink),
            path: form)]
        if mayWork, state == .onNotice || state == .returned {
            links.append(.init(name: t(Strings.Filing.fileLink), path: form + "#file"))
        }
        if state == .returned, let application = context.application {
            links.append(.init(name: t(Strings.Filing.returnedLink(round: application.round)), path: form + "#returned"))
        }
        if ![.notStarted, .preApplied, .drafting, .congressDecided, .onNotice, .returned].contains(state) {
            links.append(.init(name: t(Strings.Endorsement.heading), path: SiteRoute.endorse(campaign: context.campaignID, unit: context.unitID).path))
            if context.user.can(.manageReview, on: context.unit.accessTarget) {
                links.append(.init(name: t(Strings.Inspectors.link), path: SiteRoute.inspectors(campaign: context.campaignID, unit: context.unitID).path))
            }
            if [.inspected, .decided, .onResultsNotice, .named, .notNamed].contains(state) {
                links.append(.init(name: t(Strings.Decision.link), path: SiteRoute.decision(campaign: context.campaignID, unit: context.unitID).path))
            }
        }
        let filed = RegistrationFormStore.filedRounds(context.application)
        if filed > 0 {
            for round in 1...filed {
                links.append(.init(name: t(Strings.Filing.round(round)),
                                   path: SiteRoute.applicationRound(campaign: context.campaignID, unit: context.unitID, round: round).path))
            }
        }
        return links
    }
}
