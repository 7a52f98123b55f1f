import Foundation
import UnionStarCore

/// The self-assessment as its form holds it: one text per field, for every question of the
/// scheme and every item's note. Answers and notes are read from it and written to it, so what a
/// person typed can be compared field by field with what is stored (a stale save) and put back
/// into the form exactly as typed (a refused one).
///
/// Field names: `fact:<id>` (yes/no as `true`/`false`, a number, an option id; for a checklist a
/// marker `1` saying it was shown), `fact:<id>:<element>` (`on` when the element is ticked) and
/// `note:<item number>`. An empty text is "not answered".
struct SelfAssessmentFields: Sendable, Equatable {
    var values: [String: String]

    static func factName(_ fact: String) -> String { "fact:\(fact)" }
    static func elementName(_ fact: String, _ element: String) -> String { "fact:\(fact):\(element)" }
    static func noteName(_ item: Int) -> String { "note:\(item)" }

    /// One field of the form, with what it belongs to.
    struct Field: Sendable {
        enum Kind: Sendable { case fact, marker, element, note }
        var name: String
        var kind: Kind
        /// The item the question belongs to (nil: a question of the scheme itself).
        var item: Int?
        var fact: Fact?
        var element: Fact.Element?
    }

    /// Every field of the scheme's form, in the page's order: the scheme's own questions, then
    /// item by item its questions and its note.
    static func layout(of scheme: Scheme) -> [Field] {
        var fields: [Field] = []
        func add(_ fact: Fact, item: Int?) {
            if fact.type == .checklist {
                fields.append(Field(name: factName(fact.id), kind: .marker, item: item, fact: fact))
                for element in fact.elements ?? [] {
                    fields.append(Field(name: elementName(fact.id, element.id), kind: .element, item: item, fact: fact, element: element))
                }
            } else {
                fields.append(Field(name: factName(fact.id), kind: .fact, item: item, fact: fact))
            }
        }
        for fact in scheme.facts { add(fact, item: nil) }
        for item in scheme.items {
            for fact in item.facts { add(fact, item: item.number) }
            fields.append(Field(name: noteName(item.number), kind: .note, item: item.number))
        }
        return fields
    }

    subscript(_ name: String) -> String { values[name] ?? "" }

    /// What is stored, as the form shows it.
    init(answers: Answers, notes: [String: String], scheme: Scheme) {
        var values: [String: String] = [:]
        for field in Self.layout(of: scheme) {
            switch field.kind {
            case .note:
                values[field.name] = notes[String(field.item!)] ?? ""
            case .marker:
                values[field.name] = answers.facts[field.fact!.id] == nil ? "" : "1"
            case .element:
                let present: Bool = switch answers.facts[field.fact!.id] {
                case .list(let ids)?: ids.contains(field.element!.id)
                case .map(let map)?: map[field.element!.id] == true
                default: false
                }
                values[field.name] = present ? "on" : ""
            case .fact:
                values[field.name] = switch answers.facts[field.fact!.id] {
                case .bool(let b)?: b ? "true" : "false"
                case .number(let d)?: NSDecimalNumber(decimal: d).stringValue
                case .option(let o)?: o
                case .list, .map, nil: ""
                }
            }
        }
        self.values = values
    }

