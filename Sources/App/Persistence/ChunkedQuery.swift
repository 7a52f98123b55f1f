import FluentKit

/// Reads rows matching a list of keys one `IN (…)` list at a time, so no list grows past a driver's
/// limit on bound parameters (PostgreSQL 65,535; SQLite 32,766) however long it gets.
enum ChunkedQuery {
    static let chunkSize = 1_000

    /// Runs `query` once per chunk of `keys` (none when `keys` is empty) and joins the rows.
    static func all<Key: Sendable, M: Model>(
        _ keys: some Collection<Key>, chunkSize: Int = chunkSize, _ query: ([Key]) -> QueryBuilder<M>
    ) async throws -> [M] {
        let keys = Array(keys)
        var rows: [M] = []
        for start in stride(from: 0, to: keys.count, by: chunkSize) {
            rows += try await query(Array(keys[start..<min(start + chunkSize, keys.count)])).all()
        }
        return rows
    }
}
