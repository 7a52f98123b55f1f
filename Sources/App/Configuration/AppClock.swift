import UnionStarCore
import Foundation
import Vapor

/// The one source of the present time in the app: sessions, throttles, deadlines and the audit
/// trail all ask it, so tests can set any date (a deadline passed, a session gone idle).
protocol AppClock: Sendable {
    func now() -> Date
}

/// The machine's clock.
struct SystemClock: AppClock {
    func now() -> Date { Date() }
}

/// A clock that says what it is told (for tests and for replaying a date).
final class FixedClock: AppClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ date: Date) { current = date }

    func now() -> Date { lock.withLock { current } }

    func set(_ date: Date) { lock.withLock { current = date } }

    func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any AppClock }

    var clock: any AppClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// Now, by the application's clock.
    var now: Date { application.clock.now() }
}

extension Request {
    /// Today in China (UTC+8, no daylight saving): the day deadlines are judged on.
    var today: CalendarDate { CalendarDate.china(now) }
}

extension CalendarDate {
    /// The day it is in China at `instant`.
    static func china(_ instant: Date) -> CalendarDate {
        CalendarDate(dayNumber: Int(((instant.timeIntervalSince1970 + 8 * 3600) / 86_400).rounded(.down)))
    }
}
