/// The earlier assessment beside the new one, item by item (复查、年度自查: what changed, what slipped).
public enum AssessmentComparison {
    /// One item's points, earlier and now; the inspected points where there was an inspection.
    public struct Row: Sendable, Hashable {
        public var number: Int
        public var max: Points
        public var earlierSelf: Points?
        public var earlierInspected: Points?
        public var nowSelf: Points?
        public var nowInspected: Points?

        /// The points that count on each side: inspected when inspected, else self-scored.
        public var earlier: Points? { earlierInspected ?? earlierSelf }
        public var now: Points? { nowInspected ?? nowSelf }
        /// Now minus earlier; nil when either side has no points.
        public var change: Points? {
            guard let earlier, let now else { return nil }
            return now - earlier
        }
        /// Lower than it was (查漏补缺: the items to mend).
        public var slipped: Bool { (change ?? .zero) < .zero }
    }

    /// One assessment: item points by number, self-scored and (if inspected) the combined inspection.
    public struct Side: Sendable, Hashable {
        public var selfItems: [Int: Points]
        public var inspectedItems: [Int: Points]?

        public init(selfItems: [Int: Points], inspectedItems: [Int: Points]? = nil) {
            self.selfItems = selfItems
            self.inspectedItems = inspectedItems
        }
    }

    /// The rows of the scheme in force, item by item; an item the earlier scheme did not have
    /// (a new standard) has no earlier points.
    public static func compare(earlier: Side, now: Side, scheme: Scheme) -> [Row] {
        scheme.items.map { item in
            Row(number: item.number, max: item.max, earlierSelf: earlier.selfItems[item.number],
                earlierInspected: earlier.inspectedItems?[item.number], nowSelf: now.selfItems[item.number],
                nowInspected: now.inspectedItems?[item.number])
        }
    }

    /// Item points by number from an inspection's combined items (keyed by the item's number as text).
    public static func items(_ byID: [String: Points]) -> [Int: Points] {
        Dictionary(uniqueKeysWithValues: byID.compactMap { key, value in Int(key).map { ($0, value) } })
    }
}
