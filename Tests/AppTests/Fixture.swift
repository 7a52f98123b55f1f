import Fluent
import Testing
import SQLKit
import Foundation
import UnionStarCore
import Vapor
@testable import App

/// A small tree with one account per role, made directly through the stores:
///
///     威海市总工会 (prefecture staff) ─ 乳山市总工会 (staff, admin) ─ 夏村镇总工会 (reviewer, inspector)
///                                                         │        └ 甲公司工会 (cadre; "target" account)
///                                                         └ 乳山口镇总工会 ─ 乙公司工会
///     扬州市总工会 ─ 仪征市总工会 (yizheng staff) ─ 真州镇工会 ─ 丙公司工会 ("outsider" account)
struct Fixture: Sendable {
    static let password = "Test-Union-2026!"

    var weihai: UUID
    var rushan: UUID
    var xiacun: UUID
    var unionA: UUID
    var rushankou: UUID
    var unionB: UUID
    var yangzhou: UUID
    var yizheng: UUID
    var zhenzhou: UUID
    var unionY: UUID
    /// Accounts by name; each signs in with `Fixture.password`.
    var users: [String: UUID]
    /// The target account's role assignment (cadre at 甲公司工会).
    var targetAssignment: UUID
    /// 乳山市总工会's 2020 campaign (enterprise and regional standards, with a pre-application in
    /// July that the federation chose to add) and 仪征市总工会's 2019 one.
    var rushanCampaign: UUID
    var yizhengCampaign: UUID
    /// The audit entries recording the creation of 甲公司工会 (inside every role's subtree) and of
    /// 丙公司工会 (inside the global administrator's and 仪征's only).
    var unionACreated: Int64 = 0
    var unionYCreated: Int64 = 0

    /// Who acts in the matrix: the account name for each role.
    static let roleAccounts: [(Role?, String)] = [
        (.unionCadre, "cadre"), (.subFederationReviewer, "reviewer"), (.federationStaff, "staff"),
        (.federationAdmin, "admin"), (.prefectureStaff, "prefecture"), (.inspector, "inspector"), (nil, "sysadmin"),
    ]

