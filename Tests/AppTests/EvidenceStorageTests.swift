import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Evidence files are stored once per content, under their SHA-256, in a folder of their own.
@Suite struct EvidenceStorageTests {
    /// A storage in a fresh temporary folder (`root`, inside `parent`), removed afterwards.
    func withStorage(_ body: (LocalFolderEvidenceStorage, _ parent: URL) async throws -> Void) async throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID())")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try await body(LocalFolderEvidenceStorage(root: parent.appendingPathComponent("files"), threadPool: .singleton), parent)
    }

    /// Every regular file below `folder`, temporary ones included.
    func files(in folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { String($0.path.dropFirst(folder.path.count)) }
    }

    @Test func putThenGetReturnsTheSameBytes() async throws {
        try await withStorage { storage, _ in
            // setup
            let bytes = Data("2024 年会员代表大会决议".utf8)
            // act
            let blob = try await storage.put(bytes)
            let read = try await storage.get(sha256: blob.sha256)
            // check
            #expect(blob == StoredBlob(sha256: SHA256.hash(data: bytes).hex, size: bytes.count))
            #expect(read == bytes)
            #expect(try await storage.exists(sha256: blob.sha256))
            #expect(files(in: storage.root) == ["/\(blob.sha256.prefix(2))/\(blob.sha256.dropFirst(2).prefix(2))/\(blob.sha256)"])
        }
    }

    @Test func unknownHashReadsNothing() async throws {
        try await withStorage { storage, _ in
            // setup
            let absent = String(repeating: "ab", count: 32)
            _ = try await storage.put(Data("something else".utf8))
            // act, check
            #expect(try await storage.get(sha256: absent) == nil)
            #expect(try await storage.exists(sha256: absent) == false)
        }
    }

    @Test func theSameBytesTwiceKeepOneFileAndDifferentBytesTwo() async throws {
        try await withStorage { storage, _ in
            // act
            let first = try await storage.put(Data("台账 A".utf8))
            let again = try await storage.put(Data("台账 A".utf8))
            // check
            #expect(first == again)
            #expect(files(in: storage.root).count == 1)
            // act
            let other = try await storage.put(Data("台账 B".utf8))
            // check
            #expect(other.sha256 != first.sha256)
            #expect(files(in: storage.root).count == 2)
        }
    }

    @Test(arguments: [
        "../../etc/passwd", "../secret.txt", "/etc/passwd", "", "ab/cd",
        String(repeating: "A", count: 64),  // uppercase hex
        String(repeating: "a", count: 63), String(repeating: "a", count: 65),
        String(repeating: "a", count: 62) + "/.",
        "../" + String(repeating: "a", count: 61),
    ])
    func aMalformedHashIsRefusedAndReadsNothingOutsideTheRoot(hash: String) async throws {
        try await withStorage { storage, parent in
            // setup: a file beside the root that a path built from the string would reach
            try Data("secret".utf8).write(to: parent.appendingPathComponent("secret.txt"))
            // act, check
            await #expect(throws: EvidenceStorageError.malformedHash) { try await storage.get(sha256: hash) }
            await #expect(throws: EvidenceStorageError.malformedHash) { try await storage.exists(sha256: hash) }
            #expect(!FileManager.default.fileExists(atPath: storage.root.path))
        }
    }

    @Test func twentyConcurrentPutsOfTheSameBytesKeepOneFile() async throws {
        try await withStorage { storage, _ in
            // setup: 1 MiB, so the writes overlap
            let bytes = Data((0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            // act
            let blobs = try await withThrowingTaskGroup(of: StoredBlob.self) { group in
                for _ in 0..<20 { group.addTask { try await storage.put(bytes) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // check: one hash, one file, no temporary files left, the whole bytes
            #expect(blobs.count == 20)
            #expect(Set(blobs) == [StoredBlob(sha256: SHA256.hash(data: bytes).hex, size: bytes.count)])
            #expect(files(in: storage.root).count == 1)
            #expect(try await storage.get(sha256: blobs[0].sha256) == bytes)
        }
    }

    @Test func theFolderComesFromEvidencePath() {
        // act, check
        #expect(LocalFolderEvidenceStorage.folder([:], workingDirectory: "/srv/unionstar/").path == "/srv/unionstar/data/evidence")
        #expect(LocalFolderEvidenceStorage.folder(["EVIDENCE_PATH": ""], workingDirectory: "/srv/unionstar/").path
            == "/srv/unionstar/data/evidence")
        #expect(LocalFolderEvidenceStorage.folder(["EVIDENCE_PATH": "/mnt/shared/evidence"], workingDirectory: "/srv/unionstar/").path
            == "/mnt/shared/evidence")
        #expect(LocalFolderEvidenceStorage.folder(["EVIDENCE_PATH": "files"], workingDirectory: "/srv/unionstar/").path
            == "/srv/unionstar/files")
    }

    @Test func theAppStoresEvidenceInTheConfiguredFolder() async throws {
        try await withTestApp { app in
            // check: configure chose the local folder under the working directory, not yet created
            let storage = try #require(app.evidenceStorage as? LocalFolderEvidenceStorage)
            #expect(storage.root.standardizedFileURL.path
                == LocalFolderEvidenceStorage.folder(ProcessInfo.processInfo.environment, workingDirectory: app.directory.workingDirectory)
                    .standardizedFileURL.path)
        }
    }
}
