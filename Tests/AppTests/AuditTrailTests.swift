import Fluent
import Foundation
import SQLKit
import Testing
import UnionStarCore
import Vapor
@testable import App

@Suite struct AuditTrailTests {
    @Test func changesAreRecordedWithWhoWhenWhereBeforeAndAfter() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app, address: "10.9.8.7")
            try await staff.signIn("staff")
            let path = "/orgs/\(fixture.unionA.uuidString.lowercased())/edit"
            try await staff.get(path)
            try await staff.post(path, ["name": "甲公司工会", "kind": "enterprise", "members": "77", "employees": "80", "version": "1"])
            let sql = app.db as! any SQLDatabase
            let row = try #require(try await sql.select().column("*").from("audit_events").where("action", .equal, SQLBind("organisation.update"))
                .first(decoding: AuditLog.Row.self))
            #expect(row.actor_name == "测试staff（staff）")
            #expect(row.actor_id == fixture.users["staff"]!.uuidString)
            #expect(row.address == "10.9.8.7")
            #expect(row.entity_id == fixture.unionA.uuidString.lowercased())
            #expect(row.before_json.contains("\"members\":60"))
            #expect(row.after_json.contains("\"members\":77"))
            #expect(abs(Double(row.at_ms) / 1000 - Date().timeIntervalSince1970) < 60)
            // Staff read it in words, filtered, within their subtree; the raw record one click away.
            let page = try await staff.get("/audit?kind=organisation.&object=%E7%94%B2%E5%85%AC%E5%8F%B8")  // 甲公司
            #expect(page.body.contains("<td>修改单位</td><td><a href=\"/orgs/\(fixture.unionA.uuidString.lowercased())\">甲公司工会</a></td>"))
            #expect(page.body.contains("<li>会员人数：60 → 77</li>"))
            #expect(page.body.contains("10.9.8.7"))
            let sequence = try #require(page.body.firstMatch(of: /<a class="raw-link" href="\/audit\/(\d+)">原始记录 #\d+<\/a>/)?.1)
            let raw = try await staff.get("/audit/\(sequence)")
            #expect(raw.status == .ok && raw.body.contains("<code>organisation.update</code>") && raw.body.contains("<li>会员人数：60 → 77</li>"))
            #expect(raw.body.contains("&quot;members&quot;:60") && raw.body.contains("&quot;members&quot;:77"))
            #expect(!page.body.contains("乙公司工会"))
            let english = try await staff.get("/audit?kind=organisation.&object=%E7%94%B2%E5%85%AC%E5%8F%B8&lang=en")
            #expect(english.body.contains("<li>members: 60 → 77</li>") && english.body.contains("edited a unit"))
            // A role is shown with the named place it is bound to.
            let admin = WebSession(app)
            try await admin.signIn("admin")
            let roles = try await admin.get("/audit?kind=role.&object=target")
            #expect(roles.body.contains("<li>位置：— → 威海市总工会 / 乳山市总工会 / 夏村镇总工会 / 甲公司工会</li>"))
            #expect(roles.body.contains("<li>角色：— → 基层工会干部</li>"))
            let yizheng = WebSession(app)
            try await yizheng.signIn("yizheng-staff")
            #expect(!(try await yizheng.get("/audit?kind=organisation.").body.contains("10.9.8.7")))
        }
    }

    /// Entries never change, so the page reads each entry's snapshots once: a second view, and a
    /// view in the other language, read none; a new entry is read when it first shows.
    @Test func theAuditPageReadsEachEntrysSnapshotsOnce() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let admin = WebSession(app)
            try await admin.signIn("sysadmin")
            // act
            let first = try await admin.get("/audit")
            let afterFirst = app.auditReadings.read
            let second = try await admin.get("/audit")
            let english = try await admin.get("/audit?lang=en")
            // check
            let shown = first.body.components(separatedBy: "<tr id=").count - 1
            #expect(shown > 20 && afterFirst == shown && app.auditReadings.read == shown)
            #expect(first.body.contains("<td>新建单位</td>") && english.body.contains("<td>created a unit</td>"))
            #expect(first.body.components(separatedBy: "<tr id=").count == second.body.components(separatedBy: "<tr id=").count)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            try await staff.get("/orgs/\(fixture.unionA.uuidString.lowercased())/edit")
            #expect(try await staff.post("/orgs/\(fixture.unionA.uuidString.lowercased())/edit",
                                         ["name": "甲公司工会", "kind": "enterprise", "members": "61", "employees": "80", "version": "1"])
                .status == .seeOther)
            let third = try await admin.get("/audit?lang=zh")
            #expect(app.auditReadings.read == shown + 1)
            #expect(third.body.contains("<li>会员人数：60 → 61</li>"))
        }
    }

    @Test func theChainVerifiesAndNamesAnAlteredOrRemovedEntry() async throws {
        try await withTestApp { app in
            _ = try await Fixture.make(app)
            let (count, intact) = try await AuditLog.verify(on: app.db)
            #expect(intact == nil && count > 20)
            let sql = app.db as! any SQLDatabase
            // The database itself refuses to change or remove an entry…
            await #expect(throws: (any Error).self) {
                try await sql.update("audit_events").set("actor_name", to: SQLBind("x")).where("sequence", .equal, SQLBind(Int64(7))).run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.delete(from: "audit_events").where("sequence", .equal, SQLBind(Int64(7))).run()
            }
            // …so the attacker first drops the guard, then edits.
            try await AuditTamper.dropAppendOnlyGuard(on: sql)
            try await sql.update("audit_events").set("after_json", to: SQLBind("{\"name\":\"篡改\"}")).where("sequence", .equal, SQLBind(Int64(7))).run()
            #expect(try await AuditLog.verify(on: app.db).broken == .alteredEntry(sequence: 7))
            // Rewriting the hash too only moves the break to the next entry's link.
            let seven = try #require(try await sql.select().column("*").from("audit_events").where("sequence", .equal, SQLBind(Int64(7)))
                .first(decoding: AuditLog.Row.self)).record
            try await sql.update("audit_events").set("hash", to: SQLBind(AuditLog.sha256(seven.canonicalText)))
                .where("sequence", .equal, SQLBind(Int64(7))).run()
            #expect(try await AuditLog.verify(on: app.db).broken == .brokenLink(sequence: 8))
            try await sql.delete(from: "audit_events").where("sequence", .equal, SQLBind(Int64(3))).run()
            #expect(try await AuditLog.verify(on: app.db).broken == .gap(after: 2, found: 4))
        }
    }

    @Test func manyConcurrentWritersAllLandInOneUnbrokenChain() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.make(app)
            let start = try await AuditLog.verify(on: app.db).count
            // 60 writers at once, each a read-then-write transaction with its audit event.
            let failures = await withTaskGroup(of: String?.self) { group in
                for n in 0..<60 {
                    group.addTask {
                        do {
                            _ = try await app.writes.perform { db in
                                try await OrganisationStore.create(
                                    try OrganisationProfile(name: "并发工会\(n)", level: .grassroots, kind: .enterprise).validated().get(),
                                    under: try await OrganisationModel.find(fixture.xiacun, on: db), actor: .commandLine("test"), on: db)
                            }
                            return nil
                        } catch {
                            return String(describing: error)
                        }
                    }
                }
                return await group.reduce(into: [String]()) { if let e = $1 { $0.append(e) } }
            }
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            #expect(try await OrganisationModel.query(on: app.db).filter(\.$name, .custom("LIKE"), "并发工会%").count() == 60)
            let (count, broken) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil)
            #expect(count == start + 60)
        }
    }

    @Test func theCommandVerifiesAFileDatabaseAndNamesTheBreak() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("unionstar.sqlite").path
        let environment = ["DATABASE_PATH": database, "UNIONSTAR_BCRYPT_COST": "4"]
        #expect(try runUnionstar(["demo"], environment: environment).status == 0)
        let ok = try runUnionstar(["audit", "verify"], environment: environment)
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("audit trail intact: "))
        // Tamper with entry 5 behind the app's back.
        let app = try await Application.make(.testing)
        try await configure(app, options: AppOptions(root: repositoryRoot, database: .sqliteFile(path: database), bcryptCost: 4))
        let sql = app.db as! any SQLDatabase
        try await AuditTamper.dropAppendOnlyGuard(on: sql)
        try await sql.update("audit_events").set("actor_name", to: SQLBind("someone else")).where("sequence", .equal, SQLBind(Int64(5))).run()
        try await app.asyncShutdown()
        let broken = try runUnionstar(["audit", "verify"], environment: environment)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("audit trail broken at entry 5"))
    }
}

