import Foundation

/// Where a node sits in the union organisation tree.
public enum OrganisationLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// 地市总工会, e.g. 威海市总工会
    case prefecture
    /// 县级市总工会, e.g. 乳山市总工会
    case county
    /// 镇/街道/园区/系统/局公司工委会 unions
    case subFederation
    /// 基层工会
    case grassroots

    public var label: LocalizedText {
        switch self {
        case .prefecture: Strings.Organisations.Levels.prefecture
        case .county: Strings.Organisations.Levels.county
        case .subFederation: Strings.Organisations.Levels.subFederation
        case .grassroots: Strings.Organisations.Levels.grassroots
        }
    }

    private var rank: Int {
        switch self {
        case .prefecture: 0
        case .county: 1
        case .subFederation: 2
        case .grassroots: 3
        }
    }

    public static func < (a: OrganisationLevel, b: OrganisationLevel) -> Bool { a.rank < b.rank }

    /// Which levels may sit directly under this one. Sub-federations nest (a 局 committee under a
    /// town, a park under a street); grassroots unions are leaves.
    public var allowedChildren: Set<OrganisationLevel> {
        switch self {
        case .prefecture: [.county]
        case .county: [.subFederation, .grassroots]
        case .subFederation: [.subFederation, .grassroots]
        case .grassroots: []
        }
    }

    /// Only a prefecture federation stands at the top of a tree.
    public var canBeRoot: Bool { self == .prefecture }
}

/// The kind of a grassroots union (基层工会类型).
public enum UnionKind: String, Sendable, Codable, CaseIterable {
    /// 企业工会
    case enterprise
    /// 区域工会（联合会）
    case regional
    /// 行业工会（联合会）
    case industry
    /// 医院工会 (卫生系统)
    case hospital
    /// 学校工会 (教育系统)
    case school
    /// 机关事业单位工会
    case institution

    public var label: LocalizedText {
        switch self {
        case .enterprise: Strings.Organisations.Kinds.enterprise
        case .regional: Strings.Organisations.Kinds.regional
        case .industry: Strings.Organisations.Kinds.industry
        case .hospital: Strings.Organisations.Kinds.hospital
        case .school: Strings.Organisations.Kinds.school
        case .institution: Strings.Organisations.Kinds.institution
        }
    }

    /// Reads a kind from its id or its Chinese name (as a spreadsheet has it).
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let kind = UnionKind(rawValue: t) { self = kind; return }
        guard let kind = UnionKind.allCases.first(where: { $0.label.zh == t || $0.label.zh.hasPrefix(t) && t.count >= 2 }) else { return nil }
        self = kind
    }
}
