import Foundation
import Testing
@testable import App

/// A real SMTP server on loopback for the mail tests: `scripts/lib/smtp-sink.py` on aiosmtpd
/// (PyPI), started per test, writing each message it accepts as JSON (the envelope, the subject
/// and body as Python's email package decodes them, the raw text).
///
/// `scripts/test` installs aiosmtpd and sets `UNIONSTAR_SMTP_SINK=required`: then a missing sink
/// fails the tests that need it. Run alone (`swift test` without the variable, aiosmtpd not
/// installed), those tests are skipped.
final class SMTPSink: @unchecked Sendable {
    let process: Process
    let port: Int
    let folder: URL

    /// One message as the sink received it.
    struct Mail: Decodable, Sendable {
        var mail_from: String
        var rcpt_tos: [String]
        var from: String
        var to: String
        var subject: String
        var content_type: String
        var charset: String?
        var transfer_encoding: String
        var body: String
        var raw: String
    }

    static let required = ProcessInfo.processInfo.environment["UNIONSTAR_SMTP_SINK"] == "required"

    /// aiosmtpd can be imported by the machine's python3.
    static let available: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import aiosmtpd"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// Whether the mail tests run: the sink is there, or it must be (then they fail without it).
    static var runs: Bool { available || required }

    /// Starts the sink (requiring `auth`, `user:password`, when given) and waits for its port.
    init(auth: String? = nil) async throws {
        guard Self.available else {
            throw SinkUnavailable(reason: "python3 cannot import aiosmtpd; scripts/test installs it (python3 -m pip install aiosmtpd)")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/lib/smtp-sink.py").path, folder.path]
            + (auth.map { ["--auth", $0] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line it prints is its port; reading blocks, so off the cooperative pool.
        let handle = out.fileHandleForReading
        let line = await Task.detached { () -> String in
            var bytes = Data()
            while let byte = try? handle.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { bytes.append(byte) }
            return String(decoding: bytes, as: UTF8.self)
        }.value
        guard let port = Int(line.trimmingCharacters(in: .whitespaces)) else {
            process.terminate()
            throw SinkUnavailable(reason: "the SMTP sink did not start (it printed \(line.debugDescription))")
        }
        self.port = port
    }

    struct SinkUnavailable: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// The messages received so far, oldest first.
    func mails() throws -> [Mail] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
            .filter { $0.pathExtension == "json" }
        let dated = try files.map { ($0, try $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast) }
        return try dated.sorted { $0.1 < $1.1 }.map { file in
            var mail = try JSONDecoder().decode(Mail.self, from: Data(contentsOf: file.0))
            // The body's lines end in CRLF as sent; compared here with "\n".
            mail.body = mail.body.replacingOccurrences(of: "\r\n", with: "\n")
            return mail
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            for _ in 0..<50 where process.isRunning { usleep(100_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Settings that send to this sink.
    func settings(username: String? = nil, password: String? = nil) -> MailSettings {
        MailSettings(host: "127.0.0.1", port: port, from: "noreply@rushan.example.cn", fromName: nil, username: username, password: password,
                     helo: "unionstar-test", timeout: 10)
    }
}
