import Fluent
import Foundation
import UnionStarCore
import Vapor

/// One route of the application API: the page's own route under `/api`, the policy action asked
/// about the unit before anything else, and what answers it.
struct ApplicationAPIEndpoint: Sendable {
    var method: HTTPMethod
    /// The page route it mirrors, for a campaign and a unit.
    var page: @Sendable (_ campaign: UUID, _ unit: UUID) -> SiteRoute
    /// The workflow action it takes (nil: it only reads).
    var action: ApplicationAction?
    var access: Action
    /// The body's limit where it is larger than the default (the form's 主要工作, the minutes).
    var body: HTTPBodyStreamStrategy = .collect
    var respond: @Sendable (Request, ApplicationContext) async throws -> Response

    var route: SiteRoute { .api(page(ApplicationAPI.sample, ApplicationAPI.sample)) }
    func path(_ campaign: UUID, _ unit: UUID) -> String { SiteRoute.api(page(campaign, unit)).path }
}

/// The JSON API of a unit's application: the same actions as the pages, each through the very
/// function the page's form calls (so the same checks, the workflow, the write gate, the audit
/// entry), differing only in how the request is read (JSON) and answered (the application as
/// `ApplicationDTO`, or the error as `{error, fields}`). Signed in by a personal API token or a
/// session (whose POSTs carry the CSRF token in `X-CSRF-Token`).
///
/// Adding an endpoint is one more entry in `endpoints` (`take` for a workflow action, `read` for
/// a view), with its `SiteRoute.endpoints` line for `.api(theRoute)`, its path in
/// `Resources/OpenAPI/unionstar.yaml`, and its row in the authorization matrix.
struct ApplicationAPI: RouteCollection {
    static let sample = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    static let endpoints: [ApplicationAPIEndpoint] = [
        read({ .application(campaign: $0, unit: $1) }, access: .viewApplication) { req, context in
            try await ApplicationDTO.make(context, req: req)
        },
        take(.preApply, { .preApply(campaign: $0, unit: $1) }) { (form: ApplicationController.PreApplyForm, context, req) in
            try await ApplicationController.preApply(form, context, req: req)
        },
        take(.startSelfAssessment, { .startSelfAssessment(campaign: $0, unit: $1) }) { (form: ApplicationController.VersionForm, context, req) in
            try await ApplicationController.start(form, context, req: req)
        },
        read({ .selfAssessment(campaign: $0, unit: $1) }, access: .viewApplication) { req, context in
            try await SelfAssessmentDTO.make(context, req: req)
        },
        take(.saveSelfAssessment, { .selfAssessment(campaign: $0, unit: $1) },
             body: .collect(maxSize: ByteCount(value: SelfAssessmentBodyLimit.formLimit))) { (body: SelfAssessmentDTO.Body, context, req) in
            try await SelfAssessmentDTO.save(body, context, req: req)
        },
        take(.recordCongressDecision, { .congress(campaign: $0, unit: $1) },
             body: .collect(maxSize: ByteCount(value: CongressController.maximumUpload.value * 4 / 3))) { (form: CongressController.CongressForm, context, req) in
            try await CongressController.record(form, context, req: req)
        },
        read({ .notice(campaign: $0, unit: $1) }, access: .viewApplication) { req, context in
            try await NoticeDTO.make(context, req: req)
        },
        take(.startNotice, { .notice(campaign: $0, unit: $1) }) { (form: NoticeController.StartForm, context, req) in
            try await NoticeController.start(form, context, req: req)
        },
        take(.answerObjection, { .answerObjection(campaign: $0, unit: $1, objection: sample) }) { (form: NoticeController.AnswerForm, context, req) in
            try await NoticeController.answer(form, context, req: req)
        },
        take(.saveForm, { .registrationForm(campaign: $0, unit: $1) }, body: .collect(maxSize: RegistrationFormController.maxBody)) {
            (form: RegistrationFormController.Input, context, req) in
            try await RegistrationFormController.save(form, context, req: req)
        },
        take(.file, { .fileApplication(campaign: $0, unit: $1) }) { (form: ApplicationController.VersionForm, context, req) in
            try await FilingController.file(form, context, req: req)
        },
        take(.returnApplication, { .returnApplication(campaign: $0, unit: $1) }, body: .collect(maxSize: RegistrationFormController.maxBody)) {
            (form: FilingController.ReturnInput, context, req) in
            try await FilingController.returnApplication(form, context, req: req)
        },
        take(.endorse, { .endorse(campaign: $0, unit: $1) }) { (form: EndorsementController.EndorseInput, context, req) in
            try await EndorsementController.endorse(form, context, req: req)
        },
        read({ .inspectors(campaign: $0, unit: $1) }, access: .manageReview) { req, context in
            try await InspectorsDTO.make(context, req: req)
        },
        take(.assignInspectors, { .inspectors(campaign: $0, unit: $1) }) { (form: InspectorAssignmentController.AssignInput, context, req) in
            try await InspectorAssignmentController.assign(form, context, req: req)
        },
        read({ .inspection(campaign: $0, unit: $1) }, access: .recordInspection) { req, context in
            try await InspectionDTO.make(context, req: req)
        },
        take(.recordInspection, { .inspection(campaign: $0, unit: $1) }) { (form: InspectionController.RecordForm, context, req) in
            try await InspectionController.record(form, context, req: req)
        },
        take(.completeInspection, { .completeInspection(campaign: $0, unit: $1) }) { (form: ApplicationController.VersionForm, context, req) in
            try await InspectorAssignmentController.complete(form, context, req: req)
        },
        take(.decideTier, { .decision(campaign: $0, unit: $1) }) { (form: DecisionController.DecisionForm, context, req) in
            try await DecisionController.decide(form, context, req: req)
        },
        read({ .results(campaign: $0, unit: $1) }, access: .viewApplication) { req, context in
            try await ResultsDTO.make(context, req: req)
        },
        take(.startResultsNotice, { .results(campaign: $0, unit: $1) }) { (form: ResultsController.StartForm, context, req) in
            try await ResultsController.start(form, context, req: req)
        },
        take(.answerResultsObjection, { .answerResultsObjection(campaign: $0, unit: $1, objection: sample) }) {
            (form: NoticeController.AnswerForm, context, req) in
            try await ResultsController.answer(form, context, req: req)
        },
        take(.name, { .nameUnit(campaign: $0, unit: $1) }) { (form: ResultsController.NameForm, context, req) in
            try await ResultsController.name(form, context, req: req)
        },
    ]

