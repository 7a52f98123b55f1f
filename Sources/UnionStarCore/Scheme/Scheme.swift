/// A rating scheme (评定方案/创建标准): the rubric, its vetoes, tiers, rewards, re-review and timeline.
///
/// Schemes are data (`Resources/Schemes/*.yaml`), loaded and validated by `SchemeLoader`.
public struct Scheme: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var titleEn: String?
    /// The document it comes from, e.g. `乳会发〔2020〕6号 附件1`.
    public var source: String
    /// The federation that issued it, e.g. `乳山市总工会`.
    public var issuer: String
    public var year: Int
    /// Edition of the scheme file (1 unless the file says); campaigns pin it with the content hash.
    public var version: Int = 1
    /// Kinds of grassroots union the scheme is for (enterprise, regional, industry, hospital, school, …).
    public var appliesTo: [String]
    /// Whether the scheme rates a union (`union`) or its chair (`chair`).
    public var subject: Subject
    public var total: Points
    /// True when the point splits are placeholders the federation must set (Yizheng's tables are absent).
    public var placeholder: Bool
    /// Why the scheme is as it is (Chinese); `noteEn` is the same in English.
    public var note: String?
    public var noteEn: String?
    public var settings: [Setting]
    /// Facts that belong to no item: the union's profile, the vetoes.
    public var facts: [Fact]
    public var sections: [Section]
    public var vetoes: [Veto]
    public var tiers: [Tier]
    public var rewards: RewardPolicy?
    public var reReview: ReReviewPolicy?
    /// How tiers are given over the years (Yizheng: 表彰原则上为逐级表彰); nil: any tier, any year.
    public var awarding: AwardingPolicy?
    public var timeline: Timeline?

    public enum Subject: String, Sendable, Hashable, Codable {
        case union
        case chair
    }

    private enum CodingKeys: String, CodingKey {
        case id, version, title, titleEn, source, issuer, year, appliesTo, subject, total, placeholder, note, noteEn
        case settings, facts, sections, vetoes, tiers, rewards, reReview, awarding, timeline
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        titleEn = try c.decodeIfPresent(String.self, forKey: .titleEn)
        source = try c.decode(String.self, forKey: .source)
        issuer = try c.decode(String.self, forKey: .issuer)
        year = try c.decode(Int.self, forKey: .year)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        appliesTo = try c.decodeIfPresent([String].self, forKey: .appliesTo) ?? []
        subject = try c.decodeIfPresent(Subject.self, forKey: .subject) ?? .union
        total = try c.decodeIfPresent(Points.self, forKey: .total) ?? 100
        placeholder = try c.decodeIfPresent(Bool.self, forKey: .placeholder) ?? false
        note = try c.decodeIfPresent(String.self, forKey: .note)
        noteEn = try c.decodeIfPresent(String.self, forKey: .noteEn)
        settings = try c.decodeIfPresent([Setting].self, forKey: .settings) ?? []
        facts = try c.decodeIfPresent([Fact].self, forKey: .facts) ?? []
        sections = try c.decode([Section].self, forKey: .sections)
        vetoes = try c.decodeIfPresent([Veto].self, forKey: .vetoes) ?? []
        tiers = try c.decode([Tier].self, forKey: .tiers)
        rewards = try c.decodeIfPresent(RewardPolicy.self, forKey: .rewards)
        reReview = try c.decodeIfPresent(ReReviewPolicy.self, forKey: .reReview)
        awarding = try c.decodeIfPresent(AwardingPolicy.self, forKey: .awarding)
        timeline = try c.decodeIfPresent(Timeline.self, forKey: .timeline)
    }

    /// Items in document order.
    public var items: [Item] { sections.flatMap(\.items) }

    /// Every fact, the scheme's own first, then each item's, in document order.
    public var allFacts: [Fact] { facts + items.flatMap(\.facts) }

    public func item(number: Int) -> Item? { items.first { $0.number == number } }
    public func setting(_ id: String) -> Setting? { settings.first { $0.id == id } }
    public func tier(id: String) -> Tier? { tiers.first { $0.id == id } }
}

/// A section of the rubric (内容), e.g. 自身建设规范（20分）.
public struct Section: Sendable, Hashable, Codable {
    public var title: String
    public var titleEn: String?
    public var max: Points
    public var items: [Item]
}

