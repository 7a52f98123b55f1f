import Foundation
import Testing
@testable import UnionStarCore

/// Every user-facing text lives in `Sources/UnionStarCore/Strings/`: no other Swift source writes
/// Chinese in a string literal or builds a `LocalizedText(zh:en:)` from literals.
@Suite struct StringCatalogueTests {
    static let catalogueFolder = "Sources/UnionStarCore/Strings/"

    /// Files outside the catalogue that may hold Chinese literals, each with the reason.
    static let allowed: [String: String] = [
        "Sources/UnionStarCore/Organisation/OrganisationCSVFormat.swift":
            "the spreadsheet file format: Chinese column headers and cell words, the same whatever the page's language",
        "Sources/App/Commands/DemoData.swift":
            "demo data: invented place, unit and person names the demo command writes into a database",
    ]

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every `.swift` file under `Sources/`, as a path from the repository root.
    static func sourceFiles() throws -> [String] {
        let sources = root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .map { String($0.path.dropFirst(prefix.count)) }.sorted()
    }

    static func text(of path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Chinese characters and CJK or full-width punctuation.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }

    static func hasCJK(_ text: String) -> Bool { text.unicodeScalars.contains(where: isCJK) }

    /// The string literal that starts at `start` (just after its opening quote): its text with
    /// interpolations dropped, and where it ends. Interpolations may hold literals of their own.
    static func literal(_ scalars: [Unicode.Scalar], from start: Int) -> (text: String, end: Int) {
        var text = String.UnicodeScalarView()
        var i = start
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\", i + 1 < scalars.count {
                if scalars[i + 1] == "(" {
                    var depth = 1
                    i += 2
                    while i < scalars.count, depth > 0 {
                        if scalars[i] == "\"" {
                            let inner = literal(scalars, from: i + 1)
                            text.append(contentsOf: inner.text.unicodeScalars)
                            i = inner.end + 1
                            continue
                        }
                        if scalars[i] == "(" { depth += 1 }
                        if scalars[i] == ")" { depth -= 1 }
                        i += 1
                    }
                    continue
                }
                i += 2
                continue
            }
            if c == "\"" { return (String(text), i) }
            text.append(c)
            i += 1
        }
        return (String(text), i)
    }

    /// The texts of the string literals on one line of code, up to a trailing `//` comment.
    static func literals(onLine line: String) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var found: [String] = []
        var i = 0
        while i < scalars.count {
            if scalars[i] == "/", i + 1 < scalars.count, scalars[i + 1] == "/" { break }
            if scalars[i] == "\"" {
                let lit = literal(scalars, from: i + 1)
                found.append(lit.text)
                i = lit.end + 1
                continue
            }
            i += 1
        }
        return found
    }

    static func isComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("//") || trimmed.hasPrefix("*") || trimmed.hasPrefix("/*")
    }

    /// What is wrong with one line outside the catalogue, if anything.
    static func problem(onLine line: String) -> String? {
        guard !isComment(line) else { return nil }
        if line.contains("LocalizedText(zh: \"") { return "a LocalizedText literal" }
        if literals(onLine: line).contains(where: hasCJK) { return "Chinese text in a string literal" }
        return nil
    }

    @Test func theCheckerSeesWhatItMustAndNothingElse() {
        #expect(Self.problem(onLine: #"    let a = "中文""#) != nil)
        #expect(Self.problem(onLine: #"    x.joined(separator: "、")"#) != nil)
        #expect(Self.problem(onLine: #"    "\(names.joined(separator: "，")) items""#) != nil)
        #expect(Self.problem(onLine: #"    LocalizedText(zh: "a", en: "b")"#) != nil)
        #expect(Self.problem(onLine: #"    Strings.Common.yes // 是"#) == nil)
        #expect(Self.problem(onLine: "    /// 县级市总工会, e.g. 乳山市总工会") == nil)
        #expect(Self.problem(onLine: "    * 中文") == nil)
        #expect(Self.problem(onLine: #"    let s = "\"" + "a""#) == nil)
        #expect(Self.problem(onLine: #"    LocalizedText(zh: text, en: text)"#) == nil)
    }

    @Test func noUserTextIsWrittenOutsideTheCatalogue() throws {
        let files = try Self.sourceFiles()
        #expect(files.contains { $0.hasPrefix(Self.catalogueFolder) }, "the catalogue folder is missing")
        for file in Self.allowed.keys { #expect(files.contains(file), "allowed file \(file) does not exist") }
        var problems: [String] = []
        for file in files where !file.hasPrefix(Self.catalogueFolder) && Self.allowed[file] == nil {
            var multiLineString = false
            for (index, line) in try Self.text(of: file).components(separatedBy: "\n").enumerated() {
                let quotes = line.components(separatedBy: "\"\"\"").count - 1
                if multiLineString || quotes > 0 {
                    if multiLineString, Self.hasCJK(line), !Self.isComment(line) {
                        problems.append("\(file):\(index + 1): Chinese text in a multi-line string literal")
                    }
                    if quotes % 2 == 1 { multiLineString.toggle() }
                    if quotes > 0 || multiLineString { continue }
                }
                if let problem = Self.problem(onLine: line) {
                    problems.append("\(file):\(index + 1): \(problem) — use the catalogue (Strings)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Every entry of the catalogue, read from its source: the Chinese says something in Chinese
    /// (or is only marks around values, like `\(role) · \(place)`), the English has no Chinese.
    @Test func everyEntryHasChineseInZhAndNoneInEn() throws {
        let files = try Self.sourceFiles().filter { $0.hasPrefix(Self.catalogueFolder) }
        var entries = 0
        var problems: [String] = []
        for file in files {
            let scalars = Array(try Self.text(of: file).unicodeScalars)
            var i = 0
            while i + 5 < scalars.count {
                let head = String(String.UnicodeScalarView(scalars[i ..< i + 5]))
                guard head == "zh: \"" || head == "en: \"" else { i += 1; continue }
                let lit = Self.literal(scalars, from: i + 5)
                if head == "zh: \"" {
                    entries += 1
                    let hasLetters = lit.text.unicodeScalars.contains { $0.properties.isAlphabetic }
                    if hasLetters && !Self.hasCJK(lit.text) { problems.append("\(file): zh \"\(lit.text)\" has no Chinese") }
                } else if Self.hasCJK(lit.text) {
                    problems.append("\(file): en \"\(lit.text)\" has Chinese")
                }
                i = lit.end + 1
            }
        }
        #expect(entries > 300, "only \(entries) entries found: is the catalogue being read?")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// A few entries of every area as the program sees them.
    @Test(arguments: [
        Strings.Common.appName, Strings.Common.yes, Strings.Navigation.accounts, Strings.Pager.page(2),
        Strings.Notices.saved, Strings.Notices.accountDisabled,
        Strings.SignIn.failed, Strings.SignIn.lockedFor(minutes: 5),
        Strings.Accounts.disableButton, Strings.Accounts.temporaryPassword(of: "wang"), Strings.Roles.inspector,
        Strings.Passwords.tooShort(8),
        Strings.Organisations.heading, Strings.Organisations.Problems.nameTakenUnderParent("a"),
        Strings.Organisations.CreditCode.wrongLength(17), Strings.Organisations.Levels.county, Strings.Organisations.Kinds.school,
        Strings.Import.heading("x"), Strings.Import.Rows.parentNotFound("a/b"), Strings.Import.File.lineUnparsable(3, "bad"),
        Strings.Audit.heading, Strings.Audit.Actions.movedUnit, Strings.Audit.Fields.creditCode, Strings.Audit.Kinds.calendar,
        Strings.Scheme.List.intro, Strings.Scheme.Page.totalPoints(100), Strings.Scheme.Locations.item(3),
        Strings.Scheme.Loading.notUTF8, Strings.Scheme.Validation.ruleNeedsCap, Strings.Scheme.Validation.readsUnknownFact("f"),
        Strings.Scheme.FactKinds.checklist, Strings.Scheme.Origins.seed,
        Strings.Scoring.Answers.countTooHigh(3, "4"), Strings.Scoring.Breakdown.missing(["a", "b"]),
        Strings.Scoring.ReReview.belowAllTiers(score: 60, held: "a", minimum: 70),
        Strings.Calendar.noFixedDate, Strings.Calendar.Problems.noticeWithoutStart("s"), Strings.Calendar.makeUpWorkingDay,
        Strings.Errors.nothingHere, Strings.Errors.noSuchScheme("x"), Strings.Commands.userNamePrompt,
    ])
    func sampledEntriesAreInTheirLanguages(text: LocalizedText) {
        #expect(Self.hasCJK(text.zh), "zh: \(text.zh)")
        #expect(!Self.hasCJK(text.en), "en: \(text.en)")
        #expect(!text.en.isEmpty)
    }
}
