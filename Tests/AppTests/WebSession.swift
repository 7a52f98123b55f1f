import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing
import Vapor
import VaporTesting
@testable import App

/// One response, as a browser gets it (redirects are not followed).
struct WebResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: String

    var location: String? { headers.first(name: .location) }
    /// Sent to sign in first (not the page after signing out, `/signin?done=signedout`).
    var isSignInRedirect: Bool {
        status == .seeOther && (location == "/signin" || (location ?? "").hasPrefix("/signin?next="))
    }
}

/// A client that does not follow redirects, so tests see every 303 and its cookies. Tests run
/// many requests at once on a loaded machine: plenty of connections, and patience to get one.
let testHTTPClient: HTTPClient = {
    var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(60)))
    configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
    return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
}()

extension Application {
    private struct TestPortKey: StorageKey { typealias Value = Int }

    /// Starts the real server on a free loopback port (once per app) and returns the port. Call it
    /// once before making requests from several tasks at the same time.
    func testPort() async throws -> Int {
        if let port = storage[TestPortKey.self] { return port }
        try await server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
        storage[TestPortKey.self] = port
        return port
    }

    var testServerStarted: Bool { storage[TestPortKey.self] != nil }
}

/// A person's browser, reduced to what tests need: a cookie jar, the last page's CSRF token,
/// and requests over a real socket.
final class WebSession: @unchecked Sendable {
    let app: Application?
    /// Another server's address (`http://127.0.0.1:PORT`), instead of the test app's.
    let baseURL: String?
    var cookies: [String: String] = [:]
    /// The `_csrf` value of the last HTML page seen.
    var lastToken: String?
    var address: String?

    init(_ app: Application, address: String? = nil) {
        self.app = app
        baseURL = nil
        self.address = address
    }

    init(baseURL: String) {
        app = nil
        self.baseURL = baseURL
    }

    @discardableResult
    func request(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil, csrf: Bool = true,
                 headers extra: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> WebResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "))
        }
        if let address { headers.replaceOrAdd(name: "X-Forwarded-For", value: address) }
        var payload = body
        if var fields = form {
            if csrf, fields["_csrf"] == nil, let token = lastToken ?? cookies[CSRFMiddleware.cookieName] { fields["_csrf"] = token }
            headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
            payload = ByteBuffer(string: Self.encode(fields))
        }
        let base: String
        if let baseURL { base = baseURL } else { base = "http://127.0.0.1:\(try await app!.testPort())" }
        var outgoing = HTTPClientRequest(url: base + path)
        outgoing.method = method
        outgoing.headers = headers
        if let payload { outgoing.body = .bytes(payload) }
        let raw = try await testHTTPClient.execute(outgoing, timeout: .seconds(60))
        let response = WebResponse(status: raw.status, headers: raw.headers,
                                   body: String(buffer: try await raw.body.collect(upTo: 64 << 20)))
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { continue }
            let expired = value.lowercased().contains("max-age=0") || parts[1].isEmpty
            if expired { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        if let token = Self.token(in: response.body) { lastToken = token }
        return response
    }

    @discardableResult
    func get(_ path: String) async throws -> WebResponse { try await request(.GET, path) }

    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf: Bool = true) async throws -> WebResponse {
        try await request(.POST, path, form: form, csrf: csrf)
    }

    /// Which CSRF token a hand-made request carries.
    enum FormToken: Sendable {
        /// The last page's (or the sign-in cookie's), as a browser would send.
        case lastPage
        case omitted
        case given(String)
    }

    /// Sends a CSV file the way the import form does: multipart, with the token and the dry-run box.
    @discardableResult
    func postFile(_ path: String, _ data: Data, dryRun: Bool, token: FormToken = .lastPage) async throws -> WebResponse {
        let boundary = "----unionstar-test-\(UUID().uuidString)"
        var body = Data()
        func part(_ headers: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        let csrf: String? = switch token {
        case .lastPage: lastToken ?? cookies[CSRFMiddleware.cookieName]
        case .omitted: nil
        case .given(let value): value
        }
        if let csrf { part("Content-Disposition: form-data; name=\"_csrf\"", Data(csrf.utf8)) }
        if dryRun { part("Content-Disposition: form-data; name=\"dryRun\"", Data("true".utf8)) }
        part("Content-Disposition: form-data; name=\"file\"; filename=\"units.csv\"\r\nContent-Type: text/csv", data)
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await request(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    /// Opens the sign-in page (for its token) and signs in.
    @discardableResult
    func signIn(_ username: String, _ password: String = Fixture.password) async throws -> WebResponse {
        try await get("/signin")
        let response = try await post("/signin", ["username": username, "password": password])
        // Land on the page the browser is sent to, as a browser would: its forms carry the new token.
        if response.status == .seeOther, let location = response.location { try await get(location) }
        return response
    }

    var sessionCookie: String? { cookies[SessionStore.cookieName] }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            key.addingPercentEncoding(withAllowedCharacters: allowed)! + "=" + value.addingPercentEncoding(withAllowedCharacters: allowed)!
        }.joined(separator: "&")
    }
}
