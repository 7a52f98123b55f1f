import Foundation
import UnionStarCore
import Vapor

/// Settings of sign-in and sessions, from the environment.
struct SecuritySettings: Sendable {
    /// `UNIONSTAR_HTTPS=1` when served over HTTPS (behind a proxy): Secure cookies and HSTS.
    var https: Bool
    /// bcrypt cost; 12 in production (`UNIONSTAR_BCRYPT_COST`).
    var bcryptCost: Int
    var sessions: SessionPolicy
    /// Trust `X-Forwarded-For` from a reverse proxy for the client's address (`UNIONSTAR_TRUST_PROXY=1`).
    var trustProxy: Bool

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> SecuritySettings {
        SecuritySettings(
            https: env["UNIONSTAR_HTTPS"] == "1",
            bcryptCost: Int(env["UNIONSTAR_BCRYPT_COST"] ?? "").map { min(max($0, 4), 16) } ?? 12,
            sessions: SessionPolicy(),
            trustProxy: env["UNIONSTAR_TRUST_PROXY"] == "1")
    }
}

extension Application {
    private struct SecurityKey: StorageKey { typealias Value = SecuritySettings }
    private struct DummyHashKey: StorageKey { typealias Value = DummyHash }

    var security: SecuritySettings {
        get { storage[SecurityKey.self] ?? .fromEnvironment() }
        set { storage[SecurityKey.self] = newValue }
    }

    /// A hash of a random password, checked when the account does not exist so that answer takes
    /// as long as a wrong password does. Made on first use, so commands that never sign anyone in
    /// do not pay for it.
    var dummyPasswordHash: String {
        get throws {
            guard let box = storage[DummyHashKey.self] else { fatalError("configure(_:) prepares the stand-in hash") }
            return try box.value(cost: security.bcryptCost)
        }
    }

    func prepareDummyPasswordHash() {
        storage[DummyHashKey.self] = DummyHash()
    }
}

/// bcrypt on the thread pool, never on an event loop.
struct PasswordHashing {
    let application: Application

    func hash(_ password: String) async throws -> String {
        let cost = application.security.bcryptCost
        return try await application.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await application.threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}

extension Application {
    var hashing: PasswordHashing { PasswordHashing(application: self) }
}

extension Request {
    var hashing: PasswordHashing { application.hashing }

    /// The client's address: the socket's, or, behind a trusted proxy, the last `X-Forwarded-For`
    /// hop (the one the proxy appended; earlier ones are whatever the client claimed).
    var clientAddress: String {
        if application.security.trustProxy, let forwarded = headers[.xForwardedFor].last?
            .split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !forwarded.isEmpty {
            return forwarded
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}

enum RandomToken {
    /// 32 random bytes, base64url without padding.
    static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A password people can type from a printout: 4 groups of 4 from an unambiguous alphabet.
    static func password() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }.joined(separator: "-")
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// The stand-in hash, made once under a lock.
final class DummyHash: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    func value(cost: Int) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = try Bcrypt.hash(RandomToken.make(), cost: cost)
        stored = made
        return made
    }
}
