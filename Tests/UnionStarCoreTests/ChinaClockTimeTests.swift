import Testing
@testable import UnionStarCore

/// A moment written as China's clocks show it (the replayed clock's start, `UNIONSTAR_CLOCK_START`).
@Suite struct ChinaClockTimeTests {
    @Test(arguments: [
        // A date alone is its first second in China: 16:00 UTC the day before.
        ("2026-12-20", 1_797_696_000, "2026-12-20 00:00:00"),
        ("2026-12-20T09:30", 1_797_730_200, "2026-12-20 09:30:00"),
        ("2026-12-20 09:30", 1_797_730_200, "2026-12-20 09:30:00"),
        ("2026-12-20T09:30:15", 1_797_730_215, "2026-12-20 09:30:15"),
        ("2026-12-20T23:59:59", 1_797_782_399, "2026-12-20 23:59:59"),
        ("1970-01-01T08:00", 0, "1970-01-01 08:00:00"),
        ("2028-02-29T12:00", 1_835_409_600, "2028-02-29 12:00:00"),
    ])
    func readsTheFormsPeopleWrite(text: String, seconds: Int, shown: String) throws {
        let moment = try #require(ChinaClockTime(parsing: text))
        #expect(moment.secondsSince1970 == seconds)
        #expect(moment.description == shown)
        // and back: the instant read on China's clocks is the moment written
        #expect(ChinaClockTime(secondsSince1970: seconds) == moment)
    }

    @Test func readsAnInstantOnChinasClocks() {
        // 15:59:59 UTC is the day's last second in China, 16:00 the next day's first.
        #expect(ChinaClockTime(secondsSince1970: 1_797_695_999).description == "2026-12-19 23:59:59")
        #expect(ChinaClockTime(secondsSince1970: 1_797_696_000).description == "2026-12-20 00:00:00")
        // Before 1970 too (no negative remainders).
        #expect(ChinaClockTime(secondsSince1970: -28_801).description == "1969-12-31 23:59:59")
    }

    @Test(arguments: [
        "", "2026-12-20T", "2026-12-20T9:30", "2026-12-20T09", "2026-12-20T24:00", "2026-12-20T09:60", "2026-12-20T09:30:60",
        "2026-12-20T09:30:15.5", "2026-12-20T09:30Z", "2026-12-20T09:30+08:00", "2026-12-20  09:30", "2026-02-30", "20261220",
        "2026/12/20", "tomorrow", "2026-12-20T09:30:15:00", "2026-12-20T０９:30",
    ])
    func refusesAnythingElse(text: String) {
        #expect(ChinaClockTime(parsing: text) == nil)
    }
}
