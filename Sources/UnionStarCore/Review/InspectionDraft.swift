import Foundation

/// What an inspector has typed on the inspection page but not yet submitted (考核评分草稿), kept
/// as typed so that a dropped connection on site loses nothing. A draft need not be complete or
/// valid (a score may be half typed, a question open): the submission is checked by
/// `InspectionRecord.parse`. It is only bounded, so that it cannot grow without limit.
public struct InspectionDraft: Sendable, Hashable, Codable {
    public var visitedOn: String
    /// The methods ticked (`InspectionRecord.Method` raw values), in the order the form lists them.
    public var methods: [String]
    public var peopleMet: String
    public var findings: String
    /// Typed points by item number (text keys, as the record keeps them); items left empty are absent.
    public var items: [String: String]

    /// The longest date or score a draft keeps.
    public static let shortLimit = 20

    public init(visitedOn: String, methods: [String], peopleMet: String, findings: String, items: [String: String]) {
        self.visitedOn = visitedOn
        // Known methods in the form's order, each once, then anything else as sent (`problems` names it).
        let known = InspectionRecord.Method.allCases.map(\.rawValue)
        var ordered = known.filter(methods.contains)
        for method in methods where !ordered.contains(method) { ordered.append(method) }
        self.methods = ordered
        self.peopleMet = peopleMet
        self.findings = findings
        self.items = items.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// A submitted record as its form shows it: what a draft typed on top of it is compared with.
    public init(_ record: InspectionRecord) {
        self.init(visitedOn: record.visitedOn.description, methods: record.methods.map(\.rawValue), peopleMet: record.peopleMet,
                  findings: record.findings, items: record.items.mapValues(\.description))
    }

    /// Why the draft cannot be kept, by field as `InspectionRecord.parse` names them (`visitedOn`,
    /// `methods`, `peopleMet`, `findings`, `item-N`): a text over the record's 2,000 characters, a
    /// date or a score over 20 characters, a method or an item the scheme does not have.
    public static func problems(_ draft: InspectionDraft, items: [Item]) -> FieldErrors {
        var errors = FieldErrors()
        if draft.visitedOn.count > shortLimit { errors.add("visitedOn", Strings.Inspection.visitDateInvalid) }
        if draft.methods.contains(where: { InspectionRecord.Method(rawValue: $0) == nil }) {
            errors.add("methods", Strings.Inspection.methodsRequired)
        }
        for (field, text) in [("peopleMet", draft.peopleMet), ("findings", draft.findings)] where text.count > InspectionRecord.textLimit {
            errors.add(field, Strings.Inspection.textTooLong(count: text.count, limit: InspectionRecord.textLimit))
        }
        let numbers = Set(items.map { String($0.number) })
        for (key, value) in draft.items.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            if !numbers.contains(key) { errors.add("item-\(key)", Strings.Inspection.noSuchItem) }
            else if value.count > shortLimit, let item = items.first(where: { String($0.number) == key }) {
                errors.add("item-\(key)", Strings.Inspection.scoreOutOfRange(max: item.max))
            }
        }
        return errors
    }

    /// The draft as the record's parser reads it.
    public var input: InspectionRecord.Input {
        var typed: [Int: String] = [:]
        for (key, value) in items { if let number = Int(key) { typed[number] = value } }
        return InspectionRecord.Input(visitedOn: visitedOn, methods: methods, peopleMet: peopleMet, findings: findings, items: typed)
    }
}
