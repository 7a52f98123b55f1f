import UnionStarCore
import Vapor

/// 首页: the schemes in force, each linking to its rubric.
struct SchemeListPage: Encodable {
    struct Row: Encodable {
        var id: String
        var title: String
        var issuer: String
        var source: String
        var year: Int
        var itemCount: Int
        var tiers: String
        var placeholder: Bool
        var path: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var columns: [String]
    var placeholderNote: String
    var schemes: [Row]

    init(request: Request, schemes: [Scheme]) {
        let zh = request.language == .zh
        layout = Layout(request: request, title: zh ? "评定方案" : "Rating schemes")
        heading = zh ? "评定方案" : "Rating schemes"
        intro = zh ? "各级工会发布的星级评定（创建）标准。点击方案查看百分考核标准表，可直接打印。"
            : "The star-rating standards in force. Open one to see its 100-point rubric, ready to print."
        columns = zh ? ["方案", "发布单位", "文件", "年度", "项目数", "星级"] : ["Scheme", "Issued by", "Document", "Year", "Items", "Tiers"]
        placeholderNote = zh ? "分值为占位，待市总工会按考评细则设定" : "point splits are placeholders for the federation to set"
        self.schemes = schemes.map { scheme in
            Row(id: scheme.id, title: zh ? scheme.title : (scheme.titleEn ?? scheme.title),
                issuer: scheme.issuer, source: scheme.source, year: scheme.year, itemCount: scheme.items.count,
                tiers: scheme.tiers.map { "\(zh ? $0.name : ($0.nameEn ?? $0.name)) ≥\($0.minimum)" }.joined(separator: "，"),
                placeholder: scheme.placeholder, path: SiteRoute.scheme(id: scheme.id).path)
        }
    }
}

/// 考核标准表: the rubric laid out as the seed's table (内容｜序号｜创建标准｜分值｜量化项｜得分).
struct SchemePage: Encodable {
    struct Row: Encodable {
        /// Set on the first row of a section, which spans `sectionRows` rows.
        var sectionTitle: String?
        var sectionMax: String?
        var sectionRows: Int
        var number: Int
        var standard: String
        var max: String
        var quantification: String
        var rules: [String]
        var placeholder: Bool
    }

    struct Labelled: Encodable {
        var label: String
        var text: String
    }

    var layout: Layout
    var scheme: Labelled
    var source: String
    var issuer: String
    var totalLine: String
    var placeholderNote: String?
    var columns: [String]
    var rows: [Row]
    var tiersHeading: String
    var tiers: [Labelled]
    var vetoesHeading: String
    var vetoes: [String]
    var settingsHeading: String
    var settings: [Labelled]
    var rewardsHeading: String
    var rewards: String?
    var reReviewHeading: String
    var reReview: String?
    var timelineHeading: String
    var timeline: [Labelled]
    var printLabel: String
    var jsonPath: String

    init(request: Request, scheme: Scheme) {
        let zh = request.language == .zh
        let title = zh ? scheme.title : (scheme.titleEn ?? scheme.title)
        layout = Layout(request: request, title: title)
        self.scheme = Labelled(label: scheme.id, text: title)
        source = scheme.source
        issuer = scheme.issuer
        totalLine = zh ? "满分\(scheme.total)分" : "\(scheme.total) points in all"
        placeholderNote = scheme.placeholder
            ? (zh ? "本方案的分值为占位：原文件的考评细则（附表）未附，分值待市总工会设定。" + (scheme.note.map { "（\($0)）" } ?? "")
                : "The point splits of this scheme are placeholders: the document's detailed tables are not attached. " + (scheme.note ?? ""))
            : nil
        columns = zh ? ["内容", "序号", "创建标准", "分值", "量化项", "得分"] : ["Area", "No.", "Standard", "Points", "Quantification", "Score"]
        var rows: [Row] = []
        for section in scheme.sections {
            for (index, item) in section.items.enumerated() {
                rows.append(Row(
                    sectionTitle: index == 0 ? section.title : nil,
                    sectionMax: index == 0 ? "（\(section.max)分）" : nil,
                    sectionRows: section.items.count,
                    number: item.number, standard: item.standard, max: item.max.description,
                    quantification: item.quantification, rules: item.rules.map(Self.describe),
                    placeholder: item.placeholder ?? false))
            }
        }
        self.rows = rows
        tiersHeading = zh ? "星级设置" : "Tiers"
        tiers = scheme.tiers.map { tier in
            let name = zh ? tier.name : (tier.nameEn ?? tier.name)
            var text = zh ? "\(tier.minimum)分以上（含\(tier.minimum)分），由\(tier.acceptedBy.label.zh)考核验收"
                : "\(tier.minimum) points or more, accepted by the \(tier.acceptedBy.label.en)"
            if let spot = tier.spotCheckBy { text += zh ? "，\(spot.label.zh)抽查" : ", spot-checked by the \(spot.label.en)" }
            if let honours = tier.honours, !honours.isEmpty { text += zh ? "；" + honours.joined(separator: "；") : "; " + honours.joined(separator: "; ") }
            return Labelled(label: name, text: text)
        }
        vetoesHeading = zh ? "一票否决（不得命名）" : "Vetoes (cannot be named)"
        vetoes = scheme.vetoes.map { zh ? $0.text : ($0.textEn ?? $0.text) }
        settingsHeading = zh ? "原文有两种读法时本方案的取舍" : "Readings chosen where the wording allows two"
        settings = scheme.settings.map { Labelled(label: $0.label, text: "\($0.value)（\($0.options.joined(separator: " / "))）" + ($0.note.map { " — \($0)" } ?? "")) }
        rewardsHeading = zh ? "奖励" : "Rewards"
        rewards = scheme.rewards?.text
        reReviewHeading = zh ? "复查" : "Re-review"
        reReview = scheme.reReview?.text
        timelineHeading = zh ? "时间安排（默认）" : "Timeline (defaults)"
        timeline = (scheme.timeline?.steps ?? []).map { step in
            var parts: [String] = []
            if let from = step.from { parts.append(zh ? "自\(from)" : "from \(from)") }
            if let by = step.by { parts.append(zh ? "至\(by)" : "by \(by)") }
            if let days = step.workingDays { parts.append(zh ? "\(days)个工作日" : "\(days) working days") }
            return Labelled(label: step.label, text: parts.joined(separator: " "))
        }
        printLabel = zh ? "打印" : "Print"
        jsonPath = SiteRoute.apiScheme(id: scheme.id).path
    }

    /// A rule as the rubric's margin shows it: `−2 ③未按期换届`, `+3/次，至多9`, `→0 …`.
    static func describe(_ rule: Rule) -> String {
        switch rule.kind {
        case .deduct: "−\(rule.points) \(rule.label)"
        case .zero: "→0 \(rule.label)"
        case .perMissing: "−\(rule.points)×缺项 \(rule.label)"
        case .shortfall: "−\(rule.points)×差额 \(rule.label)"
        case .perEvent: "+\(rule.points)×次（≤\(rule.cap ?? .zero)） \(rule.label)"
        case .bonus: "+\(rule.points) \(rule.label)"
        }
    }
}
