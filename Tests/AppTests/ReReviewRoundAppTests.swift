import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Re-review (复查) rounds through HTTP: opened beside the year's campaign on the units the scheme's
/// policy names, each unit's self-check, inspection, the outcome the rule computes recorded by the
/// policy's level, the public reasons, the earlier assessment beside the new one; and the yearly
/// self-check of the other named units.
@Suite struct ReReviewRoundAppTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// `unit` named at `tier` in `campaign` (self-assessed on the template's answers, inspected `inspected`).
    static func named(_ app: Application, campaign: UUID, unit: UUID, scheme: String, tier: String, inspected: String, on day: String) async throws -> UUID {
        let scorer = app.catalogue.scorer(scheme)!
        let (pin, _) = app.catalogue.pin(scheme)!
        return try await app.writes.perform { db in
            let unitModel = try await OrganisationModel.find(unit, on: db)!
            let application = ApplicationStore.newApplication(campaignID: campaign, unit: unitModel, pin: pin, at: Date())
            application.answersJSON = CampaignStore.encode(scorer.templateAnswers())
            application.selfTotal = "100"
            application.tier = tier
            application.state = ApplicationState.named.rawValue
            application.inspectedTotal = inspected
            application.decidedTier = tier
            application.decidedOn = day
            application.namedOn = day
            application.namedIssuer = "乳山市总工会"
            application.resultsToken = "named-" + UUID().uuidString.lowercased()
            application.version = 9
            try await application.create(on: db)
            return application.id!
        }
    }

    static func campaign(_ app: Application, owner: UUID, year: Int, schemes: [UnionKind: String]) async throws -> UUID {
        try await app.writes.perform { db in
            try await Fixture.openCampaign(app, owner: owner, year: year, title: "\(year)年度星级创建", schemes: schemes, preApplication: nil, on: db)
        }
    }

    /// Every item of `scheme` scored so that the total is `total`: items at their maximum in order
    /// while they fit, the rest of the points on the next, then nothing.
    static func inspection(_ app: Application, scheme: String, total: Int, visited: String) -> [String: String] {
        var fields = ["visitedOn": visited, "peopleMet": "工会主席、职工代表5人", "findings": "部分台账缺失，职工书屋未开放。", "version": "0",
                      "methods[0]": "records"]
        var left = Points(total)
        for item in app.catalogue.scheme(scheme)!.items {
            let given = min(item.max, left)
            fields["items[\(item.number)]"] = given.description
            left -= given
        }
        return fields
    }

    @Test func rushanReReviewsIn2020ItsUnitsNamedIn2018AndWeihaiDowngradesWithAPublicReason() async throws {
        try await withTestApp { app in
            // setup: 甲 named 四星级 in 2018, 乙 三星级 in 2019; an inspector of 乳山 (no conflict)
            let clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            app.clock = clock
            let f = try await Fixture.make(app)
            let rushanSchemes: [UnionKind: String] = [.enterprise: "rushan-2020-enterprise", .regional: "rushan-2020-regional"]
            let c2018 = try await Self.campaign(app, owner: f.rushan, year: 2018, schemes: rushanSchemes)
            let c2019 = try await Self.campaign(app, owner: f.rushan, year: 2019, schemes: rushanSchemes)
            let earlierA = try await Self.named(app, campaign: c2018, unit: f.unionA, scheme: "rushan-2020-enterprise", tier: "four-star",
                                                inspected: "88", on: "2018-10-20")
            _ = try await Self.named(app, campaign: c2019, unit: f.unionB, scheme: "rushan-2020-enterprise", tier: "three-star",
                                     inspected: "75", on: "2019-10-20")
            let inspectorID = try await CampaignPart2WalkTests.account(app, "rushan-inspector", .inspector, home: f.rushan, scope: f.rushan)
            let rounds = "/campaigns/\(Self.id(f.rushanCampaign))/rereview"

            // act: 威海's staff read who is due and open the re-review (威海市总工会…今年将对2018年获评的单位进行复查)
            let weihai = WebSession(app)
            try await weihai.signIn("prefecture")
            let page = try await weihai.get(rounds)
            // check: 甲 (2018) is due for re-review; 乙 (2019) does the yearly self-check instead
            #expect(page.status == .ok)
            let reReviewPart = try #require(page.body.components(separatedBy: "<h2>年度自查</h2>").first)
            #expect(reReviewPart.contains("甲公司工会") && reReviewPart.contains("<td>2018</td><td>四星级</td><td>四星级</td>"))
            #expect(!reReviewPart.contains("乙公司工会"))
            #expect(page.body.contains("乙公司工会") && page.body.contains("<td>2019</td><td>三星级</td><td>三星级</td>"))
            // a union cadre cannot reach it
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            #expect(try await cadre.get(rounds).status == .notFound)

            let opened = try await weihai.post(rounds, ["kind": "reReview"])
            #expect(opened.status == .seeOther)
            let round = try #require(try await CampaignModel.query(on: app.db).filter(\.$kind == CampaignKind.reReview.rawValue).first())
            #expect(round.year == 2020 && round.title == "2020年复查（2018年获评单位）" && round.ownerID == f.rushan)
            #expect(opened.headers.first(name: .location) == "/campaigns/\(Self.id(round.id!))?done=round-opened")
            // the round's page lists its units and its own steps, not the award's participation, notice or filing
            let roundPage = try await weihai.get("/campaigns/\(Self.id(round.id!))")
            #expect(roundPage.body.contains("<h2>本轮单位 · 乳山市总工会</h2>"))
            #expect(roundPage.body.contains(#"<th><a href="/campaigns/\#(Self.id(round.id!))/units/\#(Self.id(f.unionA))">甲公司工会</a></th><td>自查自评中</td>"#))
            #expect(roundPage.body.contains("<dt>自查自评</dt>") && roundPage.body.contains("<dt>督导检查（考核验收）</dt>"))
            #expect(!roundPage.body.contains("职代会研究确定申报星级") && !roundPage.body.contains("尚未开始的单位")
                    && !roundPage.body.contains("可申报星级") && !roundPage.body.contains("乙公司工会"))
            let path = "/campaigns/\(Self.id(round.id!))/units/\(Self.id(f.unionA))"
            func application() async throws -> ApplicationModel {
                try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == round.id!).filter(\.$unitID == f.unionA).first())
            }
            var current = try await application()
            #expect(current.state == ApplicationState.drafting.rawValue && current.earlierApplicationID == earlierA && current.tier == "four-star")
            #expect(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == round.id!).count() == 1)
            // opening again takes nobody more: refused, nothing changes
            try await weihai.get(rounds)
            let again = try await weihai.post(rounds, ["kind": "reReview"])
            #expect(again.status == .conflict && again.body.contains("没有需要复查的单位"))

            // the union's inbox asks for the self-check by the self-check window's end (8月份进行自查: 08-15)
            let cadreInbox = try await cadre.get("/inbox")
            #expect(cadreInbox.body.contains(#"<a href="\#(path)">完成并提交自查</a></td><td data-label="申报单位">甲公司工会</td>"#))
            #expect(cadreInbox.body.contains("2020年8月15日"))
            // the union's self-check, on the scheme in force, handed in
            try await cadre.get(path)
            let form = try await cadre.get(path + "/self-assessment")
            let scorer = app.catalogue.scorer("rushan-2020-enterprise")!
            var answers = SelfAssessmentFields(answers: scorer.templateAnswers(), notes: [:], scheme: scorer.scheme).values.filter { !$0.value.isEmpty }
            for (name, value) in SelfAssessmentFixture.formState(form.body) { answers[name] = value }
            #expect(try await cadre.post(path + "/self-assessment", answers).status == .seeOther)
            let applicationPage = try await cadre.get(path)
            #expect(applicationPage.body.contains("提交自查") && applicationPage.body.contains("与获评时对比"))
            let handedIn = try await cadre.post(path + "/self-check", ["version": String(try await application().version)])
            #expect(handedIn.status == .seeOther)
            #expect(try await application().state == ApplicationState.selfChecked.rawValue)

            #expect(!(try await cadre.get("/inbox")).body.contains("完成并提交自查"))
            // inspection in September, as for an application: 75 points
            clock.set(Fixture.chinaMorning("2020-09-07"))
            let county = WebSession(app)
            try await county.signIn("staff")
            #expect(try await county.get("/inbox").body.contains(#"<a href="\#(path)/inspectors">指派考核人员</a></td><td data-label="申报单位">甲公司工会</td>"#))
            try await county.get(path + "/inspectors")
            #expect(try await county.post(path + "/inspectors", ["inspector": Self.id(inspectorID), "version": String(try await application().version)]).status == .seeOther)
            let inspector = WebSession(app)
            try await inspector.signIn("rushan-inspector")
            try await inspector.get(path + "/inspection")
            let scored = try await inspector.post(path + "/inspection", Self.inspection(app, scheme: "rushan-2020-enterprise", total: 75, visited: "2020-09-07"))
            #expect(scored.status == .seeOther, "\(scored.status)")
            try await county.get(path + "/inspectors")
            #expect(try await county.post(path + "/inspection/complete", ["version": String(try await application().version)]).status == .seeOther)
            #expect(try await application().inspectedTotal == "75")

            // the county sees the computed outcome but 威海 records it (by: prefecture); its inbox says so, nobody decides a tier
            let outcomes = "/campaigns/\(Self.id(round.id!))/outcomes"
            let countyInbox = try await county.get("/inbox")
            #expect(!countyInbox.body.contains("甲公司工会"))
            try await weihai.signIn("prefecture")
            let weihaiInbox = try await weihai.get("/inbox")
            #expect(weihaiInbox.body.contains(#"<a href="\#(outcomes)">记录复查结论</a></td><td data-label="申报单位">甲公司工会</td>"#))
            #expect(!weihaiInbox.body.contains("确定星级"))
            let countyView = try await county.get(outcomes)
            #expect(countyView.status == .ok && countyView.body.contains("降为三星级") && countyView.body.contains("该星级由上级总工会考核验收并确定。"))
            #expect(try await county.post(outcomes).status == .conflict)
            #expect(try await application().state == ApplicationState.inspected.rawValue)
            clock.set(Fixture.chinaMorning("2020-09-30"))
            try await weihai.signIn("prefecture")
            #expect(try await weihai.get(outcomes).body.contains("记录复查结论并公示"))
            let recorded = try await weihai.post(outcomes)
            #expect(recorded.status == .seeOther)
            current = try await application()
            #expect(current.state == ApplicationState.reReviewed.rawValue)
            let outcome = try CampaignStore.decode(ReReviewOutcome.self, try #require(current.outcomeJSON))
            #expect(outcome.outcome == .downgrade(toTierID: "three-star") && outcome.heldTier == "four-star"
                    && outcome.score == Points(75) && outcome.decidedOn == Fixture.day("2020-09-30"))
            #expect(outcome.reason.contains("75") && outcome.reason.contains("四星级") && outcome.reason.contains("三星级"))

            // the unit's page in the round says what it held, the outcome with its reason, and only the round's steps
            let unitPage = try await weihai.get(path)
            #expect(unitPage.body.contains("<dt>现有星级</dt><dd>四星级</dd>") && unitPage.body.contains("<dt>复查结论</dt><dd>降为三星级：\(outcome.reason)</dd>"))
            #expect(!unitPage.body.contains("<dt>申报星级</dt>") && !unitPage.body.contains("职代会研究确定申报星级"))
            // the reason is public, to anyone (降星摘牌，并公示原因)
            let visitor = WebSession(app)
            let publicPage = try await visitor.get("/rereviews/\(Self.id(round.id!))")
            #expect(publicPage.status == .ok && publicPage.body.contains("甲公司工会") && publicPage.body.contains("降为三星级")
                    && publicPage.body.contains(outcome.reason))

            // the public list of 2018's stars says what became of 甲's
            let stars = try await visitor.get("/stars?campaign=\(Self.id(c2018))")
            #expect(stars.body.contains("<td>四星级（2020年复查：降为三星级）</td>"))

            // and the honours candidates list it at the tier it holds now
            let honours = try await weihai.get("/honours")
            #expect(honours.body.contains("<td>甲公司工会</td>") && honours.body.contains("<td>三星级</td>") && !honours.body.contains("<td>四星级</td>"))

            // the union sees its earlier assessment beside this one, item by item
            try await cadre.signIn("cadre")
            let comparison = try await cadre.get(path + "/comparison")
            #expect(comparison.status == .ok && comparison.body.contains("获评时与本次逐项对比") && comparison.body.contains("比获评时下滑"))
            #expect(comparison.body.contains(#"<tr class="slipped">"#))

            // 甲 now holds 三星级 and is not due again this year
            let after = try await weihai.get(rounds)
            #expect(!(after.body.components(separatedBy: "<h2>年度自查</h2>").first ?? "").contains("甲公司工会"))
            #expect(try await AuditLog.verify(on: app.db).broken == nil)
        }
    }

    @Test func theYearlySelfCheckShowsWhatSlipped() async throws {
        try await withTestApp { app in
            // setup: 乙 named 三星级 in 2019 (not due for re-review in 2020)
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            let f = try await Fixture.make(app)
            let c2019 = try await Self.campaign(app, owner: f.rushan, year: 2019, schemes: [.enterprise: "rushan-2020-enterprise"])
            _ = try await Self.named(app, campaign: c2019, unit: f.unionB, scheme: "rushan-2020-enterprise", tier: "three-star",
                                     inspected: "75", on: "2019-10-20")
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let rounds = "/campaigns/\(Self.id(f.rushanCampaign))/rereview"
            try await staff.get(rounds)
            // act
            #expect(try await staff.post(rounds, ["kind": "selfCheck"]).status == .seeOther)
            // check: 乙's self-check is drafted in the self-check round; nothing to inspect or decide
            let round = try #require(try await CampaignModel.query(on: app.db).filter(\.$kind == CampaignKind.selfCheck.rawValue).first())
            #expect(round.title == "2020年度星级工会自查")
            let application = try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == round.id!).first())
            #expect(application.unitID == f.unionB && application.state == ApplicationState.drafting.rawValue)
            let path = "/campaigns/\(Self.id(round.id!))/units/\(Self.id(f.unionB))"
            // nothing answered yet: every item is below what it was when named
            let comparison = try await staff.get(path + "/comparison")
            #expect(comparison.status == .ok && comparison.body.contains("2019年度星级创建，三星级"))
            try await staff.get(path + "/inspectors")
            let inspector = try await CampaignPart2WalkTests.account(app, "rushan-inspector", .inspector, home: f.rushan, scope: f.rushan)
            #expect(try await staff.post(path + "/inspectors", ["inspector": Self.id(inspector), "version": "1"]).status == .conflict)
            // a re-review of this year finds nobody (乙 is due in 2021)
            #expect(try await staff.post(rounds, ["kind": "reReview"]).status == .conflict)
        }
    }

    @Test func yizhengAwardsTierByTierAndThePageSaysWhy() async throws {
        try await withTestApp { app in
            // setup: 丙公司工会 holds no star; its self-assessment reaches 三星级 and more
            let f = try await Fixture.make(app)
            let path = try await CongressAndNoticeTests.yizhengDrafting(app, f)
            let (cadre, form) = try await CongressAndNoticeTests.browser(app, as: "outsider", opening: path + "/notice")
            // check: only 星级（达标级） is offered, and the page says why (表彰原则上为逐级表彰)
            let why = "表彰原则上为逐级表彰：本单位尚未获评星级，本次只能申报星级（达标级）。"
            #expect(form.body.contains(#"<option value="star""#) && !form.body.contains(#"<option value="three-star""#))
            #expect(form.body.contains(why))
            #expect(try await cadre.get(path).body.contains("<dt>可申报星级</dt><dd>\(why)</dd>"))
            // act: 三星级 typed in anyway is refused with the sentence, nothing changes
            try await cadre.get(path + "/notice")
            let refused = try await cadre.post(path + "/notice", ["start": "2019-09-24", "tier": "three-star"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains(why))
            let unchanged = try #require(try await ApplicationModel.query(on: app.db).filter(\.$unitID == f.unionY).first())
            #expect(unchanged.state == ApplicationState.drafting.rawValue && unchanged.tier == nil)
            // once it holds 星级, 三星级 opens and 五星级 stays closed
            try await Fixture.yizhengHoldsStar(app, f)
            let again = try await cadre.get(path + "/notice")
            #expect(again.body.contains(#"<option value="three-star""#) && !again.body.contains(#"<option value="five-star""#))
            #expect(again.body.contains("表彰原则上为逐级表彰：本单位现为星级（达标级），本次最高可申报三星级。"))
        }
    }

    @Test func yizhengRevokesTheLastThreeAt80OrBelowWithTiesAlike() async throws {
        try await withTestApp { app in
            // setup: five 三星级 unions named by the 2018 campaign; re-reviewed in 2019 at 95, 81, 80, 80, 79
            let clock = FixedClock(Fixture.chinaMorning("2019-09-02"))
            app.clock = clock
            let f = try await Fixture.make(app)
            let schemes = Dictionary(uniqueKeysWithValues: UnionKind.allCases.map { ($0, "yizheng-2019-union") })
            let c2018 = try await Self.campaign(app, owner: f.yizheng, year: 2018, schemes: schemes)
            let scores = ["95", "81", "80", "80", "79"]
            var units: [UUID] = [f.unionY]
            for index in 1..<scores.count {
                units.append(try await app.writes.perform { db in
                    let profile = try OrganisationProfile(name: "仪征第\(index)公司工会", level: .grassroots, kind: .enterprise, members: 60, employees: 80).validated().get()
                    return try await OrganisationStore.create(profile, under: try await OrganisationModel.find(f.zhenzhou, on: db),
                                                              actor: .commandLine("test"), on: db).id!
                })
            }
            for unit in units {
                _ = try await Self.named(app, campaign: c2018, unit: unit, scheme: "yizheng-2019-union", tier: "three-star", inspected: "92", on: "2018-11-20")
            }
            let staff = WebSession(app)
            try await staff.signIn("yizheng-staff")
            let rounds = "/campaigns/\(Self.id(f.yizhengCampaign))/rereview"
            try await staff.get(rounds)
            #expect(try await staff.post(rounds, ["kind": "reReview"]).status == .seeOther)
            let round = try #require(try await CampaignModel.query(on: app.db).filter(\.$kind == CampaignKind.reReview.rawValue).first())
            #expect(round.title == "2019年复查（2018年获评单位）")
            // 丙公司工会 walks the round as a union would: its self-check before 9月20日, handed in; inspected in October
            let path = "/campaigns/\(Self.id(round.id!))/units/\(Self.id(f.unionY))"
            let roundID = try #require(round.id)
            func application() async throws -> ApplicationModel {
                try await Self.application(app, round: roundID, unit: f.unionY)
            }
            let cadre = WebSession(app)
            try await cadre.signIn("outsider")
            let form = try await cadre.get(path + "/self-assessment")
            let scorer = app.catalogue.scorer("yizheng-2019-union")!
            var answers = SelfAssessmentFields(answers: scorer.templateAnswers(), notes: [:], scheme: scorer.scheme).values.filter { !$0.value.isEmpty }
            for (name, value) in SelfAssessmentFixture.formState(form.body) { answers[name] = value }
            #expect(try await cadre.post(path + "/self-assessment", answers).status == .seeOther)
            try await cadre.get(path)
            #expect(try await cadre.post(path + "/self-check", ["version": String(try await application().version)]).status == .seeOther)
            #expect(try await application().state == ApplicationState.selfChecked.rawValue)
            clock.set(Fixture.chinaMorning("2019-10-20"))
            let inspectorID = try await CampaignPart2WalkTests.account(app, "yizheng-inspector", .inspector, home: f.yizheng, scope: f.yizheng)
            try await staff.signIn("yizheng-staff")
            try await staff.get(path + "/inspectors")
            #expect(try await staff.post(path + "/inspectors", ["inspector": Self.id(inspectorID), "version": String(try await application().version)]).status == .seeOther)
            let inspector = WebSession(app)
            try await inspector.signIn("yizheng-inspector")
            try await inspector.get(path + "/inspection")
            #expect(try await inspector.post(path + "/inspection", Self.inspection(app, scheme: "yizheng-2019-union", total: 95, visited: "2019-10-20")).status == .seeOther)
            try await staff.get(path + "/inspectors")
            #expect(try await staff.post(path + "/inspection/complete", ["version": String(try await application().version)]).status == .seeOther)
            #expect(try await application().inspectedTotal == "95")
            // the others inspected alike (the path is the one above; here its result)
            for (unit, score) in zip(units, scores).dropFirst() {
                try await app.writes.perform { db in
                    let row = try await ApplicationModel.query(on: db).filter(\.$campaignID == round.id!).filter(\.$unitID == unit).first()!
                    row.state = ApplicationState.inspected.rawValue
                    row.inspectedTotal = score
                    try await row.update(on: db)
                }
            }
            // act: 仪征 records what the rule computes (复查得分在80分以下且列表彰等级后3名的，直接取消所表彰等级)
            let outcomes = "/campaigns/\(Self.id(round.id!))/outcomes"
            #expect(try await staff.get(outcomes).status == .ok)
            #expect(try await staff.post(outcomes).status == .seeOther)
            // check: 95 and 81 keep it; 80, 80 (tied, both among the last 3) and 79 lose it
            var result: [String: ReReview.Outcome] = [:]
            for (unit, score) in zip(units, scores) {
                let row = try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == round.id!).filter(\.$unitID == unit).first())
                let outcome = try CampaignStore.decode(ReReviewOutcome.self, try #require(row.outcomeJSON))
                result[score + "-" + Self.id(unit)] = outcome.outcome
                #expect(outcome.outcome == (["95", "81"].contains(score) ? .keep : .revoke), "\(score)")
            }
            #expect(result.count == 5)
            let publicPage = try await WebSession(app).get("/rereviews/\(Self.id(round.id!))")
            #expect(publicPage.body.components(separatedBy: "摘牌（取消星级）").count - 1 == 3)
            #expect(publicPage.body.components(separatedBy: "保留星级").count - 1 == 2)
        }
    }
    @Test func yizhengReReviewsTheChairsItNamedLastYearApartFromTheUnions() async throws {
        try await withTestApp { app in
            // setup: three chairs named 三星级 by 仪征's 2018 chair campaign, re-reviewed in 2019 at 95, 80, 79;
            // 丙公司工会 itself named by the 2018 union campaign (a union round's, not the chairs')
            app.clock = FixedClock(Fixture.chinaMorning("2019-10-20"))
            let f = try await Fixture.make(app)
            let chairs2018 = try await ChairSetup.chairCampaign(app, f, owner: f.yizheng, year: 2018)
            let chairs2019 = try await ChairSetup.chairCampaign(app, f, owner: f.yizheng, year: 2019)
            let unions2018 = try await Self.campaign(app, owner: f.yizheng, year: 2018,
                                                     schemes: Dictionary(uniqueKeysWithValues: UnionKind.allCases.map { ($0, "yizheng-2019-union") }))
            _ = try await Self.named(app, campaign: unions2018, unit: f.unionY, scheme: "yizheng-2019-union", tier: "three-star", inspected: "92", on: "2018-11-20")
            var units: [UUID] = [f.unionY]
            for index in 1...2 {
                units.append(try await app.writes.perform { db in
                    let profile = try OrganisationProfile(name: "仪征第\(index)公司工会", level: .grassroots, kind: .enterprise, members: 60, employees: 80).validated().get()
                    return try await OrganisationStore.create(profile, under: try await OrganisationModel.find(f.zhenzhou, on: db),
                                                              actor: .commandLine("test"), on: db).id!
                })
            }
            let names = ["王芳", "李强", "赵敏"]
            for (unit, name) in zip(units, names) {
                try await ChairSetup.named(app, campaign: chairs2018, unit: unit, tier: "three-star", certificate: "2018-3-\(name)", chairName: name,
                                           person: ChairPerson(name: name, post: .chair, unionWorkSince: Fixture.day("2010-01-01"),
                                                               tookOfficeOn: Fixture.day("2015-01-01"), certificateOn: Fixture.day("2015-06-01")))
            }
            let staff = WebSession(app)
            try await staff.signIn("yizheng-staff")
            // act: 仪征 opens the re-review beside its 2019 chair campaign
            let rounds = "/campaigns/\(Self.id(chairs2019))/rereview"
            let cohort = try await staff.get(rounds)
            #expect(try await staff.post(rounds, ["kind": "reReview"]).status == .seeOther)
            // check: the round is the chairs', takes the three persons named (not the union), and keeps who they are
            #expect(cohort.body.contains("<th>工会主席（所在工会）</th>") && cohort.body.contains("王芳（丙公司工会）"))
            let round = try #require(try await CampaignModel.query(on: app.db).filter(\.$kind == CampaignKind.reReview.rawValue).first())
            #expect(round.subject == Scheme.Subject.chair.rawValue && round.title == "2019年复查（2018年获评工会主席）")
            let rows = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == round.id!).all()
            #expect(Set(rows.compactMap { ApplicationStore.chairPerson($0)?.name }) == Set(names) && rows.count == 3)
            // the person cannot be changed in a round (it re-reviews the one named)
            let cadre = WebSession(app)
            try await cadre.signIn("outsider")
            let chairPage = "/campaigns/\(Self.id(round.id!))/units/\(Self.id(f.unionY))/chair"
            let shown = try await cadre.get(chairPage)
            #expect(shown.status == .ok && shown.body.contains("王芳") && !shown.body.contains(#"name="tookOfficeOn""#))
            let edit = try await cadre.post(chairPage, ["name": "孙丽", "post": "chair", "unionWorkSince": "2010-01-01", "tookOfficeOn": "2019-01-01",
                                                        "certificateOn": "2019-03-01", "version": "1"])
            #expect(edit.status == .conflict && edit.body.contains("参评人员信息只能在自查自评开始后、公示开始前（或被退回后）修改。"))
            // inspected, then 仪征 records what the rule computes over the chairs
            for (unit, score) in zip(units, ["95", "80", "79"]) {
                try await app.writes.perform { db in
                    let row = try await ApplicationModel.query(on: db).filter(\.$campaignID == round.id!).filter(\.$unitID == unit).first()!
                    row.state = ApplicationState.inspected.rawValue
                    row.inspectedTotal = score
                    try await row.update(on: db)
                }
            }
            #expect(try await staff.post("/campaigns/\(Self.id(round.id!))/outcomes").status == .seeOther)
            let publicPage = try await WebSession(app).get("/rereviews/\(Self.id(round.id!))")
            #expect(publicPage.body.contains("<td>王芳（丙公司工会）</td><td>三星级</td><td>95</td><td>保留星级</td>"))
            #expect(publicPage.body.contains("<td>赵敏（仪征第2公司工会）</td><td>三星级</td><td>79</td><td>摘牌（取消星级）</td>"))
            #expect(publicPage.body.components(separatedBy: "摘牌（取消星级）").count - 1 == 2)
            // the public list of 2018's chairs says what the re-review made of them; the union's own star stands
            let stars = try await WebSession(app).get("/stars?campaign=\(Self.id(chairs2018))")
            #expect(stars.body.contains("三星级（2019年复查：摘牌（取消星级））"))
            let unionStars = try await WebSession(app).get("/stars?campaign=\(Self.id(unions2018))")
            #expect(unionStars.body.contains("丙公司工会") && !unionStars.body.contains("2019年复查"))
        }
    }
}


