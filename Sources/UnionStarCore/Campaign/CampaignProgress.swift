/// How far a campaign has come under one node: units in each state, and participation (参与率)
/// against the target for each group below (the sub-federations, or the units themselves).
public struct CampaignProgress: Sendable, Hashable {
    /// One grassroots unit and where its application stands.
    public struct Unit: Sendable, Hashable {
        public var id: String
        public var path: TreePath
        public var state: ApplicationState

        public init(id: String, path: TreePath, state: ApplicationState) {
            self.id = id
            self.path = path
            self.state = state
        }
    }

    public struct Group: Sendable, Hashable {
        /// The group's node id.
        public var id: String
        public var units: Int
        public var takingPart: Int
        /// Percent (to four decimals, rounded down, so a rate never shows as reaching a target it
        /// misses); nil when the group has no units.
        public var rate: Points?
        public var meetsTarget: Bool?
    }

    public var byState: [ApplicationState: Int]
    public var units: Int
    public var takingPart: Int
    public var rate: Points?
    public var meetsTarget: Bool?
    public var groups: [Group]

    /// Counts `units` under `top`, grouped by the node one level below `top` on each unit's path
    /// (`groups`, in that order; a unit directly under `top` is its own group's only member).
    public static func compute(units: [Unit], top: TreePath, groups: [String], target: Points?) -> CampaignProgress {
        var byState: [ApplicationState: Int] = [:]
        var perGroup: [String: (units: Int, part: Int)] = [:]
        let depth = top.ids.count
        for unit in units where top.contains(unit.path) {
            byState[unit.state, default: 0] += 1
            let ids = unit.path.ids
            guard ids.count > depth else { continue }
            let group = ids[depth]
            perGroup[group, default: (0, 0)].units += 1
            if unit.state.takesPart { perGroup[group, default: (0, 0)].part += 1 }
        }
        func rate(_ part: Int, _ all: Int) -> Points? { Points.percent(part, of: all) }
        func meets(_ rate: Points?) -> Bool? {
            guard let rate, let target else { return nil }
            return rate >= target
        }
        let total = byState.values.reduce(0, +)
        let part = byState.filter { $0.key.takesPart }.values.reduce(0, +)
        let all = rate(part, total)
        return CampaignProgress(
            byState: byState, units: total, takingPart: part, rate: all, meetsTarget: meets(all),
            groups: groups.compactMap { id in
                guard let counts = perGroup[id] else { return nil }
                let r = rate(counts.part, counts.units)
                return Group(id: id, units: counts.units, takingPart: counts.part, rate: r, meetsTarget: meets(r))
            })
    }
}
