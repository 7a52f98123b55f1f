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
        typealias P = Strings.Scheme.Page
        let title = zh ? scheme.title : (scheme.titleEn ?? scheme.title)
        layout = Layout(request: request, title: title)
        self.scheme = Labelled(label: scheme.id, text: title)
        source = scheme.source
        issuer = scheme.issuer
        totalLine = t(Strings.Scheme.Page.totalPoints(scheme.total))
        seedTextNote = t(Strings.Scheme.Page.seedWordsAreChinese).nilIfEmpty
        placeholderNote = scheme.placeholder
            ? t(Strings.Scheme.Page.placeholderNote)
                + (scheme.note(in: language).map { (zh ? "" : " ") + $0 } ?? "")
            : scheme.note(in: language)
        columns = [P.areaColumn, P.numberColumn, P.standardColumn, P.pointsColumn, P.quantificationColumn, P.scoreColumn].map { t($0) }
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
                    sectionMax: index == 0 ? t(Strings.Scheme.Page.sectionMax(section.max)) : nil,
                    sectionRows: section.items.count,
                    number: item.number, standard: item.standard, max: item.max.description,
                    quantification: item.quantification, placeholder: item.placeholder ?? false, labels: labels,
                    asksSummary: t(Strings.Scheme.Page.whatItAsks(asks.count)), asks: asks,
                    notes: ([item.note(in: language)] + item.rules.map { $0.note(in: language) }).compactMap { $0 }))
            }
        }
        self.rows = rows
        tiersHeading = t(Strings.Scheme.Page.tiersHeading)
        tiers = scheme.tiers.map { tier in
            let name = zh ? tier.name : (tier.nameEn ?? tier.name)
            var text = t(Strings.Scheme.Page.tierReach(tier.minimum, acceptedBy: tier.acceptedBy.label))
            if let spot = tier.spotCheckBy { text += t(Strings.Scheme.Page.spotCheckedBy(spot.label)) }
            let honours = (zh ? tier.honours : tier.honoursEn) ?? []
            if !honours.isEmpty { text += t(Strings.Common.listSeparator) + honours.joined(separator: t(Strings.Common.listSeparator)) }
            return Labelled(label: name, text: text)
        }
        vetoesHeading = t(Strings.Scheme.Page.vetoesHeading)
        vetoes = scheme.vetoes.map { Labelled(label: zh ? $0.text : ($0.textEn ?? $0.text), text: "", note: $0.note(in: language)) }
        schemeFactsHeading = t(Strings.Scheme.Page.schemeFactsHeading)
        schemeFacts = scheme.facts.map { fact in
            Ask(label: fact.label, elements: ((fact.elements ?? []) + (fact.options ?? [])).map(\.label), note: fact.note(in: language))
        }
        settingsHeading = t(Strings.Scheme.Page.settingsHeading)
        chosenLabel = t(Strings.Scheme.Page.chosen)
        othersLabel = t(Strings.Scheme.Page.otherReadings)
        settings = scheme.settings.map { setting in
            let others = setting.options.filter { $0.id != setting.value }.map { $0.label(in: language) }
            return SettingRow(label: setting.label(in: language), chosen: setting.chosen?.label(in: language) ?? setting.value,
                              others: others.isEmpty ? nil : others.joined(separator: t(Strings.Common.listSeparator)), note: setting.note(in: language))
        }
        rewardsHeading = t(Strings.Scheme.Page.rewardsHeading)
        rewards = scheme.rewards.map { zh ? $0.text : ($0.textEn ?? $0.text) }
        reductions = (scheme.rewards?.reductions ?? []).compactMap { r in r.note(in: language).map { Labelled(label: r.text, text: "", note: $0) } }
        reReviewHeading = t(Strings.Scheme.Page.reReviewHeading)
        reReview = scheme.reReview.map { zh ? $0.text : ($0.textEn ?? $0.text) }
        reReviewLines = scheme.reReview.map { Self.reReviewLines($0, year: scheme.year, t) } ?? []
        reReviewNote = scheme.reReview?.note(in: language)
        timelineHeading = t(Strings.Scheme.Page.timelineHeading)
        timelineIntro = t(Strings.Scheme.Page.timelineIntro)
        let badgeClass: [Timeline.Step.Origin: String] = [.seed: "seed", .ourDefault: "ours"]
        timeline = (scheme.timeline?.steps ?? []).map { step in
            TimelineRow(label: step.label(in: language), when: Self.when(step, language), origin: badgeClass[step.origin] ?? "ours",
                        badge: t(step.origin.badge), quote: step.quote, note: step.note(in: language))
        }
        timelineNote = t(Strings.Scheme.Page.timelineNote)
        seedQuoteLabel = t(Strings.Scheme.Page.seedQuote)
        colon = t(Strings.Common.colon)
        printLabel = t(Strings.Scheme.Page.print)
        jsonPath = SiteRoute.apiScheme(id: scheme.id).path
    }

    /// When a step happens, in words: `8月1日至8月15日`, `9月30日前（含当日）`, `5个工作日`.
    static func when(_ step: Timeline.Step, _ language: Language) -> String {
        let t = Translator(language)
        let day = Strings.Calendar.monthDay
        switch (step.fromDay, step.byDay, step.workingDays) {
        case (let from?, let by?, _): return t(Strings.Calendar.window(from: day(from), to: day(by)))
        case (nil, let by?, _): return t(Strings.Calendar.byDayIncluded(day(by)))
        case (let from?, nil, _): return t(Strings.Calendar.fromDay(day(from)))
        case (nil, nil, let days?): return t(Strings.Calendar.workingDaysAfterPreviousStep(days))
        case (nil, nil, nil): return t(Strings.Calendar.noFixedDate)
        }
    }

    /// Who is re-reviewed when, from the policy: interval, cohort, vetoes.
    static func reReviewLines(_ policy: ReReviewPolicy, year: Int, _ t: Translator) -> [String] {
        var lines: [String] = []
        if let cohort = policy.cohortYear(for: year) {
            lines.append(t(Strings.Scheme.Page.reReviewCohort(intervalYears: policy.intervalYears, year: year, cohort: cohort)))
        }
        lines.append(policy.appliesVetoes
            ? t(Strings.Scheme.Page.reReviewVetoesApply)
            : t(Strings.Scheme.Page.reReviewVetoesDoNotApply))
        return lines
    }
}
