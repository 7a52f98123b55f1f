import Foundation
import Vapor
import Yams

/// The API's OpenAPI 3.1 document, kept by hand in `Resources/OpenAPI/unionstar.yaml` and checked
/// by the tests against the routes the app registers and the answers it gives (and by
/// openapi-spec-validator in `scripts/test`). Read once at start: served as it is written
/// (`/api/openapi.yaml`) and as JSON (`/api/openapi.json`), keys in the file's order.
struct OpenAPIDocument: Sendable {
    var yaml: String
    var json: String

    static func load(root: URL) throws -> OpenAPIDocument {
        let url = root.appendingPathComponent("Resources/OpenAPI/unionstar.yaml")
        let yaml = try String(contentsOf: url, encoding: .utf8)
        guard let node = try Yams.compose(yaml: yaml) else { throw Abort(.internalServerError, reason: "\(url.path) is empty") }
        var json = ""
        try write(node, into: &json)
        return OpenAPIDocument(yaml: yaml, json: json)
    }

    /// YAML as JSON: mappings, sequences, and scalars by their resolved tag (quoted text stays text).
    static func write(_ node: Node, into out: inout String) throws {
        switch node {
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: out += "null"
            case Tag.Name.bool.rawValue: out += (node.bool ?? false) ? "true" : "false"
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: out += scalar.string
            default: out += try quoted(scalar.string)
            }
        case .mapping(let mapping):
            out += "{"
            for (index, pair) in mapping.enumerated() {
                if index > 0 { out += "," }
                out += try quoted(pair.key.string ?? "")
                out += ":"
                try write(pair.value, into: &out)
            }
            out += "}"
        case .sequence(let sequence):
            out += "["
            for (index, element) in sequence.enumerated() {
                if index > 0 { out += "," }
                try write(element, into: &out)
            }
            out += "]"
        case .alias:
            throw Abort(.internalServerError, reason: "the OpenAPI document uses no YAML aliases")
        }
    }

    private static func quoted(_ text: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(text), as: UTF8.self)
    }
}

extension Application {
    private struct OpenAPIKey: StorageKey { typealias Value = OpenAPIDocument }

    var openAPI: OpenAPIDocument {
        get { storage[OpenAPIKey.self]! }
        set { storage[OpenAPIKey.self] = newValue }
    }
}

/// Serves the document, to anyone.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .apiDocument) { req in
            Self.response(req.application.openAPI.json, type: "application/json; charset=utf-8")
        }
        routes.on(.GET, .apiDocumentYAML) { req in
            Self.response(req.application.openAPI.yaml, type: "application/yaml; charset=utf-8")
        }
    }

    static func response(_ text: String, type: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
