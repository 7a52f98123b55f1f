/// 逐级审核盖章: the sub-federations (town, park or system unions; nested ones in turn) that endorse
/// a filed application, nearest first, on its way from the union to the federation that runs the
/// campaign (Yizheng: 向所在镇、园区、系统逐级审核盖章汇总后报至市总).
public struct EndorsementChain: Sendable, Hashable {
    /// The endorsers, nearest the union first.
    public var endorsers: [TreePath]

    public init(endorsers: [TreePath]) {
        self.endorsers = endorsers
    }

    /// The nodes strictly between the campaign's federation (`owner`) and the union, that are
    /// sub-federations by `levels` (a node's level by its id), nearest the union first. A union
    /// directly under the federation has none: its application goes straight to the federation.
    public static func of(unit: TreePath, owner: TreePath, levels: [String: OrganisationLevel]) -> EndorsementChain {
        let ids = unit.ids
        let ownerDepth = owner.depth
        guard owner.contains(unit), ids.count > ownerDepth + 1 else { return EndorsementChain(endorsers: []) }
        var endorsers: [TreePath] = []
        for depth in stride(from: ids.count - 1, to: ownerDepth, by: -1) where levels[ids[depth - 1]] == .subFederation {
            endorsers.append(TreePath(ids: Array(ids.prefix(depth))))
        }
        return EndorsementChain(endorsers: endorsers)
    }

    /// The next sub-federation to endorse, given those that have (by path); nil when all have.
    public func next(endorsed: Set<TreePath>) -> TreePath? {
        endorsers.first { !endorsed.contains($0) }
    }
}
