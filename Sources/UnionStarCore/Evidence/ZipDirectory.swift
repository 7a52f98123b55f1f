/// The names in a ZIP file's central directory (ZIP64 included), read without unpacking anything:
/// enough to tell an Office Open XML file from any other ZIP.
enum ZipDirectory {
    /// Calls `body` with each entry name's raw bytes; false when the file has no well-formed
    /// central directory (no end record, or entries pointing past the end of the bytes).
    static func forEachEntryName(_ r: ByteReader, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Void) -> Bool {
        guard let (offset, count) = centralDirectory(r) else { return false }
        var at = offset
        for _ in 0..<count {
            guard r.matches([0x50, 0x4B, 0x01, 0x02], at: at),
                  let nameLength = r.u16(at + 28), let extraLength = r.u16(at + 30), let commentLength = r.u16(at + 32),
                  let name = r.slice(at + 46, length: nameLength)
            else { return false }
            body(name)
            at += 46 + nameLength + extraLength + commentLength
        }
        return true
    }

    /// Where the central directory starts and how many entries it holds, from the end record
    /// (searched in the last 64 KiB, as its comment may be that long) or its ZIP64 form.
    private static func centralDirectory(_ r: ByteReader) -> (offset: Int, count: Int)? {
        let endSignature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        let lowest = max(0, r.count - 22 - 0xFFFF)
        guard r.count >= 22,
              let end = stride(from: r.count - 22, through: lowest, by: -1).first(where: { r.matches(endSignature, at: $0) }),
              let count = r.u16(end + 10), let offset = r.u32(end + 16)
        else { return nil }
        guard count == 0xFFFF || offset == 0xFFFF_FFFF else { return (offset, count) }
        // ZIP64: a locator just before the end record points to the ZIP64 end record.
        guard r.matches([0x50, 0x4B, 0x06, 0x07], at: end - 20), let end64 = r.u64(end - 12),
              r.matches([0x50, 0x4B, 0x06, 0x06], at: end64),
              let count64 = r.u64(end64 + 32), let offset64 = r.u64(end64 + 48)
        else { return nil }
        return (offset64, count64)
    }
}
