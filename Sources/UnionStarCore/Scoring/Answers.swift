import Foundation

/// A union's answers to a scheme's facts as given (an answers file, a form), before checking.
///
/// The file form is `{"facts": {"fact_id": value, ...}}` where a value is `true`/`false`, a number,
/// an option id, a list of the checklist elements present, or an object `{"element": true|false}`.
public struct Answers: Sendable, Equatable, Codable {
    public var facts: [String: AnswerValue]

    public init(facts: [String: AnswerValue] = [:]) { self.facts = facts }

    /// Parses an answers file; a malformed file is an `AnswerError`.
    public static func parse(json data: Data) throws(AnswerError) -> Answers {
        do {
            return try JSONDecoder().decode(Answers.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) where key.stringValue == "facts" {
            throw AnswerError([AnswerProblem(fact: nil, reason: Strings.Scoring.Answers.wrongShape)])
        } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
            throw AnswerError([AnswerProblem(fact: context.codingPath.last?.stringValue, reason: Strings.Scoring.Answers.valueOfWrongShape)])
        } catch {
            throw AnswerError([AnswerProblem(fact: nil, reason: Strings.Scoring.Answers.notJSON("\(error)"))])
        }
    }

    public func json(pretty: Bool = true) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// One answer as given.
public enum AnswerValue: Sendable, Equatable, Codable {
    case bool(Bool)
    case number(Decimal)
    case option(String)
    /// The checklist elements present.
    case list([String])
    /// Each checklist element, present or missing.
    case map([String: Bool])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let d = try? c.decode(Decimal.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .option(s); return }
        if let l = try? c.decode([String].self) { self = .list(l); return }
        if let m = try? c.decode([String: Bool].self) { self = .map(m); return }
        throw DecodingError.typeMismatch(AnswerValue.self, .init(
            codingPath: decoder.codingPath, debugDescription: "not an answer value"))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d)
        case .option(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .map(let m): try c.encode(m)
        }
    }
}

/// What is wrong with one answer, naming the fact (and element) it concerns.
public struct AnswerProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var fact: String?
    public var reason: LocalizedText

    public init(fact: String?, reason: LocalizedText) {
        self.fact = fact
        self.reason = reason
    }

    public func message(in language: Language) -> String {
        guard let fact else { return reason.text(in: language) }
        return Strings.Scoring.Answers.aboutFact(fact, reason).text(in: language)
    }

    public var description: String { message(in: .en) }
}

/// Answers that cannot be scored; every problem is listed, none is guessed away.
public struct AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [AnswerProblem]

    public init(_ problems: [AnswerProblem]) { self.problems = problems }

    public func message(in language: Language) -> String {
        problems.map { $0.message(in: language) }.joined(separator: "\n")
    }

    public var description: String { message(in: .en) }
}
