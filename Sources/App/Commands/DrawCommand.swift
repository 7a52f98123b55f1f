import Foundation
import UnionStarCore
import Vapor

/// `unionstar draw --seed N --size K --population FILE`: repeats a spot-check draw (抽查) from its
/// published population (the public page's text file: one unit a line, its id first, `#` lines
/// ignored) and its seed, and prints the lines drawn, in the order drawn. Needs no database: anyone
/// holding the published list can check the sample.
struct DrawCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed", help: "The draw's seed (a whole number from 0 to 18446744073709551615).")
        var seed: String?
        @Option(name: "size", help: "How many units were drawn.")
        var size: String?
        @Option(name: "population", help: "The population file (/dev/stdin reads standard input).")
        var population: String?
    }

    var help: String { "Repeats a spot-check draw from its published population and seed." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let seedText = signature.seed else { throw CommandFailure(message: "--seed is required") }
        guard let size = signature.size else { throw CommandFailure(message: "--size is required") }
        guard let path = signature.population else { throw CommandFailure(message: "--population is required") }
        // FileHandle rather than FileManager, so pipes such as /dev/stdin work too.
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure(message: "cannot read population file '\(path)'") }
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        let ids = SpotCheck.ids(inPopulationText: text)
        switch SpotCheck.parse(size: size, seed: seedText, population: ids.count) {
        case .failure(let errors):
            let (field, message) = errors.first!
            throw AppError.invalid(field: field, message)
        case .success(let request):
            guard let seed = request.seed else { throw CommandFailure(message: "--seed is required") }
            // Each id's whole line, so the output names the units as the file does.
            var lineOf: [String: String] = [:]
            for line in text.split(whereSeparator: \.isNewline) {
                if let id = SpotCheck.ids(inPopulationText: String(line)).first, lineOf[id] == nil { lineOf[id] = String(line) }
            }
            for id in SampleDraw.draw(ids, count: request.size, seed: seed) { print(lineOf[id] ?? id) }
        }
    }
}
