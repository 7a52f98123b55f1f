// Engine benchmark: `swift run -c release unionstar-bench [--count N] [--scheme ID] [--rounds R]`.
// Scores N generated answer sets and reports assessments per second and nanoseconds per item,
// for the hot path (total, tier, vetoes) and the full breakdown, in one run.
import Foundation
import UnionStarCore

func argument(_ name: String, default value: String) -> String {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return value }
    return args[i + 1]
}

let count = Int(argument("--count", default: "100000"))!
let schemeID = argument("--scheme", default: "rushan-2020-enterprise")
let rounds = Int(argument("--rounds", default: "5"))!
let root = URL(fileURLWithPath: argument("--root", default: FileManager.default.currentDirectoryPath))

let schemes = try SchemeLoader.loadDirectory(root.appendingPathComponent("Resources/Schemes"))
guard let scheme = schemes.first(where: { $0.id == schemeID }) else {
    FileHandle.standardError.write(Data("unknown scheme \(schemeID)\n".utf8))
    exit(1)
}
let scorer = try Scorer(scheme)
var generator = AnswerGenerator(seed: 20_201_106)
let inputs = (0..<count).map { _ in generator.values(for: scorer) }
let itemCount = scheme.items.count

/// Best of `rounds` wall-clock times for one pass over all inputs, in nanoseconds.
func measure(_ body: () -> Int64) -> (nanoseconds: Double, checksum: Int64) {
    var best = Double.infinity
    var checksum: Int64 = 0
    let clock = ContinuousClock()
    for _ in 0..<rounds {
        let start = clock.now
        checksum = body()
        let elapsed = clock.now - start
        let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        best = min(best, ns)
    }
    return (best, checksum)
}

let quick = measure {
    var sum: Int64 = 0
    for values in inputs {
        let score = scorer.quickScore(values)
        sum &+= score.total.raw &+ Int64(score.tierIndex ?? -1) &+ (score.vetoed ? 1 : 0)
    }
    return sum
}
let full = measure {
    var sum: Int64 = 0
    for values in inputs {
        let assessment = scorer.assess(values)
        sum &+= assessment.total.raw &+ Int64(assessment.items.count)
    }
    return sum
}

var tiers = Array(repeating: 0, count: scheme.tiers.count + 1)
for values in inputs { tiers[(scorer.quickScore(values).tierIndex ?? -1) + 1] += 1 }

func report(_ name: String, _ r: (nanoseconds: Double, checksum: Int64)) {
    let perAssessment = r.nanoseconds / Double(count)
    print(String(format: "%-22@ %12.0f assessments/s  %8.1f ns/assessment  %6.2f ns/item  (checksum %lld)",
                 name as NSString, 1e9 / perAssessment, perAssessment, perAssessment / Double(itemCount), r.checksum))
}

print("scheme \(schemeID): \(count) generated answer sets, \(itemCount) items, best of \(rounds) rounds, one core")
report("total+tier+vetoes", quick)
report("full breakdown", full)
print("full breakdown / hot path time ratio: " + String(format: "%.1f", full.nanoseconds / quick.nanoseconds))
print("tier spread (none, " + scheme.tiers.map(\.name).joined(separator: ", ") + "): " + tiers.map(String.init).joined(separator: " / "))
