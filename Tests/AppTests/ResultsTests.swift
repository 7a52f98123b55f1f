import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The results notice (评选结果公示), its objections and answers, naming (命名), the certificate, the
/// public record, the public list, the unit's page and the rewards list, through HTTP.
@Suite struct ResultsTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static func unitPath(_ f: Fixture) -> String { "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))" }

    /// 甲公司工会 decided at `tier` (inspected 85) on 2020-10-09, in 乳山's 2020 campaign.
    static func decided(_ app: Application, _ f: Fixture, tier: String = "four-star") async throws {
        let applicationID = try await FilingSetup.application(app, f, state: .decided, rounds: 1)
        try await app.writes.perform { db in
            let application = try await ApplicationModel.find(applicationID, on: db)!
            application.inspectedTotal = "85"
            application.decidedTier = tier
            application.decidedOn = "2020-10-09"
            application.decidedBy = "测试staff（staff）"
            try await application.update(on: db)
        }
    }

    static let token = "results-token-0123456789abcdef"
    static let objectionID = UUID(uuidString: "0b1ec710-0000-4000-8000-000000000001")!

    /// 甲公司工会 on the results notice 2020-10-13 to 2020-10-19 (its public page at `token`), with an
    /// unanswered objection when `objection`; the clock on `day`.
    static func onResults(_ app: Application, _ f: Fixture, day: String, objection: Bool) async throws {
        try await decided(app, f)
        app.clock = FixedClock(Fixture.chinaMorning(day))
        try await app.writes.perform { db in
            let application = try await ApplicationModel.query(on: db).filter(\.$unitID == f.unionA).first()!
            application.state = ApplicationState.onResultsNotice.rawValue
            application.resultsStart = "2020-10-13"
            application.resultsEnd = "2020-10-19"
            application.resultsToken = token
            try await application.update(on: db)
            if objection {
                let row = ObjectionModel()
                row.id = objectionID
                row.applicationID = application.id!
                row.lodgedAt = Fixture.chinaMorning("2020-10-14")
                row.text = "该单位职工书屋未开放。"
                row.senderHash = String(repeating: "0", count: 64)
                row.notice = ObjectionModel.results
                try await row.create(on: db)
            }
        }
    }

    /// 甲公司工会 named 四星级 on 2020-10-20, certificate 2020-2-0001.
    static func named(_ app: Application, _ f: Fixture) async throws {
        try await onResults(app, f, day: "2020-10-20", objection: false)
        try await app.writes.perform { db in
            let application = try await ApplicationModel.query(on: db).filter(\.$unitID == f.unionA).first()!
            application.state = ApplicationState.named.rawValue
            application.namedOn = "2020-10-20"
            application.namedBy = "测试staff（staff）"
            application.namedIssuer = "乳山市总工会"
            application.certificateNumber = "2020-2-0001"
            try await application.update(on: db)
        }
    }

    /// 丙公司工会 (51 members) decided 三星级 by 仪征 on 2019-11-01, and `yangzhou-staff`, 地市总工会工作人员 at 扬州市总工会.
    static func yizhengDecided(_ app: Application, _ f: Fixture) async throws {
        try await app.writes.perform { db in
            let campaign = try await CampaignModel.find(f.yizhengCampaign, on: db)!
            let unit = try await OrganisationModel.find(f.unionY, on: db)!
            unit.members = 51
            try await unit.update(on: db)
            let pin = try CampaignStore.plan(of: campaign).scheme(for: .enterprise)!
            let application = ApplicationStore.newApplication(campaignID: campaign.id!, unit: unit, pin: pin, at: Date())
            application.state = ApplicationState.decided.rawValue
            application.tier = "three-star"
            application.selfTotal = "92"
            application.inspectedTotal = "91"
            application.decidedTier = "three-star"
            application.decidedOn = "2019-11-01"
            application.version = 1
            try await application.create(on: db)
            let hash = try Bcrypt.hash(Fixture.password, cost: app.security.bcryptCost)
            let user = try await AccountStore.create(username: "yangzhou-staff", displayName: "扬州干部", organisationID: f.yangzhou,
                                                     passwordHash: hash, mustChangePassword: false, actor: .commandLine("test"), on: db)
            try await AccountStore.assign(.prefectureStaff, at: try await OrganisationModel.find(f.yangzhou, on: db), to: user,
                                          actor: .commandLine("test"), on: db)
        }
    }

    static func application(_ app: Application, _ f: Fixture) async throws -> ApplicationModel {
        try await EndorsementTests.application(app, campaign: f.rushanCampaign, unit: f.unionA)
    }

    @Test func rushanFourStarFromResultsNoticeThroughAnObjectionToItsCertificate() async throws {
        try await withTestApp { app in
            // setup: decided 四星; Monday 12 October 2020
            let f = try await Fixture.make(app)
            try await Self.decided(app, f)
            app.clock = FixedClock(Fixture.chinaMorning("2020-10-12"))
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let campaignResults = "/campaigns/\(Self.id(f.rushanCampaign))/results"
            let list = try await staff.get(campaignResults)
            #expect(list.status == .ok && list.body.contains(#"name="units[]" value="\#(Self.id(f.unionA))""#))
            // act: one results notice from Tuesday 13 October, five working days
            let started = try await staff.post(campaignResults, ["start": "2020-10-13", "units[]": Self.id(f.unionA)])
            // check
            #expect(started.status == .seeOther && started.location == campaignResults + "?done=started&count=1")
            var application = try await Self.application(app, f)
            #expect(application.state == ApplicationState.onResultsNotice.rawValue)
            #expect(application.resultsStart == "2020-10-13" && application.resultsEnd == "2020-10-19")
            let token = try #require(application.resultsToken)
            #expect(token != application.noticeToken)

            // a member objects on the public page, without an account
            app.clock = FixedClock(Fixture.chinaMorning("2020-10-14"))
            let member = WebSession(app)
            let publicPage = try await member.get("/notices/\(token)")
            #expect(publicPage.status == .ok && publicPage.body.contains("甲公司工会星级评定结果公示"))
            #expect(publicPage.body.contains("<dt>确定星级</dt><dd>四星级</dd>") && publicPage.body.contains("<dt>考核得分</dt><dd>85</dd>"))
            let lodged = try await member.post("/notices/\(token)/objections", ["text": "该单位职工书屋未开放。", "name": "李明"])
            #expect(lodged.status == .seeOther)
            let objection = try #require(try await ObjectionModel.query(on: app.db).filter(\.$notice == ObjectionModel.results).first())
            #expect(objection.text == "该单位职工书屋未开放。")

            // the union's own notice page does not show it; the results page does, to staff
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            #expect(!(try await cadre.get(Self.unitPath(f) + "/notice")).body.contains("职工书屋未开放"))
            let cadreResults = try await cadre.get(Self.unitPath(f) + "/results")
            #expect(cadreResults.status == .ok && !cadreResults.body.contains("职工书屋未开放"), "the objection is the staff's to read")
            let answerPath = Self.unitPath(f) + "/results/objections/\(Self.id(objection.id!))/answer"
            #expect(try await cadre.post(answerPath, ["answer": "已开放。"]).status == .notFound)
            try await staff.signIn("staff")  // a new day: the session of the 12th has lapsed
            // the staff's inbox has it, due on the notice's last day, linked to the results page
            let inbox = try await staff.get("/inbox")
            #expect(inbox.status == .ok && inbox.body.contains(Self.unitPath(f) + "/results") && inbox.body.contains("2020年10月19日"))
            let results = try await staff.get(Self.unitPath(f) + "/results")
            #expect(results.body.contains("该单位职工书屋未开放。") && results.body.contains("1条异议尚未答复，答复后方可命名。"))

            // naming waits for the notice to end, then for the answer
            let name = Self.unitPath(f) + "/name"
            application = try await Self.application(app, f)
            let early = try await staff.post(name, ["version": String(application.version)])
            #expect(early.status == .conflict && early.body.contains("结果公示至2020年10月19日结束，结束后方可命名。"))
            app.clock = FixedClock(Fixture.chinaMorning("2020-10-20"))
            try await staff.signIn("staff")
            try await cadre.signIn("cadre")
            try await staff.get(Self.unitPath(f) + "/results")
            let unanswered = try await staff.post(name, ["version": String(application.version)])
            #expect(unanswered.status == .conflict && unanswered.body.contains("还有1条对公示结果的异议未答复，答复后方可命名。"))
            try await staff.get(Self.unitPath(f) + "/results")
            let answered = try await staff.post(answerPath, ["answer": "经核查，职工书屋每周开放三天，已在公示栏说明。"])
            #expect(answered.status == .seeOther)
            #expect((try await member.get("/notices/\(token)")).body.contains("经核查，职工书屋每周开放三天，已在公示栏说明。"))

            // act: name it
            let page = try await staff.get(Self.unitPath(f) + "/results")
            #expect(page.body.contains(">命名</button>"))
            application = try await Self.application(app, f)
            let named = try await staff.post(name, ["version": String(application.version)])
            // check
            #expect(named.status == .seeOther)
            application = try await Self.application(app, f)
            #expect(application.state == ApplicationState.named.rawValue && application.namedOn == "2020-10-20")
            #expect(application.namedIssuer == "乳山市总工会" && application.certificateNumber == "2020-2-0001")
            #expect(try await CongressAndNoticeTests.auditRows(app).contains { $0.action == "application.name" })

            // the certificate: A4 landscape, the unit, tier, year, issuer, number, a QR code to the record
            let certificate = try await cadre.get(Self.unitPath(f) + "/certificate")
            #expect(certificate.status == .ok)
            #expect(certificate.body.contains("<p>甲公司工会：</p><p>经考核评定，被命名为2020年度四星级工会。</p>"))
            #expect(certificate.body.contains(#"<p class="cert-org">乳山市总工会</p><p>2020年10月20日</p><p class="cert-number">证书编号：2020-2-0001</p>"#))
            #expect(certificate.body.contains("<svg") && certificate.body.contains("/notices/\(token)</p>"))
            // the public record the QR code opens
            let record = try await member.get("/notices/\(token)")
            #expect(record.body.contains("甲公司工会星级工会命名记录") && record.body.contains("<dt>证书编号</dt><dd>2020-2-0001</dd>"))
            #expect(record.body.contains("<dt>命名单位</dt><dd>乳山市总工会</dd>") && !record.body.contains("objection-form"))
            // the public list, and the unit's own page
            let stars = try await member.get("/stars")
            #expect(stars.status == .ok && stars.body.contains(#"<a href="/notices/\#(token)">甲公司工会</a></td><td>四星级</td><td>乳山市总工会</td><td>2020-2-0001</td>"#))
            let unitPage = try await staff.get("/orgs/\(Self.id(f.unionA))")
            #expect(unitPage.body.contains("四星级（2020年度，乳山市总工会命名）"))
        }
    }

    /// The start date is checked before anything changes; a unit that is not decided is not offered.
    @Test func aBadStartChangesNothing() async throws {
        try await withTestApp { app in
            let f = try await Fixture.make(app)
            try await Self.decided(app, f)
            app.clock = FixedClock(Fixture.chinaMorning("2020-10-12"))
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let path = "/campaigns/\(Self.id(f.rushanCampaign))/results"
            try await staff.get(path)
            let past = try await staff.post(path, ["start": "2020-10-09", "units[]": Self.id(f.unionA)])
            #expect(past.status == .unprocessableEntity && past.body.contains("公示开始日期不能早于今天。"))
            let none = try await staff.post(path, ["start": "2020-10-13"])
            #expect(none.status == .unprocessableEntity && none.body.contains("请至少选择一个单位。"))
            let application = try await Self.application(app, f)
            #expect(application.state == ApplicationState.decided.rawValue && application.resultsToken == nil)
        }
    }

    /// Yizheng: 考核待最终确定推荐对象并公示五个工作日无异议后，于11月15日前向扬州市总工会推荐表彰 —
    /// 仪征 decides and runs the notice, 扬州 names (对于受到扬州市总表彰的…).
    @Test func yizhengTheCountyRunsTheNoticeAndYangzhouNames() async throws {
        try await withTestApp { app in
            // setup: 丙公司工会 decided 三星级 by 仪征 (51 members: no reduction); a 扬州 staff account
            let f = try await Fixture.make(app)
            try await Self.yizhengDecided(app, f)
            app.clock = FixedClock(Fixture.chinaMorning("2019-11-01"))
            let county = WebSession(app)
            try await county.signIn("yizheng-staff")
            let path = "/campaigns/\(Self.id(f.yizhengCampaign))/results"
            try await county.get(path)
            // a notice from the 11th would end on the 15th: refused, naming the date
            let late = try await county.post(path, ["start": "2019-11-11", "units[]": Self.id(f.unionY)])
            #expect(late.status == .unprocessableEntity && late.body.contains("2019年11月15日"))
            #expect(try await county.post(path, ["start": "2019-11-04", "units[]": Self.id(f.unionY)]).status == .seeOther)
            // act: after the notice, the county cannot name; 扬州 can
            app.clock = FixedClock(Fixture.chinaMorning("2019-11-11"))
            try await county.signIn("yizheng-staff")
            let unitPath = "/campaigns/\(Self.id(f.yizhengCampaign))/units/\(Self.id(f.unionY))"
            let countyPage = try await county.get(unitPath + "/results")
            #expect(countyPage.status == .ok && !countyPage.body.contains(">命名</button>"))
            try await county.get(path)
            #expect(try await county.post(path + "/name").status == .conflict)
            let yangzhou = WebSession(app)
            try await yangzhou.signIn("yangzhou-staff")
            try await yangzhou.get(path)
            let named = try await yangzhou.post(path + "/name")
            // check
            #expect(named.status == .seeOther && named.location == path + "?done=named&count=1")
            let application = try await EndorsementTests.application(app, campaign: f.yizhengCampaign, unit: f.unionY)
            #expect(application.state == ApplicationState.named.rawValue && application.namedIssuer == "扬州市总工会")
            #expect(application.certificateNumber == "2019-2-0001")
            // the rewards list: 6000元 for a three-star union of 51 members, and its spreadsheet
            let rewards = try await county.get("/campaigns/\(Self.id(f.yizhengCampaign))/rewards")
            #expect(rewards.status == .ok && rewards.body.contains("<td>丙公司工会</td><td>三星级</td><td>51</td>"))
            #expect(rewards.body.contains("<td>6000</td><td>6000</td>") && rewards.body.contains("奖励经费合计：6000元"))
            let csv = try await county.get("/campaigns/\(Self.id(f.yizhengCampaign))/rewards.csv")
            #expect(csv.status == .ok && csv.headers.first(name: .contentDisposition)?.contains("rewards-2019.csv") == true)
            #expect(csv.body.contains("丙公司工会,三星级,51,"))
        }
    }
}
