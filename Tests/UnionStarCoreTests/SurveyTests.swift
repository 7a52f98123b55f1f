import Foundation
import Testing
@testable import UnionStarCore

/// 会员评家: the template and the builder, the member's answers, the satisfaction computation with
/// its rounding and the inclusive 90% (90%以上 includes 90), the minimum-responses rule, the
/// survey's period and life, the tokens, and the scheme facts a result fills.
@Suite struct SurveyTests {
    static let standardDraft = SurveyDraft(title: "2020年度会员评家满意度测评", includesChair: true,
                                           chosen: Set(SurveyTemplate.standard.questions.map(\.id)))

    static var definition: SurveyDefinition { try! SurveyDefinition.build(standardDraft).get() }

    /// `n` answers rating every scale question at `level` (free text left empty).
    static func responses(_ n: Int, _ level: SatisfactionLevel, overall: [SurveyTopic: SatisfactionLevel] = [:]) -> [SurveyResponse] {
        Array(repeating: SurveyResponse(ratings: Dictionary(uniqueKeysWithValues: definition.scaleQuestions.map { q in
            (q.id, q.overall ? overall[q.topic!] ?? level : level)
        })), count: n)
    }

    /// A survey whose overall questions got these many of each level, in the scale's order.
    static func results(_ counts: [Int], issued: Int? = nil) -> SurveyResults {
        let answers = zip(SatisfactionLevel.allCases, counts).flatMap { level, n in responses(n, level) }
        return SurveyResults.compute(definition, responses: answers, issued: issued ?? answers.count)
    }

    // MARK: The template and the builder

