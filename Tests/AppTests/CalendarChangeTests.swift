import AsyncHTTPClient
import Foundation
import SQLKit
import Testing
import Vapor
@testable import App

/// Staff changes to the working-day calendar, through the command line as staff make them: each
/// goes through the write gate with its audit entry, on a database opened as the server opens it.
@Suite(.serialized) struct CalendarChangeTests {
    /// An app on the same SQLite file the commands use, opened as the server opens it.
    static func withFileApp(_ path: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, options: AppOptions(root: repositoryRoot, database: .sqliteFile(path: path), bcryptCost: 4))
            try await prepareDatabase(app)
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func auditRows(_ app: Application) async throws -> [AuditLog.Row] {
        try await (app.db as! any SQLDatabase).select().column("*").from(AuditLog.table).orderBy("sequence").all(decoding: AuditLog.Row.self)
    }

    static func temporaryDatabase(_ name: String) throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent("unionstar.sqlite").path)
    }

    @Test func aCalendarChangeIsAuditedAndTheChainVerifies() async throws {
        // setup
        let (folder, database) = try Self.temporaryDatabase("calendar")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["DATABASE_PATH": database]
        // act: a Wednesday made a holiday, a Saturday a make-up working day, the holiday again unchanged
        let holiday = try runUnionstar(["calendar", "holiday", "2026-06-10", "--name", "测试假日"], environment: environment)
        let workday = try runUnionstar(["calendar", "workday", "2026-06-13"], environment: environment)
        let again = try runUnionstar(["calendar", "holiday", "2026-06-10", "--name", "测试假日"], environment: environment)
        // check: the calendar in force reads them…
        #expect(holiday.status == 0 && holiday.stdout == "2026-06-10 holiday\n", "\(holiday.stderr)")
        #expect(workday.status == 0 && workday.stdout == "2026-06-13 workday\n", "\(workday.stderr)")
        #expect(again.status == 0 && again.stdout == "2026-06-10 holiday (unchanged)\n", "\(again.stderr)")
        #expect(try runUnionstar(["calendar", "check", "2026-06-10"], environment: environment).stdout == "2026-06-10 day off (holiday 测试假日)\n")
        #expect(try runUnionstar(["calendar", "check", "2026-06-13"], environment: environment).stdout
            == "2026-06-13 working day (make-up working day 调休上班)\n")
        // …the audit trail holds one entry per change, and the chain verifies
        let verify = try runUnionstar(["audit", "verify"], environment: environment)
        #expect(verify.status == 0 && verify.stdout == "audit trail intact: 2 entries\n", "\(verify.stdout)\(verify.stderr)")
        try await Self.withFileApp(database) { app in
            let rows = try await Self.auditRows(app)
            try #require(rows.count == 2)
            #expect(rows.map(\.action) == ["calendar.holiday", "calendar.workday"])
            #expect(rows.map(\.entity_id) == ["2026-06-10", "2026-06-13"])
            #expect(rows.map(\.actor_name) == ["命令行 calendar holiday", "命令行 calendar workday"])
            #expect(rows[0].before_json == #"{"date":"2026-06-10","working":true}"#)
            #expect(rows[0].after_json == #"{"date":"2026-06-10","holiday":"测试假日","staffChange":{"kind":"holiday","name":"测试假日"},"working":false}"#)
            #expect(rows[1].before_json == #"{"date":"2026-06-13","working":false}"#)
            #expect(rows[1].after_json == #"{"date":"2026-06-13","staffChange":{"kind":"workday","name":"调休上班"},"working":true}"#)
        }
    }

    @Test func badInputChangesNothing() throws {
        // setup: one change on record
        let (folder, database) = try Self.temporaryDatabase("calendar-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["DATABASE_PATH": database]
        #expect(try runUnionstar(["calendar", "holiday", "2026-06-10", "--name", "测试假日"], environment: environment).status == 0)
        // act: a weekday as a make-up working day, a date that does not exist, an empty name
        let weekday = try runUnionstar(["calendar", "workday", "2026-06-11"], environment: environment)
        let noDate = try runUnionstar(["calendar", "holiday", "2026-02-30", "--name", "不存在"], environment: environment)
        let noName = try runUnionstar(["calendar", "holiday", "2026-06-12", "--name", "  "], environment: environment)
        // check: each refused with its reason, and nothing written
        #expect(weekday.status == 1 && weekday.stderr.contains("2026-06-11 is not a Saturday or Sunday"), "\(weekday.stderr)")
        #expect(noDate.status == 1 && noDate.stderr.contains("'2026-02-30' is not a date"), "\(noDate.stderr)")
        #expect(noName.status == 1 && noName.stderr.contains("--name must have 1 to 50 characters"), "\(noName.stderr)")
        #expect(try runUnionstar(["audit", "verify"], environment: environment).stdout == "audit trail intact: 1 entries\n")
        #expect(try runUnionstar(["calendar", "check", "2026-06-12"], environment: environment).stdout == "2026-06-12 working day (weekday)\n")
    }

    /// The command beside a running server, while a write is under way (held here by the test, as
    /// a long import would hold it): it waits for the lock (busy timeout, BEGIN IMMEDIATE) instead
    /// of failing with "database is locked", then records the change and its audit entry.
    @Test(.enabled(if: testDatabaseURL == nil, "SQLite only: two processes on one file"))
    func theCommandWaitsForAServerThatIsWriting() async throws {
        // setup: a server on the file, up and answering
        let (folder, database) = try Self.temporaryDatabase("calendar-server")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["DATABASE_PATH": database, "UNIONSTAR_BCRYPT_COST": "4"]
        let port = Int.random(in: 20_000..<40_000)
        let server = try ServerStartTests.launch(port: port, environment: environment)
        defer {
            if server.isRunning { server.terminate() }
            server.waitUntilExit()
        }
        var up = false
        for _ in 0..<150 where !up {
            if let r = try? await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(2)),
               r.status == .ok { up = true } else { try await Task.sleep(for: .milliseconds(200)) }
        }
        try #require(up, "the server did not come up")
        try await Self.withFileApp(database) { app in
            let before = try await AuditLog.verify(on: app.db).count
            let outcome = try await app.db.withConnection { connection in
                let sql = connection as! any SQLDatabase
                // act: a write transaction holds the lock while the command starts
                try await sql.raw("BEGIN IMMEDIATE").run()
                let command = try BackgroundUnionstar(["calendar", "holiday", "2026-06-10", "--name", "测试假日"], environment: environment)
                try await Task.sleep(for: .seconds(2))
                let waited = command.isRunning
                try await sql.raw("COMMIT").run()
                return (waited, try await command.finish())
            }
            let (waited, result) = outcome
            // check: it was still waiting when the lock was let go, then succeeded
            #expect(waited, "the command ended while another write held the lock: \(result.stderr)")
            #expect(result.status == 0 && result.stdout == "2026-06-10 holiday\n", "\(result.stdout)\(result.stderr)")
            let rows = try await Self.auditRows(app)
            #expect(rows.last?.action == "calendar.holiday")
            let (count, broken) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil && count == before + 1)
        }
        #expect(server.isRunning)
        let check = try runUnionstar(["calendar", "check", "2026-06-10"], environment: environment)
        #expect(check.stdout == "2026-06-10 day off (holiday 测试假日)\n")
        let verify = try runUnionstar(["audit", "verify"], environment: environment)
        #expect(verify.status == 0 && verify.stdout == "audit trail intact: 1 entries\n")
    }
}
