import UnionStarCore
import Vapor

/// 首页: the schemes in force, each linking to its rubric.
struct SchemeListPage: Encodable {
    struct Row: Encodable {
        var id: String
        var title: String
        var issuer: String
        var source: String
        var year: Int
        var itemCount: Int
        var tiers: String
        var placeholder: Bool
        var path: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var columns: [String]
    var placeholderNote: String
    var schemes: [Row]

    init(request: Request, schemes: [Scheme]) {
        let zh = request.language == .zh
        let t = Translator(request.language)
        typealias L = Strings.Scheme.List
        layout = Layout(request: request, title: t(L.heading))
        heading = t(L.heading)
        intro = t(L.intro)
        columns = [L.scheme, L.issuedBy, L.document, L.year, L.items, L.tiers].map { t($0) }
        placeholderNote = t(L.placeholderNote)
        self.schemes = schemes.map { scheme in
            Row(id: scheme.id, title: zh ? scheme.title : (scheme.titleEn ?? scheme.title),
                issuer: scheme.issuer, source: scheme.source, year: scheme.year, itemCount: scheme.items.count,
                tiers: scheme.tiers.map { "\(zh ? $0.name : ($0.nameEn ?? $0.name)) ≥\($0.minimum)" }.joined(separator: t(Strings.Common.shortListSeparator)),
                placeholder: scheme.placeholder, path: SiteRoute.scheme(id: scheme.id).path)
        }
    }
}
