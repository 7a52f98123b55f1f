import UnionStarCore
import Vapor

/// What every page's frame needs: language, title, and the links around it.
struct Layout: Encodable {
    var lang: String
    var title: String
    var appName: String
    var homePath: String
    /// The same page in the other language.
    var otherLanguagePath: String
    var otherLanguageLabel: String

    init(request: Request, title: String) {
        let language = request.language
        lang = language.rawValue
        self.title = title
        appName = language == .zh ? "基层工会星级评定平台" : "UnionStar — grassroots union star rating"
        homePath = SiteRoute.home.path
        let other: Language = language == .zh ? .en : .zh
        otherLanguagePath = request.url.path + "?lang=" + other.rawValue
        otherLanguageLabel = other == .en ? "English" : "中文"
    }
}

struct ErrorPage: Encodable {
    var layout: Layout
    var status: Int
    var message: String
}
