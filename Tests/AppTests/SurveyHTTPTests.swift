import Fluent
import Foundation
import SQLKit
import Testing
import UnionStarCore
import Vapor
import ZIPFoundation
@testable import App

/// 会员评家 through HTTP: a union builds a survey from the template, publishes it, issues tokens and
/// prints their sheets; members answer on their phones without an account, each token once; the
/// closed survey's rates fill the self-assessment's satisfaction facts with the result attached as
/// evidence. Anonymity is checked on the stored schema itself: nothing joins an answer to a token.
@Suite struct SurveyHTTPTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// The tokens printed on a sheets page, in print order.
    static func tokens(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<strong>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</strong>")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }

    /// Every template question ticked, as the builder sends it.
    static var everyQuestion: [String: String] {
        Dictionary(uniqueKeysWithValues: SurveyTemplate.standard.questions.map { (SurveyController.chosenField($0.id), "true") })
    }

    /// How many answers are stored and how many tokens are used: always the same number.
    static func expectStored(_ app: Application, _ n: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(try await SurveyAnswerModel.query(on: app.db).count() == n, sourceLocation: sourceLocation)
        #expect(try await SurveyTokenModel.query(on: app.db).filter(\.$used == true).count() == n, sourceLocation: sourceLocation)
    }

    /// A member's phone with the member's page open (its form token), and `token` sent when given.
    static func phone(_ app: Application, sending token: String? = nil) async throws -> WebSession {
        let member = WebSession(app)
        try await member.get("/s")
        if let token { try await member.post("/s", ["code": token]) }
        return member
    }

    /// 丙公司工会 self-assessing in 仪征's 2019 campaign (every answer ideal, 100 points), on 2019-09-02.
    static func yizhengDrafting(_ app: Application, _ f: Fixture) async throws -> String {
        try await SelfAssessmentFixture.startDrafting(app, f, unit: f.unionY, campaign: f.yizhengCampaign)
        app.clock = FixedClock(Fixture.chinaMorning("2019-09-02"))
        SelfAssessmentFixture.temporaryEvidence(app)
        let application = try await SelfAssessmentFixture.application(app, unit: f.unionY, campaign: f.yizhengCampaign)!
        application.answersJSON = String(decoding: app.catalogue.scorer("yizheng-2019-union")!.templateAnswers().json(pretty: false), as: UTF8.self)
        application.selfTotal = "100"
        try await application.update(on: app.db)
        return "/campaigns/\(id(f.yizhengCampaign))/units/\(id(f.unionY))"
    }

    @Test func aSurveyFromIssuingTokensToAFilledFact() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            let base = try await Self.yizhengDrafting(app, f)
            let cadre = WebSession(app)
            try await cadre.signIn("outsider")
            #expect((try await cadre.get(base)).body.contains(#"href="\#(base)/surveys""#))
            let list = try await cadre.get(base + "/surveys")
            #expect(list.status == .ok && list.body.contains(#"value="2019年度会员评家满意度测评""#) && list.body.contains("尚未建立测评。"))
            // act: build, publish, issue 12 tokens
            var fields = Self.everyQuestion
            fields["title"] = "2019年度会员评家满意度测评"
            fields["chair"] = "true"
            let built = try await cadre.post(base + "/surveys", fields)
            let location = try #require(built.location)
            let surveyPath = String(location.split(separator: "?")[0])
            #expect(built.status == .seeOther && location.hasSuffix("?done=survey-created") && surveyPath.hasPrefix(base + "/surveys/"))
            let draft = try await cadre.get(location)
            #expect(draft.body.contains("测评已建立。") && draft.body.contains("未发布") && draft.body.contains(#"value="2019-09-02""#))
            let opened = try await cadre.post(surveyPath + "/open", ["opens": "2019-09-02", "closes": "2019-09-09", "version": "1"])
            #expect(opened.status == .seeOther && opened.location == surveyPath + "?done=survey-opened")
            try await cadre.get(surveyPath)
            let sheets = try await cadre.post(surveyPath + "/tokens", ["count": "12"])
            // check: twelve cards, each QR code the link with the token after "#"; only hashes kept
            let tokens = Self.tokens(in: sheets.body)
            #expect(sheets.status == .ok && tokens.count == 12 && Set(tokens).count == 12)
            #expect(sheets.headers.first(name: .cacheControl) == "no-store" && sheets.body.contains("答卷纸（第1批，12份）"))
            let port = try await app.testPort()
            #expect(sheets.body.contains(NoticeQRCode("http://127.0.0.1:\(port)/s#\(tokens[0])")!.svg(size: "26mm", label: "扫码作答")))
            let stored = try await SurveyTokenModel.query(on: app.db).all()
            #expect(Set(stored.map(\.tokenHash)) == Set(tokens.map(SurveyStore.hash)))
            let dump = try await Self.everyRow(app)
            #expect(!tokens.contains { dump.contains($0) || dump.contains($0.replacingOccurrences(of: "-", with: "")) }, "a token is stored")
            // act: ten members answer on their phones; union overall 9 of 10 satisfied, chair 8 of 10
            for (index, token) in tokens.prefix(10).enumerated() {
                let member = WebSession(app)
                #expect((try await member.get("/s")).status == .ok)
                let questions = try await member.post("/s", ["code": token.lowercased()])
                #expect(questions.status == .ok && questions.body.contains("丙公司工会（测评期：2019年9月2日至2019年9月9日）"))
                let union: SatisfactionLevel = index < 9 ? (index.isMultiple(of: 2) ? .verySatisfied : .satisfied) : .fairlySatisfied
                let chair: SatisfactionLevel = index < 8 ? .satisfied : .dissatisfied
                var form = SurveyFixture.answers(.fairlySatisfied, overall: [.union: union, .chair: chair], token: token)
                if index == 0 { form["q_comments"] = "希望多组织职工文体活动。" }
                let sent = try await member.post("/s/answer", form)
                #expect(sent.status == .seeOther && sent.location == "/s?done=thanks")
            }
            let thanks = try await WebSession(app).get("/s?done=thanks")
            #expect(thanks.body.contains("提交成功，感谢您参加测评！"))
            // check: while it runs, only the count shows
            let running = try await cadre.get(surveyPath)
            #expect(running.body.contains("测评进行中。") && running.body.contains("<dd>10</dd>") && running.body.contains("<dd>83.3333%</dd>"))
            #expect(!running.body.contains("工会工作满意率：") && !running.body.contains("希望多组织职工文体活动。"))
            #expect(!(try await cadre.get(surveyPath + "/results.xlsx")).body.contains("PK"))
            // the day after its last day: the result, and what it would fill
            app.clock = FixedClock(Fixture.chinaMorning("2019-09-10"))
            try await cadre.signIn("outsider")  // a week later: the session is long idle
            let closed = try await cadre.get(surveyPath)
            #expect(closed.body.contains("工会工作满意率：90%</strong> 达到90%以上（含90%）"))
            #expect(closed.body.contains("工会主席（副主席）履职满意率：80%</strong> 未达到90%"))
            #expect(closed.body.contains("5（50%）") && closed.body.contains("8（80%）") && closed.body.contains("希望多组织职工文体活动。") && closed.body.contains("<svg class=\"survey-bar\""))
            #expect(closed.body.contains("第1项“会员对工会主席（副主席）满意度（%）”：80"))
            #expect(closed.body.contains("第7项“年度工会工作满意度测评满意度（会员满意率，%）”：90"))
            let auditBefore = try await CongressAndNoticeTests.auditRows(app).count
            // act: fill the self-assessment
            let filled = try await cadre.post(surveyPath + "/fill", [:])
            // check: the facts, the score by the scheme's rules, the evidence, the audit trail
            #expect(filled.status == .seeOther && filled.location == surveyPath + "?done=survey-filled")
            let application = try #require(try await SelfAssessmentFixture.application(app, unit: f.unionY, campaign: f.yizhengCampaign))
            let answers = try Answers.parse(json: Data(application.answersJSON.utf8))
            #expect(answers.facts["satisfaction_rate"] == .number(90) && answers.facts["chair_satisfaction"] == .number(80))
            #expect(application.selfTotal == "97", "主席满意度未达90% −3 (placeholder); 工会工作 90 reaches 90")
            #expect(application.state == ApplicationState.drafting.rawValue)
            let files = try await EvidenceFileModel.query(on: app.db).filter(\.$applicationID == application.id!).sort(\.$item).all()
            #expect(files.map(\.item) == [1, 7] && files.allSatisfy { $0.type == "xlsx" && $0.name == "测评结果-2019年度会员评家满意度测评.xlsx" })
            let workbook = try #require(try await app.evidenceStorage.get(sha256: files[0].sha256))
            #expect(EvidenceType.sniff(workbook) == .xlsx)
            let sheet = String(decoding: try RegistrationFormDocxTests.entries(workbook)["xl/worksheets/sheet1.xml"] ?? Data(), as: UTF8.self)
            #expect(sheet.contains("工会工作满意率（%）") && sheet.contains("<v>90</v>") && sheet.contains("<v>80</v>") && sheet.contains("<v>83.3333</v>"))
            #expect(!sheet.contains("希望多组织职工文体活动。"), "free text stays on the survey's page")
            let audit = try await CongressAndNoticeTests.auditRows(app)
            #expect(Array(audit.dropFirst(auditBefore).map(\.action)) == ["evidence.upload", "evidence.upload", "survey.fill", "application.saveSelfAssessment"])
            #expect(audit.filter { $0.action.hasPrefix("survey.") }.map(\.action) == ["survey.create", "survey.open", "survey.issueTokens", "survey.fill"])
            #expect(!tokens.contains { token in audit.contains { $0.after_json.contains(token) || $0.before_json.contains(token) } })
            let page = try await cadre.get(surveyPath + "?done=survey-filled")
            #expect(page.body.contains("满意率已填入自评") && page.body.contains("已由测试outsider（outsider）于2019-09-10 10:00填入自评："))
            #expect((try await cadre.get(base + "/self-assessment")).body.contains("测评结果-2019年度会员评家满意度测评.xlsx"))
            // a second fill is refused and changes nothing
            let again = try await cadre.post(surveyPath + "/fill", [:])
            #expect(again.status == .conflict && again.body.contains("该测评结果已填入自评，不能重复填入。"))
            #expect(try await CongressAndNoticeTests.auditRows(app).count == audit.count)
            // the workbook, downloaded
            let download = try await cadre.get(surveyPath + "/results.xlsx")
            #expect(download.status == .ok && download.headers.first(name: .contentType) == EvidenceType.xlsx.mimeType)
        }
    }

    @Test func aTokenAnswersOnceAndASecondUseStoresNothing() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await SurveyFixture.rushan(app, f, .open)
            let first = try await Self.phone(app, sending: SurveyFixture.token)
            #expect((try await first.post("/s/answer", SurveyFixture.answers(.satisfied, token: SurveyFixture.token))).status == .seeOther)
            // act: the same token again, from another phone, at both steps
            let second = try await Self.phone(app)
            let start = try await second.post("/s", ["code": SurveyFixture.token])
            let answer = try await second.post("/s/answer", SurveyFixture.answers(.veryDissatisfied, token: SurveyFixture.token))
            // check
            for response in [start, answer] {
                #expect(response.status == .conflict)
                #expect(response.body.contains("这个答卷码已经使用过，每个答卷码只能作答一次。本次提交没有保存任何内容。"))
                #expect(!response.body.contains(#"name="q_union_overall""#))
            }
            try await Self.expectStored(app, 1)
            let stored = try await SurveyStore.responses(SurveyFixture.surveyID, on: app.db)
            #expect(stored.first?.ratings["union_overall"] == .satisfied)
        }
    }

    @Test func aSurveyNotOpenRefusesWithItsDates() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await SurveyFixture.rushan(app, f, .open)
            let member = try await Self.phone(app)
            // act and check: before it opens, after it closed, an unknown and a malformed token
            app.clock = FixedClock(Fixture.chinaMorning("2020-07-31"))
            let early = try await member.post("/s", ["code": SurveyFixture.token])
            #expect(early.status == .conflict && early.body.contains("该测评将于2020年8月1日开始，届时再来作答。"))
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-15"))
            let late = try await member.post("/s", ["code": SurveyFixture.token])
            #expect(late.status == .conflict && late.body.contains("该测评已于2020年8月14日结束，不再接受作答。"))
            let lateAnswer = try await member.post("/s/answer", SurveyFixture.answers(.satisfied, token: SurveyFixture.token))
            #expect(lateAnswer.status == .conflict && lateAnswer.body.contains("该测评已于2020年8月14日结束"))
            let unknown = try await member.post("/s", ["code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ"])
            #expect(unknown.status == .notFound && unknown.body.contains("没有这个答卷码") && unknown.body.contains(#"name="code""#))
            let malformed = try await member.post("/s", ["code": "12345"])
            #expect(malformed.status == .unprocessableEntity && malformed.body.contains("答卷码应为16位字母和数字"))
            try await Self.expectStored(app, 0)
        }
    }

    @Test func anIncompleteAnswerIsSentBackNamingTheQuestionAndNothingIsStored() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await SurveyFixture.rushan(app, f, .open)
            let member = try await Self.phone(app, sending: SurveyFixture.token)
            var form = SurveyFixture.answers(.satisfied, token: SurveyFixture.token)
            form["q_chair_duties"] = nil
            form["q_comments"] = "食堂饭菜希望改善"
            // act
            let sent = try await member.post("/s/answer", form)
            // check: the sentence, the answers kept in the form, nothing stored, the token unused
            #expect(sent.status == .unprocessableEntity)
            #expect(sent.body.contains("第8题“工会主席（副主席）依法履职、为职工说话办事情况”：请选择一项评价。"))
            #expect(sent.body.contains("还有1处需要填写或修改") && sent.body.contains("食堂饭菜希望改善"))
            #expect(sent.body.contains(#"name="q_union_overall" value="satisfied" checked"#))
            try await Self.expectStored(app, 0)
        }
    }

    /// Every column of every survey table, and on PostgreSQL the transaction stamp every row
    /// carries: nothing joins an answer to its token.
    @Test func noColumnOrQueryCanJoinAnswersToTokens() async throws {
        try await withTestApp { app in
            // setup: a survey with two answers, given through the member's pages
            let f = try await Fixture.make(app)
            try await SurveyFixture.rushan(app, f, .open)
            let tokens = try await SurveyStore.issue(2, surveyID: SurveyFixture.surveyID, today: CalendarDate.china(app.clock.now()), actor: .commandLine("test"), app: app).tokens
            let auditBefore = try await CongressAndNoticeTests.auditRows(app).count
            var answerXmin: [String] = []
            for (index, token) in tokens.enumerated() {
                let member = try await Self.phone(app, sending: token)
                #expect((try await member.post("/s/answer", SurveyFixture.answers(index == 0 ? .satisfied : .dissatisfied, token: token))).status == .seeOther)
                if testDatabaseURL != nil { answerXmin.append(try await Self.xmin(app, SurveyAnswerModel.schema).sorted().last ?? "") }
            }
            // check: the answers' table shares no column with the tokens' but the survey's id; no time anywhere
            let answers = try await Self.columns(app, SurveyAnswerModel.schema)
            let tokenColumns = try await Self.columns(app, SurveyTokenModel.schema)
            #expect(answers == ["answers_json", "id", "survey_id"])
            #expect(tokenColumns == ["batch", "id", "survey_id", "token_hash", "used"])
            #expect(Set(answers).intersection(tokenColumns) == ["id", "survey_id"])
            let answerRows = try await SurveyAnswerModel.query(on: app.db).all()
            let tokenRows = try await SurveyTokenModel.query(on: app.db).all()
            #expect(Set(answerRows.map(\.id)).isDisjoint(with: tokenRows.map(\.id)), "the random ids join nothing")
            #expect(Set(tokenRows.map(\.surveyID)) == [SurveyFixture.surveyID], "the survey's id is every token's: it joins all to all")
            // the survey's other tables hold no token, no use and no answer
            for table in [SurveyModel.schema, SurveyBatchModel.schema] {
                let columns = try await Self.columns(app, table)
                #expect(!columns.contains { ["token", "used", "answer"].contains(where: $0.contains) }, "\(table) \(columns)")
            }
            // an answer is its ratings and texts only
            for row in answerRows {
                let keys = try JSONSerialization.jsonObject(with: Data(row.answersJSON.utf8)) as! [String: Any]
                #expect(Set(keys.keys).isSubset(of: ["ratings", "texts"]))
            }
            // answering wrote no audit entry
            #expect(try await CongressAndNoticeTests.auditRows(app).count == auditBefore)
            // PostgreSQL stamps each row with the transaction that wrote it last: every token of the
            // survey carries the last answer's, so no token points at its own answer or its turn
            if testDatabaseURL != nil {
                let stamps = try await Self.xmin(app, SurveyTokenModel.schema)
                #expect(Set(stamps).count == 1, "\(Set(stamps))")
                #expect(stamps.first == answerXmin.last && answerXmin.first != answerXmin.last)
            }
        }
    }

    @Test func tooFewAnswersCannotFillAFactAndThePageSaysSo() async throws {
        try await withTestApp { app in
            // setup: three answers of twelve tokens, closed
            let f = try await Fixture.make(app)
            try await SurveyFixture.rushan(app, f, .closed, answers: 3)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let path = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))/surveys/\(Self.id(SurveyFixture.surveyID))"
            let page = try await cadre.get(path)
            #expect(page.body.contains("收到答卷3份，少于10份，结果不能填入自评。") && !page.body.contains("将满意率填入自评"))
            let before = try #require(try await SelfAssessmentFixture.application(app, unit: f.unionA, campaign: f.rushanCampaign))
            // act
            let refused = try await cadre.post(path + "/fill", [:])
            // check
            #expect(refused.status == .conflict && refused.body.contains("收到答卷3份，少于10份，结果不能填入自评。"))
            let after = try #require(try await SelfAssessmentFixture.application(app, unit: f.unionA, campaign: f.rushanCampaign))
            #expect(after.answersJSON == before.answersJSON && after.version == before.version)
            #expect(try await EvidenceFileModel.query(on: app.db).count() == 0)
        }
    }

    @Test func rushansItemTwoRecordsTheRatesWithoutScoringThem() async throws {
        try await withTestApp { app in
            // setup: ten answers, everyone only 基本满意: both rates 0
            let f = try await Fixture.make(app)
            try await SurveyFixture.rushan(app, f, .closed, answers: 10)
            try await app.writes.perform { db in
                for row in try await SurveyAnswerModel.query(on: db).all() {
                    row.answersJSON = CampaignStore.encode(SurveyResponse(ratings: Dictionary(uniqueKeysWithValues: SurveyFixture.definition.scaleQuestions.map {
                        ($0.id, SatisfactionLevel.fairlySatisfied)
                    })))
                    try await row.update(on: db)
                }
            }
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let path = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))/surveys/\(Self.id(SurveyFixture.surveyID))"
            try await cadre.get(path)
            // act
            #expect((try await cadre.post(path + "/fill", [:])).status == .seeOther)
            // check: both of item 2's facts filled with 0, the score still 100
            let application = try #require(try await SelfAssessmentFixture.application(app, unit: f.unionA, campaign: f.rushanCampaign))
            let answers = try Answers.parse(json: Data(application.answersJSON.utf8))
            #expect(answers.facts["review_union_satisfaction"] == .number(0) && answers.facts["review_chair_satisfaction"] == .number(0))
            #expect(application.selfTotal == "100")
            #expect(try await EvidenceFileModel.query(on: app.db).all().map(\.item) == [2])
        }
    }

    @Test func badInputIsRefusedNamingTheFieldAndChangesNothing() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await SurveyFixture.rushan(app, f, .draft)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let base = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))/surveys"
            let path = base + "/\(Self.id(SurveyFixture.surveyID))"
            try await staff.get(base)
            let audit = try await CongressAndNoticeTests.auditRows(app).count
            // act and check
            let untitled = try await staff.post(base, ["title": " ", "chair": "true", "custom1": "主席好", "custom1Kind": "chair"])
            #expect(untitled.status == .unprocessableEntity && untitled.body.contains("请填写测评名称。") && untitled.body.contains(#"value="主席好""#))
            let noChair = try await staff.post(base, ["title": "测评", "custom2": "主席好", "custom2Kind": "chair"])
            #expect(noChair.status == .unprocessableEntity && noChair.body.contains("自拟问题2是对工会主席的评价"))
            try await staff.get(path)
            let past = try await staff.post(path + "/open", ["opens": "2020-08-02", "closes": "2020-08-10", "version": "1"])
            #expect(past.status == .unprocessableEntity && past.body.contains("开始日期不能早于今天（2020年8月3日）。") && past.body.contains(#"value="2020-08-02""#))
            let none = try await staff.post(path + "/tokens", ["count": "0"])
            #expect(none.status == .unprocessableEntity && none.body.contains("答卷码数量应为1至2000之间的整数。"))
            let stale = try await staff.post(path + "/open", ["opens": "2020-08-03", "closes": "2020-08-10", "version": "0"])
            #expect(stale.status == .conflict && stale.body.contains("该测评已被他人更改"))
            let early = try await staff.post(path + "/close", ["version": "1"])
            #expect(early.status == .conflict && early.body.contains("该测评尚未发布"))
            #expect(try await CongressAndNoticeTests.auditRows(app).count == audit)
            #expect(try await SurveyModel.query(on: app.db).count() == 1)
        }
    }

    // MARK: Reading the database as it is

    static func columns(_ app: Application, _ table: String) async throws -> [String] {
        let sql = app.db as! any SQLDatabase
        struct Name: Decodable { var name: String }
        if testDatabaseURL != nil {
            return try await sql.raw("""
                SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table)
                """).all(decoding: Name.self).map(\.name).sorted()
        }
        return try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all(decoding: Name.self).map(\.name).sorted()
    }

    static func tables(_ app: Application) async throws -> [String] {
        let sql = app.db as! any SQLDatabase
        struct Name: Decodable { var name: String }
        if testDatabaseURL != nil {
            return try await sql.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")
                .all(decoding: Name.self).map(\.name)
        }
        return try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all(decoding: Name.self).map(\.name)
    }

    /// PostgreSQL only: the transaction that last wrote each row of the table.
    static func xmin(_ app: Application, _ table: String) async throws -> [String] {
        struct Stamp: Decodable { var stamp: String }
        return try await (app.db as! any SQLDatabase).raw("SELECT xmin::text AS stamp FROM \(ident: table)").all(decoding: Stamp.self).map(\.stamp)
    }

    /// Every text of every row of every table, to look for what must not be stored.
    static func everyRow(_ app: Application) async throws -> String {
        var dump = ""
        for table in try await tables(app) {
            let rows = try await (app.db as! any SQLDatabase).raw("SELECT * FROM \(ident: table)").all()
            for row in rows {
                for column in row.allColumns { dump += ((try? row.decode(column: column, as: String?.self)) ?? nil) ?? "" }
                dump += "\n"
            }
        }
        return dump
    }
}
