import Foundation
import Testing
@testable import UnionStarCore

/// Evidence files are judged by their bytes: small but real files of each kind are accepted as
/// that kind, and anything else (whatever its name) is refused.
@Suite struct EvidenceTypeTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var expected: EvidenceType?
        var testDescription: String { name }
    }

    static let accepted: [Sample] = [
        Sample(name: "PDF 1.7", bytes: SampleFiles.pdf, expected: .pdf),
        Sample(name: "PNG 1×1", bytes: SampleFiles.png, expected: .png),
        Sample(name: "JPEG (JFIF)", bytes: SampleFiles.jpeg, expected: .jpeg),
        Sample(name: "GIF89a", bytes: SampleFiles.gif, expected: .gif),
        Sample(name: "WebP (lossless)", bytes: SampleFiles.webp, expected: .webp),
        Sample(name: "docx", bytes: SampleFiles.officeOpenXML(main: "word/document.xml"), expected: .docx),
        Sample(name: "xlsx", bytes: SampleFiles.officeOpenXML(main: "xl/workbook.xml", more: ["xl/worksheets/sheet1.xml"]), expected: .xlsx),
        Sample(name: "pptx", bytes: SampleFiles.officeOpenXML(main: "ppt/presentation.xml", more: ["ppt/slides/slide1.xml"]), expected: .pptx),
        Sample(name: "docx with a comment after its directory",
               bytes: SampleFiles.officeOpenXML(main: "word/document.xml", comment: "WPS Office"), expected: .docx),
        Sample(name: "docx with ZIP64 end records", bytes: SampleFiles.officeOpenXML(main: "word/document.xml", zip64: true), expected: .docx),
        Sample(name: "docx with embedded parts of others", bytes: SampleFiles.officeOpenXML(
            main: "word/document.xml", more: ["word/embeddings/Microsoft_Excel_Sheet1.xlsx", "word/charts/chart1.xml"]), expected: .docx),
        Sample(name: "doc", bytes: SampleFiles.compoundFile(["\u{1}CompObj", "WordDocument", "1Table"]), expected: .doc),
        Sample(name: "xls", bytes: SampleFiles.compoundFile(["Workbook", "\u{5}SummaryInformation"]), expected: .xls),
        Sample(name: "ppt (directory over two sectors)",
               bytes: SampleFiles.compoundFile(["Current User", "\u{5}SummaryInformation", "\u{5}DocumentSummaryInformation",
                                                "Pictures", "PowerPoint Document"]), expected: .ppt),
    ]

    static let refused: [Sample] = [
        Sample(name: "empty", bytes: [], expected: nil),
        Sample(name: "HTML (named report.pdf)", bytes: Array("<!DOCTYPE html><html><body>%PDF-1.7<script>alert(1)</script></body></html>".utf8), expected: nil),
        Sample(name: "plain text", bytes: Array("2024年第一次会员代表大会记录\n出席：45人\n".utf8), expected: nil),
        Sample(name: "EXE (MZ … PE)", bytes: [0x4D, 0x5A, 0x90, 0x00, 0x03] + [UInt8](repeating: 0, count: 59) + Array("PE\0\0".utf8), expected: nil),
        Sample(name: "plain ZIP", bytes: SampleFiles.zip([("notes.txt", "hello"), ("photo/readme.txt", "hi")]), expected: nil),
        Sample(name: "ZIP naming the Office parts only inside a file's content",
               bytes: SampleFiles.zip([("notes.txt", "[Content_Types].xml word/document.xml")]), expected: nil),
        Sample(name: "ZIP with the parts of both Word and Excel but no main part",
               bytes: SampleFiles.zip([("[Content_Types].xml", "<Types/>"), ("word/a.xml", "<a/>"), ("xl/b.xml", "<b/>")]), expected: nil),
        Sample(name: "ZIP with word/ but no [Content_Types].xml",
               bytes: SampleFiles.zip([("word/document.xml", "<w:document/>")]), expected: nil),
        Sample(name: "docx cut short (no central directory)",
               bytes: Array(SampleFiles.officeOpenXML(main: "word/document.xml").prefix(300)), expected: nil),
        Sample(name: "OLE2 installer (no Office stream)",
               bytes: SampleFiles.compoundFile(["\u{5}SummaryInformation", "\u{4840}\u{3F3F}\u{4577}"]), expected: nil),
        Sample(name: "password-protected docx (OLE2 EncryptedPackage)",
               bytes: SampleFiles.compoundFile(["EncryptionInfo", "EncryptedPackage"]), expected: nil),
        Sample(name: "OLE2 signature only", bytes: Array(SampleFiles.compoundFile(["WordDocument"]).prefix(8)), expected: nil),
        Sample(name: "PNG signature without IHDR", bytes: Array(SampleFiles.png.prefix(8)) + [0, 0, 0, 0], expected: nil),
        Sample(name: "RIFF WAVE audio", bytes: Array("RIFF\u{24}\0\0\0WAVEfmt ".utf8), expected: nil),
        Sample(name: "SVG image (may carry script)", bytes: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), expected: nil),
    ]

    @Test(arguments: accepted + refused)
    func sniffsByContent(sample: Sample) {
        // act
        let sniffed = EvidenceType.sniff(sample.bytes)
        // check
        #expect(sniffed == sample.expected)
    }

    @Test func sniffReadsDataAndCollectionsThatAreNotContiguous() {
        // setup
        let docx = SampleFiles.officeOpenXML(main: "word/document.xml")
        // act, check
        #expect(EvidenceType.sniff(Data(docx)) == .docx)
        #expect(EvidenceType.sniff(Data(docx).dropFirst(0)) == .docx)
        #expect(EvidenceType.sniff(docx.lazy.map { $0 }) == .docx)
        #expect(EvidenceType.sniff(SampleFiles.pdf.lazy.map { $0 }) == .pdf)
    }

    @Test func servingFacts() {
        // check: images and PDF open in the page, Office files are downloaded
        #expect(EvidenceType.allCases.filter(\.isViewableInline) == [.pdf, .png, .jpeg, .gif, .webp])
        #expect(EvidenceType.jpeg.fileExtension == "jpg")
        #expect(EvidenceType.docx.fileExtension == "docx")
        #expect(EvidenceType.pdf.mimeType == "application/pdf")
        #expect(EvidenceType.xls.mimeType == "application/vnd.ms-excel")
        #expect(EvidenceType.pptx.mimeType == "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        #expect(Set(EvidenceType.allCases.map(\.mimeType)).count == EvidenceType.allCases.count)
    }
}

