/// How several inspectors' scores become the unit's inspected score; the campaign states it.
public enum CombineRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The mean of the inspectors' totals (and of each item's scores), to 0.01.
    case mean
    /// The inspectors agree on one score: every inspector's total must be the same.
    case agreed

    public var label: LocalizedText { Strings.Review.combineRule(self) }
}

/// One inspector's scoring of a unit: the total and each item's points, by item id.
public struct InspectorScore: Sendable, Hashable, Codable {
    public var inspector: String
    public var total: Points
    public var items: [String: Points]

    public init(inspector: String, total: Points, items: [String: Points]) {
        self.inspector = inspector
        self.total = total
        self.items = items
    }
}

/// The inspection of one unit, combined.
public struct CombinedInspection: Sendable, Hashable {
    /// The unit's inspected total; nil while the rule cannot give one (no scores; under `agreed`,
    /// totals that differ).
    public var total: Points?
    /// Highest total minus lowest (0 with one inspector).
    public var spread: Points
    /// Each item's combined points, by item id (mean, or the agreed points).
    public var items: [String: Points]
    /// Items whose combined points differ from the self-assessment's, by item id: inspected minus self.
    public var deviations: [String: Points]
    /// Why there is no total, in words.
    public var problem: LocalizedText?
}

public enum InspectionScores {
    /// Combines the inspectors' scores by `rule`, beside the self-assessment's item points.
    public static func combine(_ scores: [InspectorScore], rule: CombineRule, selfItems: [String: Points]) -> CombinedInspection {
        guard let first = scores.first else {
            return CombinedInspection(total: nil, spread: .zero, items: [:], deviations: [:], problem: Strings.Review.noScores)
        }
        let totals = scores.map(\.total)
        let spread = totals.max()! - totals.min()!
        let itemIDs = Set(scores.flatMap { $0.items.keys })
        var items: [String: Points] = [:]
        var total: Points?
        var problem: LocalizedText?
        switch rule {
        case .mean:
            for id in itemIDs {
                let given = scores.compactMap { $0.items[id] }
                items[id] = mean(given)
            }
            total = mean(totals)
        case .agreed:
            if spread == .zero && scores.allSatisfy({ $0.items == first.items }) {
                items = first.items
                total = first.total
            } else {
                problem = Strings.Review.notAgreed(spread: spread)
                for id in itemIDs { items[id] = mean(scores.compactMap { $0.items[id] }) }
            }
        }
        var deviations: [String: Points] = [:]
        for (id, points) in items {
            let difference = points - (selfItems[id] ?? .zero)
            if difference != .zero { deviations[id] = difference }
        }
        return CombinedInspection(total: total, spread: spread, items: items, deviations: deviations, problem: problem)
    }

    /// The mean to 0.01, halves rounded away from zero (as scores are printed).
    static func mean(_ values: [Points]) -> Points {
        guard !values.isEmpty else { return .zero }
        let sum = values.reduce(Int64(0)) { $0 + $1.raw }
        let step = Points.scale / 100
        let divisor = Int64(values.count) * step
        let quotient = sum / divisor, remainder = sum % divisor
        let rounded = abs(remainder) * 2 >= divisor ? quotient + (sum < 0 ? -1 : 1) : quotient
        return Points(raw: rounded * step)
    }
}
