import Foundation
import UnionStarCore

/// The 申报登记表 as a Word file (.docx), laid out like the paper form of Rushan's attachment 3:
/// the title, then one bordered table — 申报单位 | … | 申报星级 | …; 工会主席 | … | 联系电话 | …;
/// 主要工作 over the full width; the three opinion boxes, each with its text, （章） and the date.
///
/// The package is the minimum Word, WPS and LibreOffice open: `[Content_Types].xml`, `_rels/.rels`,
/// `word/document.xml`, `word/styles.xml` (宋体, sizes) and `word/_rels/document.xml.rels`, zipped in
/// memory. Every value is XML-escaped and stripped of characters XML 1.0 cannot carry; line breaks
/// become paragraphs. The same form gives the same bytes (the entries carry a fixed date).
enum RegistrationFormDocx {
    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// The parts in the order they are written.
    static let entryNames = ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                             "word/styles.xml", "word/document.xml"]

    static func make(_ form: RegistrationForm, labels: RegistrationForm.Labels, language: Language = .zh) throws -> Data {
        try OfficePackage.zip([
            ("[Content_Types].xml", contentTypesXML),
            ("_rels/.rels", packageRelationshipsXML),
            ("word/_rels/document.xml.rels", documentRelationshipsXML),
            ("word/styles.xml", stylesXML),
            ("word/document.xml", documentXML(form, labels: labels, language: language)),
        ])
    }

    // MARK: Layout (twentieths of a point)

    /// A4 with 23 mm at the sides and 20 mm above and below.
    static let pageWidth = 11906, pageHeight = 16838, sideMargin = 1304, endMargin = 1134
    /// Label, value, label, value: together the width between the margins (9298).
    static let columns = [1701, 2948, 1701, 2948]
    static let fieldRowHeight = 680
    /// The 主要工作 box: 11 cm, as much room as the paper form gives it.
    static let mainWorkRowHeight = 6236
    /// Each opinion box: 3 cm.
    static let opinionRowHeight = 1701

    // MARK: document.xml

    /// The document's text comes from the print view's context, so the two read the same.
    static func documentXML(_ form: RegistrationForm, labels: RegistrationForm.Labels, language: Language) -> String {
        documentXML(RegistrationFormPage(form, labels: labels, language: language))
    }

    static func documentXML(_ page: RegistrationFormPage) -> String {
        var rows = ""
        for pair in [(page.unitName, page.tier), (page.chairName, page.phone)] {
            rows += row(height: fieldRowHeight, [
                labelCell(pair.0.label, width: columns[0]),
                valueCell(pair.0.value, width: columns[1]),
                labelCell(pair.1.label, width: columns[2]),
                valueCell(pair.1.value, width: columns[3]),
            ])
        }
        let spanWidth = columns[1...].reduce(0, +)
        rows += row(height: mainWorkRowHeight, [
            labelCell(page.mainWorkLabel, width: columns[0]),
            cell(width: spanWidth, span: 3, vAlign: "top", page.mainWork.map { paragraph($0, size: 21) }.joined()),
        ])
        for box in page.boxes {
            let content = (box.lines.isEmpty ? [""] : box.lines).map { paragraph($0) }.joined()
                + paragraph(box.stamp, align: "right", spaceBefore: 240)
                + paragraph(box.date, align: "right")
            rows += row(height: opinionRowHeight, [
                labelCell(box.label, width: columns[0]),
                cell(width: spanWidth, span: 3, vAlign: "top", content),
            ])
        }
        let borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .map { #"<w:\#($0) w:val="single" w:sz="8" w:space="0" w:color="000000"/>"# }.joined()
        let grid = columns.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined()
        return xmlDeclaration
            + #"<w:document xmlns:w="\#(wordNamespace)" xmlns:r="\#(relationshipNamespace)"><w:body>"#
            + paragraph(page.title, style: "Title")
            + #"<w:tbl><w:tblPr><w:tblW w:w="\#(columns.reduce(0, +))" w:type="dxa"/><w:jc w:val="center"/>"#
            + "<w:tblBorders>\(borders)</w:tblBorders>"
            + #"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>"#
            + #"<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>\#(grid)</w:tblGrid>"#
            + rows
            + "</w:tbl>"
            + paragraph("", size: 2)
            + #"<w:sectPr><w:pgSz w:w="\#(pageWidth)" w:h="\#(pageHeight)"/>"#
            + #"<w:pgMar w:top="\#(endMargin)" w:right="\#(sideMargin)" w:bottom="\#(endMargin)" w:left="\#(sideMargin)" w:header="567" w:footer="567" w:gutter="0"/>"#
            + "</w:sectPr></w:body></w:document>"
    }

    static func row(height: Int, _ cells: [String]) -> String {
        #"<w:tr><w:trPr><w:trHeight w:val="\#(height)" w:hRule="atLeast"/></w:trPr>"# + cells.joined() + "</w:tr>"
    }

    static func cell(width: Int, span: Int = 1, vAlign: String, _ paragraphs: String) -> String {
        var properties = #"<w:tcW w:w="\#(width)" w:type="dxa"/>"#
        if span > 1 { properties += #"<w:gridSpan w:val="\#(span)"/>"# }
        properties += #"<w:vAlign w:val="\#(vAlign)"/>"#
        // A cell must end in a paragraph, even an empty one.
        return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraphs.isEmpty ? paragraph("") : paragraphs)</w:tc>"
    }

    static func labelCell(_ label: String, width: Int) -> String {
        cell(width: width, vAlign: "center", paragraph(label, align: "center"))
    }

    static func valueCell(_ value: String, width: Int) -> String {
        cell(width: width, vAlign: "center", lines(of: value).map { paragraph($0, align: "center") }.joined())
    }

    /// One paragraph of text, escaped; tabs become Word tabs.
    static func paragraph(_ text: String, style: String? = nil, align: String? = nil, spaceBefore: Int? = nil,
                          size: Int? = nil) -> String {
        var properties = ""
        if let style { properties += #"<w:pStyle w:val="\#(style)"/>"# }
        if let spaceBefore { properties += #"<w:spacing w:before="\#(spaceBefore)"/>"# }
        if let align { properties += #"<w:jc w:val="\#(align)"/>"# }
        let runProperties = size.map { #"<w:rPr><w:sz w:val="\#($0)"/><w:szCs w:val="\#($0)"/></w:rPr>"# } ?? ""
        var xml = "<w:p>"
        if !properties.isEmpty || !runProperties.isEmpty { xml += "<w:pPr>\(properties)\(runProperties)</w:pPr>" }
        let clean = sanitized(text)
        if !clean.isEmpty {
            let pieces = clean.split(separator: "\t", omittingEmptySubsequences: false)
                .map { #"<w:t xml:space="preserve">\#(escaped(String($0)))</w:t>"# }
            xml += "<w:r>\(runProperties)\(pieces.joined(separator: "<w:tab/>"))</w:r>"
        }
        return xml + "</w:p>"
    }

    /// The lines of a value as typed; nothing for an empty value.
    static func lines(of text: String) -> [String] { RegistrationForm.lines(of: text) }

    static func sanitized(_ text: String) -> String { OfficePackage.sanitized(text) }
    static func escaped(_ text: String) -> String { OfficePackage.escaped(text) }

    // MARK: The other parts

    static let xmlDeclaration = OfficePackage.xmlDeclaration
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = OfficePackage.relationshipNamespace

    static let contentTypesXML = xmlDeclaration
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + "</Types>"

    static let packageRelationshipsXML = xmlDeclaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="word/document.xml"/>"#
        + "</Relationships>"

    static let documentRelationshipsXML = xmlDeclaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        + "</Relationships>"

    /// 宋体 for Chinese (Times New Roman for Latin), 小四 (12 pt) text, a 小二 (18 pt) bold title;
    /// 主要工作 itself is set in 五号 (10.5 pt) so a full 1,000 characters stay near one page.
    static let stylesXML = xmlDeclaration
        + #"<w:styles xmlns:w="\#(wordNamespace)">"#
        + "<w:docDefaults><w:rPrDefault><w:rPr>"
        + #"<w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>"#
        + #"<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#
        + "</w:rPr></w:rPrDefault>"
        + #"<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault>"#
        + "</w:docDefaults>"
        + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
        + #"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/>"#
        + #"<w:pPr><w:spacing w:before="120" w:after="360"/><w:jc w:val="center"/></w:pPr>"#
        + #"<w:rPr><w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>"#
        + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#
        + #"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>"#
        + #"<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>"#
        + "</w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>"
}
