import Vapor

/// Where the app keeps its data: an SQLite file by default, PostgreSQL when `DATABASE_URL` says so.
public enum DatabaseChoice: Sendable, Equatable {
    case sqliteFile(path: String)
    /// Tests: a private in-memory database.
    case sqliteMemory
    /// `searchPath` puts every table in one schema, so parallel tests share a server safely.
    case postgres(url: String, searchPath: String?)

    /// `DATABASE_URL=postgres://…` picks PostgreSQL (in the schema `DATABASE_SCHEMA` if set);
    /// otherwise `DATABASE_PATH` or `data/unionstar.sqlite`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment, root: URL) -> DatabaseChoice {
        if let url = env["DATABASE_URL"], url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            return .postgres(url: url, searchPath: env["DATABASE_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 })
        }
        if let path = env["DATABASE_PATH"], !path.isEmpty {
            return .sqliteFile(path: path)
        }
        return .sqliteFile(path: root.appendingPathComponent("data/unionstar.sqlite").path)
    }

    public var kind: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgres"
        }
    }
}
