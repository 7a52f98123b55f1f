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

    /// A snapshot's fields as text: the quick reader below for the flat objects the app writes,
    /// Foundation's decoder for anything it does not take (the page reads 100 snapshots a view).
    static func object(_ json: String) -> [String: String?] {
        guard !json.isEmpty else { return [:] }
        return FlatJSONObject.read(json) ?? decoded(json)
    }

    /// What Foundation's decoder makes of a snapshot (the reference `FlatJSONObject` must agree with).
    static func decoded(_ json: String) -> [String: String?] {
        guard !json.isEmpty, let values = try? JSONDecoder().decode([String: Scalar].self, from: Data(json.utf8)) else { return [:] }
        return values.mapValues { if case .text(let t) = $0 { t } else { nil } }
    }
}

/// Reads a flat JSON object (`{"key":value,…}` whose values are strings, integers, booleans or
/// null; a nested object or array reads as "…") straight from its UTF-8. Returns nil for anything
/// else — a number with a fraction or an exponent, a repeated key, malformed text — so the caller
/// falls back to Foundation's decoder and the two never disagree.
enum FlatJSONObject {
    static func read(_ json: String) -> [String: String?]? {
        var json = json
        return json.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var current: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 }
        }

        mutating func expect(_ c: UInt8) -> Bool {
            skipSpace()
            guard current == c else { return false }
            i += 1
            return true
        }

        mutating func object() -> [String: String?]? {
            guard expect(UInt8(ascii: "{")) else { return nil }
            var result: [String: String?] = [:]
            skipSpace()
            if current == UInt8(ascii: "}") {
                i += 1
            } else {
                while true {
                    skipSpace()
                    guard current == UInt8(ascii: "\""), let key = string(), expect(UInt8(ascii: ":")), let value = value() else { return nil }
                    guard result.updateValue(value, forKey: key) == nil else { return nil }
                    skipSpace()
                    if current == UInt8(ascii: ",") { i += 1; continue }
                    if current == UInt8(ascii: "}") { i += 1; break }
                    return nil
                }
            }
            skipSpace()
            return i == bytes.count ? result : nil
        }

        /// A value as text: nil when malformed; `.some(nil)` for null.
        mutating func value() -> String?? {
            skipSpace()
            guard let c = current else { return nil }
            switch c {
            case UInt8(ascii: "\""):
                return string().map { .some($0) }
            case UInt8(ascii: "t"):
                return literal("true") ? .some("true") : nil
            case UInt8(ascii: "f"):
                return literal("false") ? .some("false") : nil
            case UInt8(ascii: "n"):
                return literal("null") ? .some(nil) : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return integer().map { .some($0) }
            default:
                // A nested object or array: not read here.
                return nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            let matches = word.withUTF8Buffer { w in (0..<count).allSatisfy { bytes[i + $0] == w[$0] } }
            if matches { i += count }
            return matches
        }

        /// An integer as Foundation prints it: `-`, then digits without a leading zero.
        mutating func integer() -> String? {
            let start = i
            if current == UInt8(ascii: "-") { i += 1 }
            let digitsStart = i
            while let c = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) { i += 1 }
            let digits = i - digitsStart
            guard digits > 0, digits <= 18, !(digits > 1 && bytes[digitsStart] == UInt8(ascii: "0")) else { return nil }
            if let c = current, c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            return text == "-0" ? "0" : text
        }

        /// A string, at its opening quote.
        mutating func string() -> String? {
            guard current == UInt8(ascii: "\"") else { return nil }
            i += 1
            let start = i
            // The common case: no escapes.
            while let c = current, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\") {
                guard c >= 0x20 else { return nil }
                i += 1
            }
            guard let stop = current else { return nil }
            if stop == UInt8(ascii: "\"") {
                i += 1
                return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self)
            }
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while let c = current {
                i += 1
                switch c {
                case UInt8(ascii: "\""):
                    return String(validating: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let e = current else { return nil }
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var code = hex4() else { return nil }
                        if (0xD800...0xDBFF).contains(code) {
                            guard literal("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { return nil }
                        out.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                default:
                    guard c >= 0x20 else { return nil }
                    out.append(c)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                let digit: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | digit
                i += 1
            }
            return value
        }
    }
}
