import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import App

/// The repository root, so tests use the real schemes, views and calendar.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `TEST_DATABASE_URL` (postgres://…) runs the suite on PostgreSQL; otherwise in-memory SQLite.
let testDatabaseURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

/// An app configured as in production, on a fresh database, migrated; shut down afterwards.
/// On PostgreSQL each test gets a schema of its own, dropped at the end, so tests run in parallel.
func withTestApp(_ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    let database: DatabaseChoice = testDatabaseURL.map { .postgres(url: $0, searchPath: String(schema)) } ?? .sqliteMemory
    do {
        // Real bcrypt at its lowest cost, so tests that sign in many times stay quick; the client
        // address comes from X-Forwarded-For, so tests can act from several addresses.
        var options = AppOptions(root: repositoryRoot, database: database, bcryptCost: 4)
        options.security.trustProxy = true
        try await configure(app, options: options)
        if testDatabaseURL != nil, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: String(schema))").run()
        }
        try await prepareDatabase(app)
        try await body(app)
        if app.testServerStarted { await app.server.shutdown() }
        if testDatabaseURL != nil, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run()
        }
    } catch {
        if app.testServerStarted { await app.server.shutdown() }
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

extension Application {
    /// Requests over a real socket on a free loopback port.
    func http() throws -> any TestingApplicationTester {
        try testing(method: .running(hostname: "127.0.0.1", port: 0))
    }
}

/// The built `unionstar` executable (`swift build` puts it here).
let unionstarBinary = repositoryRoot.appendingPathComponent(".build/debug/unionstar")

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built binary, set up to run from the repository with `environment` over the test's own
/// (on a fresh SQLite file unless it says otherwise).
func unionstarProcess(_ arguments: [String], environment: [String: String]) -> Process {
    let process = Process()
    process.executableURL = unionstarBinary
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    var env = ProcessInfo.processInfo.environment
    env["DATABASE_PATH"] = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID()).sqlite").path
    env["DATABASE_URL"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    return process
}

/// Runs the built binary to completion.
func runUnionstar(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> ProcessResult {
    let process = unionstarProcess(arguments, environment: environment)
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

extension AuditDraft.Actor {
    /// Tests that write through the stores directly act "now" by the machine's clock.
    static func commandLine(_ what: String) -> AuditDraft.Actor { .commandLine(what, at: Date()) }
}

/// The built binary running in the background while the test does something else; its output
/// goes to files, so a full pipe never holds it up.
struct BackgroundUnionstar {
    let process: Process
    let stdout: URL
    let stderr: URL

    init(_ arguments: [String], environment: [String: String]) throws {
        process = unionstarProcess(arguments, environment: environment)
        let folder = FileManager.default.temporaryDirectory
        stdout = folder.appendingPathComponent("out-\(UUID())")
        stderr = folder.appendingPathComponent("err-\(UUID())")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// Waits for the exit without blocking a thread, then reads what it wrote.
    func finish() async throws -> ProcessResult {
        while process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        defer {
            try? FileManager.default.removeItem(at: stdout)
            try? FileManager.default.removeItem(at: stderr)
        }
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: (try? Data(contentsOf: stdout)) ?? Data(), as: UTF8.self),
                             stderr: String(decoding: (try? Data(contentsOf: stderr)) ?? Data(), as: UTF8.self))
    }
}
