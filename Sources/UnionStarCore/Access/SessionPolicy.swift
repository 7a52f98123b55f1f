import Foundation

/// How long a signed-in session lasts: an idle timeout and an absolute lifetime.
public struct SessionPolicy: Sendable {
    public var idleTimeout: TimeInterval
    public var absoluteLifetime: TimeInterval
    /// `last_seen` is written at most this often, so reading pages does not write every time.
    public var touchInterval: TimeInterval

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteLifetime: TimeInterval = 12 * 3600, touchInterval: TimeInterval = 60) {
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
        self.touchInterval = touchInterval
    }

    public enum Verdict: Sendable, Equatable {
        case valid(touch: Bool)
        case idleExpired
        case lifetimeExpired
    }

    public func check(createdAt: Date, lastSeenAt: Date, now: Date) -> Verdict {
        if now.timeIntervalSince(createdAt) >= absoluteLifetime { return .lifetimeExpired }
        if now.timeIntervalSince(lastSeenAt) >= idleTimeout { return .idleExpired }
        return .valid(touch: now.timeIntervalSince(lastSeenAt) >= touchInterval)
    }
}
