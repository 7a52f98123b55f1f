import UnionStarCore
import Vapor

/// What the SelfAssessment part of the workflow adds to a unit's application page: links to its pages and
/// what is due, given where the application stands.
enum SelfAssessmentSection {
    static func links(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Link] {
        []
    }
}
