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
        layout = Layout(request: request, title: zh ? "评定方案" : "Rating schemes")
        heading = zh ? "评定方案" : "Rating schemes"
        intro = zh ? "各级工会发布的星级评定（创建）标准。点击方案查看百分考核标准表，可直接打印。"
            : "The star-rating standards in force. Open one to see its 100-point rubric, ready to print."
        columns = zh ? ["方案", "发布单位", "文件", "年度", "项目数", "星级"] : ["Scheme", "Issued by", "Document", "Year", "Items", "Tiers"]
        placeholderNote = zh ? "分值为占位，待市总工会按考评细则设定" : "point splits are placeholders for the federation to set"
        self.schemes = schemes.map { scheme in
            Row(id: scheme.id, title: zh ? scheme.title : (scheme.titleEn ?? scheme.title),
                issuer: scheme.issuer, source: scheme.source, year: scheme.year, itemCount: scheme.items.count,
                tiers: scheme.tiers.map { "\(zh ? $0.name : ($0.nameEn ?? $0.name)) ≥\($0.minimum)" }.joined(separator: "，"),
                placeholder: scheme.placeholder, path: SiteRoute.scheme(id: scheme.id).path)
        }
    }
}