@Suite struct EvidencePolicyTests {
    let limit = 20 * 1_048_576

    @Test func exactlyAtTheLimitPassesAndOneByteOverFails() {
        // act
        let atLimit = EvidencePolicy.check(size: limit, sniffed: .pdf, claimedName: "年度工作报告.pdf")
        let over = EvidencePolicy.check(size: limit + 1, sniffed: .pdf, claimedName: "年度工作报告.pdf")
        // check
        #expect(atLimit == .success(.pdf))
        #expect(over == .failure(.tooLarge(limit: limit)))
        #expect(EvidencePolicy.standard.limitBytes == limit)
    }

    @Test func anotherLimitIsAValue() {
        // setup
        let policy = EvidencePolicy(limitMB: 5)
        // act, check
        #expect(policy.check(size: 5 * 1_048_576, sniffed: .png, claimedName: nil) == .success(.png))
        #expect(policy.check(size: 5 * 1_048_576 + 1, sniffed: .png, claimedName: nil) == .failure(.tooLarge(limit: 5 * 1_048_576)))
        #expect(EvidenceRejection.tooLarge(limit: policy.limitBytes).message.zh == "文件超过 5 MB 的上限。")
    }

    @Test func emptyComesBeforeType() {
        // act, check
        #expect(EvidencePolicy.check(size: 0, sniffed: nil, claimedName: "空.pdf") == .failure(.empty))
    }

    @Test func theContentDecidesNotTheName() {
        // setup: a web page named .pdf, and a PDF named .docx
        let page = Array("<!DOCTYPE html><html><body>台账</body></html>".utf8)
        // act
        let html = EvidencePolicy.check(size: page.count, sniffed: EvidenceType.sniff(page), claimedName: "台账.pdf")
        let pdf = EvidencePolicy.check(size: SampleFiles.pdf.count, sniffed: EvidenceType.sniff(SampleFiles.pdf), claimedName: "台账.docx")
        // check
        #expect(html == .failure(.unsupportedType))
        #expect(pdf == .success(.pdf))
    }

