extension Strings {
    /// Part 2 of the campaign above the union: endorsement (逐级审核盖章), inspection (督导检查 /
    /// 考核验收), the decision on the tier, the results notice and naming (命名).
    public enum Review {
        public static func conflict(_ conflict: Conflict) -> LocalizedText {
            switch conflict {
            case .ownUnit:
                LocalizedText(zh: "考核人员属于被考核单位，须回避。", en: "The inspector belongs to the unit inspected and must stand aside.")
            case .endorsingBody:
                LocalizedText(zh: "考核人员属于该单位的上级审核单位（镇、园区、系统工会），须回避。",
                              en: "The inspector belongs to a sub-federation that endorses the unit's application and must stand aside.")
            case .declared(let reason):
                LocalizedText(zh: "考核人员已申报与该单位存在利害关系（\(reason)），须回避。",
                              en: "The inspector declared a conflict with the unit (\(reason)) and must stand aside.")
            }
        }

        public static func combineRule(_ rule: CombineRule) -> LocalizedText {
            switch rule {
            case .mean: LocalizedText(zh: "取各考核人员评分的平均分", en: "the mean of the inspectors' scores")
            case .agreed: LocalizedText(zh: "考核人员协商一致后给出同一评分", en: "one score the inspectors agree on")
            }
        }

        public static let noScores = LocalizedText(zh: "尚无考核人员评分。", en: "No inspector has scored yet.")
        public static func notAgreed(spread: Points) -> LocalizedText {
            LocalizedText(zh: "考核人员评分不一致（相差\(spread)分），须协商一致后给出同一评分。",
                          en: "The inspectors' scores differ (by \(spread) points); they must agree on one.")
        }
        public static let unknownTier = LocalizedText(zh: "所选星级不在本方案中。", en: "That tier is not in the scheme.")
        public static let vetoedNoTier = LocalizedText(zh: "存在一票否决情形，不能确定任何星级。", en: "A veto holds: no tier can be given.")
        public static func aboveApplied(_ applied: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "不能高于申报的星级（\(applied.zh)）。", en: "It cannot be above the tier applied for (\(applied.en)).")
        }
        public static let reasonNeeded = LocalizedText(zh: "所定星级与按考核得分计算的星级不同，请写明理由。",
                                                       en: "The tier differs from the one the inspected score gives: give the reason.")
    }
}
