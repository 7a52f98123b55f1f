import Foundation

/// 申报登记表 (Rushan 2020, attachment 3); Yizheng's application carries the same facts.
public struct RegistrationForm: Sendable, Hashable, Codable {
    /// The three opinion boxes, filled as the application moves up.
    public enum OpinionBox: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
        case unitUnion           // 单位工会意见
        case districtFederation  // 区（市）总工会意见
        case cityFederation      // 市总工会审批意见

        /// The field name its problems are filed under (`opinions.unitUnion`, …).
        public var field: String { "opinions." + rawValue }
    }

    public struct Opinion: Sendable, Hashable, Codable {
        public var text: String
        public var date: CalendarDate   // existing type in Sources/UnionStarCore/Calendar/CalendarDate.swift
        public var by: String           // the organisation that stamps it (（章）)

        public init(text: String, date: CalendarDate, by: String) {
            self.text = text
            self.date = date
            self.by = by
        }
    }

    public var unitName: String     // 申报单位
    public var tier: String         // 申报星级 (the tier's label, e.g. 四星级)
    public var chairName: String    // 工会主席
    public var phone: String        // 联系电话
    public var mainWork: String     // 主要工作（简明扼要1000字以内）
    public var opinions: [OpinionBox: Opinion]

    public init(unitName: String = "", tier: String = "", chairName: String = "", phone: String = "",
                mainWork: String = "", opinions: [OpinionBox: Opinion] = [:]) {
        self.unitName = unitName
        self.tier = tier
        self.chairName = chairName
        self.phone = phone
        self.mainWork = mainWork
        self.opinions = opinions
    }

    /// 主要工作 holds at most this many characters (简明扼要1000字以内).
    public static let mainWorkLimit = 1000
    /// The same bounds as the organisation profile's name and chair.
    public static let unitNameLimit = 100
    public static let chairNameLimit = 50
    public static let tierLimit = 20
    /// How many digits a plausible phone number has: a 7-digit local number up to an
    /// international number with extension.
    public static let phoneDigits = 7...20

    /// 主要工作 as counted against the limit: characters as a reader sees them (grapheme clusters,
    /// so 👍🏽 or e + combining accent is one), after trimming surrounding whitespace; line breaks
    /// inside the text count, one each.
    public var mainWorkCount: Int { Self.trimmed(mainWork).count }

    /// Problems by field name (`chairName`, `phone`, `mainWork`, …); empty when the form may be filed.
    public func problems() -> FieldErrors { problems(labels: .rushan2020) }

    /// As `problems()`, naming the opinion boxes as `labels` does.
    public func problems(labels: Labels) -> FieldErrors {
        typealias S = Strings.RegistrationForm
        var errors = FieldErrors()
        let names: [(field: String, value: String, limit: Int, required: LocalizedText, tooLong: LocalizedText)] = [
            ("unitName", unitName, Self.unitNameLimit, S.unitNameRequired, S.unitNameTooLong),
            ("tier", tier, Self.tierLimit, S.tierRequired, S.tierTooLong),
            ("chairName", chairName, Self.chairNameLimit, S.chairNameRequired, S.chairNameTooLong),
        ]
        for name in names {
            let value = Self.trimmed(name.value)
            if value.isEmpty {
                errors.add(name.field, name.required)
            } else if value.count > name.limit {
                errors.add(name.field, name.tooLong)
            }
        }
        let phone = Self.trimmed(phone)
        if phone.isEmpty {
            errors.add("phone", S.phoneRequired)
        } else if !Self.isPlausiblePhone(phone) {
            errors.add("phone", S.phoneInvalid)
        }
        let count = mainWorkCount
        if count == 0 {
            errors.add("mainWork", S.mainWorkRequired)
        } else if count > Self.mainWorkLimit {
            errors.add("mainWork", S.mainWorkTooLong(count: count))
        }
        for box in OpinionBox.allCases {
            guard let opinion = opinions[box] else { continue }
            if Self.trimmed(opinion.text).isEmpty {
                errors.add(box.field, S.opinionTextRequired(box: labels.box(box)))
            } else if Self.trimmed(opinion.by).isEmpty {
                errors.add(box.field, S.opinionStampRequired(box: labels.box(box)))
            }
        }
        return errors
    }

    /// Digits (ASCII) with spaces, `-`, parentheses and one leading `+`, holding 7 to 20 digits:
    /// `0631-6663572`, `138 0631 1234`, `+86 (631) 666-3572`. Full-width digits, letters, other
    /// dashes and extensions written as `转` are refused, so the number prints as typed and dials.
    public static func isPlausiblePhone(_ text: String) -> Bool {
        let phone = trimmed(text)
        var digits = 0
        for (index, character) in phone.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case " ", "-", "(", ")": break
            case "+" where index == 0: break
            default: return false
            }
        }
        return phoneDigits.contains(digits)
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `2026年9月1日` / `1 September 2026`, as the date line of an opinion box reads.
    public static func dateText(_ date: CalendarDate, in language: Language) -> String {
        switch language {
        case .zh: Strings.RegistrationFormLabels.chineseDate(date)
        case .en: "\(date.day) \(englishMonths[date.month - 1]) \(date.year)"
        }
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]

    /// The lines of a text as typed, however its line breaks were sent (`\r\n`, `\n`, `\r`);
    /// surrounding blank lines dropped, blank lines inside kept.
    public static func lines(of text: String) -> [String] {
        let trimmed = trimmed(text)
        guard !trimmed.isEmpty else { return [] }
        // "\r\n" is one Character in Swift, so splitting on isNewline handles all three.
        return trimmed.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }
}

