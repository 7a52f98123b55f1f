import Foundation
import UnionStarCore
import Vapor

/// A clock that starts at a chosen moment and runs on at the speed of the one under it
/// (`UNIONSTAR_CLOCK_START`): a campaign that spans weeks can be replayed on a real server by
/// stopping it and starting it again on the same database with a later start (the browser test
/// of part 2 does). Never set by default, and announced loudly at every start.
struct ReplayClock: AppClock {
    /// The moment the clock was started at.
    let start: Date
    /// How far it is ahead of (or behind) the clock under it.
    let offset: TimeInterval
    let base: any AppClock

    init(startingAt start: Date, base: any AppClock = SystemClock()) {
        self.start = start
        self.base = base
        offset = start.timeIntervalSince(base.now())
    }

    func now() -> Date { base.now().addingTimeInterval(offset) }

    static let variable = "UNIONSTAR_CLOCK_START"

    /// From the environment: nil when the variable is unset or empty; a value that is not a
    /// moment as `ChinaClockTime` reads it stops the start with a sentence saying what is wanted.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                base: any AppClock = SystemClock()) throws -> ReplayClock? {
        guard let text = environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let moment = ChinaClockTime(parsing: text) else {
            throw CommandFailure(message: "\(variable) must be a moment in China's time (UTC+8) written YYYY-MM-DD, "
                                 + "YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, such as 2026-12-20T09:30, not '\(text)'")
        }
        return ReplayClock(startingAt: Date(timeIntervalSince1970: TimeInterval(moment.secondsSince1970)), base: base)
    }

    /// The warning printed at start-up: every date the app shows, judges and records follows it.
    var announcement: String {
        let clock = ChinaClockTime(secondsSince1970: Int(start.timeIntervalSince1970.rounded(.down)))
        return "\(Self.variable) is set: the app's clock starts at \(clock) China time and runs on from there, "
            + "not at the real time. Deadlines, notices, sessions and the audit trail all follow it. For replaying a campaign in tests "
            + "and demonstrations only: unset it on a live system."
    }
}

extension Application {
    /// Puts the replayed clock in place when `UNIONSTAR_CLOCK_START` asks for it, and says so.
    func useReplayClockFromEnvironment() throws {
        guard let replay = try ReplayClock.fromEnvironment() else { return }
        clock = replay
        logger.warning("\(replay.announcement)")
    }
}
