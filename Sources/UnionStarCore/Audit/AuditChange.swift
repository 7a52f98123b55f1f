import Foundation

/// What an audit entry changed, field by field, read from its before and after snapshots (flat
/// JSON objects): the audit page shows people these lines, not the raw JSON.
public struct AuditChange: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var name: String
        /// The value as text; nil when the field was absent (a creation, a deletion).
        public var before: String?
        public var after: String?
    }

    /// Fields whose values differ, in the order of the keys' names; every field of a creation or a
    /// removal. Nested values show as “…”.
    public static func fields(before: String, after: String) -> [Field] {
        read(before: before, after: after).fields
    }

    /// The name the entry is about (a unit's `name`, an account's `username`), after or before.
    public static func subjectName(before: String, after: String) -> String? {
        read(before: before, after: after).subject
    }

    /// Both at once, reading each snapshot once (the audit page does this for every row).
    public static func read(before: String, after: String) -> (fields: [Field], subject: String?) {
        let old = object(before)
        let new = object(after)
        let fields: [Field] = Set(old.keys).union(new.keys).sorted().compactMap { key in
            let a = old[key] ?? nil
            let b = new[key] ?? nil
            return a == b ? nil : Field(name: key, before: a, after: b)
        }
        var subject: String?
        search: for snapshot in [new, old] {
            for key in ["name", "username", "key", "date"] {
                if let value = snapshot[key] ?? nil, !value.isEmpty { subject = value; break search }
            }
        }
        return (fields, subject)
    }

    /// One value of a flat snapshot, as text; null is nil.
    private enum Scalar: Decodable {
        case text(String?)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            // Most values are text: try that first, as every failed attempt costs a thrown error.
            if let value = try? container.decode(String.self) { self = .text(value) }
            else if container.decodeNil() { self = .text(nil) }
            else if let value = try? container.decode(Bool.self) { self = .text(value ? "true" : "false") }
            else if let value = try? container.decode(Int64.self) { self = .text(String(value)) }
            else if let value = try? container.decode(Double.self) { self = .text(String(value)) }
            else { self = .text("…") }
        }
    }

    private static func object(_ json: String) -> [String: String?] {
        guard !json.isEmpty, let values = try? JSONDecoder().decode([String: Scalar].self, from: Data(json.utf8)) else { return [:] }
        return values.mapValues { if case .text(let t) = $0 { t } else { nil } }
    }
}