extension RegistrationForm {
    /// The words printed on a document's form, in Chinese (the official form) and English.
    public struct Labels: Sendable, Hashable {
        /// `rushan-2020`, `yizheng-2019`, `yizheng-2019-chair`.
        public var id: String
        public var title: LocalizedText
        public var unitName: LocalizedText
        public var tier: LocalizedText
        public var chairName: LocalizedText
        public var phone: LocalizedText
        public var mainWork: LocalizedText
        public var unitUnion: LocalizedText
        public var districtFederation: LocalizedText
        public var cityFederation: LocalizedText
        /// Beside the seal: （章）.
        public var stamp: LocalizedText
        /// The date line of a box not yet filled, written in by hand: 年 月 日.
        public var blankDate: LocalizedText

        public init(id: String, title: LocalizedText, unitName: LocalizedText, tier: LocalizedText,
                    chairName: LocalizedText, phone: LocalizedText, mainWork: LocalizedText,
                    unitUnion: LocalizedText, districtFederation: LocalizedText, cityFederation: LocalizedText,
                    stamp: LocalizedText, blankDate: LocalizedText) {
            self.id = id
            self.title = title
            self.unitName = unitName
            self.tier = tier
            self.chairName = chairName
            self.phone = phone
            self.mainWork = mainWork
            self.unitUnion = unitUnion
            self.districtFederation = districtFederation
            self.cityFederation = cityFederation
            self.stamp = stamp
            self.blankDate = blankDate
        }

        public func box(_ box: OpinionBox) -> LocalizedText {
            switch box {
            case .unitUnion: unitUnion
            case .districtFederation: districtFederation
            case .cityFederation: cityFederation
            }
        }

        /// Attachment 3 of 乳会发〔2020〕6号, word for word (its spaced 主 要 工 作 included).
        public static let rushan2020 = Labels(
            id: "rushan-2020",
            title: Strings.RegistrationFormLabels.rushanTitle,
            unitName: Strings.RegistrationFormLabels.rushanUnitName,
            tier: Strings.RegistrationFormLabels.rushanTier,
            chairName: Strings.RegistrationFormLabels.rushanChairName,
            phone: Strings.RegistrationFormLabels.rushanPhone,
            mainWork: Strings.RegistrationFormLabels.rushanMainWork,
            unitUnion: Strings.RegistrationFormLabels.rushanUnitUnion,
            districtFederation: Strings.RegistrationFormLabels.rushanDistrictFederation,
            cityFederation: Strings.RegistrationFormLabels.rushanCityFederation,
            stamp: Labels.stampText,
            blankDate: Labels.blankDateText)

        /// 仪工字（2019）42号 prints no form; its 四（三）2 says what the application carries: the
        /// union applies after a five-working-day notice, the town, park or system 逐级审核盖章, and
        /// 市总组织部 collects them; the city federation assesses and recommends to Yangzhou
        /// (四（三）3 考评推荐), it does not approve. The boxes say so.
        public static let yizheng2019 = Labels(
            id: "yizheng-2019",
            title: Strings.RegistrationFormLabels.yizhengTitle,
            unitName: Strings.RegistrationFormLabels.yizhengUnitName,
            tier: Strings.RegistrationFormLabels.yizhengTier,
            chairName: Strings.RegistrationFormLabels.yizhengChairName,
            phone: Strings.RegistrationFormLabels.yizhengPhone,
            mainWork: Strings.RegistrationFormLabels.yizhengMainWork,
            unitUnion: Strings.RegistrationFormLabels.yizhengUnitUnion,
            districtFederation: Strings.RegistrationFormLabels.yizhengDistrictFederation,
            cityFederation: Strings.RegistrationFormLabels.yizhengCityFederation,
            stamp: Labels.stampText,
            blankDate: Labels.blankDateText)

        /// Yizheng's chair contest (争当新时代星级基层工会主席): the same form under its own title.
        public static let yizheng2019Chair: Labels = {
            var labels = yizheng2019
            labels.id = "yizheng-2019-chair"
            labels.title = Strings.RegistrationFormLabels.yizhengChairTitle
            return labels
        }()

        /// The labels of a scheme's form: `rushan-2020-…` → Rushan's, `yizheng-2019-chair` → Yizheng's
        /// chair form, other `yizheng-2019-…` → Yizheng's union form. Any other scheme gets Rushan's,
        /// the one form the seeds print.
        /// The box the sub-federations' stamp fills: Yizheng's 镇（园区、系统）工会审核意见; the Rushan
        /// form has no box for a town (its 区（市）总工会 box is the county's), so none.
        public static func subFederationBox(schemeID id: String) -> OpinionBox? {
            id.hasPrefix("yizheng-2019-") ? .districtFederation : nil
        }

        /// The box a decision fills, by the level that decides: Rushan's 区（市）总工会意见 (the county)
        /// and 市总工会审批意见 (the city, for five stars); Yizheng's 市总工会推荐意见 (the county; the
        /// prefecture's own decision is not on the union's form).
        public static func decisionBox(schemeID id: String, level: FederationLevel) -> OpinionBox? {
            if id.hasPrefix("yizheng-2019-") { return level == .county ? .cityFederation : nil }
            return level == .county ? .districtFederation : .cityFederation
        }

        public static func forScheme(id: String) -> Labels {
            if id.hasPrefix("yizheng-2019-") {
                return id == "yizheng-2019-chair" ? yizheng2019Chair : yizheng2019
            }
            return rushan2020
        }

        static let stampText = Strings.RegistrationFormLabels.stampText
        /// The paper form's spacing, with room before 年 too, so a date can be written in by hand.
        static let blankDateText = Strings.RegistrationFormLabels.blankDateText
    }
}
