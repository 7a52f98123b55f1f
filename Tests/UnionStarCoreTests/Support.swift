import Foundation
import Testing
@testable import UnionStarCore

/// The repository root, found from this file, so tests read the real scheme files.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built-in schemes, loaded once.
let builtInSchemes: [String: Scheme] = {
    let schemes = try! SchemeLoader.loadDirectory(repositoryRoot.appendingPathComponent("Resources/Schemes"))
    return Dictionary(uniqueKeysWithValues: schemes.map { ($0.id, $0) })
}()

let builtInCalendar: WorkingDayCalendar = {
    try! CalendarFile.loadDirectory(repositoryRoot.appendingPathComponent("Resources/Calendars"))
}()

func scorer(_ id: String) -> Scorer {
    try! Scorer(builtInSchemes[id]!)
}

/// A change to the template answers: set a fact, or leave it out.
enum Change: Sendable {
    case set(String, AnswerValue)
    case remove(String)
}

/// Shorthands for answers in test tables.
func yes(_ fact: String) -> Change { .set(fact, .bool(true)) }
func no(_ fact: String) -> Change { .set(fact, .bool(false)) }
func count(_ fact: String, _ n: Int) -> Change { .set(fact, .number(Decimal(n))) }
func percent(_ fact: String, _ text: String) -> Change { .set(fact, .number(Decimal(string: text)!)) }
func option(_ fact: String, _ id: String) -> Change { .set(fact, .option(id)) }
/// A checklist with the named elements missing and every other present.
func missing(_ fact: String, _ elements: String..., in schemeID: String) -> Change {
    let all = builtInSchemes[schemeID]!.allFacts.first { $0.id == fact }!.elements!.map(\.id)
    return .set(fact, .map(Dictionary(uniqueKeysWithValues: all.map { ($0, !elements.contains($0)) })))
}

/// Scores the template answers of `schemeID` with `changes` applied.
func assess(_ schemeID: String, _ changes: [Change]) throws -> Assessment {
    let s = scorer(schemeID)
    var answers = s.templateAnswers()
    for change in changes {
        switch change {
        case .set(let fact, let value): answers.facts[fact] = value
        case .remove(let fact): answers.facts[fact] = nil
        }
    }
    return try s.assess(answers)
}

extension Assessment {
    func item(_ number: Int) -> ItemScore { items.first { $0.number == number }! }
}

extension Points {
    init(_ text: String) { self = Points(parsing: text)! }
}
