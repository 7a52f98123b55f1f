import Vapor

func routes(_ app: Application, databaseKind: String) throws {
    try app.register(collection: HealthController(databaseKind: databaseKind))
    try app.register(collection: SchemeController())
}
