import Foundation

/// Slows and then locks repeated failed sign-ins, per account and per address.
public struct SignInThrottle: Sendable {
    public struct State: Sendable, Hashable, Codable {
        public var failures: Int
        public var windowStart: Date
        public var lockedUntil: Date?

        public init(failures: Int = 0, windowStart: Date, lockedUntil: Date? = nil) {
            self.failures = failures
            self.windowStart = windowStart
            self.lockedUntil = lockedUntil
        }
    }

    public enum Decision: Sendable, Equatable {
        /// Go ahead, after waiting this long (0 for the first few attempts).
        case allowed(delay: Duration)
        case locked(until: Date)
    }

    /// Failures counted within this window.
    public var window: TimeInterval = 15 * 60
    /// Failures (in the window) before a lock.
    public var limit: Int
    public var lockout: TimeInterval = 15 * 60
    /// Failures before answers start to slow down.
    public var freeAttempts = 3
    public var delayStep: Duration = .milliseconds(500)
    public var maximumDelay: Duration = .seconds(3)

    public init(limit: Int) { self.limit = limit }

    /// Per account: 5 failures in 15 minutes lock the account for 15 minutes.
    public static let account = SignInThrottle(limit: 5)
    /// Per address: 20 failures in 15 minutes lock the address for 15 minutes, without slowing
    /// down first (a whole office may share one address; the account's own counter slows).
    public static let address: SignInThrottle = {
        var throttle = SignInThrottle(limit: 20)
        throttle.freeAttempts = 20
        return throttle
    }()

    public func decide(_ state: State?, now: Date) -> Decision {
        guard let state else { return .allowed(delay: .zero) }
        if let until = state.lockedUntil, until > now { return .locked(until: until) }
        let failures = now.timeIntervalSince(state.windowStart) > window ? 0 : state.failures
        guard failures >= freeAttempts else { return .allowed(delay: .zero) }
        return .allowed(delay: min(delayStep * (failures - freeAttempts + 1), maximumDelay))
    }

    /// The state after one more failure, and whether this failure started a lock.
    public func recordFailure(_ state: State?, now: Date) -> (state: State, locked: Bool) {
        var next = state ?? State(windowStart: now)
        if now.timeIntervalSince(next.windowStart) > window || (next.lockedUntil.map { $0 <= now } ?? false) {
            next = State(windowStart: now)
        }
        next.failures += 1
        if next.failures >= limit {
            next.lockedUntil = now.addingTimeInterval(lockout)
            return (next, true)
        }
        return (next, false)
    }
}
