extension Strings {
    /// Schemes: the list and the rubric page, the terminal rendering, and why a scheme file is refused.
    public enum Scheme {
        /// The list of schemes.
        public enum List {
            public static let heading = LocalizedText(zh: "评定方案", en: "Rating schemes")
            public static let intro = LocalizedText(
                zh: "各级工会发布的星级评定（创建）标准。点击方案查看百分考核标准表，可直接打印。",
                en: "The star-rating standards in force. Open one to see its 100-point rubric, ready to print.")
            public static let scheme = LocalizedText(zh: "方案", en: "Scheme")
            public static let issuedBy = LocalizedText(zh: "发布单位", en: "Issued by")
            public static let document = LocalizedText(zh: "文件", en: "Document")
            public static let year = LocalizedText(zh: "年度", en: "Year")
            public static let items = LocalizedText(zh: "项目数", en: "Items")
            public static let tiers = LocalizedText(zh: "星级", en: "Tiers")
            public static let placeholderNote = LocalizedText(zh: "分值为占位，待市总工会按考评细则设定", en: "point splits are placeholders for the federation to set")
        }

        /// The rubric page of one scheme.
        public enum Page {
            public static func totalPoints(_ total: Points) -> LocalizedText {
                LocalizedText(zh: "满分\(total)分", en: "\(total) points in all")
            }
            /// Shown on the English page only: the Chinese reader reads the seed's words as they are.
            public static let seedWordsAreChinese = LocalizedText(
                zh: "", en: "The standards, quantifications and what each item asks are the seed's own words, in Chinese.")
            public static let placeholderNote = LocalizedText(
                zh: "本方案的分值为占位：原文件的考评细则（附表）未附，分值待市总工会设定。",
                en: "The point splits of this scheme are placeholders: the document's detailed tables are not attached.")
            public static let areaColumn = LocalizedText(zh: "内容", en: "Area")
            public static let numberColumn = LocalizedText(zh: "序号", en: "No.")
            public static let standardColumn = LocalizedText(zh: "创建标准", en: "Standard")
            public static let pointsColumn = LocalizedText(zh: "分值", en: "Points")
            public static let quantificationColumn = LocalizedText(zh: "量化项", en: "Quantification")
            public static let scoreColumn = LocalizedText(zh: "得分", en: "Score")
            public static func sectionMax(_ max: Points) -> LocalizedText {
                LocalizedText(zh: "（\(max)分）", en: "(\(max) points)")
            }
            public static func whatItAsks(_ count: Int) -> LocalizedText {
                LocalizedText(zh: "填报事项（\(count)）", en: "What it asks (\(count))")
            }
            public static let tiersHeading = LocalizedText(zh: "星级设置", en: "Tiers")
            public static func tierReach(_ minimum: Points, acceptedBy: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(minimum)分以上（含\(minimum)分），由\(acceptedBy.zh)考核验收",
                              en: "\(minimum) points or more, accepted by the \(acceptedBy.en)")
            }
            public static func spotCheckedBy(_ level: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "，\(level.zh)抽查", en: ", spot-checked by the \(level.en)")
            }
            public static let vetoesHeading = LocalizedText(zh: "一票否决（不得命名）", en: "Vetoes (cannot be named)")
            public static let schemeFactsHeading = LocalizedText(zh: "不属于某一项的填报事项", en: "What the scheme asks outside the items")
            public static let settingsHeading = LocalizedText(zh: "原文可有不同读法时本方案的取舍", en: "Readings chosen where the wording allows more than one")
            public static let chosen = LocalizedText(zh: "本方案取", en: "Chosen")
            public static let otherReadings = LocalizedText(zh: "其他读法", en: "Other readings")
            public static let rewardsHeading = LocalizedText(zh: "奖励", en: "Rewards")
            public static let reReviewHeading = LocalizedText(zh: "复查", en: "Re-review")
            public static let timelineHeading = LocalizedText(zh: "时间安排（默认）", en: "Timeline (defaults)")
            public static let timelineIntro = LocalizedText(
                zh: "各步骤按所列顺序进行，后一步须在前一步结束之后。“前”“之前”的截止日含当日。",
                en: "Steps happen in the order listed, each after the one before has ended. A deadline includes the day itself.")
            public static let timelineNote = LocalizedText(
                zh: "文件原文：日期或期限出自文件；本系统默认：文件未定或所定日期无法衔接，由本系统设定，市总工会可在活动中修改。",
                en: "seed: the date or length is the document's own; our default: the document gives none, or gives one that cannot follow on, so we set it; the federation can change it in the campaign.")
            public static let seedQuote = LocalizedText(zh: "原文", en: "Seed")
            public static let print = LocalizedText(zh: "打印", en: "Print")
            public static func reReviewCohort(intervalYears: Int, year: Int, cohort: Int) -> LocalizedText {
                LocalizedText(zh: "复查对象：获评\(intervalYears)年后的单位（\(year)年复查\(cohort)年获评的单位）",
                              en: "Who: units named \(intervalYears) year\(intervalYears == 1 ? "" : "s") earlier (\(year) re-reviews those named in \(cohort))")
            }
            public static let reReviewVetoesApply = LocalizedText(zh: "复查当年发生一票否决情形的，不保留所授星级。", en: "A veto that holds in the re-review year takes the tier away.")
            public static let reReviewVetoesDoNotApply = LocalizedText(zh: "复查不适用一票否决。", en: "Vetoes do not apply at re-review.")
        }

        /// A scheme as plain text in the terminal (`scheme show`), printed in Chinese.
        public enum Text {
            public static let placeholder = LocalizedText(zh: "  （分值为占位）", en: "  (points are placeholders)")
            public static func sectionHeading(_ title: String, _ max: Points) -> LocalizedText {
                LocalizedText(zh: "【\(title)（\(max)分）】", en: "[\(title) (\(max) points)]")
            }
            public static func itemMax(_ max: Points) -> LocalizedText { LocalizedText(zh: "[\(max)分]", en: "[\(max) points]") }
            public static func quantification(_ text: String) -> LocalizedText {
                LocalizedText(zh: "量化项：\(text)", en: "quantification: \(text)")
            }
            public static let schemeFacts = LocalizedText(zh: "【方案事实项】", en: "[scheme facts]")
            public static let tiers = LocalizedText(zh: "【星级】", en: "[tiers] ")
            public static let vetoes = LocalizedText(zh: "【否决】", en: "[vetoes] ")
            public static func setting(_ id: String, _ value: String, label: String, chosen: String) -> LocalizedText {
                LocalizedText(zh: "【设置】\(id) = \(value)（\(label) → \(chosen)）", en: "[setting] \(id) = \(value) (\(label) → \(chosen))")
            }
            public static func step(_ label: String, when: String, badge: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "【时间】\(label)：\(when)［\(badge.zh)］", en: "[timeline] \(label): \(when) [\(badge.en)]")
            }
        }

        /// The kinds of fact a scheme asks about.
        public enum FactKinds {
            public static let boolean = LocalizedText(zh: "是/否", en: "yes/no")
            public static let count = LocalizedText(zh: "次数/数量", en: "count")
            public static let percentage = LocalizedText(zh: "百分比", en: "percentage")
            public static let checklist = LocalizedText(zh: "清单", en: "checklist")
            public static let choice = LocalizedText(zh: "选项", en: "choice")
        }

        /// Where a timeline step's date comes from.
        public enum Origins {
            public static let seed = LocalizedText(zh: "文件原文", en: "seed")
            public static let ourDefault = LocalizedText(zh: "本系统默认", en: "our default")
        }

        /// Where in a scheme file a problem is.
        public enum Locations {
            public static func section(_ title: String) -> LocalizedText { LocalizedText(zh: "部分「\(title)」", en: "section '\(title)'") }
            public static func item(_ number: Int) -> LocalizedText { LocalizedText(zh: "第\(number)项", en: "item \(number)") }
            public static func fact(_ id: String) -> LocalizedText { LocalizedText(zh: "事实项 '\(id)'", en: "fact '\(id)'") }
            public static func tier(_ id: String) -> LocalizedText { LocalizedText(zh: "星级 '\(id)'", en: "tier '\(id)'") }
            public static func veto(_ id: String) -> LocalizedText { LocalizedText(zh: "否决项 '\(id)'", en: "veto '\(id)'") }
            public static func setting(_ id: String) -> LocalizedText { LocalizedText(zh: "设置 '\(id)'", en: "setting '\(id)'") }
            public static let rewards = LocalizedText(zh: "奖励", en: "rewards")
            public static let reReview = LocalizedText(zh: "复查", en: "re-review")
            public static let timeline = LocalizedText(zh: "时间安排", en: "timeline")
        }

        /// Why a scheme file cannot be read at all.
        public enum Loading {
            public static func notYAML(_ error: String) -> LocalizedText {
                LocalizedText(zh: "不是有效的 YAML：\(error)", en: "not valid YAML: \(error)")
            }
            public static let notUTF8 = LocalizedText(zh: "无法读取文件（须为 UTF-8）", en: "cannot read the file (it must be UTF-8)")
            public static let folderUnreadable = LocalizedText(zh: "无法读取方案目录", en: "cannot read the scheme folder")
            public static func idTaken(_ id: String, by other: String) -> LocalizedText {
                LocalizedText(zh: "方案编号 '\(id)' 已由 \(other) 使用", en: "scheme id '\(id)' is already used by \(other)")
            }
            public static func missingField(_ key: String) -> LocalizedText {
                LocalizedText(zh: "缺少字段 '\(key)'", en: "missing field '\(key)'")
            }
            /// `detail` is the decoder's own words; `path` the dotted path to the value.
            public static func malformed(at path: String, _ detail: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "格式错误（\(path)）：\(detail.zh)", en: "malformed at \(path): \(detail.en)")
            }
        }
    }
}
