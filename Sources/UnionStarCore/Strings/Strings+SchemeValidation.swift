extension Strings.Scheme {
    /// Why a decoded scheme is refused before anyone is scored by it. Messages about a rule, a
    /// step or a note's owner are joined to a prefix (`Prefixes`) that names it.
    public enum Validation {
        /// What a message is about, put before it.
        public enum Prefixes {
            /// `第2条规则（deduct）`, inside an item.
            public static func rule(_ number: Int, kind: String) -> LocalizedText {
                LocalizedText(zh: "第\(number)条规则（\(kind)）", en: "rule \(number) (\(kind)) ")
            }
            /// `第2条规则`, for a rule's condition or note.
            public static func ruleNumber(_ number: Int) -> LocalizedText {
                LocalizedText(zh: "第\(number)条规则", en: "rule \(number) ")
            }
            public static func step(_ id: String) -> LocalizedText { LocalizedText(zh: "步骤 '\(id)' ", en: "step '\(id)' ") }
            public static func fact(_ id: String) -> LocalizedText { LocalizedText(zh: "事实项 '\(id)' ", en: "fact '\(id)' ") }
            public static let scheme = LocalizedText(zh: "方案", en: "the scheme ")
        }

        // The file as a whole.
        public static let vetoIDsRepeat = LocalizedText(zh: "否决项编号重复", en: "veto ids are not unique")
        public static func schemeIDMalformed(_ id: String) -> LocalizedText {
            LocalizedText(zh: "方案编号 '\(id)' 只能用小写字母、数字和连字符", en: "scheme id '\(id)' may hold only lower-case letters, digits and dashes")
        }
        public static let noTitle = LocalizedText(zh: "缺少方案名称", en: "the scheme has no title")
        public static let totalNotPositive = LocalizedText(zh: "总分必须大于0", en: "the total must be above 0")
        public static func appliesToUnknownKind(_ kind: String) -> LocalizedText {
            LocalizedText(zh: "appliesTo 中的 '\(kind)' 不是基层工会类型", en: "appliesTo names '\(kind)', which is not a kind of union")
        }
        public static let noEnglishTitle = LocalizedText(zh: "缺少英文名称 titleEn", en: "it has no English title (titleEn)")
        public static let noEnglishText = LocalizedText(zh: "缺少英文文字 textEn", en: "it has no English text (textEn)")
        public static let noSections = LocalizedText(zh: "方案没有任何部分", en: "the scheme has no sections")
        public static func sectionsDoNotAddUp(_ sum: Points, total: Points) -> LocalizedText {
            LocalizedText(zh: "各部分分值之和为 \(sum)，不等于总分 \(total)", en: "the sections add up to \(sum), not to the total \(total)")
        }
        public static let noTiers = LocalizedText(zh: "没有设置星级", en: "the scheme has no tiers")

        // Settings.
        public static let settingIDMalformed = LocalizedText(
            zh: "设置编号只能用小写字母、数字和下划线", en: "the setting id may hold only lower-case letters, digits and underscores")
        public static let settingIDRepeats = LocalizedText(zh: "设置编号重复", en: "the setting id is used twice")
        public static let settingNeedsLabels = LocalizedText(zh: "需要中文说明 label 和英文说明 labelEn", en: "it needs a Chinese `label` and an English `labelEn`")
        public static let settingNeedsTwoOptions = LocalizedText(zh: "需要至少两个不重复的可选项", en: "it needs at least two distinct options")
        public static func optionNeedsLabels(_ option: String) -> LocalizedText {
            LocalizedText(zh: "可选项 '\(option)' 需要 label 和 labelEn", en: "option '\(option)' needs a `label` and a `labelEn`")
        }
        public static func valueNotAnOption(_ value: String, _ options: [String]) -> LocalizedText {
            LocalizedText(zh: "取值 '\(value)' 不在可选项 \(options) 之中", en: "value '\(value)' is not one of \(options)")
        }
        public static func readsUnknownSetting(_ id: String) -> LocalizedText {
            LocalizedText(zh: "读取了不存在的设置 '\(id)'", en: "reads unknown setting '\(id)'")
        }
        public static func settingMayOnlyOffer(_ id: String, _ known: [String]) -> LocalizedText {
            LocalizedText(zh: "的设置 '\(id)' 只能取 \(known.joined(separator: "、"))", en: "setting '\(id)' may only offer \(known.joined(separator: ", "))")
        }
        public static let settingNotRead = LocalizedText(zh: "没有任何规则、事实项或否决项读取这个设置", en: "no rule, fact or veto reads this setting")

        // Facts.
        public static func factIDMalformed(_ id: String) -> LocalizedText {
            LocalizedText(zh: "事实项编号 '\(id)' 只能用小写字母、数字和下划线", en: "fact id '\(id)' may hold only lower-case letters, digits and underscores")
        }
        public static func factDefinedTwice(_ id: String) -> LocalizedText {
            LocalizedText(zh: "事实项 '\(id)' 重复定义", en: "fact '\(id)' is defined twice")
        }
        public static func factHasNoLabel(_ id: String) -> LocalizedText {
            LocalizedText(zh: "事实项 '\(id)' 缺少说明", en: "fact '\(id)' has no label")
        }
        public static func checklistSize(_ id: String) -> LocalizedText {
            LocalizedText(zh: "清单 '\(id)' 需要1至63个要素", en: "checklist '\(id)' needs 1 to 63 elements")
        }
        public static func checklistRepeatsElement(_ id: String) -> LocalizedText {
            LocalizedText(zh: "清单 '\(id)' 的要素编号重复", en: "checklist '\(id)' repeats an element id")
        }
        public static func checklistHasIdeal(_ id: String, ideal: String) -> LocalizedText {
            LocalizedText(zh: "清单 '\(id)' 的理想答案是全部要素，不应写 ideal: \(ideal)", en: "checklist '\(id)' is ideally complete; drop its `ideal`")
        }
        public static func choiceNeedsTwoOptions(_ id: String) -> LocalizedText {
            LocalizedText(zh: "选项 '\(id)' 需要至少两个不重复的选项", en: "choice '\(id)' needs at least two distinct options")
        }
        public static func choiceIdealNotAnOption(_ id: String) -> LocalizedText {
            LocalizedText(zh: "选项 '\(id)' 的 ideal 必须是其选项之一", en: "choice '\(id)' needs an `ideal` that is one of its options")
        }
        public static func booleanNeedsIdeal(_ id: String) -> LocalizedText {
            LocalizedText(zh: "是/否项 '\(id)' 需要 ideal: true 或 false", en: "yes/no fact '\(id)' needs `ideal: true` or `false`")
        }
        public static func countMaximumNotPositive(_ id: String) -> LocalizedText {
            LocalizedText(zh: "计数项 '\(id)' 的上限必须大于0", en: "count '\(id)' needs a maximum above 0")
        }
        public static func countIdealOutOfRange(_ id: String, maximum: Int) -> LocalizedText {
            LocalizedText(zh: "计数项 '\(id)' 需要 0 至 \(maximum) 之间的整数 ideal", en: "count '\(id)' needs a whole `ideal` from 0 to \(maximum)")
        }
        public static func percentageIdealOutOfRange(_ id: String) -> LocalizedText {
            LocalizedText(zh: "百分比项 '\(id)' 需要 0 至 100 之间的 ideal", en: "percentage '\(id)' needs an `ideal` from 0 to 100")
        }
        public static func labelByKindNamesOtherKind(_ owner: String, kind: String, appliesTo: [String]) -> LocalizedText {
            LocalizedText(zh: "'\(owner)' 的 labelByKind 中 '\(kind)' 不是本方案适用的基层工会类型 \(appliesTo)",
                          en: "labelByKind of '\(owner)' names '\(kind)', not a kind this scheme is for \(appliesTo)")
        }
        public static func labelByKindEmpty(_ owner: String, kind: String) -> LocalizedText {
            LocalizedText(zh: "'\(owner)' 的 labelByKind 中 '\(kind)' 为空", en: "labelByKind of '\(owner)' is empty for '\(kind)'")
        }

        // Sections and items.
        public static let maxNotPositive = LocalizedText(zh: "分值必须大于0", en: "its max must be above 0")
        public static let sectionHasNoItems = LocalizedText(zh: "没有任何项目", en: "it has no items")
        public static let itemNumberRepeats = LocalizedText(zh: "序号重复", en: "the item number is used twice")
        public static func itemsDoNotAddUp(_ sum: Points, max: Points) -> LocalizedText {
            LocalizedText(zh: "各项分值之和为 \(sum)，与本部分分值 \(max) 不符", en: "its items add up to \(sum), not to its max \(max)")
        }
        public static let itemHasNoStandard = LocalizedText(zh: "缺少创建标准", en: "it has no standard text")
        public static let itemHasNoQuantification = LocalizedText(zh: "缺少量化项", en: "it has no quantification text")
        public static let itemHasNoRules = LocalizedText(zh: "没有任何评分规则", en: "it has no scoring rules")
        public static func rulesAddTooMuch(_ gain: Points, max: Points) -> LocalizedText {
            LocalizedText(zh: "加分规则最多可加 \(gain) 分，超过分值 \(max)", en: "its accruing rules can add \(gain), more than its max \(max)")
        }

        // Rules (after `Prefixes.rule`).
        public static let ruleHasNoText = LocalizedText(zh: "缺少规则原文", en: "has no text")
        public static let ruleNeedsWhen = LocalizedText(zh: "缺少 when 条件", en: "needs a `when` condition")
        public static let ruleNeedsPoints = LocalizedText(zh: "的分数必须大于0", en: "needs points above 0")
        public static let ruleNeedsThreshold = LocalizedText(zh: "缺少 threshold", en: "needs a `threshold`")
        public static let ruleNeedsUnit = LocalizedText(zh: "的 unit 必须大于0", en: "needs a `unit` above 0")
        public static let ruleNeedsPartial = LocalizedText(
            zh: "需要 partial 指向一个设置（不足一个单位的部分如何扣分）", en: "needs `partial` naming a setting (how a part-unit counts)")
        public static let ruleNeedsCap = LocalizedText(zh: "需要 0 至本项分值之间的 cap", en: "needs a `cap` above 0 and at most the item's max")
        public static let ruleCannotTakeFloor = LocalizedText(
            zh: "不能带 floor/share（只用于 shortfall、perMissing）", en: "cannot take floor/share (only shortfall and perMissing can)")
        public static let ruleShareOutOfRange = LocalizedText(zh: "的 share 必须在 0 与本项分值之间", en: "needs a `share` above 0 and at most the item's max")
        public static let ruleNeedsFloorAndShare = LocalizedText(zh: "的 floor 与 share 须同时给出", en: "needs `floor` and `share` together")
        public static let ruleNeedsFact = LocalizedText(zh: "缺少 fact", en: "needs a `fact`")
        public static func readsUnknownFact(_ id: String) -> LocalizedText {
            LocalizedText(zh: "读取了不存在的事实项 '\(id)'", en: "reads unknown fact '\(id)'")
        }
        /// `kind` is the fact kind's label; `kindID` its id in the file.
        public static func cannotReadFactOfKind(_ id: String, kind: LocalizedText, kindID: String) -> LocalizedText {
            LocalizedText(zh: "不能读取\(kind.zh)类事实项 '\(id)'", en: "cannot read the \(kindID) fact '\(id)'")
        }

        // Conditions (after `Prefixes.ruleNumber` inside a rule).
        public static func conditionDoesNotFit(_ id: String, kind: LocalizedText, kindID: String) -> LocalizedText {
            LocalizedText(zh: "对\(kind.zh)类事实项 '\(id)' 用了不适用的条件", en: "uses a condition that does not fit the \(kindID) fact '\(id)'")
        }
        public static func readsUnknownElement(_ element: String, of checklist: String) -> LocalizedText {
            LocalizedText(zh: "读取了清单 '\(checklist)' 中不存在的要素 '\(element)'", en: "reads unknown element '\(element)' of checklist '\(checklist)'")
        }
        public static func readsUnknownOption(_ option: String, of choice: String) -> LocalizedText {
            LocalizedText(zh: "读取了选项 '\(choice)' 中不存在的选项 '\(option)'", en: "reads unknown option '\(option)' of choice '\(choice)'")
        }
        public static let emptyAllAny = LocalizedText(zh: "的 all/any 条件为空", en: "has an empty all/any")
        public static let settingConditionWithoutValues = LocalizedText(zh: "的设置条件没有取值", en: "has a setting condition with no values")
        public static func readsUnknownSettingOption(_ value: String, of setting: String) -> LocalizedText {
            LocalizedText(zh: "读取了设置 '\(setting)' 中不存在的可选项 '\(value)'", en: "reads unknown option '\(value)' of setting '\(setting)'")
        }
        public static let joinTooShort = LocalizedText(zh: "的 join 至少需要两个条件", en: "has a join of fewer than two conditions")

        // Tiers, rewards, re-review.
        public static let tierIDRepeats = LocalizedText(zh: "星级编号重复", en: "the tier id is used twice")
        public static let tierMinimumOutOfRange = LocalizedText(zh: "最低分必须在 0 与总分之间", en: "its minimum must lie between 0 and the total")
        public static let tiersOutOfOrder = LocalizedText(zh: "星级须按最低分从低到高排列", en: "tiers must be listed from the lowest minimum up")
        public static let honoursMismatch = LocalizedText(zh: "honours 与 honoursEn 须一一对应", en: "honours and honoursEn must match one for one")
        public static func rewardNamesUnknownTier(_ tier: String) -> LocalizedText {
            LocalizedText(zh: "奖励指向不存在的星级 '\(tier)'", en: "an amount names unknown tier '\(tier)'")
        }
        public static let rewardNegative = LocalizedText(zh: "奖励金额不能为负", en: "an amount is negative")
        public static let reductionOutOfRange = LocalizedText(zh: "减少系数必须在0与1之间", en: "a reduction factor must lie between 0 and 1")
        public static let reReviewIntervalNotPositive = LocalizedText(zh: "复查间隔必须大于0年", en: "the interval must be above 0 years")
        public static func firstYearImplausible(_ year: Int) -> LocalizedText {
            LocalizedText(zh: "firstYear \(year) 不合理", en: "firstYear \(year) is not plausible")
        }
        public static let revokeBottomNeedsFields = LocalizedText(
            zh: "revokeBottom 需要 scoreAtMost 和 lastPlaces", en: "revokeBottom needs scoreAtMost and lastPlaces")

        // Timeline steps (after `Prefixes.step`).
        public static let stepRepeats = LocalizedText(zh: "重复", en: "is listed twice")
        public static let stepNeedsLabels = LocalizedText(zh: "需要 label 和 labelEn", en: "needs a `label` and a `labelEn`")
        public static func stepDateMalformed(_ date: String) -> LocalizedText {
            LocalizedText(zh: "的日期 '\(date)' 不是 MM-DD", en: "has date '\(date)', not MM-DD")
        }
        public static func stepReversed(from: MonthDay, by: MonthDay) -> LocalizedText {
            LocalizedText(zh: "的起始日 \(from) 晚于截止日 \(by)", en: "starts on \(from), after its end \(by)")
        }
        public static let stepWorkingDaysNotPositive = LocalizedText(zh: "的工作日数必须大于0", en: "needs working days above 0")
        public static let noticeTakesNoDates = LocalizedText(
            zh: "是公示期（按工作日计），不能再写 from/by：它从上一步结束的次日开始",
            en: "is a notice in working days and takes no from/by: it starts the day after the step before it ends")
        public static let seedStepNeedsQuote = LocalizedText(zh: "标为文件原文（seed），须用 quote 引用原文", en: "is marked seed and needs the seed's words in `quote`")
        public static let defaultStepNeedsNote = LocalizedText(
            zh: "标为本系统默认（default），须用 note/noteEn 说明理由", en: "is marked default and needs `note`/`noteEn` saying why")

        // Notes (after the owner's prefix, if any).
        public static let noteMustBeChinese = LocalizedText(zh: "的 note 须为中文（英文写在 noteEn）", en: "`note` must be Chinese (English goes in `noteEn`)")
        public static let noteHasFoldedLine = LocalizedText(
            zh: "的 note 在汉字之间有空格（多行文字折行所致？）", en: "`note` has a space between Chinese characters (a folded line?)")
        public static let noteEnMustBeEnglish = LocalizedText(zh: "的 noteEn 须为英文", en: "`noteEn` must be English")
        public static let noteNeedsBothLanguages = LocalizedText(
            zh: "须同时给出 note（中文）和 noteEn（英文）", en: "needs both `note` (Chinese) and `noteEn` (English)")
    }
}
