/// The names of the streams and storages at the root of an OLE2 compound file ([MS-CFB]), the
/// container of legacy .doc, .xls and .ppt files — and of installers and mail messages, which is
/// why the names, not the container, decide.
enum CompoundFile {
    private static let endOfChain = 0xFFFF_FFFE
    private static let noStream = 0xFFFF_FFFF
    private static let entrySize = 128

    /// Nil when the header, sector chains or directory are not well formed.
    static func rootEntryNames(_ r: ByteReader) -> [String]? {
        guard r.u16(0x1C) == 0xFFFE, let shift = r.u16(0x1E), shift == 9 || shift == 12,
              let firstDirectorySector = r.u32(0x30)
        else { return nil }
        let file = Sectors(r: r, size: 1 << shift)
        guard let entries = file.directoryEntryOffsets(from: firstDirectorySector),
              let root = entries.first, r.u8(root + 0x42) == 5, let firstChild = r.u32(root + 0x4C)
        else { return nil }
        // The root's children form a tree through their left and right siblings.
        var names: [String] = []
        var pending = [firstChild], seen = Set<Int>()
        while let id = pending.popLast() {
            guard id != noStream else { continue }
            guard id < entries.count, seen.insert(id).inserted else { return nil }
            let entry = entries[id]
            guard let length = r.u16(entry + 0x40), length >= 2, length <= 64, length % 2 == 0,
                  let left = r.u32(entry + 0x44), let right = r.u32(entry + 0x48)
            else { return nil }
            let units = (0..<(length - 2) / 2).compactMap { r.u16(entry + 2 * $0) }.map { UInt16($0) }
            names.append(String(decoding: units, as: UTF16.self))
            pending += [left, right]
        }
        return names
    }

    private struct Sectors {
        let r: ByteReader
        let size: Int

        func offset(_ sector: Int) -> Int? {
            sector < 0xFFFF_FFFA ? (sector + 1) * size : nil
        }

        /// The offsets of every 128-byte directory entry, following the directory's sector chain.
        func directoryEntryOffsets(from first: Int) -> [Int]? {
            var offsets: [Int] = []
            var sector = first, seen = Set<Int>()
            while sector != CompoundFile.endOfChain {
                guard seen.insert(sector).inserted, let start = offset(sector), start < r.count else { return nil }
                for entry in stride(from: start, to: min(start + size, r.count - CompoundFile.entrySize + 1), by: CompoundFile.entrySize) {
                    offsets.append(entry)
                }
                guard let next = fatEntry(sector) else { return nil }
                sector = next
            }
            return offsets
        }

        /// The next sector after `sector` in the file allocation table.
        private func fatEntry(_ sector: Int) -> Int? {
            let perSector = size / 4
            guard let fatSector = fatSectorID(sector / perSector), let start = offset(fatSector) else { return nil }
            return r.u32(start + (sector % perSector) * 4)
        }

        /// The `index`-th sector of the allocation table: 109 listed in the header, the rest in a
        /// chain of DIFAT sectors (each ending with the next one's id).
        private func fatSectorID(_ index: Int) -> Int? {
            if index < 109 { return r.u32(0x4C + index * 4) }
            let perSector = size / 4 - 1
            var remaining = index - 109
            guard var sector = r.u32(0x44) else { return nil }
            var hops = 0
            while remaining >= perSector {
                guard let start = offset(sector), let next = r.u32(start + perSector * 4), hops < r.count / size else { return nil }
                sector = next
                remaining -= perSector
                hops += 1
            }
            guard let start = offset(sector) else { return nil }
            return r.u32(start + remaining * 4)
        }
    }
}