extension ReReviewRoundAppTests {
    static func application(_ app: Application, round: UUID, unit: UUID) async throws -> ApplicationModel {
        try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == round).filter(\.$unitID == unit).first())
    }

    static let roundID = UUID(uuidString: "2e2e2e2e-0000-4000-8000-000000002020")!

    /// 甲公司工会 named 四星级 in 乳山's 2018 campaign, and 乳山's 2020 re-review round (`roundID`)
    /// with 甲's re-review in `state` (inspected at 75; with the downgrade recorded once
    /// `reReviewed`); the clock on `day`.
    static func round(_ app: Application, _ f: Fixture, state: ApplicationState, day: String) async throws {
        app.clock = FixedClock(Fixture.chinaMorning(day))
        let c2018 = try await campaign(app, owner: f.rushan, year: 2018, schemes: [.enterprise: "rushan-2020-enterprise"])
        let earlier = try await named(app, campaign: c2018, unit: f.unionA, scheme: "rushan-2020-enterprise", tier: "four-star",
                                      inspected: "88", on: "2018-10-20")
        let (pin, _) = app.catalogue.pin("rushan-2020-enterprise")!
        try await app.writes.perform { db in
            let award = try await CampaignModel.find(f.rushanCampaign, on: db)!
            var plan = try CampaignStore.plan(of: award)
            plan.kind = .reReview
            plan.namedInYear = 2018
            let round = CampaignModel()
            round.id = roundID
            round.ownerID = award.ownerID
            round.ownerPath = award.ownerPath
            round.year = 2020
            round.title = "2020年复查（2018年获评单位）"
            round.planJSON = CampaignStore.encode(plan)
            round.kind = CampaignKind.reReview.rawValue
            round.subject = award.subject
            round.version = 1
            round.createdAt = Date()
            round.updatedAt = Date()
            try await round.create(on: db)
            let unit = try await OrganisationModel.find(f.unionA, on: db)!
            let application = ApplicationStore.newApplication(campaignID: roundID, unit: unit, pin: pin, at: Date())
            application.state = state.rawValue
            application.earlierApplicationID = earlier
            application.tier = "four-star"
            application.version = 1
            if [.inspected, .reReviewed].contains(state) { application.inspectedTotal = "75" }
            if state == .reReviewed {
                application.outcomeJSON = CampaignStore.encode(ReReviewOutcome(
                    outcome: .downgrade(toTierID: "three-star"), heldTier: "four-star", score: Points(75),
                    reason: "复查得分75分，达不到所授四星级标准（80分），降为三星级。", decidedOn: Fixture.day(day)))
            }
            try await application.create(on: db)
        }
    }
}
