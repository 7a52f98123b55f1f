import AsyncHTTPClient
import Foundation
import NIOCore
import SQLKit
import Testing
import Vapor
@testable import App

/// The README's start command, for real: the binary on a fresh SQLite file (or PostgreSQL when
/// `TEST_DATABASE_URL` is set) creates and migrates its database, answers `/healthz` and
/// renders the rubric.
@Suite(.serialized) struct ServerStartTests {
    @Test func startsMigratesAndServes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("start-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let databasePath = folder.appendingPathComponent("data/unionstar.sqlite").path
        let port = Int.random(in: 20_000..<40_000)

        var environment = ["DATABASE_PATH": databasePath]
        if let url = testDatabaseURL { environment["DATABASE_URL"] = url }
        let process = try Self.launch(port: port, environment: environment)
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        let client = HTTPClient.shared
        var health: HTTPClientResponse?
        for _ in 0..<100 {
            if let response = try? await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(2)) {
                health = response
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        let response = try #require(health, "the server did not answer /healthz")
        #expect(response.status == .ok)
        let body = String(buffer: try await response.body.collect(upTo: 1 << 16))
        #expect(body.contains("\"status\":\"ok\""))

        let page = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/schemes/rushan-2020-enterprise"), timeout: .seconds(5))
        #expect(page.status == .ok)
        #expect(String(buffer: try await page.body.collect(upTo: 1 << 20)).contains("工会三委会以换届档案和上级批复为准"))

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 || process.terminationReason == .uncaughtSignal)
        if testDatabaseURL == nil {
            // Created on first start, in write-ahead-log mode: header bytes 18 and 19 are 2 for WAL.
            let header = try #require(FileManager.default.contents(atPath: databasePath))
            #expect(header.count > 100 && header[18] == 2 && header[19] == 2)
        }
    }

    /// An acknowledged write (the 303 after saving) is still there after the process is killed
    /// with SIGKILL, with no chance to flush anything.
    ///
    /// What this proves: the server answers only after the change has committed (the write gate's
    /// COMMIT returns before the redirect is sent), so nobody is told "saved" about a change that
    /// dying takes back. What it does not prove: that `synchronous=FULL` is on. A killed process
    /// leaves what it wrote in the operating system's page cache, which outlives it whatever the
    /// setting; only a power cut or an OS crash tells FULL (an fsync at every commit) from NORMAL.
    /// `DatabaseSettingsTests` checks the setting itself, on every connection the server uses.
    @Test func acknowledgedWritesSurviveAKilledProcess() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kill-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("unionstar.sqlite").path
        var environment = ["DATABASE_PATH": database, "UNIONSTAR_BCRYPT_COST": "4"]
        // On PostgreSQL the server gets a schema of its own in the test database.
        let schema = "kill_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        if let url = testDatabaseURL {
            let app = try await Application.make(.testing)
            try await configure(app, options: AppOptions(root: repositoryRoot, database: .postgres(url: url, searchPath: nil)))
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
            try await app.asyncShutdown()
            environment["DATABASE_URL"] = url
            environment["DATABASE_SCHEMA"] = schema
        }
        let admin = try runUnionstar(["user", "create-admin", "--username", "boss", "--name", "主任", "--password-stdin"],
                                     environment: environment, stdin: Data("Durable-Union-2026\n".utf8))
        #expect(admin.status == 0, "\(admin.stderr)")

        func start() throws -> (Process, Int) {
            let port = Int.random(in: 20_000..<40_000)
            return (try Self.launch(port: port, environment: environment), port)
        }
        func waitUntilUp(_ port: Int) async throws {
            for _ in 0..<150 {
                if let r = try? await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(2)),
                   r.status == .ok { return }
                try await Task.sleep(for: .milliseconds(200))
            }
            Issue.record("the server did not come up")
        }

        let (first, port) = try start()
        try await waitUntilUp(port)
        let browser = WebSession(baseURL: "http://127.0.0.1:\(port)")
        #expect(try await browser.signIn("boss", "Durable-Union-2026").status == .seeOther)
        try await browser.get("/orgs/new")
        let saved = try await browser.post("/orgs", ["name": "烟台市总工会", "level": "prefecture"])
        #expect(saved.status == .seeOther)
        let page = try #require(saved.location)
        // No goodbye: SIGKILL right after the acknowledgement.
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal)

        let (second, port2) = try start()
        defer {
            second.terminate()
            second.waitUntilExit()
        }
        try await waitUntilUp(port2)
        let again = WebSession(baseURL: "http://127.0.0.1:\(port2)")
        #expect(try await again.signIn("boss", "Durable-Union-2026").status == .seeOther)
        let reopened = try await again.get(page.components(separatedBy: "?")[0])
        #expect(reopened.status == .ok)
        #expect(reopened.body.contains("<h1>烟台市总工会</h1>"))
        let verify = try runUnionstar(["audit", "verify"], environment: environment)
        #expect(verify.status == 0 && verify.stdout.hasPrefix("audit trail intact"))
    }

    /// Starts `unionstar serve` on a loopback port with `environment` over the test's own.
    static func launch(port: Int, environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = unionstarBinary
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port)]
        process.currentDirectoryURL = repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
