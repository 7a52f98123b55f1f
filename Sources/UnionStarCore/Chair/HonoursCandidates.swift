import Foundation

/// The units and people named in award campaigns, as candidates for further honours:
///
/// - 获评单位和个人可优先参评各级工会荣誉 (Rushan) / 优先作为工会系统评先评优的推荐对象 (Yizheng): every
///   named union and its chair, and every named chair, filtered by tier and year;
/// - 对近两年受到星级基层工会表彰的工会主席给予适当奖励 (Yizheng 四（四）): the chairs honoured in a year
///   or the year before — chairs of named unions and chairs named themselves — listed without an
///   amount, since the notice sets none;
/// - 从被表彰的五星级基层工会和工会主席中择优…推荐申报扬州市五一劳动奖状和五一劳动奖章: the named whose
///   tier carries honours in the scheme (the five-star union → 奖状, the five-star chair → 奖章).
public enum HonoursCandidates {
    public struct Named: Sendable, Hashable {
        public var year: Int
        /// A named union, or a named chair (争当星级基层工会主席).
        public var subject: Scheme.Subject
        public var unitName: String
        /// The chair of the union (as on its form or profile), or the chair named.
        public var person: String
        public var tier: Tier
        /// The tier's place in its scheme, 0 the lowest.
        public var tierRank: Int
        public var issuer: String
        public var certificate: String

        public init(year: Int, subject: Scheme.Subject, unitName: String, person: String, tier: Tier, tierRank: Int, issuer: String,
                    certificate: String) {
            self.year = year
            self.subject = subject
            self.unitName = unitName
            self.person = person
            self.tier = tier
            self.tierRank = tierRank
            self.issuer = issuer
            self.certificate = certificate
        }
    }

    /// Newest year first, then the highest tier, unions before chairs, then by unit and certificate.
    static func ordered(_ a: Named, _ b: Named) -> Bool {
        if a.year != b.year { return a.year > b.year }
        if a.tierRank != b.tierRank { return a.tierRank > b.tierRank }
        if a.subject != b.subject { return a.subject == .union }
        return (a.unitName, a.certificate) < (b.unitName, b.certificate)
    }

    /// The named in `year` (nil: any) at the tier `tierID` (nil: any), in order.
    public static func select(_ named: [Named], year: Int?, tierID: String?) -> [Named] {
        named.filter { (year == nil || $0.year == year) && (tierID == nil || $0.tier.id == tierID) }.sorted(by: ordered)
    }

    /// 近两年受到星级基层工会表彰的工会主席: the chairs of unions named in `year` or the year before and
    /// the chairs named in those years, one row per honour, in order; a union without a known chair
    /// is left out (there is nobody to reward).
    public static func recentChairs(_ named: [Named], year: Int) -> [Named] {
        named.filter { ($0.year == year || $0.year == year - 1) && !$0.person.isEmpty }.sorted(by: ordered)
    }

    /// The honours a tier carries, with whom each is for: the union for a union's honour (奖状), the
    /// person for a chair's (奖章).
    public struct TierHonour: Sendable, Hashable {
        public var named: Named
        public var honour: LocalizedText
    }

    /// The named of `year` whose tier carries honours (Yizheng's five stars), one row per honour.
    public static func tierHonours(_ named: [Named], year: Int) -> [TierHonour] {
        named.filter { $0.year == year }.sorted(by: ordered).flatMap { row in
            let zh = row.tier.honours ?? [], en = row.tier.honoursEn ?? []
            return zh.enumerated().map { index, text in
                TierHonour(named: row, honour: LocalizedText(zh: text, en: index < en.count ? en[index] : text))
            }
        }
    }

    /// The candidates as a spreadsheet, in the reader's language.
    public static func csv(_ rows: [Named], language: Language) -> Data {
        let s = Strings.Honours.self
        let header = [s.year, s.subject, s.unit, s.person, s.tier, s.issuer, s.certificate].map { $0.text(in: language) }
        return CSVTable.write(header: header, rows: rows.map { row in
            [String(row.year), Strings.Chair.subject(row.subject).text(in: language), row.unitName, row.person,
             row.tier.label.text(in: language), row.issuer, row.certificate]
        })
    }

    /// The tier honours as a spreadsheet.
    public static func csv(_ rows: [TierHonour], language: Language) -> Data {
        let s = Strings.Honours.self
        let header = [s.honour, s.subject, s.unit, s.person, s.tier, s.certificate].map { $0.text(in: language) }
        return CSVTable.write(header: header, rows: rows.map { row in
            [row.honour.text(in: language), Strings.Chair.subject(row.named.subject).text(in: language), row.named.unitName,
             row.named.person, row.named.tier.label.text(in: language), row.named.certificate]
        })
    }
}
