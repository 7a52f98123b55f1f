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

        /// The unit's survey pages (the union's cadre, staff, readers of the application).
        public enum Pages {
            public static let link = LocalizedText(zh: "会员评家满意度测评", en: "Members' satisfaction survey")
            public static func heading(unit: String) -> LocalizedText {
                LocalizedText(zh: "会员评家满意度测评 · \(unit)", en: "Members' satisfaction survey · \(unit)")
            }
            public static let intro = LocalizedText(
                zh: "组织工会会员（代表）和一线服务对象对工会工作和工会主席（副主席）进行评议（会员评家），真实填写会员满意率。按模板建立测评，设定测评期，按会员人数发放一次性答卷码并打印答卷纸；会员用手机扫码匿名作答，无需账号。测评结束后查看结果，并可将满意率填入本单位自评。",
                en: "Members (or their representatives) and the people the union serves rate the union's work and its chair, and the union records the true satisfaction rate. Build a survey from the template, set its period, issue one-time tokens for the members and print their sheets; members answer anonymously on a phone, without an account. Once the survey closes, read the result and let it fill the unit's self-assessment.")
            public static let anonymity = LocalizedText(
                zh: "匿名：答卷码只保存其摘要和“已使用”标记，不保存使用时间；答案单独保存，没有答卷码、账号和时间，任何查询都不能把答案与答卷码对应起来。测评进行中只显示答卷数，各题结果在测评结束后显示。",
                en: "Anonymous: a token is kept only as a hash with a “used” mark, never with a time of use; answers are kept apart, with no token, account or time, and no query can match an answer to its token. While the survey runs only the number of answers shows; each question's result appears once it closes.")
            public static let title = LocalizedText(zh: "测评名称", en: "Title")
            public static let status = LocalizedText(zh: "状态", en: "Status")
            public static let periodLabel = LocalizedText(zh: "测评期", en: "Period")
            public static let issued = LocalizedText(zh: "已发放答卷码", en: "Tokens issued")
            public static let responses = LocalizedText(zh: "收到答卷", en: "Answers received")
            public static let responseRate = LocalizedText(zh: "答卷率", en: "Response rate")
            public static let members = LocalizedText(zh: "会员人数", en: "Members")
            public static let minimum = LocalizedText(zh: "填入自评的条件", en: "To fill the self-assessment")
            public static let createdBy = LocalizedText(zh: "建立", en: "Built")
            public static let none = LocalizedText(zh: "尚未建立测评。", en: "No survey yet.")
            public static let builderHeading = LocalizedText(zh: "按模板建立测评", en: "Build a survey from the template")
            public static func defaultTitle(year: Int) -> LocalizedText {
                LocalizedText(zh: "\(year)年度会员评家满意度测评", en: "Members' satisfaction survey \(year)")
            }
            public static let includeChair = LocalizedText(zh: "测评工会主席（副主席）", en: "Rate the chair (vice-chair)")
            public static let questionsLabel = LocalizedText(zh: "测评问题（五级：很满意、满意、基本满意、不满意、很不满意）",
                                                             en: "Questions (five levels: very satisfied, satisfied, fairly satisfied, dissatisfied, very dissatisfied)")
            public static let fixedNote = LocalizedText(zh: "（必选：其满意率即该方面的满意率）", en: "(always asked: its rate is the topic's rate)")
            public static let customHeading = LocalizedText(zh: "自拟问题（选填，每题不超过100字）", en: "Questions of your own (optional, at most 100 characters each)")
            public static func customLabel(_ n: Int) -> LocalizedText { LocalizedText(zh: "自拟问题\(n)", en: "Own question \(n)") }
            public static let build = LocalizedText(zh: "建立测评", en: "Build the survey")
            public static let freeText = LocalizedText(zh: "意见建议（文字）", en: "Comments (text)")
            public static let noPeriod = LocalizedText(zh: "尚未设定", en: "Not set yet")
            public static func period(opens: CalendarDate, closes: CalendarDate) -> LocalizedText {
                LocalizedText(zh: "\(Strings.Notice.day(opens).zh)至\(Strings.Notice.day(closes).zh)", en: "\(Strings.Notice.day(opens).en) to \(Strings.Notice.day(closes).en)")
            }
            public static func chartLabel(_ n: Int) -> LocalizedText { LocalizedText(zh: "第\(n)题各级评价占比", en: "Question \(n): the share of each answer") }
            public static let created = LocalizedText(zh: "测评已建立。请设定测评期并发放答卷码。", en: "The survey is built. Set its period and issue tokens.")
            public static let opened = LocalizedText(zh: "测评已发布。", en: "The survey is published.")
            public static let closedNotice = LocalizedText(zh: "测评已结束。", en: "The survey is closed.")
            public static let filledNotice = LocalizedText(zh: "满意率已填入自评，测评结果已作为台账附上。",
                                                           en: "The satisfaction rates filled the self-assessment, with the result attached as evidence.")
            public static let stale = LocalizedText(zh: "您打开本页后，该测评已被他人更改。请查看最新情况后再操作。",
                                                    en: "Someone changed this survey since you opened the page. Read it again before going on.")
            public static let overallMark = LocalizedText(zh: "（总体评价）", en: " (overall)")
            public static func batchLine(_ n: Int, count: Int, by: String, at: String) -> LocalizedText {
                LocalizedText(zh: "第\(n)批：\(count)个，\(by)，\(at)", en: "Run \(n): \(count) tokens, \(by), \(at)")
            }
            public static let questionsHeading = LocalizedText(zh: "测评问题", en: "Questions")
            public static func satisfiedRule(_ levels: [LocalizedText]) -> LocalizedText {
                LocalizedText(zh: "满意率 = 选择“\(levels.map(\.zh).joined(separator: "”或“"))”的人数 ÷ 作答人数；各方面（工会工作、工会主席）的满意率以其“总体评价”题为准。",
                              en: "Satisfaction rate = those who chose \(levels.map(\.en).joined(separator: " or ")) ÷ those who answered; each topic's rate (the union's work, the chair) is its overall question's.")
            }
            public static let openHeading = LocalizedText(zh: "发布测评", en: "Publish the survey")
            public static let opens = LocalizedText(zh: "开始日期", en: "First day")
            public static let closes = LocalizedText(zh: "结束日期", en: "Last day")
            public static let openHint = LocalizedText(zh: "日期按“年-月-日”填写；首尾两天都可作答，最长90天。发布后问题和测评期不能再改。",
                                                       en: "Dates as year-month-day; answers are taken on both the first and the last day, at most 90 days. Once published, the questions and the period cannot change.")
            public static let openSubmit = LocalizedText(zh: "发布", en: "Publish")
            public static let tokensHeading = LocalizedText(zh: "发放答卷码", en: "Issue tokens")
            public static let tokensCount = LocalizedText(zh: "本次发放数量", en: "How many")
            public static func tokensHint(members: Int) -> LocalizedText {
                LocalizedText(zh: "默认按会员人数（\(members)人）发放，每人一个；一次最多2000个。答卷码只在随后打开的答卷纸页面上显示一次，系统不保存答卷码本身，请当即打印。",
                              en: "One for each member (\(members)) by default; at most 2,000 at once. The tokens appear only once, on the sheets page that follows; the app does not keep them, so print them at once.")
            }
            public static let tokensSubmit = LocalizedText(zh: "发放并打印答卷纸", en: "Issue and print the sheets")
            public static let batchesHeading = LocalizedText(zh: "答卷码发放记录", en: "Tokens issued")
            public static let noBatches = LocalizedText(zh: "尚未发放答卷码。", en: "No token issued yet.")
            public static let closeHint = LocalizedText(zh: "提前结束后不再接受作答，也不能重新开始。", en: "Once closed early the survey takes no more answers and cannot reopen.")
            public static let closeSubmit = LocalizedText(zh: "提前结束测评", en: "Close the survey now")
            public static let running = LocalizedText(zh: "测评进行中。各题结果在测评结束后显示，以免从答卷数的变化推知个人的答案。",
                                                      en: "The survey is running. Each question's result appears once it closes, so that no one can tell a member's answers from how the counts change.")
            public static let resultsHeading = LocalizedText(zh: "测评结果", en: "Result")
            public static func topicRate(_ topic: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(topic.zh)满意率：", en: "Satisfaction with \(topic.en.lowercased()): ")
            }
            public static let reaches90 = LocalizedText(zh: "达到90%以上（含90%）", en: "90% or more (90 included)")
            public static let below90 = LocalizedText(zh: "未达到90%", en: "below 90%")
            public static let number = LocalizedText(zh: "题号", en: "No.")
            public static let question = LocalizedText(zh: "问题", en: "Question")
            public static let answered = LocalizedText(zh: "作答人数", en: "Answered")
            public static let rate = LocalizedText(zh: "满意率", en: "Rate")
            public static func countAndShare(_ count: Int, _ share: String) -> LocalizedText {
                LocalizedText(zh: "\(count)（\(share)）", en: "\(count) (\(share))")
            }
            public static let commentsHeading = LocalizedText(zh: "意见和建议", en: "Comments")
            public static let noComments = LocalizedText(zh: "（无）", en: "(none)")
            public static let commentsOrder = LocalizedText(zh: "按随机顺序排列，与作答先后无关。", en: "In a random order, unrelated to when they came.")
            public static let workbook = LocalizedText(zh: "下载测评结果（Excel）", en: "Download the result (Excel)")
            public static let workbookAfterClose = LocalizedText(zh: "测评结束后才提供结果表。", en: "The result is available once the survey closes.")
            public static let fillHeading = LocalizedText(zh: "填入本单位自评", en: "Fill the self-assessment")
            public static func fillLine(item: Int, label: String, value: String) -> LocalizedText {
                LocalizedText(zh: "第\(item)项“\(label)”：\(value)", en: "Item \(item), “\(label)”: \(value)")
            }
            public static let fillSubmit = LocalizedText(zh: "将满意率填入自评（结果表作为台账附上）", en: "Fill these rates in (the result attached as evidence)")
            public static let fillNotNow = LocalizedText(zh: "现在不能填入自评：", en: "The self-assessment cannot take it now: ")
            public static func filledLine(by: String, at: String) -> LocalizedText {
                LocalizedText(zh: "已由\(by)于\(at)填入自评：", en: "Filled in the self-assessment by \(by), \(at): ")
            }
            public static let sheetQRLabel = LocalizedText(zh: "扫码作答", en: "Scan to answer")
            public static func sheetsTitle(batch: Int, count: Int) -> LocalizedText {
                LocalizedText(zh: "答卷纸（第\(batch)批，\(count)份）", en: "Answer sheets (run \(batch), \(count))")
            }
            public static let sheetsWarning = LocalizedText(
                zh: "答卷码只在本页显示这一次，系统不保存答卷码本身。请现在打印（或另存为PDF），裁开后每人发一张。离开本页后无法再次显示；遗失的答卷码只能另行发放。",
                en: "The tokens appear on this page this once; the app does not keep them. Print now (or save as PDF), cut, and give one to each member. They cannot be shown again after you leave; lost tokens can only be replaced by issuing more.")
            public static let print = LocalizedText(zh: "打印", en: "Print")
            public static let backToSurvey = LocalizedText(zh: "返回测评", en: "Back to the survey")
            public static func sheetInstruction(_ link: String) -> LocalizedText {
                LocalizedText(zh: "用手机扫描二维码匿名作答；或打开 \(link) 输入答卷码。每个答卷码只能作答一次。",
                              en: "Scan the code with a phone to answer anonymously, or open \(link) and type the token. Each token answers once.")
            }
            public static let codeLabel = LocalizedText(zh: "答卷码", en: "Token")
            /// Beside a self-assessment question a survey's result fills.
            public static let fillableHint = LocalizedText(
                zh: "；可由会员评家满意度测评的结果填写（申报页 → 会员评家满意度测评）",
                en: "; a members' satisfaction survey can fill it (the application page → Members' satisfaction survey)")
        }

        /// The member's pages: no account, on a phone.
        public enum Public {
            public static let heading = LocalizedText(zh: "会员评家满意度测评", en: "Members' satisfaction survey")
            public static let intro = LocalizedText(
                zh: "本测评匿名进行：系统只记录答卷码已经使用，不记录答卷码与答案的对应关系，也不记录作答时间。",
                en: "This survey is anonymous: the app records only that a token has been used, never which answers it gave nor when.")
            public static let codeLabel = LocalizedText(zh: "答卷码", en: "Token")
            public static let codeHint = LocalizedText(zh: "答卷纸上的16位字母和数字（扫码打开会自动填好），大小写和短横线不限。",
                                                       en: "The 16 letters and digits on your sheet (filled in when you scan the code); case and dashes do not matter.")
            public static let start = LocalizedText(zh: "开始作答", en: "Start")
            public static let malformedToken = LocalizedText(zh: "答卷码应为16位字母和数字，请核对答卷纸。", en: "A token is 16 letters and digits: check your sheet.")
            public static let unknownToken = LocalizedText(zh: "没有这个答卷码，请核对答卷纸上的答卷码。", en: "There is no such token: check the one on your sheet.")
            public static let tokenUsed = LocalizedText(zh: "这个答卷码已经使用过，每个答卷码只能作答一次。本次提交没有保存任何内容。",
                                                        en: "This token has been used: each token answers once. Nothing was saved this time.")
            public static func questionsIntro(unit: String, period: String) -> LocalizedText {
                LocalizedText(zh: "\(unit)（测评期：\(period)）。每题请选择一项；意见建议可不填。提交后不能修改。",
                              en: "\(unit) (period: \(period)). Choose one answer for each question; comments are optional. Answers cannot be changed once sent.")
            }
            public static func textHint(_ limit: Int) -> LocalizedText { LocalizedText(zh: "选填，不超过\(limit)字。", en: "Optional, at most \(limit) characters.") }
            public static func fixErrors(_ n: Int) -> LocalizedText {
                LocalizedText(zh: "还有\(n)处需要填写或修改，见下方标注。本次没有保存。", en: "\(n) answers need attention (marked below). Nothing was saved.")
            }
            public static let submit = LocalizedText(zh: "提交", en: "Send")
            public static let thanks = LocalizedText(zh: "提交成功，感谢您参加测评！您的答卷已匿名保存。", en: "Sent. Thank you for taking part: your answers are kept anonymously.")
        }

        /// The result as a workbook (.xlsx): downloaded, and attached as evidence.
        public enum Workbook {
            public static func fileName(_ title: String) -> LocalizedText { LocalizedText(zh: "测评结果-\(title).xlsx", en: "survey-result-\(title).xlsx") }
            public static let sheetName = LocalizedText(zh: "测评结果", en: "Result")
            public static let heading = LocalizedText(zh: "会员评家满意度测评结果", en: "Members' satisfaction survey: result")
            public static let unit = LocalizedText(zh: "单位", en: "Unit")
            public static let responseRate = LocalizedText(zh: "答卷率（%）", en: "Response rate (%)")
            public static let rule = LocalizedText(zh: "满意率口径", en: "How the rate is counted")
            public static let rounding = LocalizedText(zh: "百分比保留四位小数，其后各位舍去。", en: " Percentages to four decimals, the rest dropped.")
            public static func topicRate(_ topic: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(topic.zh)满意率（%）", en: "Satisfaction with \(topic.en.lowercased()) (%)")
            }
            public static let topic = LocalizedText(zh: "测评对象", en: "Topic")
            public static let rateColumn = LocalizedText(zh: "满意率（%）", en: "Rate (%)")
            public static let anonymity = LocalizedText(zh: "答卷匿名：答案与答卷码之间没有任何对应记录。", en: "Anonymous: nothing records which token gave which answers.")
        }

        /// The audit page's words for survey entries.
        public enum AuditActions {
            public static let created = LocalizedText(zh: "建立会员评家测评", en: "Built a members' survey")
            public static let opened = LocalizedText(zh: "发布会员评家测评", en: "Published a members' survey")
            public static let issued = LocalizedText(zh: "发放答卷码", en: "Issued survey tokens")
            public static let closed = LocalizedText(zh: "提前结束会员评家测评", en: "Closed a members' survey early")
            public static let filled = LocalizedText(zh: "以测评结果填入自评", en: "Filled the self-assessment from a survey")
        }
    }
}
