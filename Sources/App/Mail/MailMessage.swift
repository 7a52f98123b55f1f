import Foundation

/// A plain-text e-mail as it goes over SMTP (RFC 5322 with MIME): UTF-8 text in base64, a
/// subject and display names as RFC 2047 encoded words, CRLF line ends.
struct MailMessage: Sendable, Equatable {
    /// The envelope's and the header's addresses (checked by `EmailAddress`).
    var from: String
    var fromName: String?
    var to: String
    var toName: String?
    var subject: String
    var body: String

    /// The message's bytes as text: headers, a blank line, the body in base64 lines of 76.
    func rendered(date: Date, messageID: String) -> String {
        var headers: [String] = [
            "Date: " + Self.rfc5322Date(date),
            "From: " + Self.mailbox(fromName, from),
            "To: " + Self.mailbox(toName, to),
            "Subject: " + Self.encodedWords(subject, headerLength: "Subject: ".count),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        headers.append("")
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalized.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n" + encoded + "\r\n"
    }

    /// `Name <address>`, the name encoded when it is not plain ASCII (or quoted when it holds
    /// specials); the bare address without a name.
    static func mailbox(_ name: String?, _ address: String) -> String {
        guard let name, !name.isEmpty else { return address }
        let printable = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        guard printable else { return encodedWords(name, headerLength: 6) + " <\(address)>" }
        let plain = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == " " }
        return (plain ? name : "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"")
            + " <\(address)>"
    }

    /// RFC 2047: text that is not plain ASCII as `=?UTF-8?B?…?=` words of at most 75 characters,
    /// never splitting a character between words, folded onto continuation lines; plain ASCII
    /// text as it is.
    static func encodedWords(_ text: String, headerLength: Int) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        if plain && headerLength + text.utf8.count <= 78 { return text }
        // 75 − "=?UTF-8?B?".count − "?=".count = 63 base64 characters: 15 groups, 45 bytes.
        let limit = 45
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > limit, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `Mon, 31 Aug 2020 10:00:00 +0800`, in China's time (the app's clock gives the instant).
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// The DATA section of an SMTP transaction: every line that starts with a dot gets another
    /// (RFC 5321 4.5.2), bare line feeds become CRLF, and the terminating `.` line follows.
    static func dotStuffed(_ message: String) -> String {
        let lines = message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var text = lines.map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        if !text.hasSuffix("\r\n") { text += "\r\n" }
        return text + ".\r\n"
    }
}
