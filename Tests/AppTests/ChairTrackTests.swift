import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The union-chair track (争当星级基层工会主席), real HTTP: 仪征's staff open the 2019 chair campaign;
/// the cadre of 丙公司工会 enters the chair, is refused the notice while the chair has no post
/// training certificate, corrects it, files by 9月30日; then the part-2 walk to the certificate,
/// which names the person; the rewards list, the public list and the honours pages list the chair.
@Suite(.serialized) struct ChairTrackTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// 仪征's 2019 chair campaign, opened through the campaign form with the chair scheme.
    static func openChairCampaign(_ app: Application, _ f: Fixture) async throws -> UUID {
        let staff = WebSession(app)
        try await staff.signIn("yizheng-staff")
        // setup: the form offers only chair schemes for a chair campaign
        let form = try await staff.get("/campaigns/new?subject=chair")
        #expect(form.status == .ok && form.body.contains(#"value="yizheng-2019-chair""#) && !form.body.contains(#"value="yizheng-2019-union""#))
        var fields = ["subject": "chair", "owner": id(f.yizheng), "year": "2019", "title": "2019年度争当新时代星级基层工会主席",
                      "tier_star": "true", "tier_three-star": "true", "tier_five-star": "true"]
        // a union scheme in a chair campaign is refused, naming the field
        fields["scheme_enterprise"] = "yizheng-2019-union"
        let refused = try await staff.post("/campaigns", fields)
        #expect(refused.status == .unprocessableEntity && refused.body.contains("该方案不评此类对象"))
        for kind in ["enterprise", "regional", "industry", "hospital", "school", "institution"] { fields["scheme_\(kind)"] = "yizheng-2019-chair" }
        let opened = try await staff.post("/campaigns", fields)
        #expect(opened.status == .seeOther, "\(opened.status)")
        let campaign = try #require(try await CampaignModel.query(on: app.db).filter(\.$subject == Scheme.Subject.chair.rawValue).filter(\.$year == 2019).first())
        #expect(try CampaignStore.plan(of: campaign).campaignSubject == .chair)
        // the list and the page say whom it rates
        #expect(try await staff.get("/campaigns").body.contains("2019 · 星级基层工会主席"))
        #expect(try await staff.get("/campaigns/\(id(campaign.id!))").body.contains("<dt>评选对象</dt><dd>星级基层工会主席</dd>"))
        return campaign.id!
    }

    /// The chair's part 1: self-assessment, the person, the notice refused then allowed, filing on 09-30.
    static func chairToFiling(_ app: Application) async throws -> (Fixture, FixedClock, UUID) {
        let clock = FixedClock(Fixture.chinaMorning("2019-09-10"))
        app.clock = clock
        let f = try await Fixture.make(app)
        // 逐级表彰: the chair was named 星级 in 2018, so 三星级 is open to them this year
        let chairSchemes = Dictionary(uniqueKeysWithValues: UnionKind.allCases.map { ($0, "yizheng-2019-chair") })
        let c2018 = try await app.writes.perform { db in
            try await Fixture.openCampaign(app, owner: f.yizheng, year: 2018, title: "2018年度星级基层工会主席", schemes: chairSchemes,
                                           preApplication: nil, subject: .chair, on: db)
        }
        _ = try await ReReviewRoundAppTests.named(app, campaign: c2018, unit: f.unionY, scheme: "yizheng-2019-chair", tier: "star",
                                                  inspected: "87", on: "2018-11-20")
        let campaign = try await openChairCampaign(app, f)
        let unit = "/campaigns/\(id(campaign))/units/\(id(f.unionY))"
        func application() async throws -> ApplicationModel {
            try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaign).filter(\.$unitID == f.unionY).first())
        }
        let cadre = WebSession(app)
        try await cadre.signIn("outsider")
        try await cadre.get(unit)
        #expect(try await cadre.post(unit + "/start", ["version": "0"]).status == .seeOther)
        var page = try await cadre.get(unit)
        #expect(page.body.contains("填写参评人员信息") && page.body.contains("尚未填写工会主席（主持工作的副主席）的任职信息。"))

        // the person: three years of union work, no certificate yet; a bad date is refused, naming the field
        try await cadre.get(unit + "/chair")
        let bad = try await cadre.post(unit + "/chair", ["name": "李强", "post": "chair", "unionWorkSince": "2015-3-1", "tookOfficeOn": "2017-06-01",
                                                          "certificateOn": "", "version": String(try await application().version)])
        #expect(bad.status == .unprocessableEntity && bad.body.contains("开始从事工会工作日期不是有效日期"))
        #expect(try await application().chairJSON == nil)
        let saved = try await cadre.post(unit + "/chair", ["name": "李强", "post": "chair", "unionWorkSince": "2015-03-01",
                                                            "tookOfficeOn": "2017-06-01", "certificateOn": "",
                                                            "version": String(try await application().version)])
        #expect(saved.status == .seeOther, "\(saved.status)")
        let chairPage = try await cadre.get(unit + "/chair")
        #expect(chairPage.body.contains("截至申报截止日2019年9月30日没有上岗资格培训证书（须在上岗一年内、即2018年6月1日前取得）。"))
        // a form opened before the last save is refused (409), not overwriting it
        let stale = try await cadre.post(unit + "/chair", ["name": "李强", "post": "chair", "unionWorkSince": "2015-03-01",
                                                            "tookOfficeOn": "2017-06-01", "certificateOn": "", "version": "1"])
        #expect(stale.status == .conflict)

        // the self-assessment: 从事工会工作三年以上 ticked from the dates, the certificate not
        let assessment = try await cadre.get(unit + "/self-assessment")
        #expect(assessment.body.contains(#"name="fact:study_requirements:three_years_experience" value="on" checked"#))
        #expect(assessment.body.contains(#"name="fact:study_requirements:qualification_certificate" value="on" data-element"#))
        let scorer = app.catalogue.scorer("yizheng-2019-chair")!
        var answers = SelfAssessmentFields(answers: scorer.templateAnswers(), notes: [:], scheme: scorer.scheme).values.filter { !$0.value.isEmpty }
        for (name, value) in SelfAssessmentFixture.formState(assessment.body) { answers[name] = value }
        #expect(try await cadre.post(unit + "/self-assessment", answers).status == .seeOther)

        // 09-23: the notice is refused with the reason, and nothing changes
        clock.set(Fixture.chinaMorning("2019-09-23"))
        try await cadre.signIn("outsider")
        page = try await cadre.get(unit)
        #expect(page.body.contains("没有上岗资格培训证书"))
        try await cadre.get(unit + "/notice")
        let refused = try await cadre.post(unit + "/notice", ["start": "2019-09-24", "tier": "three-star", "version": String(try await application().version)])
        #expect(refused.status == .conflict && refused.body.contains("不符合“争当星级基层工会主席”的条件")
                && refused.body.contains("没有上岗资格培训证书"), "\(refused.status)")
        #expect(try await application().state == ApplicationState.drafting.rawValue)

        // the certificate's date entered: eligible, the notice starts
        try await cadre.get(unit + "/chair")
        #expect(try await cadre.post(unit + "/chair", ["name": "李强", "post": "chair", "unionWorkSince": "2015-03-01", "tookOfficeOn": "2017-06-01",
                                                       "certificateOn": "2017-11-20", "version": String(try await application().version)]).status == .seeOther)
        #expect(try await cadre.get(unit + "/chair").body.contains("符合参评条件（按申报截止日计算）。"))
        try await cadre.get(unit + "/notice")
        let notice = try await cadre.post(unit + "/notice", ["start": "2019-09-24", "tier": "three-star", "version": String(try await application().version)])
        #expect(notice.status == .seeOther, "\(notice.status)")
        // on notice, the person can no longer change
        try await cadre.get(unit + "/chair")
        let late = try await cadre.post(unit + "/chair", ["name": "王芳", "post": "chair", "unionWorkSince": "2015-03-01", "tookOfficeOn": "2017-06-01",
                                                           "certificateOn": "2017-11-20", "version": String(try await application().version)])
        #expect(late.status == .conflict && late.body.contains("公示开始前"))

        // 09-30: the chair's form, then filing
        clock.set(Fixture.chinaMorning("2019-09-30"))
        try await cadre.signIn("outsider")
        try await cadre.get(unit + "/form")
        let form = try await cadre.post(unit + "/form", ["chairName": "李强", "phone": "0514-83421234", "mainWork": "会员对工会主席满意率96%。",
                                                         "unitOpinion": "同意申报。", "unitOpinionDate": "2019-09-30",
                                                         "version": String(try await application().version)])
        #expect(form.status == .seeOther, "\(form.status)")
        let filed = try await cadre.post(unit + "/file", ["version": String(try await application().version)])
        #expect(filed.status == .seeOther, "\(filed.status)")
        #expect(try await application().state == ApplicationState.filed.rawValue)
        // the person's changes are audited in words
        let staff = WebSession(app)
        try await staff.signIn("yizheng-staff")
        let audit = try await staff.get("/audit?kind=application.")
        #expect(audit.body.contains("<td>保存参评人员信息</td>") && audit.body.contains("李强 · chair · 2015-03-01 · 2017-06-01 · 2017-11-20"))
        return (f, clock, campaign)
    }

    @Test func aYizhengChairFromSelfAssessmentToNaming() async throws {
        try await withTestApp { app in
            // setup: part 1 (above), and the part-2 walk's accounts
            let (f, clock, campaign) = try await Self.chairToFiling(app)
            _ = try await CampaignPart2WalkTests.account(app, "zhenzhou-reviewer", .subFederationReviewer, home: f.zhenzhou, scope: f.zhenzhou)
            _ = try await CampaignPart2WalkTests.account(app, "yizheng-inspector-1", .inspector, home: f.yizheng, scope: f.yizheng)
            _ = try await CampaignPart2WalkTests.account(app, "yizheng-inspector-2", .inspector, home: f.yizheng, scope: f.yizheng)
            let town = try await CampaignPart2WalkTests.account(app, "zhenzhou-inspector", .inspector, home: f.zhenzhou, scope: f.yizheng)
            _ = try await CampaignPart2WalkTests.account(app, "yangzhou-staff", .prefectureStaff, home: f.yangzhou, scope: f.yangzhou)
            // act: endorsement, inspection, decision, results notice, naming by 扬州
            try await CampaignPart2WalkTests.Walk(
                app: app, clock: clock, campaign: campaign, unit: f.unionY, scheme: "yizheng-2019-chair", reviewer: "zhenzhou-reviewer",
                inspectors: ["yizheng-inspector-1", "yizheng-inspector-2"], conflicted: town, countyStaff: "yizheng-staff", namer: "yangzhou-staff",
                methods: ["briefing", "records", "interviews", "discussion"],
                days: ["2019-10-08", "2019-10-09", "2019-10-10", "2019-10-11", "2019-10-14", "2019-11-01", "2019-11-05", "2019-11-11"],
                tier: "three-star", expectedTotal: "99.25", expectedEnd: "2019-11-08", issuer: "扬州市总工会", certificate: "2019-2-0001").run()
            // check: the certificate names the person and the union
            let unit = "/campaigns/\(Self.id(campaign))/units/\(Self.id(f.unionY))"
            let county = WebSession(app)
            try await county.signIn("yizheng-staff")
            let certificate = try await county.get(unit + "/certificate")
            #expect(certificate.body.contains("<p>李强同志（丙公司工会工会主席）：</p>")
                    && certificate.body.contains("<p>经考核评定，被命名为2019年度三星级基层工会主席。</p>")
                    && certificate.body.contains("星级基层工会主席证书"))
            // the public list shows the chairs apart, with the person
            let stars = try await WebSession(app).get("/stars")
            #expect(stars.body.contains("<h2>星级基层工会主席</h2>") && stars.body.contains("<td>李强</td>") && stars.body.contains("2019-2-0001"))
            // the rewards list: the chair, without an amount (the chair scheme gives none); and among the chairs honoured in two years
            let rewards = try await county.get("/campaigns/\(Self.id(campaign))/rewards")
            #expect(rewards.body.contains("<td>丙公司工会</td><td>三星级</td><td>60</td><td>李强</td><td>2019-2-0001</td><td>—</td><td>—</td>"))
            #expect(rewards.body.contains("近两年受到星级基层工会表彰的工会主席（给予适当奖励）")
                    && rewards.body.contains("<td>李强</td><td>丙公司工会</td><td>本人获评2019年度三星级基层工会主席</td><td>2019-2-0001</td>"))
            // honours candidates, by tier and year, and as CSV
            let honours = try await county.get("/honours?year=2019&tier=three-star")
            #expect(honours.body.contains("<td>2019</td><td>星级基层工会主席</td><td>丙公司工会</td><td>李强</td><td>三星级</td><td>扬州市总工会</td><td>2019-2-0001</td>"))
            #expect(!(try await county.get("/honours?year=2018").body.contains("<td>李强</td>")))
            #expect(!(try await county.get("/honours?tier=five-star").body.contains("<td>李强</td>")))
            let csv = try await county.get("/honours.csv?year=2019")
            #expect(csv.body.contains("年度,类别,单位,工会主席,星级,命名单位,证书编号") && csv.body.contains("2019,星级基层工会主席,丙公司工会,李强,三星级,扬州市总工会,2019-2-0001"))
            // a three-star chair carries no tier honour (五一劳动奖章 is for five stars)
            let tierHonours = try await county.get("/campaigns/\(Self.id(campaign))/tier-honours")
            #expect(tierHonours.status == .ok && tierHonours.body.contains("没有符合条件的命名单位或个人。"))
        }
    }

    /// Five-star union and chair named in 仪征's two 2019 campaigns (set directly), for the tier
    /// honours page: 五一劳动奖状 for the union, 五一劳动奖章 for the chair; and the union's chair among
    /// the chairs honoured in two years.
    @Test func theMayDayCandidatesComeFromTheFiveStarUnionAndChair() async throws {
        try await withTestApp { app in
            // setup
            app.clock = FixedClock(Fixture.chinaMorning("2019-12-01"))
            let f = try await Fixture.make(app)
            let chairCampaign = try await ChairSetup.chairCampaign(app, f, owner: f.yizheng, year: 2019)
            try await ChairSetup.named(app, campaign: f.yizhengCampaign, unit: f.unionY, tier: "five-star", certificate: "2019-3-0001",
                                       chairName: "王芳", person: nil)
            try await ChairSetup.named(app, campaign: chairCampaign, unit: f.unionY, tier: "five-star", certificate: "2019-3-0001", chairName: "王芳",
                                       person: ChairPerson(name: "王芳", post: .presidingViceChair, unionWorkSince: Fixture.day("2012-01-01"),
                                                           tookOfficeOn: Fixture.day("2016-01-01"), certificateOn: Fixture.day("2016-06-01")))
            let county = WebSession(app)
            try await county.signIn("yizheng-staff")
            // act
            let page = try await county.get("/campaigns/\(Self.id(f.yizhengCampaign))/tier-honours")
            let csv = try await county.get("/campaigns/\(Self.id(chairCampaign))/tier-honours.csv")
            let rewards = try await county.get("/campaigns/\(Self.id(f.yizhengCampaign))/rewards")
            // check
            #expect(page.body.contains("<td>从被表彰的五星级基层工会中择优，按规定程序推荐申报扬州市五一劳动奖状</td><td>星级基层工会</td><td>丙公司工会</td><td>王芳</td><td>五星级</td>"))
            #expect(page.body.contains("<td>从被表彰的五星级基层工会主席中择优，按规定程序推荐申报扬州市五一劳动奖章</td><td>星级基层工会主席</td><td>丙公司工会</td><td>王芳</td><td>五星级</td>"))
            #expect(csv.body.contains("荣誉,类别,单位,工会主席,星级,证书编号") && csv.body.contains("扬州市五一劳动奖章,星级基层工会主席,丙公司工会,王芳,五星级,2019-3-0001"))
            #expect(rewards.body.contains("<td>王芳</td><td>丙公司工会</td><td>所在工会获评2019年度五星级基层工会</td>")
                    && rewards.body.contains("<td>王芳</td><td>丙公司工会</td><td>本人获评2019年度五星级基层工会主席</td>"))
            // the union's rewards list keeps its money: 10000元 for five stars
            #expect(rewards.body.contains("奖励经费合计：10000元"))
        }
    }
}

