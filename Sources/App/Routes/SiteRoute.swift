import Vapor

/// Every route of the app, used both to register it and to build links to it.
enum SiteRoute: Hashable, Sendable {
    case home
    case healthz
    case scheme(id: String)
    case apiSchemes
    case apiScheme(id: String)
    case apiSchemeAssessments(id: String)

    /// The path pattern the router registers (parameters as `:name`).
    var pattern: [PathComponent] {
        switch self {
        case .home: []
        case .healthz: ["healthz"]
        case .scheme: ["schemes", ":schemeID"]
        case .apiSchemes: ["api", "schemes"]
        case .apiScheme: ["api", "schemes", ":schemeID"]
        case .apiSchemeAssessments: ["api", "schemes", ":schemeID", "assessments"]
        }
    }

    /// The link to this route.
    var path: String {
        switch self {
        case .home: "/"
        case .healthz: "/healthz"
        case .scheme(let id): "/schemes/\(Self.escape(id))"
        case .apiSchemes: "/api/schemes"
        case .apiScheme(let id): "/api/schemes/\(Self.escape(id))"
        case .apiSchemeAssessments(let id): "/api/schemes/\(Self.escape(id))/assessments"
        }
    }

    private static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? ""
    }
}
