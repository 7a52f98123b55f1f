import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import UnionStarCore
import Vapor

/// The header's count of open tasks and unread reminders for the signed-in person.
struct InboxBadge: Sendable, Equatable {
    var tasks: Int
    var unread: Int
}

/// The header's counts, kept per account for a short while: every signed-in page shows one, and
/// computing it reads the person's applications (a few queries). An entry is dropped after the
/// account's own change (any request but a GET), at a new day, after `lifetime`, and by the
/// reminder job; the inbox page stores the count it computed itself. Another person's change shows
/// in the count within `lifetime` (and at once on the inbox page, which always computes afresh).
final class InboxCounts: Sendable {
    static let lifetime: TimeInterval = 30
    static let capacity = 10_000

    private struct Entry {
        var badge: InboxBadge
        var day: CalendarDate
        var at: Date
    }

    private let entries = NIOLockedValueBox<[UUID: Entry]>([:])

    /// The account's counts on `today`, if kept and fresh.
    func cached(_ account: UUID, today: CalendarDate, now: Date) -> InboxBadge? {
        entries.withLockedValue { entries in
            guard let entry = entries[account], entry.day == today, now.timeIntervalSince(entry.at) < Self.lifetime else { return nil }
            return entry.badge
        }
    }

    func store(_ badge: InboxBadge, for account: UUID, today: CalendarDate, now: Date) {
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity {
                entries = entries.filter { now.timeIntervalSince($0.value.at) < Self.lifetime }
                if entries.count >= Self.capacity { entries.removeAll() }
            }
            entries[account] = Entry(badge: badge, day: today, at: now)
        }
    }

    func forget(_ account: UUID) { _ = entries.withLockedValue { $0.removeValue(forKey: account) } }

    func forgetAll() { entries.withLockedValue { $0.removeAll() } }

    /// The account's counts, computed when not kept.
    func badge(for user: CurrentUser, _ req: Request) async throws -> InboxBadge {
        let today = req.today, now = req.now
        if let badge = cached(user.id, today: today, now: now) { return badge }
        let tasks = try await InboxStore(req).tasks(for: user.subject, accountID: user.id, today: today).tasks.count
        let badge = InboxBadge(tasks: tasks, unread: try await Self.unreadReminders(user.id, on: req.db))
        store(badge, for: user.id, today: today, now: now)
        return badge
    }

    static func unreadReminders(_ account: UUID, on db: any Database) async throws -> Int {
        let row = try await (db as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(ReminderModel.schema).where("user_id", .equal, SQLBind(account)).where("read_at", .is, SQLLiteral.null).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}

extension Application {
    private struct InboxCountsKey: StorageKey { typealias Value = InboxCounts }

    /// Made once in `configure`.
    var inboxCounts: InboxCounts {
        get {
            guard let counts = storage[InboxCountsKey.self] else { fatalError("configure(_:) makes the inbox counts") }
            return counts
        }
        set { storage[InboxCountsKey.self] = newValue }
    }
}

extension Request {
    private struct InboxBadgeKey: StorageKey { typealias Value = InboxBadge }

    /// The header's counts for this request, when the person is signed in.
    var inboxBadge: InboxBadge? {
        get { storage[InboxBadgeKey.self] }
        set { storage[InboxBadgeKey.self] = newValue }
    }
}

/// Puts the header's counts on every signed-in page request (a GET outside the API), and drops
/// the account's kept counts after any other request of theirs (it may have changed a task).
struct InboxBadgeMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let user = req.currentUser, req.method == .GET, !req.url.path.hasPrefix("/api/") {
            do {
                req.inboxBadge = try await req.application.inboxCounts.badge(for: user, req)
            } catch {
                // The count is a convenience: the page is served without it.
                req.logger.warning("inbox count failed: \(String(describing: error))")
            }
        }
        let response = try await next.respond(to: req)
        if let user = req.currentUser, req.method != .GET { req.application.inboxCounts.forget(user.id) }
        return response
    }
}
