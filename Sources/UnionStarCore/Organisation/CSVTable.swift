import CSV
import Foundation

/// A spreadsheet-safe CSV file: UTF-8 with a BOM (Excel on Chinese Windows opens it correctly),
/// every cell guarded against being read as a formula.
public enum CSVTable {
    public static func write(header: [String], rows: [[String]]) -> Data {
        let stream = OutputStream(toMemory: ())
        guard let writer = try? CSVWriter(stream: stream) else { return Data() }
        try? writer.write(row: header)
        for row in rows {
            try? writer.write(row: row.map(OrganisationCSV.guarded))
        }
        writer.stream.close()
        let body = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body
    }
}
