import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The self-assessment through HTTP as the cadre and the viewers use it: saving, the score from
/// the pinned scheme, bad values, two people at once, drafts. One test at a time: each holds an
/// app and its database connections, and the suite on PostgreSQL shares one server's connection limit.
@Suite(.serialized) struct SelfAssessmentTests {
    typealias F = SelfAssessmentFixture

    /// Signs the cadre in and opens the page (for its token, version and base).
    func openAsCadre(_ app: Application, _ fixture: Fixture, account: String = "cadre") async throws -> (WebSession, WebResponse) {
        let browser = WebSession(app, address: "10.0.0.\(account.count)")
        try await browser.signIn(account)
        let page = try await browser.get(F.page(fixture))
        return (browser, page)
    }

    @Test func cadreSavesAnswersAndSeesTheExactTotal() async throws {
        try await withTestApp { app in
            // setup: a compliant union but for ③未按期换届 (−2 on item 1), a membership rate of 88.5%
            // (whole points short: −1 on item 5) and no signboard (−0.5 on item 4): 96.5, five stars
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            let (browser, page) = try await openAsCadre(app, fixture)
            #expect(page.status == .ok)
            var form = F.templateForm(app, ["fact:election_on_schedule": "false", "fact:membership_rate": "88.5",
                                            "fact:registration_and_premises:signboard": "", "note:1": "2019年换届推迟至2021年"])
            form.merge(F.formState(page.body)) { _, state in state }
            // act
            let saved = try await browser.post(F.page(fixture), form)
            let shown = try await browser.get(saved.location ?? "")
            // check
            #expect(saved.status == .seeOther)
            #expect(saved.location == F.page(fixture) + "?done=saved")
            #expect(shown.body.contains("96.5 分（满分 100 分）"))
            #expect(shown.body.contains("五星级"))
            #expect(F.item(1, in: shown.body).contains("③未按期换届扣2分 −2"))
            #expect(F.item(1, in: shown.body).contains("本项得分 3 / 5"))
            #expect(F.item(5, in: shown.body).contains("①入会率每少一个百分点扣1分，扣完为止（88.5，少1.5） −1"))
            #expect(F.item(4, in: shown.body).contains("每缺一项扣0.5分，扣完为止。（缺：有牌子） −0.5"))
            #expect(F.item(1, in: shown.body).contains("2019年换届推迟至2021年"))
            #expect(shown.body.contains("全部作答完毕。"))
            let stored = try #require(try await F.application(app, unit: fixture.unionA))
            #expect(stored.selfTotal == "96.5")
            #expect(stored.selfTier == "five-star")
            #expect(stored.vetoesJSON == "[]")
            #expect(stored.version == 2)
            #expect(stored.notesJSON.contains("2019年换届推迟至2021年"))
            // The application page shows the self-score and links here.
            let application = try await browser.get(SiteRoute.application(campaign: fixture.rushanCampaign, unit: fixture.unionA).path)
            #expect(application.body.contains("96.5"))
            #expect(application.body.contains("href=\"\(F.page(fixture))\""))
        }
    }

