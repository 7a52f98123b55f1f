import Foundation
import UnionStarCore
import Vapor

/// The schemes loaded at start-up, each with its compiled scorer.
public struct SchemeCatalogue: Sendable {
    public let schemes: [Scheme]
    private let scorers: [String: Scorer]

    public init(schemes: [Scheme]) throws(SchemeError) {
        self.schemes = schemes
        var scorers: [String: Scorer] = [:]
        for scheme in schemes { scorers[scheme.id] = try Scorer(scheme) }
        self.scorers = scorers
    }

    /// Loads every scheme file in `Resources/Schemes`; a bad file stops start-up with its reason.
    public static func load(root: URL) throws(SchemeError) -> SchemeCatalogue {
        try SchemeCatalogue(schemes: SchemeLoader.loadDirectory(root.appendingPathComponent("Resources/Schemes")))
    }

    public func scheme(_ id: String) -> Scheme? { scorers[id]?.scheme }
    public func scorer(_ id: String) -> Scorer? { scorers[id] }
}

extension Application {
    private struct CatalogueKey: StorageKey { typealias Value = SchemeCatalogue }

    public var catalogue: SchemeCatalogue {
        get {
            guard let catalogue = storage[CatalogueKey.self] else { fatalError("configure(_:) loads the scheme catalogue") }
            return catalogue
        }
        set { storage[CatalogueKey.self] = newValue }
    }
}

extension Request {
    var catalogue: SchemeCatalogue { application.catalogue }
}
