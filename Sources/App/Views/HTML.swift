/// A small writer of HTML for the hot table rows of row-heavy pages (a town's units, the account
/// list, the audit trail), which Leaf would otherwise resolve expression by expression (its
/// key-path lookup per `#(row.x)` was a tenth of the audit page). The result goes into the page's
/// template with `#unsafeHTML(...)`, so everything here must be safe as written:
///
/// - `raw` takes only static markup written in this file's callers (`StaticString`), never a value;
/// - every value goes through `text` (or `number`), which escapes `& < > " '` exactly as Leaf's
///   `#(x)` does (`&amp; &lt; &gt; &quot; &#39;`), so a value is safe in element text and in a
///   double- or single-quoted attribute alike. As with Leaf, a value in `href` must be a path this
///   app built (a `SiteRoute`), never text a person typed.
struct HTMLWriter {
    private var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup, as written in the source.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A value, escaped for element text and quoted attributes.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { Self.escape($0, into: &bytes) }
    }

    /// HTML this writer (or another `HTMLWriter`) produced earlier: already escaped, appended as is.
    mutating func trusted(_ html: String) {
        bytes.append(contentsOf: html.utf8)
    }

    mutating func number(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// The HTML written so far.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// `value` escaped, as a string of its own.
    static func escaped(_ value: String) -> String {
        var writer = HTMLWriter(capacity: value.utf8.count + 16)
        writer.text(value)
        return writer.html
    }

    private static func escape(_ source: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        var start = 0
        for (index, byte) in source.enumerated() {
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
            replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<source.count]))
    }
}