    @Test func theStandardSurveyRatesTheUnionThenTheChairEachClosingWithItsOverallQuestion() {
        let d = Self.definition
        #expect(d.questions.map(\.id) == ["union_organisation", "union_rights", "union_services", "union_activities", "union_funds",
                                          "union_overall", "chair_conduct", "chair_duties", "chair_overall", "comments"])
        #expect(d.topics == [.union, .chair])
        #expect(d.overallQuestion(of: .union)?.text.zh == "总体评价：您对本单位工会工作的满意程度")
        #expect(d.satisfied == [.verySatisfied, .satisfied])
        #expect(d.title == "2020年度会员评家满意度测评")
    }

    @Test(arguments: [
        // No chair, nothing chosen: the union's overall question alone (it cannot be left out).
        (SurveyDraft(title: " 测评 ", includesChair: false, chosen: []), ["union_overall"], "测评"),
        // The chair's questions only with the chair rated; the union's own questions sit before
        // their topic's overall question, free texts last.
        (SurveyDraft(title: "测评", includesChair: true, chosen: ["union_funds", "chair_duties", "comments"],
                     custom: [.init(text: "食堂", kind: "union"), .init(text: "", kind: "chair"), .init(text: "还有什么？", kind: "text")]),
         ["union_funds", "custom1", "union_overall", "chair_duties", "chair_overall", "comments", "custom3"], "测评"),
        (SurveyDraft(title: "测评", includesChair: false, chosen: ["chair_duties", "chair_overall", "union_rights"]),
         ["union_rights", "union_overall"], "测评"),
    ] as [(SurveyDraft, [String], String)])
    func theBuilderTakesWhatIsChosen(draft: SurveyDraft, ids: [String], title: String) throws {
        let built = try SurveyDefinition.build(draft).get()
        #expect(built.questions.map(\.id) == ids)
        #expect(built.title == title)
        #expect(built.topics == (draft.includesChair ? [.union, .chair] : [.union]))
    }

    @Test(arguments: [
        (SurveyDraft(title: "  ", includesChair: true, chosen: []), "title", "请填写测评名称。"),
        (SurveyDraft(title: String(repeating: "测", count: 61), includesChair: true, chosen: []), "title", "测评名称不能超过60字（现为61字）。"),
        (SurveyDraft(title: "测评", includesChair: false, chosen: [], custom: [.init(text: "", kind: "union"), .init(text: "主席好吗", kind: "chair")]),
         "custom2", "自拟问题2是对工会主席的评价，须先选择“测评工会主席（副主席）”。"),
        (SurveyDraft(title: "测评", includesChair: true, chosen: [], custom: [.init(text: String(repeating: "问", count: 101), kind: "text")]),
         "custom1", "自拟问题1不能超过100字（现为101字）。"),
    ] as [(SurveyDraft, String, String)])
    func theBuilderRefusesWithTheField(draft: SurveyDraft, field: String, sentence: String) {
        guard case .failure(let errors) = SurveyDefinition.build(draft) else { Issue.record("built"); return }
        #expect(errors.first?.field == field)
        #expect(errors[field]?.zh == sentence)
    }

    // MARK: The member's answers

    @Test func anAnswerRatesEveryScaleQuestionAndMayLeaveTheFreeTextEmpty() throws {
        var form = Dictionary(uniqueKeysWithValues: Self.definition.scaleQuestions.map { (SurveyResponse.field($0.id), "satisfied") })
        form["q_comments"] = "  "
        form["q_unknown"] = "verySatisfied"
        let response = try SurveyResponse.parse(form, for: Self.definition).get()
        #expect(response.ratings.count == 9 && Set(response.ratings.values) == [.satisfied])
        #expect(response.texts.isEmpty)
    }

    @Test(arguments: [
        ("q_union_rights", "", "第2题“维护职工合法权益（劳动合同、集体协商、劳动安全卫生等）”：请选择一项评价。"),
        ("q_chair_overall", "excellent", "第9题“总体评价：您对工会主席（副主席）履职情况的满意程度”：请选择一项评价。"),
        ("q_comments", String(repeating: "好", count: 501), "第10题不能超过500字（现为501字）。"),
    ])
    func aBadAnswerIsNamedByItsQuestion(field: String, value: String, sentence: String) {
        var form = Dictionary(uniqueKeysWithValues: Self.definition.scaleQuestions.map { (SurveyResponse.field($0.id), "verySatisfied") })
        form[field] = value
        guard case .failure(let errors) = SurveyResponse.parse(form, for: Self.definition) else { Issue.record("accepted"); return }
        #expect(errors.order == [field])
        #expect(errors[field]?.zh == sentence)
    }

    // MARK: The computation

    /// Counts of the overall answers (很满意, 满意, 基本满意, 不满意, 很不满意) → the rate (four decimals,
    /// rounded down) and whether it reaches 90 (inclusive). 基本满意 does not count as satisfied.
    @Test(arguments: [
        ([5, 4, 1, 0, 0], "90", true),          // 9 of 10: exactly 90 reaches 90%以上
        ([9, 0, 1, 0, 0], "90", true),
        ([4, 4, 1, 0, 0], "88.8888", false),    // 8 of 9 = 88.888…: rounded down
        ([0, 17, 2, 0, 0], "89.4736", false),   // 17 of 19 = 89.473684…
        ([0, 0, 10, 0, 0], "0", false),         // all 基本满意: nobody is satisfied
        ([1, 0, 0, 0, 0], "100", true),
        ([2, 0, 0, 0, 1], "66.6666", false),
        ([449, 450, 100, 1, 0], "89.9", false), // 899 of 1000
        ([9999, 90000, 10001, 0, 0], "90.9081", true), // 99999 of 110000 = 90.90818…
    ] as [([Int], String, Bool)])
    func theTopicsRateIsItsOverallQuestionsShareSatisfied(counts: [Int], rate: String, reaches: Bool) {
        let r = Self.results(counts)
        #expect(r.topicRates[.union] == Points(rate))
        #expect(r.topicRates[.chair] == Points(rate))
        #expect(r.reaches(90, for: .union) == reaches)
    }

    @Test func theTopicsRateIsTheOverallQuestionsNotAnAverageOfTheOthers() {
        // Everyone satisfied with the union overall, everyone only fairly satisfied on the rest.
        let answers = Self.responses(12, .fairlySatisfied, overall: [.union: .satisfied, .chair: .dissatisfied])
        let r = SurveyResults.compute(Self.definition, responses: answers, issued: 20)
        #expect(r.topicRates == [.union: 100, .chair: 0])
        #expect(r.questions.first { $0.question.id == "union_rights" }?.rate == 0)
        #expect(r.responses == 12 && r.issued == 20 && r.responseRate == 60)
    }

    @Test func distributionsCountEachLevelWithItsShare() {
        let r = Self.results([3, 2, 1, 0, 1], issued: 9)
        let overall = r.questions.first { $0.question.id == "union_overall" }!
        #expect(overall.number == 6 && overall.answered == 7 && overall.satisfiedCount == 5)
        #expect(SatisfactionLevel.allCases.map { overall.counts[$0] ?? 0 } == [3, 2, 1, 0, 1])
        #expect(SatisfactionLevel.allCases.map { overall.share($0) } == ["42.8571", "28.5714", "14.2857", "0", "14.2857"].map { Points($0) })
        #expect(overall.rate == Points("71.4285"))
        #expect(r.responseRate == Points("77.7777"))
        #expect(r.questions.count == 9, "the free text has no distribution")
    }

    @Test func freeTextsAreCollectedAndEmptyOnesLeftOut() {
        var answers = Self.responses(3, .satisfied)
        answers[0].texts["comments"] = "多组织文体活动"
        answers[2].texts["comments"] = "食堂要改善"
        let r = SurveyResults.compute(Self.definition, responses: answers, issued: 3)
        #expect(r.texts["comments"] == ["多组织文体活动", "食堂要改善"])
    }

    @Test func noAnswersGiveNoRate() {
        let r = SurveyResults.compute(Self.definition, responses: [], issued: 50)
        #expect(r.topicRates.isEmpty && r.responseRate == 0 && r.questions.allSatisfy { $0.rate == nil })
        #expect(SurveyResults.compute(Self.definition, responses: [], issued: 0).responseRate == nil)
    }

    // MARK: The minimum-responses rule

    @Test(arguments: [
        (10, 20, SurveySufficiency.enough),                                    // 10 answers, 50%: both inclusive
        (9, 10, .tooFewResponses(9, needed: 10)),
        (10, 21, .responseRateTooLow(Points("47.619"), needed: 50)),
        (10, 10, .enough),
        (0, 0, .tooFewResponses(0, needed: 10)),
        (150, 301, .responseRateTooLow(Points("49.8338"), needed: 50)),
        (151, 301, .enough),
    ] as [(Int, Int, SurveySufficiency)])
    func theStandardMinimumIsTenAnswersAndHalfTheTokens(responses: Int, issued: Int, expected: SurveySufficiency) {
        #expect(SurveyMinimum.standard.check(responses: responses, issued: issued) == expected)
    }

    @Test func theMinimumSaysWhyInWords() {
        #expect(SurveySufficiency.tooFewResponses(9, needed: 10).message?.zh == "收到答卷9份，少于10份，结果不能填入自评。")
        #expect(SurveySufficiency.responseRateTooLow(Points("47.619"), needed: 50).message?.zh == "答卷率47.619%，低于50%，结果不能填入自评。")
        #expect(SurveyMinimum(responses: 30, responseRate: Points("66.5")).text.zh == "有效答卷不少于30份、且答卷率不低于66.5%时，结果方可填入自评。")
    }

    // MARK: The period and the survey's life

    static let today = CalendarDate(parsing: "2020-08-03")!

    @Test(arguments: [
        ("2020-08-03", "2020-08-10", nil, nil),
        ("2020-08-03", "2020-08-03", nil, nil),
        ("2020-08-02", "2020-08-10", "开始日期不能早于今天（2020年8月3日）。", nil),
        ("2020-8-3", "2020-08-10", "请按“年-月-日”填写日期，例如2020-08-03。", nil),
        ("2020-08-05", "2020-08-04", nil, "结束日期不能早于开始日期。"),
        ("2020-08-05", "2020-11-02", nil, nil),                          // 90 days, both ends
        ("2020-08-05", "2020-11-03", nil, "测评期最长90天（含首尾两天）。"),
    ] as [(String, String, String?, String?)])
    func thePeriodOpensTodayAtTheEarliestAndLastsAtMostNinetyDays(opens: String, closes: String, opensError: String?, closesError: String?) {
        switch SurveyPeriod.parse(opens: opens, closes: closes, today: Self.today) {
        case .success(let period):
            #expect(opensError == nil && closesError == nil)
            #expect(period.opens.description == opens && period.closes.description == closes)
        case .failure(let errors):
            #expect(errors["opens"]?.zh == opensError)
            #expect(errors["closes"]?.zh == closesError)
        }
    }

    static let period = SurveyPeriod(opens: CalendarDate(parsing: "2020-08-05")!, closes: CalendarDate(parsing: "2020-08-12")!)

    @Test(arguments: [
        (SurveyLife(period: nil), "2020-08-03", SurveyStatus.draft),
        (SurveyLife(period: period), "2020-08-04", .scheduled),
        (SurveyLife(period: period), "2020-08-05", .open),
        (SurveyLife(period: period), "2020-08-12", .open),
        (SurveyLife(period: period), "2020-08-13", .closed),
        (SurveyLife(period: period, closedEarlyOn: CalendarDate(parsing: "2020-08-07")!), "2020-08-07", .closed),
        (SurveyLife(period: period, closedEarlyOn: CalendarDate(parsing: "2020-08-07")!), "2020-08-06", .open),
    ] as [(SurveyLife, String, SurveyStatus)])
    func theStatusFollowsThePeriodAndAnEarlyClose(life: SurveyLife, day: String, status: SurveyStatus) {
        #expect(life.status(on: CalendarDate(parsing: day)!) == status)
    }

    /// Every action from every status: nil is allowed, else the sentence.
    @Test(arguments: [
        (SurveyAction.open, "2020-08-03", true, nil),
        (.open, "2020-08-06", false, "该测评已发布，测评期不能再更改。"),
        (.issueTokens, "2020-08-03", true, nil),
        (.issueTokens, "2020-08-04", false, nil),
        (.issueTokens, "2020-08-06", false, nil),
        (.issueTokens, "2020-08-13", false, "该测评已于2020年8月12日结束，不再接受作答。"),
        (.answer, "2020-08-03", true, "该测评尚未发布，暂不能作答。"),
        (.answer, "2020-08-04", false, "该测评将于2020年8月5日开始，届时再来作答。"),
        (.answer, "2020-08-05", false, nil),
        (.answer, "2020-08-12", false, nil),
        (.answer, "2020-08-13", false, "该测评已于2020年8月12日结束，不再接受作答。"),
        (.close, "2020-08-03", true, "该测评尚未发布，暂不能作答。"),
        (.close, "2020-08-04", false, nil),
        (.close, "2020-08-08", false, nil),
        (.close, "2020-08-13", false, "该测评已于2020年8月12日结束，不再接受作答。"),
        (.fillFacts, "2020-08-03", true, "该测评尚未发布，暂不能作答。"),
        (.fillFacts, "2020-08-08", false, "测评至2020年8月12日结束，结束后才有完整结果，方可填入自评。"),
        (.fillFacts, "2020-08-13", false, nil),
    ] as [(SurveyAction, String, Bool, String?)])
    func eachActionHasItsStatuses(action: SurveyAction, day: String, draft: Bool, refusal: String?) {
        let life = SurveyLife(period: draft ? nil : Self.period)
        #expect(life.refusal(action, on: CalendarDate(parsing: day)!)?.message.zh == refusal)
    }

    @Test func anEarlyCloseEndsOnItsDayAndAResultFillsTheSelfAssessmentOnce() {
        let early = SurveyLife(period: Self.period, closedEarlyOn: CalendarDate(parsing: "2020-08-07")!)
        let day = CalendarDate(parsing: "2020-08-08")!
        #expect(early.refusal(.answer, on: day) == .closed(on: CalendarDate(parsing: "2020-08-07")!))
        #expect(early.refusal(.fillFacts, on: day) == nil)
        var filled = early
        filled.filled = true
        #expect(filled.refusal(.fillFacts, on: day) == .alreadyFilled)
    }

    // MARK: Tokens

    @Test(arguments: [
        ("7K3M-QX2P-9ABC-D0EF", "7K3M-QX2P-9ABC-D0EF"),
        ("7k3m qx2p 9abc d0ef", "7K3M-QX2P-9ABC-D0EF"),
        ("7K3MQX2P9ABCDOEF", "7K3M-QX2P-9ABC-D0EF"),                   // O reads as 0
        ("IL00-0000-0000-0000", "1100-0000-0000-0000"),                 // I and L read as 1
        ("https://union.example/s#7K3M-QX2P-9ABC-D0EF", "7K3M-QX2P-9ABC-D0EF"),
        ("7K3M-QX2P-9ABC-D0EU", nil),                                   // U is not in the alphabet
        ("7K3M-QX2P-9ABC-D0E", nil),
        ("7K3M-QX2P-9ABC-D0EF0", nil),
        ("", nil),
        ("7K3M-QX2P-9ABC-D0É1", nil),
    ] as [(String, String?)])
    func aTypedTokenIsReadForgivingly(typed: String, canonical: String?) {
        #expect(SurveyToken.normalized(typed) == canonical)
    }

    @Test func newTokensAreCanonicalAndDistinct() {
        var generator = SystemRandomNumberGenerator()
        let tokens = (0..<2000).map { _ in SurveyToken.make(using: &generator) }
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy { SurveyToken.normalized($0) == $0 && $0.count == 19 })
    }

    @Test(arguments: [
        ("60", 0, 60, nil), ("2000", 0, 2000, nil), ("2001", 0, nil, "答卷码数量应为1至2000之间的整数。"),
        ("0", 0, nil, "答卷码数量应为1至2000之间的整数。"), ("3.5", 0, nil, "答卷码数量应为1至2000之间的整数。"),
        ("500", 19_800, nil, "答卷码数量应为1至200之间的整数。"), ("200", 19_800, 200, nil),
        ("1", 20_000, nil, "一次测评最多发放20000个答卷码，已经发满。"),
    ] as [(String, Int, Int?, String?)])
    func tokensAreIssuedUpToTwoThousandAtOnce(text: String, issued: Int, count: Int?, error: String?) {
        switch SurveyToken.parseCount(text, issued: issued) {
        case .success(let n): #expect(n == count)
        case .failure(let errors): #expect(errors["count"]?.zh == error)
        }
    }

    @Test func theFormOffersATokenForEveryMember() {
        #expect(SurveyToken.suggestedCount(members: 60, issued: 0) == 60)
        #expect(SurveyToken.suggestedCount(members: 3_500, issued: 0) == 2000)
        #expect(SurveyToken.suggestedCount(members: 0, issued: 0) == 1)
    }

    // MARK: The facts a result fills

    @Test(arguments: [
        ("rushan-2020-enterprise", [("review_union_satisfaction", 2, SurveyTopic.union), ("review_chair_satisfaction", 2, .chair)]),
        ("rushan-2020-regional", [("review_union_satisfaction", 2, .union)]),
        ("yizheng-2019-union", [("chair_satisfaction", 1, .chair), ("satisfaction_rate", 7, .union)]),
        ("yizheng-2019-chair", [("chair_satisfaction", 5, .chair)]),
    ] as [(String, [(String, Int, SurveyTopic)])])
    func eachSeedSchemeDeclaresTheFactsASurveyFills(scheme: String, declared: [(String, Int, SurveyTopic)]) throws {
        let s = builtInSchemes[scheme]!
        #expect(SurveyFacts.declared(in: s).map { "\($0.fact.id)@\($0.item)" } == declared.map { "\($0.0)@\($0.1)" })
        let r = Self.results([5, 4, 1, 0, 0])
        let fills = try SurveyFacts.fills(s, results: r, minimum: .standard).get()
        #expect(fills.map(\.factID) == declared.map(\.0))
        #expect(fills.map(\.topic) == declared.map(\.2))
        #expect(fills.allSatisfy { $0.value == 90 })
    }

    @Test func aResultFillsOnlyWithEnoughAnswersAndATopicTheSchemeAsksFor() {
        let chair = builtInSchemes["yizheng-2019-chair"]!
        let few = Self.results([5, 4, 0, 0, 0], issued: 9)
        #expect(SurveyFacts.fills(chair, results: few, minimum: .standard) == .failure(.insufficient(.tooFewResponses(9, needed: 10))))
        let unionOnly = try! SurveyDefinition.build(SurveyDraft(title: "测评", includesChair: false, chosen: [])).get()
        let answers = Array(repeating: SurveyResponse(ratings: ["union_overall": .satisfied]), count: 12)
        let noChair = SurveyResults.compute(unionOnly, responses: answers, issued: 12)
        let refusal = SurveyFacts.fills(chair, results: noChair, minimum: .standard)
        #expect(refusal == .failure(.noTopicRated([.chair])))
        #expect(refusal.failureMessage == "评定方案要填写的是“工会主席（副主席）履职”的满意率，本次测评没有测评这一方面。")
        // The Yizheng union scheme takes what the survey rates: the union's rate, not the chair's.
        let fills = try! SurveyFacts.fills(builtInSchemes["yizheng-2019-union"]!, results: noChair, minimum: .standard).get()
        #expect(fills.map(\.factID) == ["satisfaction_rate"] && fills[0].value == 100)
    }

    /// The filled rate scores by the scheme's own rule: Yizheng's 满意度在90%以上 includes 90, and a
    /// rate rounded down never reaches 90 by rounding. Rushan's enterprise and regional item 2
    /// record the rate without scoring it (以工会会员（代表）大会档案资料为准).
    @Test(arguments: [
        ("yizheng-2019-union", [5, 4, 1, 0, 0], "100"),
        ("yizheng-2019-union", [449, 450, 100, 1, 0], "92"),   // 89.9: 工会工作满意度 −5, 主席满意度 −3 (placeholders)
        ("rushan-2020-enterprise", [0, 0, 10, 0, 0], "100"),
        ("rushan-2020-regional", [0, 0, 10, 0, 0], "100"),
        ("yizheng-2019-chair", [4, 4, 1, 0, 0], "92"),         // 88.8888: −8 (placeholder)
    ] as [(String, [Int], String)])
    func aFilledRateScoresByTheSchemesRule(scheme: String, counts: [Int], total: String) throws {
        let s = scorer(scheme)
        let fills = try SurveyFacts.fills(s.scheme, results: Self.results(counts), minimum: SurveyMinimum(responses: 1, responseRate: 0)).get()
        let answers = SurveyFacts.apply(fills, to: s.templateAnswers())
        #expect(try s.assess(answers).total == Points(total))
    }

    @Test func fillingKeepsEveryOtherAnswer() {
        let s = scorer("yizheng-2019-union")
        var answers = s.templateAnswers()
        answers.facts["proposal_implementation_rate"] = .number(Decimal(string: "94")!)
        let filled = SurveyFacts.apply([.init(factID: "satisfaction_rate", item: 7, topic: .union, value: Points("88.8888"))], to: answers)
        #expect(filled.facts["satisfaction_rate"] == .number(Decimal(string: "88.8888")!))
        #expect(filled.facts["proposal_implementation_rate"] == .number(Decimal(string: "94")!))
        #expect(filled.facts.count == answers.facts.count)
    }

    static let yizhengUnionYAML = try! String(contentsOf: repositoryRoot.appendingPathComponent("Resources/Schemes/yizheng-2019-union.yaml"),
                                              encoding: .utf8)

    /// The Yizheng union scheme with one change; the loader's reason (Chinese) for refusing it.
    static func refusal(_ old: String, _ new: String) -> String? {
        #expect(yizhengUnionYAML.contains(old))
        do {
            _ = try SchemeLoader.load(yaml: yizhengUnionYAML.replacingOccurrences(of: old, with: new), file: "changed.yaml")
            return nil
        } catch {
            return error.reason.zh
        }
    }

    @Test func theSchemeFileMarksOnlyPercentagesOfItemsAndEachTopicOnce() {
        #expect(Self.refusal("          - id: team_requirements\n            type: checklist\n",
                             "          - id: team_requirements\n            type: checklist\n            survey: union\n")
                == "事实项“team_requirements”：由会员评家结果填写的事实项须为百分比。")
        #expect(Self.refusal("            survey: chair\n", "            survey: union\n")
                == "事实项“satisfaction_rate”：“工会工作”的满意率已由另一事实项填写。")
        #expect(Self.refusal("\nsections:\n", "\nfacts:\n  - {id: overall_rate, type: percentage, label: 满意度, ideal: 100, survey: union}\nsections:\n")
                == "事实项“overall_rate”：只有评分项下的事实项可以由会员评家结果填写（结果作为该项的台账附上）。")
        #expect(Self.refusal("            survey: union\n", "") == nil, "a scheme may leave a topic to be typed")
    }
}

extension Result where Failure == SurveyFillRefusal {
    var failureMessage: String? {
        if case .failure(let refusal) = self { return refusal.message.zh }
        return nil
    }
}
