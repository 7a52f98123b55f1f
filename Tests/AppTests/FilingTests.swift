import AsyncHTTPClient
import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NIOHTTP1
import SQLKit
import Testing
import UnionStarCore
import Vapor
import ZIPFoundation
@testable import App

/// Applications brought to the state a filing test needs, made directly through the stores.
enum FilingSetup {
    /// 一千字: a thousand Chinese characters (no spaces, no line breaks), the most 主要工作 holds.
    static let thousandCharacters = String(repeating: "组织职工开展劳动竞赛技能培训", count: 72).prefix(1000).description

    /// A form with every field the filing needs, the unit's own opinion box included.
    static let complete = RegistrationForm(
        unitName: "甲公司工会", tier: "四星级", chairName: "王丽", phone: "0631-6663572",
        mainWork: "一、组织建设规范达标，按期换届。\n二、开展劳动竞赛和技能培训。",
        opinions: [.unitUnion: .init(text: "同意申报四星级。", date: Fixture.day("2020-08-27"), by: "甲公司工会")])

    /// 甲公司工会's application in 乳山's 2020 campaign (apply by 2020-08-31), in `state`: tier 四星级
    /// decided, self-score 85, its notice 2020-08-21 to 2020-08-27 (five working days), version 1,
    /// with `form` saved and `rounds` filed (the last returned on `returnedOn`, when given).
    @discardableResult
    static func application(_ app: Application, _ fixture: Fixture, state: ApplicationState, form: RegistrationForm? = complete,
                            rounds: Int = 0, returnedOn: String? = nil) async throws -> UUID {
        try await app.writes.perform { db in
            let campaign = try await CampaignModel.find(fixture.rushanCampaign, on: db)!
            let unit = try await OrganisationModel.find(fixture.unionA, on: db)!
            let pin = try CampaignStore.plan(of: campaign).scheme(for: .enterprise)!
            let application = ApplicationStore.newApplication(campaignID: campaign.id!, unit: unit, pin: pin, at: Date())
            application.state = state.rawValue
            application.tier = "four-star"
            application.selfTotal = "85"
            application.noticeStart = "2020-08-21"
            application.noticeEnd = "2020-08-27"
            application.formJSON = form.map { CampaignStore.encode($0) }
            application.round = max(1, rounds)
            application.returnedOn = returnedOn
            application.returnReason = returnedOn.map { _ in "主要工作过于简略，请补充。" }
            application.version = 1
            try await application.create(on: db)
            if rounds > 0 {
                for round in 1...rounds {
                    let row = ApplicationRoundModel()
                    row.applicationID = application.id!
                    row.round = round
                    row.filedAt = Fixture.chinaMorning("2020-08-28")
                    row.filedBy = "测试cadre（cadre）"
                    row.tier = "four-star"
                    row.selfTotal = "85"
                    row.formJSON = CampaignStore.encode(form ?? complete)
                    row.answersJSON = application.answersJSON
                    row.notesJSON = application.notesJSON
                    if round < rounds || returnedOn != nil {
                        row.returnedAt = Fixture.chinaMorning(returnedOn ?? "2020-08-29")
                        row.returnedBy = "测试reviewer（reviewer）"
                        row.returnReason = "主要工作过于简略，请补充。"
                    }
                    try await row.create(on: db)
                }
            }
            return application.id!
        }
    }

    static func setClock(_ app: Application, _ day: String) {
        app.clock = FixedClock(Fixture.chinaMorning(day))
    }

    static func stored(_ app: Application, _ id: UUID) async throws -> ApplicationModel {
        try #require(try await ApplicationModel.find(id, on: app.db))
    }

    /// The audit trail's actions, oldest first, after checking its chain.
    static func auditActions(_ app: Application) async throws -> [String] {
        #expect(try await AuditLog.verify(on: app.db).broken == nil)
        struct Row: Decodable { var action: String }
        return try await (app.db as! any SQLDatabase).select().column("action").from(AuditLog.table).orderBy("sequence")
            .all(decoding: Row.self).map(\.action)
    }

    static func form(_ application: ApplicationModel) throws -> RegistrationForm? {
        try application.formJSON.map { try CampaignStore.decode(RegistrationForm.self, $0) }
    }
}

