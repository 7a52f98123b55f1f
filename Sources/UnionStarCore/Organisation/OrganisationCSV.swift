import CSV
import Foundation

/// The spreadsheet form of the organisation tree: one row per node, parents named by their path
/// (`威海市总工会/乳山市总工会/夏村镇总工会`), written with a header of Chinese column names.
public enum OrganisationCSV {
    public enum Column: String, Sendable, CaseIterable {
        case name, parent, level, kind, creditCode, members, employees, chair, phone, address, companyForm

        /// English names accepted in a header too.
        var aliases: [String] {
            switch self {
            case .name: ["name"]
            case .parent: ["parent"]
            case .level: ["level"]
            case .kind: ["kind", "type"]
            case .creditCode: ["credit_code", "creditcode", "uscc"]
            case .members: ["members"]
            case .employees: ["employees"]
            case .chair: ["chair"]
            case .phone: ["phone"]
            case .address: ["address"]
            case .companyForm: ["company_form", "companyform"]
            }
        }

        static func matching(_ header: String) -> Column? {
            let h = header.trimmingCharacters(in: .whitespaces)
            return allCases.first { $0.header == h || $0.aliases.contains(h.lowercased()) }
        }
    }

    public static let required: [Column] = [.name, .parent, .level]

    /// The path separator in the 上级 column.
    public static let separator: Character = "/"

    /// A data row: its line in the file (the header is line 1) and its fields by column.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fields: [Column: String]

        public init(line: Int, fields: [Column: String]) {
            self.line = line
            self.fields = fields
        }

        public subscript(column: Column) -> String { fields[column] ?? "" }
    }

    public struct FileError: Error, Sendable, Equatable {
        public var reason: LocalizedText
    }

    /// Reads the rows of a decoded file. A missing required column or an unreadable file is a
    /// `FileError`; bad values are left for the planner, which reports them by line and column.
    public static func rows(from text: String) throws(FileError) -> (rows: [Row], unknownColumns: [String]) {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            throw FileError(reason: Strings.Import.File.headerUnreadable("\(error)"))
        }
        let header = reader.headerRow ?? []
        var columns: [Int: Column] = [:]
        var unknown: [String] = []
        for (index, title) in header.enumerated() {
            if let column = Column.matching(title) { columns[index] = column } else if !title.isEmpty { unknown.append(title) }
        }
        let missing = required.filter { !columns.values.contains($0) }
        guard missing.isEmpty else {
            let separator = Strings.Import.columnSeparator
            throw FileError(reason: Strings.Import.File.columnsMissing(zh: missing.map(\.header).joined(separator: separator.zh),
                                                                      en: missing.map(\.header).joined(separator: separator.en)))
        }
        var rows: [Row] = []
        var line = 1
        while let record = reader.next() {
            line += 1
            if record.allSatisfy({ $0.isEmpty }) { continue }
            var fields: [Column: String] = [:]
            for (index, value) in record.enumerated() {
                if let column = columns[index] { fields[column] = unguarded(value) }
            }
            rows.append(Row(line: line, fields: fields))
        }
        if let error = reader.error {
            throw FileError(reason: Strings.Import.File.lineUnparsable(line + 1, "\(error)"))
        }
        return (rows, unknown)
    }

    /// Writes rows (UTF-8 with a BOM, so Excel on Chinese Windows opens it correctly).
    public static func write(_ rows: [[Column: String]]) -> Data {
        CSVTable.write(header: Column.allCases.map(\.header), rows: rows.map { row in Column.allCases.map { row[$0] ?? "" } })
    }

    /// Characters that make a spreadsheet read a cell as a formula (CSV injection).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell as written: text that would start a formula gets a leading `'`, which Excel shows
    /// as plain text.
    static func guarded(_ value: String) -> String {
        guard let first = value.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    /// A cell as read: the `'` that `guarded` added is taken off again.
    static func unguarded(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.dropFirst().first, formulaStarts.contains(second) else { return value }
        return String(value.dropFirst())
    }

    static func parseLevel(_ text: String) -> OrganisationLevel? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let level = OrganisationLevel(rawValue: t) { return level }
        if let level = OrganisationLevel.allCases.first(where: { $0.label.zh == t }) { return level }
        return levelWords[t]
    }

    static func parseBool(_ text: String) -> Bool? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if noWords.contains(word) { return false }
        if yesWords.contains(word) { return true }
        return nil
    }

    static func parseCount(_ text: String) -> Int?? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .some(nil) }
        guard let n = Int(t), n >= 0 else { return nil }
        return .some(n)
    }
}