    static func make(_ app: Application) async throws -> Fixture {
        let hash = try Bcrypt.hash(password, cost: app.security.bcryptCost)
        let actor = AuditDraft.Actor.commandLine("test fixture")
        var fixture = try await app.writes.perform { db in
            func org(_ name: String, _ level: OrganisationLevel, _ kind: UnionKind? = nil, under parent: UUID?) async throws -> UUID {
                let parentModel = try await parent.asyncMap { try await OrganisationModel.find($0, on: db) } ?? nil
                let profile = try OrganisationProfile(name: name, level: level, kind: kind, members: 60, employees: 80).validated().get()
                return try await OrganisationStore.create(profile, under: parentModel, actor: actor, on: db).id!
            }
            let weihai = try await org("威海市总工会", .prefecture, under: nil)
            let rushan = try await org("乳山市总工会", .county, under: weihai)
            let xiacun = try await org("夏村镇总工会", .subFederation, under: rushan)
            let unionA = try await org("甲公司工会", .grassroots, .enterprise, under: xiacun)
            let rushankou = try await org("乳山口镇总工会", .subFederation, under: rushan)
            let unionB = try await org("乙公司工会", .grassroots, .enterprise, under: rushankou)
            let yangzhou = try await org("扬州市总工会", .prefecture, under: nil)
            let yizheng = try await org("仪征市总工会", .county, under: yangzhou)
            let zhenzhou = try await org("真州镇工会", .subFederation, under: yizheng)
            let unionY = try await org("丙公司工会", .grassroots, .enterprise, under: zhenzhou)
            var users: [String: UUID] = [:]
            var targetAssignment = UUID()
            let accounts: [(String, Role, UUID?)] = [
                ("cadre", .unionCadre, unionA), ("reviewer", .subFederationReviewer, xiacun), ("staff", .federationStaff, rushan),
                ("admin", .federationAdmin, rushan), ("prefecture", .prefectureStaff, weihai), ("inspector", .inspector, xiacun),
                ("sysadmin", .federationAdmin, nil), ("yizheng-staff", .federationStaff, yizheng),
                ("target", .unionCadre, unionA), ("outsider", .unionCadre, unionY),
            ]
            for (name, role, place) in accounts {
                let user = try await AccountStore.create(username: name, displayName: "测试\(name)", organisationID: place,
                                                         passwordHash: hash, mustChangePassword: false, actor: actor, on: db)
                let placeModel = try await place.asyncMap { try await OrganisationModel.find($0, on: db) } ?? nil
                try await AccountStore.assign(role, at: placeModel, to: user, actor: actor, on: db)
                users[name] = user.id!
                if name == "target" {
                    targetAssignment = try await RoleAssignmentModel.query(on: db).filter(\.$userID == user.id!).first()!.id!
                }
            }
            let rushanCampaign = try await openCampaign(app, owner: rushan, year: 2020, title: "2020年度“活力基层工会”星级创建",
                                                        schemes: [.enterprise: "rushan-2020-enterprise", .hospital: "rushan-2020-enterprise",
                                                                  .school: "rushan-2020-enterprise", .regional: "rushan-2020-regional",
                                                                  .industry: "rushan-2020-regional"],
                                                        preApplication: DateWindow(from: day("2020-07-01"), by: day("2020-07-31")), on: db)
            let yizhengCampaign = try await openCampaign(app, owner: yizheng, year: 2019, title: "2019年度“双争”活动",
                                                         schemes: Dictionary(uniqueKeysWithValues: UnionKind.allCases.map { ($0, "yizheng-2019-union") }),
                                                         preApplication: DateWindow(from: day("2019-01-01"), by: day("2019-04-30")), on: db)
            return Fixture(weihai: weihai, rushan: rushan, xiacun: xiacun, unionA: unionA, rushankou: rushankou, unionB: unionB,
                           yangzhou: yangzhou, yizheng: yizheng, zhenzhou: zhenzhou, unionY: unionY, users: users,
                           targetAssignment: targetAssignment, rushanCampaign: rushanCampaign, yizhengCampaign: yizhengCampaign)
        }
        func created(_ unit: UUID) async throws -> Int64 {
            let row = try await (app.db as! any SQLDatabase).select().column("sequence").from(AuditLog.table)
                .where("action", .equal, "organisation.create").where("entity_id", .equal, unit.uuidString.lowercased()).first()
            return try #require(row).decode(column: "sequence", as: Int64.self)
        }
        fixture.unionACreated = try await created(fixture.unionA)
        fixture.unionYCreated = try await created(fixture.unionY)
        return fixture
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    /// 丙公司工会 named 星级（达标级） by 仪征's 2018 campaign: under 逐级表彰 it may apply for 三星级 in 2019.
    static func yizhengHoldsStar(_ app: Application, _ f: Fixture) async throws {
        let schemes = Dictionary(uniqueKeysWithValues: UnionKind.allCases.map { ($0, "yizheng-2019-union") })
        let c2018 = try await ReReviewRoundAppTests.campaign(app, owner: f.yizheng, year: 2018, schemes: schemes)
        _ = try await ReReviewRoundAppTests.named(app, campaign: c2018, unit: f.unionY, scheme: "yizheng-2019-union", tier: "star",
                                                  inspected: "87", on: "2018-11-20")
    }

    /// Opens a campaign as staff would, with the scheme's default dates for the year.
    static func openCampaign(_ app: Application, owner: UUID, year: Int, title: String, schemes: [UnionKind: String],
                             preApplication: DateWindow?, subject: Scheme.Subject = .union, on db: any Database) async throws -> UUID {
        let ownerModel = try await OrganisationModel.find(owner, on: db)!
        var pins: [UnionKind: SchemePin] = [:]
        var texts: [String: CampaignStore.SchemeSourceText] = [:]
        for (kind, id) in schemes {
            let (pin, text) = app.catalogue.pin(id)!
            pins[kind] = pin
            texts[pin.contentHash] = .init(schemeID: id, version: pin.version, text: text)
        }
        let first = app.catalogue.scheme(schemes[.enterprise] ?? schemes.values.first!)!
        var dates = CampaignDates.defaults(from: first.timeline, year: year)
        dates.preApplication = preApplication
        var plan = CampaignPlan(year: year, owner: ownerModel.treePath, schemes: pins, dates: dates,
                                participationTarget: first.timeline?.participationTarget, tiersOnOffer: first.tiers.map(\.id))
        plan.subject = subject
        return try await CampaignStore.create(title: title, owner: ownerModel, plan: plan, texts: texts,
                                              actor: .commandLine("test fixture"), on: db)
    }

    /// 10:00 in China on `day`, for a fixed clock.
    static func chinaMorning(_ text: String) -> Date {
        Date(timeIntervalSince1970: Double(day(text).dayNumber) * 86_400 + 2 * 3_600)
    }
}
