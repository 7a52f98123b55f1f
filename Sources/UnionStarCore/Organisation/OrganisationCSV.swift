import CSV
import Foundation

/// The spreadsheet form of the organisation tree: one row per node, parents named by their path
/// (`威海市总工会/乳山市总工会/夏村镇总工会`), written with a header of Chinese column names.
public enum OrganisationCSV {
    public enum Column: String, Sendable, CaseIterable {
        case name, parent, level, kind, creditCode, members, employees, chair, phone, address, companyForm

        public var header: String {
            switch self {
            case .name: "名称"
            case .parent: "上级"
            case .level: "层级"
            case .kind: "类型"
            case .creditCode: "统一社会信用代码"
            case .members: "会员人数"
            case .employees: "职工人数"
            case .chair: "工会主席"
            case .phone: "联系电话"
            case .address: "地址"
            case .companyForm: "公司制企业"
            }
        }

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
            throw FileError(reason: LocalizedText(zh: "无法读取表头：\(error)", en: "cannot read the header row: \(error)"))
        }
        let header = reader.headerRow ?? []
        var columns: [Int: Column] = [:]
        var unknown: [String] = []
        for (index, title) in header.enumerated() {
            if let column = Column.matching(title) { columns[index] = column } else if !title.isEmpty { unknown.append(title) }
        }
        let missing = required.filter { !columns.values.contains($0) }
        guard missing.isEmpty else {
            let names = missing.map(\.header).joined(separator: "、")
            throw FileError(reason: LocalizedText(zh: "缺少必需的列：\(names)", en: "required columns are missing: \(names)"))
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
            throw FileError(reason: LocalizedText(zh: "第\(line + 1)行无法解析：\(error)", en: "line \(line + 1) cannot be parsed: \(error)"))
        }
        return (rows, unknown)
    }

    /// Writes rows (UTF-8 with a BOM, so Excel on Chinese Windows opens it correctly).
    public static func write(_ rows: [[Column: String]]) -> Data {
        let stream = OutputStream(toMemory: ())
        guard let writer = try? CSVWriter(stream: stream) else { return Data() }
        try? writer.write(row: Column.allCases.map(\.header))
        for row in rows {
            try? writer.write(row: Column.allCases.map { guarded(row[$0] ?? "") })
        }
        writer.stream.close()
        let body = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body
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
        switch t {
        case "地市", "地市总工会", "市总工会": return .prefecture
        case "县级市", "县级", "县（市、区）总工会", "区（市）总工会": return .county
        case "镇街", "镇", "街道", "园区", "系统", "镇街工会", "镇（街）工会", "园区工会", "系统工会", "局公司工委会": return .subFederation
        case "基层": return .grassroots
        default: return nil
        }
    }

    static func parseBool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "否", "n", "no", "false", "0", "非公司制": return false
        case "是", "y", "yes", "true", "1", "公司制": return true
        default: return nil
        }
    }

    static func parseCount(_ text: String) -> Int?? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .some(nil) }
        guard let n = Int(t), n >= 0 else { return nil }
        return .some(n)
    }
}
