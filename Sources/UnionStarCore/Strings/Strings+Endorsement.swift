extension Strings {
    /// 逐级审核盖章: a sub-federation's review of the applications under it, and its queue.
    public enum Endorsement {
        public static let heading = LocalizedText(zh: "审核盖章", en: "Endorsement")
        public static let intro = LocalizedText(
            zh: "镇（街）、园区、系统工会逐级审核所属基层工会的申报，签署意见并盖章后报上级；不符合要求的，写明理由退回。",
            en: "Each town, park or system union reviews the applications of the unions under it in turn, signs its opinion and stamps it for the level above; an application that falls short goes back with reasons.")
        public static let opinion = LocalizedText(zh: "审核意见", en: "Opinion")
        public static let date = LocalizedText(zh: "日期", en: "Date")
        public static let submit = LocalizedText(zh: "审核通过并盖章", en: "Endorse and stamp")
        public static let opinionRequired = LocalizedText(zh: "请填写审核意见。", en: "Write the opinion.")
        public static func opinionTooLong(count: Int) -> LocalizedText {
            LocalizedText(zh: "审核意见不超过200字（现为\(count)字）。", en: "The opinion is at most 200 characters (it has \(count)).")
        }
        public static let dateInvalid = LocalizedText(zh: "日期格式应为 YYYY-MM-DD，且不晚于今天。", en: "Write the date as YYYY-MM-DD, not after today.")
        public static let stampsHeading = LocalizedText(zh: "本轮审核记录", en: "Stamps on this round")
        public static let noStamps = LocalizedText(zh: "本轮尚无审核记录。", en: "Nobody has stamped this round yet.")
        public static func stamp(by: String, date: CalendarDate, who: String) -> LocalizedText {
            LocalizedText(zh: "\(by)（\(Campaign.date(date, .zh))，\(who)）", en: "\(by) (\(date), \(who))")
        }
        public static func waitingFor(_ name: String) -> LocalizedText {
            LocalizedText(zh: "待\(name)审核盖章。", en: "Waiting for \(name) to endorse it.")
        }
        public static let done = LocalizedText(zh: "已审核盖章。", en: "Endorsed and stamped.")
        public static let returnHint = LocalizedText(zh: "如需退回，请在申报登记表页面写明理由。", en: "To return it, give the reasons on the registration form's page.")
        public static let formLink = LocalizedText(zh: "查看申报登记表", en: "Read the registration form")

        // MARK: The queue
        public static let queueHeading = LocalizedText(zh: "待审核的申报", en: "Applications to endorse")
        public static let queueIntro = LocalizedText(
            zh: "以下申报等待本单位审核盖章，按截止日期排列（须在督导检查开始前报上级）。",
            en: "These applications wait for your stamp, by deadline (they go up before the inspection starts).")
        public static let queueEmpty = LocalizedText(zh: "没有待审核的申报。", en: "Nothing waits for your stamp.")
        public static let unitColumn = LocalizedText(zh: "申报单位", en: "Unit")
        public static let campaignColumn = LocalizedText(zh: "活动", en: "Campaign")
        public static let tierColumn = LocalizedText(zh: "申报星级", en: "Tier applied for")
        public static let selfScoreColumn = LocalizedText(zh: "自评得分", en: "Self-score")
        public static let evidenceColumn = LocalizedText(zh: "台账数", en: "Evidence files")
        public static let dueColumn = LocalizedText(zh: "截止日期", en: "Due by")
        public static let noDue = LocalizedText(zh: "未定", en: "not set")
        public static let navigation = LocalizedText(zh: "待审核", en: "To endorse")
    }
}

extension Strings {
    /// Assigning inspectors to a unit (督导检查 / 考核验收).
    public enum Inspectors {
        public static let heading = LocalizedText(zh: "考核人员", en: "Inspectors")
        public static let intro = LocalizedText(
            zh: "为该单位指派一名或多名考核人员（听汇报、查台账、个别访谈、召开座谈会）。与该单位有利害关系的人员须回避，系统不予指派。",
            en: "Assign one or more inspectors to the unit (reports, records, interviews, a discussion meeting). Anyone with a conflict of interest must stand aside and is refused.")
        public static let assigned = LocalizedText(zh: "已指派", en: "Assigned")
        public static let none = LocalizedText(zh: "尚未指派考核人员。", en: "No inspector is assigned yet.")
        public static let scored = LocalizedText(zh: "已提交评分", en: "scored")
        public static let notScored = LocalizedText(zh: "未提交评分", en: "not scored yet")
        public static let inspector = LocalizedText(zh: "考核人员", en: "Inspector")
        public static let assign = LocalizedText(zh: "指派", en: "Assign")
        public static let noCandidates = LocalizedText(zh: "没有可指派的考核人员（须有覆盖该单位的“考核人员”角色）。",
                                                       en: "No account can be assigned (it needs an inspector role over this unit).")
        public static let chooseInspector = LocalizedText(zh: "请选择考核人员。", en: "Choose an inspector.")
        public static let alreadyAssigned = LocalizedText(zh: "该考核人员已指派。", en: "That inspector is already assigned.")
        public static let conflictMark = LocalizedText(zh: "（须回避）", en: " (conflict)")
        public static let done = LocalizedText(zh: "已指派考核人员。", en: "Inspector assigned.")
        /// Taking back an assignment made by mistake, before the inspector has scored.
        public static let withdraw = LocalizedText(zh: "撤销指派", en: "Withdraw")
        public static let withdrawn = LocalizedText(zh: "已撤销指派。", en: "The assignment is withdrawn.")
        public static let notAssigned = LocalizedText(zh: "该考核人员未被指派到本单位。", en: "That inspector is not assigned to this unit.")
        public static let scoredStays = LocalizedText(
            zh: "该考核人员已提交评分，不能撤销指派：评分是考核验收的记录。",
            en: "That inspector has submitted scores and cannot be withdrawn: the scores are the inspection's record.")
        public static let link = LocalizedText(zh: "考核人员", en: "Inspectors")
        public static func scoredTotal(_ total: Points) -> LocalizedText {
            LocalizedText(zh: "合计\(total)分", en: "\(total) in all")
        }
        public static func combined(total: Points, rule: LocalizedText, spread: Points, deviations: Int) -> LocalizedText {
            LocalizedText(zh: "考核得分\(total)分（\(rule.zh)）；考核人员评分最高与最低相差\(spread)分；与自评不同的项目\(deviations)项。",
                          en: "Inspected score \(total) (\(rule.en)); the inspectors' totals differ by \(spread); \(deviations) item(s) differ from the self-score.")
        }
        public static let complete = LocalizedText(zh: "结束考核", en: "Close the inspection")
        public static let completed = LocalizedText(zh: "考核已结束。", en: "Inspection closed.")
        public static func inspected(total: Points, spread: Points) -> LocalizedText {
            LocalizedText(zh: "考核已结束：考核得分\(total)分，评分相差\(spread)分。", en: "Inspection closed: inspected score \(total), spread \(spread).")
        }
    }
}