/// What an attacker with the database's password can do, and the app itself cannot: drop the
/// append-only guard the migration installs. Test code only, so no production path drops it.
enum AuditTamper {
    static func dropAppendOnlyGuard(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER audit_events_no_update").run()
            try await sql.raw("DROP TRIGGER audit_events_no_delete").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_events_append_only ON audit_events").run()
        }
    }
}

/// The audit page prints times by arithmetic; a `DateFormatter` in Asia/Shanghai agrees (since
/// 1992, China keeps UTC+8 all year).
@Suite struct AuditTimeTests {
    @Test(arguments: [Int64(0), 1, 999, 1_000, 694_224_000_000, 1_700_000_000_123, 1_798_732_799_999, 1_798_732_800_000,
                      1_830_297_599_500, 4_102_444_800_000, 253_402_300_799_000])
    func chinaTimeMatchesTheFormatter(_ milliseconds: Int64) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let expected = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        #expect(AuditController.chinaTime(milliseconds) == expected)
        if milliseconds >= 694_224_000_000 {
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            #expect(AuditController.chinaTime(milliseconds) == formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000)))
        }
    }

    @Test func beforeTheEpochRoundsDown() {
        #expect(AuditController.chinaTime(-1) == "1970-01-01 07:59:59")
        #expect(AuditController.chinaTime(-28_800_001) == "1969-12-31 23:59:59")
    }
}
