import Foundation
import UnionStarCore

/// The previous and next links of a paged list (`?page=N`), keeping the list's other query items.
struct Pager: Encodable {
    var label: String
    var previousPath: String?
    var nextPath: String?
    var previousLabel: String
    var nextLabel: String
    /// False for a list that fits on one page.
    var isNeeded: Bool

    /// The page asked for in `?page=`, from 1, and small enough that `(page - 1) × size` cannot
    /// overflow (an overflow would stop the process).
    static func page(_ asked: Int?) -> Int {
        min(max(1, asked ?? 1), 1_000_000)
    }

    init(_ t: Translator, path: String, query: [URLQueryItem] = [], page: Int, more: Bool) {
        func link(_ page: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = query + [URLQueryItem(name: "page", value: String(page))]
            return components.string ?? path
        }
        label = t(Strings.Pager.page(page))
        previousPath = page > 1 ? link(page - 1) : nil
        nextPath = more ? link(page + 1) : nil
        previousLabel = t(Strings.Pager.previous)
        nextLabel = t(Strings.Pager.next)
        isNeeded = page > 1 || more
    }
}
