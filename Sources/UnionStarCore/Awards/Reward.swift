/// The money a named union receives (奖励工作经费), after the scheme's reductions.
public struct RewardDecision: Sendable, Hashable, Codable {
    public var tierID: String
    public var fullAmount: Points
    public var amount: Points
    /// The reductions that applied, in the scheme's words.
    public var reductions: [String]

    /// Nil when the scheme pays nothing for this tier.
    public static func decide(policy: RewardPolicy, tierID: String, members: Int) -> RewardDecision? {
        guard let base = policy.amounts.first(where: { $0.tier == tierID }) else { return nil }
        var amount = base.yuan
        var applied: [String] = []
        for reduction in policy.reductions ?? [] where members <= reduction.membersAtMost {
            amount = amount.multiplied(by: reduction.factor)
            applied.append(reduction.text)
        }
        return RewardDecision(tierID: tierID, fullAmount: base.yuan, amount: amount, reductions: applied)
    }
}
