import Fluent
import Foundation
import SQLKit
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The congress decision and the unit's notice through HTTP, as the cadre, a member on the
/// public page and a visitor without an account: the seeds' dates, the vetoes, the warnings,
/// the objections and their limits.
@Suite struct CongressAndNoticeTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static func unitPath(_ f: Fixture) -> String { "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))" }

    static func rushanApplication(_ app: Application, _ f: Fixture) async throws -> ApplicationModel {
        try await ApplicationModel.query(on: app.db).filter(\.$campaignID == f.rushanCampaign).filter(\.$unitID == f.unionA).first()!
    }

    /// Every audit entry, oldest first.
    static func auditRows(_ app: Application) async throws -> [AuditLog.Row] {
        try await (app.db as! any SQLDatabase).select().column("*").from("audit_events").orderBy("sequence").all(decoding: AuditLog.Row.self)
    }

    /// A browser signed in as `account` (nil: a visitor without an account), from `address`,
    /// that has opened `path` (so its forms carry the page's token).
    static func browser(_ app: Application, as account: String?, address: String? = nil, opening path: String) async throws -> (WebSession, WebResponse) {
        let session = WebSession(app, address: address)
        if let account { try await session.signIn(account) }
        return (session, try await session.get(path))
    }

    /// 丙公司工会 self-assessing at 91 (三星) in 仪征's 2019 campaign, on 2019-09-23; its application's path.
    static func yizhengDrafting(_ app: Application, _ f: Fixture) async throws -> String {
        NoticeFixture.clock(app, "2019-09-23")
        try await NoticeFixture.application(app, campaign: f.yizhengCampaign, unit: f.unionY, state: .drafting, selfTotal: "91", selfTier: "three-star")
        return "/campaigns/\(id(f.yizhengCampaign))/units/\(id(f.unionY))"
    }

    static let congressFields = ["date": "2020-08-18", "kind": "representativesCongress", "expected": "60", "present": "52", "tier": "four-star"]

    // MARK: The congress decision

    @Test func rushanCongressRecordedOn18August() async throws {
        try await withTestApp { app in
            // setup: self-assessed at 82 (四星), on 2020-08-18
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanDrafting(app, f)
            let (cadre, form) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/congress")
            #expect(form.body.contains("当年未召开职工（代表）大会和工会会员（代表）大会"))
            #expect(form.body.contains(#"value="2020-08-18""#), "the date defaults to today")
            // act
            let response = try await cadre.postMultipart(Self.unitPath(f) + "/congress", Self.congressFields,
                                                         files: [("minutes", "职代会纪要.pdf", NoticeFixture.minutesPDF)])
            // check
            #expect(response.status == .seeOther)
            #expect(response.location == Self.unitPath(f) + "/congress?done=congress")
            let application = try await Self.rushanApplication(app, f)
            #expect(application.state == ApplicationState.congressDecided.rawValue)
            #expect(application.tier == "four-star")
            let decision = try CampaignStore.decode(CongressDecision.self, try #require(application.congressJSON))
            #expect(decision.date == Fixture.day("2020-08-18") && decision.kind == .representativesCongress)
            #expect(decision.expected == 60 && decision.present == 52)
            let minutes = try #require(try await EvidenceFileModel.query(on: app.db).filter(\.$applicationID == application.id!).first())
            #expect(minutes.item == 0 && minutes.type == "pdf" && decision.minutesEvidenceID == Self.id(minutes.id!))
            let page = try await cadre.get(Self.unitPath(f) + "/congress")
            #expect(page.body.contains("大会决定已记录。") == false, "no confirmation without ?done")
            #expect(page.body.contains("已记录的大会决定") && page.body.contains("应到60人，实到52人") && page.body.contains("四星级"))
            #expect(!page.body.contains("高于自评结果"), "82 reaches 四星: no warning")
            #expect(!page.body.contains("记录大会决定") && page.body.contains("更正大会决定"), "recorded once, then corrected")
            let download = try await cadre.get(Self.unitPath(f) + "/congress/minutes")
            #expect(download.status == .ok && download.body.hasPrefix("%PDF-1.4"))
            #expect(download.headers.first(name: .contentDisposition) == "attachment; filename=\"minutes.pdf\"")
            let applicationPage = try await cadre.get(Self.unitPath(f))
            #expect(applicationPage.body.contains("职工（代表）大会决定") && applicationPage.body.contains("公示与异议"))
            let audit = try await Self.auditRows(app).filter { $0.action == "application.recordCongressDecision" }
            #expect(audit.count == 1)
        }
    }

    /// A head count typed wrong is corrected before the notice: the same minutes stay, the audit
    /// trail keeps both; once the notice runs, the decision stands.
    @Test func theDecisionIsCorrectedUntilTheNoticeStarts() async throws {
        try await withTestApp { app in
            // setup: decided on 08-18 with 52 of 60 present
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanDrafting(app, f)
            let (cadre, _) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/congress")
            #expect(try await cadre.postMultipart(Self.unitPath(f) + "/congress", Self.congressFields,
                                                  files: [("minutes", "职代会纪要.pdf", NoticeFixture.minutesPDF)]).status == .seeOther)
            let recorded = try await Self.rushanApplication(app, f)
            let minutesID = try CampaignStore.decode(CongressDecision.self, try #require(recorded.congressJSON)).minutesEvidenceID
            // act: the form comes back filled with what was recorded; 56 were present, no new minutes
            let page = try await cadre.get(Self.unitPath(f) + "/congress")
            #expect(page.body.contains("更正大会决定") && page.body.contains(#"value="52""#) && page.body.contains("保留已上传的纪要"))
            var fields = Self.congressFields
            fields["present"] = "56"
            fields["version"] = String(recorded.version)
            let corrected = try await cadre.postMultipart(Self.unitPath(f) + "/congress", fields, files: [])
            // check
            #expect(corrected.status == .seeOther, "\(corrected.status)")
            let application = try await Self.rushanApplication(app, f)
            let decision = try CampaignStore.decode(CongressDecision.self, try #require(application.congressJSON))
            #expect(application.state == ApplicationState.congressDecided.rawValue && decision.present == 56)
            #expect(decision.minutesEvidenceID == minutesID)
            #expect(try await EvidenceFileModel.query(on: app.db).filter(\.$applicationID == application.id!).count() == 1)
            #expect(try await Self.auditRows(app).filter { $0.action == "application.recordCongressDecision" }.count == 2)
            // once the notice runs, the decision stands
            #expect(try await cadre.post(Self.unitPath(f) + "/notice", ["start": "2020-08-21", "version": String(application.version)]).status == .seeOther)
            fields["present"] = "58"
            fields["version"] = String(try await Self.rushanApplication(app, f).version)
            let late = try await cadre.postMultipart(Self.unitPath(f) + "/congress", fields, files: [])
            #expect(late.status == .conflict && late.body.contains("公示中"))
            #expect(try CampaignStore.decode(CongressDecision.self, try #require(try await Self.rushanApplication(app, f).congressJSON)).present == 56)
        }
    }

    @Test func vetoedUnionIsRefusedWithTheVetoNamed() async throws {
        try await withTestApp { app in
            // setup: the self-assessment answered a safety liability accident
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanDrafting(app, f, vetoes: ["当年发生安全生产责任事故"])
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            // act
            let page = try await cadre.get(Self.unitPath(f) + "/congress")
            let post = try await cadre.postMultipart(Self.unitPath(f) + "/congress", Self.congressFields,
                                                     files: [("minutes", "纪要.pdf", NoticeFixture.minutesPDF)])
            // check
            #expect(page.body.contains("存在一票否决情形（当年发生安全生产责任事故），不能申报任何星级。"))
            #expect(page.body.contains("自评中已答为存在"))
            #expect(!page.body.contains("记录大会决定"))
            #expect(post.status == .conflict)
            #expect(post.body.contains("存在一票否决情形（当年发生安全生产责任事故），不能申报任何星级。"))
            let application = try await Self.rushanApplication(app, f)
            #expect(application.state == ApplicationState.drafting.rawValue && application.congressJSON == nil)
            #expect(try await EvidenceFileModel.query(on: app.db).count() == 0)
        }
    }

    @Test func aTierAboveTheSelfScoreIsRecordedWithAWarning() async throws {
        try await withTestApp { app in
            // setup: 75 reaches 三星; the congress decides 四星, with 30 of 60 present
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanDrafting(app, f, selfTotal: "75", selfTier: "three-star")
            let (cadre, _) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/congress")
            var fields = Self.congressFields
            fields["present"] = "30"
            // act
            let post = try await cadre.postMultipart(Self.unitPath(f) + "/congress", fields,
                                                     files: [("minutes", "纪要.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) + Data("JFIF".utf8))])
            let page = try await cadre.get(Self.unitPath(f) + "/congress?done=congress")
            // check
            #expect(post.status == .seeOther)
            #expect(page.body.contains("大会决定已记录。"))
            #expect(page.body.contains("自评得分75分，只达到三星级；大会确定申报四星级（80分以上），高于自评结果。可以申报，但考核验收按实际得分确定星级。"))
            #expect(page.body.contains("实到30人，不足应到60人的三分之二。"))
            #expect(try await Self.rushanApplication(app, f).tier == "four-star")
        }
    }

    @Test func aBadCongressFormNamesEachFieldAndChangesNothing() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanDrafting(app, f)
            let (cadre, _) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/congress")
            var fields = Self.congressFields
            fields["present"] = "61"
            fields["date"] = "2020-08-19"
            // act: a web page named .pdf, more present than expected, a meeting tomorrow
            let bad = try await cadre.postMultipart(Self.unitPath(f) + "/congress", fields,
                                                    files: [("minutes", "纪要.pdf", Data("<html><body>not a pdf</body></html>".utf8))])
            let none = try await cadre.postMultipart(Self.unitPath(f) + "/congress", Self.congressFields, files: [])
            // check
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("实到人数不能多于应到人数。"))
            #expect(bad.body.contains("会议日期不能晚于今天"))
            #expect(bad.body.contains("文件内容不是 PDF、图片或 Office 文档"))
            #expect(bad.body.contains(#"value="61""#), "what was typed comes back")
            #expect(none.status == .unprocessableEntity && none.body.contains("请上传会议记录（纪要）。"))
            let application = try await Self.rushanApplication(app, f)
            #expect(application.state == ApplicationState.drafting.rawValue && application.version == 1)
            #expect(try await EvidenceFileModel.query(on: app.db).count() == 0)
        }
    }

    @Test func yizhengHasNoCongressStep() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            let path = try await Self.yizhengDrafting(app, f)
            // act
            let (_, page) = try await Self.browser(app, as: "outsider", opening: path + "/congress")
            // check
            #expect(page.status == .ok)
            #expect(page.body.contains("本次活动不设“职代会研究确定申报星级”。"))
            #expect(page.body.contains("本标准未规定一票否决情形。"))
        }
    }

    // MARK: Starting the notice

    @Test func rushanNoticeFrom21AugustEndsOn27August() async throws {
        try await withTestApp { app in
            // setup: decided on 08-18, today 08-20
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanDecided(app, f)
            let (cadre, form) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/notice")
            #expect(form.body.contains(#"value="2020-08-21""#), "tomorrow by default")
            // act
            let response = try await cadre.post(Self.unitPath(f) + "/notice", ["start": "2020-08-21", "version": "1"])
            // check
            #expect(response.status == .seeOther)
            #expect(response.location == Self.unitPath(f) + "/notice?done=notice")
            let application = try await Self.rushanApplication(app, f)
            #expect(application.state == ApplicationState.onNotice.rawValue)
            #expect(application.noticeStart == "2020-08-21" && application.noticeEnd == "2020-08-27")
            let token = try #require(application.noticeToken)
            #expect(token.count >= 40 && token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            let page = try await cadre.get(Self.unitPath(f) + "/notice?done=notice")
            #expect(page.body.contains("公示已开始。"))
            #expect(page.body.contains("2020年8月21日至2020年8月27日（5个工作日）"))
            #expect(page.body.contains("/notices/\(token)") && page.body.contains("<svg"))
        }
    }

    @Test func rushanNoticeFrom25AugustIsRefusedForEndingOnTheDeadline() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanDecided(app, f)
            let (cadre, _) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/notice")
            // act
            let response = try await cadre.post(Self.unitPath(f) + "/notice", ["start": "2020-08-25"])
            let past = try await cadre.post(Self.unitPath(f) + "/notice", ["start": "2020-08-19"])
            // check
            #expect(response.status == .conflict)
            #expect(response.body.contains("公示将于2020年8月31日结束，须早于申报截止日2020年8月31日；请提前开始公示。"))
            #expect(past.status == .unprocessableEntity && past.body.contains("公示开始日期不能早于今天。"))
            let application = try await Self.rushanApplication(app, f)
            #expect(application.state == ApplicationState.congressDecided.rawValue && application.noticeToken == nil)
        }
    }

    @Test func yizhengNoticeFrom24SeptemberEndsOnTheMakeUpSunday() async throws {
        try await withTestApp { app in
            // setup: no congress step; the tier is chosen with the notice (三星级: the unit holds 星级)
            let f = try await Fixture.make(app)
            try await Fixture.yizhengHoldsStar(app, f)
            let path = try await Self.yizhengDrafting(app, f)
            let (cadre, form) = try await Self.browser(app, as: "outsider", opening: path + "/notice")
            #expect(form.body.contains(#"name="tier""#) && form.body.contains("三星级"))
            // act
            let noTier = try await cadre.post(path + "/notice", ["start": "2019-09-24", "tier": "four-star"])
            let response = try await cadre.post(path + "/notice", ["start": "2019-09-24", "tier": "three-star"])
            // check
            #expect(noTier.status == .unprocessableEntity && noTier.body.contains("请选择本次活动开放的星级。"))
            #expect(response.status == .seeOther)
            let application = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == f.yizhengCampaign).filter(\.$unitID == f.unionY).first()!
            #expect(application.noticeStart == "2019-09-24" && application.noticeEnd == "2019-09-29")
            #expect(application.tier == "three-star" && application.state == ApplicationState.onNotice.rawValue)
            let page = try await cadre.get(path + "/notice")
            #expect(page.body.contains("2019年9月24日至2019年9月29日（5个工作日）"))
        }
    }

    // MARK: The public page

    @Test func thePublicPageIsReadableSignedOutWithItsQRCode() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanOnNotice(app, f)
            let visitor = WebSession(app)
            let port = try await app.testPort()
            let url = "http://127.0.0.1:\(port)/notices/\(NoticeFixture.token)"
            // act
            let page = try await visitor.get("/notices/\(NoticeFixture.token)")
            let printed = try await visitor.get("/notices/\(NoticeFixture.token)/print")
            let unknown = try await visitor.get("/notices/no-such-notice-token-0123456789")
            // check
            #expect(page.status == .ok)
            for fragment in ["甲公司工会", "四星级", "82", "2020年8月21日至2020年8月27日（5个工作日）", "2020年度“活力基层工会”星级创建",
                             "公示中，至2020年8月27日结束", "提交异议", #"name="website""#, url] {
                #expect(page.body.contains(fragment), "the public page lacks \(fragment)")
            }
            #expect(page.body.contains(try #require(NoticeQRCode(url)).svg(size: "11rem", label: "公示页面的二维码")), "the QR code of the page's address")
            #expect(!page.body.contains("工会会员大会的档案不全"), "objection texts are not public")
            #expect(page.headers.first(name: .cacheControl) == "private, no-store")
            #expect(printed.status == .ok && printed.body.contains("<svg") && !printed.body.contains("<form"))
            #expect(unknown.status == .notFound)
        }
    }

    @Test func theQRCodeIsAWellFormedSymbol() throws {
        // act
        let code = try #require(NoticeQRCode("https://unionstar.example.cn/notices/\(NoticeFixture.token)"))
        let svg = code.svg(label: "二维码 <test>")
        // check: the size of its version, and the three finder patterns (7×7, dark ring and centre)
        #expect(code.width == 17 + 4 * code.version)
        for (cx, cy) in [(0, 0), (code.width - 7, 0), (0, code.width - 7)] {
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = x == 0 || y == 0 || x == 6 || y == 6
                    let centre = (2...4).contains(x) && (2...4).contains(y)
                    #expect(code.isDark(x: cx + x, y: cy + y) == (ring || centre))
                }
            }
        }
        #expect(svg.hasPrefix("<svg") && svg.contains(#"viewBox="0 0 \#(code.width + 8) \#(code.width + 8)""#))
        #expect(svg.contains("二维码 &lt;test&gt;"))
    }

    // MARK: Objections

    @Test func anAnonymousObjectionReachesTheUnionButNotThePublic() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanOnNotice(app, f, objection: false)
            let (member, _) = try await Self.browser(app, as: nil, address: "203.0.113.7", opening: "/notices/\(NoticeFixture.token)")
            // act
            let response = try await member.post("/notices/\(NoticeFixture.token)/objections", ["text": "  职工书屋只有牌子，没有书。 ", "name": ""])
            // check
            #expect(response.status == .seeOther)
            #expect(response.location == "/notices/\(NoticeFixture.token)?done=objection")
            let row = try #require(try await ObjectionModel.query(on: app.db).first())
            #expect(row.text == "职工书屋只有牌子，没有书。" && row.name == nil)
            #expect(row.senderHash.count == 64 && !row.senderHash.contains("203.0.113.7"))
            let events = try await Self.auditRows(app)
            #expect(!events.contains { $0.address.contains("203.0.113.7") || $0.after_json.contains("203.0.113.7") }, "the address is never kept")
            #expect(events.contains { $0.action == "objection.lodge" })
            let confirmed = try await member.get("/notices/\(NoticeFixture.token)?done=objection")
            #expect(confirmed.body.contains("您的异议已提交，工会将作出答复。"))
            #expect(!confirmed.body.contains("职工书屋只有牌子"))
            let (_, page) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/notice")
            #expect(page.body.contains("职工书屋只有牌子，没有书。") && page.body.contains("提出人：匿名"))
            #expect(page.body.contains("1条异议尚未答复，答复后方可申报。"))
        }
    }

    @Test func theHoneypotIsRefused() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanOnNotice(app, f, objection: false)
            let (bot, _) = try await Self.browser(app, as: nil, address: "198.51.100.4", opening: "/notices/\(NoticeFixture.token)")
            // act
            let response = try await bot.post("/notices/\(NoticeFixture.token)/objections",
                                              ["text": "Cheap watches", "name": "bot", "website": "http://spam.example"])
            // check
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("提交未被受理"))
            #expect(try await ObjectionModel.query(on: app.db).count() == 0)
        }
    }

    @Test func theFourthObjectionOfADayFromOneSenderIsRefused() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanOnNotice(app, f, objection: false)
            let (member, _) = try await Self.browser(app, as: nil, address: "203.0.113.9", opening: "/notices/\(NoticeFixture.token)")
            let (other, _) = try await Self.browser(app, as: nil, address: "203.0.113.10", opening: "/notices/\(NoticeFixture.token)")
            let path = "/notices/\(NoticeFixture.token)/objections"
            // act
            var statuses: [HTTPResponseStatus] = []
            for n in 1...ObjectionInput.perSenderPerDay {
                statuses.append(try await member.post(path, ["text": "第\(n)条异议"]).status)
            }
            let fourth = try await member.post(path, ["text": "第4条异议"])
            let fromElsewhere = try await other.post(path, ["text": "另一位职工的异议"])
            NoticeFixture.clock(app, "2020-08-25")
            let nextDay = try await member.post(path, ["text": "次日的异议"])
            // check
            #expect(statuses == Array(repeating: .seeOther, count: ObjectionInput.perSenderPerDay))
            #expect(fourth.status == .tooManyRequests)
            #expect(fourth.body.contains("同一来源每天对同一公示最多提交3条异议，请明天再提交。"))
            #expect(fromElsewhere.status == .seeOther)
            #expect(nextDay.status == .seeOther)
            #expect(try await ObjectionModel.query(on: app.db).count() == 5)
        }
    }

    @Test func anEmptyObjectionIsSentBackWithTheField() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanOnNotice(app, f, objection: false)
            let (member, _) = try await Self.browser(app, as: nil, opening: "/notices/\(NoticeFixture.token)")
            // act
            let response = try await member.post("/notices/\(NoticeFixture.token)/objections", ["text": "  ", "name": "王某"])
            // check
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("请填写异议内容。") && response.body.contains(#"value="王某""#))
            #expect(try await ObjectionModel.query(on: app.db).count() == 0)
        }
    }

    @Test func lodgingAfterTheNoticeEndedIsRefused() async throws {
        try await withTestApp { app in
            // setup: the notice ran 08-21..27; today 08-28
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanOnNotice(app, f, today: "2020-08-28")
            let (member, page) = try await Self.browser(app, as: nil, opening: "/notices/\(NoticeFixture.token)")
            // act
            let response = try await member.post("/notices/\(NoticeFixture.token)/objections", ["text": "晚到的异议"])
            // check
            #expect(page.body.contains("公示已于2020年8月27日结束，不再受理异议。"))
            #expect(page.body.contains("共收到异议1条，已答复0条。"))
            #expect(!page.body.contains("提交异议"))
            #expect(response.status == .conflict)
            #expect(response.body.contains("该单位当前没有进行中的公示。"))
            #expect(try await ObjectionModel.query(on: app.db).count() == 1)
        }
    }

    @Test func theCadreAnswersAnObjection() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanOnNotice(app, f)
            let (cadre, _) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/notice")
            let path = Self.unitPath(f) + "/objections/\(Self.id(NoticeFixture.objectionID))/answer"
            // act
            let empty = try await cadre.post(path, ["answer": " "])
            let response = try await cadre.post(path, ["answer": "已核实：会员大会档案已补齐。"])
            let again = try await cadre.post(path, ["answer": "再答一次"])
            // check
            #expect(empty.status == .unprocessableEntity && empty.body.contains("请填写答复。"))
            #expect(response.status == .seeOther && response.location == Self.unitPath(f) + "/notice?done=answered")
            #expect(again.status == .conflict && again.body.contains("这条异议已经答复过了。"))
            let row = try #require(try await ObjectionModel.find(NoticeFixture.objectionID, on: app.db))
            #expect(row.answer == "已核实：会员大会档案已补齐。" && row.answeredBy == "测试cadre")
            let page = try await cadre.get(Self.unitPath(f) + "/notice")
            #expect(page.body.contains("已核实：会员大会档案已补齐。") && !page.body.contains("尚未答复"))
            #expect(try await Self.auditRows(app).filter { $0.action == "objection.answer" }.count == 1)
            // After the notice, the public page says it ended and shows the answer, not the objection.
            NoticeFixture.clock(app, "2020-08-28")
            let (_, publicPage) = try await Self.browser(app, as: nil, opening: "/notices/\(NoticeFixture.token)")
            #expect(publicPage.body.contains("共收到异议1条，工会已全部答复。"))
            #expect(publicPage.body.contains("已核实：会员大会档案已补齐。"))
            #expect(!publicPage.body.contains("工会会员大会的档案不全"))
        }
    }

    @Test func anotherUnitsObjectionCannotBeAnswered() async throws {
        try await withTestApp { app in
            // setup: 甲's objection, answered through 乙's address by 甲's cadre
            let f = try await Fixture.make(app)
            try await NoticeFixture.rushanOnNotice(app, f)
            let (cadre, _) = try await Self.browser(app, as: "cadre", opening: Self.unitPath(f) + "/notice")
            // act
            let response = try await cadre.post("/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionB))/objections/\(Self.id(NoticeFixture.objectionID))/answer",
                                                ["answer": "x"])
            // check
            #expect(response.status == .notFound)
            #expect(try await ObjectionModel.find(NoticeFixture.objectionID, on: app.db)?.answer == nil)
        }
    }
}
