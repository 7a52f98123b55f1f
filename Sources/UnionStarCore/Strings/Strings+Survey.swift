extension Strings {
    /// 会员评家 / 民主评议: the members' anonymous satisfaction survey — the template, the builder, the
    /// tokens and their sheets, the member's pages and the results.
    public enum Survey {
        private static func day(_ day: CalendarDate) -> LocalizedText { Strings.Notice.day(day) }
        private static func percent(_ rate: Points) -> LocalizedText { LocalizedText(zh: "\(rate)%", en: "\(rate)%") }

        public enum Topics {
            public static let union = LocalizedText(zh: "工会工作", en: "The union's work")
            public static let chair = LocalizedText(zh: "工会主席（副主席）履职", en: "The chair (vice-chair) in office")
        }

        public enum Levels {
            public static let verySatisfied = LocalizedText(zh: "很满意", en: "Very satisfied")
            public static let satisfied = LocalizedText(zh: "满意", en: "Satisfied")
            public static let fairlySatisfied = LocalizedText(zh: "基本满意", en: "Fairly satisfied")
            public static let dissatisfied = LocalizedText(zh: "不满意", en: "Dissatisfied")
            public static let veryDissatisfied = LocalizedText(zh: "很不满意", en: "Very dissatisfied")
        }

        /// The template's questions (会员评家测评表).
        public enum Template {
            public static let unionOrganisation = LocalizedText(
                zh: "工会组织建设和民主管理（会员（代表）大会、厂务公开、民主评议等）",
                en: "Organisation and democratic management (the members' congress, openness of affairs, democratic review)")
            public static let unionRights = LocalizedText(
                zh: "维护职工合法权益（劳动合同、集体协商、劳动安全卫生等）",
                en: "Defending workers' rights (labour contracts, collective bargaining, safety and health at work)")
            public static let unionServices = LocalizedText(
                zh: "服务职工、帮扶困难职工（送温暖、职工之家、职工书屋等）",
                en: "Serving workers and helping those in hardship (winter relief, the workers' home, the reading room)")
            public static let unionActivities = LocalizedText(
                zh: "组织劳动竞赛、技能培训和文体活动",
                en: "Work competitions, skills training, cultural and sports activities")
            public static let unionFunds = LocalizedText(
                zh: "工会经费使用和财务公开",
                en: "How the union's funds are used and accounted for openly")
            public static let unionOverall = LocalizedText(
                zh: "总体评价：您对本单位工会工作的满意程度",
                en: "Overall: how satisfied are you with your union's work?")
            public static let chairConduct = LocalizedText(
                zh: "工会主席（副主席）的工作作风和联系职工群众情况",
                en: "The chair's (vice-chair's) manner of work and contact with the workers")
            public static let chairDuties = LocalizedText(
                zh: "工会主席（副主席）依法履职、为职工说话办事情况",
                en: "The chair (vice-chair) performing the duties by law and speaking and acting for the workers")
            public static let chairOverall = LocalizedText(
                zh: "总体评价：您对工会主席（副主席）履职情况的满意程度",
                en: "Overall: how satisfied are you with the chair (vice-chair) in office?")
            public static let comments = LocalizedText(
                zh: "您对工会工作和工会主席（副主席）的意见和建议（选填）",
                en: "Your opinions and suggestions on the union's work and the chair (vice-chair) (optional)")
        }

        public enum Builder {
            public static let titleRequired = LocalizedText(zh: "请填写测评名称。", en: "Give the survey a title.")
            public static func titleTooLong(limit: Int, count: Int) -> LocalizedText {
                LocalizedText(zh: "测评名称不能超过\(limit)字（现为\(count)字）。", en: "The title is at most \(limit) characters (it has \(count)).")
            }
            public static func customTooLong(_ n: Int, limit: Int, count: Int) -> LocalizedText {
                LocalizedText(zh: "自拟问题\(n)不能超过\(limit)字（现为\(count)字）。",
                              en: "Own question \(n) is at most \(limit) characters (it has \(count)).")
            }
            public static func customNeedsChair(_ n: Int) -> LocalizedText {
                LocalizedText(zh: "自拟问题\(n)是对工会主席的评价，须先选择“测评工会主席（副主席）”。",
                              en: "Own question \(n) rates the chair: tick “Rate the chair (vice-chair)” first.")
            }
        }

        public enum Answering {
            public static func chooseLevel(number: Int, question: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "第\(number)题“\(question.zh)”：请选择一项评价。", en: "Question \(number), “\(question.en)”: choose one answer.")
            }
            public static func textTooLong(number: Int, limit: Int, count: Int) -> LocalizedText {
                LocalizedText(zh: "第\(number)题不能超过\(limit)字（现为\(count)字）。", en: "Question \(number) is at most \(limit) characters (it has \(count)).")
            }
        }

        public enum Period {
            public static let dateMalformed = LocalizedText(zh: "请按“年-月-日”填写日期，例如2020-08-03。",
                                                            en: "Write the date as year-month-day, e.g. 2020-08-03.")
            public static func opensBeforeToday(_ today: CalendarDate) -> LocalizedText {
                LocalizedText(zh: "开始日期不能早于今天（\(day(today).zh)）。", en: "The first day cannot be before today (\(day(today).en)).")
            }
            public static let closesBeforeOpening = LocalizedText(zh: "结束日期不能早于开始日期。", en: "The last day cannot be before the first.")
            public static func tooLong(_ days: Int) -> LocalizedText {
                LocalizedText(zh: "测评期最长\(days)天（含首尾两天）。", en: "A survey runs at most \(days) days, the first and last included.")
            }
        }

        public static func status(_ status: SurveyStatus) -> LocalizedText {
            switch status {
            case .draft: LocalizedText(zh: "未发布", en: "Not yet published")
            case .scheduled: LocalizedText(zh: "已发布，尚未开始", en: "Published, not yet begun")
            case .open: LocalizedText(zh: "测评中", en: "Taking answers")
            case .closed: LocalizedText(zh: "已结束", en: "Closed")
            }
        }

        public static func refusal(_ refusal: SurveyRefusal) -> LocalizedText {
            switch refusal {
            case .notOpened:
                LocalizedText(zh: "该测评尚未发布，暂不能作答。", en: "This survey has not been published yet: it takes no answers.")
            case .alreadyOpened:
                LocalizedText(zh: "该测评已发布，测评期不能再更改。", en: "This survey is published: its period can no longer change.")
            case .notYetOpen(let opens):
                LocalizedText(zh: "该测评将于\(day(opens).zh)开始，届时再来作答。", en: "This survey opens on \(day(opens).en): come back then.")
            case .closed(let on):
                LocalizedText(zh: "该测评已于\(day(on).zh)结束，不再接受作答。", en: "This survey closed on \(day(on).en) and takes no more answers.")
            case .stillRunning(let closes):
                LocalizedText(zh: "测评至\(day(closes).zh)结束，结束后才有完整结果，方可填入自评。",
                              en: "The survey runs until \(day(closes).en); only then is its result complete and can fill the self-assessment.")
            case .alreadyFilled:
                LocalizedText(zh: "该测评结果已填入自评，不能重复填入。", en: "This survey's result has already filled the self-assessment.")
            }
        }

        public enum Tokens {
            public static func countOutOfRange(_ room: Int) -> LocalizedText {
                LocalizedText(zh: "答卷码数量应为1至\(room)之间的整数。", en: "The number of tokens is a whole number from 1 to \(room).")
            }
            public static func surveyFull(_ limit: Int) -> LocalizedText {
                LocalizedText(zh: "一次测评最多发放\(limit)个答卷码，已经发满。", en: "A survey issues at most \(limit) tokens, and this one has.")
            }
        }

        public enum Results {
            public static func minimumRule(responses: Int, rate: Points) -> LocalizedText {
                LocalizedText(zh: "有效答卷不少于\(responses)份、且答卷率不低于\(percent(rate).zh)时，结果方可填入自评。",
                              en: "The result can fill the self-assessment with at least \(responses) answers and a response rate of at least \(percent(rate).en).")
            }
            public static func tooFewResponses(_ count: Int, needed: Int) -> LocalizedText {
                LocalizedText(zh: "收到答卷\(count)份，少于\(needed)份，结果不能填入自评。",
                              en: "\(count) answers came in, fewer than \(needed): the result cannot fill the self-assessment.")
            }
            public static func responseRateTooLow(_ rate: Points, needed: Points) -> LocalizedText {
                LocalizedText(zh: "答卷率\(percent(rate).zh)，低于\(percent(needed).zh)，结果不能填入自评。",
                              en: "The response rate is \(percent(rate).en), below \(percent(needed).en): the result cannot fill the self-assessment.")
            }
        }

        public enum Filling {
            public static let noFact = LocalizedText(zh: "本单位的评定方案中没有由会员评家结果填写的项目。",
                                                     en: "The unit's scheme has no fact that a survey's result fills.")
            public static func noTopicRated(_ topics: [LocalizedText]) -> LocalizedText {
                LocalizedText(zh: "评定方案要填写的是“\(topics.map(\.zh).joined(separator: "”“"))”的满意率，本次测评没有测评这一方面。",
                              en: "The scheme asks for the satisfaction rate of \(topics.map(\.en).joined(separator: ", ")), which this survey does not rate.")
            }
        }

        /// The scheme file's `survey:` key, checked when a scheme is loaded.
        public enum SchemeRules {
            public static func notOnAnItem(_ fact: String) -> LocalizedText {
                LocalizedText(zh: "事实项“\(fact)”：只有评分项下的事实项可以由会员评家结果填写（结果作为该项的台账附上）。",
                              en: "Fact \(fact): only a fact of an item can be filled from a survey (the result is attached to the item).")
            }
            public static func notAPercentage(_ fact: String) -> LocalizedText {
                LocalizedText(zh: "事实项“\(fact)”：由会员评家结果填写的事实项须为百分比。",
                              en: "Fact \(fact): a fact filled from a survey is a percentage.")
            }
            public static func topicTwice(_ fact: String, topic: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "事实项“\(fact)”：“\(topic.zh)”的满意率已由另一事实项填写。",
                              en: "Fact \(fact): another fact already takes the satisfaction rate of \(topic.en).")
            }
        }
    }
}
