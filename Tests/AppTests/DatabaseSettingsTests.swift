import Foundation
import SQLKit
import Testing
import Vapor
@testable import App

/// How the server's SQLite connections are set up. `synchronous` and `busy_timeout` belong to a
/// connection, not to the file, and sqlite-nio keeps one connection per event loop: each one is
/// asked, through the pool the requests use.
@Suite struct DatabaseSettingsTests {
    struct Settings: Equatable, CustomStringConvertible {
        /// 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
        var synchronous: Int
        var journalMode: String
        /// Milliseconds.
        var busyTimeout: Int

        var description: String { "synchronous=\(synchronous) journal_mode=\(journalMode) busy_timeout=\(busyTimeout)" }
    }

    /// The settings of the pooled connection of every event loop of the app.
    static func settings(_ app: Application) async throws -> [Settings] {
        var found: [Settings] = []
        for loop in app.eventLoopGroup.makeIterator() {
            let database = try #require(app.databases.database(.sqlite, logger: app.logger, on: loop))
            found.append(try await database.withConnection { connection in
                let sql = connection as! any SQLDatabase
                func value<T: Decodable>(_ pragma: String, _ column: String, as type: T.Type) async throws -> T {
                    let row = try #require(try await sql.raw("PRAGMA \(unsafeRaw: pragma)").first())
                    return try row.decode(column: column, as: T.self)
                }
                return Settings(synchronous: try await value("synchronous", "synchronous", as: Int.self),
                                journalMode: try await value("journal_mode", "journal_mode", as: String.self),
                                busyTimeout: try await value("busy_timeout", "timeout", as: Int.self))
            })
        }
        return found
    }

    /// A database file opened as `unionstar serve` opens it (`configure`, then `prepareDatabase`,
    /// which the server runs before it listens and every command that writes runs too): every
    /// connection syncs each commit (FULL), is in write-ahead-log mode and waits 5 s for another
    /// process's lock. Before `prepareDatabase` the same connections have SQLite's own defaults,
    /// so the check can tell. (FULL is also SQLite's default; the check keeps it so, say against a
    /// switch to NORMAL, which WAL mode tempts one to and which loses the last commits in a power cut.)
    @Test(.enabled(if: testDatabaseURL == nil, "SQLite only"))
    func everyPooledConnectionSyncsEachCommitInWALModeAndWaitsForLocks() async throws {
        // setup: a fresh file, configured as in production
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pragmas-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, options: AppOptions(root: repositoryRoot, database: .sqliteFile(path: folder.appendingPathComponent("db.sqlite").path)))
            let loops = Array(app.eventLoopGroup.makeIterator()).count
            let untouched = try await Self.settings(app)
            // act
            try await prepareDatabase(app)
            let prepared = try await Self.settings(app)
            // check
            #expect(untouched.count == loops && untouched.allSatisfy { $0.busyTimeout == 0 && $0.journalMode == "delete" }, "\(untouched)")
            #expect(loops >= 1)
            #expect(prepared.count == loops)
            #expect(prepared.allSatisfy { $0 == Settings(synchronous: 2, journalMode: "wal", busyTimeout: 5000) }, "\(prepared)")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
