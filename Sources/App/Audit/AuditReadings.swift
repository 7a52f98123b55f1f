import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// What an entry's snapshots say, field by field (`AuditChange.read`).
struct AuditReading: Sendable {
    var fields: [AuditChange.Field]
    var subject: String?

    init(_ read: (fields: [AuditChange.Field], subject: String?)) {
        fields = read.fields
        subject = read.subject
    }
}

/// The readings of audit entries, kept in memory by sequence number. Entries never change once
/// written (the chain would break), so a reading is right for as long as the process lives; the
/// audit page reads the snapshots of only the entries it has not read before, instead of parsing
/// fifty pairs of JSON on every view. At most `capacity` readings are kept; when full, the cache
/// starts again empty (simple, and a page refills it with one query).
final class AuditReadings: @unchecked Sendable {
    private let lock = NSLock()
    private var readings: [Int64: AuditReading] = [:]
    let capacity: Int

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    private var snapshotsRead = 0

    var count: Int { lock.withLock { readings.count } }
    /// How many entries' snapshots have been read from the database (for tests).
    var read: Int { lock.withLock { snapshotsRead } }

    /// The readings of `sequences`, in order; those not yet known are read from the database in
    /// one query (one per 1,000).
    func readings(_ sequences: [Int64], on sql: any SQLDatabase) async throws -> [AuditReading] {
        var known = lock.withLock { sequences.map { readings[$0] } }
        let missing = sequences.indices.filter { known[$0] == nil }.map { sequences[$0] }
        if !missing.isEmpty {
            var fresh: [Int64: AuditReading] = [:]
            for start in stride(from: 0, to: missing.count, by: ChunkedQuery.chunkSize) {
                let chunk = Array(missing[start..<min(start + ChunkedQuery.chunkSize, missing.count)])
                let rows = try await sql.select().columns("sequence", "before_json", "after_json").from(AuditLog.table)
                    .where("sequence", .in, SQLBind.group(chunk)).all()
                for row in rows {
                    let sequence = try row.decode(column: "sequence", as: Int64.self)
                    fresh[sequence] = AuditReading(AuditChange.read(before: try row.decode(column: "before_json", as: String.self),
                                                                    after: try row.decode(column: "after_json", as: String.self)))
                }
            }
            lock.withLock {
                snapshotsRead += fresh.count
                if readings.count + fresh.count > capacity { readings.removeAll(keepingCapacity: true) }
                readings.merge(fresh) { old, _ in old }
            }
            known = zip(known, sequences).map { $0 ?? fresh[$1] }
        }
        return known.map { $0 ?? AuditReading(([], nil)) }
    }
}

extension Application {
    private struct AuditReadingsKey: StorageKey { typealias Value = AuditReadings }

    /// Set once by `configure(_:)`.
    var auditReadings: AuditReadings {
        get {
            guard let cache = storage[AuditReadingsKey.self] else { fatalError("configure(_:) sets the audit readings") }
            return cache
        }
        set { storage[AuditReadingsKey.self] = newValue }
    }
}
