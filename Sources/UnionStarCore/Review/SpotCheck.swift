import Foundation

/// 抽查: the level above spot-checks some of the units decided at a tier (Yizheng: 扬州市总工会将根据
/// 上报情况对部分三星级单位进行抽查). The sample is drawn by `SampleDraw` from a seed that is recorded
/// and published with the population, so anyone can repeat the draw.
public enum SpotCheck {
    /// The tiers of a scheme that `level` spot-checks (`spotCheckBy`).
    public static func tiers(_ tiers: [Tier], checkedBy level: FederationLevel) -> [Tier] {
        tiers.filter { $0.spotCheckBy == level }
    }

    /// A draw asked for: the sample size and the seed (nil: the app picks one and records it).
    public struct Request: Sendable, Hashable {
        public var size: Int
        public var seed: UInt64?

        public init(size: Int, seed: UInt64?) {
            self.size = size
            self.seed = seed
        }
    }

    /// The sample size and the seed as typed, or the problems by field: the size a whole number
    /// from 1 to the population (`size`; an empty population has nothing to draw); the seed empty
    /// or a whole number from 0 to 2⁶⁴−1 written in digits (`seed`).
    public static func parse(size: String, seed: String, population: Int) -> Result<Request, FieldErrors> {
        var errors = FieldErrors()
        let sizeText = size.trimmingCharacters(in: .whitespaces)
        let seedText = seed.trimmingCharacters(in: .whitespaces)
        var count: Int?
        if population == 0 {
            errors.add("size", Strings.SpotChecks.emptyPopulation)
        } else if let n = Int(sizeText), sizeText.allSatisfy(\.isASCIIDigit), (1...population).contains(n) {
            count = n
        } else {
            errors.add("size", Strings.SpotChecks.sizeOutOfRange(population: population))
        }
        var value: UInt64?
        if !seedText.isEmpty {
            if seedText.allSatisfy(\.isASCIIDigit), let parsed = UInt64(seedText) { value = parsed }
            else { errors.add("seed", Strings.SpotChecks.seedInvalid) }
        }
        guard errors.isEmpty, let count else { return .failure(errors) }
        return .success(Request(size: count, seed: value))
    }

    /// The population as it is published for download: a comment line, then one unit a line,
    /// `id<TAB>name`, in the draw's order (`SampleDraw.order`).
    public static func populationText(_ units: [(id: String, name: String)], heading: String) -> String {
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let lines = SampleDraw.order(units.map(\.id)).map { id in id + "\t" + (names[id] ?? "").replacingOccurrences(of: "\n", with: " ") }
        return (["# " + heading] + lines).joined(separator: "\n") + "\n"
    }

    /// The ids in such a text: the first tab-separated field of every line that is neither empty
    /// nor a comment (`#`).
    public static func ids(inPopulationText text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let id = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return id.isEmpty || id.hasPrefix("#") ? nil : id
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
