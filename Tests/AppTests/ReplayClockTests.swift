import Foundation
import Testing
import UnionStarCore
@testable import App

/// `UNIONSTAR_CLOCK_START`: the app's clock starts at a replayed moment and runs on at real speed;
/// unset, the machine's clock; malformed, the app does not start.
@Suite(.serialized) struct ReplayClockTests {
    @Test func startsAtTheMomentAndRunsOnWithTheClockUnderIt() throws {
        // setup: the clock under it at a moment of its own
        let base = FixedClock(Date(timeIntervalSince1970: 1_700_000_000))
        // act
        let replay = try #require(try ReplayClock.fromEnvironment(["UNIONSTAR_CLOCK_START": "2031-03-02T09:00"], base: base))
        // check: 09:00 in China is 01:00 UTC; ninety seconds later by the clock under it, ninety later by the replay
        #expect(replay.now() == Date(timeIntervalSince1970: 1_930_179_600))
        #expect(CalendarDate.china(replay.now()) == CalendarDate(year: 2031, month: 3, day: 2))
        base.advance(by: 90)
        #expect(replay.now() == Date(timeIntervalSince1970: 1_930_179_690))
        #expect(replay.announcement.hasPrefix("UNIONSTAR_CLOCK_START is set: the app's clock starts at 2031-03-02 09:00:00 China time"))
    }

    @Test func unsetOrEmptyLeavesTheMachinesClock() throws {
        #expect(try ReplayClock.fromEnvironment([:]) == nil)
        #expect(try ReplayClock.fromEnvironment(["UNIONSTAR_CLOCK_START": " "]) == nil)
    }

    @Test func aMalformedValueSaysWhatIsWanted() {
        #expect {
            try ReplayClock.fromEnvironment(["UNIONSTAR_CLOCK_START": "2031-03-02T09:00+08:00"])
        } throws: { error in
            (error as? CommandFailure)?.message == "UNIONSTAR_CLOCK_START must be a moment in China's time (UTC+8) written YYYY-MM-DD, "
                + "YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, such as 2026-12-20T09:30, not '2031-03-02T09:00+08:00'"
        }
    }

    @Test func theBinaryAnnouncesItAndActsOnTheReplayedDay() throws {
        // setup
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db.sqlite").path
        // act: the day's reminders, for "today"
        let run = try runUnionstar(["remind"], environment: ["DATABASE_PATH": database, "UNIONSTAR_CLOCK_START": "2031-03-02T09:00"])
        // check: today is the replayed day, and the log says the clock is not the real one
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("2031-03-02: 0 open tasks"), "\(run.stdout)")
        #expect(run.stderr.contains("UNIONSTAR_CLOCK_START is set: the app's clock starts at 2031-03-02 09:00:00 China time"))
        // act: a malformed value
        let refused = try runUnionstar(["remind"], environment: ["DATABASE_PATH": database, "UNIONSTAR_CLOCK_START": "next monday"])
        // check: nothing runs; the sentence says what is wanted
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("error: UNIONSTAR_CLOCK_START must be a moment in China's time (UTC+8)"), "\(refused.stderr)")
    }
}
