import UnionStarCore
import Vapor

/// 考核标准表: the rubric laid out as the seed's table (内容｜序号｜创建标准｜分值｜量化项｜得分), then
/// tiers, vetoes, rewards, re-review, timeline and the readings chosen. Every text of ours is in the
/// page's language; the seed's own words (standards, quantifications, what each item asks, quotes)
/// stay in Chinese and are marked `lang="zh-CN"`.
struct SchemePage: Encodable {
    /// Column names, repeated on each cell as `data-label` so a phone can show each row as a card.
    struct CellLabels: Encodable {
        var area: String
        var number: String
        var standard: String
        var points: String
        var quantification: String
        var score: String
    }

    /// One fact an item asks a union to state, with its note if it has one.
    struct Ask: Encodable {
        var label: String
        var elements: [String]
        var note: String?
    }

    struct Row: Encodable {
        /// Set on the first row of a section, which spans `sectionRows` rows.
        var sectionTitle: String?
        var sectionMax: String?
        var sectionRows: Int
        var number: Int
        var standard: String
        var max: String
        var quantification: String
        var placeholder: Bool
        var labels: CellLabels
        var asksSummary: String
        var asks: [Ask]
        /// The item's and its rules' notes.
        var notes: [String]
    }

    struct Labelled: Encodable {
        var label: String
        var text: String
        var note: String?
    }

    struct SettingRow: Encodable {
        var label: String
        var chosen: String
        var others: String?
        var note: String?
    }

    struct TimelineRow: Encodable {
        var label: String
        var when: String
        /// `seed` or `ours`, for the badge's look.
        var origin: String
        var badge: String
        var quote: String?
        var note: String?
    }

    var layout: Layout
    var scheme: Labelled
    var source: String
    var issuer: String
    var totalLine: String
    var seedTextNote: String?
    var placeholderNote: String?
    var columns: [String]
    var rows: [Row]
    var tiersHeading: String
    var tiers: [Labelled]
    var vetoesHeading: String
    var vetoes: [Labelled]
    /// Facts that belong to no item (the union's profile, what the vetoes ask).
    var schemeFactsHeading: String
    var schemeFacts: [Ask]
    var settingsHeading: String
    var settings: [SettingRow]
    var chosenLabel: String
    var othersLabel: String
    var rewardsHeading: String
    var rewards: String?
    var reductions: [Labelled]
    var reReviewHeading: String
    var reReview: String?
    var reReviewLines: [String]
    var reReviewNote: String?
    var timelineHeading: String
    var timelineIntro: String
    var timeline: [TimelineRow]
    var timelineNote: String
    var seedQuoteLabel: String
    /// `：` in Chinese, `: ` in English.
    var colon: String
    var printLabel: String
    var jsonPath: String

