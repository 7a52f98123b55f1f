import Fluent
import Foundation
import UnionStarCore
import Vapor

/// `unionstar user create-admin`: the first administrator, since no default password ever exists.
struct UserCommand: AsyncCommandGroup {
    var help: String { "Accounts from the command line." }
    var commands: [String: any AnyAsyncCommand] { ["create-admin": CreateAdmin()] }

    struct CreateAdmin: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "username", help: "The account name (asked when missing).")
            var username: String?
            @Option(name: "name", help: "The person's name (asked when missing).")
            var name: String?
            @Flag(name: "password-stdin", help: "Read the password from standard input instead of asking.")
            var passwordStdin: Bool
        }

        var help: String { "Creates an administrator who can manage everything (prompts for what is not given)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let console = context.console
            let username = (signature.username ?? console.ask(ConsoleText(stringLiteral: Strings.Commands.prompt(Strings.Commands.userNamePrompt)))).trimmingCharacters(in: .whitespaces).lowercased()
            if let problem = AccountStore.usernameProblem(username) { throw CommandFailure(message: problem.en) }
            let name = (signature.name ?? console.ask(ConsoleText(stringLiteral: Strings.Commands.prompt(Strings.Commands.personNamePrompt)))).trimmingCharacters(in: .whitespaces)
            let password: String
            if signature.passwordStdin {
                password = (readLine(strippingNewline: true) ?? "")
            } else {
                password = console.ask(ConsoleText(stringLiteral: Strings.Commands.prompt(Strings.Commands.passwordPrompt)), isSecure: true)
                guard console.ask(ConsoleText(stringLiteral: Strings.Commands.prompt(Strings.Commands.passwordAgainPrompt)), isSecure: true) == password else {
                    throw CommandFailure(message: "the two passwords differ")
                }
            }
            if let problem = PasswordPolicy.problem(with: password, username: username) { throw CommandFailure(message: problem.en) }
            let hash = try await app.hashing.hash(password)
            let actor = AuditDraft.Actor.commandLine("user create-admin", at: app.clock.now())
            do {
                try await app.writes.perform { db in
                    let user = try await AccountStore.create(username: username, displayName: name.isEmpty ? username : name,
                                                             organisationID: nil, passwordHash: hash, mustChangePassword: false,
                                                             actor: actor, on: db)
                    try await AccountStore.assign(.federationAdmin, at: nil, to: user, actor: actor, on: db)
                }
            } catch OrganisationStore.ChangeError.invalid(let errors) {
                throw CommandFailure(message: errors.first?.text.en ?? "invalid")
            }
            print("administrator '\(username)' created; sign in at /signin")
        }
    }
}

/// `unionstar audit verify`: walks the hash chain and names the first broken entry.
struct AuditCommand: AsyncCommandGroup {
    var help: String { "The audit trail." }
    var commands: [String: any AnyAsyncCommand] { ["verify": Verify()] }

    struct Verify: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Checks every entry's hash and link; exit code 1 at the first break." }

        func run(using context: CommandContext, signature: Signature) async throws {
            try await prepareDatabase(context.application)
            let (count, broken) = try await AuditLog.verify(on: context.application.db)
            if let broken {
                throw CommandFailure(message: "audit trail broken at entry \(broken.sequence): \(broken.message) (\(count) entries before it are intact)")
            }
            print("audit trail intact: \(count) entries")
        }
    }
}
