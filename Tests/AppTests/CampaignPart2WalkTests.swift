import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Part 2 of the campaign through HTTP, as each person does it on the days they do it: the three
/// applications part 1 files (a Rushan enterprise union, a Rushan regional union, a Yizheng union)
/// go on through the town's endorsement, two inspectors (one with a conflict refused), the
/// decision, the results notice with an objection and its answer, and naming, to the certificate.
@Suite struct CampaignPart2WalkTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// An account with `role` over `scope`, homed at `home`.
    static func account(_ app: Application, _ name: String, _ role: Role, home: UUID, scope: UUID) async throws -> UUID {
        let hash = try Bcrypt.hash(Fixture.password, cost: app.security.bcryptCost)
        let actor = AuditDraft.Actor.commandLine("test fixture")
        return try await app.writes.perform { db in
            let user = try await AccountStore.create(username: name, displayName: "测试\(name)", organisationID: home,
                                                     passwordHash: hash, mustChangePassword: false, actor: actor, on: db)
            try await AccountStore.assign(role, at: try await OrganisationModel.find(scope, on: db), to: user, actor: actor, on: db)
            return user.id!
        }
    }

    /// A whole inspection record: every item of `scheme` at its maximum, item 1 `short` below it.
    static func record(_ app: Application, scheme: String, visited: String, methods: [String], short: String, version: Int) -> [String: String] {
        var fields = ["visitedOn": visited, "peopleMet": "工会主席、职工代表6人", "findings": "台账齐全；职工书屋开放时间不固定。",
                      "version": String(version)]
        for (index, method) in methods.enumerated() { fields["methods[\(index)]"] = method }
        for item in app.catalogue.scheme(scheme)!.items {
            fields["items[\(item.number)]"] = item.number == 1 ? (item.max - Points(parsing: short)!).description : item.max.description
        }
        return fields
    }

    struct Walk {
        var app: Application
        var clock: FixedClock
        var campaign: UUID
        var unit: UUID
        var scheme: String
        var reviewer: String
        var inspectors: [String]
        var conflicted: UUID
        var countyStaff: String
        var namer: String
        var methods: [String]
        /// endorse, assign, inspect, close, decide, start results (notice from the next day), object, name
        var days: [String]
        var tier: String
        var expectedTotal: String
        var expectedEnd: String
        var issuer: String
        var certificate: String

        var path: String { "/campaigns/\(CampaignPart2WalkTests.id(campaign))/units/\(CampaignPart2WalkTests.id(unit))" }

        func application() async throws -> ApplicationModel {
            try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaign).filter(\.$unitID == unit).first())
        }
        func version() async throws -> String { String(try await application().version) }
        func session(_ account: String) async throws -> WebSession {
            let session = WebSession(app)
            try await session.signIn(account)
            return session
        }
        func on(_ index: Int) { clock.set(Fixture.chinaMorning(days[index])) }

        func run() async throws {
            // the town's reviewer stamps it (逐级审核盖章)
            on(0)
            let reviewer = try await session(reviewer)
            #expect(try await reviewer.get(path + "/endorse").status == .ok)
            let stamped = try await reviewer.post(path + "/endorse", ["opinion": "情况属实，同意上报。", "date": days[0], "version": try await version()])
            #expect(stamped.status == .seeOther, "\(stamped.status)")
            #expect(try await application().state == ApplicationState.endorsed.rawValue)

            // staff assign two inspectors; the town's own inspector is refused (须回避)
            on(1)
            let county = try await session(countyStaff)
            #expect(try await county.get(path + "/inspectors").status == .ok)
            let refused = try await county.post(path + "/inspectors", ["inspector": CampaignPart2WalkTests.id(conflicted), "version": try await version()])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("须回避"))
            for name in inspectors {
                let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == name).first())
                let assigned = try await county.post(path + "/inspectors", ["inspector": CampaignPart2WalkTests.id(user.id!), "version": try await version()])
                #expect(assigned.status == .seeOther, "\(assigned.status)")
            }

            // each inspector visits and scores every item; an inspector not assigned finds nothing
            on(2)
            for (index, name) in inspectors.enumerated() {
                let inspector = try await session(name)
                #expect(try await inspector.get("/inspections").body.contains(path + "/inspection"))
                #expect(try await inspector.get(path + "/inspection").status == .ok)
                let scored = try await inspector.post(path + "/inspection", CampaignPart2WalkTests.record(
                    app, scheme: scheme, visited: days[2], methods: methods, short: index == 0 ? "0.5" : "1", version: 0))
                #expect(scored.status == .seeOther, "\(scored.status)")
            }

            // staff close the inspection: the mean of the two
            on(3)
            let closing = try await session(countyStaff)
            try await closing.get(path + "/inspectors")
            #expect(try await closing.post(path + "/inspection/complete", ["version": try await version()]).status == .seeOther)
            var application = try await application()
            #expect(application.state == ApplicationState.inspected.rawValue && application.inspectedTotal == expectedTotal
                    && application.inspectionSpread == "0.5")

            // the county decides the tier the score gives
            on(4)
            let deciding = try await session(countyStaff)
            let decisionPage = try await deciding.get(path + "/decision")
            #expect(decisionPage.body.contains(#"<option value="\#(tier)" selected>"#))
            #expect(try await deciding.post(path + "/decision", ["tier": tier, "reason": "", "version": try await version()]).status == .seeOther)
            #expect(try await self.application().decidedTier == tier)

            // the results notice, from the next day
            on(5)
            let notice = try await session(countyStaff)
            let results = "/campaigns/\(CampaignPart2WalkTests.id(campaign))/results"
            try await notice.get(results)
            let start = CalendarDate(parsing: days[5])!.adding(days: 1).description
            #expect(try await notice.post(results, ["start": start, "units[]": CampaignPart2WalkTests.id(unit)]).status == .seeOther)
            application = try await self.application()
            #expect(application.state == ApplicationState.onResultsNotice.rawValue && application.resultsEnd == expectedEnd)
            let token = try #require(application.resultsToken)

            // a member objects on the public page; the county answers
            on(6)
            let member = WebSession(app)
            #expect(try await member.get("/notices/\(token)").body.contains("星级评定结果公示"))
            #expect(try await member.post("/notices/\(token)/objections", ["text": "该单位劳动竞赛只开展了一次。", "name": ""]).status == .seeOther)
            on(7)
            let answering = try await session(countyStaff)
            let objection = try #require(try await ObjectionModel.query(on: app.db).filter(\.$notice == ObjectionModel.results)
                .filter(\.$applicationID == application.id!).first())
            #expect(try await answering.get(path + "/results").body.contains("该单位劳动竞赛只开展了一次。"))
            let answered = try await answering.post(path + "/results/objections/\(CampaignPart2WalkTests.id(objection.id!))/answer",
                                                    ["answer": "经核查，当年开展劳动竞赛两次，有活动记录。"])
            #expect(answered.status == .seeOther)

            // named by the naming level
            let namer = try await session(namer)
            try await namer.get(results)
            let named = try await namer.post(results + "/name")
            #expect(named.status == .seeOther, "\(named.status)")
            application = try await self.application()
            #expect(application.state == ApplicationState.named.rawValue && application.namedIssuer == issuer
                    && application.certificateNumber == certificate)
            let certificatePage = try await namer.get(path + "/certificate")
            #expect(certificatePage.status == .ok && certificatePage.body.contains(#"<p class="cert-org">\#(issuer)</p>"#))
            let record = try await member.get("/notices/\(token)")
            #expect(record.body.contains("<dt>证书编号</dt><dd>\(certificate)</dd>"))
            #expect(record.body.contains("扫码查看命名记录") && !record.body.contains("提出异议"))
            #expect(try await member.get("/stars").body.contains(certificate))
            #expect(try await AuditLog.verify(on: app.db).broken == nil)
        }
    }

    @Test(arguments: ["rushan-2020-enterprise", "rushan-2020-regional"])
    func aRushanUnionFromItsFilingToItsCertificate(scheme: String) async throws {
        try await withTestApp { app in
            // setup: part 1's walk, filed (round 2) on 2020-09-03
            let (f, unitID, clock) = try await CampaignWalkTests.rushanToSecondFiling(app, scheme: scheme)
            _ = try await Self.account(app, "county-inspector", .inspector, home: f.rushan, scope: f.rushan)
            _ = try await Self.account(app, "weihai-inspector", .inspector, home: f.weihai, scope: f.rushan)
            // act and check: 四星级 (applied for; the inspected 99.25 would reach 五星 but not above the tier applied for)
            try await Walk(app: app, clock: clock, campaign: f.rushanCampaign, unit: unitID, scheme: scheme, reviewer: "reviewer",
                           inspectors: ["county-inspector", "weihai-inspector"], conflicted: f.users["inspector"]!, countyStaff: "staff",
                           namer: "staff", methods: ["briefing", "records", "interviews"],
                           days: ["2020-09-04", "2020-09-07", "2020-09-10", "2020-09-11", "2020-09-25", "2020-10-12", "2020-10-14", "2020-10-20"],
                           tier: "four-star", expectedTotal: "99.25", expectedEnd: "2020-10-19", issuer: "乳山市总工会",
                           certificate: "2020-2-0001").run()
        }
    }

    @Test func aYizhengUnionFromItsFilingToItsCertificate() async throws {
        try await withTestApp { app in
            // setup: part 1's walk, filed on 2019-09-30; 真州镇's reviewer, two 仪征 inspectors, a 真州镇
            // inspector (in conflict) and 扬州's staff
            let (f, clock) = try await CampaignWalkTests.yizhengToFiling(app)
            _ = try await Self.account(app, "zhenzhou-reviewer", .subFederationReviewer, home: f.zhenzhou, scope: f.zhenzhou)
            _ = try await Self.account(app, "yizheng-inspector-1", .inspector, home: f.yizheng, scope: f.yizheng)
            _ = try await Self.account(app, "yizheng-inspector-2", .inspector, home: f.yizheng, scope: f.yizheng)
            let town = try await Self.account(app, "zhenzhou-inspector", .inspector, home: f.zhenzhou, scope: f.yizheng)
            _ = try await Self.account(app, "yangzhou-staff", .prefectureStaff, home: f.yangzhou, scope: f.yangzhou)
            // act and check: 听汇报、查看台账资料、个别访谈、召开座谈会; 三星级 decided by 仪征, the notice ends on
            // 8 November (before 11月15日), 扬州 names it (受到扬州市总表彰)
            try await Walk(app: app, clock: clock, campaign: f.yizhengCampaign, unit: f.unionY, scheme: "yizheng-2019-union",
                           reviewer: "zhenzhou-reviewer", inspectors: ["yizheng-inspector-1", "yizheng-inspector-2"], conflicted: town,
                           countyStaff: "yizheng-staff", namer: "yangzhou-staff", methods: ["briefing", "records", "interviews", "discussion"],
                           days: ["2019-10-08", "2019-10-09", "2019-10-10", "2019-10-11", "2019-10-14", "2019-11-01", "2019-11-05", "2019-11-11"],
                           tier: "three-star", expectedTotal: "99.25", expectedEnd: "2019-11-08", issuer: "扬州市总工会",
                           certificate: "2019-2-0001").run()
            // the rewards list: 6000元 for a three-star union (60 members: not halved)
            let county = WebSession(app)
            try await county.signIn("yizheng-staff")
            let rewards = try await county.get("/campaigns/\(Self.id(f.yizhengCampaign))/rewards")
            #expect(rewards.body.contains("<td>丙公司工会</td><td>三星级</td><td>60</td>") && rewards.body.contains("奖励经费合计：6000元"))
        }
    }
}
