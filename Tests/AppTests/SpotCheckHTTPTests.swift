import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// 抽查 through HTTP: 扬州市总工会's staff draw a sample of 仪征's units decided 三星级, from the
/// population in the draw's order and a seed typed or picked; every draw is recorded, audited and
/// published, and `unionstar draw` repeats it from the published population.
@Suite struct SpotCheckHTTPTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// Six unions under 真州镇 in 仪征's 2019 campaign: four decided 三星级 (decided, decided, on the
    /// results notice, named), one decided 星级, one not named; and 扬州市总工会's staff.
    struct Setup {
        var f: Fixture
        var threeStar: [UUID]
        var star: UUID
        var path: String
    }

    static func setUp(_ app: Application) async throws -> Setup {
        app.clock = FixedClock(Fixture.chinaMorning("2019-11-05"))
        let f = try await Fixture.make(app)
        let hash = try Bcrypt.hash(Fixture.password, cost: app.security.bcryptCost)
        let actor = AuditDraft.Actor.commandLine("test fixture")
        let units: [(String, ApplicationState, String?)] = [
            ("丁公司工会", .decided, "three-star"), ("戊公司工会", .decided, "three-star"), ("己公司工会", .onResultsNotice, "three-star"),
            ("庚公司工会", .named, "three-star"), ("辛公司工会", .decided, "star"), ("壬公司工会", .notNamed, "three-star"),
        ]
        let ids = try await app.writes.perform { db in
            let yangzhou = try await OrganisationModel.find(f.yangzhou, on: db)
            let user = try await AccountStore.create(username: "yangzhou-staff", displayName: "扬州组织部", organisationID: f.yangzhou,
                                                     passwordHash: hash, mustChangePassword: false, actor: actor, on: db)
            try await AccountStore.assign(.prefectureStaff, at: yangzhou, to: user, actor: actor, on: db)
            let town = try await OrganisationModel.find(f.zhenzhou, on: db)
            let campaign = try await CampaignModel.find(f.yizhengCampaign, on: db)!
            let pin = try CampaignStore.plan(of: campaign).scheme(for: .enterprise)!
            var ids: [UUID] = []
            for (name, state, tier) in units {
                let profile = try OrganisationProfile(name: name, level: .grassroots, kind: .enterprise, members: 60, employees: 80).validated().get()
                let unit = try await OrganisationStore.create(profile, under: town, actor: actor, on: db)
                let application = ApplicationStore.newApplication(campaignID: campaign.id!, unit: unit, pin: pin, at: Date())
                application.state = state.rawValue
                application.tier = "three-star"
                application.decidedTier = tier
                application.version = 1
                try await application.create(on: db)
                ids.append(unit.id!)
            }
            return ids
        }
        return Setup(f: f, threeStar: Array(ids.prefix(4)), star: ids[4], path: "/campaigns/\(id(f.yizhengCampaign))/spot-checks")
    }

    static func draws(_ app: Application) async throws -> [SpotCheckDrawModel] {
        try await SpotCheckDrawModel.query(on: app.db).sort(\.$number).all()
    }

    @Test func aDrawWithAGivenSeedIsRecordedPublishedAndRepeatable() async throws {
        try await withTestApp { app in
            // setup
            let s = try await Self.setUp(app)
            let staff = WebSession(app)
            try await staff.signIn("yangzhou-staff")
            #expect((try await staff.get("/campaigns/\(Self.id(s.f.yizhengCampaign))")).body.contains(#"href="\#(s.path)""#))
            let page = try await staff.get(s.path)
            let ordered = SampleDraw.order(s.threeStar.map(Self.id))
            #expect(page.status == .ok && page.body.contains("按评定方案，由地市总工会对部分“三星级”单位进行抽查。"))
            #expect(page.body.contains("总体：确定为“三星级”的单位，共4个") && page.body.contains("按单位编号的字节升序排列，即抽取时所用的顺序。"))
            let positions = ordered.map { page.body.range(of: $0)!.lowerBound }
            #expect(positions == positions.sorted(), "listed in the draw's order")
            #expect(!page.body.contains(Self.id(s.star)) && !page.body.contains("壬公司工会") && page.body.contains("尚无抽查记录。"))
            // act
            let drawn = try await staff.post(s.path, ["tier": "three-star", "size": "2", "seed": "20191115", "draws": "0"])
            // check: recorded, with the population and the sample the core draws
            let rows = try await Self.draws(app)
            let row = try #require(rows.first)
            #expect(drawn.status == .seeOther && drawn.location == "/spot-checks/\(Self.id(row.id!))?done=drawn")
            let sample = SampleDraw.draw(ordered, count: 2, seed: 20_191_115)
            #expect(rows.count == 1 && row.number == 1 && row.seed == "20191115" && row.seedGiven && row.size == 2 && row.federation == "扬州市总工会")
            #expect(try CampaignStore.decode([String].self, row.sampleJSON) == sample)
            #expect(try CampaignStore.decode([SpotCheckController.Unit].self, row.populationJSON).map(\.id) == ordered)
            let audit = try await CongressAndNoticeTests.auditRows(app).filter { $0.action == "campaign.spot-check" }
            #expect(audit.count == 1 && audit[0].after_json.contains(#""seed":"20191115""#) && audit[0].scope.contains(Self.id(s.f.yizheng)))
            // the public page, signed out
            let visitor = WebSession(app)
            let published = try await visitor.get("/spot-checks/\(Self.id(row.id!))")
            #expect(published.status == .ok && published.body.contains("抽查结果公示（第1次抽查）") && published.body.contains("20191115（由抽取人输入）"))
            #expect(published.body.contains("unionstar draw --seed 20191115 --size 2 --population population-1.txt"))
            #expect(published.body.contains("2 / 4") && published.body.contains("扬州市总工会") && published.body.contains("SplitMix64"))
            let names = try CampaignStore.decode([SpotCheckController.Unit].self, row.populationJSON)
            let drawnNames = sample.map { id in names.first { $0.id == id }!.name }
            #expect(published.body.range(of: drawnNames[0])!.lowerBound < published.body.range(of: drawnNames[1])!.lowerBound)
            // the population as text, and the command repeats the draw from it
            let text = try await visitor.get("/spot-checks/\(Self.id(row.id!))/population.txt")
            #expect(text.status == .ok && text.headers.first(name: .contentType) == "text/plain; charset=utf-8")
            #expect(SpotCheck.ids(inPopulationText: text.body) == ordered && text.body.hasPrefix("# "))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("population-\(UUID()).txt")
            try Data(text.body.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let repeated = try runUnionstar(["draw", "--seed", "20191115", "--size", "2", "--population", file.path])
            #expect(repeated.status == 0)
            #expect(SpotCheck.ids(inPopulationText: repeated.stdout) == sample)
            #expect(repeated.stdout == sample.map { id in "\(id)\t\(names.first { $0.id == id }!.name)\n" }.joined())
        }
    }

    @Test func theAppPicksTheSeedAndDrawingAgainIsANewRecordedDraw() async throws {
        try await withTestApp { app in
            // setup
            let s = try await Self.setUp(app)
            let staff = WebSession(app)
            try await staff.signIn("yangzhou-staff")
            try await staff.get(s.path)
            // act: no seed
            let first = try await staff.post(s.path, ["tier": "three-star", "size": "3", "seed": "", "draws": "0"])
            // check: the seed picked is recorded and shown, and repeats the sample
            #expect(first.status == .seeOther)
            let row = try #require(try await Self.draws(app).first)
            let seed = try #require(UInt64(row.seed))
            #expect(!row.seedGiven && row.size == 3)
            #expect(try CampaignStore.decode([String].self, row.sampleJSON) == SampleDraw.draw(s.threeStar.map(Self.id), count: 3, seed: seed))
            #expect((try await staff.get(first.location!)).body.contains("\(row.seed)（由系统随机生成）") )
            // the same page sent again (a double click, a reload) draws nothing: it is stale
            let again = try await staff.post(s.path, ["tier": "three-star", "size": "3", "seed": "", "draws": "0"])
            #expect(again.status == .conflict && again.body.contains("您打开本页后，已有人进行了新的抽取。"))
            #expect(try await Self.draws(app).count == 1)
            // drawing again on purpose is a second draw; the first stays, and both are listed
            let second = try await staff.post(s.path, ["tier": "three-star", "size": "1", "seed": "7", "draws": "1"])
            #expect(second.status == .seeOther)
            let rows = try await Self.draws(app)
            #expect(rows.map(\.number) == [1, 2] && rows[0].seed == row.seed)
            let list = try await staff.get(s.path)
            #expect(list.body.contains("第1次抽查") && list.body.contains("第2次抽查") && list.body.contains(#"name="draws" value="2""#))
            let published = try await WebSession(app).get(second.location!)
            #expect(published.body.contains("本活动的全部抽查记录") && published.body.contains("/spot-checks/\(Self.id(rows[0].id!))")
                    && published.body.contains("第2次抽查 · 2019-11-05 10:00（本页）"))
            #expect(try await CongressAndNoticeTests.auditRows(app).filter { $0.action == "campaign.spot-check" }.count == 2)
        }
    }

    @Test(arguments: [
        (["size": "5", "seed": ""], "样本量应为1至4之间的整数。"),
        (["size": "0", "seed": "1"], "样本量应为1至4之间的整数。"),
        (["size": "2", "seed": "abc"], "随机种子应为0至18446744073709551615之间的整数（只写数字），或留空由系统生成。"),
        (["size": "2", "seed": "18446744073709551616"], "随机种子应为0至18446744073709551615之间的整数（只写数字），或留空由系统生成。"),
    ])
    func badInputIsRefusedNamingTheFieldAndDrawsNothing(fields: [String: String], message: String) async throws {
        try await withTestApp { app in
            let s = try await Self.setUp(app)
            let staff = WebSession(app)
            try await staff.signIn("yangzhou-staff")
            try await staff.get(s.path)
            var form = fields
            form["tier"] = "three-star"
            form["draws"] = "0"
            let response = try await staff.post(s.path, form)
            #expect(response.status == .unprocessableEntity && response.body.contains(message))
            #expect(try await Self.draws(app).isEmpty)
        }
    }

    @Test func onlyTheLevelAboveDrawsAndAnyoneReadsTheRecord() async throws {
        try await withTestApp { app in
            let s = try await Self.setUp(app)
            // 仪征's own staff, and 威海's prefecture staff, find nothing here
            for account in ["yizheng-staff", "prefecture"] {
                let other = WebSession(app)
                try await other.signIn(account)
                #expect(try await other.get(s.path).status == .notFound, "\(account)")
                #expect(try await other.post(s.path, ["tier": "three-star", "size": "1", "seed": "1", "draws": "0"]).status == .notFound)
            }
            // Rushan's scheme names no spot check: 威海's staff are told so
            let weihai = WebSession(app)
            try await weihai.signIn("prefecture")
            let rushan = "/campaigns/\(Self.id(s.f.rushanCampaign))/spot-checks"
            let page = try await weihai.get(rushan)
            #expect(page.status == .ok && page.body.contains("本活动的评定方案没有规定由地市总工会抽查的星级。") && !page.body.contains(#"name="size""#))
            let refused = try await weihai.post(rushan, ["tier": "three-star", "size": "1", "seed": "1", "draws": "0"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("本活动的评定方案没有规定由地市总工会抽查的星级。"))
            #expect(try await Self.draws(app).isEmpty)
            // a draw that does not exist
            #expect(try await WebSession(app).get("/spot-checks/\(Self.id(UUID()))").status == .notFound)
        }
    }
}

/// `unionstar draw` on its own: the file's order does not matter, and bad input names the field.
@Suite(.serialized) struct DrawCommandTests {
    @Test func theSampleIsTheCoresWhateverTheFilesOrder() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("population-\(UUID()).txt")
        try Data("# 总体\nunit-3\t丙\nunit-1\t甲\n\nunit-2\t乙\nunit-5\t戊\nunit-4\t丁\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try runUnionstar(["draw", "--seed", "42", "--size", "3", "--population", file.path])
        #expect(r.status == 0)
        let expected = SampleDraw.draw((1...5).map { "unit-\($0)" }, count: 3, seed: 42)
        #expect(SpotCheck.ids(inPopulationText: r.stdout) == expected && r.stdout.contains("\t"))
        let bad = try runUnionstar(["draw", "--seed", "42", "--size", "6", "--population", file.path], environment: ["UNIONSTAR_LANG": "en"])
        #expect(bad.status != 0 && bad.stderr.contains("The sample size is a whole number from 1 to 5."))
    }
}