/// One item of the rubric (序号), with its standard (创建标准), max points (分值) and quantification (量化项).
public struct Item: Sendable, Hashable, Codable {
    public var number: Int
    public var max: Points
    public var standard: String
    public var quantification: String
    /// The records (台账) an inspector expects to see.
    public var evidence: [String]?
    public var facts: [Fact]
    public var rules: [Rule]
    /// True when the item's points are a placeholder for the federation to set.
    public var placeholder: Bool?
    public var note: String?
    public var noteEn: String?

    /// The score before any rule: the maximum less what accruing rules can add.
    public var base: Points {
        max - rules.reduce(Points.zero) { $0 + $1.maximumGain }
    }
}

/// A veto (一票否决): whatever the score, the union cannot be named when it holds.
public struct Veto: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public var textEn: String?
    public var when: Condition
    public var note: String?
    public var noteEn: String?
}

/// Which level of federation accepts (考核验收) or spot-checks a tier.
public enum FederationLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 县级市总工会, e.g. 乳山市总工会, 仪征市总工会
    case county
    /// 地市总工会, e.g. 威海市总工会, 扬州市总工会
    case prefecture

    public var label: LocalizedText {
        switch self {
        case .county: Strings.Organisations.Levels.county
        case .prefecture: Strings.Organisations.Levels.prefecture
        }
    }
}

/// A star tier (星级): the name, the inclusive minimum, who accepts it.
public struct Tier: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var nameEn: String?
    /// Inclusive: a total equal to the minimum reaches the tier (70分以上（含70分）).
    public var minimum: Points
    public var acceptedBy: FederationLevel
    /// The level that names (表彰) the unit when it is not the accepting one (Yizheng: the city
    /// federation recommends, 受到扬州市总表彰); nil: the accepting level names.
    public var namedBy: FederationLevel?
    public var spotCheckBy: FederationLevel?
    /// Honours that go with the tier, e.g. 威海市优秀工会主席 for the chair of a five-star union.
    public var honours: [String]?
    /// The same honours in English, one for one.
    public var honoursEn: [String]?

    /// The tier's name in the reader's language.
    public var label: LocalizedText { LocalizedText(zh: name, en: nameEn ?? name) }
}

/// Money that goes with a tier, with reductions (Yizheng: halved for 50 members or fewer).
public struct RewardPolicy: Sendable, Hashable, Codable {
    public struct Amount: Sendable, Hashable, Codable {
        public var tier: String
        public var yuan: Points
    }

    public struct Reduction: Sendable, Hashable, Codable {
        public var text: String
        /// The reduction applies when the member count is at most this.
        public var membersAtMost: Int
        public var factor: Points
        public var note: String?
        public var noteEn: String?
    }

    /// The seed's sentence; `textEn` is the same in English.
    public var text: String
    public var textEn: String?
    public var amounts: [Amount]
    public var reductions: [Reduction]?
}

/// How a named union is re-reviewed (复查).
public struct ReReviewPolicy: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Rushan: a union below its tier's minimum is downgraded to the tier its score reaches,
        /// or delisted below the lowest (降星摘牌), with public reasons.
        case downgrade
        /// Yizheng: a union scoring at most `scoreAtMost` *and* among the last `lastPlaces` of its
        /// tier loses the tier (取消所表彰等级).
        case revokeBottom
    }

    public var kind: Kind
    /// The seed's sentence; `textEn` is the same in English.
    public var text: String
    public var textEn: String?
    /// How many years after naming a union is re-reviewed: the cohort of a campaign year is the
    /// unions named `intervalYears` earlier (Rushan 每两年一次, 2020 reviews 2018; Yizheng 上一年度).
    public var intervalYears: Int
    /// The first campaign year that re-reviews (Yizheng 自2019年开始); nil when the seed names none.
    public var firstYear: Int?
    /// Whether a veto that holds in the re-review year takes the title away (default true): a union
    /// that could not be named that year does not keep its name.
    public var vetoesApply: Bool?
    public var by: FederationLevel
    public var scoreAtMost: Points?
    public var lastPlaces: Int?
    public var note: String?
    public var noteEn: String?

    /// Vetoes count at re-review unless the scheme says `vetoesApply: false`.
    public var appliesVetoes: Bool { vetoesApply ?? true }

    /// The year whose named unions are re-reviewed in `campaignYear` (复查对象的获评年度), or nil
    /// when that campaign re-reviews no one (before `firstYear`).
    public func cohortYear(for campaignYear: Int) -> Int? {
        if let firstYear, campaignYear < firstYear { return nil }
        return campaignYear - intervalYears
    }
}
