import Foundation
import NIOHTTP1
import Testing
import Vapor
@testable import App

/// One answer of the API, its body read as JSON.
struct APIAnswer: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    /// A value by a dotted path (`inspection.total`, `actions.0.action`).
    subscript(_ path: String) -> Any? {
        var node: Any? = (try? JSONSerialization.jsonObject(with: Data(body.utf8)))
        for part in path.split(separator: ".") {
            if let object = node as? [String: Any] { node = object[String(part)] }
            else if let array = node as? [Any], let index = Int(part), array.indices.contains(index) { node = array[index] }
            else { return nil }
        }
        return node
    }

    func text(_ path: String) -> String? { self[path] as? String }
    func number(_ path: String) -> Decimal? { (self[path] as? NSNumber).map { Decimal(string: $0.stringValue)! } }
    func int(_ path: String) -> Int? { (self[path] as? NSNumber)?.intValue }
    /// The error's sentence (`{"error": {"message": …}}`).
    var message: String? { text("error.message") }
    /// The workflow actions the answer offers.
    var actions: [String] { ((self["actions"] as? [[String: Any]]) ?? []).compactMap { $0["action"] as? String } }
}

/// A program calling the API with a personal token (or, without one, anonymously): JSON in and
/// out. Every answer is kept, so a test can check them all against the OpenAPI document.
final class APIClient: @unchecked Sendable {
    let app: Application
    let token: String?
    let transport: WebSession
    /// `en` asks for English sentences.
    var language: String?
    private(set) var samples: [(method: HTTPMethod, path: String, answer: APIAnswer)] = []

    init(_ app: Application, token: String?, language: String? = nil) {
        self.app = app
        self.token = token
        self.language = language
        transport = WebSession(app)
    }

    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil, headers: HTTPHeaders = [:]) async throws -> APIAnswer {
        var headers = headers
        if let token { headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)") }
        if let language { headers.replaceOrAdd(name: .acceptLanguage, value: language) }
        var payload: ByteBuffer?
        if let body {
            headers.replaceOrAdd(name: .contentType, value: "application/json")
            payload = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        }
        let response = try await transport.request(method, path, headers: headers, body: payload)
        let answer = APIAnswer(status: response.status, headers: response.headers, body: response.body)
        samples.append((method, path, answer))
        return answer
    }

    @discardableResult
    func get(_ path: String) async throws -> APIAnswer { try await call(.GET, path) }

    @discardableResult
    func post(_ path: String, _ body: [String: Any] = [:]) async throws -> APIAnswer { try await call(.POST, path, body) }

    /// Makes a personal token for `account` the way a person does, on the account page.
    static func token(_ app: Application, _ account: String, name: String = "测试脚本") async throws -> String {
        let browser = WebSession(app)
        try await browser.signIn(account)
        try await browser.get("/account")
        let made = try await browser.post("/account/tokens", ["name": name])
        #expect(made.status == .ok, "\(account) could not make a token: \(made.status)")
        return try #require(secret(in: made.body))
    }

    /// The secret on the page that answers a token's creation.
    static func secret(in html: String) -> String? {
        guard let start = html.range(of: "data-secret>") else { return nil }
        let rest = html[start.upperBound...]
        return rest.firstIndex(of: "<").map { String(rest[..<$0]) }
    }

    /// Every JSON answer kept so far must be documented and match its schema in the OpenAPI
    /// document, as `scripts/check-openapi.py` (openapi-schema-validator) judges it. Without
    /// Python's tools the check is skipped, unless `UNIONSTAR_REQUIRE_OPENAPI_TOOLS=1` (scripts/test).
    static func checkAgainstTheDocument(_ clients: [APIClient]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-samples-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var count = 0
        for client in clients {
            for sample in client.samples {
                guard let body = try? JSONSerialization.jsonObject(with: Data(sample.answer.body.utf8)) else { continue }
                let record: [String: Any] = ["method": sample.method.rawValue, "path": sample.path, "status": Int(sample.answer.status.code), "body": body]
                count += 1
                try JSONSerialization.data(withJSONObject: record).write(to: folder.appendingPathComponent(String(format: "%04d.json", count)))
            }
        }
        guard OpenAPITools.available else {
            #expect(ProcessInfo.processInfo.environment["UNIONSTAR_REQUIRE_OPENAPI_TOOLS"] != "1",
                    "python3 with PyYAML, openapi-spec-validator and openapi-schema-validator is needed")
            print("note: the OpenAPI schema check of \(count) answers was skipped (pip install openapi-spec-validator openapi-schema-validator)")
            return
        }
        let result = try OpenAPITools.run(["scripts/check-openapi.py", "--samples", folder.path])
        #expect(result.status == 0, "the answers do not match the OpenAPI document:\n\(result.stderr)\(result.stdout)")
    }
}

/// Python's OpenAPI tools, when the machine has them.
enum OpenAPITools {
    static let available: Bool = (try? run(["-c", "import yaml, openapi_spec_validator, openapi_schema_validator"]).status) == 0

    static func run(_ arguments: [String]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension APIAnswer {
    func bool(_ path: String) -> Bool? { self[path] as? Bool }
}