    /// What a form sent: the scheme's fields only, trimmed; an unticked box is empty.
    init(form: [String: String], scheme: Scheme) {
        var values: [String: String] = [:]
        for field in Self.layout(of: scheme) {
            let sent = form[field.name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            switch field.kind {
            case .element: values[field.name] = sent.isEmpty || sent == "false" ? "" : "on"
            case .marker: values[field.name] = sent.isEmpty ? "" : "1"
            case .note: values[field.name] = form[field.name].map { $0.replacingOccurrences(of: "\r\n", with: "\n") } ?? ""
            case .fact: values[field.name] = sent
            }
        }
        // A ticked element means the checklist was answered, marker or not.
        for field in Self.layout(of: scheme) where field.kind == .element && values[field.name] == "on" {
            values[Self.factName(field.fact!.id)] = "1"
        }
        self.values = values
    }

    /// The answers as the scorer reads them. A text that is not of the question's kind is passed on
    /// as it is, for the scorer's check to name (text in a count, say).
    func answers(for scheme: Scheme) -> Answers {
        var answers = Answers()
        for field in Self.layout(of: scheme) where field.kind == .fact || field.kind == .marker {
            let fact = field.fact!
            let text = self[field.name]
            if fact.type == .checklist {
                guard text == "1" else { continue }
                var map: [String: Bool] = [:]
                for element in fact.elements ?? [] { map[element.id] = self[Self.elementName(fact.id, element.id)] == "on" }
                answers.facts[fact.id] = .map(map)
                continue
            }
            guard !text.isEmpty else { continue }
            switch fact.type {
            case .boolean:
                answers.facts[fact.id] = text == "true" ? .bool(true) : text == "false" ? .bool(false) : .option(text)
            case .count, .percentage:
                var number = text
                if fact.type == .percentage, number.hasSuffix("%") { number = String(number.dropLast()).trimmingCharacters(in: .whitespaces) }
                answers.facts[fact.id] = Self.decimal(number).map(AnswerValue.number) ?? .option(text)
            case .choice, .checklist:
                answers.facts[fact.id] = .option(text)
            }
        }
        return answers
    }

    /// A plain decimal (`12`, `-3`, `88.5`), or nil for anything else.
    static func decimal(_ text: String) -> Decimal? {
        var digits = 0, points = 0
        for (index, c) in text.enumerated() {
            if c == "-" && index == 0 { continue }
            if c == "." { points += 1; continue }
            guard c.isASCII, c.isNumber else { return nil }
            digits += 1
        }
        guard digits > 0, points <= 1, digits <= 30 else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The notes by item number, empty ones left out.
    func notes(for scheme: Scheme) -> [String: String] {
        var notes: [String: String] = [:]
        for item in scheme.items {
            let text = self[Self.noteName(item.number)]
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { notes[String(item.number)] = text }
        }
        return notes
    }

    /// The fields as the form's hidden `base` carries them (JSON, only the non-empty ones).
    var json: String { CampaignStore.encode(values.filter { !$0.value.isEmpty }) }

    init(json: String, scheme: Scheme) throws {
        let decoded = try CampaignStore.decode([String: String].self, json)
        var values: [String: String] = [:]
        for field in Self.layout(of: scheme) { values[field.name] = decoded[field.name] ?? "" }
        self.values = values
    }

    init(values: [String: String]) { self.values = values }
}

/// A save made on an older version: what the other person changed, and the form to show again.
struct SelfAssessmentMerge: Sendable {
    struct Change: Sendable {
        var field: SelfAssessmentFields.Field
        var theirs: String
        var yours: String
        /// The form keeps the person's own value (both changed it); otherwise it takes theirs.
        var keptYours: Bool
    }

    /// What the form now holds: the person's input, with the other person's changes to fields the
    /// person left alone.
    var fields: SelfAssessmentFields
    /// Every field the other person changed since `base`, in the page's order.
    var changes: [Change]

    /// Three-way: `base` is the form as the person loaded it (nil when unknown: then every field
    /// where the two differ counts as changed by both, and the person's value is kept).
    init(typed: SelfAssessmentFields, stored: SelfAssessmentFields, base: SelfAssessmentFields?, scheme: Scheme) {
        var merged = typed
        var changes: [Change] = []
        for field in SelfAssessmentFields.layout(of: scheme) {
            let theirs = stored[field.name], yours = typed[field.name]
            let theyChanged = base.map { $0[field.name] != theirs } ?? (theirs != yours)
            let youChanged = base.map { $0[field.name] != yours } ?? true
            guard theyChanged else { continue }
            if youChanged && theirs != yours {
                merged.values[field.name] = yours
            } else {
                merged.values[field.name] = theirs
            }
            // A checklist's marker is not something a person sees; its elements are.
            if field.kind == .marker { continue }
            changes.append(Change(field: field, theirs: theirs, yours: yours, keptYours: youChanged && theirs != yours))
        }
        fields = merged
        self.changes = changes
    }

    /// Whether the other person changed anything the form holds.
    var touchesFields: Bool { !changes.isEmpty }
}
