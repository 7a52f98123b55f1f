import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import UnionStarCore
import Vapor
import ZIPFoundation
@testable import App

/// The 申报登记表 as a Word file, read back as Word would: the zip's parts, `word/document.xml`
/// parsed as XML, and the text of every cell, unescaped, where the paper form has it.
@Suite struct RegistrationFormDocxTests {
    static let september1 = CalendarDate(year: 2026, month: 9, day: 1)!
    static let september15 = CalendarDate(year: 2026, month: 9, day: 15)!

    /// Every character XML treats specially, a line break, a blank line, a tab, two boxes filled.
    static let form = RegistrationForm(
        unitName: "乳山市A&B<机械>有限公司工会",
        tier: "四星级",
        chairName: "王丽 \"Lily\" O'Neil",
        phone: "0631-6663572",
        mainWork: "一、组织建设规范达标 & 按期换届。\n二、<职工之家>建设常建常新，满意率>90%。\r\n\n三、厂务公开\t民主管理。",
        opinions: [
            .unitUnion: .init(text: "同意申报“四星级”。", date: september1, by: "乳山市A&B<机械>有限公司工会"),
            .districtFederation: .init(text: "经审核，情况属实。\n同意推荐 & 上报。", date: september15, by: "乳山市某区总工会"),
        ])

    /// The title and the table as text: rows of cells of paragraphs.
    struct Read {
        var title: String
        var rows: [[[String]]]
        var pageSize: (width: String?, height: String?)
        var spans: [String]
    }

