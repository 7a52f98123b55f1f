import Foundation
import Testing
import Vapor
@testable import App

/// The OpenAPI document against the running app: every route under /api is documented with its
/// method and path template, every documented operation exists, and the document is served as
/// JSON and as YAML. (That real answers match the schemas is checked by the API tests through
/// `APIClient.checkAgainstTheDocument`; that the document is valid OpenAPI 3.1, by
/// openapi-spec-validator below and in scripts/test.)
@Suite struct OpenAPIDocumentTests {
    /// `api/campaigns/:campaignID/units/:orgID` → `/api/campaigns/{campaignID}/units/{orgID}`.
    static func template(_ components: [PathComponent]) -> String {
        "/" + components.map { component in
            if case .parameter(let name) = component { return "{\(name)}" }
            return component.description
        }.joined(separator: "/")
    }

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedOperationExists() async throws {
        try await withTestApp { app in
            // setup
            let document = try #require(try JSONSerialization.jsonObject(with: Data(app.openAPI.json.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, item) in paths {
                for method in item.keys where Self.methods.contains(method) { documented.insert(method.uppercased() + " " + path) }
            }
            // act
            let registered = Set(app.routes.all.filter { $0.path.first?.description == "api" }
                .map { $0.method.rawValue + " " + Self.template($0.path) })
            // check
            #expect(document["openapi"] as? String == "3.1.0")
            for route in registered.subtracting(documented).sorted() { Issue.record("\(route) is registered but not in the OpenAPI document") }
            for operation in documented.subtracting(registered).sorted() { Issue.record("\(operation) is documented but not registered") }
            #expect(registered.count >= 25 && registered == documented)
        }
    }

    @Test func theDocumentIsServedAsJSONAndAsYAMLToAnyone() async throws {
        try await withTestApp { app in
            // act
            let client = APIClient(app, token: nil)
            let json = try await client.get("/api/openapi.json")
            let yaml = try await client.get("/api/openapi.yaml")
            // check
            #expect(json.status == .ok && json.headers.first(name: .contentType)?.hasPrefix("application/json") == true)
            #expect(json.text("openapi") == "3.1.0" && json.text("components.securitySchemes.bearerToken.scheme") == "bearer")
            #expect(yaml.status == .ok && yaml.headers.first(name: .contentType)?.hasPrefix("application/yaml") == true)
            #expect(yaml.body.hasPrefix("openapi: 3.1.0\n"))
            // the JSON is the YAML, key for key
            #expect(json["paths./api/campaigns/{campaignID}/units/{orgID}/decision.post.operationId"] as? String == "decideTier")
        }
    }

    /// The routes that came before the campaign's API answer as documented too.
    @Test func theSchemeAndOrganisationRoutesAnswerAsDocumented() async throws {
        try await withTestApp { app in
            // setup
            let f = try await Fixture.make(app)
            let anonymous = APIClient(app, token: nil)
            let staff = APIClient(app, token: try await APIClient.token(app, "staff"))
            let answers = try JSONSerialization.jsonObject(with: app.catalogue.scorer("rushan-2020-enterprise")!.templateAnswers().json())
            // act
            let list = try await anonymous.get("/api/schemes")
            let scheme = try await anonymous.get("/api/schemes/rushan-2020-regional")
            let missing = try await anonymous.get("/api/schemes/nope")
            let report = try await anonymous.call(.POST, "/api/schemes/rushan-2020-enterprise/assessments", answers as? [String: Any])
            let unreadable = try await anonymous.call(.POST, "/api/schemes/rushan-2020-enterprise/assessments", nil,
                                                      headers: ["Content-Type": "application/json"])
            let org = try await staff.get("/api/orgs/\(f.unionA.uuidString.lowercased())")
            let hidden = try await staff.get("/api/orgs/\(f.unionY.uuidString.lowercased())")
            // check
            #expect(list.status == .ok && scheme.status == .ok && missing.status == .notFound && report.status == .ok)
            #expect(unreadable.status == .unprocessableEntity || unreadable.status == .badRequest)
            #expect(org.status == .ok && org.text("name") == "甲公司工会" && hidden.status == .notFound)
            try APIClient.checkAgainstTheDocument([anonymous, staff])
        }
    }

    /// openapi-spec-validator (3.1) accepts the document, when the machine has it (scripts/test
    /// installs it and requires it).
    @Test func theDocumentIsValidOpenAPI31() throws {
        guard OpenAPITools.available else {
            #expect(ProcessInfo.processInfo.environment["UNIONSTAR_REQUIRE_OPENAPI_TOOLS"] != "1",
                    "python3 with PyYAML, openapi-spec-validator and openapi-schema-validator is needed")
            return
        }
        let result = try OpenAPITools.run(["scripts/check-openapi.py"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("is a valid OpenAPI 3.1.0 document"))
    }
}
