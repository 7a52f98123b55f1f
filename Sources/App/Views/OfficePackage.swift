import Foundation
import ZIPFoundation

/// What the Office Open XML files we write (the 申报登记表 as .docx, a survey's results as .xlsx)
/// share: their parts zipped in memory with ZIPFoundation, each entry dated 2020-01-01 so the same
/// content gives the same bytes, and text made safe for XML.
enum OfficePackage {
    static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// 2020-01-01, so the bytes depend on the content alone.
    static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)

    /// The parts, (path, XML text), deflated into one ZIP in the order given.
    static func zip(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: fixedDate, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw PackageError.noData }
        return data
    }

    enum PackageError: Error { case noData }

    /// The text without what XML 1.0 cannot hold (control characters other than tab, U+FFFE, U+FFFF);
    /// any line break left over (a one-line value) becomes a space.
    static func sanitized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: scalars.append(scalar)
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: scalars.append(" ")
            case 0x00..<0x20, 0x7F, 0xFFFE, 0xFFFF: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `&`, `<`, `>` and both quotes as entities, so a value can never end the element or attribute.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The name a download is saved under, for `Content-Disposition`: a plain ASCII `filename`
    /// (`fallback`) for old clients, and the real name as UTF-8 in `filename*` (RFC 6266 / 5987).
    /// Characters a file system refuses (`/ \ : * ? " < > |`) and control characters become `_`,
    /// so the name saves anywhere and never carries a path.
    static func contentDisposition(fileName: String, fallback: String) -> String {
        let safe = String(String.UnicodeScalarView(fileName.unicodeScalars.map { scalar in
            forbiddenInFileNames.contains(scalar) || scalar.properties.generalCategory == .control ? "_" : scalar
        }))
        let encoded = safe.addingPercentEncoding(withAllowedCharacters: attributeCharacters) ?? fallback
        return #"attachment; filename="\#(fallback)"; filename*=UTF-8''\#(encoded)"#
    }

    static let forbiddenInFileNames = Set("/\\:*?\"<>|".unicodeScalars)
    /// RFC 5987 attr-char: what `filename*` may carry unencoded.
    static let attributeCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")
}
