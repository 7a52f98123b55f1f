import Foundation
import UnionStarCore
import Vapor

/// `unionstar scheme list|show|template`: the schemes, as other tools read them.
struct SchemeCommand: AsyncCommandGroup {
    var help: String { "Lists schemes, shows one, or prints a fully compliant answers file." }
    var commands: [String: any AnyAsyncCommand] {
        ["list": List(), "show": Show(), "template": Template()]
    }

    /// `unionstar scheme list`: `id<TAB>title`, one per line.
    struct List: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Lists the schemes: id and title per line." }

        func run(using context: CommandContext, signature: Signature) async throws {
            for scheme in context.application.catalogue.schemes {
                print("\(scheme.id)\t\(scheme.title)")
            }
        }
    }

    /// `unionstar scheme show ID [--json]`.
    struct Show: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "The scheme id, as `scheme list` prints it.")
            var id: String
            @Flag(name: "json", help: "Print the whole scheme as JSON.")
            var json: Bool
        }

        var help: String { "Shows a scheme: sections, items, facts, rules, tiers, vetoes." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let scheme = try context.application.catalogue.require(signature.id)
            if signature.json {
                print(try CommandOutput.json(scheme))
            } else {
                print(SchemeText.render(scheme))
            }
        }
    }

    /// `unionstar scheme template ID`: `{"facts": {...}}` as a fully compliant union answers.
    struct Template: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "The scheme id.")
            var id: String
        }

        var help: String { "Prints an answers file with every fact as a fully compliant union answers it." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let catalogue = context.application.catalogue
            let scheme = try catalogue.require(signature.id)
            print(String(decoding: catalogue.scorer(scheme.id)!.templateAnswers().json(), as: UTF8.self))
        }
    }
}

extension SchemeCatalogue {
    /// The scheme, or a failure that lists the ids there are.
    func require(_ id: String) throws -> Scheme {
        guard let scheme = scheme(id) else {
            throw CommandFailure(message: "unknown scheme '\(id)' (schemes: \(schemes.map(\.id).joined(separator: ", ")))")
        }
        return scheme
    }
}

enum CommandOutput {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
