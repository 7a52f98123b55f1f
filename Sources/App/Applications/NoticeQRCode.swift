import CQRencode
import Foundation

/// A QR code made by Debian's libqrencode, drawn as SVG: the modules as one path (each row's
/// runs of dark modules as rectangles), with the 4-module quiet zone the standard asks for.
struct NoticeQRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, +4 per version).
    let width: Int
    let version: Int
    /// Row by row, true for a dark module.
    let modules: [Bool]

    /// Encodes `text` (8-bit, case kept) at error-correction level M, the smallest version it fits.
    /// Nil only when libqrencode refuses (text too long for any version, out of memory).
    init?(_ text: String) {
        guard let code = text.withCString({ QRcode_encodeString($0, 0, QR_ECLEVEL_M, QR_MODE_8, 1) }) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        self.width = width
        version = Int(code.pointee.version)
        // Bit 0 of each byte is the module's colour; the others say what the module is for.
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    func isDark(x: Int, y: Int) -> Bool { modules[y * width + x] }

    static let quietZone = 4

    /// The code as an SVG element; `size` is its CSS size, `label` its accessible name.
    func svg(size: String = "12rem", label: String) -> String {
        let side = width + 2 * Self.quietZone
        var path = ""
        for y in 0..<width {
            var x = 0
            while x < width {
                guard isDark(x: x, y: y) else { x += 1; continue }
                var run = 1
                while x + run < width, isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" viewBox=\"0 0 \(side) \(side)\" width=\"\(size)\" height=\"\(size)\" role=\"img\" aria-label=\"\(Self.escape(label))\" shape-rendering=\"crispEdges\">"
        return open + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
