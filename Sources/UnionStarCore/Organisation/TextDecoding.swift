import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text files as people in China save them: UTF-8 with or without a BOM, or GB18030/GBK (what
/// Excel writes for “CSV (逗号分隔)” on a Chinese Windows).
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 (BOM)"
        case gb18030 = "GB18030"
    }

    /// Nil when the bytes are neither valid UTF-8 nor valid GB18030.
    public static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if data.starts(with: bom) {
            guard let text = String(validating: data.dropFirst(3), as: UTF8.self) else { return nil }
            return (text, .utf8WithBOM)
        }
        if let text = String(validating: data, as: UTF8.self) { return (text, .utf8) }
        return gb18030(data).map { ($0, .gb18030) }
    }

    /// GB18030 (a superset of GBK and GB2312) through the C library's iconv.
    static func gb18030(_ data: Data) -> String? {
        convert(Array(data), from: "GB18030", to: "UTF-8").flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Bytes of `text` in GB18030 (for tests and for exports to old Excel).
    public static func encodeGB18030(_ text: String) -> Data? {
        convert(Array(text.utf8), from: "UTF-8", to: "GB18030").map { Data($0) }
    }

    /// Converts all of `bytes` between two encodings, or nil if any byte sequence is invalid.
    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        let converter = iconv_open(target, source)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let converted: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                return iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
            }
        }
        guard converted != -1, inLeft == 0 else { return nil }
        return output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
    }
}
