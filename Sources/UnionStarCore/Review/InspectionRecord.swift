import Foundation

/// What an inspector records of a visit (督导检查 / 考核验收): the day, the methods used (Yizheng:
/// 听汇报、查看台账资料、个别访谈、召开座谈会), the people met, the findings, and a score for every item.
public struct InspectionRecord: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// 听汇报
        case briefing
        /// 查看台账资料
        case records
        /// 个别访谈
        case interviews
        /// 召开座谈会
        case discussion

        public var label: LocalizedText { Strings.Inspection.method(self) }
    }

    public var visitedOn: CalendarDate
    public var methods: [Method]
    public var peopleMet: String
    public var findings: String
    /// Points by item number (as text keys, as `InspectorScore` keeps them).
    public var items: [String: Points]

    public var total: Points { items.values.reduce(.zero, +) }

    public init(visitedOn: CalendarDate, methods: [Method], peopleMet: String, findings: String, items: [String: Points]) {
        self.visitedOn = visitedOn
        self.methods = methods
        self.peopleMet = peopleMet
        self.findings = findings
        self.items = items
    }

    public static let textLimit = 2_000

    /// What the form sends, as typed.
    public struct Input: Sendable {
        public var visitedOn: String
        public var methods: [String]
        public var peopleMet: String
        public var findings: String
        /// Typed points by item number.
        public var items: [Int: String]

        public init(visitedOn: String, methods: [String], peopleMet: String, findings: String, items: [Int: String]) {
            self.visitedOn = visitedOn
            self.methods = methods
            self.peopleMet = peopleMet
            self.findings = findings
            self.items = items
        }
    }

    /// The record, or every problem by field (`visitedOn`, `methods`, `peopleMet`, `findings`,
    /// `item-N`): the day is a real day, not after today and not before the inspection opened; at
    /// least one method; the people met and the findings written, each at most 2,000 characters;
    /// every item scored from 0 to its maximum, to at most two decimal places.
    public static func parse(_ input: Input, items: [Item], today: CalendarDate, opens: CalendarDate?) -> Result<InspectionRecord, FieldErrors> {
        var errors = FieldErrors()
        let day = CalendarDate(parsing: input.visitedOn.trimmingCharacters(in: .whitespaces))
        if let day {
            if day > today { errors.add("visitedOn", Strings.Inspection.visitInFuture) }
            else if let opens, day < opens { errors.add("visitedOn", Strings.Inspection.visitBeforeWindow(opens)) }
        } else {
            errors.add("visitedOn", Strings.Inspection.visitDateInvalid)
        }
        var methods: [Method] = []
        for text in input.methods {
            guard let method = Method(rawValue: text) else { errors.add("methods", Strings.Inspection.methodsRequired); break }
            if !methods.contains(method) { methods.append(method) }
        }
        if methods.isEmpty && errors["methods"] == nil { errors.add("methods", Strings.Inspection.methodsRequired) }
        let people = input.peopleMet.trimmingCharacters(in: .whitespacesAndNewlines)
        let findings = input.findings.trimmingCharacters(in: .whitespacesAndNewlines)
        for (field, text) in [("peopleMet", people), ("findings", findings)] {
            if text.isEmpty { errors.add(field, Strings.Inspection.textRequired) }
            else if text.count > textLimit { errors.add(field, Strings.Inspection.textTooLong(count: text.count, limit: textLimit)) }
        }
        var scores: [String: Points] = [:]
        for item in items {
            let typed = (input.items[item.number] ?? "").trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { errors.add("item-\(item.number)", Strings.Inspection.scoreRequired); continue }
            guard let points = Points(parsing: typed), points.raw % (Points.scale / 100) == 0, points >= .zero, points <= item.max else {
                errors.add("item-\(item.number)", Strings.Inspection.scoreOutOfRange(max: item.max))
                continue
            }
            scores[String(item.number)] = points
        }
        guard errors.isEmpty, let day else { return .failure(errors) }
        return .success(InspectionRecord(visitedOn: day, methods: methods, peopleMet: people, findings: findings, items: scores))
    }
}
