/// How a scheme gives its tiers over the years.
public struct AwardingPolicy: Sendable, Hashable, Codable {
    /// 逐级表彰: a unit may be named only one tier above the one it holds (none held: the lowest).
    public var tierByTier: Bool
    /// The seed's sentence; `textEn` the same in English.
    public var text: String
    public var textEn: String?

    public init(tierByTier: Bool, text: String, textEn: String? = nil) {
        self.tierByTier = tierByTier
        self.text = text
        self.textEn = textEn
    }
}

/// Which tiers are open to a unit, given the one it holds (逐级表彰).
public enum TierLadder {
    /// The tiers (lowest first) a unit holding `held` may apply for or be named at: all of them,
    /// unless the scheme awards tier by tier, then those up to one step above the held tier (the
    /// lowest, when it holds none; a tier it holds or one below stays open, to be named again).
    public static func open(_ tiers: [Tier], held: String?, policy: AwardingPolicy?) -> [Tier] {
        let ordered = tiers.sorted { $0.minimum < $1.minimum }
        guard policy?.tierByTier == true else { return ordered }
        let heldIndex = held.flatMap { id in ordered.firstIndex { $0.id == id } }
        let highest = heldIndex.map { $0 + 1 } ?? 0
        return Array(ordered.prefix(highest + 1))
    }

    /// Why `tier` is not open to the unit; nil when it is.
    public static func refusal(_ tier: String, tiers: [Tier], held: String?, policy: AwardingPolicy?) -> LocalizedText? {
        let open = open(tiers, held: held, policy: policy)
        guard !open.contains(where: { $0.id == tier }), let highest = open.last else { return nil }
        return Strings.Awards.tierByTier(held: held.flatMap { id in tiers.first { $0.id == id }?.label }, highest: highest.label)
    }

    /// The sentence the application page shows when a higher tier is closed to the unit; nil when
    /// every tier is open.
    public static func explanation(tiers: [Tier], held: String?, policy: AwardingPolicy?) -> LocalizedText? {
        let open = open(tiers, held: held, policy: policy)
        guard open.count < tiers.count, let highest = open.last else { return nil }
        return Strings.Awards.tierByTier(held: held.flatMap { id in tiers.first { $0.id == id }?.label }, highest: highest.label)
    }
}