    @Test func everyRefusalSaysWhyInBothLanguages() {
        // check
        #expect(EvidenceRejection.tooLarge(limit: limit).message
            == LocalizedText(zh: "文件超过 20 MB 的上限。", en: "The file is larger than the 20 MB limit."))
        #expect(EvidenceRejection.unsupportedType.message.zh == "文件内容不是 PDF、图片或 Office 文档（按内容判断，不看文件名）。")
        for rejection in [EvidenceRejection.empty, .tooLarge(limit: limit), .unsupportedType] {
            #expect(rejection.message.zh.hasPrefix("文件"))
            #expect(rejection.message.en.hasPrefix("The file"))
        }
    }
}

/// Small, well-formed files of each kind, built byte by byte.
enum SampleFiles {
    static let pdf = Array("""
        %PDF-1.7
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
        trailer << /Root 1 0 R >>
        %%EOF

        """.utf8)

    /// A 1×1 grey PNG: signature, IHDR, IDAT, IEND with their CRCs.
    static let png: [UInt8] = {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ data: [UInt8]) {
            bytes.appendBigEndian(UInt32(data.count))
            let body = Array(type.utf8) + data
            bytes += body
            bytes.appendBigEndian(crc32(body))
        }
        chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])
        chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
        chunk("IEND", [])
        return bytes
    }()

    /// A 1×1 grey baseline JPEG: SOI, APP0 (JFIF), then quantisation and Huffman tables, frame,
    /// scan and EOI.
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF\0".utf8)
        + [0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00] + [
            0xFF, 0xDB, 0x00, 0x43, 0x00, 0x10, 0x0B, 0x0C, 0x0E, 0x0C, 0x0A, 0x10, 0x0E, 0x0D, 0x0E, 0x12,
            0x11, 0x10, 0x13, 0x18, 0x28, 0x1A, 0x18, 0x16, 0x16, 0x18, 0x31, 0x23, 0x25, 0x1D, 0x28, 0x3A,
            0x33, 0x3D, 0x3C, 0x39, 0x33, 0x38, 0x37, 0x40, 0x48, 0x5C, 0x4E, 0x40, 0x44, 0x57, 0x45, 0x37,
            0x38, 0x50, 0x6D, 0x51, 0x57, 0x5F, 0x62, 0x67, 0x68, 0x67, 0x3E, 0x4D, 0x71, 0x79, 0x70, 0x64,
            0x78, 0x5C, 0x65, 0x67, 0x63, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01,
            0x11, 0x00, 0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xDA,
            0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F, 0xFF, 0xD9
        ]

    /// A 1×1 GIF: header, screen, a two-colour table, one image, trailer.
    static let gif: [UInt8] = Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]
        + [0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF]
        + [0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]

    static let webp: [UInt8] = {
        let image: [UInt8] = [0x2F, 0x00, 0x00, 0x00, 0x00, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00]
        var bytes = Array("RIFF".utf8)
        bytes.appendLittleEndian(UInt32(4 + 8 + image.count))
        bytes += Array("WEBPVP8L".utf8)
        bytes.appendLittleEndian(UInt32(image.count))
        return bytes + image
    }()

    /// An Office Open XML package: content types, package relationships, the main part and `more`.
    static func officeOpenXML(main: String, more: [String] = [], comment: String = "", zip64: Bool = false) -> [UInt8] {
        let types = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """
        let relationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="\(main)"/></Relationships>
            """
        let parts = [main] + more
        return zip([("[Content_Types].xml", types), ("_rels/.rels", relationships)] + parts.map { ($0, "<x>台账</x>") }, comment: comment, zip64: zip64)
    }

    /// A ZIP of stored (uncompressed) entries: local headers, central directory, end record.
    static func zip(_ entries: [(name: String, content: String)], comment: String = "", zip64: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = [], directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8), data = Array(entry.content.utf8), crc = crc32(data)
            let offset = UInt32(bytes.count)
            // version 2.0, UTF-8 names, stored, 1980-01-01 00:00
            let common: [UInt16] = [20, 0x0800, 0, 0, 0x21]
            bytes += [0x50, 0x4B, 0x03, 0x04]
            for field in common { bytes.appendLittleEndian(field) }
            for field in [crc, UInt32(data.count), UInt32(data.count)] { bytes.appendLittleEndian(field) }
            for field in [UInt16(name.count), 0] { bytes.appendLittleEndian(field) }
            bytes += name + data
            directory += [0x50, 0x4B, 0x01, 0x02]
            directory.appendLittleEndian(UInt16(0x0314))
            for field in common { directory.appendLittleEndian(field) }
            for field in [crc, UInt32(data.count), UInt32(data.count)] { directory.appendLittleEndian(field) }
            for field in [UInt16(name.count), 0, 0, 0, 0] { directory.appendLittleEndian(field) }
            for field in [0o100644 << 16, offset] { directory.appendLittleEndian(UInt32(field)) }
            directory += name
        }
        let directoryOffset = UInt32(bytes.count)
        bytes += directory
        var count = UInt16(entries.count), size = UInt32(directory.count), offset = directoryOffset
        if zip64 {
            // ZIP64 end record and its locator; the classic end record then says "see ZIP64"
            let record = UInt64(bytes.count)
            bytes += [0x50, 0x4B, 0x06, 0x06]
            bytes.appendLittleEndian(UInt64(44))
            for field in [45, 45] as [UInt16] { bytes.appendLittleEndian(field) }
            for field in [0, 0] as [UInt32] { bytes.appendLittleEndian(field) }
            for field in [entries.count, entries.count, directory.count, Int(directoryOffset)] { bytes.appendLittleEndian(UInt64(field)) }
            bytes += [0x50, 0x4B, 0x06, 0x07]
            bytes.appendLittleEndian(UInt32(0))
            bytes.appendLittleEndian(record)
            bytes.appendLittleEndian(UInt32(1))
            (count, size, offset) = (0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF)
        }
        bytes += [0x50, 0x4B, 0x05, 0x06]
        for field in [0, 0, count, count] { bytes.appendLittleEndian(field) }
        for field in [size, offset] { bytes.appendLittleEndian(field) }
        bytes.appendLittleEndian(UInt16(comment.utf8.count))
        return bytes + Array(comment.utf8)
    }

    /// An OLE2 compound file (version 3, 512-byte sectors) whose root holds empty streams of these
    /// names: header, one allocation-table sector, then the directory's sectors in a chain.
    static func compoundFile(_ streams: [String]) -> [UInt8] {
        let free: UInt32 = 0xFFFF_FFFF, endOfChain: UInt32 = 0xFFFF_FFFE
        let directorySectors = (streams.count + 1 + 3) / 4
        var header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 16)
        for field in [0x3E, 3, 0xFFFE, 9, 6, 0, 0, 0, 0, 0] as [UInt16] { header.appendLittleEndian(field) }
        // allocation-table sectors, first directory sector, transactions, mini cut-off, mini FAT, DIFAT
        for field in [1, 1, 0, 4096, endOfChain, 0, endOfChain, 0, 0] as [UInt32] { header.appendLittleEndian(field) }
        for _ in 1..<109 { header.appendLittleEndian(free) }
        var table: [UInt8] = []
        table.appendLittleEndian(UInt32(0xFFFF_FFFD))
        for sector in 1...directorySectors { table.appendLittleEndian(sector == directorySectors ? endOfChain : UInt32(sector + 1)) }
        while table.count < 512 { table.appendLittleEndian(free) }
        // The root's children as a chain of right siblings (a valid, if unbalanced, tree).
        var directory = entry("Root Entry", type: 5, right: free, child: streams.isEmpty ? free : 1)
        for (index, name) in streams.enumerated() {
            directory += entry(name, type: 2, right: index + 1 < streams.count ? UInt32(index + 2) : free, child: free)
        }
        while directory.count < directorySectors * 512 { directory += entry("", type: 0, right: free, child: free) }
        return header + table + directory
    }

    private static func entry(_ name: String, type: UInt8, right: UInt32, child: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        let units = Array(name.utf16)
        for unit in units { bytes.appendLittleEndian(unit) }
        bytes += [UInt8](repeating: 0, count: 64 - bytes.count)
        bytes.appendLittleEndian(UInt16(name.isEmpty ? 0 : (units.count + 1) * 2))
        bytes += [type, 1]
        for field in [0xFFFF_FFFF, right, child] { bytes.appendLittleEndian(field) }
        // class id, state bits, created, modified; no contents: no first sector, size 0
        bytes += [UInt8](repeating: 0, count: 0x74 - bytes.count)
        bytes.appendLittleEndian(UInt32(0xFFFF_FFFE))
        return bytes + [UInt8](repeating: 0, count: 128 - bytes.count)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}

extension [UInt8] {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { self += $0 }
    }

    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { self += $0 }
    }
}
