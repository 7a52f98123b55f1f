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

extension Strings {
    /// The inspector's record of a visit and the scores.
    public enum Inspection {
        public static func method(_ method: InspectionRecord.Method) -> LocalizedText {
            switch method {
            case .briefing: LocalizedText(zh: "听汇报", en: "Briefing")
            case .records: LocalizedText(zh: "查看台账资料", en: "Checking the records")
            case .interviews: LocalizedText(zh: "个别访谈", en: "Individual interviews")
            case .discussion: LocalizedText(zh: "召开座谈会", en: "A discussion meeting")
            }
        }
        public static let visitDateInvalid = LocalizedText(zh: "考核日期格式应为 YYYY-MM-DD。", en: "Write the visit's date as YYYY-MM-DD.")
        public static let visitInFuture = LocalizedText(zh: "考核日期不能晚于今天。", en: "The visit cannot be after today.")
        public static func visitBeforeWindow(_ opens: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "考核日期不能早于督导检查开始日\(Campaign.date(opens, .zh))。", en: "The visit cannot be before the inspection opened on \(opens).")
        }
        public static let methodsRequired = LocalizedText(zh: "请至少选择一种考核方式。", en: "Choose at least one method.")
        public static let textRequired = LocalizedText(zh: "请填写此项。", en: "Fill this in.")
        public static func textTooLong(count: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "不超过\(limit)字（现为\(count)字）。", en: "At most \(limit) characters (it has \(count)).")
        }
        public static let scoreRequired = LocalizedText(zh: "请为此项评分。", en: "Score this item.")
        public static func scoreOutOfRange(max: Points) -> LocalizedText {
            LocalizedText(zh: "评分应在0到\(max)分之间，最多两位小数。", en: "The score is from 0 to \(max), with at most two decimals.")
        }
    }
}

extension Strings {
    /// The inspector's pages.
    public enum InspectionPages {
        public static let listHeading = LocalizedText(zh: "我的考核任务", en: "My inspections")
        public static let listEmpty = LocalizedText(zh: "尚未指派给您考核任务。", en: "No unit is assigned to you.")
        public static let scoredColumn = LocalizedText(zh: "评分", en: "Scores")
        public static let navigation = LocalizedText(zh: "考核任务", en: "Inspections")
        public static let heading = LocalizedText(zh: "考核评分", en: "Inspection")
        public static let intro = LocalizedText(
            zh: "记录本次考核（日期、方式、访谈人员、发现的问题），并逐项评分；自评得分列于每项旁。提交后，在总工会结束考核前仍可修改。",
            en: "Record the visit (date, methods, people met, findings) and score every item; the self-score stands beside each. You can change it until the federation closes the inspection.")
        public static func itemLabel(number: Int, max: Points) -> LocalizedText {
            LocalizedText(zh: "第\(number)项（满分\(max)分）", en: "Item \(number) (out of \(max))")
        }
        public static func selfScore(_ points: Points?) -> LocalizedText {
            guard let points else { return LocalizedText(zh: "自评：未答", en: "self: not answered") }
            return LocalizedText(zh: "自评：\(points)分", en: "self: \(points)")
        }
        public static func submitted(total: Points) -> LocalizedText {
            LocalizedText(zh: "您已提交评分，合计\(total)分。", en: "You have submitted your scores: \(total) in all.")
        }
        public static let visitedOn = LocalizedText(zh: "考核日期", en: "Date of the visit")
        public static let methods = LocalizedText(zh: "考核方式", en: "Methods")
        public static let peopleMet = LocalizedText(zh: "访谈、座谈人员", en: "People met")
        public static let findings = LocalizedText(zh: "考核情况与发现的问题", en: "Findings")
        public static let itemsHeading = LocalizedText(zh: "逐项评分", en: "Item by item")
        public static let submit = LocalizedText(zh: "提交评分", en: "Submit the scores")
        public static let done = LocalizedText(zh: "评分已提交。", en: "Scores submitted.")
    }
}

extension Strings {
    /// The decision on the tier (确定星级等次).
    public enum Decision {
        public static let heading = LocalizedText(zh: "确定星级", en: "Decision on the tier")
        public static let intro = LocalizedText(
            zh: "根据考核得分确定星级等次（不高于申报的星级；存在一票否决情形的不予命名）。所定星级与计算结果不同时，须写明理由，理由随决定公开。",
            en: "The tier follows the inspected score (never above the tier applied for; none where a veto holds). A tier other than the computed one needs a reason, shown with the decision.")
        public static let inspected = LocalizedText(zh: "考核得分", en: "Inspected score")
        public static let computed = LocalizedText(zh: "按考核得分应定星级", en: "Tier the score gives")
        public static let none = LocalizedText(zh: "不予命名", en: "Not named")
        public static let tier = LocalizedText(zh: "确定星级", en: "Tier decided")
        public static let reason = LocalizedText(zh: "理由", en: "Reason")
        public static let submit = LocalizedText(zh: "确定", en: "Decide")
        public static let done = LocalizedText(zh: "星级已确定。", en: "The tier is decided.")
        public static func decided(tier: LocalizedText, by: String, on day: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "已确定：\(tier.zh)（\(by)，\(Campaign.date(day, .zh))）", en: "Decided: \(tier.en) (\(by), \(day))")
        }
        public static let link = LocalizedText(zh: "确定星级", en: "Decision")
        public static let opinion = LocalizedText(zh: "意见（填入申报登记表）", en: "Opinion (goes into the registration form)")
        public static let opinionHint = LocalizedText(zh: "不填则写“同意命名为某星级”或“不予命名”。", en: "Left empty, the box says the tier is approved, or not named.")
        public static func opinionTooLong(count: Int) -> LocalizedText {
            LocalizedText(zh: "意见不超过200字（现为\(count)字）。", en: "The opinion is at most 200 characters (it has \(count)).")
        }
        /// The box's words when staff write none (Chinese: the form is the official paper).
        public static func defaultOpinion(_ tier: Tier?) -> String {
            tier.map { "同意命名为\($0.name)。" } ?? "不予命名。"
        }
    }
}
