import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
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

        let process = Process()
        process.executableURL = unionstarBinary
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port)]
        process.currentDirectoryURL = repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = testDatabaseURL
        env["DATABASE_PATH"] = databasePath
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
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
}
