import Foundation

/// The decision on a tier (确定星级等次), by the level that accepts it (考核验收).
public enum TierAcceptance {
    /// The tier the inspection gives: the highest the inspected total reaches by the scheme's
    /// thresholds (`TierDecision`), none when a veto holds, and never above the tier the union
    /// applied for — the tier its congress decided and its workers saw on the notice.
    public static func computed(inspected: Points, vetoed: Bool, applied: String?, tiers: [Tier]) -> String? {
        guard let named = TierDecision.decide(total: inspected, vetoed: vetoed, tiers: tiers).named else { return nil }
        let reached = tiers[named]
        guard let applied, let ceiling = tiers.first(where: { $0.id == applied }) else { return reached.id }
        return reached.minimum > ceiling.minimum ? ceiling.id : reached.id
    }

    /// The level that accepts the tier decided, or — when no tier is given — the one that accepts
    /// the tier applied for (it says "not named").
    public static func decidingLevel(decided: String?, applied: String?, tiers: [Tier]) -> FederationLevel? {
        let id = decided ?? applied
        return tiers.first { $0.id == id }?.acceptedBy
    }

    /// The level that names the unit with the tier decided (`Tier.namedBy`, else the accepting one).
    public static func namingLevel(decided: String?, applied: String?, tiers: [Tier]) -> FederationLevel? {
        let id = decided ?? applied
        return tiers.first { $0.id == id }.map { $0.namedBy ?? $0.acceptedBy }
    }

    /// Why a decision cannot be recorded as given; nil when it can. A tier other than the computed
    /// one needs a reason, which the decision shows; a tier that was not applied for, or is above
    /// it, cannot be given, and no tier can be given over a veto.
    public static func problem(decided: String?, computed: String?, applied: String?, vetoed: Bool, reason: String,
                               tiers: [Tier]) -> LocalizedText? {
        if let decided {
            guard let tier = tiers.first(where: { $0.id == decided }) else { return Strings.Review.unknownTier }
            if vetoed { return Strings.Review.vetoedNoTier }
            if let applied, let ceiling = tiers.first(where: { $0.id == applied }), tier.minimum > ceiling.minimum {
                return Strings.Review.aboveApplied(ceiling.label)
            }
        }
        if decided != computed && reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return Strings.Review.reasonNeeded
        }
        return nil
    }
}
