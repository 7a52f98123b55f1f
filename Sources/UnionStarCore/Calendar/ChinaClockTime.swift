/// A moment as a clock in China shows it (UTC+8, no daylight saving), written the ISO way:
/// `2026-12-20` (the day's first second), `2026-12-20T09:30` or `2026-12-20T09:30:15` (a space
/// may stand for the `T`). No zone may be written: the app's days are China's days, so a moment
/// given in another zone would only be a chance to be a day off.
public struct ChinaClockTime: Sendable, Hashable, CustomStringConvertible {
    public let date: CalendarDate
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init?(date: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses the forms above; nil for anything else (a zone, fractions, 24:00, 2-30).
    public init?(parsing text: some StringProtocol) {
        let text = String(text)
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "T" || $0 == " " }
        guard (1...2).contains(parts.count), let date = CalendarDate(parsing: parts[0]) else { return nil }
        guard parts.count == 2 else {
            self.init(date: date)
            return
        }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) ?? -1 : 0
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    /// The moment `seconds` after 1970-01-01 00:00 UTC, on China's clocks (whole seconds).
    public init(secondsSince1970 seconds: Int) {
        let local = seconds + 8 * 3_600
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let rest = local - day * 86_400
        date = CalendarDate(dayNumber: day)
        hour = rest / 3_600
        minute = rest / 60 % 60
        second = rest % 60
    }

    /// Seconds since 1970-01-01 00:00 UTC.
    public var secondsSince1970: Int {
        date.dayNumber * 86_400 + hour * 3_600 + minute * 60 + second - 8 * 3_600
    }

    /// `2026-12-20 09:30:00`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date) \(two(hour)):\(two(minute)):\(two(second))"
    }
}
