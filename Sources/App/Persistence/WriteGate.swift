import Fluent
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Every write that must not race goes through here, as one transaction, one at a time in this
/// process (an async lock, so waiting writers hold no database connection and meet no pool
/// timeout):
/// - SQLite: `BEGIN IMMEDIATE`, so a second process (a command run beside the server) waits for
///   the lock instead of failing with SQLITE_BUSY halfway through a read-then-write.
/// - PostgreSQL: a transaction holding a transaction-level advisory lock, so the audit chain is
///   appended in one order across app instances too.
struct WriteGate: Sendable {
    let database: any Database
    let isSQLite: Bool
    let lock: AsyncLock

    /// Runs `body` in a write transaction; rolls back if it throws.
    @discardableResult
    func perform<T: Sendable>(_ body: @Sendable @escaping (any Database) async throws -> T) async throws -> T {
        try await lock.withLock {
            isSQLite ? try await immediateTransaction(body) : try await lockedTransaction(body)
        }
    }

    private func immediateTransaction<T: Sendable>(_ body: @Sendable @escaping (any Database) async throws -> T) async throws -> T {
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    private func lockedTransaction<T: Sendable>(_ body: @Sendable @escaping (any Database) async throws -> T) async throws -> T {
        try await database.transaction { transaction in
            // Keyed by the schema too, so databases that hold several UnionStar schemas (the
            // test suite's) do not wait on each other.
            try await (transaction as! any SQLDatabase)
                .raw("SELECT pg_advisory_xact_lock(\(literal: Self.advisoryKey), hashtext(current_schema()))").run()
            return try await body(transaction)
        }
    }

    /// An arbitrary constant naming UnionStar's write lock.
    static let advisoryKey: Int32 = 0x5553_5457  // "USTW"
}

/// A first-come, first-served async mutex.
actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}

extension Application {
    private struct WriteLockKey: StorageKey { typealias Value = AsyncLock }

    var isSQLite: Bool { databases.ids().contains(.sqlite) }

    /// Made once in `configure`, before any request, so every writer shares the one lock.
    func prepareWriteGate() {
        storage[WriteLockKey.self] = AsyncLock()
    }

    var writes: WriteGate {
        guard let lock = storage[WriteLockKey.self] else { fatalError("configure(_:) prepares the write gate") }
        return WriteGate(database: db, isSQLite: isSQLite, lock: lock)
    }

    /// SQLite waits up to 5 s for another process's lock instead of failing at once, syncs every
    /// commit, and uses write-ahead logging (readers run beside the one writer). `busy_timeout`
    /// and `synchronous` belong to a connection, so they are set on the one connection of every
    /// event loop. WAL is a property of the file: the first connection switches a new file, and
    /// asking on each connection also moves one opened before the switch, which would otherwise
    /// go on in rollback mode until its next read. On a file already in WAL mode this only reads.
    func configureSQLiteConnections() async throws {
        guard isSQLite else { return }
        for loop in eventLoopGroup.makeIterator() {
            guard let database = databases.database(.sqlite, logger: logger, on: loop) else { continue }
            try await database.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("PRAGMA busy_timeout = 5000").run()
                // FULL is SQLite's default; set it anyway: a commit is on disk before anyone is told.
                try await sql.raw("PRAGMA synchronous = FULL").run()
                try await sql.raw("PRAGMA journal_mode = WAL").run()
            }
        }
    }
}

extension Request {
    var writes: WriteGate { application.writes }
}
