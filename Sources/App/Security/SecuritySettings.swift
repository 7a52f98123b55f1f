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

    var security: SecuritySettings {
        get { storage[SecurityKey.self] ?? .fromEnvironment() }
        set { storage[SecurityKey.self] = newValue }
    }
}

extension Request {
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