    @Test func aPartialSaveKeepsNoTotalAndSaysWhatIsOpen() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            let (browser, page) = try await openAsCadre(app, fixture)
            // act: one answer only, a veto among them
            let saved = try await browser.post(F.page(fixture), F.formState(page.body).merging(["fact:safety_liability_accident": "true"]) { a, _ in a })
            let shown = try await browser.get(F.page(fixture))
            // check
            #expect(saved.status == .seeOther)
            let stored = try #require(try await F.application(app, unit: fixture.unionA))
            #expect(stored.selfTotal == nil)
            #expect(stored.vetoesJSON == #"["当年发生安全生产责任事故"]"#)
            #expect(shown.body.contains("项未作答：总分为暂计"))
            #expect(shown.body.contains("存在一票否决情形"))
            #expect(F.item(9, in: shown.body).contains("②当年发生安全生产责任事故，扣6分。 −6"))
        }
    }

    @Test func viewersReadItAndCannotChangeIt() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            let (cadre, page) = try await openAsCadre(app, fixture)
            try await cadre.post(F.page(fixture), F.templateForm(app, ["fact:election_on_schedule": "false"]).merging(F.formState(page.body)) { _, b in b })
            let reviewer = WebSession(app, address: "10.0.1.1")
            try await reviewer.signIn("reviewer")
            // act
            let shown = try await reviewer.get(F.page(fixture))
            let refused = try await reviewer.post(F.page(fixture), ["version": "2", "fact:election_on_schedule": "true"])
            // check
            #expect(shown.status == .ok)
            #expect(shown.body.contains("您可以查看本单位的自查自评，但不能修改。"))
            #expect(!shown.body.contains("name=\"fact:election_on_schedule\""))
            #expect(F.item(1, in: shown.body).contains("按期换届选举</span> <span class=\"sa-answer\">否"))
            #expect(refused.status == .notFound)
            #expect(try await F.application(app, unit: fixture.unionA)?.version == 2)
        }
    }

    @Test func afterTheWindowClosesThePageSaysWhy() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-16"))
            let (browser, page) = try await openAsCadre(app, fixture)
            // act
            let refused = try await browser.post(F.page(fixture), ["version": "1", "fact:election_on_schedule": "true"])
            // check
            #expect(page.body.contains("现在不能修改：“自查自评”已于2020年8月15日截止"))
            #expect(!page.body.contains(#"<button type="submit" form="sa-form""#))
            #expect(refused.status == .conflict)
            #expect(try await F.application(app, unit: fixture.unionA)?.version == 1)
        }
    }

    @Test func aBadPercentageIsRefusedNamingTheFieldAndNothingChanges() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            let (browser, page) = try await openAsCadre(app, fixture)
            let state = F.formState(page.body)
            // act
            let percentage = try await browser.post(F.page(fixture), F.templateForm(app, ["fact:membership_rate": "120", "note:3": "保留我的说明"])
                .merging(state) { _, b in b })
            let count = try await browser.post(F.page(fixture), F.templateForm(app, ["fact:competitions": "三次"]).merging(state) { _, b in b })
            // check
            #expect(percentage.status == .unprocessableEntity)
            #expect(percentage.body.contains("第5项“职工入会率（%）”：是百分比，须在 0 至 100 之间，而填了 120。"))
            #expect(percentage.body.contains("value=\"120\""))
            #expect(percentage.body.contains("保留我的说明"))
            #expect(count.status == .unprocessableEntity)
            #expect(count.body.contains("第6项“当年开展职工劳动竞赛或技术比武活动的次数”：是次数，须填数字。"))
            let stored = try #require(try await F.application(app, unit: fixture.unionA))
            #expect(stored.version == 1)
            #expect(stored.answersJSON == #"{"facts":{}}"#)
            #expect(stored.selfTotal == nil)
        }
    }

    @Test func aStaleSaveIsRefusedShowingBothValuesAndKeepingTheInput() async throws {
        try await withTestApp { app in
            // setup: two cadres of 甲公司工会 open the page at version 1
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            let (first, firstPage) = try await openAsCadre(app, fixture, account: "cadre")
            let (second, secondPage) = try await openAsCadre(app, fixture, account: "target")
            // the first saves: 未按期换届, with a note on item 1
            let won = try await first.post(F.page(fixture), F.formState(firstPage.body).merging(
                ["fact:election_on_schedule": "false", "note:1": "甲的说明", "fact:competitions": "2"]) { a, _ in a })
            #expect(won.status == .seeOther)
            // act: the second, still on version 1, answers the same question the other way and
            // writes a note of its own on item 2
            let stale = try await second.post(F.page(fixture), F.formState(secondPage.body).merging(
                ["fact:election_on_schedule": "true", "note:2": "乙的说明"]) { a, _ in a })
            // check: refused, nothing overwritten
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("没有保存：他人已先保存"))
            let stored = try #require(try await F.application(app, unit: fixture.unionA))
            #expect(stored.version == 2)
            #expect(stored.answersJSON.contains(#""election_on_schedule":false"#))
            #expect(!stored.notesJSON.contains("乙的说明"))
            // both values side by side for the question both answered; the other's changes listed
            #expect(stale.body.contains(#"<td>第1项 · 按期换届选举</td><td class="sa-theirs">否</td><td class="sa-yours">是</td><td>您的</td>"#))
            #expect(stale.body.contains(#"<td>第1项 · 说明</td><td class="sa-theirs">甲的说明</td><td class="sa-yours">（空）</td><td>对方的</td>"#))
            // the form keeps what the second typed, takes the other's changes it did not touch,
            // and is now on version 2
            #expect(F.item(1, in: stale.body).contains(#"name="fact:election_on_schedule" value="true" checked"#))
            #expect(F.item(2, in: stale.body).contains("乙的说明"))
            #expect(F.item(1, in: stale.body).contains("甲的说明"))
            #expect(F.item(6, in: stale.body).contains(#"value="2""#))
            #expect(F.formState(stale.body)["version"] == "2")
            // act again: saving the merged form now succeeds
            let again = try await second.post(F.page(fixture), [
                "version": "2", "base": F.formState(stale.body)["base"]!, "fact:election_on_schedule": "true",
                "note:1": "甲的说明", "note:2": "乙的说明", "fact:competitions": "2",
            ])
            #expect(again.status == .seeOther)
            let merged = try #require(try await F.application(app, unit: fixture.unionA))
            #expect(merged.notesJSON.contains("甲的说明") && merged.notesJSON.contains("乙的说明"))
        }
    }

    @Test func aSaveAfterSomeoneElseOnlyUploadedGoesThrough() async throws {
        try await withTestApp { app in
            // setup: the page is open at version 1; another cadre uploads a file (version 2)
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            F.temporaryEvidence(app)
            let (first, page) = try await openAsCadre(app, fixture, account: "cadre")
            let (second, _) = try await openAsCadre(app, fixture, account: "target")
            let uploaded = try await F.upload(second, SiteRoute.uploadEvidence(campaign: fixture.rushanCampaign, unit: fixture.unionA, item: 3).path,
                                              F.pdf, filename: "审计报告.pdf")
            #expect(uploaded.status == .seeOther)
            // act: the answers were not touched by the other, so the save is made
            let saved = try await first.post(F.page(fixture), F.formState(page.body).merging(["fact:election_on_schedule": "false"]) { a, _ in a })
            // check
            #expect(saved.status == .seeOther)
            #expect(try await F.application(app, unit: fixture.unionA)?.version == 3)
        }
    }

    @Test func theDraftReturnsTheNewVersionAndScore() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            let (browser, page) = try await openAsCadre(app, fixture)
            var fields = F.templateForm(app, ["fact:election_on_schedule": "false"]).merging(F.formState(page.body)) { _, b in b }
            fields["_csrf"] = nil
            // act: as the page's script sends it, the token in the header
            let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                                        "X-CSRF-Token": browser.lastToken ?? ""]
            let draft = try await browser.request(.POST, SiteRoute.selfAssessmentDraft(campaign: fixture.rushanCampaign, unit: fixture.unionA).path,
                                                  headers: headers, body: ByteBuffer(string: WebSession.encode(fields)))
            let stale = try await browser.request(.POST, SiteRoute.selfAssessmentDraft(campaign: fixture.rushanCampaign, unit: fixture.unionA).path,
                                                  headers: headers, body: ByteBuffer(string: WebSession.encode(
                                                    fields.merging(["fact:election_on_schedule": "true"]) { _, b in b })))
            // check
            #expect(draft.status == .ok)
            struct Reply: Decodable {
                struct Summary: Decodable { var total: String; var totalText: String; var tier: String }
                struct Item: Decodable { var number: Int; var score: String; var applied: [String] }
                var saved: Bool
                var version: Int
                var summary: Summary
                var items: [Item]
                var notAsked: [String]
            }
            let reply = try JSONDecoder().decode(Reply.self, from: Data(draft.body.utf8))
            #expect(reply.saved)
            #expect(reply.version == 2)
            #expect(reply.summary.total == "98")
            #expect(reply.summary.tier == "五星级")
            #expect(reply.items.first?.applied == ["③未按期换届扣2分 −2"])
            #expect(reply.items.first?.score == "3")
            #expect(reply.notAsked.isEmpty)
            #expect(try await F.application(app, unit: fixture.unionA)?.selfTotal == "98")
            // the same base again, now stale and changing a value the draft saved: refused
            #expect(stale.status == .conflict)
            #expect(stale.body.contains(#""conflict":true"#))
            #expect(try await F.application(app, unit: fixture.unionA)?.version == 2)
        }
    }

    @Test func questionsThatDoNotApplyAreMarkedAndIgnored() async throws {
        try await withTestApp { app in
            // setup: no insurance joined, yet a rate typed (not asked, so not scored: only the 4 of 未参加 go)
            let fixture = try await Fixture.make(app)
            try await F.startDrafting(app, fixture)
            let (browser, page) = try await openAsCadre(app, fixture)
            let form = F.templateForm(app, ["fact:mutual_insurance_joined": "false", "fact:mutual_insurance_rate": "10"])
                .merging(F.formState(page.body)) { _, b in b }
            // act
            try await browser.post(F.page(fixture), form)
            let shown = try await browser.get(F.page(fixture))
            // check
            let item = F.item(18, in: shown.body)
            #expect(item.contains(#"data-fact="mutual_insurance_rate" data-asked="false""#))
            #expect(item.contains("仅当“参加了工会会员爱心互助补充医疗保险”为“是”时作答。"))
            #expect(item.contains("本项得分 0 / 4"))
            #expect(item.contains(#"<ul data-applied="18" lang="zh-CN"><li>未参加工会会员爱心互助补充医疗保险扣4分 −4</li></ul>"#))
            #expect(try await F.application(app, unit: fixture.unionA)?.selfTotal == "96")
        }
    }

    @Test func theScoreComesFromThePinnedSchemeNotTheCatalogue() async throws {
        try await withTestApp { app in
            // setup: a campaign pinned to a text of the enterprise standard whose ③未按期换届 takes 3
            let fixture = try await Fixture.make(app)
            let (catalogued, text) = try #require(app.catalogue.pin("rushan-2020-enterprise"))
            let original = """
                          - kind: deduct
                            points: 2
                            when: {fact: election_on_schedule, is: false}
                """
            let changed = original.replacingOccurrences(of: "points: 2", with: "points: 3")
            #expect(text.contains(original))
            let modified = text.replacingOccurrences(of: original, with: changed)
            var modifiedPin = catalogued
            modifiedPin.contentHash = SchemeCatalogue.sha256(modified)
            let pin = modifiedPin
            let campaign = try await app.writes.perform { db in
                let owner = try await OrganisationModel.find(fixture.xiacun, on: db)!
                let plan = CampaignPlan(year: 2020, owner: owner.treePath, schemes: [.enterprise: pin],
                                        dates: CampaignDates.defaults(from: app.catalogue.scheme("rushan-2020-enterprise")!.timeline, year: 2020),
                                        participationTarget: 85, tiersOnOffer: ["three-star", "four-star", "five-star"])
                return try await CampaignStore.create(title: "夏村镇试点", owner: owner, plan: plan,
                                                      texts: [pin.contentHash: .init(schemeID: pin.schemeID, version: pin.version, text: modified)],
                                                      actor: .commandLine("test"), on: db)
            }
            try await F.startDrafting(app, fixture, campaign: campaign)
            let browser = WebSession(app)
            try await browser.signIn("cadre")
            let path = F.page(fixture, campaign: campaign)
            let page = try await browser.get(path)
            // act
            let saved = try await browser.post(path, F.templateForm(app, ["fact:election_on_schedule": "false"]).merging(F.formState(page.body)) { _, b in b })
            let shown = try await browser.get(path)
            // check: 100 − 3, not the catalogue's 100 − 2
            #expect(saved.status == .seeOther)
            #expect(shown.body.contains("97 分（满分 100 分）"))
            #expect(F.item(1, in: shown.body).contains("③未按期换届扣2分 −3"))
            #expect(shown.body.contains(String(pin.contentHash.prefix(12))))
            #expect(try await F.application(app, unit: fixture.unionA, campaign: campaign)?.selfTotal == "97")
        }
    }

    @Test func fiftyUnitsSavingAtOnceAllSucceed() async throws {
        try await withTestApp { app in
            // setup: 50 unions under 夏村镇总工会, each with its cadre signed in and its self-assessment started
            let fixture = try await Fixture.make(app)
            let count = 50
            let hash = try Bcrypt.hash(Fixture.password, cost: app.security.bcryptCost)
            let units: [UUID] = try await app.writes.perform { db in
                let xiacun = try await OrganisationModel.find(fixture.xiacun, on: db)!
                var units: [UUID] = []
                for index in 0..<count {
                    let profile = try OrganisationProfile(name: "并发\(index)号公司工会", level: .grassroots, kind: .enterprise, members: 30, employees: 40)
                        .validated().get()
                    let unit = try await OrganisationStore.create(profile, under: xiacun, actor: .commandLine("test"), on: db)
                    let user = try await AccountStore.create(username: "cadre\(index)", displayName: "并发\(index)", organisationID: unit.id,
                                                             passwordHash: hash, mustChangePassword: false, actor: .commandLine("test"), on: db)
                    try await AccountStore.assign(.unionCadre, at: unit, to: user, actor: .commandLine("test"), on: db)
                    units.append(unit.id!)
                }
                return units
            }
            for unit in units { try await F.startDrafting(app, fixture, unit: unit) }
            var browsers: [(WebSession, [String: String])] = []
            for (index, unit) in units.enumerated() {
                let browser = WebSession(app, address: "10.1.\(index / 200).\(index % 200 + 1)")
                try await browser.signIn("cadre\(index)")
                let page = try await browser.get(F.page(fixture, unit: unit))
                #expect(page.status == .ok)
                let form = F.templateForm(app, ["fact:election_on_schedule": "false", "note:1": "第\(index)号"])
                    .merging(F.formState(page.body)) { _, b in b }
                browsers.append((browser, form))
            }
            // act: every cadre presses Save at the same moment
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for ((browser, form), unit) in zip(browsers, units) {
                    group.addTask { try await browser.post(F.page(fixture, unit: unit), form).status }
                }
                var statuses: [HTTPResponseStatus] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            // check: every save answered and stored, the audit chain whole
            #expect(statuses.count == count)
            #expect(statuses.allSatisfy { $0 == .seeOther }, "\(statuses.filter { $0 != .seeOther })")
            let stored = try await ApplicationModel.query(on: app.db).filter(\.$unitID ~~ units).all()
            #expect(stored.count == count)
            #expect(stored.allSatisfy { $0.selfTotal == "98" && $0.version == 2 })
            #expect(Set(stored.map(\.notesJSON)).count == count)
            _ = try await AuditLog.verify(on: app.db)
        }
    }
}
