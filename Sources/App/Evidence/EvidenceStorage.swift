import Foundation
import UnionStarCore
import Vapor

/// Stored bytes, known by the SHA-256 of their content.
struct StoredBlob: Sendable, Hashable {
    /// 64 lowercase hex digits.
    var sha256: String
    var size: Int
}

/// Where evidence files live, addressed by the SHA-256 of their bytes: the same bytes stored
/// twice are one blob. Nothing here sees a user's file name; which file belongs to which
/// union, under what name and type, is the database's business.
protocol EvidenceStorage: Sendable {
    /// Stores the bytes (once, however often they come) and returns their hash; when it returns,
    /// the bytes survive a killed process.
    func put(_ data: Data) async throws -> StoredBlob
    /// The bytes stored under `sha256`, or nil when there are none. Throws
    /// `EvidenceStorageError.malformedHash` for anything but 64 lowercase hex digits.
    func get(sha256: String) async throws -> Data?
    /// Whether bytes are stored under `sha256`; throws as `get` for a malformed hash.
    func exists(sha256: String) async throws -> Bool
}

enum EvidenceStorageError: Error, Equatable {
    /// Not 64 lowercase hex digits: never used to build a path.
    case malformedHash
}

extension ContentHash {
    /// The SHA-256 of the bytes as 64 lowercase hex digits.
    static func sha256Hex(of data: Data) -> String {
        SHA256.hash(data: data).hex
    }
}

extension Application {
    private struct EvidenceStorageKey: StorageKey { typealias Value = any EvidenceStorage }

    /// Evidence files: the local folder `EVIDENCE_PATH` (set by `configure`), or what a test sets.
    var evidenceStorage: any EvidenceStorage {
        get { storage[EvidenceStorageKey.self] ?? LocalFolderEvidenceStorage.fromEnvironment(self) }
        set { storage[EvidenceStorageKey.self] = newValue }
    }
}
