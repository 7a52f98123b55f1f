import Crypto
import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// A value an audit entry records as its before or after: a flat struct, encoded once by
/// `AuditDraft`. Text is not one, so JSON that was already encoded cannot be stored as a quoted
/// string the audit page cannot read.
protocol AuditSnapshot: Encodable {}

/// The before of a creation, the after of a removal: stored as empty text.
enum NoSnapshot: AuditSnapshot {
    func encode(to encoder: any Encoder) throws {}
}

extension RegistrationForm: AuditSnapshot {}
extension DeadlineExtension: AuditSnapshot {}

/// What happened, before it is numbered and chained.
struct AuditDraft: Sendable {
    var actor: Actor
    var action: String
    var entityType: String
    var entityID: String
    var scope: String
    var before: String
    var after: String

    /// Who acted, from where, and when (by the application's clock): the time of a change is the
    /// time its actor acted, so stores never read a clock of their own.
    struct Actor: Sendable {
        var id: String?
        /// Stored once for every reader, so written in Chinese (the `.zh` of the catalogue's words).
        var name: String
        var address: String
        var at: Date

        static func commandLine(_ what: String, at: Date) -> Actor {
            Actor(id: nil, name: Strings.Audit.commandLine(what).zh, address: "local", at: at)
        }
    }

    static var nothing: NoSnapshot? { nil }

    init<B: AuditSnapshot, A: AuditSnapshot>(actor: Actor, action: String, entityType: String, entityID: String, scope: String,
                                     before: B?, after: A?) {
        self.actor = actor
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.scope = scope
        if let before { self.before = AuditLog.json(before) } else { self.before = "" }
        if let after { self.after = AuditLog.json(after) } else { self.after = "" }
    }
}

/// The append-only, hash-chained audit trail. Appends happen inside a `WriteGate` transaction,
/// with the change they record, so the two commit or fail together and in one order.
enum AuditLog {
    static let table = "audit_events"

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? ""
    }

    /// The SHA-256 of the text's UTF-8, in lower-case hex (every signed-in request hashes its
    /// session cookie, so without `String(format:)` per byte).
    static func sha256(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Appends the drafts in order. Call only inside `WriteGate.perform`.
    @discardableResult
    static func append(_ drafts: [AuditDraft], on database: any Database) async throws -> [AuditRecord] {
        guard let now = drafts.first?.actor.at else { return [] }
        let sql = database as! any SQLDatabase
        struct Head: Decodable {
            var sequence: Int64
            var hash: String
        }
        let head = try await sql.select().columns("sequence", "hash").from(table)
            .orderBy("sequence", .descending).limit(1).first(decoding: Head.self)
        var sequence = head?.sequence ?? 0
        var previous = head?.hash ?? AuditRecord.genesisHash
        let at = AuditRecord.millisecond(now)
        var records: [AuditRecord] = []
        records.reserveCapacity(drafts.count)
        for draft in drafts {
            sequence += 1
            var record = AuditRecord(
                sequence: sequence, at: at, actorID: draft.actor.id, actorName: draft.actor.name, address: draft.actor.address,
                action: draft.action, entityType: draft.entityType, entityID: draft.entityID, scope: draft.scope,
                before: draft.before, after: draft.after, previousHash: previous)
            record.hash = sha256(record.canonicalText)
            previous = record.hash
            records.append(record)
        }
        // Bound parameters stay well under both databases' limits (13 per row).
        for chunk in stride(from: 0, to: records.count, by: 500).map({ Array(records[$0 ..< min($0 + 500, records.count)]) }) {
            var insert = sql.insert(into: table).columns(
                "sequence", "at_ms", "actor_id", "actor_name", "address", "action", "entity_type", "entity_id",
                "scope", "before_json", "after_json", "previous_hash", "hash")
            for r in chunk {
                insert = insert.values(
                    SQLBind(r.sequence), SQLBind(AuditRecord.milliseconds(r.at)), SQLBind(r.actorID), SQLBind(r.actorName),
                    SQLBind(r.address), SQLBind(r.action), SQLBind(r.entityType), SQLBind(r.entityID), SQLBind(r.scope),
                    SQLBind(r.before), SQLBind(r.after), SQLBind(r.previousHash), SQLBind(r.hash))
            }
            try await insert.run()
        }
        return records
    }

    struct Row: Decodable {
        var sequence: Int64
        var at_ms: Int64
        var actor_id: String?
        var actor_name: String
        var address: String
        var action: String
        var entity_type: String
        var entity_id: String
        var scope: String
        var before_json: String
        var after_json: String
        var previous_hash: String
        var hash: String

        var record: AuditRecord {
            AuditRecord(sequence: sequence, at: Date(timeIntervalSince1970: Double(at_ms) / 1000), actorID: actor_id,
                        actorName: actor_name, address: address, action: action, entityType: entity_type,
                        entityID: entity_id, scope: scope, before: before_json, after: after_json,
                        previousHash: previous_hash, hash: hash)
        }
    }

    /// Walks the whole chain in pages; nil when it holds, else the first break.
    static func verify(on database: any Database) async throws -> (count: Int64, broken: AuditChain.Break?) {
        let sql = database as! any SQLDatabase
        var last: (Int64, String) = (0, AuditRecord.genesisHash)
        var count: Int64 = 0
        while true {
            let rows = try await sql.select().column("*").from(table).where("sequence", .greaterThan, SQLBind(last.0))
                .orderBy("sequence").limit(2000).all(decoding: Row.self)
            if rows.isEmpty { return (count, nil) }
            let records = rows.map(\.record)
            if let broken = AuditChain.firstBreak(in: records, startingAfter: last, hash: sha256) {
                return (count, broken)
            }
            count += Int64(records.count)
            last = (records.last!.sequence, records.last!.hash)
        }
    }
}
