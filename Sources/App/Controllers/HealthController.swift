import Fluent
import SQLKit
import Vapor

/// `/healthz`: the process answers and its database does too.
struct HealthController: RouteCollection {
    let databaseKind: String

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .healthz, use: health)
    }

    struct Health: Content {
        var status: String
        var database: String
        var schemes: Int
    }

    func health(req: Request) async throws -> Response {
        var ok = true
        if let sql = req.db as? any SQLDatabase {
            do { try await sql.raw("SELECT 1").run() } catch { ok = false }
        }
        let response = Response(status: ok ? .ok : .serviceUnavailable)
        try response.content.encode(Health(status: ok ? "ok" : "database unavailable", database: databaseKind,
                                           schemes: req.catalogue.schemes.count))
        return response
    }
}
