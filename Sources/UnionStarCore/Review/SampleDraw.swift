/// A reproducible random sample (抽查): the same candidates and the same seed draw the same units,
/// on any machine, so anyone holding the recorded seed can repeat the draw.
public enum SampleDraw {
    /// `count` of `candidates` (ids), in the order drawn. The candidates are put in id order first,
    /// so the order they were listed in does not matter; then a Fisher–Yates shuffle driven by
    /// SplitMix64 from `seed` picks the first `count`.
    public static func draw(_ candidates: [String], count: Int, seed: UInt64) -> [String] {
        var pool = order(candidates)
        var random = SplitMix64(seed: seed)
        let take = max(0, min(count, pool.count))
        for index in 0..<take {
            let pick = index + Int(random.next(below: UInt64(pool.count - index)))
            pool.swapAt(index, pick)
        }
        return Array(pool.prefix(take))
    }

    /// The candidates as the draw takes them: each once, in ascending order of their UTF-8 bytes
    /// (the order a published list of the population is printed in, so anyone can repeat the draw).
    public static func order(_ candidates: [String]) -> [String] {
        Array(Set(candidates)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// SplitMix64: small, fast, and the same sequence on every machine.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform below `bound` (rejection sampling, so no value is favoured).
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return value % bound }
        }
    }
}