    init(request: Request, scheme: Scheme) {
        let language = request.language
        let t = Translator(language)
        let zh = language == .zh
        let title = zh ? scheme.title : (scheme.titleEn ?? scheme.title)
        layout = Layout(request: request, title: title)
        self.scheme = Labelled(label: scheme.id, text: title)
        source = scheme.source
        issuer = scheme.issuer
        totalLine = t("满分\(scheme.total)分", "\(scheme.total) points in all")
        seedTextNote = zh ? nil : "The standards, quantifications and what each item asks are the seed's own words, in Chinese."
        placeholderNote = scheme.placeholder
            ? t("本方案的分值为占位：原文件的考评细则（附表）未附，分值待市总工会设定。",
                "The point splits of this scheme are placeholders: the document's detailed tables are not attached.")
                + (scheme.note(in: language).map { (zh ? "" : " ") + $0 } ?? "")
            : scheme.note(in: language)
        columns = zh ? ["内容", "序号", "创建标准", "分值", "量化项", "得分"] : ["Area", "No.", "Standard", "Points", "Quantification", "Score"]
        let labels = CellLabels(area: columns[0], number: columns[1], standard: columns[2], points: columns[3],
                                quantification: columns[4], score: columns[5])
        var rows: [Row] = []
        for section in scheme.sections {
            for (index, item) in section.items.enumerated() {
                let asks = item.facts.map { fact in
                    Ask(label: fact.label, elements: ((fact.elements ?? []) + (fact.options ?? [])).map(\.label),
                        note: fact.note(in: language))
                }
                rows.append(Row(
                    sectionTitle: index == 0 ? (zh ? section.title : (section.titleEn ?? section.title)) : nil,
                    sectionMax: index == 0 ? t("（\(section.max)分）", "(\(section.max) points)") : nil,
                    sectionRows: section.items.count,
                    number: item.number, standard: item.standard, max: item.max.description,
                    quantification: item.quantification, placeholder: item.placeholder ?? false, labels: labels,
                    asksSummary: t("填报事项（\(asks.count)）", "What it asks (\(asks.count))"), asks: asks,
                    notes: ([item.note(in: language)] + item.rules.map { $0.note(in: language) }).compactMap { $0 }))
            }
        }
        self.rows = rows
        tiersHeading = t("星级设置", "Tiers")
        tiers = scheme.tiers.map { tier in
            let name = zh ? tier.name : (tier.nameEn ?? tier.name)
            var text = t("\(tier.minimum)分以上（含\(tier.minimum)分），由\(tier.acceptedBy.label.zh)考核验收",
                         "\(tier.minimum) points or more, accepted by the \(tier.acceptedBy.label.en)")
            if let spot = tier.spotCheckBy { text += t("，\(spot.label.zh)抽查", ", spot-checked by the \(spot.label.en)") }
            let honours = (zh ? tier.honours : tier.honoursEn) ?? []
            if !honours.isEmpty { text += t("；", "; ") + honours.joined(separator: t("；", "; ")) }
            return Labelled(label: name, text: text)
        }
        vetoesHeading = t("一票否决（不得命名）", "Vetoes (cannot be named)")
        vetoes = scheme.vetoes.map { Labelled(label: zh ? $0.text : ($0.textEn ?? $0.text), text: "", note: $0.note(in: language)) }
        schemeFactsHeading = t("不属于某一项的填报事项", "What the scheme asks outside the items")
        schemeFacts = scheme.facts.map { fact in
            Ask(label: fact.label, elements: ((fact.elements ?? []) + (fact.options ?? [])).map(\.label), note: fact.note(in: language))
        }
        settingsHeading = t("原文可有不同读法时本方案的取舍", "Readings chosen where the wording allows more than one")
        chosenLabel = t("本方案取", "Chosen")
        othersLabel = t("其他读法", "Other readings")
        settings = scheme.settings.map { setting in
            let others = setting.options.filter { $0.id != setting.value }.map { $0.label(in: language) }
            return SettingRow(label: setting.label(in: language), chosen: setting.chosen?.label(in: language) ?? setting.value,
                              others: others.isEmpty ? nil : others.joined(separator: t("；", "; ")), note: setting.note(in: language))
        }
        rewardsHeading = t("奖励", "Rewards")
        rewards = scheme.rewards.map { zh ? $0.text : ($0.textEn ?? $0.text) }
        reductions = (scheme.rewards?.reductions ?? []).compactMap { r in r.note(in: language).map { Labelled(label: r.text, text: "", note: $0) } }
        reReviewHeading = t("复查", "Re-review")
        reReview = scheme.reReview.map { zh ? $0.text : ($0.textEn ?? $0.text) }
        reReviewLines = scheme.reReview.map { Self.reReviewLines($0, year: scheme.year, t) } ?? []
        reReviewNote = scheme.reReview?.note(in: language)
        timelineHeading = t("时间安排（默认）", "Timeline (defaults)")
        timelineIntro = t("各步骤按所列顺序进行，后一步须在前一步结束之后。“前”“之前”的截止日含当日。",
                          "Steps happen in the order listed, each after the one before has ended. A deadline includes the day itself.")
        let badgeClass: [Timeline.Step.Origin: String] = [.seed: "seed", .ourDefault: "ours"]
        timeline = (scheme.timeline?.steps ?? []).map { step in
            TimelineRow(label: step.label(in: language), when: Self.when(step, language), origin: badgeClass[step.origin] ?? "ours",
                        badge: t(step.origin.badge), quote: step.quote, note: step.note(in: language))
        }
        timelineNote = t("文件原文：日期或期限出自文件；本系统默认：文件未定或所定日期无法衔接，由本系统设定，市总工会可在活动中修改。",
                         "seed: the date or length is the document's own; our default: the document gives none, or gives one that cannot follow on, so we set it; the federation can change it in the campaign.")
        seedQuoteLabel = t("原文", "Seed")
        colon = t("：", ": ")
        printLabel = t("打印", "Print")
        jsonPath = SiteRoute.apiScheme(id: scheme.id).path
    }

    /// When a step happens, in words: `8月1日至8月15日`, `9月30日前（含当日）`, `5个工作日`.
    static func when(_ step: Timeline.Step, _ language: Language) -> String {
        let t = Translator(language)
        func day(_ d: MonthDay) -> String {
            t("\(d.month)月\(d.day)日", "\(d.day) \(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.month - 1])")
        }
        switch (step.fromDay, step.byDay, step.workingDays) {
        case (let from?, let by?, _): return t("\(day(from))至\(day(by))", "\(day(from)) to \(day(by))")
        case (nil, let by?, _): return t("\(day(by))前（含当日）", "by \(day(by)), the day included")
        case (let from?, nil, _): return t("\(day(from))起", "from \(day(from))")
        case (nil, nil, let days?): return t("\(days)个工作日，自上一步结束次日起", "\(days) working days, from the day after the step before ends")
        case (nil, nil, nil): return t("文件未定具体日期", "no fixed date in the seed")
        }
    }

    /// Who is re-reviewed when, from the policy: interval, cohort, vetoes.
    static func reReviewLines(_ policy: ReReviewPolicy, year: Int, _ t: Translator) -> [String] {
        var lines: [String] = []
        if let cohort = policy.cohortYear(for: year) {
            lines.append(t("复查对象：获评\(policy.intervalYears)年后的单位（\(year)年复查\(cohort)年获评的单位）",
                           "Who: units named \(policy.intervalYears) year\(policy.intervalYears == 1 ? "" : "s") earlier (\(year) re-reviews those named in \(cohort))"))
        }
        lines.append(policy.appliesVetoes
            ? t("复查当年发生一票否决情形的，不保留所授星级。", "A veto that holds in the re-review year takes the tier away.")
            : t("复查不适用一票否决。", "Vetoes do not apply at re-review."))
        return lines
    }
}
