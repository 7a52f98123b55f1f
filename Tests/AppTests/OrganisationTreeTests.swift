import Fluent
import Foundation
import SQLKit
import Testing
import UnionStarCore
import Vapor
@testable import App

@Suite struct OrganisationTreeTests {
    func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// A page of a node's children is read in name order from an index, not sorted each time (a
    /// town of 2,000 unions sorted all of them for every page).
    @Test func childrenAreReadInNameOrderFromTheIndex() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let sql = app.db as! any SQLDatabase
            // act and check
            if testDatabaseURL == nil {
                let plan = try await sql.raw("""
                    EXPLAIN QUERY PLAN SELECT id FROM organisations WHERE parent_id = \(bind: fixture.xiacun) ORDER BY name, id LIMIT 101
                    """).all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n")
                #expect(plan.contains("INDEX organisations_children (parent_id=?)") && !plan.contains("TEMP B-TREE"), "\(plan)")
            } else {
                // This test's own schema only: other tests drop theirs meanwhile, and describing an
                // index being dropped fails ("cache lookup failed").
                let definitions = try await sql.raw("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'organisations'").all()
                    .map { try $0.decode(column: "indexdef", as: String.self) }
                #expect(definitions.contains { $0.contains("organisations_children") && $0.contains("(parent_id, name, id)") }, "\(definitions)")
                #expect(!definitions.contains { $0.contains("organisations_parent ") })
            }
        }
    }

    @Test func staffCreateAUnionUnderATownAndSeeItListed() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let form = try await staff.get("/orgs/\(id(fixture.xiacun))/new")
            #expect(form.status == .ok)
            #expect(form.body.contains("<option value=\"grassroots\""))
            let created = try await staff.post("/orgs/\(id(fixture.xiacun))", [
                "name": "丁有限公司工会", "level": "grassroots", "kind": "enterprise", "creditCode": "91350100m000100y43",
                "members": "45", "employees": "50", "chair": "赵六", "phone": "0631-1234567", "companyForm": "true",
            ])
            #expect(created.status == .seeOther)
            let page = try await staff.get(try #require(created.location))
            #expect(page.body.contains("<h1>丁有限公司工会</h1>"))
            #expect(page.body.contains("已新建。"))
            #expect(page.body.contains("91350100M000100Y43"))
            #expect(try await staff.get("/orgs/\(id(fixture.xiacun))").body.contains("丁有限公司工会</a>"))
            let org = try #require(try await OrganisationModel.query(on: app.db).filter(\.$name == "丁有限公司工会").first())
            #expect(org.companyForm && org.members == 45 && org.version == 1)
            #expect(org.treePath.ids.count == 4)
        }
    }

    @Test func badInputNamesEveryFieldAndChangesNothing() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let count = try await OrganisationModel.query(on: app.db).count()
            let response = try await staff.post("/orgs/\(id(fixture.xiacun))", [
                "name": "", "level": "grassroots", "kind": "", "creditCode": "91350100M000100Y44", "members": "四十", "phone": "call me",
            ])
            #expect(response.status == .unprocessableEntity)
            for text in ["请填写名称", "请选择基层工会类型", "校验码不符：末位应为“3”，而不是“4”", "会员人数须为整数", "联系电话只能包含数字"] {
                #expect(response.body.contains(text), "\(text)")
            }
            #expect(try await OrganisationModel.query(on: app.db).count() == count)
            // A county cannot sit under a town; a second 甲公司工会 cannot sit beside the first.
            let level = try await staff.post("/orgs/\(id(fixture.xiacun))", ["name": "某县总工会", "level": "county"])
            #expect(level.body.contains("县级市总工会不能设在镇街/园区/系统工会之下"))
            let twin = try await staff.post("/orgs/\(id(fixture.xiacun))", ["name": "甲公司工会", "level": "grassroots", "kind": "enterprise"])
            #expect(twin.body.contains("同一上级下已有名为“甲公司工会”的单位"))
            #expect(try await OrganisationModel.query(on: app.db).count() == count)
        }
    }

    @Test func aStaleEditIsRefusedAndNothingIsOverwritten() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let alice = WebSession(app)
            let bob = WebSession(app)
            try await alice.signIn("staff")
            try await bob.signIn("admin")
            let path = "/orgs/\(id(fixture.unionA))/edit"
            // Both open the form at version 1.
            #expect(try await alice.get(path).body.contains("name=\"version\" value=\"1\""))
            #expect(try await bob.get(path).body.contains("name=\"version\" value=\"1\""))
            let first = try await alice.post(path, ["name": "甲公司工会", "kind": "enterprise", "members": "70", "employees": "80", "version": "1"])
            #expect(first.status == .seeOther)
            let second = try await bob.post(path, ["name": "甲公司工会", "kind": "enterprise", "members": "99", "employees": "80", "version": "1"])
            #expect(second.status == .conflict)
            #expect(second.body.contains("这条记录在您打开后已被他人修改"))
            let org = try #require(try await OrganisationModel.find(fixture.unionA, on: app.db))
            #expect(org.members == 70 && org.version == 2)
        }
    }

    @Test func concurrentEditsOfOneVersionLetExactlyOneThrough() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let org = try #require(try await OrganisationModel.find(fixture.unionA, on: app.db))
            let results = await withTaskGroup(of: Bool.self) { group in
                for n in 0..<12 {
                    group.addTask {
                        var draft = org.profile
                        draft.members = 100 + n
                        let profile = draft
                        do {
                            _ = try await app.writes.perform { db in
                                try await OrganisationStore.update(fixture.unionA, version: 1, to: profile, actor: .commandLine("test"), on: db)
                            }
                            return true
                        } catch { return false }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await OrganisationModel.find(fixture.unionA, on: app.db)?.version == 2)
        }
    }

    @Test func movingAUnionReScopesEverythingUnderIt() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            // A union under 甲 would be invalid; give 夏村镇 a sub-federation with a union of its own.
            let park = try await app.writes.perform { db in
                try await OrganisationStore.create(try OrganisationProfile(name: "夏村工业园工会", level: .subFederation).validated().get(),
                                                   under: try await OrganisationModel.find(fixture.xiacun, on: db), actor: .commandLine("t"), on: db)
            }
            let parkUnion = try await app.writes.perform { db in
                try await OrganisationStore.create(try OrganisationProfile(name: "园区某厂工会", level: .grassroots, kind: .enterprise).validated().get(),
                                                   under: park, actor: .commandLine("t"), on: db)
            }
            let reviewer = WebSession(app)
            try await reviewer.signIn("reviewer")  // 夏村镇
            #expect(try await reviewer.get("/orgs/\(id(parkUnion.id!))").status == .ok)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            let form = try await staff.get("/orgs/\(id(park.id!))/move")
            #expect(form.body.contains(id(fixture.rushankou)))
            #expect(!form.body.contains("value=\"\(id(park.id!))\""))  // not under itself
            let moved = try await staff.post("/orgs/\(id(park.id!))/move", ["parent": id(fixture.rushankou), "version": "1"])
            #expect(moved.status == .seeOther)
            // The whole subtree now lies under 乳山口镇: 夏村镇's reviewer no longer sees it.
            let union = try #require(try await OrganisationModel.find(parkUnion.id!, on: app.db))
            #expect(union.path.hasPrefix(try #require(try await OrganisationModel.find(fixture.rushankou, on: app.db)).path))
            #expect(try await reviewer.get("/orgs/\(id(parkUnion.id!))").status == .notFound)
            #expect(try await staff.get("/orgs/\(id(parkUnion.id!))").status == .ok)
            // Moving a node under its own descendant is refused.
            let loop = try await staff.post("/orgs/\(id(fixture.rushankou))/move", ["parent": id(park.id!), "version": "1"])
            #expect(loop.status == .unprocessableEntity)
        }
    }

    @Test func aUnitWithActiveUnitsUnderItCannotBeRetired() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            try await staff.get("/orgs/\(id(fixture.xiacun))")
            let refused = try await staff.post("/orgs/\(id(fixture.xiacun))/retire", ["version": "1"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("该单位下还有未撤销的下级单位"))
            let retired = try await staff.post("/orgs/\(id(fixture.unionA))/retire", ["version": "1"])
            #expect(retired.status == .seeOther)
            #expect(try await OrganisationModel.find(fixture.unionA, on: app.db)?.retiredAt != nil)
            let restored = try await staff.post("/orgs/\(id(fixture.unionA))/restore", ["version": "2"])
            #expect(restored.status == .seeOther)
            #expect(try await OrganisationModel.find(fixture.unionA, on: app.db)?.retiredAt == nil)
        }
    }

    @Test func theTreeShowsOnlyWhatTheRoleMaySee() async throws {
        try await withTestApp { app in
            _ = try await Fixture.make(app)
            let cadre = WebSession(app)
            try await cadre.signIn("cadre")
            let list = try await cadre.get("/orgs")
            #expect(list.body.contains("甲公司工会"))
            #expect(!list.body.contains("乳山市总工会</a>") && !list.body.contains("丙公司工会"))
            let sysadmin = WebSession(app)
            try await sysadmin.signIn("sysadmin")
            let all = try await sysadmin.get("/orgs")
            #expect(all.body.contains("威海市总工会") && all.body.contains("扬州市总工会"))
            #expect(all.body.contains("新建地市总工会"))
        }
    }

    @Test func accountsAreManagedOnlyInsideTheAdministratorsSubtree() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let admin = WebSession(app)
            try await admin.signIn("admin")
            let list = try await admin.get("/admin/users")
            #expect(list.body.contains(">target</a>") && !list.body.contains(">outsider</a>") && !list.body.contains(">yizheng-staff</a>"))
            try await admin.get("/admin/users/new")
            let created = try await admin.post("/admin/users", ["username": "newcomer", "displayName": "新同事",
                                                                "organisation": id(fixture.unionA), "role": "unionCadre"])
            #expect(created.status == .ok)
            let temporary = try #require(created.body.firstMatch(of: /data-secret>([^<]+)</).map { String($0.1) })
            #expect(PasswordPolicy.problem(with: temporary) == nil)
            // Not at a unit outside the subtree, and not a role bound to a unit outside it.
            let outside = try await admin.post("/admin/users", ["username": "sneaky", "displayName": "外人", "organisation": id(fixture.unionY)])
            #expect(outside.status == .unprocessableEntity)
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "sneaky").count() == 0)
            let target = fixture.users["target"]!.uuidString.lowercased()
            try await admin.get("/admin/users/\(target)")
            let grantOutside = try await admin.post("/admin/users/\(target)/roles", ["role": "federationStaff", "organisation": id(fixture.yizheng)])
            #expect(grantOutside.status == .unprocessableEntity)
            let wrongLevel = try await admin.post("/admin/users/\(target)/roles", ["role": "prefectureStaff", "organisation": id(fixture.unionA)])
            #expect(wrongLevel.status == .unprocessableEntity)
            #expect(try await RoleAssignmentModel.query(on: app.db).filter(\.$userID == fixture.users["target"]!).count() == 1)
        }
    }
}
