import UnionStarCore
import Vapor

/// What the Notice part of the workflow adds to a unit's application page: links to its pages and
/// what is due, given where the application stands.
enum NoticeSection {
    static func links(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Link] {
        let state = context.state
        var links: [ApplicationPage.Link] = []
        // After the decision: the results notice, naming and the certificate.
        if [.decided, .onResultsNotice, .named, .notNamed].contains(state) {
            links.append(.init(name: t(Strings.Results.unitLink), path: SiteRoute.results(campaign: context.campaignID, unit: context.unitID).path))
            if state == .named {
                links.append(.init(name: t(Strings.Results.certificate),
                                   path: SiteRoute.certificate(campaign: context.campaignID, unit: context.unitID).path))
            }
            return links
        }
        let started: Set<ApplicationState> = [.drafting, .congressDecided, .onNotice, .filed, .returned]
        guard started.contains(state) else { return [] }
        // The congress decision (Rushan): from the self-assessment on, to record it or to read it.
        if context.plan.asksCongressDecision {
            links.append(.init(name: t(Strings.Notice.congressLink), path: SiteRoute.congress(campaign: context.campaignID, unit: context.unitID).path))
        }
        // The notice: once it may start (after the congress, or from the self-assessment without
        // one), with its objections and answers.
        let noticeFrom: Set<ApplicationState> = context.plan.asksCongressDecision
            ? [.congressDecided, .onNotice, .filed, .returned] : [.drafting, .onNotice, .filed, .returned]
        if noticeFrom.contains(state) {
            links.append(.init(name: t(Strings.Notice.noticeLink), path: SiteRoute.notice(campaign: context.campaignID, unit: context.unitID).path))
        }
        if let token = context.application?.noticeToken {
            links.append(.init(name: t(Strings.Notice.publicPage), path: SiteRoute.publicNotice(token: token).path))
        }
        return links
    }
}
