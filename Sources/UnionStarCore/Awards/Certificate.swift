import Foundation

/// The certificate of a named unit (星级工会证书): what it says, and its number.
public struct Certificate: Sendable, Hashable, Codable {
    public var unitName: String
    public var tierName: String
    public var year: Int
    /// The federation that names the unit (命名单位), e.g. 乳山市总工会, or 威海市总工会 for five stars.
    public var issuer: String
    public var number: String
    public var namedOn: CalendarDate

    public init(unitName: String, tierName: String, year: Int, issuer: String, number: String, namedOn: CalendarDate) {
        self.unitName = unitName
        self.tierName = tierName
        self.year = year
        self.issuer = issuer
        self.number = number
        self.namedOn = namedOn
    }

    /// The number a certificate carries: the campaign's year, the tier's position (1 the lowest)
    /// and the unit's place among those named in the campaign, e.g. `2020-3-0007`. Unique within
    /// a campaign; given once, at naming, and never reused.
    public static func number(year: Int, tierRank: Int, sequence: Int) -> String {
        let padded = String(repeating: "0", count: max(0, 4 - String(sequence).count)) + String(sequence)
        return "\(year)-\(tierRank)-\(padded)"
    }
}
