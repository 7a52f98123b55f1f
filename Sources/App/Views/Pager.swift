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

    /// The links as `pager.leaf` writes them, for pages written in Swift.
    var html: String {
        var html = HTMLWriter(capacity: 256)
        html.raw("<nav class=\"pager\">")
        if let previousPath {
            html.raw("<a href=\"")
            html.text(previousPath)
            html.raw("\" rel=\"prev\">")
            html.text(previousLabel)
            html.raw("</a>")
        }
        html.raw(" <span>")
        html.text(label)
        html.raw("</span> ")
        if let nextPath {
            html.raw("<a href=\"")
            html.text(nextPath)
            html.raw("\" rel=\"next\">")
            html.text(nextLabel)
            html.raw("</a>")
        }
        html.raw("</nav>")
        return html.html
    }
}