/// Chair campaigns and named applications made directly, for tests that start after the workflow.
enum ChairSetup {
    /// A chair campaign of `owner` for `year`, on the Yizheng chair scheme for every kind it rates.
    static func chairCampaign(_ app: Application, _ f: Fixture, owner: UUID, year: Int) async throws -> UUID {
        try await app.writes.perform { db in
            let ownerModel = try await OrganisationModel.find(owner, on: db)!
            let (pin, text) = app.catalogue.pin("yizheng-2019-chair")!
            let scheme = app.catalogue.scheme("yizheng-2019-chair")!
            var plan = CampaignPlan(year: year, owner: ownerModel.treePath,
                                    schemes: Dictionary(uniqueKeysWithValues: scheme.appliesTo.compactMap(UnionKind.init(rawValue:)).map { ($0, pin) }),
                                    dates: CampaignDates.defaults(from: scheme.timeline, year: year), participationTarget: nil,
                                    tiersOnOffer: scheme.tiers.map(\.id))
            plan.subject = .chair
            return try await CampaignStore.create(title: "\(year)年度星级基层工会主席", owner: ownerModel, plan: plan,
                                                  texts: [pin.contentHash: .init(schemeID: pin.schemeID, version: pin.version, text: text)],
                                                  actor: .commandLine("test fixture"), on: db)
        }
    }

    /// The unit's application in the campaign, named at `tier` by 扬州 with its certificate.
    static func named(_ app: Application, campaign: UUID, unit: UUID, tier: String, certificate: String, chairName: String,
                      person: ChairPerson?) async throws {
        try await app.writes.perform { db in
            let campaignModel = try await CampaignModel.find(campaign, on: db)!
            let plan = try CampaignStore.plan(of: campaignModel)
            let unitModel = try await OrganisationModel.find(unit, on: db)!
            let pin = plan.scheme(for: .enterprise)!
            let application = ApplicationStore.newApplication(campaignID: campaign, unit: unitModel, pin: pin, at: Date())
            application.state = ApplicationState.named.rawValue
            application.tier = tier
            application.decidedTier = tier
            application.namedIssuer = "扬州市总工会"
            application.namedOn = "2019-11-20"
            application.certificateNumber = certificate
            application.resultsToken = RandomToken.make()
            var form = RegistrationForm()
            form.chairName = chairName
            application.formJSON = CampaignStore.encode(form)
            application.chairJSON = person.map { CampaignStore.encode($0) }
            try await application.create(on: db)
        }
    }
}
