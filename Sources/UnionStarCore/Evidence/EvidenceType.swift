/// The kinds of evidence file (台账) a union may upload, judged by content, never by file name.
///
/// Legacy Office files are told apart by the streams at the root of their OLE2 container
/// (`WordDocument`, `Workbook`/`Book`, `PowerPoint Document`); an OLE2 file with none of them (an
/// installer, an Outlook message, a password-protected OOXML file) is refused.
public enum EvidenceType: String, Sendable, Codable, CaseIterable {
    case pdf, png, jpeg, gif, webp
    case docx, xlsx, pptx
    case doc, xls, ppt

    /// The type the bytes are, or nil when they are none of the accepted kinds. Reads the
    /// content only: a renamed page, program or text file is nil whatever its name says.
    public static func sniff(_ bytes: some Collection<UInt8>) -> EvidenceType? {
        if let result = bytes.withContiguousStorageIfAvailable({ sniff(ByteReader($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { sniff(ByteReader($0)) }
    }

    /// The media type to serve it with.
    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .doc: "application/msword"
        case .xls: "application/vnd.ms-excel"
        case .ppt: "application/vnd.ms-powerpoint"
        }
    }

    /// The extension a download gets, from the content (the user's name may say otherwise).
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        default: rawValue
        }
    }

    /// Whether a browser may show it in the page (images and PDF); Office files are downloaded.
    public var isViewableInline: Bool {
        switch self {
        case .pdf, .png, .jpeg, .gif, .webp: true
        case .docx, .xlsx, .pptx, .doc, .xls, .ppt: false
        }
    }

    private static func sniff(_ r: ByteReader) -> EvidenceType? {
        // %PDF-1.x / %PDF-2.x at the very start (not "somewhere in the first KB", as readers allow)
        if r.matches(Array("%PDF-".utf8), at: 0), let digit = r.u8(5), (0x30...0x39).contains(digit) { return .pdf }
        if r.matches([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0), r.matches(Array("IHDR".utf8), at: 12) { return .png }
        if r.matches([0xFF, 0xD8, 0xFF], at: 0) { return .jpeg }
        if r.matches(Array("GIF87a".utf8), at: 0) || r.matches(Array("GIF89a".utf8), at: 0) { return .gif }
        if r.matches(Array("RIFF".utf8), at: 0), r.matches(Array("WEBP".utf8), at: 8),
           ["VP8 ", "VP8L", "VP8X"].contains(where: { r.matches(Array($0.utf8), at: 12) }) { return .webp }
        if r.matches([0x50, 0x4B, 0x03, 0x04], at: 0) { return officeOpenXML(r) }
        if r.matches([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], at: 0) { return legacyOffice(r) }
        return nil
    }

    /// A ZIP is Office Open XML when its central directory lists `[Content_Types].xml` and the
    /// parts of exactly one of Word, Excel or PowerPoint (their main part decides a tie).
    private static func officeOpenXML(_ r: ByteReader) -> EvidenceType? {
        let families: [(type: EvidenceType, folder: String, main: String)] = [
            (.docx, "word/", "word/document.xml"),
            (.xlsx, "xl/", "xl/workbook.xml"),
            (.pptx, "ppt/", "ppt/presentation.xml"),
        ]
        var hasContentTypes = false
        var folders = Set<EvidenceType>(), mains = Set<EvidenceType>()
        let listed = ZipDirectory.forEachEntryName(r) { name in
            if name.elementsEqual("[Content_Types].xml".utf8) { hasContentTypes = true }
            for family in families {
                if name.starts(with: family.folder.utf8) { folders.insert(family.type) }
                if name.elementsEqual(family.main.utf8) { mains.insert(family.type) }
            }
        }
        guard listed, hasContentTypes else { return nil }
        if folders.count == 1 { return folders.first }
        return mains.count == 1 ? mains.first : nil
    }

    private static func legacyOffice(_ r: ByteReader) -> EvidenceType? {
        guard let names = CompoundFile.rootEntryNames(r) else { return nil }
        if names.contains("WordDocument") { return .doc }
        if names.contains("Workbook") || names.contains("Book") { return .xls }
        if names.contains("PowerPoint Document") { return .ppt }
        return nil
    }
}

/// Bounds-checked little-endian reads over bytes held for the length of one call.
struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var count: Int { bytes.count }

    func u8(_ at: Int) -> UInt8? {
        at >= 0 && at < bytes.count ? bytes[at] : nil
    }

    /// The unsigned little-endian number of `width` bytes at `at`, or nil past the end.
    func uint(_ at: Int, width: Int) -> Int? {
        guard at >= 0, at <= bytes.count - width else { return nil }
        var value: UInt64 = 0
        for i in (0..<width).reversed() { value = value << 8 | UInt64(bytes[at + i]) }
        return Int(exactly: value)
    }

    func u16(_ at: Int) -> Int? { uint(at, width: 2) }
    func u32(_ at: Int) -> Int? { uint(at, width: 4) }
    func u64(_ at: Int) -> Int? { uint(at, width: 8) }

    func matches(_ magic: [UInt8], at: Int) -> Bool {
        guard at >= 0, at <= bytes.count - magic.count else { return false }
        return bytes[at..<(at + magic.count)].elementsEqual(magic)
    }

    func slice(_ at: Int, length: Int) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard at >= 0, length >= 0, at <= bytes.count - length else { return nil }
        return bytes[at..<(at + length)]
    }
}
