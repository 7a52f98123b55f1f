import Fluent
import Foundation
import UnionStarCore
import Vapor

/// `unionstar demo`: a realistic tree (威海市总工会 → 乳山市总工会 → towns, streets and 局/公司
/// committees → about 200 grassroots unions of every kind; 扬州市总工会 → 仪征市总工会 → its towns
/// and parks) and one account per role, printed with fresh random passwords.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "if-empty", help: "Do nothing when any account exists already (for the start script).")
        var ifEmpty: Bool
        @Option(name: "accounts-file", help: "Also write the demo accounts to this file (mode 600).")
        var accountsFile: String?
    }

    var help: String { "Builds demo organisations and one account per role, and prints their passwords." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        if signature.ifEmpty, try await UserModel.query(on: app.db).count() > 0 { return }
        let builder = DemoBuilder(app: app)
        let orgs = try await builder.buildTree()
        let accounts = try await builder.accounts(orgs: orgs)
        try await DemoCampaigns(app: app).build(orgs: orgs)
        try await DemoPastCampaign(app: app).build(orgs: orgs)
        try await DemoReReview(app: app).build(orgs: orgs)
        let surveyTokens = try await DemoSurveys(app: app).build(orgs: orgs)
        var lines = ["UnionStar demo accounts (sign in at /signin):", ""]
        for account in accounts {
            lines.append("  \(account.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.password)   \(account.role) · \(account.place)")
        }
        lines.append("")
        if !surveyTokens.isEmpty {
            // The running members' survey: a member opens /s#TOKEN on a phone (or /s and types it).
            lines.append("Members' survey tokens (open /s#TOKEN, each answers once):")
            lines.append("")
            lines += surveyTokens.map { "  /s#\($0)" }
            lines.append("")
        }
        let text = lines.joined(separator: "\n")
        print(text)
        if let path = signature.accountsFile {
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure(message: "cannot write the accounts file '\(path)'")
            }
        }
    }
}
