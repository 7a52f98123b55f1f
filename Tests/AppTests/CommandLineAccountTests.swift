import Fluent
import Foundation
import Testing
import UnionStarCore
import Vapor
@testable import App

/// The first administrator is made on the command line; no default password exists.
@Suite(.serialized) struct CommandLineAccountTests {
    @Test func createAdminReadsThePasswordAndRefusesAWeakOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("admin-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["DATABASE_PATH": folder.appendingPathComponent("db.sqlite").path, "UNIONSTAR_BCRYPT_COST": "4"]
        let weak = try runUnionstar(["user", "create-admin", "--username", "chief", "--name", "主任", "--password-stdin"],
                                    environment: environment, stdin: Data("12345678\n".utf8))
        #expect(weak.status == 1)
        #expect(weak.stderr.contains("too common"))
        let made = try runUnionstar(["user", "create-admin", "--username", "chief", "--name", "主任", "--password-stdin"],
                                    environment: environment, stdin: Data("Weihai-Union-Boss-26\n".utf8))
        #expect(made.status == 0)
        #expect(made.stdout.contains("administrator 'chief' created"))
        let again = try runUnionstar(["user", "create-admin", "--username", "chief", "--name", "主任", "--password-stdin"],
                                     environment: environment, stdin: Data("Weihai-Union-Boss-26\n".utf8))
        #expect(again.status == 1)
        #expect(again.stderr.contains("is taken"))
    }

    @Test func demoPrintsOneAccountPerRoleWithFreshPasswords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["DATABASE_PATH": folder.appendingPathComponent("db.sqlite").path, "UNIONSTAR_BCRYPT_COST": "4"]
        let accounts = folder.appendingPathComponent("accounts.txt").path
        let first = try runUnionstar(["demo", "--accounts-file", accounts], environment: environment)
        #expect(first.status == 0)
        for name in ["sysadmin", "rushan-admin", "rushan-staff", "weihai-staff", "xiacun-reviewer", "cadre", "cadre-new", "cadre-file",
                     "cadre-star", "inspector", "xiacun-inspector", "yizheng-staff", "yangzhou-staff"] {
            #expect(first.stdout.contains("  \(name) "), "\(name)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: accounts)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Again: the same tree, new passwords; --if-empty does nothing once accounts exist.
        let second = try runUnionstar(["demo"], environment: environment)
        #expect(second.status == 0 && second.stdout != first.stdout)
        let skipped = try runUnionstar(["demo", "--if-empty"], environment: environment)
        #expect(skipped.status == 0 && skipped.stdout.isEmpty)
    }

