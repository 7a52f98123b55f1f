import Foundation

/// One entry of the audit trail (审计日志): who did what, when, from where, before and after.
/// Each entry carries the hash of the one before it, so a changed or removed entry breaks the chain.
public struct AuditRecord: Sendable, Hashable, Codable {
    /// 1, 2, 3, … in the order entries were appended.
    public var sequence: Int64
    /// UTC, to the millisecond.
    public var at: Date
    public var actorID: String?
    public var actorName: String
    public var address: String
    /// e.g. `organisation.create`, `account.disable`, `signin.lockout`.
    public var action: String
    public var entityType: String
    public var entityID: String
    /// The tree path the entry belongs to, so staff see the entries of their own subtree.
    public var scope: String
    /// JSON with sorted keys, or empty.
    public var before: String
    public var after: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, at: Date, actorID: String?, actorName: String, address: String, action: String,
                entityType: String, entityID: String, scope: String, before: String, after: String,
                previousHash: String, hash: String = "") {
        self.sequence = sequence
        self.at = at
        self.actorID = actorID
        self.actorName = actorName
        self.address = address
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.scope = scope
        self.before = before
        self.after = after
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash before the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The exact text that is hashed: every field but the hash, in a fixed order, one per line,
    /// with backslashes and line breaks escaped so no field can forge another.
    public var canonicalText: String {
        let fields: [String] = [
            "v1", String(sequence), Self.timestamp(at), actorID ?? "", actorName, address, action,
            entityType, entityID, scope, before, after, previousHash,
        ]
        return fields.map(Self.escape).joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
    }

    /// Milliseconds since 1970, so the text does not depend on a formatter.
    public static func timestamp(_ date: Date) -> String { String(milliseconds(date)) }

    public static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// A date rounded to the millisecond, as stored.
    public static func millisecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

/// Checks a trail entry by entry.
public enum AuditChain {
    public enum Break: Sendable, Equatable {
        /// The entry's own hash does not match its content: it was edited.
        case alteredEntry(sequence: Int64)
        /// The entry does not point at the hash of the one before: one was removed or reordered.
        case brokenLink(sequence: Int64)
        /// A sequence number is missing or repeated.
        case gap(after: Int64, found: Int64)

        public var sequence: Int64 {
            switch self {
            case .alteredEntry(let s), .brokenLink(let s): s
            case .gap(_, let found): found
            }
        }

        public var message: String {
            switch self {
            case .alteredEntry(let s): "entry \(s) was altered: its hash does not match its content"
            case .brokenLink(let s): "entry \(s) does not follow the entry before it: an entry was removed or replaced"
            case .gap(let after, let found): "after entry \(after) comes entry \(found): entries are missing"
            }
        }
    }

    /// The first break in `records` (in sequence order), or nil when the chain holds.
    /// `hash` is SHA-256 as lower-case hex, supplied by the caller.
    public static func firstBreak(in records: [AuditRecord], startingAfter previous: (sequence: Int64, hash: String) = (0, AuditRecord.genesisHash),
                                  hash: (String) -> String) -> Break? {
        var last = previous
        for record in records {
            if record.sequence != last.sequence + 1 { return .gap(after: last.sequence, found: record.sequence) }
            if hash(record.canonicalText) != record.hash { return .alteredEntry(sequence: record.sequence) }
            if record.previousHash != last.hash { return .brokenLink(sequence: record.sequence) }
            last = (record.sequence, record.hash)
        }
        return nil
    }
}