    static func entries(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            entries[entry.path] = content
        }
        return entries
    }

    static func read(_ documentXML: Data) throws -> Read {
        let parser = XMLParser(data: documentXML)
        let collector = DocumentCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "word/document.xml does not parse: \(String(describing: parser.parserError))")
        return Read(title: collector.bodyParagraphs.first ?? "", rows: collector.rows,
                    pageSize: (collector.pageWidth, collector.pageHeight), spans: collector.spans)
    }

    @Test func theFileIsAWordPackageWithTheFormInIt() throws {
        // setup
        let form = Self.form
        // act
        let data = try RegistrationFormDocx.make(form, labels: .rushan2020)
        // check
        #expect(data.prefix(2) == Data("PK".utf8))
        let entries = try Self.entries(data)
        #expect(Set(entries.keys) == ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                      "word/styles.xml", "word/document.xml"])
        for (name, content) in entries {
            let parser = XMLParser(data: content)
            #expect(parser.parse(), "\(name) is not well-formed XML")
        }
        let contentTypes = String(decoding: entries["[Content_Types].xml"]!, as: UTF8.self)
        #expect(contentTypes.contains(#"PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml""#))
        #expect(String(decoding: entries["_rels/.rels"]!, as: UTF8.self).contains(#"Target="word/document.xml""#))
        let styles = String(decoding: entries["word/styles.xml"]!, as: UTF8.self)
        #expect(styles.contains(#"w:eastAsia="宋体""#))

        let read = try Self.read(entries["word/document.xml"]!)
        #expect(read.title == "“活力基层工会”申报登记表")
        #expect(read.pageSize.width == "11906" && read.pageSize.height == "16838")
        #expect(read.rows.count == 6)
        #expect(read.rows[0] == [["申报单位"], ["乳山市A&B<机械>有限公司工会"], ["申报星级"], ["四星级"]])
        #expect(read.rows[1] == [["工会主席"], ["王丽 \"Lily\" O'Neil"], ["联系电话"], ["0631-6663572"]])
        #expect(read.rows[2] == [["主 要 工 作（简明扼要1000字以内）"],
                                 ["一、组织建设规范达标 & 按期换届。", "二、<职工之家>建设常建常新，满意率>90%。", "",
                                  "三、厂务公开\t民主管理。"]])
        #expect(read.rows[3] == [["单位工会意见"], ["同意申报“四星级”。", "乳山市A&B<机械>有限公司工会（章）", "2026年9月1日"]])
        #expect(read.rows[4] == [["区（市）总工会意见"], ["经审核，情况属实。", "同意推荐 & 上报。", "乳山市某区总工会（章）", "2026年9月15日"]])
        #expect(read.rows[5] == [["市总工会审批意见"], ["", "（章）", "      年   月   日"]])
        // 主要工作 and each opinion span the three columns after the label.
        #expect(read.spans == ["3", "3", "3", "3"])
    }

    @Test func valuesAreEscapedInTheXMLItself() throws {
        // setup
        let data = try RegistrationFormDocx.make(Self.form, labels: .rushan2020)
        // act
        let xml = String(decoding: try Self.entries(data)["word/document.xml"]!, as: UTF8.self)
        // check
        #expect(xml.contains("乳山市A&amp;B&lt;机械&gt;有限公司工会"))
        #expect(xml.contains("王丽 &quot;Lily&quot; O&apos;Neil"))
        #expect(!xml.contains("<机械>") && !xml.contains("<职工之家>"))
    }

    @Test func charactersXMLCannotHoldAreDroppedAndTheFileStillParses() throws {
        // setup
        var form = Self.form
        form.unitName = "某\u{0}公司\u{1B}工会\u{FFFF}]]>"
        // act
        let data = try RegistrationFormDocx.make(form, labels: .rushan2020)
        // check
        let read = try Self.read(try Self.entries(data)["word/document.xml"]!)
        #expect(read.rows[0][1] == ["某公司工会]]>"])
    }

    @Test func yizhengsFormNamesItsOwnBoxes() throws {
        // setup
        var form = Self.form
        form.tier = "三星级"
        // act
        let data = try RegistrationFormDocx.make(form, labels: .forScheme(id: "yizheng-2019-union"))
        // check
        let read = try Self.read(try Self.entries(data)["word/document.xml"]!)
        #expect(read.title == "“新时代星级基层工会”申报登记表")
        #expect(read.rows.map { $0[0] } == [["申报单位"], ["工会主席"], ["主要工作（简明扼要1000字以内）"],
                                            ["单位工会意见"], ["镇（园区、系统）工会审核意见"], ["市总工会推荐意见"]])
    }

    @Test func anEnglishCopyUsesTheEnglishLabelsAndDates() throws {
        // act
        let data = try RegistrationFormDocx.make(Self.form, labels: .rushan2020, language: .en)
        // check
        let read = try Self.read(try Self.entries(data)["word/document.xml"]!)
        #expect(read.rows[0][0] == ["Applicant unit"])
        #expect(read.rows[3][1].suffix(2) == ["乳山市A&B<机械>有限公司工会(Seal)", "1 September 2026"])
    }

    @Test func theSameFormGivesTheSameBytes() throws {
        let first = try RegistrationFormDocx.make(Self.form, labels: .rushan2020)
        let second = try RegistrationFormDocx.make(Self.form, labels: .rushan2020)
        #expect(first == second)
    }

    /// A second reader, when python-docx is installed (`pip install python-docx`); skipped otherwise.
    @Test func pythonDocxReadsTheSameCells() throws {
        guard Self.pythonDocxAvailable else { return }
        // setup
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("registration-\(UUID()).docx")
        defer { try? FileManager.default.removeItem(at: file) }
        try RegistrationFormDocx.make(Self.form, labels: .rushan2020).write(to: file)
        let script = """
            import docx, json, sys
            d = docx.Document(sys.argv[1])
            s = d.sections[0]
            print(json.dumps({"title": d.paragraphs[0].text, "page": [s.page_width.twips, s.page_height.twips],
                "rows": [[c.text for c in r.cells] for r in d.tables[0].rows]}, ensure_ascii=False))
            """
        // act
        let output = try Self.run("/usr/bin/env", ["python3", "-c", script, file.path])
        // check
        struct Python: Decodable { var title: String; var page: [Int]; var rows: [[String]] }
        let python = try JSONDecoder().decode(Python.self, from: Data(output.utf8))
        #expect(python.title == "“活力基层工会”申报登记表")
        #expect(python.page == [11906, 16838])
        #expect(python.rows[0] == ["申报单位", "乳山市A&B<机械>有限公司工会", "申报星级", "四星级"])
        // python-docx repeats a merged cell once per grid column it covers.
        #expect(python.rows[2][1] == "一、组织建设规范达标 & 按期换届。\n二、<职工之家>建设常建常新，满意率>90%。\n\n三、厂务公开\t民主管理。")
        #expect(python.rows[4][1] == "经审核，情况属实。\n同意推荐 & 上报。\n乳山市某区总工会（章）\n2026年9月15日")
    }

    static let pythonDocxAvailable: Bool = (try? run("/usr/bin/env", ["python3", "-c", "import docx"])) != nil

    struct Failed: Error { var status: Int32 }

    /// Runs a program to completion; its standard output, or an error if it failed.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Collects WordprocessingML text as Word reads it: `w:t` text (entities resolved by the parser),
