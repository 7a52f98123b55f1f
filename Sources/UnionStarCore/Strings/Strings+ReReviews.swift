extension Strings {
    /// Re-review (复查) and yearly self-check (年度自查) rounds.
    public enum ReReviews {
        public static func kind(_ kind: CampaignKind) -> LocalizedText {
            switch kind {
            case .award: LocalizedText(zh: "申报评星", en: "awards")
            case .reReview: LocalizedText(zh: "复查", en: "re-review")
            case .selfCheck: LocalizedText(zh: "年度自查", en: "yearly self-check")
            }
        }

        public static func outcome(_ outcome: ReReview.Outcome, tierName: (String) -> LocalizedText) -> LocalizedText {
            switch outcome {
            case .keep: LocalizedText(zh: "保留星级", en: "kept")
            case .downgrade(let tier): LocalizedText(zh: "降为\(tierName(tier).zh)", en: "downgraded to \(tierName(tier).en)")
            case .revoke: LocalizedText(zh: "摘牌（取消星级）", en: "delisted")
            }
        }

        /// The outcome, naming a downgrade's tier by its label among `tiers` (its id when none has it).
        public static func outcome(_ outcome: ReReview.Outcome, tiers: [Tier]) -> LocalizedText {
            self.outcome(outcome) { id in tiers.first { $0.id == id }?.label ?? LocalizedText(zh: id, en: id) }
        }
    }
}

extension Strings.ReReviews {
    public static func nobody(_ kind: CampaignKind) -> LocalizedText {
        kind == .reReview
            ? LocalizedText(zh: "没有需要复查的单位：按本方案的复查办法，今年没有单位到期复查。", en: "No unit is due for re-review this year under the scheme's policy.")
            : LocalizedText(zh: "没有需要年度自查的单位。", en: "No named unit needs a yearly self-check.")
    }
    public static let opened = LocalizedText(zh: "已开启，各单位的自查已建立。", en: "Opened: each unit's self-check is drafted.")
    public static let submitted = LocalizedText(zh: "自查已提交。", en: "Self-check handed in.")
    public static let recorded = LocalizedText(zh: "复查结论已记录并公示。", en: "The outcomes are recorded and public.")

