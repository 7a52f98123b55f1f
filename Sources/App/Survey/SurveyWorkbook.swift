import Foundation
import UnionStarCore

/// A closed survey's result as an Excel workbook (.xlsx): the survey, its period, tokens issued,
/// answers and response rate, how the rate is counted, each topic's satisfaction rate, and a row
/// per scale question with the count of each level, the number who answered and the rate. It is
/// what the self-assessment gets as evidence when the result fills its facts (the evidence store
/// accepts it by content: a ZIP with `[Content_Types].xml` and the `xl/` parts), and what readers
/// download. Only counts: no free text (it stays on the survey's page), nothing about a person.
///
/// Written by hand as the 申报登记表's .docx is: the minimum parts, every text an inline string
/// (no shared-strings table to keep in step), numbers as numbers.
enum SurveyWorkbook {
    static func make(_ survey: LoadedSurvey, _ results: SurveyResults, unit: String, language: Language) throws -> Data {
        try OfficePackage.zip([
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(sheetName: Strings.Survey.Workbook.sheetName.text(in: language))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet(rows(survey, results, unit: unit, language: language))),
        ])
    }

    /// A cell: text, or a number written exactly.
    enum Cell: Equatable {
        case text(String)
        case number(String)
        case heading(String)
    }

    static func rows(_ survey: LoadedSurvey, _ results: SurveyResults, unit: String, language: Language) -> [[Cell]] {
        let t = Translator(language)
        typealias W = Strings.Survey.Workbook
        typealias P = Strings.Survey.Pages
        var rows: [[Cell]] = [
            [.heading(t(W.heading))],
            [.text(t(W.unit)), .text(unit)],
            [.text(t(P.title)), .text(survey.model.title)],
            [.text(t(P.periodLabel)), .text(SurveyText.period(survey.life, t))],
            [.text(t(P.issued)), .number(String(results.issued))],
            [.text(t(P.responses)), .number(String(results.responses))],
            [.text(t(W.responseRate)), results.responseRate.map { .number($0.description) } ?? .text("—")],
            [.text(t(W.rule)), .text(t(P.satisfiedRule(survey.definition.satisfied.map(\.label))) + t(W.rounding))],
        ]
        for topic in survey.definition.topics {
            rows.append([.text(t(W.topicRate(topic.label))), results.topicRates[topic].map { .number($0.description) } ?? .text("—")])
        }
        rows.append([])
        rows.append([.heading(t(P.number)), .heading(t(P.question)), .heading(t(W.topic))] + SatisfactionLevel.allCases.map { .heading(t($0.label)) }
                    + [.heading(t(P.answered)), .heading(t(W.rateColumn))])
        for q in results.questions {
            rows.append([.number(String(q.number)), .text(t(q.question.text)), .text(SurveyText.topicLabel(q.question, t))]
                        + SatisfactionLevel.allCases.map { .number(String(q.counts[$0] ?? 0)) }
                        + [.number(String(q.answered)), q.rate.map { .number($0.description) } ?? .text("—")])
        }
        rows.append([])
        rows.append([.text(t(W.anonymity))])
        return rows
    }

    // MARK: Parts

    static let contentTypes = OfficePackage.xmlDeclaration
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        + "</Types>"

    static let packageRelationships = OfficePackage.xmlDeclaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static let workbookRelationships = OfficePackage.xmlDeclaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetName: String) -> String {
        OfficePackage.xmlDeclaration
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="\#(OfficePackage.relationshipNamespace)">"#
            + #"<sheets><sheet name="\#(OfficePackage.escaped(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    }

    /// Two cell formats: plain (0) and bold for headings (1); SimSun (宋体) as the font.
    static let styles = OfficePackage.xmlDeclaration
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="SimSun"/></font><font><b/><sz val="11"/><name val="SimSun"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    static func sheet(_ rows: [[Cell]]) -> String {
        var xml = OfficePackage.xmlDeclaration
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<cols><col min="1" max="1" width="24" customWidth="1"/><col min="2" max="2" width="56" customWidth="1"/><col min="3" max="10" width="12" customWidth="1"/></cols>"#
            + "<sheetData>"
        for (r, row) in rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let reference = column(c) + String(r + 1)
                switch cell {
                case .number(let value):
                    xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .text(let value), .heading(let value):
                    let style = cell == .heading(value) ? " s=\"1\"" : ""
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(OfficePackage.escaped(OfficePackage.sanitized(value)))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A, B, …, Z, AA, …: the column's letters.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
