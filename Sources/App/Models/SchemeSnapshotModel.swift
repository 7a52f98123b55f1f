import Fluent
import Foundation

/// A scheme file's text, kept under its SHA-256 when a campaign pins it, so any score can be
/// recomputed exactly years later whatever happens to the file.
final class SchemeSnapshotModel: Model, @unchecked Sendable {
    static let schema = "scheme_snapshots"

    /// The SHA-256 of the file's bytes, hex.
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "scheme_id") var schemeID: String
    @Field(key: "version") var version: Int
    @Field(key: "content") var content: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var properties: [any AnyProperty] { [_id, _schemeID, _version, _content, _createdAt] }
}
