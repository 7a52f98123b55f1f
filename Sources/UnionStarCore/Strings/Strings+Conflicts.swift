extension Strings {
    /// An inspector's declarations of a conflict of interest (利益冲突声明，主动回避).
    public enum Conflicts {
        public static let heading = LocalizedText(zh: "利益冲突声明", en: "Conflicts of interest")
        public static let intro = LocalizedText(
            zh: "与某基层工会存在利害关系（如近亲属在该单位任职、本人曾在该单位任职、有经济往来）的考核人员，应主动声明并回避。声明后，总工会不能再指派您考核该单位；已指派而您尚未评分的，自动退出该单位的考核任务；已评分的，评分暂予保留，由总工会处理。",
            en: "An inspector with a tie to a union (close kin working there, a former post there, business dealings) declares it and stands aside. Once declared, the federation cannot assign you to the unit; an assignment you have not scored yet ends; scores you have submitted stay until the federation decides.")
        public static let unit = LocalizedText(zh: "单位", en: "Unit")
        public static let reason = LocalizedText(zh: "回避理由", en: "Reason")
        public static let reasonHint = LocalizedText(zh: "不超过200字，总工会工作人员可见。", en: "At most 200 characters; the federation's staff see it.")
        public static let declaredOn = LocalizedText(zh: "声明时间", en: "Declared")
        public static let listHeading = LocalizedText(zh: "我的声明", en: "My declarations")
        public static let formHeading = LocalizedText(zh: "声明回避", en: "Declare a conflict")
        public static let declare = LocalizedText(zh: "声明回避", en: "Declare and stand aside")
        public static let withdraw = LocalizedText(zh: "撤回声明", en: "Withdraw")
        public static let withdrawConfirm = LocalizedText(zh: "撤回后，总工会可以再次指派您考核该单位。确定撤回？",
                                                          en: "Once withdrawn, the federation may assign you to this unit again. Withdraw?")
        public static let empty = LocalizedText(zh: "您尚未声明利益冲突。", en: "You have declared no conflict.")
        public static let link = LocalizedText(zh: "利益冲突声明", en: "Conflicts of interest")
        public static let declareLink = LocalizedText(zh: "声明回避", en: "Declare a conflict")
        public static let pageHeading = LocalizedText(zh: "与本单位存在利害关系？", en: "A conflict with this unit?")
        public static let pageIntro = LocalizedText(
            zh: "如与本单位存在利害关系，请写明理由并声明回避；尚未提交评分的，将退出本单位的考核任务。",
            en: "If you have a tie to this unit, give the reason and stand aside; if you have not submitted scores, you leave this assignment.")
        public static let declareConfirm = LocalizedText(
            zh: "声明回避后，总工会不能再指派您考核本单位；尚未提交评分的，您将退出本单位的考核任务。确定声明？",
            en: "Once declared, the federation cannot assign you to this unit, and if you have not submitted scores you leave this assignment. Declare?")
        public static let notAUnion = LocalizedText(zh: "请选择一个基层工会。", en: "Choose a grassroots union.")
        public static let reasonRequired = LocalizedText(zh: "请写明回避理由。", en: "Give the reason.")
        public static func reasonTooLong(count: Int) -> LocalizedText {
            LocalizedText(zh: "回避理由不超过200字（现为\(count)字）。", en: "The reason is at most 200 characters (it has \(count)).")
        }
        public static let alreadyDeclared = LocalizedText(zh: "您已对该单位声明过回避。", en: "You have already declared a conflict with this unit.")
        public static let declared = LocalizedText(zh: "已声明回避。", en: "Conflict declared.")
        public static let declaredAndWithdrawn = LocalizedText(zh: "已声明回避，并已退出该单位的考核任务。",
                                                               en: "Conflict declared; you have left the unit's inspection.")
        public static let declaredScoresKept = LocalizedText(zh: "已声明回避。您已对该单位提交评分，评分暂予保留，由总工会处理。",
                                                             en: "Conflict declared. You had scored the unit: the scores stay until the federation decides.")
        public static let withdrawn = LocalizedText(zh: "已撤回回避声明。", en: "Declaration withdrawn.")

        // MARK: What staff see on the unit's inspectors page
        public static let staffHeading = LocalizedText(zh: "考核人员的回避声明", en: "Conflicts declared by inspectors")
        public static func staffLine(who: String, reason: String, on day: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "\(who)：\(reason)（\(Campaign.date(day, .zh))声明）", en: "\(who): \(reason) (declared \(day))")
        }
        public static let staffLeft = LocalizedText(zh: " · 已退出考核任务", en: " · left the assignment")
        public static let staffScoresKept = LocalizedText(zh: " · 已提交评分，仍在考核任务中，请处理", en: " · has scored and is still assigned: please decide")
    }
}