extension WebSession {
    /// A download's bytes as sent (the page helper reads bodies as text).
    func download(_ path: String) async throws -> (status: HTTPResponseStatus, headers: HTTPHeaders, data: Data) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(try await app!.testPort())" + path)
        request.headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "))
        let response = try await testHTTPClient.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (response.status, response.headers, Data(buffer: body))
    }
}

/// The 申报登记表 through HTTP as each person uses it: the cadre fills it in and files, the town's
/// reviewer returns it, the cadre files again; printed, downloaded, and every round kept.
///
/// Serialized: on PostgreSQL the whole suite already runs close to the test cluster's 400
/// connections (each test app has its own pool), and these tests, run at once, pushed it over.
@Suite(.serialized) struct FilingTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func unitPath(_ f: Fixture, _ suffix: String = "") -> String {
        "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))\(suffix)"
    }

    static func entry(_ mainWork: String, version: Int, chair: String = "王丽", opinion: String = "同意申报四星级。") -> [String: String] {
        ["chairName": chair, "phone": "0631-6663572", "mainWork": mainWork, "unitOpinion": opinion,
         "unitOpinionDate": "2020-08-25", "version": String(version)]
    }

    @Test func aThousandChineseCharactersOfMainWorkAreSavedAndOneMoreIsRefused() async throws {
        try await withTestApp { app in
            // setup: the notice runs; nothing typed yet; the unit's profile holds its chair and phone
            let fixture = try await Fixture.make(app)
            FilingSetup.setClock(app, "2020-08-25")
            let applicationID = try await FilingSetup.application(app, fixture, state: .onNotice, form: nil)
            let unit = try #require(try await OrganisationModel.find(fixture.unionA, on: app.db))
            unit.chair = "王丽"
            unit.phone = "0631-6663572"
            try await unit.update(on: app.db)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let tooLong = FilingSetup.thousandCharacters + "会"
            #expect(FilingSetup.thousandCharacters.count == 1000 && FilingSetup.thousandCharacters.utf8.count == 3000)
            // act
            let page = try await cadre.get(Self.unitPath(fixture, "/form"))
            let refused = try await cadre.post(Self.unitPath(fixture, "/form"), Self.entry(tooLong, version: 1))
            let afterRefusal = try await FilingSetup.stored(app, applicationID)
            let saved = try await cadre.post(Self.unitPath(fixture, "/form"), Self.entry(FilingSetup.thousandCharacters, version: 1))
            // check: prefilled from the profile, the tier shown and not typed, the counter and its script
            #expect(page.status == .ok)
            #expect(page.body.contains(#"name="chairName" value="王丽""#) && page.body.contains(#"value="0631-6663572""#))
            #expect(page.body.contains(#"data-field="tier">四星级"#) && !page.body.contains(#"name="tier""#))
            #expect(page.body.contains("主 要 工 作（简明扼要1000字以内）") && page.body.contains("0/1000"))
            #expect(page.body.contains(#"data-count-limit="1000""#) && page.body.contains("/js/registration-form.js"))
            // 1,001 characters: refused, naming 主要工作, what was typed kept, nothing saved
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("主要工作不能超过1000字（现为1001字）。"))
            #expect(refused.body.contains(tooLong) && refused.body.contains("1001/1000"))
            #expect(afterRefusal.formJSON == nil && afterRefusal.version == 1)
            // 1,000: saved
            #expect(saved.status == .seeOther && saved.location == Self.unitPath(fixture, "/form?done=form"))
            let stored = try await FilingSetup.stored(app, applicationID)
            let form = try #require(try FilingSetup.form(stored))
            #expect(form.mainWork == FilingSetup.thousandCharacters && form.mainWorkCount == 1000)
            #expect(form.unitName == "甲公司工会" && form.tier == "四星级" && form.chairName == "王丽")
            #expect(form.opinions[.unitUnion] == .init(text: "同意申报四星级。", date: Fixture.day("2020-08-25"), by: "甲公司工会"))
            #expect(stored.version == 2)
            #expect(try await FilingSetup.auditActions(app).contains("application.saveForm"))
        }
    }

    @Test func aLongPasteIsRefusedNamingMainWorkAndKept() async throws {
        try await withTestApp { app in
            // setup: 5,000 characters pasted (45 kB as the browser sends them)
            let fixture = try await Fixture.make(app)
            FilingSetup.setClock(app, "2020-08-25")
            let applicationID = try await FilingSetup.application(app, fixture, state: .onNotice, form: nil)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            try await cadre.get(Self.unitPath(fixture, "/form"))
            let paste = String(repeating: FilingSetup.thousandCharacters, count: 5)
            // act
            let refused = try await cadre.post(Self.unitPath(fixture, "/form"), Self.entry(paste, version: 1))
            // check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("主要工作不能超过1000字（现为5000字）。") && refused.body.contains(paste))
            #expect(try await FilingSetup.stored(app, applicationID).formJSON == nil)
        }
    }

    @Test func badFieldsAreNamedAndNothingIsSaved() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            FilingSetup.setClock(app, "2020-08-25")
            let applicationID = try await FilingSetup.application(app, fixture, state: .onNotice, form: nil)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            try await cadre.get(Self.unitPath(fixture, "/form"))
            // act
            var fields = Self.entry("一、按期换届。", version: 1)
            fields["phone"] = "六六六"
            fields["unitOpinionDate"] = "2020-09-30"
            let refused = try await cadre.post(Self.unitPath(fixture, "/form"), fields)
            // check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("联系电话只能包含数字"))
            #expect(refused.body.contains("单位工会意见的日期不能晚于今天。"))
            #expect(try await FilingSetup.stored(app, applicationID).formJSON == nil)
        }
    }

    @Test func aDraftSavesWithEmptyFieldsAndABlankOpinionBox() async throws {
        try await withTestApp { app in
            // setup: drafting, before the congress decides the tier
            let fixture = try await Fixture.make(app)
            FilingSetup.setClock(app, "2020-08-10")
            let applicationID = try await FilingSetup.application(app, fixture, state: .drafting, form: nil)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            try await cadre.get(Self.unitPath(fixture, "/form"))
            // act: the page's prefilled date, no opinion, no chair
            let saved = try await cadre.post(Self.unitPath(fixture, "/form"),
                                             Self.entry("一、按期换届。", version: 1, chair: "", opinion: ""))
            // check
            #expect(saved.status == .seeOther)
            let form = try #require(try FilingSetup.form(try await FilingSetup.stored(app, applicationID)))
            #expect(form.opinions.isEmpty && form.chairName.isEmpty && form.mainWork == "一、按期换届。")
        }
    }

    @Test func aStaleSaveIsRefusedKeepingWhatWasTyped() async throws {
        try await withTestApp { app in
            // setup: two people open the form at version 1; one saves first
            let fixture = try await Fixture.make(app)
            FilingSetup.setClock(app, "2020-08-25")
            let applicationID = try await FilingSetup.application(app, fixture, state: .onNotice)
            let first = WebSession(app), second = WebSession(app)
            try await first.signIn("cadre")
            try await second.signIn("target")
            try await first.get(Self.unitPath(fixture, "/form"))
            try await second.get(Self.unitPath(fixture, "/form"))
            let won = try await first.post(Self.unitPath(fixture, "/form"), Self.entry("第一位干部写的主要工作。", version: 1))
            // act
            let stale = try await second.post(Self.unitPath(fixture, "/form"), Self.entry("第二位干部写的主要工作。", version: 1))
            // check: refused, told so, what was typed still in the form and the other version shown
            #expect(won.status == .seeOther)
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("这份申报刚被他人修改过"))
            #expect(stale.body.contains("第二位干部写的主要工作。") && stale.body.contains("第一位干部写的主要工作。"))
            #expect(stale.body.contains(#"name="version" value="2""#))
            let form = try #require(try FilingSetup.form(try await FilingSetup.stored(app, applicationID)))
            #expect(form.mainWork == "第一位干部写的主要工作。")
        }
    }

    @Test func thePrintViewAndTheWordFileCarryTheForm() async throws {
        try await withTestApp { app in
            // setup: a saved form, the unit's opinion in its box
            let fixture = try await Fixture.make(app)
            FilingSetup.setClock(app, "2020-08-28")
            try await FilingSetup.application(app, fixture, state: .onNotice)
            let reviewer = WebSession(app)
            try await reviewer.signIn("reviewer")
            // act
            let print = try await reviewer.get(Self.unitPath(fixture, "/form/print"))
            let download = try await reviewer.download(Self.unitPath(fixture, "/form.docx"))
            // check: the print view, one A4 form
            #expect(print.status == .ok)
            for text in ["“活力基层工会”申报登记表", #"data-field="unitName">甲公司工会"#, #"data-field="tier">四星级"#,
                         #"data-field="chairName">王丽"#, #"data-field="phone">0631-6663572"#, "<p>二、开展劳动竞赛和技能培训。</p>",
                         "同意申报四星级。", "2020年8月27日", "甲公司工会（章）", "区（市）总工会意见", "data-print"] {
                #expect(print.body.contains(text), "the print view lacks \(text)")
            }
            // the Word file: its name, and the form read back from word/document.xml
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentType) == RegistrationFormDocx.contentType)
            let disposition = try #require(download.headers.first(name: .contentDisposition))
            #expect(disposition.hasPrefix(#"attachment; filename="registration-form.docx"; filename*=UTF-8''"#))
            #expect(disposition.hasSuffix("%E7%94%B3%E6%8A%A5%E7%99%BB%E8%AE%B0%E8%A1%A8-%E7%94%B2%E5%85%AC%E5%8F%B8%E5%B7%A5%E4%BC%9A.docx"))
            let entries = try RegistrationFormDocxTests.entries(download.data)
            let read = try RegistrationFormDocxTests.read(try #require(entries["word/document.xml"]))
            #expect(read.title == "“活力基层工会”申报登记表")
            let cells = read.rows.map { $0.map { $0.joined(separator: "\n") } }
            #expect(cells[0] == ["申报单位", "甲公司工会", "申报星级", "四星级"])
            #expect(cells[1] == ["工会主席", "王丽", "联系电话", "0631-6663572"])
            #expect(cells[2][1] == "一、组织建设规范达标，按期换届。\n二、开展劳动竞赛和技能培训。")
            #expect(cells[3][0] == "单位工会意见" && cells[3][1].contains("同意申报四星级。") && cells[3][1].contains("2020年8月27日"))
        }
    }

    @Test func filingWaitsForTheNoticeAndTheAnswersAndClosesAtTheDeadline() async throws {
        try await withTestApp { app in
            // setup: the notice ends on 2020-08-27, one objection not yet answered
            let fixture = try await Fixture.make(app)
            let applicationID = try await FilingSetup.application(app, fixture, state: .onNotice)
            let objection = ObjectionModel()
            objection.applicationID = applicationID
            objection.lodgedAt = Fixture.chinaMorning("2020-08-24")
            objection.text = "工会主席未经民主选举产生。"
            objection.senderHash = "x"
            try await objection.create(on: app.db)
            let cadre = WebSession(app)
            let file = Self.unitPath(fixture, "/file")
            // act and check: on the notice's last day
            FilingSetup.setClock(app, "2020-08-27")
            try await cadre.signIn("cadre")
            let page = try await cadre.get(Self.unitPath(fixture, "/form"))
            #expect(page.body.contains("公示至2020年8月27日结束，结束后方可申报。") && page.body.contains("disabled>提交申报登记表"))
            let running = try await cadre.post(file, ["version": "1"])
            #expect(running.status == .conflict && running.body.contains("公示至2020年8月27日结束，结束后方可申报。"))
            // the day after, with the objection unanswered
            FilingSetup.setClock(app, "2020-08-28")
            try await cadre.signIn("cadre")
            let unanswered = try await cadre.post(file, ["version": "1"])
            #expect(unanswered.status == .conflict && unanswered.body.contains("还有1条异议未答复，答复后方可申报。"))
            // answered: filed as round 1
            objection.answer = "主席经2018年会员代表大会选举产生，选举档案可查。"
            objection.answeredAt = Fixture.chinaMorning("2020-08-28")
            try await objection.update(on: app.db)
            let page2 = try await cadre.get(Self.unitPath(fixture, "/form"))
            #expect(page2.body.contains("可提交至2020年8月31日。"))
            let filed = try await cadre.post(file, ["version": "1"])
            #expect(filed.status == .seeOther && filed.location == Self.unitPath(fixture, "/form?done=filed"))
            let application = try await FilingSetup.stored(app, applicationID)
            #expect(application.state == "filed" && application.round == 1)
            let rounds = try await ApplicationRoundModel.query(on: app.db).filter(\.$applicationID == applicationID).all()
            let round = try #require(rounds.first)
            #expect(rounds.count == 1 && round.round == 1 && round.filedBy == "测试cadre（cadre）")
            #expect(round.tier == "four-star" && round.selfTotal == "85" && round.filedAt == Fixture.chinaMorning("2020-08-28"))
            #expect(try CampaignStore.decode(RegistrationForm.self, round.formJSON) == FilingSetup.complete)
            // once filed, the form is read, not changed
            let after = try await cadre.get(Self.unitPath(fixture, "/form?done=filed"))
            #expect(after.body.contains("申报登记表已提交。") && after.body.contains("已提交第1轮申报") && !after.body.contains(#"name="mainWork""#))
            let edit = try await cadre.post(Self.unitPath(fixture, "/form"), Self.entry("改动", version: 2))
            #expect(edit.status == .conflict && edit.body.contains("申报当前为“已申报”"))
        }
    }

    @Test func filingClosesWithTheDeadlineNamingTheDay() async throws {
        try await withTestApp { app in
            // setup: everything done, but on 2020-09-01
            let fixture = try await Fixture.make(app)
            let applicationID = try await FilingSetup.application(app, fixture, state: .onNotice)
            FilingSetup.setClock(app, "2020-09-01")
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            // act
            let late = try await cadre.post(Self.unitPath(fixture, "/file"), ["version": "1"])
            // check
            #expect(late.status == .conflict && late.body.contains("“申报”已于2020年8月31日截止"))
            #expect(try await FilingSetup.stored(app, applicationID).state == "onNotice")
        }
    }

    @Test func anIncompleteFormIsNotFiledAndItsProblemsAreNamed() async throws {
        try await withTestApp { app in
            // setup: the notice is over, the form lacks 主要工作 and the unit's opinion
            let fixture = try await Fixture.make(app)
            var form = FilingSetup.complete
            form.mainWork = ""
            form.opinions = [:]
            let applicationID = try await FilingSetup.application(app, fixture, state: .onNotice, form: form)
            FilingSetup.setClock(app, "2020-08-28")
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            // act
            let refused = try await cadre.post(Self.unitPath(fixture, "/file"), ["version": "1"])
            // check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("请填写主要工作。") && refused.body.contains("请填写单位工会意见。"))
            let application = try await FilingSetup.stored(app, applicationID)
            #expect(application.state == "onNotice" && application.version == 1)
            #expect(try await ApplicationRoundModel.query(on: app.db).count() == 0)
        }
    }

    @Test func theReviewerReturnsItAndTheCadreFilesASecondRound() async throws {
        try await withTestApp { app in
            // setup: filed on 2020-08-28 (round 1); the reviewer reads it on 2020-09-02
            let fixture = try await Fixture.make(app)
            let applicationID = try await FilingSetup.application(app, fixture, state: .filed, rounds: 1)
            FilingSetup.setClock(app, "2020-09-02")
            let reviewer = WebSession(app)
            try await reviewer.signIn("reviewer")
            let page = try await reviewer.get(Self.unitPath(fixture, "/form"))
            #expect(page.body.contains("退回申报") && page.body.contains(#"name="reason""#))
            // act: the reasons are required and at most 1,000 characters
            let empty = try await reviewer.post(Self.unitPath(fixture, "/return"), ["reason": "  ", "version": "1"])
            let long = try await reviewer.post(Self.unitPath(fixture, "/return"),
                                               ["reason": FilingSetup.thousandCharacters + "补", "version": "1"])
            let returned = try await reviewer.post(Self.unitPath(fixture, "/return"),
                                                   ["reason": "主要工作过于简略，请补充劳动竞赛的场次和参与人数。", "version": "1"])
            // check
            #expect(empty.status == .unprocessableEntity && empty.body.contains("请填写退回原因。"))
            #expect(long.status == .unprocessableEntity && long.body.contains("退回原因不能超过1000字（现为1001字）。"))
            #expect(returned.status == .seeOther && returned.location == Self.unitPath(fixture, "/form?done=returned"))
            var application = try await FilingSetup.stored(app, applicationID)
            #expect(application.state == "returned" && application.returnedOn == "2020-09-02")
            #expect(application.returnReason == "主要工作过于简略，请补充劳动竞赛的场次和参与人数。")
            let first = try #require(try await ApplicationRoundModel.query(on: app.db).filter(\.$round == 1).first())
            #expect(first.returnedBy == "测试reviewer（reviewer）" && first.returnedAt == Fixture.chinaMorning("2020-09-02"))
            #expect(first.returnReason == "主要工作过于简略，请补充劳动竞赛的场次和参与人数。")

            // act: the cadre sees why and until when (5 working days after 09-02: 09-09), amends and files again
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let overview = try await cadre.get(Self.unitPath(fixture))
            let form = try await cadre.get(Self.unitPath(fixture, "/form"))
            let amended = try await cadre.post(Self.unitPath(fixture, "/form"),
                                               Self.entry("一、开展劳动竞赛6场，参与职工320人次。", version: application.version))
            application = try await FilingSetup.stored(app, applicationID)
            let refiled = try await cadre.post(Self.unitPath(fixture, "/file"), ["version": String(application.version)])
            // check
            #expect(overview.body.contains("填写申报登记表") && overview.body.contains("退回原因（第1轮）") && overview.body.contains("第1轮申报"))
            #expect(form.body.contains("本申报于2020年9月2日由测试reviewer（reviewer）退回。"))
            #expect(form.body.contains("主要工作过于简略，请补充劳动竞赛的场次和参与人数。"))
            #expect(form.body.contains("请修改后于2020年9月9日前（含当日）重新提交。"))
            #expect(amended.status == .seeOther)
            #expect(refiled.status == .seeOther && refiled.location == Self.unitPath(fixture, "/form?done=filed"))
            application = try await FilingSetup.stored(app, applicationID)
            #expect(application.state == "filed" && application.round == 2 && application.returnReason == nil && application.returnedOn == nil)
            let rows = try await ApplicationRoundModel.query(on: app.db).filter(\.$applicationID == applicationID).sort(\.$round).all()
            #expect(rows.map(\.round) == [1, 2] && rows[1].returnedAt == nil && rows[0].returnReason != nil)

            // check: both rounds readable, each as it was filed; the application page lists both
            let round1 = try await reviewer.get(Self.unitPath(fixture, "/rounds/1"))
            let round2 = try await reviewer.get(Self.unitPath(fixture, "/rounds/2"))
            let missing = try await reviewer.get(Self.unitPath(fixture, "/rounds/3"))
            #expect(round1.status == .ok && round1.body.contains("第1轮申报 · 甲公司工会"))
            #expect(round1.body.contains("二、开展劳动竞赛和技能培训。") && round1.body.contains("主要工作过于简略，请补充劳动竞赛的场次和参与人数。"))
            #expect(round2.status == .ok && round2.body.contains("一、开展劳动竞赛6场，参与职工320人次。") && round2.body.contains("审核中"))
            #expect(!round2.body.contains("二、开展劳动竞赛和技能培训。"))
            #expect(missing.status == .notFound)
            let listing = try await reviewer.get(Self.unitPath(fixture, "/form"))
            #expect(listing.body.contains("历次申报") && listing.body.contains("/rounds/1") && listing.body.contains("/rounds/2"))
            let audit = try await FilingSetup.auditActions(app)
            #expect(audit.contains("application.returnApplication") && audit.contains("application.round.return"))
            #expect(audit.filter { $0 == "application.round.file" }.count == 1)
        }
    }

    @Test func aReturnedApplicationMustBeFiledAgainWithinItsWindow() async throws {
        try await withTestApp { app in
            // setup: returned on 2020-09-02; the window ends on 2020-09-09
            let fixture = try await Fixture.make(app)
            let applicationID = try await FilingSetup.application(app, fixture, state: .returned, rounds: 1, returnedOn: "2020-09-02")
            FilingSetup.setClock(app, "2020-09-10")
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            // act
            let late = try await cadre.post(Self.unitPath(fixture, "/file"), ["version": "1"])
            let edit = try await cadre.post(Self.unitPath(fixture, "/form"), Self.entry("补充材料", version: 1))
            // check
            #expect(late.status == .conflict && late.body.contains("“申报”已于2020年9月9日截止"))
            #expect(edit.status == .conflict && edit.body.contains("“申报”已于2020年9月9日截止"))
            #expect(try await FilingSetup.stored(app, applicationID).version == 1)
        }
    }

    @Test func anotherUnitsCadreFindsNothing() async throws {
        try await withTestApp { app in
            // setup: 甲公司工会's application filed; 丙公司工会's cadre signs in
            let fixture = try await Fixture.make(app)
            try await FilingSetup.application(app, fixture, state: .filed, rounds: 1)
            FilingSetup.setClock(app, "2020-08-29")
            let outsider = WebSession(app)
            try await outsider.signIn("outsider")
            try await outsider.get("/account")
            // act
            let answers = [
                try await outsider.get(Self.unitPath(fixture, "/form")),
                try await outsider.post(Self.unitPath(fixture, "/form"), Self.entry("改动", version: 1)),
                try await outsider.get(Self.unitPath(fixture, "/form/print")),
                try await outsider.get(Self.unitPath(fixture, "/form.docx")),
                try await outsider.post(Self.unitPath(fixture, "/file"), ["version": "1"]),
                try await outsider.post(Self.unitPath(fixture, "/return"), ["reason": "无", "version": "1"]),
                try await outsider.get(Self.unitPath(fixture, "/rounds/1")),
            ]
            // check
            #expect(answers.map(\.status) == Array(repeating: .notFound, count: 7))
            #expect(answers.allSatisfy { !$0.body.contains("甲公司工会") })
        }
    }

    @Test func aYizhengApplicationCarriesTheSameFactsUnderItsNames() async throws {
        try await withTestApp { app in
            // setup: 丙公司工会 in 仪征's 2019 campaign, three-star decided, on notice
            let fixture = try await Fixture.make(app)
            try await app.writes.perform { db in
                let campaign = try await CampaignModel.find(fixture.yizhengCampaign, on: db)!
                let unit = try await OrganisationModel.find(fixture.unionY, on: db)!
                let application = ApplicationStore.newApplication(campaignID: campaign.id!, unit: unit,
                                                                  pin: try CampaignStore.plan(of: campaign).scheme(for: .enterprise)!, at: Date())
                application.state = ApplicationState.onNotice.rawValue
                application.tier = "three-star"
                application.version = 1
                try await application.create(on: db)
            }
            FilingSetup.setClock(app, "2019-09-20")
            let cadre = WebSession(app)
            try await cadre.signIn("outsider")
            // act
            let page = try await cadre.get("/campaigns/\(Self.id(fixture.yizhengCampaign))/units/\(Self.id(fixture.unionY))/form")
            let print = try await cadre.get("/campaigns/\(Self.id(fixture.yizhengCampaign))/units/\(Self.id(fixture.unionY))/form/print")
            // check
            #expect(page.status == .ok && page.body.contains("主要工作（简明扼要1000字以内）") && page.body.contains(#"data-field="tier">三星级"#))
            #expect(print.body.contains("“新时代星级基层工会”申报登记表") && print.body.contains("镇（园区、系统）工会审核意见"))
            #expect(print.body.contains("市总工会推荐意见") && print.body.contains(#"data-field="unitName">丙公司工会"#))
        }
    }

    @Test(arguments: [
        ("申报登记表-甲公司工会.docx", "%E7%94%B3%E6%8A%A5%E7%99%BB%E8%AE%B0%E8%A1%A8-%E7%94%B2%E5%85%AC%E5%8F%B8%E5%B7%A5%E4%BC%9A.docx"),
        (#"a/b\c:"d".docx"#, "a_b_c__d_.docx"),
        ("line\r\nbreak; x=1.docx", "line__break%3B%20x%3D1.docx"),
    ])
    func theDownloadsNameIsSafe(name: String, encoded: String) {
        // act
        let header = OfficePackage.contentDisposition(fileName: name, fallback: "registration-form.docx")
        // check
        #expect(header == #"attachment; filename="registration-form.docx"; filename*=UTF-8''"# + encoded)
    }
}
