import Foundation

/// An exact decimal quantity of points (分) or a percentage, held as ten-thousandths in an integer.
///
/// Scores have half points and rates have decimals; binary floating point would make 70 into
/// 69.99999… and miss 三星 once in a while. Four decimal places cover every figure the seeds use.
public struct Points: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public static let scale: Int64 = 10_000
    public static let fractionDigits = 4

    /// The value in ten-thousandths.
    public var raw: Int64

    public init(raw: Int64) { self.raw = raw }
    public init(_ whole: Int) { self.raw = Int64(whole) * Points.scale }
    public init(integerLiteral value: Int) { self.init(value) }

    public static let zero = Points(raw: 0)

    /// Parses `12`, `-3`, `0.5`, `89.25`: at most four decimal places, no exponent, no grouping.
    public init?(parsing text: some StringProtocol) {
        var chars = Substring(text).utf8[...]
        var negative = false
        if chars.first == UInt8(ascii: "-") { negative = true; chars = chars.dropFirst() }
        else if chars.first == UInt8(ascii: "+") { chars = chars.dropFirst() }
        guard !chars.isEmpty else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digitsBeforePoint = 0
        for c in chars {
            if c == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            let d = Int64(c - UInt8(ascii: "0"))
            if seenPoint {
                if fractionDigits == Points.fractionDigits {
                    // Extra digits are allowed only when they are zeros (89.50000).
                    guard d == 0 else { return nil }
                    continue
                }
                fraction = fraction * 10 + d
                fractionDigits += 1
            } else {
                digitsBeforePoint += 1
                guard digitsBeforePoint <= 12 else { return nil }
                whole = whole * 10 + d
            }
        }
        guard digitsBeforePoint > 0 || fractionDigits > 0 else { return nil }
        for _ in fractionDigits..<Points.fractionDigits { fraction *= 10 }
        let value = whole * Points.scale + fraction
        raw = negative ? -value : value
    }

    /// The shortest exact decimal form: `70`, `69.5`, `0.25`, `-2`.
    public var description: String {
        let negative = raw < 0
        let magnitude = raw.magnitude
        let whole = magnitude / UInt64(Points.scale)
        var fraction = magnitude % UInt64(Points.scale)
        var text = negative ? "-\(whole)" : "\(whole)"
        if fraction != 0 {
            var digits = Points.fractionDigits
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    /// A signed form for breakdowns: `+6`, `−2` (with a true minus sign), `±0`.
    public var signedDescription: String {
        if raw > 0 { return "+" + description }
        if raw < 0 { return "−" + Points(raw: -raw).description }
        return "±0"
    }

    public var isWhole: Bool { raw % Points.scale == 0 }

    public static func < (a: Points, b: Points) -> Bool { a.raw < b.raw }
    public static func + (a: Points, b: Points) -> Points { Points(raw: a.raw + b.raw) }
    public static func - (a: Points, b: Points) -> Points { Points(raw: a.raw - b.raw) }
    public static prefix func - (a: Points) -> Points { Points(raw: -a.raw) }
    public static func += (a: inout Points, b: Points) { a.raw += b.raw }
    public static func -= (a: inout Points, b: Points) { a.raw -= b.raw }
    public static func * (a: Points, n: Int64) -> Points { Points(raw: a.raw * n) }

    /// `self × other`, exact when the product has at most four decimal places; otherwise
    /// rounded half away from zero at the fourth place.
    public func multiplied(by other: Points) -> Points {
        let product = (Int128(raw) * Int128(other.raw))
        let scale = Int128(Points.scale)
        var quotient = product / scale
        let remainder = product % scale
        if remainder.magnitude * 2 >= scale.magnitude { quotient += product < 0 ? -1 : 1 }
        return Points(raw: Int64(quotient))
    }
}

extension Points: Codable {
    /// Encodes as a JSON/YAML number written exactly (via `Decimal`), never through `Double`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description, locale: nil) ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = Points(parsing: text) {
            self = value
            return
        }
        let decimal = try container.decode(Decimal.self)
        guard let value = Points(decimal) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(decimal) has more than \(Points.fractionDigits) decimal places")
        }
        self = value
    }

    /// Converts a `Decimal` exactly, or returns nil when it has more than four decimal places.
    public init?(_ decimal: Decimal) {
        var value = decimal
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, Points.fractionDigits, .plain)
        guard rounded == decimal else { return nil }
        self.init(parsing: NSDecimalNumber(decimal: rounded).stringValue)
    }
}
