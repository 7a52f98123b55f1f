import Foundation
import UnionStarCore

/// Where reminder mails go out: an SMTP server named by the environment (`SMTP_HOST`, `SMTP_PORT`,
/// `SMTP_FROM`, optional `SMTP_FROM_NAME`, `SMTP_USERNAME`/`SMTP_PASSWORD`, `SMTP_HELO`,
/// `SMTP_TIMEOUT` in seconds). No `SMTP_HOST`: no mail is sent, reminders show in the app only.
struct MailSettings: Sendable, Equatable {
    var host: String
    var port: Int
    var from: String
    var fromName: String?
    var username: String?
    var password: String?
    /// The name the client gives in EHLO.
    var helo: String
    /// Seconds to wait for the connection and for each reply.
    var timeout: Int

    static let defaultPort = 25
    static let defaultTimeout = 30

    /// The settings, nil when `SMTP_HOST` is not set; a setting that cannot be used is an error
    /// naming the variable, so a mistyped address stops start-up rather than losing every mail.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MailSettings? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let host = value("SMTP_HOST") else { return nil }
        let port = try value("SMTP_PORT").map { text -> Int in
            guard let port = Int(text), (1...65_535).contains(port) else { throw CommandFailure(message: "SMTP_PORT must be a port number (1–65535)") }
            return port
        } ?? defaultPort
        guard case .valid(let from) = EmailAddress.parse(value("SMTP_FROM") ?? "") else {
            throw CommandFailure(message: "SMTP_FROM must be the sender's e-mail address when SMTP_HOST is set")
        }
        let timeout = try value("SMTP_TIMEOUT").map { text -> Int in
            guard let seconds = Int(text), (1...600).contains(seconds) else { throw CommandFailure(message: "SMTP_TIMEOUT must be 1 to 600 seconds") }
            return seconds
        } ?? defaultTimeout
        let username = value("SMTP_USERNAME")
        if username != nil, value("SMTP_PASSWORD") == nil { throw CommandFailure(message: "SMTP_PASSWORD must be set with SMTP_USERNAME") }
        let helo = value("SMTP_HELO") ?? "unionstar"
        guard helo.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else {
            throw CommandFailure(message: "SMTP_HELO must be a host name")
        }
        return MailSettings(host: host, port: port, from: from, fromName: value("SMTP_FROM_NAME"), username: username,
                            password: value("SMTP_PASSWORD"), helo: helo, timeout: timeout)
    }

    /// The server is on this machine (loopback): the only place a password may go without TLS.
    var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
