import Foundation
import UnionStarCore
import Vapor

/// The schemes loaded at start-up, each with its compiled scorer.
public struct SchemeCatalogue: Sendable {
    public let schemes: [Scheme]
    private let scorers: [String: Scorer]
    /// Each scheme's file text and its SHA-256, for campaigns to pin.
    private let texts: [String: (text: String, hash: String)]

    public init(schemes: [Scheme], texts: [String: String] = [:]) throws(SchemeError) {
        self.schemes = schemes
        var scorers: [String: Scorer] = [:]
        for scheme in schemes { scorers[scheme.id] = try Scorer(scheme) }
        self.scorers = scorers
        self.texts = texts.mapValues { ($0, SchemeCatalogue.sha256($0)) }
    }

    /// Loads every scheme file in `Resources/Schemes`; a bad file stops start-up with its reason.
    public static func load(root: URL) throws(SchemeError) -> SchemeCatalogue {
        let sources = try SchemeLoader.loadSources(root.appendingPathComponent("Resources/Schemes"))
        return try SchemeCatalogue(schemes: sources.map(\.scheme),
                                   texts: Dictionary(uniqueKeysWithValues: sources.map { ($0.scheme.id, $0.text) }))
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The scheme as a campaign pins it today: id, version, content hash and chosen settings,
    /// with the text to keep under the hash.
    func pin(_ id: String) -> (pin: SchemePin, text: String)? {
        guard let scheme = scheme(id), let source = texts[id] else { return nil }
        let settings = Dictionary(uniqueKeysWithValues: scheme.settings.map { ($0.id, $0.value) })
        return (SchemePin(schemeID: id, version: scheme.version, contentHash: source.hash, settings: settings), source.text)
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