    @Test func demoOpensALivingCampaignPerFederationWithUnitsInEveryState() async throws {
        // setup
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-campaigns-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        // act
        let run = try runUnionstar(["demo"], environment: ["DATABASE_PATH": path, "UNIONSTAR_BCRYPT_COST": "4"])
        #expect(run.status == 0)
        // check: read the file back through the app
        let app = try await Application.make(.testing)
        do {
            try await configure(app, options: AppOptions(root: repositoryRoot, database: .sqliteFile(path: path), bcryptCost: 4))
            let today = CalendarDate.china(Date())
            let all = try await CampaignModel.query(on: app.db).all()
            #expect(all.count == 7)
            // This year's 复查 of 乳山's unions named two years ago: all eight re-reviewed by 威海,
            // the third downgraded or kept at its tier, the fourth delisted.
            let round = try #require(all.first { $0.kind == CampaignKind.reReview.rawValue })
            #expect(round.year == today.year && round.title == "\(today.year)年复查（\(today.year - 2)年获评单位）")
            let reviewed = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == round.id!).all()
            let outcomes = reviewed.compactMap { $0.outcomeJSON.flatMap { try? CampaignStore.decode(ReReviewOutcome.self, $0) } }
            #expect(reviewed.count == 8 && outcomes.count == 8 && reviewed.allSatisfy { $0.state == "reReviewed" })
            #expect(outcomes.contains { $0.outcome == .revoke && $0.score == Points(62) })
            // Those of two years ago ran to the end: eight unions named in each, two of them five-star,
            // named by the prefecture (威海, 扬州) with certificates numbered in turn.
            for campaign in all where campaign.year == today.year - 2 {
                let rows = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaign.id!).all()
                #expect(rows.count == 8 && rows.allSatisfy { $0.state == "named" && $0.certificateNumber != nil }, "\(campaign.title)")
                let fiveStar = rows.filter { $0.decidedTier == "five-star" }
                #expect(fiveStar.count == 2 && fiveStar.allSatisfy { ["威海市总工会", "扬州市总工会"].contains($0.namedIssuer ?? "") }, "\(campaign.title)")
                #expect(Set(rows.compactMap(\.certificateNumber)).count == 8)
                // 仪征's chair campaign (双争): every named application carries its eligible chair
                if campaign.subject == Scheme.Subject.chair.rawValue {
                    let plan = try CampaignStore.plan(of: campaign)
                    #expect(rows.allSatisfy { ChairEligibility.reasons(ApplicationStore.chairPerson($0), asOf: ChairEligibility.asOf(plan)).isEmpty })
                }
            }
            #expect(all.contains { $0.year == today.year - 2 && $0.subject == Scheme.Subject.chair.rawValue })
            let campaigns = all.filter { $0.year == today.year && $0.kind == CampaignKind.award.rawValue }
            #expect(campaigns.count == 2)
            for campaign in campaigns {
                let plan = try CampaignStore.plan(of: campaign)
                #expect(plan.dates.selfCheck.contains(today), "\(campaign.title): the self-check is open today")
                let states = Set(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == campaign.id!).all().map(\.state))
                let expected: Set<String> = plan.asksCongressDecision
                    ? ["drafting", "congressDecided", "onNotice", "filed", "returned"]
                    : ["preApplied", "drafting", "onNotice", "filed", "returned"]
                #expect(states == expected, "\(campaign.title)")
            }
            // This year's Rushan campaign leaves 宏岳电子 filed for five stars, waiting for 夏村镇's stamp,
            // with the inspection ahead (the part 2 browser walk).
            let rushanCampaign = try #require(campaigns.first { $0.title == DemoText.rushanCampaign(today.year) })
            let filedUnit = try #require(try await OrganisationModel.query(on: app.db).filter(\.$name == "乳山市宏岳电子科技有限公司工会").first())
            let filed = try #require(try await ApplicationModel.query(on: app.db).filter(\.$campaignID == rushanCampaign.id!)
                .filter(\.$unitID == filedUnit.id!).first())
            #expect(filed.state == "filed" && filed.tier == "five-star" && filed.selfTotal == "100")
            #expect(try await EndorsementModel.query(on: app.db).filter(\.$applicationID == filed.id!).count() == 0)
            #expect(try CampaignStore.plan(of: rushanCampaign).dates.inspection.from.map { $0 > today } == true)
            // Last year's campaign is inspecting today: one union endorsed, the demo's inspector assigned, not scored.
            let review = try #require(all.first { $0.year == today.year - 1 })
            #expect(try CampaignStore.plan(of: review).dates.inspection.contains(today) && CampaignStore.plan(of: review).dates.problems(year: review.year).isEmpty)
            let applications = try await ApplicationModel.query(on: app.db).filter(\.$campaignID == review.id!).all()
            #expect(applications.map(\.state) == ["endorsed"])
            let assignments = try await InspectionAssignmentModel.query(on: app.db).filter(\.$applicationID ~~ applications.compactMap(\.id)).all()
            let inspector = try await UserModel.query(on: app.db).filter(\.$username == "inspector").first()
            #expect(assignments.count == 1 && assignments.first?.inspectorID == inspector?.id && assignments.first?.scoredAt == nil)
            // 会员评家: the cadre's union has a survey closed with enough answers to fill its self-assessment, and a
            // running one whose printed tokens a member can answer with.
            let union = try #require(try await OrganisationModel.query(on: app.db).filter(\.$name == "乳山市金海食品有限公司工会").first())
            let surveys = try await SurveyModel.query(on: app.db).filter(\.$unitID == union.id!).all().map(LoadedSurvey.init)
            #expect(Set(surveys.map { $0.life.status(on: today) }) == [.closed, .open])
            let answered = try await SurveyStore.responseCounts(surveys.map(\.id), on: app.db)
            let closed = try #require(surveys.first { $0.life.status(on: today) == .closed })
            #expect(answered[closed.id] == 162 && closed.model.issued == 186)
            #expect(closed.minimum.check(responses: 162, issued: 186).isEnough)
            let printed = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  /s#") }.map { String($0.dropFirst(5)) }
            #expect(printed.count == DemoSurveys.printedTokens)
            for token in printed {
                guard case .success(let survey) = try await SurveyStore.survey(forToken: token, on: app.db) else { Issue.record("\(token)"); continue }
                #expect(survey.life.status(on: today) == .open)
            }
            #expect(try await AuditLog.verify(on: app.db).broken == nil)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
