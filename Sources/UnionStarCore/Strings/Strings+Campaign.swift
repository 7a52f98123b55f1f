extension Strings {
    /// Campaigns and the application's workflow.
    public enum Campaign {
        public static func step(_ step: CampaignStep) -> LocalizedText {
            switch step {
            case .preApplication: LocalizedText(zh: "预申报", en: "pre-application")
            case .selfCheck: LocalizedText(zh: "自查自评", en: "self-assessment")
            case .congressDecision: LocalizedText(zh: "职代会研究确定申报星级", en: "the congress's decision on the tier")
            case .unitNotice: LocalizedText(zh: "向职工公示", en: "notice to the workers")
            case .application: LocalizedText(zh: "申报", en: "application")
            case .inspection: LocalizedText(zh: "督导检查（考核验收）", en: "inspection")
            case .resultsNotice: LocalizedText(zh: "结果公示", en: "results notice")
            case .recommendation: LocalizedText(zh: "推荐表彰", en: "recommendation")
            }
        }

        public static func state(_ state: ApplicationState) -> LocalizedText {
            switch state {
            case .notStarted: LocalizedText(zh: "未开始", en: "not started")
            case .preApplied: LocalizedText(zh: "已预申报", en: "pre-applied")
            case .drafting: LocalizedText(zh: "自查自评中", en: "self-assessing")
            case .congressDecided: LocalizedText(zh: "已确定申报星级", en: "tier decided")
            case .onNotice: LocalizedText(zh: "公示中", en: "on notice")
            case .filed: LocalizedText(zh: "已申报", en: "filed")
            case .returned: LocalizedText(zh: "已退回", en: "returned")
            case .endorsed: LocalizedText(zh: "已逐级审核", en: "endorsed")
            case .inspected: LocalizedText(zh: "已考核", en: "inspected")
            case .decided: LocalizedText(zh: "已确定星级", en: "tier decided")
            case .onResultsNotice: LocalizedText(zh: "结果公示中", en: "results on notice")
            case .named: LocalizedText(zh: "已命名", en: "named")
            case .notNamed: LocalizedText(zh: "未予命名", en: "not named")
            case .selfChecked: LocalizedText(zh: "已提交自查", en: "self-check handed in")
            case .reReviewed: LocalizedText(zh: "已复查", en: "re-reviewed")
            }
        }

        static func date(_ day: CalendarDate, _ language: Language) -> String {
            language == .zh ? "\(day.year)年\(day.month)月\(day.day)日" : day.description
        }

        public static func refusal(_ refusal: WorkflowRefusal) -> LocalizedText {
            func both(_ zh: (Language) -> String, _ en: (Language) -> String) -> LocalizedText {
                LocalizedText(zh: zh(.zh), en: en(.en))
            }
            switch refusal {
            case .access:
                return LocalizedText(zh: "您无权进行此操作。", en: "You may not do this.")
            case .wrongState(let state):
                return LocalizedText(zh: "申报当前为“\(Self.state(state).zh)”，不能进行此操作。",
                                     en: "The application is \(Self.state(state).en): this cannot be done now.")
            case .notInThisCampaign(let step):
                return LocalizedText(zh: "本次活动不设“\(Self.step(step).zh)”。", en: "This campaign has no \(Self.step(step).en).")
            case .notYetOpen(let step, let opens):
                return both({ "“\(Self.step(step).zh)”自\(date(opens, $0))起开放。" },
                            { "The \(Self.step(step).en) opens on \(date(opens, $0))." })
            case .closed(let step, let closedOn):
                return both({ "“\(Self.step(step).zh)”已于\(date(closedOn, $0))截止；如需补报，请联系总工会。" },
                            { "The \(Self.step(step).en) closed on \(date(closedOn, $0)); ask the federation to reopen it for your unit." })
            case .vetoed(let vetoes):
                return LocalizedText(zh: "存在一票否决情形（\(vetoes.joined(separator: "；"))），不能申报任何星级。",
                                     en: "A veto applies (\(vetoes.joined(separator: "; "))): no tier can be applied for.")
            case .noticeRunning(let endsOn):
                return both({ "公示至\(date(endsOn, $0))结束，结束后方可申报。" },
                            { "The notice runs until \(date(endsOn, $0)); file after it ends." })
            case .noticeNotRunning:
                return LocalizedText(zh: "该单位当前没有进行中的公示。", en: "This unit has no notice running now.")
            case .noticeEndsTooLate(let endsOn, let applyBy):
                return both({ "公示将于\(date(endsOn, $0))结束，须早于申报截止日\(date(applyBy, $0))；请提前开始公示。" },
                            { "The notice would end on \(date(endsOn, $0)), which must be before the application deadline \(date(applyBy, $0)); start it earlier." })
            case .objectionsUnanswered(let count):
                return LocalizedText(zh: "还有\(count)条异议未答复，答复后方可申报。",
                                     en: "\(count) objection(s) still await an answer; answer them before filing.")
            case .awaitingEndorsement:
                return LocalizedText(zh: "须由下一级工会先审核盖章（逐级审核）。",
                                     en: "The sub-federation below must endorse it first (endorsement goes level by level).")
            case .noInspectors:
                return LocalizedText(zh: "尚未指派考核人员。", en: "No inspector is assigned yet.")
            case .inspectionsOutstanding(let count):
                return LocalizedText(zh: "还有\(count)名考核人员未提交评分。", en: "\(count) inspector(s) have not scored yet.")
            case .decidedAbove:
                return LocalizedText(zh: "该星级由上级总工会考核验收并确定。", en: "This tier is accepted and decided by the federation above.")
            case .resultsNoticeRunning(let endsOn):
                return both({ "结果公示至\(date(endsOn, $0))结束，结束后方可命名。" },
                            { "The results notice runs until \(date(endsOn, $0)); name after it ends." })
            case .resultsNoticeEndsTooLate(let endsOn, let by):
                return both({ "结果公示将于\(date(endsOn, $0))结束，须早于推荐截止日\(date(by, $0))；请提前开始公示。" },
                            { "The results notice would end on \(date(endsOn, $0)), which must be before the recommendation date \(date(by, $0)); start it earlier." })
            case .chairIneligible(let reasons):
                return Chair.ineligible(reasons)
            case .resultsObjectionsUnanswered(let count):
                return LocalizedText(zh: "还有\(count)条对公示结果的异议未答复，答复后方可命名。",
                                     en: "\(count) objection(s) to the results still await an answer; answer them before naming.")
            }
        }

        public static func dateOutsideYear(_ year: Int) -> LocalizedText {
            LocalizedText(zh: "日期须在\(year)年或\(year + 1)年内。", en: "The date must fall in \(year) or \(year + 1).")
        }

        static let dateFieldNames: [String: LocalizedText] = [
            "preApplicationFrom": LocalizedText(zh: "预申报开始日", en: "pre-application start"),
            "preApplicationBy": LocalizedText(zh: "预申报截止日", en: "pre-application deadline"),
            "selfCheckFrom": LocalizedText(zh: "自查开始日", en: "self-assessment start"),
            "selfCheckBy": LocalizedText(zh: "自查截止日", en: "self-assessment deadline"),
            "congressBy": LocalizedText(zh: "职代会确定星级截止日", en: "congress decision deadline"),
            "applyBy": LocalizedText(zh: "申报截止日", en: "application deadline"),
            "inspectionFrom": LocalizedText(zh: "督导检查开始日", en: "inspection start"),
            "inspectionBy": LocalizedText(zh: "督导检查截止日", en: "inspection end"),
            "recommendBy": LocalizedText(zh: "推荐截止日", en: "recommendation deadline"),
        ]

        public static func dateField(_ field: String) -> LocalizedText {
            dateFieldNames[field] ?? LocalizedText(zh: field, en: field)
        }

        public static func dateBefore(field: String, earlierField: String, earlier: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "\(dateField(field).zh)不能早于\(dateField(earlierField).zh)（\(date(earlier, .zh))）。",
                          en: "The \(dateField(field).en) cannot be before the \(dateField(earlierField).en) (\(earlier)).")
        }

        public static let noticeLength = LocalizedText(zh: "公示天数须为1到30个工作日。", en: "A notice lasts 1 to 30 working days.")
    }
}
