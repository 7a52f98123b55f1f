import Foundation

extension KeyedDecodingContainer {
    /// A value the page's form sends as text and the API may send as a JSON number (a count, a
    /// score): kept as the text it is, for the core to check and to name in its sentence.
    func decodeTextIfPresent(forKey key: Key) throws -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        guard let number = try decodeIfPresent(Decimal.self, forKey: key) else { return nil }
        return NSDecimalNumber(decimal: number).stringValue
    }
}

/// Any key of a JSON object or form group (the item numbers of a score map).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}
