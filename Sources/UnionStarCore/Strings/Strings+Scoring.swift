extension Strings {
    /// Scoring: what is wrong with a union's answers, the breakdown of an item, and re-review.
    public enum Scoring {
        /// Why an answers file or one answer cannot be scored.
        public enum Answers {
            public static let wrongShape = LocalizedText(zh: "答卷须为 {\"facts\": {...}} 格式", en: "the answers must have the form {\"facts\": {...}}")
            public static let valueOfWrongShape = LocalizedText(
                zh: "取值类型不对：只能是 true/false、数字、选项、要素列表或 {要素: true/false}",
                en: "has a value of the wrong shape: use true/false, a number, an option, a list of elements or {element: true/false}")
            public static func notJSON(_ error: String) -> LocalizedText {
                LocalizedText(zh: "答卷不是有效的 JSON：\(error)", en: "the answers are not valid JSON: \(error)")
            }
            /// A problem with one fact: `事实项 'x'：…`.
            public static func aboutFact(_ fact: String, _ reason: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "事实项 '\(fact)'：\(reason.zh)", en: "fact '\(fact)': \(reason.en)")
            }
            public static func notAFactOf(_ scheme: String) -> LocalizedText {
                LocalizedText(zh: "方案 \(scheme) 中没有这个事实项", en: "is not a fact of scheme \(scheme)")
            }
            public static func elementNotAnswered(_ id: String, label: String) -> LocalizedText {
                LocalizedText(zh: "要素 '\(id)'（\(label)）未作答", en: "element '\(id)' (\(label)) is not answered")
            }
            public static func notAnswered(_ label: String) -> LocalizedText {
                LocalizedText(zh: "未作答（\(label)）", en: "is not answered (\(label))")
            }
            public static func factsNotAnswered(_ count: Int, _ ids: String) -> LocalizedText {
                LocalizedText(zh: "\(count)个事实项未作答：\(ids)（`scheme template` 给出完整答卷）",
                              en: "\(count) facts are not answered: \(ids) (`scheme template` prints a complete answers file)")
            }
            public static let booleanExpected = LocalizedText(zh: "是/否项，只能填 true 或 false", en: "is yes/no and takes true or false")
            public static func countNotWhole(_ value: String) -> LocalizedText {
                LocalizedText(zh: "是次数，须为不小于0的整数，而不是 \(value)", en: "is a count and takes a whole number of at least 0, not \(value)")
            }
            public static func countTooHigh(_ maximum: Int, _ value: String) -> LocalizedText {
                LocalizedText(zh: "不能超过 \(maximum)，而填了 \(value)", en: "may not exceed \(maximum), got \(value)")
            }
            public static let countExpected = LocalizedText(zh: "是次数，须填数字", en: "is a count and takes a number")
            public static func tooManyDecimals(_ value: String) -> LocalizedText {
                LocalizedText(zh: "最多保留四位小数，而填了 \(value)", en: "takes at most four decimal places, got \(value)")
            }
            public static func percentageOutOfRange(_ value: String) -> LocalizedText {
                LocalizedText(zh: "是百分比，须在 0 至 100 之间，而填了 \(value)", en: "is a percentage and must be between 0 and 100, got \(value)")
            }
            public static let percentageExpected = LocalizedText(zh: "是百分比，须填 0 至 100 之间的数字", en: "is a percentage and takes a number from 0 to 100")
            public static let checklistExpected = LocalizedText(
                zh: "是清单，须填已具备要素的列表或 {要素: true/false}", en: "is a checklist and takes a list of present elements or {element: true/false}")
            public static func unknownOption(_ id: String, options: String) -> LocalizedText {
                LocalizedText(zh: "没有选项 '\(id)'（可选：\(options)）", en: "has no option '\(id)' (options: \(options))")
            }
            public static let choiceExpected = LocalizedText(zh: "是选项，须填选项编号", en: "is a choice and takes an option id")
            public static func unknownElement(_ id: String, elements: String) -> LocalizedText {
                LocalizedText(zh: "没有要素 '\(id)'（可选：\(elements)）", en: "has no element '\(id)' (elements: \(elements))")
            }
        }

        /// How a rule changed an item, in the breakdown (kept in Chinese, as the seeds' rules are).
        public enum Breakdown {
            /// `缺：牌子、公章`.
            public static func missing(_ labels: [String]) -> LocalizedText {
                LocalizedText(zh: "缺：" + labels.joined(separator: "、"), en: "missing: " + labels.joined(separator: ", "))
            }
            /// `88.5，少1.5`.
            public static func shortBy(_ value: Points, _ short: Points) -> LocalizedText {
                LocalizedText(zh: "\(value)，少\(short)", en: "\(value), \(short) short")
            }
            /// A rule's label with what it found: `…（缺：牌子）`.
            public static func labelWithDetail(_ label: String, _ detail: String) -> LocalizedText {
                LocalizedText(zh: "\(label)（\(detail)）", en: "\(label) (\(detail))")
            }
        }

        /// The score command's summary in the terminal, each line headed in both languages.
        public enum Summary {
            public static let total = LocalizedText(zh: "总分", en: "total")
            public static let tier = LocalizedText(zh: "星级", en: "tier")
            public static let vetoes = LocalizedText(zh: "否决", en: "vetoes")
            public static func reachedButVetoed(_ tier: String) -> LocalizedText {
                LocalizedText(zh: "（得分可达\(tier)，因否决不得命名）", en: " (the score reaches \(tier), but a veto bars naming)")
            }
        }

        /// The public reasons of a re-review (公示原因), in Chinese as they are published.
        public enum ReReview {
            /// The title is taken away: `摘牌` where tiers go down, `取消所表彰等级` where the bottom ones are revoked.
            public static let delisted = LocalizedText(zh: "摘牌", en: "delisted")
            public static let titleRevoked = LocalizedText(zh: "取消所表彰等级", en: "the title is revoked")
            public static func vetoed(_ vetoes: [String], _ ending: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "复查年度\(vetoes.joined(separator: "；"))，属不得命名情形，\(ending.zh)",
                              en: "in the re-review year \(vetoes.joined(separator: "; ")), which bars naming; \(ending.en)")
            }
            public static func downgraded(score: Points, held: String, minimum: Points, to lower: String) -> LocalizedText {
                LocalizedText(zh: "复查得分\(score)分，达不到\(held)标准（\(minimum)分），降为\(lower)",
                              en: "re-review score \(score), below the \(held) standard (\(minimum)); moved down to \(lower)")
            }
            public static func belowAllTiers(score: Points, held: String, minimum: Points) -> LocalizedText {
                LocalizedText(zh: "复查得分\(score)分，达不到\(held)标准（\(minimum)分），摘牌",
                              en: "re-review score \(score), below the \(held) standard (\(minimum)); delisted")
            }
            public static func bottomOfTier(score: Points, threshold: Points, places: Int) -> LocalizedText {
                LocalizedText(zh: "复查得分\(score)分（\(threshold)分以下）且列表彰等级后\(places)名，取消所表彰等级",
                              en: "re-review score \(score) (at most \(threshold)) and among the last \(places) of its tier; the title is revoked")
            }
        }
    }
}
