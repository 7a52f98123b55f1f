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
                LocalizedText(zh: "统一社会信用代码应为18位，而不是\(n)位", en: "a unified social credit code has 18 characters, not \(n)")
            case .character(let c, let p):
                LocalizedText(zh: "第\(p)位“\(c)”不是允许的字符（0-9及除I、O、Z、S、V外的大写字母）",
                              en: "character \(p) '\(c)' is not allowed (0-9 and capitals other than I, O, Z, S, V)")
            case .division:
                LocalizedText(zh: "第3至8位应为行政区划码（数字）", en: "characters 3 to 8 must be the division code (digits)")
            case .checkCharacter(let expected, let found):
                LocalizedText(zh: "校验码不符：末位应为“\(expected)”，而不是“\(found)”",
                              en: "the check character should be '\(expected)', not '\(found)'")
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
