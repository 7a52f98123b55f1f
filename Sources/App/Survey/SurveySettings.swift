import Foundation
import UnionStarCore
import Vapor

/// The minimum-responses rule of this installation, from the environment:
/// `UNIONSTAR_SURVEY_MIN_RESPONSES` (answers, default 10) and `UNIONSTAR_SURVEY_MIN_RATE` (percent of
/// the tokens issued, default 50). Each survey keeps the rule in force when it was built.
enum SurveySettings {
    static func minimum(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SurveyMinimum {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var minimum = SurveyMinimum.standard
        if let text = value("UNIONSTAR_SURVEY_MIN_RESPONSES") {
            guard let n = Int(text), SurveyMinimum.responseBounds.contains(n) else {
                throw CommandFailure(message: "UNIONSTAR_SURVEY_MIN_RESPONSES must be a whole number of answers from 1 to 1000")
            }
            minimum.responses = n
        }
        if let text = value("UNIONSTAR_SURVEY_MIN_RATE") {
            guard let rate = Points(parsing: text), rate >= .zero, rate <= 100 else {
                throw CommandFailure(message: "UNIONSTAR_SURVEY_MIN_RATE must be a percentage from 0 to 100")
            }
            minimum.responseRate = rate
        }
        return minimum
    }
}

extension Application {
    private struct SurveyMinimumKey: StorageKey { typealias Value = SurveyMinimum }

    /// Read in `configure`; tests set their own.
    var surveyMinimum: SurveyMinimum {
        get { storage[SurveyMinimumKey.self] ?? .standard }
        set { storage[SurveyMinimumKey.self] = newValue }
    }
}