/// `w:tab` as a tab, grouped into paragraphs, cells and rows.
private final class DocumentCollector: NSObject, XMLParserDelegate {
    var bodyParagraphs: [String] = []
    var rows: [[[String]]] = []
    var spans: [String] = []
    var pageWidth: String?
    var pageHeight: String?
    private var row: [[String]]?
    private var cell: [String]?
    private var paragraph: String?
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "w:tr": row = []
        case "w:tc": cell = []
        case "w:p": paragraph = ""
        case "w:t": inText = true
        case "w:tab": if paragraph != nil { paragraph! += "\t" }
        case "w:gridSpan": spans.append(attributes["w:val"] ?? "")
        case "w:pgSz":
            pageWidth = attributes["w:w"]
            pageHeight = attributes["w:h"]
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { paragraph? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:p":
            if cell != nil { cell!.append(paragraph ?? "") } else { bodyParagraphs.append(paragraph ?? "") }
            paragraph = nil
        case "w:tc":
            row?.append(cell ?? [])
            cell = nil
        case "w:tr":
            rows.append(row ?? [])
            row = nil
        default: break
        }
    }
}

/// The print view, through the app's own Leaf renderer.
@Suite struct RegistrationFormViewTests {
    struct Context: Encodable { var registrationForm: RegistrationFormPage }

    static func render(_ app: Application, _ form: RegistrationForm, labels: RegistrationForm.Labels,
                       language: Language) async throws -> String {
        let view = try await app.view.render("registration-form",
                                             Context(registrationForm: RegistrationFormPage(form, labels: labels, language: language)))
        return String(buffer: view.data)
    }

    @Test func theFormPrintsEveryLabelAndValueEscaped() async throws {
        try await withTestApp { app in
            // act
            let html = try await Self.render(app, RegistrationFormDocxTests.form, labels: .rushan2020, language: .zh)
            // check
            #expect(html.contains(#"<article class="registration-form" lang="zh-CN">"#))
            for text in ["“活力基层工会”申报登记表", "申报单位", "申报星级", "工会主席", "联系电话",
                         "主 要 工 作（简明扼要1000字以内）", "单位工会意见", "区（市）总工会意见", "市总工会审批意见",
                         "四星级", "0631-6663572", "2026年9月1日", "2026年9月15日", "      年   月   日"] {
                #expect(html.contains(text), "missing: \(text)")
            }
            #expect(html.contains("<td data-field=\"unitName\">乳山市A&amp;B&lt;机械&gt;有限公司工会</td>"))
            #expect(html.contains("王丽 &quot;Lily&quot; O&#39;Neil"))
            #expect(html.contains("<p>一、组织建设规范达标 &amp; 按期换届。</p><p>二、&lt;职工之家&gt;建设常建常新，满意率&gt;90%。</p><p></p><p>三、厂务公开\t民主管理。</p>"))
            #expect(html.contains("<p class=\"rf-stamp\">乳山市A&amp;B&lt;机械&gt;有限公司工会（章）</p>"))
            #expect(html.contains("<p class=\"rf-stamp\">（章）</p>"))
            #expect(!html.contains("<机械>"))
        }
    }

    @Test func theEnglishCopyHasNoChineseLabels() async throws {
        try await withTestApp { app in
            // act
            let html = try await Self.render(app, RegistrationForm(), labels: .yizheng2019, language: .en)
            // check
            #expect(html.contains(#"lang="en""#))
            for text in ["“New-era star grassroots union” application registration form", "Applicant unit",
                         "Review of the town (park, system) union", "Recommendation of the city federation of trade unions", "(Seal)"] {
                #expect(html.contains(RubricPageTests.escaped(text)), "missing: \(text)")
            }
            #expect(!html.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        }
    }
}
