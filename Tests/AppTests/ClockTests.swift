import Foundation
import Testing
import SQLKit
import Vapor
@testable import App

/// Time in the app comes from one injected clock: set it, and sessions, locks and the audit
/// trail all follow.
@Suite struct ClockTests {
    @Test func sessionsAndTheAuditTrailFollowTheInjectedClock() async throws {
        try await withTestApp { app in
            // setup: a date far from today, so nothing can pass by reading the machine's clock
            let start = Date(timeIntervalSince1970: 1_893_456_000)  // 2030-01-01 00:00 UTC
            let clock = FixedClock(start)
            app.clock = clock
            let fixture = try await Fixture.make(app)
            let staff = WebSession(app)
            try await staff.signIn("staff")
            _ = try await staff.get("/orgs/\(fixture.unionA.uuidString.lowercased())")
            // act: an edit at 00:21 of that day, 20 minutes after the last page
            clock.advance(by: 20 * 60)
            _ = try await staff.get("/orgs/\(fixture.unionA.uuidString.lowercased())")
            clock.advance(by: 60)
            let edited = try await staff.post("/orgs/\(fixture.unionA.uuidString.lowercased())/edit",
                                              ["name": "甲公司工会", "kind": "enterprise", "members": "70", "version": "1"])
            // check: the entry carries the clock's time; sessions of the clock's age are kept
            #expect(edited.status == .seeOther)
            struct Row: Decodable { var at_ms: Int64 }
            let row = try await (app.db as! any SQLDatabase).select().column("at_ms").from("audit_events")
                .where("action", .equal, "organisation.update").first(decoding: Row.self)
            #expect(row?.at_ms == Int64(start.timeIntervalSince1970 + 21 * 60) * 1000)
            // act: 31 minutes of silence by the clock
            clock.advance(by: 31 * 60)
            let idle = try await staff.get("/orgs/\(fixture.unionA.uuidString.lowercased())")
            // check: the idle timeout (30 minutes) has ended the session
            #expect(idle.isSignInRedirect)
        }
    }
}