    public static func roundsHeading(_ campaign: String) -> LocalizedText {
        LocalizedText(zh: "复查与年度自查 · \(campaign)", en: "Re-review and yearly self-check · \(campaign)")
    }
    public static func roundTitle(_ kind: CampaignKind, year: Int, namedIn: Int?, subject: Scheme.Subject = .union) -> LocalizedText {
        let chair = subject == .chair
        switch kind {
        case .reReview:
            return LocalizedText(zh: "\(year)年复查" + (namedIn.map { chair ? "（\($0)年获评工会主席）" : "（\($0)年获评单位）" } ?? ""),
                                 en: "\(year) re-review" + (namedIn.map { chair ? " (chairs named in \($0))" : " (units named in \($0))" } ?? ""))
        case .selfCheck:
            return chair ? LocalizedText(zh: "\(year)年度星级工会主席自查", en: "\(year) yearly self-check of named chairs")
                : LocalizedText(zh: "\(year)年度星级工会自查", en: "\(year) yearly self-check of named unions")
        case .award: return LocalizedText(zh: "\(year)年", en: "\(year)")
        }
    }
    public static func policy(_ text: String) -> LocalizedText { LocalizedText(zh: "复查办法：\(text)", en: "Re-review policy: \(text)") }
    public static let selfCheckPolicy = LocalizedText(
        zh: "星级“活力基层工会”不搞终身制，已经获评的单位每年都要对照创建标准查漏补缺。不在本年度复查范围内的获评单位进行年度自查，对照获评时的得分查看哪些项目下滑。",
        en: "Stars are not for life: every named unit checks itself against the standard each year. Named units not re-reviewed this year do a self-check and see which items slipped since they were named.")
    public static let holds = LocalizedText(zh: "现有星级", en: "Holds")
    public static let outcomeLabel = LocalizedText(zh: "复查结论", en: "Outcome")
    public static let cohortColumns = [LocalizedText(zh: "单位", en: "Unit"), LocalizedText(zh: "获评年度", en: "Named in"),
                                       LocalizedText(zh: "获评星级", en: "Named"), holds]
    /// A chair round's first column (the person named, and the union they lead).
    public static func chairOfUnion(_ person: String, union: String) -> LocalizedText {
        LocalizedText(zh: "\(person)（\(union)）", en: "\(person) (\(union))")
    }
    public static func outcomeWithReason(_ outcome: LocalizedText, reason: String) -> LocalizedText {
        reason.isEmpty ? outcome : LocalizedText(zh: outcome.zh + "：" + reason, en: outcome.en + ": " + reason)
    }
    public static let chairColumn = LocalizedText(zh: "工会主席（所在工会）", en: "Chair (union)")
    public static func columns(_ base: [LocalizedText], subject: Scheme.Subject) -> [LocalizedText] {
        subject == .chair ? [chairColumn] + base.dropFirst() : base
    }
    public static let noCohort = LocalizedText(zh: "没有单位。", en: "No unit.")
    public static func open(_ kind: CampaignKind) -> LocalizedText {
        kind == .reReview ? LocalizedText(zh: "开启复查", en: "Open the re-review") : LocalizedText(zh: "开启年度自查", en: "Open the self-check")
    }
    public static let openRound = LocalizedText(zh: "查看已开启的轮次", en: "Open the round's page")
    public static let outcomesHeading = LocalizedText(zh: "复查结论", en: "Re-review outcomes")
    public static let outcomeColumns = [LocalizedText(zh: "单位", en: "Unit"), holds,
                                        LocalizedText(zh: "复查得分", en: "Re-review score"), LocalizedText(zh: "状态", en: "State"),
                                        outcomeLabel, LocalizedText(zh: "原因", en: "Reason")]
    public static let notAllInspected = LocalizedText(
        zh: "须待本轮全部单位考核完毕，方可按复查办法计算结论（“后3名”须在全部复查单位中排名）。",
        en: "Outcomes are computed once every unit of the round is inspected (a rank such as \"the last 3\" is over the whole cohort).")
    public static let record = LocalizedText(zh: "记录复查结论并公示", en: "Record and publish the outcomes")
    public static let publicPage = LocalizedText(zh: "公示页面", en: "Public page")
    public static func publicHeading(_ title: String) -> LocalizedText {
        LocalizedText(zh: "复查结果公示 · \(title)", en: "Re-review results · \(title)")
    }
    public static let notYetPublic = LocalizedText(zh: "复查结论尚未公布。", en: "The outcomes are not yet published.")
    public static let comparisonHeading = LocalizedText(zh: "获评时与本次逐项对比", en: "Then and now, item by item")
    public static let comparisonColumns = [LocalizedText(zh: "项目", en: "Item"), LocalizedText(zh: "分值", en: "Max"),
                                           LocalizedText(zh: "获评时自评", en: "Self-score then"), LocalizedText(zh: "获评时考核", en: "Inspected then"),
                                           LocalizedText(zh: "本次自评", en: "Self-score now"), LocalizedText(zh: "本次考核", en: "Inspected now"),
                                           LocalizedText(zh: "变化", en: "Change")]
    public static func slipped(_ count: Int) -> LocalizedText {
        count == 0 ? LocalizedText(zh: "没有下滑的项目。", en: "No item slipped.")
            : LocalizedText(zh: "有\(count)个项目比获评时下滑（标记的行），请查漏补缺。", en: "\(count) item(s) slipped since the unit was named (marked rows): mend them.")
    }
    public static func earlier(_ campaign: String, tier: String) -> LocalizedText {
        LocalizedText(zh: "获评：\(campaign)，\(tier)", en: "Named: \(campaign), \(tier)")
    }
    public static let comparison = LocalizedText(zh: "与获评时对比", en: "Compare with when named")
    public static let submit = LocalizedText(zh: "提交自查", en: "Hand in the self-check")
    /// A round's campaign page: its units under the viewer's node, by state.
    public static let roundUnitsHeading = LocalizedText(zh: "本轮单位", en: "Units in this round")
    public static let roundUnitsNone = LocalizedText(zh: "本轮在您的范围内没有单位。", en: "No unit of this round is within your reach.")
    public static let roundsLink = LocalizedText(zh: "复查与年度自查", en: "Re-review and yearly self-check")
    public static func afterReReview(_ year: Int, _ outcome: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "（\(year)年复查：\(outcome.zh)）", en: " (\(year) re-review: \(outcome.en))")
    }
    public static let kindLabel = LocalizedText(zh: "类别", en: "Kind")
}