    /// The endpoint that takes a workflow action, for the links in `ApplicationDTO.actions`.
    static func endpoint(for action: ApplicationAction) -> ApplicationAPIEndpoint? {
        // Answering needs an objection's id: its path is on each objection (`NoticeDTO`, `ResultsDTO`).
        guard action != .answerObjection, action != .answerResultsObjection else { return nil }
        return endpoints.first { $0.action == action }
    }

    /// A POST that takes `action`: reads the JSON body as the page reads its form, runs the page's
    /// function, and answers the application as it now stands.
    static func take<Body: Decodable & Sendable>(
        _ action: ApplicationAction, _ page: @escaping @Sendable (UUID, UUID) -> SiteRoute, body: HTTPBodyStreamStrategy = .collect,
        _ run: @escaping @Sendable (Body, ApplicationContext, Request) async throws -> Void
    ) -> ApplicationAPIEndpoint {
        ApplicationAPIEndpoint(method: .POST, page: page, action: action, access: ApplicationWorkflow.accessAction(for: action)!, body: body) { req, context in
            try await run(try decodeBody(Body.self, req), context, req)
            return try await ApplicationDTO.make(context, req: req).encodeResponse(for: req)
        }
    }

    /// A GET answering what `make` reads, once the policy allows `access` on the unit.
    static func read<Answer: AsyncResponseEncodable>(
        _ page: @escaping @Sendable (UUID, UUID) -> SiteRoute, access: Action,
        _ make: @escaping @Sendable (Request, ApplicationContext) async throws -> Answer
    ) -> ApplicationAPIEndpoint {
        ApplicationAPIEndpoint(method: .GET, page: page, action: nil, access: access) { req, context in
            try await make(req, context).encodeResponse(for: req)
        }
    }

    /// The body as JSON (or a form, as the pages send it); an empty body reads as `{}`.
    static func decodeBody<Body: Decodable>(_ type: Body.Type, _ req: Request) throws -> Body {
        guard let body = req.body.data, body.readableBytes > 0 else { return try JSONDecoder().decode(Body.self, from: Data("{}".utf8)) }
        return try req.content.decode(Body.self)
    }

    func boot(routes: any RoutesBuilder) throws {
        for endpoint in Self.endpoints {
            routes.on(endpoint.method, endpoint.route, body: endpoint.body) { req in
                let context = try await ApplicationStore.context(req, for: endpoint.access)
                return try await endpoint.respond(req, context)
            }
        }
        routes.on(.GET, .api(.reviewQueue)) { req in try await ReviewQueueDTO.make(req) }
        routes.on(.GET, .api(.myInspections)) { req in try await MyInspectionsDTO.make(req) }
    }
}
