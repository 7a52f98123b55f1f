import Foundation

/// An e-mail address as an account keeps it: where reminders are sent. Checked strictly enough to
/// be safe in an SMTP command and a mail header (no spaces, no control characters, no angle
/// brackets), without claiming to know every address a mail server accepts.
public enum EmailAddress {
    /// RFC 5321: a path of at most 256 octets, less the angle brackets.
    public static let maximumLength = 254

    /// What a typed address turns out to be.
    public enum Parsed: Sendable, Hashable {
        /// Nothing typed: the account has no address.
        case none
        /// The address, trimmed, its domain in lower case.
        case valid(String)
        case invalid(LocalizedText)
    }

    public static func parse(_ text: String) -> Parsed {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .none }
        guard trimmed.utf8.count <= maximumLength else { return .invalid(Strings.Email.tooLong(maximumLength)) }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .invalid(Strings.Email.invalid) }
        let local = parts[0], domain = parts[1].lowercased()
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".unicodeScalars)
        guard (1...64).contains(local.utf8.count), local.unicodeScalars.allSatisfy(localAllowed.contains),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            return .invalid(Strings.Email.invalid)
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)
        guard labels.count >= 2, labels.allSatisfy({ label in
            (1...63).contains(label.utf8.count) && label.unicodeScalars.allSatisfy(labelAllowed.contains)
                && !label.hasPrefix("-") && !label.hasSuffix("-")
        }) else {
            return .invalid(Strings.Email.invalid)
        }
        return .valid(local + "@" + domain)
    }
}
