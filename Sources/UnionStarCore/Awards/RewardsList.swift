import Foundation

/// The rewards list (奖励名单) of a campaign: each named unit with the money the scheme gives its
/// tier after reductions (Yizheng: 2000/6000/10000元, 会员人数50人以下的减半), and the honours that
/// go with the tier, listed with the people (Rushan: the chair of a five-star union is named
/// 威海市优秀工会主席).
public enum RewardsList {
    /// A named unit as the list needs it.
    public struct Named: Sendable, Hashable {
        public var unitName: String
        public var tierID: String
        public var members: Int
        /// The chair (or the vice-chair presiding over the union's work) named on the form.
        public var chair: String
        public var certificate: String

        public init(unitName: String, tierID: String, members: Int, chair: String, certificate: String) {
            self.unitName = unitName
            self.tierID = tierID
            self.members = members
            self.chair = chair
            self.certificate = certificate
        }
    }

    public struct Row: Sendable, Hashable {
        public var named: Named
        public var tier: Tier
        /// Nil when the scheme gives this tier no money.
        public var reward: RewardDecision?
    }

    public struct Honour: Sendable, Hashable {
        public var person: String
        public var unitName: String
        public var tier: Tier
        public var honour: LocalizedText
    }

    /// Rows highest tier first, then by name; units whose tier the scheme does not know are left out.
    public static func rows(_ named: [Named], scheme: Scheme) -> [Row] {
        let rank = Dictionary(uniqueKeysWithValues: scheme.tiers.enumerated().map { ($1.id, $0) })
        return named.compactMap { unit -> Row? in
            guard let tier = scheme.tiers.first(where: { $0.id == unit.tierID }) else { return nil }
            let reward = scheme.rewards.flatMap { RewardDecision.decide(policy: $0, tierID: tier.id, members: unit.members) }
            return Row(named: unit, tier: tier, reward: reward)
        }
        .sorted { a, b in
            let ra = rank[a.tier.id] ?? 0, rb = rank[b.tier.id] ?? 0
            return ra != rb ? ra > rb : (a.named.unitName, a.named.certificate) < (b.named.unitName, b.named.certificate)
        }
    }

    /// The sum of the money due.
    public static func total(_ rows: [Row]) -> Points {
        rows.reduce(Points.zero) { $0 + ($1.reward?.amount ?? .zero) }
    }

    /// The honours of the tiers, one per person and honour.
    public static func honours(_ rows: [Row]) -> [Honour] {
        rows.flatMap { row in
            let zh = row.tier.honours ?? []
            let en = row.tier.honoursEn ?? []
            return zh.enumerated().map { index, text in
                Honour(person: row.named.chair, unitName: row.named.unitName, tier: row.tier,
                       honour: LocalizedText(zh: text, en: index < en.count ? en[index] : text))
            }
        }
    }

    /// The list as a spreadsheet, in the reader's language.
    public static func csv(_ rows: [Row], language: Language) -> Data {
        func t(_ text: LocalizedText) -> String { text.text(in: language) }
        let s = Strings.Rewards.self
        let separator = Strings.Common.listSeparator
        let header = [s.unit, s.tier, s.members, s.chair, s.certificate, s.fullAmount, s.amount, s.reductions, s.honours].map(t)
        let lines = rows.map { row -> [String] in
            let honours = honours([row]).map { t($0.honour) }
            return [row.named.unitName, t(row.tier.label), String(row.named.members), row.named.chair, row.named.certificate,
                    row.reward.map { "\($0.fullAmount)" } ?? "", row.reward.map { "\($0.amount)" } ?? "",
                    (row.reward?.reductions ?? []).joined(separator: t(separator)), honours.joined(separator: t(separator))]
        }
        return CSVTable.write(header: header, rows: lines)
    }
}
