/// The one-time tokens (答卷码) members answer with: 16 characters of Crockford's base 32 (80 random
/// bits), printed in four groups (`7K3M-QX2P-…`) beside the QR code so a member can also type it.
/// Typing is forgiving: case, spaces and dashes do not matter, O reads as 0 and I or L as 1, and a
/// whole link pasted in is read after its `#`. The app stores only a hash of the canonical form.
public enum SurveyToken {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let length = 16

    /// A new token from `generator` (the system's random source in the app), in canonical form.
    public static func make(using generator: inout some RandomNumberGenerator) -> String {
        grouped((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] })
    }

    /// The canonical form of what a member typed or the page's script read from the link, or nil
    /// when it cannot be a token.
    public static func normalized(_ typed: some StringProtocol) -> String? {
        var text = Substring(typed)
        if let hash = text.lastIndex(of: "#") { text = text[text.index(after: hash)...] }
        var characters: [Character] = []
        for character in text.uppercased() where !(character.isWhitespace || character == "-") {
            let read: Character = switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
            guard alphabet.contains(read) else { return nil }
            characters.append(read)
        }
        return characters.count == length ? grouped(characters) : nil
    }

    private static func grouped(_ characters: [Character]) -> String {
        stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }.joined(separator: "-")
    }

    /// At most this many tokens at once (one print run), and in one survey.
    public static let batchLimit = 2000
    public static let surveyLimit = 20000

    /// How many tokens to issue, as typed (`count`): a whole number from 1 to 2,000, and no more
    /// than the survey has room for.
    public static func parseCount(_ text: String, issued: Int) -> Result<Int, FieldErrors> {
        let room = min(batchLimit, surveyLimit - issued)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard room > 0 else {
            var errors = FieldErrors()
            errors.add("count", Strings.Survey.Tokens.surveyFull(surveyLimit))
            return .failure(errors)
        }
        guard trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(trimmed), (1...room).contains(count) else {
            var errors = FieldErrors()
            errors.add("count", Strings.Survey.Tokens.countOutOfRange(room))
            return .failure(errors)
        }
        return .success(count)
    }

    /// What the form offers first: the unit's member count (issue a token for every member), kept
    /// within what may be issued at once.
    public static func suggestedCount(members: Int, issued: Int) -> Int {
        max(1, min(members, batchLimit, surveyLimit - issued))
    }
}
