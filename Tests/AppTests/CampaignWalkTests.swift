import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// A Rushan union (enterprise, then regional) from the open campaign to a filed application, through HTTP, as
/// each person does it, on the days they do it: the cadre self-assesses, the congress decides the
/// tier, the notice runs and a member objects, the cadre answers and files the 申报登记表, the
/// town's reviewer returns it, and the cadre files a second round.
@Suite(.serialized) struct CampaignWalkTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func application(_ app: Application, _ f: Fixture, unit: UUID) async throws -> ApplicationModel {
        try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == f.rushanCampaign).filter(\.$unitID == unit).first())
    }

    /// A regional union (区域工会联合会) under 夏村镇, rated on the regional standard, with its cadre.
    static func regionalUnion(_ app: Application, _ f: Fixture) async throws -> UUID {
        let hash = try Bcrypt.hash(Fixture.password, cost: app.security.bcryptCost)
        let actor = AuditDraft.Actor.commandLine("test fixture")
        return try await app.writes.perform { db in
            let town = try await OrganisationModel.find(f.xiacun, on: db)
            let profile = try OrganisationProfile(name: "夏村镇区域工会联合会", level: .grassroots, kind: .regional, members: 300, employees: 320).validated().get()
            let unit = try await OrganisationStore.create(profile, under: town, actor: actor, on: db)
            let user = try await AccountStore.create(username: "regional-cadre", displayName: "区域工会干部", organisationID: unit.id,
                                                     passwordHash: hash, mustChangePassword: false, actor: actor, on: db)
            try await AccountStore.assign(.unionCadre, at: unit, to: user, actor: actor, on: db)
            return unit.id!
        }
    }

    @Test(arguments: ["rushan-2020-enterprise", "rushan-2020-regional"])
    func aRushanUnionFromSelfAssessmentToASecondFiling(scheme: String) async throws {
        try await withTestApp { app in _ = try await Self.rushanToSecondFiling(app, scheme: scheme) }
    }

    /// The walk itself, for part 2's walk to go on from: the fixture, the unit and the clock.
    static func rushanToSecondFiling(_ app: Application, scheme: String) async throws -> (Fixture, UUID, FixedClock) {
            // setup: 2020-08-03, inside the self-check (8月份进行自查); 甲公司工会 on the enterprise
            // standard, or a regional union on the regional one
            let clock = FixedClock(Fixture.chinaMorning("2020-08-03"))
            app.clock = clock
            let f = try await Fixture.make(app)
            let regional = scheme == "rushan-2020-regional"
            let unitID = regional ? try await Self.regionalUnion(app, f) : f.unionA
            let account = regional ? "regional-cadre" : "cadre"
            let unit = "/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(unitID))"
            let cadre = WebSession(app)
            try await cadre.signIn(account)

            // the self-assessment: started, then saved fully compliant
            try await cadre.get(unit)
            #expect(try await cadre.post(unit + "/start", ["version": "0"]).status == .seeOther)
            let page = try await cadre.get(unit + "/self-assessment")
            let scorer = app.catalogue.scorer(scheme)!
            var answers = SelfAssessmentFields(answers: scorer.templateAnswers(), notes: [:], scheme: scorer.scheme).values.filter { !$0.value.isEmpty }
            for (name, value) in SelfAssessmentFixture.formState(page.body) { answers[name] = value }
            let saved = try await cadre.post(unit + "/self-assessment", answers)
            #expect(saved.status == .seeOther, "\(saved.status)")
            #expect(try await Self.application(app, f, unit: unitID).selfTotal == "100")
            #expect(try await Self.application(app, f, unit: unitID).schemeID == scheme)

            // 2020-08-18: the workers' congress decides 四星级, with its minutes
            clock.set(Fixture.chinaMorning("2020-08-18"))
            try await cadre.signIn(account)  // another day, another sign-in (sessions expire when idle)
            try await cadre.get(unit + "/congress")
            let congress = try await cadre.postMultipart(unit + "/congress", CongressAndNoticeTests.congressFields,
                                                         files: [("minutes", "职代会纪要.pdf", NoticeFixture.minutesPDF)])
            #expect(congress.status == .seeOther, "\(congress.status)")
            #expect(try await Self.application(app, f, unit: unitID).state == ApplicationState.congressDecided.rawValue)

            // 2020-08-20: the notice from 08-21 for five working days, ending 08-27
            clock.set(Fixture.chinaMorning("2020-08-20"))
            try await cadre.signIn(account)  // another day, another sign-in (sessions expire when idle)
            try await cadre.get(unit + "/notice")
            let version = try await Self.application(app, f, unit: unitID).version
            #expect(try await cadre.post(unit + "/notice", ["start": "2020-08-21", "version": String(version)]).status == .seeOther)
            let onNotice = try await Self.application(app, f, unit: unitID)
            #expect(onNotice.noticeEnd == "2020-08-27")
            let token = try #require(onNotice.noticeToken)

            // 2020-08-24: a member objects on the public page, signed out
            clock.set(Fixture.chinaMorning("2020-08-24"))
            let member = WebSession(app)
            let notice = try await member.get("/notices/\(token)")
            #expect(notice.status == .ok && notice.body.contains(regional ? "夏村镇区域工会联合会" : "甲公司工会") && notice.body.contains("<svg"))
            #expect(try await member.post("/notices/\(token)/objections", ["text": "职工书屋只有牌子，没有书。", "name": ""]).status == .seeOther)

            // 2020-08-28: the notice is over; filing waits for the answer, then goes through
            clock.set(Fixture.chinaMorning("2020-08-28"))
            try await cadre.signIn(account)  // another day, another sign-in (sessions expire when idle)
            let formPage = try await cadre.get(unit + "/form")
            #expect(formPage.status == .ok)
            let formVersion = try await Self.application(app, f, unit: unitID).version
            let form = try await cadre.post(unit + "/form", ["chairName": "王丽", "phone": "0631-6663572", "mainWork": "一、按期换届。\n二、开展劳动竞赛两次。",
                                                             "unitOpinion": "同意申报。", "unitOpinionDate": "2020-08-28", "version": String(formVersion)])
            #expect(form.status == .seeOther, "\(form.status)")
            let early = try await cadre.post(unit + "/file", ["version": String(try await Self.application(app, f, unit: unitID).version)])
            #expect(early.status == .conflict)
            #expect(early.body.contains("还有1条异议未答复"))
            let objection = try #require(try await ObjectionModel.query(on: app.db).first())
            try await cadre.get(unit + "/notice")
            #expect(try await cadre.post(unit + "/objections/\(Self.id(objection.id!))/answer", ["answer": "已购置图书三百册。"]).status == .seeOther)
            let filed = try await cadre.post(unit + "/file", ["version": String(try await Self.application(app, f, unit: unitID).version)])
            #expect(filed.status == .seeOther, "\(filed.status)")
            #expect(try await Self.application(app, f, unit: unitID).state == ApplicationState.filed.rawValue)

            // 2020-09-02: the town's reviewer returns it with a reason
            clock.set(Fixture.chinaMorning("2020-09-02"))
            let reviewer = WebSession(app)
            try await reviewer.signIn("reviewer")
            try await reviewer.get(unit + "/form")
            let returned = try await reviewer.post(unit + "/return", ["reason": "主要工作过于简略。", "version": String(try await Self.application(app, f, unit: unitID).version)])
            #expect(returned.status == .seeOther, "\(returned.status)")
            #expect(try await Self.application(app, f, unit: unitID).state == ApplicationState.returned.rawValue)

            // 2020-09-03: the cadre amends and files round 2 (within five working days of the return)
            clock.set(Fixture.chinaMorning("2020-09-03"))
            try await cadre.signIn(account)  // another day, another sign-in (sessions expire when idle)
            try await cadre.get(unit + "/form")
            let amended = try await cadre.post(unit + "/form", ["chairName": "王丽", "phone": "0631-6663572",
                                                                "mainWork": "一、按期换届。\n二、开展劳动竞赛两次，技术比武一次，参与职工三百人。",
                                                                "unitOpinion": "同意申报。", "unitOpinionDate": "2020-09-03",
                                                                "version": String(try await Self.application(app, f, unit: unitID).version)])
            #expect(amended.status == .seeOther, "\(amended.status)")
            #expect(try await cadre.post(unit + "/file", ["version": String(try await Self.application(app, f, unit: unitID).version)]).status == .seeOther)

            // check: two rounds, the first with its reason, the state filed, the chain intact
            let final = try await Self.application(app, f, unit: unitID)
            #expect(final.state == ApplicationState.filed.rawValue && final.round == 2)
            let rounds = try await ApplicationRoundModel.query(on: app.db).filter(\.$applicationID == final.id!).sort(\.$round).all()
            #expect(rounds.map(\.round) == [1, 2])
            #expect(rounds[0].returnReason == "主要工作过于简略。")
            try await reviewer.signIn("reviewer")
            let first = try await reviewer.get(unit + "/rounds/1")
            #expect(first.status == .ok && first.body.contains("主要工作过于简略。"))
            let actions = try await AuditLog.verify(on: app.db)
            #expect(actions.broken == nil)
            let progress = try await reviewer.get("/campaigns/\(Self.id(f.rushanCampaign))")
            #expect(progress.body.contains("夏村镇总工会"))
            return (f, unitID, clock)
    }

    /// 仪征 2019: the 年初预申报 in spring, the self-assessment, the notice of five working days
    /// with the tier (no congress step), and the application by 9月30日, as the outsider account
    /// (the cadre of 丙公司工会) does it.
    @Test func aYizhengUnionFromPreApplicationToFilingOnTheLastDay() async throws {
        try await withTestApp { app in _ = try await Self.yizhengToFiling(app) }
    }

    static func yizhengToFiling(_ app: Application) async throws -> (Fixture, FixedClock) {
            // setup
            let clock = FixedClock(Fixture.chinaMorning("2019-03-10"))
            app.clock = clock
            let f = try await Fixture.make(app)
            try await Fixture.yizhengHoldsStar(app, f)  // 逐级表彰: 三星级 is open to a unit holding 星级
            let unit = "/campaigns/\(Self.id(f.yizhengCampaign))/units/\(Self.id(f.unionY))"
            let cadre = WebSession(app)
            func application() async throws -> ApplicationModel {
                try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == f.yizhengCampaign).filter(\.$unitID == f.unionY).first())
            }
            // 年初预申报: 三星级
            try await cadre.signIn("outsider")
            try await cadre.get(unit)
            #expect(try await cadre.post(unit + "/pre-apply", ["tier": "three-star", "version": "0"]).status == .seeOther)
            #expect(try await application().aimedTier == "three-star")
            // September: self-assessment, every question answered as compliant
            clock.set(Fixture.chinaMorning("2019-09-10"))
            try await cadre.signIn("outsider")
            try await cadre.get(unit)
            #expect(try await cadre.post(unit + "/start", ["version": String(try await application().version)]).status == .seeOther)
            let page = try await cadre.get(unit + "/self-assessment")
            let scorer = app.catalogue.scorer("yizheng-2019-union")!
            var answers = SelfAssessmentFields(answers: scorer.templateAnswers(), notes: [:], scheme: scorer.scheme).values.filter { !$0.value.isEmpty }
            for (name, value) in SelfAssessmentFixture.formState(page.body) { answers[name] = value }
            let saved = try await cadre.post(unit + "/self-assessment", answers)
            #expect(saved.status == .seeOther, "\(saved.status)")
            // 09-23: the notice from Tue 09-24 ends Sun 09-29 (a make-up working day)
            clock.set(Fixture.chinaMorning("2019-09-23"))
            try await cadre.signIn("outsider")
            try await cadre.get(unit + "/notice")
            let notice = try await cadre.post(unit + "/notice", ["start": "2019-09-24", "tier": "three-star",
                                                                "version": String(try await application().version)])
            #expect(notice.status == .seeOther, "\(notice.status)")
            #expect(try await application().noticeEnd == "2019-09-29")
            // 09-30, 每年的9月30日之前 (the day itself included): the form, then filing
            clock.set(Fixture.chinaMorning("2019-09-30"))
            try await cadre.signIn("outsider")
            #expect(try await cadre.get(unit + "/form").status == .ok)
            let form = try await cadre.post(unit + "/form", ["chairName": "李强", "phone": "0514-83421234", "mainWork": "会员评家满意率95%。",
                                                             "unitOpinion": "同意申报。", "unitOpinionDate": "2019-09-30",
                                                             "version": String(try await application().version)])
            #expect(form.status == .seeOther, "\(form.status)")
            let filed = try await cadre.post(unit + "/file", ["version": String(try await application().version)])
            #expect(filed.status == .seeOther, "\(filed.status)")
            // check
            let final = try await application()
            #expect(final.state == ApplicationState.filed.rawValue && final.tier == "three-star")
            let print = try await cadre.get(unit + "/form/print")
            #expect(print.body.contains("“新时代星级基层工会”申报登记表") && print.body.contains("会员评家满意率95%。"))
            #expect(try await AuditLog.verify(on: app.db).broken == nil)
            // the audit page tells the story in words: each step's action and what it changed
            let staff = WebSession(app)
            try await staff.signIn("yizheng-staff")
            let audit = try await staff.get("/audit?kind=application.")
            #expect(audit.status == .ok)
            for line in ["<td>申报</td>", "<li>状态：公示中 → 已申报</li>", "<td>开始公示</td>", "<li>星级：— → 三星级</li>",
                         "<li>公示结束：— → 2019-09-29</li>", "<td>年初预申报</td>", "<li>预申报星级：— → 三星级</li>",
                         "<td>保存申报登记表</td>"] {
                #expect(audit.body.contains(line), "\(line)")
            }
            let english = try await staff.get("/audit?kind=application.&lang=en")
            #expect(english.body.contains("<li>state: on notice → filed</li>") && english.body.contains("<td>filed the application</td>"))
            return (f, clock)
    }
}
