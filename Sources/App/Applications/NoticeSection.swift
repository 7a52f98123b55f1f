import UnionStarCore
import Vapor

/// What the Notice part of the workflow adds to a unit's application page: links to its pages and
/// what is due, given where the application stands.
enum NoticeSection {
    static func links(_ context: ApplicationContext, _ t: Translator) -> [ApplicationPage.Link] {
        []
    }
}
