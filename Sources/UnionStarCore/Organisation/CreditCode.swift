/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0–9 and A–Y without I, O, Z, S, V; the
/// 3rd–8th are the administrative division code (digits); the 18th is a check character.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Sendable, Equatable {
        case length(Int)
        case character(Character, position: Int)
        case division
        case checkCharacter(expected: Character, found: Character)

        public var text: LocalizedText {
            switch self {
            case .length(let n):
                Strings.Organisations.CreditCode.wrongLength(n)
            case .character(let c, let p):
                Strings.Organisations.CreditCode.characterNotAllowed(c, at: p)
            case .division:
                Strings.Organisations.CreditCode.divisionNotDigits
            case .checkCharacter(let expected, let found):
                Strings.Organisations.CreditCode.checkCharacterWrong(expected: expected, found: found)
            }
        }
    }

    /// Upper-cased, spaces removed.
    public static func normalize(_ text: String) -> String {
        text.uppercased().filter { !$0.isWhitespace }
    }

    /// The check character for the first 17 characters, or nil if one is outside the alphabet.
    public static func checkCharacter(for body: some StringProtocol) -> Character? {
        var sum = 0
        for (index, c) in body.prefix(17).enumerated() {
            guard let value = alphabet.firstIndex(of: c) else { return nil }
            sum += value * weights[index]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    /// Nil when the (normalised) code is valid.
    public static func problem(in code: String) -> Problem? {
        let chars = Array(code)
        guard chars.count == 18 else { return .length(chars.count) }
        for (index, c) in chars.enumerated() where !alphabet.contains(c) {
            return .character(c, position: index + 1)
        }
        guard chars[2..<8].allSatisfy(\.isASCII) && chars[2..<8].allSatisfy(\.isNumber) else { return .division }
        let expected = checkCharacter(for: String(chars[0..<17]))!
        guard expected == chars[17] else { return .checkCharacter(expected: expected, found: chars[17]) }
        return nil
    }

    public static func isValid(_ code: String) -> Bool { problem(in: code) == nil }
}
