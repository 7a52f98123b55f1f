import Foundation
import UnionStarCore
import Vapor

/// `unionstar score --scheme ID --answers FILE [--json]`: the breakdown, or an error naming the fact.
struct ScoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scheme", help: "The scheme id.")
        var scheme: String?
        @Option(name: "answers", help: "An answers file {\"facts\": {...}} (/dev/stdin reads standard input).")
        var answers: String?
        @Flag(name: "json", help: "Print the breakdown as JSON.")
        var json: Bool
    }

    var help: String { "Scores an answers file against a scheme." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let schemeID = signature.scheme else { throw CommandFailure(message: "--scheme is required") }
        guard let path = signature.answers else { throw CommandFailure(message: "--answers is required") }
        let catalogue = context.application.catalogue
        let scheme = try catalogue.require(schemeID)
        // FileHandle rather than FileManager, so pipes such as /dev/stdin work too.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure(message: "cannot read answers file '\(path)'")
        }
        let data = handle.readDataToEndOfFile()
        let assessment = try catalogue.scorer(scheme.id)!.assess(try Answers.parse(json: data))
        if signature.json {
            print(try CommandOutput.json(AssessmentReport(assessment)))
        } else {
            print(render(assessment, scheme: scheme))
        }
    }

    private func render(_ a: Assessment, scheme: Scheme) -> String {
        typealias S = Strings.Scoring.Summary
        /// `总分 total: `: the Chinese and English names of a line.
        func head(_ name: LocalizedText) -> String { "\(name.zh) \(name.en): " }
        let separator = Strings.Common.listSeparator.zh
        var lines = ["\(scheme.id)  \(scheme.title)", head(S.total) + "\(a.total)/\(a.max)"]
        lines.append(head(S.tier) + (a.tier?.name ?? "—") + (a.tier == nil && a.scoreTier != nil ? S.reachedButVetoed(a.scoreTier!.name).zh : ""))
        lines.append(head(S.vetoes) + (a.vetoes.isEmpty ? "—" : a.vetoes.map(\.text).joined(separator: separator)))
        for item in a.items {
            let head = "  \(item.number). \(item.score)/\(item.max)"
            lines.append(item.applied.isEmpty ? head : head + "  " + item.applied.map(\.line).joined(separator: separator))
        }
        return lines.joined(separator: "\n")
    }
}
