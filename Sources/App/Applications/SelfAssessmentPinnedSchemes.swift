import Fluent
import Foundation
import NIOConcurrencyHelpers
import UnionStarCore
import Vapor

/// The scorers of the scheme texts campaigns pinned, by content hash: a self-assessment is always
/// scored on the text its campaign pinned (kept in `scheme_snapshots`), never on whatever file the
/// catalogue holds today. Each text is read and compiled on first use, then kept.
///
/// A content hash names exactly one text, so the cache is shared by the whole process: whichever
/// database the text came from, the same hash compiles to the same scorer. The text read is
/// checked against its hash before it is trusted.
final class PinnedSchemes: Sendable {
    static let shared = PinnedSchemes()

    private let scorers = NIOLockedValueBox<[String: Scorer]>([:])

    /// The scorer of the pinned text, with the pin's settings in force.
    func scorer(for pin: SchemePin, on db: any Database) async throws -> Scorer {
        let key = pin.contentHash + "|" + pin.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        if let scorer = scorers.withLockedValue({ $0[key] }) { return scorer }
        guard let snapshot = try await SchemeSnapshotModel.find(pin.contentHash, on: db),
              SchemeCatalogue.sha256(snapshot.content) == pin.contentHash else {
            throw AppError.internalFailure(AppErrorMiddleware.genericFailure)
        }
        var scheme = try SchemeLoader.load(yaml: snapshot.content, file: "scheme_snapshots/\(pin.contentHash.prefix(12))")
        for index in scheme.settings.indices {
            if let value = pin.settings[scheme.settings[index].id], scheme.settings[index].option(value) != nil {
                scheme.settings[index].value = value
            }
        }
        let scorer = try Scorer(scheme)
        return scorers.withLockedValue { stored in
            if let existing = stored[key] { return existing }
            stored[key] = scorer
            return scorer
        }
    }
}
