import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import NIOSSL
import SQLKit
import UnionStarCore
import Vapor

/// Everything the app needs before it serves or runs a command.
public struct AppOptions: Sendable {
    /// The folder holding `Resources/` and `Public/`.
    public var root: URL
    public var database: DatabaseChoice
    var security: SecuritySettings

    public init(root: URL, database: DatabaseChoice, bcryptCost: Int? = nil) {
        self.root = root
        self.database = database
        security = .fromEnvironment()
        if let bcryptCost { security.bcryptCost = bcryptCost }
    }

    /// From the environment: `UNIONSTAR_ROOT`, `DATABASE_URL`, `DATABASE_PATH`, `UNIONSTAR_HTTPS`,
    /// `UNIONSTAR_BCRYPT_COST`, `UNIONSTAR_TRUST_PROXY`.
    public static func fromEnvironment() -> AppOptions {
        let root = ResourceLocator.root()
        return AppOptions(root: root, database: .fromEnvironment(root: root))
    }
}

public func configure(_ app: Application, options: AppOptions = .fromEnvironment()) async throws {
    app.directory = DirectoryConfiguration(workingDirectory: options.root.path + "/")
    // UNIONSTAR_CLOCK_START: a replayed date for tests and demonstrations, announced loudly.
    try app.useReplayClockFromEnvironment()

    // Schemes and the calendar are data, checked now: a bad file stops start-up with its reason.
    app.catalogue = try SchemeCatalogue.load(root: options.root)
    app.prerenderedPages = PrerenderedPages()
    app.auditReadings = AuditReadings()
    app.builtInCalendar = try CalendarFile.loadDirectory(options.root.appendingPathComponent("Resources/Calendars"))
    app.evidenceStorage = LocalFolderEvidenceStorage.fromEnvironment(app)
    app.openAPI = try OpenAPIDocument.load(root: options.root)
    app.inboxCounts = InboxCounts()
    app.reminderSettings = try ReminderSettings.fromEnvironment()
    app.mailer = app.reminderSettings.mail.map { SMTPClient(settings: $0) }
    app.surveyMinimum = try SurveySettings.minimum()

    try configureDatabase(app, options.database)
    app.migrations.add(CreateCalendarDays())
    app.migrations.add(CreateOrganisations())
    app.migrations.add(CreateAccounts())
    app.migrations.add(CreateAuditEvents())
    app.migrations.add(CreateCampaigns())
    app.migrations.add(UpdateOrganisationsAddChildrenIndex())
    app.migrations.add(CreateEndorsements())
    app.migrations.add(CreateInspections())
    app.migrations.add(UpdateApplicationsAddResults())
    app.migrations.add(CreateAPITokens())
    app.migrations.add(CreateSpotCheckDraws())
    app.migrations.add(CreateReminders())
    app.migrations.add(UpdateCampaignsAddKind())
    app.migrations.add(UpdateApplicationsAddChair())
    app.migrations.add(CreateSurveys())
    app.prepareWriteGate()

    app.security = options.security
    app.useBcrypt(cost: options.security.bcryptCost)

    // Templates ship with the binary: each is parsed once, in every environment (Leaf's own
    // provider re-reads every template on every request in `development`, the default of `serve`).
    // Someone editing templates sets LEAF_RELOAD=1 to see changes without a restart.
    app.leaf.cache.isEnabled = Environment.get("LEAF_RELOAD") != "1"
    // Fixed once: left unset, Leaf builds its configuration and file source anew each time a
    // renderer is made, twice a page view.
    app.leaf.configuration = app.leaf.configuration
    app.leaf.sources = app.leaf.sources
    app.views.use { app in
        var userInfo = app.leaf.userInfo
        userInfo["application"] = app
        return LeafRenderer(configuration: app.leaf.configuration, tags: app.leaf.tags, cache: app.leaf.cache,
                            sources: app.leaf.sources, eventLoop: app.eventLoopGroup.next(), userInfo: userInfo)
    }
    app.routes.defaultMaxBodySize = "64kb"

    // Outermost first: every response, errors and files included, gets the security headers.
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(StaticCacheMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(LanguageCookieMiddleware())
    app.middleware.use(APITokenAuthenticator())
    app.middleware.use(SessionAuthenticator())
    app.middleware.use(PasswordChangeGate())
    app.middleware.use(InboxBadgeMiddleware())

    app.asyncCommands.use(SchemeCommand(), as: "scheme")
    app.asyncCommands.use(ScoreCommand(), as: "score")
    app.asyncCommands.use(CalendarCommand(), as: "calendar")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(DrawCommand(), as: "draw")
    app.asyncCommands.use(RemindCommand(), as: "remind")

    try routes(app, databaseKind: options.database.kind)
}

private func configureDatabase(_ app: Application, _ choice: DatabaseChoice) throws {
    switch choice {
    case .sqliteFile(let path):
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath.map { [$0] }
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30)), as: .psql)
    }
}

/// Opens the database as the server uses it (on SQLite: every pooled connection with its busy
/// timeout, synchronous FULL and write-ahead logging), then creates or upgrades it. The server
/// runs this before it listens, and so does every command that touches the database.
public func prepareDatabase(_ app: Application) async throws {
    try await app.configureSQLiteConnections()
    try await app.autoMigrate()
}
