import Vapor

func routes(_ app: Application, databaseKind: String) throws {
    try app.register(collection: HealthController(databaseKind: databaseKind))
    // The stateless score calculator changes nothing and is called without a session: no CSRF token.
    try app.register(collection: SchemeController())
    try app.register(collection: OpenAPIController())
    // Everything else that changes state carries the form's token.
    let protected = app.grouped(CSRFMiddleware())
    try protected.register(collection: AuthController())
    try protected.register(collection: APITokenController())
    try protected.register(collection: OrganisationController())
    try protected.register(collection: OrganisationPickerController())
    try protected.register(collection: OrganisationTransferController())
    try protected.register(collection: AccountAdminController())
    try protected.register(collection: AuditController())
    try protected.register(collection: CampaignController())
    try protected.register(collection: ApplicationController())
    try protected.register(collection: RegistrationFormController())
    try protected.register(collection: FilingController())
    try protected.register(collection: EndorsementController())
    try protected.register(collection: InspectorAssignmentController())
    try protected.register(collection: InspectionController())
    try protected.register(collection: ConflictDeclarationController())
    try protected.register(collection: SpotCheckController())
    try protected.register(collection: DecisionController())
    try protected.register(collection: ResultsController())
    try protected.register(collection: CampaignResultsController())
    try protected.register(collection: CertificateController())
    try protected.register(collection: StarsController())
    try protected.register(collection: ReReviewController())
    try protected.register(collection: ChairController())
    try protected.register(collection: HonoursController())
    try protected.register(collection: InboxController())
    try protected.register(collection: AccountEmailController())
    try protected.register(collection: CongressController())
    try protected.register(collection: NoticeController())
    // The JSON API of the same actions: a token-signed request needs no CSRF token, a session's does.
    try protected.register(collection: ApplicationAPI())
    // The public notice page: no sign-in, but an objection carries the visitor's form token.
    try protected.register(collection: NoticePublicController())
    // 会员评家: the unit's surveys, and the member's pages without an account (the form's token too).
    try protected.register(collection: SurveyController())
    try protected.register(collection: SurveyPublicController())
    // The self-assessment's forms and evidence uploads are larger than the default body: they are
    // read to their own limits (signed-in requests only) before the token is checked.
    let selfAssessment = app.grouped(SelfAssessmentBodyLimit()).grouped(CSRFMiddleware())
    try selfAssessment.register(collection: SelfAssessmentController())
    try selfAssessment.register(collection: EvidenceController())
}
