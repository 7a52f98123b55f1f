import NIOConcurrencyHelpers
import UnionStarCore
import Vapor

/// Page bodies that never change while the server runs (the rubric of a scheme in a language),
/// rendered once and kept; each request renders only the layout around them (its user, its
/// sign-out token, its language link).
final class PrerenderedPages: Sendable {
    struct Body: Sendable {
        var title: String
        var html: String
    }

    private let bodies = NIOLockedValueBox<[String: Body]>([:])
    private let renders = NIOLockedValueBox(0)

    /// How many bodies were rendered (not served from the store): once per key.
    var renderCount: Int { renders.withLockedValue { $0 } }

    /// The body stored under `key`, rendering it with `render` the first time. Two requests that
    /// race on a new key may both render; the result is the same and one of them is kept.
    func body(_ key: String, render: () async throws -> Body) async throws -> Body {
        if let body = bodies.withLockedValue({ $0[key] }) { return body }
        let body = try await render()
        renders.withLockedValue { $0 += 1 }
        return bodies.withLockedValue { stored in
            if let existing = stored[key] { return existing }
            stored[key] = body
            return body
        }
    }
}

/// A page whose content is pre-rendered HTML, inside the per-request layout.
struct PrerenderedPage: Encodable {
    var layout: Layout
    var body: String
}

extension Application {
    private struct PrerenderedPagesKey: StorageKey { typealias Value = PrerenderedPages }

    /// Set once by `configure(_:)`, before the server answers anything.
    var prerenderedPages: PrerenderedPages {
        get {
            guard let pages = storage[PrerenderedPagesKey.self] else { fatalError("configure(_:) sets the pre-rendered pages") }
            return pages
        }
        set { storage[PrerenderedPagesKey.self] = newValue }
    }
}
