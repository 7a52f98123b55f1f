import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// 逐级审核盖章 through HTTP: the town's reviewer finds the filed application in their queue,
/// stamps it with an opinion and a date, and it goes up to the federation; a Yizheng town's stamp
/// fills the form's 镇（园区、系统）工会审核意见 box.
@Suite struct EndorsementTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static func unitPath(_ f: Fixture, _ suffix: String = "") -> String {
        "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))\(suffix)"
    }

    static func application(_ app: Application, campaign: UUID, unit: UUID) async throws -> ApplicationModel {
        try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaign).filter(\.$unitID == unit).first())
    }

    @Test func theTownsReviewerStampsAFiledApplicationFromTheQueue() async throws {
        try await withTestApp { app in
            // setup: 甲公司工会 filed on 2020-08-28 under 夏村镇; 2020-09-02
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-02"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .filed, rounds: 1)
            let reviewer = WebSession(app)
            try await reviewer.signIn("reviewer")
            // the queue: the application, its tier, self-score, evidence and the day before the inspection opens
            let queue = try await reviewer.get("/review")
            #expect(queue.status == .ok)
            #expect(queue.body.contains(#"<td><a href="\#(Self.unitPath(f, "/endorse"))">甲公司工会</a></td><td>2020年度“活力基层工会”星级创建</td><td>四星级</td><td class="num">85</td><td class="num">0</td><td>2020年8月31日</td></tr>"#),
                    "\(queue.body)")
            let page = try await reviewer.get(Self.unitPath(f, "/endorse"))
            #expect(page.status == .ok && page.body.contains("审核通过并盖章") && page.body.contains("待夏村镇总工会审核盖章。"))
            // act: an empty opinion is refused and names the field, nothing changes
            let empty = try await reviewer.post(Self.unitPath(f, "/endorse"), ["opinion": " ", "date": "2020-09-02", "version": "1"])
            #expect(empty.status == .unprocessableEntity && empty.body.contains("请填写审核意见。"))
            #expect(try await Self.application(app, campaign: f.rushanCampaign, unit: f.unionA).state == ApplicationState.filed.rawValue)
            let future = try await reviewer.post(Self.unitPath(f, "/endorse"), ["opinion": "同意上报。", "date": "2020-09-03", "version": "1"])
            #expect(future.status == .unprocessableEntity && future.body.contains("不晚于今天"))
            let stamped = try await reviewer.post(Self.unitPath(f, "/endorse"), ["opinion": "同意上报。", "date": "2020-09-02", "version": "1"])
            // check
            #expect(stamped.status == .seeOther && stamped.location == Self.unitPath(f, "/endorse?done=endorsed"))
            let application = try await Self.application(app, campaign: f.rushanCampaign, unit: f.unionA)
            #expect(application.state == ApplicationState.endorsed.rawValue && application.version == 2)
            let stamp = try #require(try await EndorsementModel.query(on: app.db).first())
            #expect(stamp.endorserID == f.xiacun && stamp.round == 1 && stamp.opinion == "同意上报。" && stamp.dated == "2020-09-02")
            let after = try await reviewer.get(Self.unitPath(f, "/endorse?done=endorsed"))
            #expect(after.body.contains("已审核盖章。") && after.body.contains("夏村镇总工会（2020年9月2日，测试reviewer（reviewer））：同意上报。"))
            #expect(!after.body.contains("审核通过并盖章"), "stamped once")
            #expect(!(try await reviewer.get("/review")).body.contains("甲公司工会"))
            // the Rushan form has no box for a town: its boxes stay empty
            let form = try CampaignStore.decode(RegistrationForm.self, try #require(application.formJSON))
            #expect(form.opinions[.districtFederation] == nil)
            let audit = try await CongressAndNoticeTests.auditRows(app).filter { $0.action == "application.endorsement" }
            #expect(audit.count == 1 && audit[0].after_json.contains("\"endorser\":\"夏村镇总工会\""))
            // a second stamp is refused: the application has moved on
            let again = try await reviewer.post(Self.unitPath(f, "/endorse"), ["opinion": "同意。", "date": "2020-09-02", "version": "2"])
            #expect(again.status == .conflict && again.body.contains("已逐级审核"))
        }
    }

    @Test func anotherTownsReviewerAndTheCadreFindNothingToStamp() async throws {
        try await withTestApp { app in
            // setup: a reviewer of 乳山口镇 (beside 夏村镇)
            app.clock = FixedClock(Fixture.chinaMorning("2020-09-02"))
            let f = try await Fixture.make(app)
            try await FilingSetup.application(app, f, state: .filed, rounds: 1)
            try await Self.reviewer(app, named: "rushankou-reviewer", at: f.rushankou)
            let other = WebSession(app)
            try await other.signIn("rushankou-reviewer")
            // act and check
            #expect(try await other.get(Self.unitPath(f, "/endorse")).status == .notFound)
            #expect(try await other.post(Self.unitPath(f, "/endorse"), ["opinion": "同意。", "date": "2020-09-02", "version": "1"]).status == .notFound)
            #expect(!(try await other.get("/review")).body.contains("甲公司工会"))
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            #expect(try await cadre.post(Self.unitPath(f, "/endorse"), ["opinion": "同意。", "date": "2020-09-02", "version": "1"]).status == .notFound)
            #expect(try await cadre.get("/review").status == .notFound)
            #expect(try await Self.application(app, campaign: f.rushanCampaign, unit: f.unionA).state == ApplicationState.filed.rawValue)
        }
    }

    /// 仪征: 向所在镇、园区、系统逐级审核盖章汇总后报至市总组织部 — the town's stamp fills the form's
    /// 镇（园区、系统）工会审核意见 box, and the print shows it.
    @Test func aYizhengTownsStampFillsItsBoxOnTheForm() async throws {
        try await withTestApp { app in
            // setup: 丙公司工会 filed by 2019-09-30 under 真州镇
            app.clock = FixedClock(Fixture.chinaMorning("2019-10-08"))
            let f = try await Fixture.make(app)
            try await app.writes.perform { db in
                let campaign = try await CampaignModel.find(f.yizhengCampaign, on: db)!
                let unit = try await OrganisationModel.find(f.unionY, on: db)!
                let pin = try CampaignStore.plan(of: campaign).scheme(for: .enterprise)!
                let application = ApplicationStore.newApplication(campaignID: campaign.id!, unit: unit, pin: pin, at: Date())
                application.state = ApplicationState.filed.rawValue
                application.tier = "three-star"
                application.selfTotal = "92"
                application.formJSON = CampaignStore.encode(RegistrationForm(unitName: "丙公司工会", tier: "三星级", chairName: "李强",
                                                                             phone: "0514-83421234", mainWork: "会员评家满意率95%。"))
                application.version = 1
                try await application.create(on: db)
            }
            try await Self.reviewer(app, named: "zhenzhou-reviewer", at: f.zhenzhou)
            let reviewer = WebSession(app)
            try await reviewer.signIn("zhenzhou-reviewer")
            let path = "/campaigns/\(Self.id(f.yizhengCampaign))/units/\(Self.id(f.unionY))"
            // act
            try await reviewer.get(path + "/endorse")
            let stamped = try await reviewer.post(path + "/endorse", ["opinion": "情况属实，同意推荐。", "date": "2019-10-08", "version": "1"])
            // check
            #expect(stamped.status == .seeOther)
            let application = try await Self.application(app, campaign: f.yizhengCampaign, unit: f.unionY)
            #expect(application.state == ApplicationState.endorsed.rawValue)
            let form = try CampaignStore.decode(RegistrationForm.self, try #require(application.formJSON))
            #expect(form.opinions[.districtFederation] == .init(text: "情况属实，同意推荐。", date: Fixture.day("2019-10-08"), by: "真州镇工会"))
            let print = try await reviewer.get(path + "/form/print")
            #expect(print.body.contains("镇（园区、系统）工会审核意见") && print.body.contains("情况属实，同意推荐。"))
        }
    }

    static func reviewer(_ app: Application, named name: String, at node: UUID) async throws {
        let hash = try Bcrypt.hash(Fixture.password, cost: app.security.bcryptCost)
        let actor = AuditDraft.Actor.commandLine("test fixture")
        try await app.writes.perform { db in
            let place = try await OrganisationModel.find(node, on: db)
            let user = try await AccountStore.create(username: name, displayName: "测试\(name)", organisationID: node,
                                                     passwordHash: hash, mustChangePassword: false, actor: actor, on: db)
            try await AccountStore.assign(.subFederationReviewer, at: place, to: user, actor: actor, on: db)
        }
    }
}
