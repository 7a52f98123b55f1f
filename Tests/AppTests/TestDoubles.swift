import Foundation
import Vapor
@testable import App

/// The app's password hashing with every call written down, so a test sees which hash a request
/// checked (and how often) instead of timing it.
struct RecordingHashing: PasswordHashing {
    struct Check: Sendable, Equatable {
        var password: String
        var hash: String
    }

    actor Log {
        private(set) var checks: [Check] = []
        private(set) var hashes = 0
        func checked(_ check: Check) { checks.append(check) }
        func hashed() { hashes += 1 }
        func clear() { checks = [] }
    }

    let wrapped: any PasswordHashing
    let log = Log()

    func hash(_ password: String) async throws -> String {
        await log.hashed()
        return try await wrapped.hash(password)
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        await log.checked(Check(password: password, hash: hash))
        return try await wrapped.verify(password, against: hash)
    }
}

/// Writes down every delay asked for and returns at once: tests check the delays, not the clock.
struct RecordingSleeper: Sleeper {
    actor Log {
        private(set) var delays: [Duration] = []
        func asked(_ delay: Duration) { delays.append(delay) }
    }

    let log = Log()

    func sleep(for duration: Duration) async throws {
        await log.asked(duration)
    }
}
