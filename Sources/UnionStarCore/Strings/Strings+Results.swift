extension Strings {
    /// The results notice (评选结果公示), as staff run it and as the public reads it.
    public enum Results {
        public static let heading = LocalizedText(zh: "评选结果公示与命名", en: "Results notice and naming")
        public static func campaignIntro(workingDays: Int) -> LocalizedText {
            LocalizedText(
                zh: "已确定星级的单位须公示\(workingDays)个工作日；公示期间任何人可在公示页面提出异议，异议全部答复且公示结束后方可命名。",
                en: "Units whose tier is decided are put on a public notice of \(workingDays) working days; anyone may object on its page, and a unit is named once the notice is over and every objection is answered.")
        }
        public static let link = LocalizedText(zh: "结果公示与命名", en: "Results and naming")
        public static let unitLink = LocalizedText(zh: "结果公示", en: "Results notice")
        public static let none = LocalizedText(zh: "暂无已确定星级的单位。", en: "No unit's tier is decided yet.")
        public static let unit = LocalizedText(zh: "单位", en: "Unit")
        public static let decidedTier = LocalizedText(zh: "确定星级", en: "Tier decided")
        public static let inspected = LocalizedText(zh: "考核得分", en: "Inspected score")
        public static let state = LocalizedText(zh: "状态", en: "State")
        public static let period = LocalizedText(zh: "公示期", en: "Notice period")
        public static let objections = LocalizedText(zh: "未答复异议", en: "Unanswered objections")
        public static let start = LocalizedText(zh: "公示开始日期（YYYY-MM-DD）", en: "First day of the notice (YYYY-MM-DD)")
        public static let startHint = LocalizedText(zh: "所选单位同日开始公示；结束日按工作日日历计算，须在推荐截止日前。",
                                                    en: "The chosen units start the same day; the last day is counted on the working-day calendar and must fall before the recommendation date.")
        public static let choose = LocalizedText(zh: "公示", en: "Put on notice")
        public static let startSubmit = LocalizedText(zh: "开始结果公示", en: "Start the results notice")
        public static let noneChosen = LocalizedText(zh: "请至少选择一个单位。", en: "Choose at least one unit.")
        public static let nameReady = LocalizedText(zh: "命名公示已结束且无未答复异议的单位", en: "Name every unit whose notice is over and objections answered")
        public static func started(_ count: Int) -> LocalizedText {
            LocalizedText(zh: "\(count)个单位已开始结果公示。", en: "\(count) unit(s) put on the results notice.")
        }
        public static func named(_ count: Int) -> LocalizedText {
            LocalizedText(zh: "已命名\(count)个单位。", en: "\(count) unit(s) named.")
        }
        public static func refused(unit: String, reason: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(unit)：\(reason.zh)", en: "\(unit): \(reason.en)")
        }
        public static let refusedHeading = LocalizedText(zh: "以下单位未处理：", en: "Not done for these units:")
        public static let nothingToName = LocalizedText(zh: "没有可以命名的单位。", en: "No unit can be named now.")

        // The unit's results page (staff)
        public static func unitHeading(_ unit: String) -> LocalizedText {
            LocalizedText(zh: "\(unit)：评选结果公示", en: "\(unit): results notice")
        }
        public static let startOne = LocalizedText(zh: "开始结果公示", en: "Start the results notice")
        public static let answerHint = LocalizedText(zh: "答复将在公示页面公开（异议内容和提出人不公开）。",
                                                     en: "The answer is shown on the public page (the objection and its sender are not).")
        public static func unanswered(_ count: Int) -> LocalizedText {
            LocalizedText(zh: "\(count)条异议尚未答复，答复后方可命名。", en: "\(count) objection(s) await an answer before the unit may be named.")
        }
        public static let name = LocalizedText(zh: "命名", en: "Name the unit")
        public static let notName = LocalizedText(zh: "确认不予命名", en: "Record: not named")
        public static let certificate = LocalizedText(zh: "证书（A4横版，可打印）", en: "Certificate (A4 landscape, printable)")
        public static let rewards = LocalizedText(zh: "奖励名单", en: "Rewards list")
        public static let startedOne = LocalizedText(zh: "结果公示已开始。", en: "The results notice has started.")
        public static let namedOne = LocalizedText(zh: "已命名。", en: "Named.")
        public static let answered = LocalizedText(zh: "答复已保存并公开。", en: "The answer is saved and public.")

        // The public page
        public static func publicTitle(unit: String) -> LocalizedText {
            LocalizedText(zh: "\(unit)星级评定结果公示", en: "\(unit): results of the star rating, on notice")
        }
        public static let publicIntro = LocalizedText(
            zh: "经考核，拟确定以下单位的星级，现予公示。公示期间如有异议，可在下方提出，可署名，也可匿名。",
            en: "After inspection, the tier below is proposed for this union and put on public notice. While it runs, anyone with an objection may lodge it below, named or anonymously.")
        public static func recordTitle(unit: String) -> LocalizedText {
            LocalizedText(zh: "\(unit)星级工会命名记录", en: "\(unit): record of its star naming")
        }
        public static let recordIntro = LocalizedText(
            zh: "本页为公开记录，可用于核验星级工会证书。",
            en: "This public record verifies the union's star certificate.")
        public static let namedAs = LocalizedText(zh: "命名星级", en: "Named as")
        public static let namedBy = LocalizedText(zh: "命名单位", en: "Named by")
        public static let namedOn = LocalizedText(zh: "命名日期", en: "Named on")
        public static let certificateNumber = LocalizedText(zh: "证书编号", en: "Certificate number")
        public static let notNamedRecord = LocalizedText(zh: "经公示，不予命名。", en: "After the notice: not named.")
        public static let year = LocalizedText(zh: "年度", en: "Year")
        public static let decidedBy = LocalizedText(zh: "确定单位", en: "Decided by")
        public static let wrongNotice = LocalizedText(zh: "这份公示已经结束，不再受理异议。", en: "This notice is over; no more objections are taken.")
    }

    /// 星级工会证书.
    public enum CertificateText {
        public static let title = LocalizedText(zh: "星级工会证书", en: "Star union certificate")
        /// The certificate is the Chinese paper; its words are Chinese in both languages.
        public static func body(unit: String, year: Int, tier: String) -> String {
            "\(unit)：\n经考核评定，被命名为\(year)年度\(tier)工会。"
        }
        public static let heading = "荣誉证书"
        public static func number(_ number: String) -> String { "证书编号：\(number)" }
        public static func dated(_ day: CalendarDate) -> String { Campaign.date(day, .zh) }
        public static let verify = "扫码核验"
        public static let printHint = LocalizedText(zh: "用浏览器打印（A4横向）。", en: "Print from the browser (A4 landscape).")
        public static let notNamed = LocalizedText(zh: "该单位尚未命名，没有证书。", en: "The unit is not named; it has no certificate.")
    }

    /// 星级工会名录: the public list of named unions.
    public enum Stars {
        public static let heading = LocalizedText(zh: "星级工会名录", en: "Star unions")
        public static let intro = LocalizedText(zh: "经考核、公示后命名的星级工会。点击单位可查看命名记录。",
                                                en: "Unions named after inspection and public notice. Each name opens its public record.")
        public static let none = LocalizedText(zh: "尚无命名的单位。", en: "No union has been named yet.")
        public static let campaign = LocalizedText(zh: "活动", en: "Campaign")
        public static let link = LocalizedText(zh: "星级工会名录", en: "Star unions")
        public static let starLine = LocalizedText(zh: "星级", en: "Star tier")
        public static func held(tier: LocalizedText, year: Int, by: String) -> LocalizedText {
            LocalizedText(zh: "\(tier.zh)（\(year)年度，\(by)命名）", en: "\(tier.en) (\(year), named by \(by))")
        }
    }
}
