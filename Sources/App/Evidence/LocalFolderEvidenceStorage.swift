#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import UnionStarCore
import Vapor

/// Evidence files in a folder, each at `ab/cd/<hash>` (the first two pairs of hex digits spread
/// them over 65,536 folders). Several servers may share the folder: every write goes to a
/// temporary file beside its final place, is flushed to disk, then renamed into place, so a
/// reader sees a whole file or none, and the same bytes uploaded at once by many end as one
/// file. All file work runs on the thread pool, off the event loops.
struct LocalFolderEvidenceStorage: EvidenceStorage {
    let root: URL
    let threadPool: NIOThreadPool

    /// The folder `EVIDENCE_PATH` names, on the app's thread pool.
    static func fromEnvironment(_ app: Application, _ env: [String: String] = ProcessInfo.processInfo.environment) -> LocalFolderEvidenceStorage {
        LocalFolderEvidenceStorage(root: folder(env, workingDirectory: app.directory.workingDirectory), threadPool: app.threadPool)
    }

    /// `EVIDENCE_PATH` (a relative path is taken from the working directory), or `data/evidence`
    /// in the working directory.
    static func folder(_ env: [String: String], workingDirectory: String) -> URL {
        let path = env["EVIDENCE_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "data/evidence"
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path)
    }

    func put(_ data: Data) async throws -> StoredBlob {
        try await threadPool.runIfActive { try store(data) }
    }

    func get(sha256: String) async throws -> Data? {
        let file = try location(sha256)
        return try await threadPool.runIfActive {
            do {
                return try Data(contentsOf: file)
            } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
                return nil
            }
        }
    }

    func exists(sha256: String) async throws -> Bool {
        let file = try location(sha256)
        return try await threadPool.runIfActive { fileSize(file) != nil }
    }

    /// The file for a hash; nothing but 64 lowercase hex digits ever becomes part of a path.
    private func location(_ sha256: String) throws -> URL {
        guard ContentHash.isSHA256Hex(sha256) else { throw EvidenceStorageError.malformedHash }
        let hex = Array(sha256)
        return root.appendingPathComponent(String(hex[0..<2]), isDirectory: true)
            .appendingPathComponent(String(hex[2..<4]), isDirectory: true)
            .appendingPathComponent(sha256, isDirectory: false)
    }

    private func store(_ data: Data) throws -> StoredBlob {
        let blob = StoredBlob(sha256: ContentHash.sha256Hex(of: data), size: data.count)
        let file = try location(blob.sha256)
        let inner = file.deletingLastPathComponent(), outer = inner.deletingLastPathComponent()
        // Already there (only whole files are ever renamed into place): nothing to write.
        if fileSize(file) != data.count {
            try makeRoot()
            try makeFolder(outer)
            try makeFolder(inner)
            let temporary = inner.appendingPathComponent(".upload-\(UUID().uuidString)", isDirectory: false)
            try writeAndFlush(data, to: temporary.path)
            guard rename(temporary.path, file.path) == 0 else {
                let error = posixError()
                unlink(temporary.path)
                throw error
            }
        }
        // The names are durable once the folders holding them are flushed too (also when another
        // upload of the same bytes renamed the file but has not flushed yet).
        for folder in [inner, outer, root] { try flushFolder(folder) }
        return blob
    }

    private func makeRoot() throws {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            // Another upload may have made it in the meantime.
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else { throw error }
        }
    }

    /// Makes the folder unless it exists.
    private func makeFolder(_ folder: URL) throws {
        guard mkdir(folder.path, 0o755) == 0 || errno == EEXIST else { throw posixError() }
    }

    private func writeAndFlush(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw posixError() }
        do {
            try data.withUnsafeBytes { bytes in
                var written = 0
                while written < bytes.count {
                    let count = write(fd, bytes.baseAddress! + written, bytes.count - written)
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { throw posixError() }
                    written += count
                }
            }
            guard fsync(fd) == 0 else { throw posixError() }
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        guard close(fd) == 0 else {
            let error = posixError()
            unlink(path)
            throw error
        }
    }

    private func flushFolder(_ folder: URL) throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw posixError() }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw posixError() }
    }

    private func fileSize(_ file: URL) -> Int? {
        var info = stat()
        return stat(file.path, &info) == 0 ? Int(info.st_size) : nil
    }

    private func posixError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
