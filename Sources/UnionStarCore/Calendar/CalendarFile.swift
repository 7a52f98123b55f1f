import Foundation
import Yams

/// The holiday file format (`Resources/Calendars/*.yaml`):
/// ```yaml
/// years:
///   - year: 2019
///     source: 国办发明电〔2018〕15号
///     holidays:
///       - {name: 国庆节, from: 2019-10-01, to: 2019-10-07}
///     workdays: [2019-09-29, 2019-10-12]
/// ```
public struct CalendarFile: Sendable, Codable {
    public struct Year: Sendable, Codable {
        public var year: Int
        public var source: String?
        public var holidays: [Holiday]?
        public var workdays: [CalendarDate]?
    }

    public struct Holiday: Sendable, Codable {
        public var name: String
        public var from: CalendarDate
        public var to: CalendarDate?
    }

    public var name: String?
    public var years: [Year]

    public static func parse(yaml: String, file: String) throws(CalendarError) -> WorkingDayCalendar {
        let parsed: CalendarFile
        do {
            parsed = try YAMLDecoder().decode(CalendarFile.self, from: yaml)
        } catch {
            throw CalendarError(file: file, reason: "\(error)")
        }
        var calendar = WorkingDayCalendar()
        for year in parsed.years {
            calendar.cover(year.year)
            for holiday in year.holidays ?? [] {
                let end = holiday.to ?? holiday.from
                guard holiday.from <= end, end.dayNumber - holiday.from.dayNumber < 31 else {
                    throw CalendarError(file: file, reason: "\(year.year) \(holiday.name): \(holiday.from)…\(end) is not a period of 1 to 31 days")
                }
                calendar.addHoliday(holiday.name, from: holiday.from, through: end)
            }
            for day in year.workdays ?? [] {
                guard day.isWeekend else {
                    throw CalendarError(file: file, reason: "\(year.year): make-up working day \(day) is not a Saturday or Sunday")
                }
                calendar.addMakeUpWorkday(day)
            }
        }
        return calendar
    }

    /// Loads and merges every `*.yaml` in a folder, in name order (later files win).
    public static func loadDirectory(_ directory: URL) throws(CalendarError) -> WorkingDayCalendar {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var calendar = WorkingDayCalendar()
        for name in names {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8) else {
                throw CalendarError(file: name, reason: "cannot read the file (it must be UTF-8)")
            }
            calendar = calendar.merging(try parse(yaml: text, file: name))
        }
        return calendar
    }
}

public struct CalendarError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}
