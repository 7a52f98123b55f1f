import UnionStarCore
import Vapor

/// Every route of the app, used both to register it and to build links to it, each with the
/// access it needs. A route registered without an entry here fails the authorization matrix test.
enum SiteRoute: Hashable, Sendable {
    // Public
    case home
    case healthz
    case scheme(id: String)
    case apiSchemes
    case apiScheme(id: String)
    case apiSchemeAssessments(id: String)
    // Signing in
    case signIn
    case signOut
    case signOutEverywhere
    case account
    case changePassword
    /// Personal API tokens: made and revoked from the account page.
    case apiTokens
    case revokeAPIToken(UUID)
    /// The API's OpenAPI 3.1 document, as JSON and as YAML.
    case apiDocument
    case apiDocumentYAML
    /// A page's action as the JSON API offers it: the same path under `/api` (`ApplicationAPI`).
    indirect case api(SiteRoute)
    /// One's own e-mail address (where reminders go).
    case accountEmail
    /// 待办事项: what waits for the signed-in person.
    case inbox
    // The organisation tree
    case organisations
    case organisationPicker
    case newRoot
    case rootImport
    case organisation(UUID)
    case newChild(UUID)
    case editOrganisation(UUID)
    case moveOrganisation(UUID)
    case retireOrganisation(UUID)
    case restoreOrganisation(UUID)
    case importOrganisations(UUID)
    case exportOrganisations(UUID)
    case apiOrganisation(UUID)
    // Accounts
    case users
    case newUser
    case user(UUID)
    case assignRole(UUID)
    case revokeRole(UUID, assignment: UUID)
    case disableUser(UUID)
    case enableUser(UUID)
    case resetPassword(UUID)
    case userEmail(UUID)
    // Audit trail
    case audit
    /// One entry with its raw record.
    case auditEntry(Int64)
    // Campaigns
    case campaigns
    case newCampaign
    case campaign(UUID)
    case editCampaign(UUID)
    case campaignNotStarted(UUID)
    case campaignExtensions(UUID)
    // A unit's application in a campaign
    case application(campaign: UUID, unit: UUID)
    case preApply(campaign: UUID, unit: UUID)
    case startSelfAssessment(campaign: UUID, unit: UUID)
    case registrationForm(campaign: UUID, unit: UUID)
    case registrationFormPrint(campaign: UUID, unit: UUID)
    case registrationFormDocx(campaign: UUID, unit: UUID)
    case fileApplication(campaign: UUID, unit: UUID)
    case returnApplication(campaign: UUID, unit: UUID)
    /// 审核盖章: a sub-federation's stamp on the application, and the reviewer's queue.
    case endorse(campaign: UUID, unit: UUID)
    case reviewQueue
    /// Staff assign the unit's inspectors.
    case inspectors(campaign: UUID, unit: UUID)
    /// Staff take back an assignment before the inspector has scored.
    case withdrawInspector(campaign: UUID, unit: UUID, inspector: UUID)
    /// The inspector's units, and the record and scores of one.
    case myInspections
    case inspection(campaign: UUID, unit: UUID)
    /// The inspector's draft, saved by the page's script as they type (on a phone, on site).
    case inspectionDraft(campaign: UUID, unit: UUID)
    /// The inspector's declarations of a conflict of interest (回避), and withdrawing one.
    case conflicts
    case withdrawConflict(UUID)
    /// Staff close the inspection with the combined score.
    case completeInspection(campaign: UUID, unit: UUID)
    /// The decision on the tier.
    case decision(campaign: UUID, unit: UUID)
    /// 评选结果公示 and 命名: a unit's results page, its objections' answers, naming, the certificate.
    case results(campaign: UUID, unit: UUID)
    case answerResultsObjection(campaign: UUID, unit: UUID, objection: UUID)
    case nameUnit(campaign: UUID, unit: UUID)
    case certificate(campaign: UUID, unit: UUID)
    /// The campaign's results: starting the notice and naming for many units, the rewards list.
    case campaignResults(UUID)
    case campaignNaming(UUID)
    case campaignRewards(UUID)
    case campaignRewardsCSV(UUID)
    /// 星级工会名录, public.
    case stars

    /// Re-review (复查) and yearly self-check rounds.
    case reReviewRounds(UUID)
    case reReviewOutcomes(UUID)
    case publicReReview(UUID)
    case comparison(campaign: UUID, unit: UUID)
    case submitSelfCheck(campaign: UUID, unit: UUID)
    /// The chair track: the person a chair campaign's application assesses.
    case chair(campaign: UUID, unit: UUID)
    /// 择优推荐: the campaign year's named five-star unions and chairs for the tier's honours (五一劳动奖状/奖章).
    case campaignTierHonours(UUID)
    case campaignTierHonoursCSV(UUID)
    /// 获评单位和个人可优先参评各级工会荣誉: named units and chairs in reach, by tier and year.
    case honoursCandidates
    case honoursCandidatesCSV
    case applicationRound(campaign: UUID, unit: UUID, round: Int)
    /// 抽查: the level above draws a sample of a campaign's units at a tier; each draw's public page
    /// and its population as text.
    case spotChecks(campaign: UUID)
    case spotCheck(UUID)
    case spotCheckPopulation(UUID)
    // The congress decision and the unit's notice (NoticeSection)
    case congress(campaign: UUID, unit: UUID)
    case congressMinutes(campaign: UUID, unit: UUID)
    case notice(campaign: UUID, unit: UUID)
    case answerObjection(campaign: UUID, unit: UUID, objection: UUID)
    case publicNotice(token: String)
    case publicNoticePrint(token: String)
    case publicObjections(token: String)
    case selfAssessment(campaign: UUID, unit: UUID)
    case selfAssessmentDraft(campaign: UUID, unit: UUID)
    case uploadEvidence(campaign: UUID, unit: UUID, item: Int)
    case evidenceFile(campaign: UUID, unit: UUID, evidence: UUID)
    case deleteEvidence(campaign: UUID, unit: UUID, evidence: UUID)
    /// 会员评家: a unit's members' surveys in a campaign (the list and the builder), one survey, its
    /// period, its tokens (the printed sheets), closing it early, filling the self-assessment with
    /// its result, and the result as a workbook.
    case surveys(campaign: UUID, unit: UUID)
    case survey(campaign: UUID, unit: UUID, survey: UUID)
    case openSurvey(campaign: UUID, unit: UUID, survey: UUID)
    case surveyTokens(campaign: UUID, unit: UUID, survey: UUID)
    case closeSurvey(campaign: UUID, unit: UUID, survey: UUID)
    case fillFromSurvey(campaign: UUID, unit: UUID, survey: UUID)
    case surveyWorkbook(campaign: UUID, unit: UUID, survey: UUID)
    /// The member's pages, without an account: the token never travels in a path (the printed
    /// link carries it after `#`, which browsers do not send; the forms send it in their body).
    case answerSurvey
    case submitSurveyAnswers

    /// The path pattern the router registers (parameters as `:name`).
    var pattern: [PathComponent] {
        switch self {
        case .home: []
        case .healthz: ["healthz"]
        case .scheme: ["schemes", ":schemeID"]
        case .apiSchemes: ["api", "schemes"]
        case .apiScheme: ["api", "schemes", ":schemeID"]
        case .apiSchemeAssessments: ["api", "schemes", ":schemeID", "assessments"]
        case .signIn: ["signin"]
        case .signOut: ["signout"]
        case .signOutEverywhere: ["signout-everywhere"]
        case .account: ["account"]
        case .changePassword: ["account", "password"]
        case .apiTokens: ["account", "tokens"]
        case .revokeAPIToken: ["account", "tokens", ":tokenID", "revoke"]
        case .apiDocument: ["api", "openapi.json"]
        case .apiDocumentYAML: ["api", "openapi.yaml"]
        case .api(let route): ["api"] + route.pattern
        case .accountEmail: ["account", "email"]
        case .inbox: ["inbox"]
        case .organisations: ["orgs"]
        case .organisationPicker: ["orgs", "picker"]
        case .newRoot: ["orgs", "new"]
        case .rootImport: ["orgs", "import"]
        case .organisation: ["orgs", ":orgID"]
        case .newChild: ["orgs", ":orgID", "new"]
        case .editOrganisation: ["orgs", ":orgID", "edit"]
        case .moveOrganisation: ["orgs", ":orgID", "move"]
        case .retireOrganisation: ["orgs", ":orgID", "retire"]
        case .restoreOrganisation: ["orgs", ":orgID", "restore"]
        case .importOrganisations: ["orgs", ":orgID", "import"]
        case .exportOrganisations: ["orgs", ":orgID", "export"]
        case .apiOrganisation: ["api", "orgs", ":orgID"]
        case .users: ["admin", "users"]
        case .newUser: ["admin", "users", "new"]
        case .user: ["admin", "users", ":userID"]
        case .assignRole: ["admin", "users", ":userID", "roles"]
        case .revokeRole: ["admin", "users", ":userID", "roles", ":assignmentID", "revoke"]
        case .disableUser: ["admin", "users", ":userID", "disable"]
        case .enableUser: ["admin", "users", ":userID", "enable"]
        case .resetPassword: ["admin", "users", ":userID", "reset-password"]
        case .userEmail: ["admin", "users", ":userID", "email"]
        case .audit: ["audit"]
        case .auditEntry: ["audit", ":sequence"]
        case .campaigns: ["campaigns"]
        case .newCampaign: ["campaigns", "new"]
        case .campaign: ["campaigns", ":campaignID"]
        case .editCampaign: ["campaigns", ":campaignID", "edit"]
        case .campaignNotStarted: ["campaigns", ":campaignID", "not-started.csv"]
        case .campaignExtensions: ["campaigns", ":campaignID", "extensions"]
        case .application: ["campaigns", ":campaignID", "units", ":orgID"]
        case .preApply: ["campaigns", ":campaignID", "units", ":orgID", "pre-apply"]
        case .startSelfAssessment: ["campaigns", ":campaignID", "units", ":orgID", "start"]
        case .registrationForm: ["campaigns", ":campaignID", "units", ":orgID", "form"]
        case .registrationFormPrint: ["campaigns", ":campaignID", "units", ":orgID", "form", "print"]
        case .registrationFormDocx: ["campaigns", ":campaignID", "units", ":orgID", "form.docx"]
        case .fileApplication: ["campaigns", ":campaignID", "units", ":orgID", "file"]
        case .returnApplication: ["campaigns", ":campaignID", "units", ":orgID", "return"]
        case .endorse: ["campaigns", ":campaignID", "units", ":orgID", "endorse"]
        case .reviewQueue: ["review"]
        case .inspectors: ["campaigns", ":campaignID", "units", ":orgID", "inspectors"]
        case .withdrawInspector: ["campaigns", ":campaignID", "units", ":orgID", "inspectors", ":inspectorID", "withdraw"]
        case .myInspections: ["inspections"]
        case .inspection: ["campaigns", ":campaignID", "units", ":orgID", "inspection"]
        case .inspectionDraft: ["campaigns", ":campaignID", "units", ":orgID", "inspection", "draft"]
        case .conflicts: ["conflicts"]
        case .withdrawConflict: ["conflicts", ":declarationID", "withdraw"]
        case .spotChecks: ["campaigns", ":campaignID", "spot-checks"]
        case .spotCheck: ["spot-checks", ":drawID"]
        case .spotCheckPopulation: ["spot-checks", ":drawID", "population.txt"]
        case .completeInspection: ["campaigns", ":campaignID", "units", ":orgID", "inspection", "complete"]
        case .decision: ["campaigns", ":campaignID", "units", ":orgID", "decision"]
        case .applicationRound: ["campaigns", ":campaignID", "units", ":orgID", "rounds", ":round"]
        case .congress: ["campaigns", ":campaignID", "units", ":orgID", "congress"]
        case .congressMinutes: ["campaigns", ":campaignID", "units", ":orgID", "congress", "minutes"]
        case .notice: ["campaigns", ":campaignID", "units", ":orgID", "notice"]
        case .answerObjection: ["campaigns", ":campaignID", "units", ":orgID", "objections", ":objectionID", "answer"]
        case .results: ["campaigns", ":campaignID", "units", ":orgID", "results"]
        case .answerResultsObjection: ["campaigns", ":campaignID", "units", ":orgID", "results", "objections", ":objectionID", "answer"]
        case .nameUnit: ["campaigns", ":campaignID", "units", ":orgID", "name"]
        case .certificate: ["campaigns", ":campaignID", "units", ":orgID", "certificate"]
        case .campaignResults: ["campaigns", ":campaignID", "results"]
        case .campaignNaming: ["campaigns", ":campaignID", "results", "name"]
        case .campaignRewards: ["campaigns", ":campaignID", "rewards"]
        case .campaignRewardsCSV: ["campaigns", ":campaignID", "rewards.csv"]
        case .stars: ["stars"]
        case .reReviewRounds: ["campaigns", ":campaignID", "rereview"]
        case .reReviewOutcomes: ["campaigns", ":campaignID", "outcomes"]
        case .publicReReview: ["rereviews", ":campaignID"]
        case .comparison: ["campaigns", ":campaignID", "units", ":orgID", "comparison"]
        case .submitSelfCheck: ["campaigns", ":campaignID", "units", ":orgID", "self-check"]
        case .chair: ["campaigns", ":campaignID", "units", ":orgID", "chair"]
        case .campaignTierHonours: ["campaigns", ":campaignID", "tier-honours"]
        case .campaignTierHonoursCSV: ["campaigns", ":campaignID", "tier-honours.csv"]
        case .honoursCandidates: ["honours"]
        case .honoursCandidatesCSV: ["honours.csv"]
        case .publicNotice: ["notices", ":token"]
        case .publicNoticePrint: ["notices", ":token", "print"]
        case .publicObjections: ["notices", ":token", "objections"]
        case .selfAssessment: ["campaigns", ":campaignID", "units", ":orgID", "self-assessment"]
        case .selfAssessmentDraft: ["campaigns", ":campaignID", "units", ":orgID", "self-assessment", "draft"]
        case .uploadEvidence: ["campaigns", ":campaignID", "units", ":orgID", "self-assessment", "items", ":item", "evidence"]
        case .evidenceFile: ["campaigns", ":campaignID", "units", ":orgID", "evidence", ":evidenceID"]
        case .deleteEvidence: ["campaigns", ":campaignID", "units", ":orgID", "evidence", ":evidenceID", "delete"]
        case .surveys: ["campaigns", ":campaignID", "units", ":orgID", "surveys"]
        case .survey: ["campaigns", ":campaignID", "units", ":orgID", "surveys", ":surveyID"]
        case .openSurvey: ["campaigns", ":campaignID", "units", ":orgID", "surveys", ":surveyID", "open"]
        case .surveyTokens: ["campaigns", ":campaignID", "units", ":orgID", "surveys", ":surveyID", "tokens"]
        case .closeSurvey: ["campaigns", ":campaignID", "units", ":orgID", "surveys", ":surveyID", "close"]
        case .fillFromSurvey: ["campaigns", ":campaignID", "units", ":orgID", "surveys", ":surveyID", "fill"]
        case .surveyWorkbook: ["campaigns", ":campaignID", "units", ":orgID", "surveys", ":surveyID", "results.xlsx"]
        case .answerSurvey: ["s"]
        case .submitSurveyAnswers: ["s", "answer"]
        }
    }

    /// The link to this route.
    var path: String {
        switch self {
        case .scheme(let id): "/schemes/\(Self.escape(id))"
        case .apiScheme(let id): "/api/schemes/\(Self.escape(id))"
        case .apiSchemeAssessments(let id): "/api/schemes/\(Self.escape(id))/assessments"
        case .organisation(let id): "/orgs/\(id.uuidString.lowercased())"
        case .auditEntry(let sequence): "/audit/\(sequence)"
        case .newChild(let id): "/orgs/\(id.uuidString.lowercased())/new"
        case .editOrganisation(let id): "/orgs/\(id.uuidString.lowercased())/edit"
        case .moveOrganisation(let id): "/orgs/\(id.uuidString.lowercased())/move"
        case .retireOrganisation(let id): "/orgs/\(id.uuidString.lowercased())/retire"
        case .restoreOrganisation(let id): "/orgs/\(id.uuidString.lowercased())/restore"
        case .importOrganisations(let id): "/orgs/\(id.uuidString.lowercased())/import"
        case .exportOrganisations(let id): "/orgs/\(id.uuidString.lowercased())/export"
        case .apiOrganisation(let id): "/api/orgs/\(id.uuidString.lowercased())"
        case .revokeAPIToken(let id): "/account/tokens/\(id.uuidString.lowercased())/revoke"
        case .api(let route): "/api" + route.path
        case .user(let id): "/admin/users/\(id.uuidString.lowercased())"
        case .assignRole(let id): "/admin/users/\(id.uuidString.lowercased())/roles"
        case .revokeRole(let id, let assignment): "/admin/users/\(id.uuidString.lowercased())/roles/\(assignment.uuidString.lowercased())/revoke"
        case .disableUser(let id): "/admin/users/\(id.uuidString.lowercased())/disable"
        case .enableUser(let id): "/admin/users/\(id.uuidString.lowercased())/enable"
        case .resetPassword(let id): "/admin/users/\(id.uuidString.lowercased())/reset-password"
        case .userEmail(let id): "/admin/users/\(id.uuidString.lowercased())/email"
        case .campaign(let id): "/campaigns/\(id.uuidString.lowercased())"
        case .editCampaign(let id): "/campaigns/\(id.uuidString.lowercased())/edit"
        case .campaignNotStarted(let id): "/campaigns/\(id.uuidString.lowercased())/not-started.csv"
        case .campaignExtensions(let id): "/campaigns/\(id.uuidString.lowercased())/extensions"
        case .application(let campaign, let unit): Self.unitPath(campaign, unit)
        case .preApply(let campaign, let unit): Self.unitPath(campaign, unit) + "/pre-apply"
        case .startSelfAssessment(let campaign, let unit): Self.unitPath(campaign, unit) + "/start"
        case .registrationForm(let campaign, let unit): Self.unitPath(campaign, unit) + "/form"
        case .registrationFormPrint(let campaign, let unit): Self.unitPath(campaign, unit) + "/form/print"
        case .registrationFormDocx(let campaign, let unit): Self.unitPath(campaign, unit) + "/form.docx"
        case .fileApplication(let campaign, let unit): Self.unitPath(campaign, unit) + "/file"
        case .returnApplication(let campaign, let unit): Self.unitPath(campaign, unit) + "/return"
        case .applicationRound(let campaign, let unit, let round): Self.unitPath(campaign, unit) + "/rounds/\(round)"
        case .congress(let campaign, let unit): Self.unitPath(campaign, unit) + "/congress"
        case .congressMinutes(let campaign, let unit): Self.unitPath(campaign, unit) + "/congress/minutes"
        case .notice(let campaign, let unit): Self.unitPath(campaign, unit) + "/notice"
        case .answerObjection(let campaign, let unit, let objection):
            Self.unitPath(campaign, unit) + "/objections/\(objection.uuidString.lowercased())/answer"
        case .publicNotice(let token): "/notices/\(Self.escape(token))"
        case .publicNoticePrint(let token): "/notices/\(Self.escape(token))/print"
        case .publicObjections(let token): "/notices/\(Self.escape(token))/objections"
        case .selfAssessment(let campaign, let unit): Self.unitPath(campaign, unit) + "/self-assessment"
        case .endorse(let campaign, let unit): Self.unitPath(campaign, unit) + "/endorse"
        case .inspectors(let campaign, let unit): Self.unitPath(campaign, unit) + "/inspectors"
        case .withdrawInspector(let campaign, let unit, let inspector):
            Self.unitPath(campaign, unit) + "/inspectors/\(inspector.uuidString.lowercased())/withdraw"
        case .inspection(let campaign, let unit): Self.unitPath(campaign, unit) + "/inspection"
        case .inspectionDraft(let campaign, let unit): Self.unitPath(campaign, unit) + "/inspection/draft"
        case .withdrawConflict(let id): "/conflicts/\(id.uuidString.lowercased())/withdraw"
        case .spotChecks(let campaign): "/campaigns/\(campaign.uuidString.lowercased())/spot-checks"
        case .spotCheck(let id): "/spot-checks/\(id.uuidString.lowercased())"
        case .spotCheckPopulation(let id): "/spot-checks/\(id.uuidString.lowercased())/population.txt"
        case .completeInspection(let campaign, let unit): Self.unitPath(campaign, unit) + "/inspection/complete"
        case .decision(let campaign, let unit): Self.unitPath(campaign, unit) + "/decision"
        case .results(let campaign, let unit): Self.unitPath(campaign, unit) + "/results"
        case .answerResultsObjection(let campaign, let unit, let objection):
            Self.unitPath(campaign, unit) + "/results/objections/\(objection.uuidString.lowercased())/answer"
        case .nameUnit(let campaign, let unit): Self.unitPath(campaign, unit) + "/name"
        case .certificate(let campaign, let unit): Self.unitPath(campaign, unit) + "/certificate"
        case .chair(let campaign, let unit): Self.unitPath(campaign, unit) + "/chair"
        case .campaignTierHonours(let id): "/campaigns/\(id.uuidString.lowercased())/tier-honours"
        case .campaignTierHonoursCSV(let id): "/campaigns/\(id.uuidString.lowercased())/tier-honours.csv"
        case .campaignResults(let id): "/campaigns/\(id.uuidString.lowercased())/results"
        case .campaignNaming(let id): "/campaigns/\(id.uuidString.lowercased())/results/name"
        case .campaignRewards(let id): "/campaigns/\(id.uuidString.lowercased())/rewards"
        case .campaignRewardsCSV(let id): "/campaigns/\(id.uuidString.lowercased())/rewards.csv"
        case .reReviewRounds(let id): "/campaigns/\(id.uuidString.lowercased())/rereview"
        case .reReviewOutcomes(let id): "/campaigns/\(id.uuidString.lowercased())/outcomes"
        case .publicReReview(let id): "/rereviews/\(id.uuidString.lowercased())"
        case .comparison(let campaign, let unit): Self.unitPath(campaign, unit) + "/comparison"
        case .submitSelfCheck(let campaign, let unit): Self.unitPath(campaign, unit) + "/self-check"
        case .selfAssessmentDraft(let campaign, let unit): Self.unitPath(campaign, unit) + "/self-assessment/draft"
        case .uploadEvidence(let campaign, let unit, let item): Self.unitPath(campaign, unit) + "/self-assessment/items/\(item)/evidence"
        case .evidenceFile(let campaign, let unit, let evidence): Self.unitPath(campaign, unit) + "/evidence/\(evidence.uuidString.lowercased())"
        case .deleteEvidence(let campaign, let unit, let evidence):
            Self.unitPath(campaign, unit) + "/evidence/\(evidence.uuidString.lowercased())/delete"
        case .surveys(let campaign, let unit): Self.unitPath(campaign, unit) + "/surveys"
        case .survey(let campaign, let unit, let survey): Self.surveyPath(campaign, unit, survey)
        case .openSurvey(let campaign, let unit, let survey): Self.surveyPath(campaign, unit, survey) + "/open"
        case .surveyTokens(let campaign, let unit, let survey): Self.surveyPath(campaign, unit, survey) + "/tokens"
        case .closeSurvey(let campaign, let unit, let survey): Self.surveyPath(campaign, unit, survey) + "/close"
        case .fillFromSurvey(let campaign, let unit, let survey): Self.surveyPath(campaign, unit, survey) + "/fill"
        case .surveyWorkbook(let campaign, let unit, let survey): Self.surveyPath(campaign, unit, survey) + "/results.xlsx"
        default: "/" + pattern.map(\.description).joined(separator: "/")
        }
    }

    /// Who may reach the route at all; the object itself is checked again in the handler.
    enum Access: Hashable, Sendable {
        /// Anyone, signed in or not.
        case anyone
        /// Any signed-in account.
        case signedIn
        /// A signed-in account whose grants carry the action on the object in the URL (or, for
        /// routes without one, somewhere).
        case action(Action)
    }

    /// One registered method and route.
    struct Endpoint: Sendable {
        var method: HTTPMethod
        var route: SiteRoute
        var access: Access
        /// False for the few POSTs that change nothing and are called without a session (the
        /// stateless score calculator); every other state-changing request needs the CSRF token.
        var csrf: Bool = true
    }

    private static let sample = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    /// Every endpoint of the app. Registration and the authorization matrix both read this list.
    static let endpoints: [Endpoint] = [
        Endpoint(method: .GET, route: .home, access: .anyone),
        Endpoint(method: .GET, route: .healthz, access: .anyone),
        Endpoint(method: .GET, route: .scheme(id: ""), access: .anyone),
        Endpoint(method: .GET, route: .apiSchemes, access: .anyone),
        Endpoint(method: .GET, route: .apiScheme(id: ""), access: .anyone),
        Endpoint(method: .POST, route: .apiSchemeAssessments(id: ""), access: .anyone, csrf: false),
        Endpoint(method: .GET, route: .signIn, access: .anyone),
        Endpoint(method: .POST, route: .signIn, access: .anyone),
        Endpoint(method: .POST, route: .signOut, access: .signedIn),
        Endpoint(method: .POST, route: .signOutEverywhere, access: .signedIn),
        Endpoint(method: .GET, route: .account, access: .signedIn),
        Endpoint(method: .GET, route: .changePassword, access: .signedIn),
        Endpoint(method: .POST, route: .changePassword, access: .signedIn),
        Endpoint(method: .POST, route: .apiTokens, access: .signedIn),
        Endpoint(method: .POST, route: .revokeAPIToken(sample), access: .signedIn),
        Endpoint(method: .GET, route: .apiDocument, access: .anyone),
        Endpoint(method: .GET, route: .apiDocumentYAML, access: .anyone),
        Endpoint(method: .POST, route: .accountEmail, access: .signedIn),
        Endpoint(method: .GET, route: .inbox, access: .signedIn),
        Endpoint(method: .GET, route: .organisations, access: .action(.viewOrganisation)),
        Endpoint(method: .GET, route: .organisationPicker, access: .signedIn),
        Endpoint(method: .GET, route: .newRoot, access: .action(.createOrganisation)),
        Endpoint(method: .POST, route: .organisations, access: .action(.createOrganisation)),
        Endpoint(method: .GET, route: .rootImport, access: .action(.importOrganisations)),
        Endpoint(method: .POST, route: .rootImport, access: .action(.importOrganisations)),
        Endpoint(method: .GET, route: .organisation(sample), access: .action(.viewOrganisation)),
        Endpoint(method: .GET, route: .newChild(sample), access: .action(.createOrganisation)),
        Endpoint(method: .POST, route: .organisation(sample), access: .action(.createOrganisation)),
        Endpoint(method: .GET, route: .editOrganisation(sample), access: .action(.editOrganisation)),
        Endpoint(method: .POST, route: .editOrganisation(sample), access: .action(.editOrganisation)),
        Endpoint(method: .GET, route: .moveOrganisation(sample), access: .action(.moveOrganisation)),
        Endpoint(method: .POST, route: .moveOrganisation(sample), access: .action(.moveOrganisation)),
        Endpoint(method: .POST, route: .retireOrganisation(sample), access: .action(.retireOrganisation)),
        Endpoint(method: .POST, route: .restoreOrganisation(sample), access: .action(.restoreOrganisation)),
        Endpoint(method: .GET, route: .importOrganisations(sample), access: .action(.importOrganisations)),
        Endpoint(method: .POST, route: .importOrganisations(sample), access: .action(.importOrganisations)),
        Endpoint(method: .GET, route: .exportOrganisations(sample), access: .action(.exportOrganisations)),
        Endpoint(method: .GET, route: .apiOrganisation(sample), access: .action(.viewOrganisation)),
        Endpoint(method: .GET, route: .users, access: .action(.viewAccounts)),
        Endpoint(method: .POST, route: .users, access: .action(.manageAccounts)),
        Endpoint(method: .GET, route: .newUser, access: .action(.manageAccounts)),
        Endpoint(method: .GET, route: .user(sample), access: .action(.viewAccounts)),
        Endpoint(method: .POST, route: .assignRole(sample), access: .action(.assignRoles)),
        Endpoint(method: .POST, route: .revokeRole(sample, assignment: sample), access: .action(.assignRoles)),
        Endpoint(method: .POST, route: .disableUser(sample), access: .action(.manageAccounts)),
        Endpoint(method: .POST, route: .enableUser(sample), access: .action(.manageAccounts)),
        Endpoint(method: .POST, route: .resetPassword(sample), access: .action(.manageAccounts)),
        Endpoint(method: .POST, route: .userEmail(sample), access: .action(.manageAccounts)),
        Endpoint(method: .GET, route: .audit, access: .action(.viewAudit)),
        Endpoint(method: .GET, route: .auditEntry(0), access: .action(.viewAudit)),
        Endpoint(method: .GET, route: .campaigns, access: .signedIn),
        Endpoint(method: .GET, route: .newCampaign, access: .action(.manageCampaigns)),
        Endpoint(method: .POST, route: .campaigns, access: .action(.manageCampaigns)),
        Endpoint(method: .GET, route: .campaign(sample), access: .signedIn),
        Endpoint(method: .GET, route: .editCampaign(sample), access: .action(.manageCampaigns)),
        Endpoint(method: .POST, route: .editCampaign(sample), access: .action(.manageCampaigns)),
        Endpoint(method: .GET, route: .campaignNotStarted(sample), access: .action(.viewCampaign)),
        Endpoint(method: .POST, route: .campaignExtensions(sample), access: .action(.reopenDeadline)),
        Endpoint(method: .GET, route: .application(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .preApply(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .POST, route: .startSelfAssessment(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .GET, route: .registrationForm(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .registrationForm(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .GET, route: .registrationFormPrint(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .GET, route: .registrationFormDocx(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .fileApplication(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .POST, route: .returnApplication(campaign: sample, unit: sample), access: .action(.returnApplication)),
        Endpoint(method: .GET, route: .endorse(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .endorse(campaign: sample, unit: sample), access: .action(.endorseApplication)),
        Endpoint(method: .GET, route: .reviewQueue, access: .action(.endorseApplication)),
        Endpoint(method: .GET, route: .inspectors(campaign: sample, unit: sample), access: .action(.manageReview)),
        Endpoint(method: .POST, route: .inspectors(campaign: sample, unit: sample), access: .action(.manageReview)),
        Endpoint(method: .POST, route: .withdrawInspector(campaign: sample, unit: sample, inspector: sample), access: .action(.manageReview)),
        Endpoint(method: .GET, route: .myInspections, access: .action(.recordInspection)),
        Endpoint(method: .GET, route: .inspection(campaign: sample, unit: sample), access: .action(.recordInspection)),
        Endpoint(method: .POST, route: .inspection(campaign: sample, unit: sample), access: .action(.recordInspection)),
        Endpoint(method: .POST, route: .inspectionDraft(campaign: sample, unit: sample), access: .action(.recordInspection)),
        Endpoint(method: .GET, route: .conflicts, access: .action(.declareConflict)),
        Endpoint(method: .POST, route: .conflicts, access: .action(.declareConflict)),
        Endpoint(method: .POST, route: .withdrawConflict(sample), access: .action(.declareConflict)),
        Endpoint(method: .GET, route: .spotChecks(campaign: sample), access: .action(.drawSpotCheck)),
        Endpoint(method: .POST, route: .spotChecks(campaign: sample), access: .action(.drawSpotCheck)),
        // A draw's public page and its population: anyone may check the draw.
        Endpoint(method: .GET, route: .spotCheck(sample), access: .anyone),
        Endpoint(method: .GET, route: .spotCheckPopulation(sample), access: .anyone),
        Endpoint(method: .POST, route: .completeInspection(campaign: sample, unit: sample), access: .action(.manageReview)),
        Endpoint(method: .GET, route: .decision(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .decision(campaign: sample, unit: sample), access: .action(.decideTier)),
        Endpoint(method: .GET, route: .results(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .results(campaign: sample, unit: sample), access: .action(.manageReview)),
        Endpoint(method: .POST, route: .answerResultsObjection(campaign: sample, unit: sample, objection: sample), access: .action(.manageReview)),
        Endpoint(method: .POST, route: .nameUnit(campaign: sample, unit: sample), access: .action(.decideTier)),
        Endpoint(method: .GET, route: .certificate(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .GET, route: .campaignResults(sample), access: .action(.manageReview)),
        Endpoint(method: .POST, route: .campaignResults(sample), access: .action(.manageReview)),
        Endpoint(method: .POST, route: .campaignNaming(sample), access: .action(.decideTier)),
        Endpoint(method: .GET, route: .campaignRewards(sample), access: .action(.manageReview)),
        Endpoint(method: .GET, route: .campaignRewardsCSV(sample), access: .action(.manageReview)),
        Endpoint(method: .GET, route: .stars, access: .anyone),
        Endpoint(method: .GET, route: .reReviewRounds(sample), access: .action(.manageReview)),
        Endpoint(method: .POST, route: .reReviewRounds(sample), access: .action(.manageReview)),
        Endpoint(method: .GET, route: .reReviewOutcomes(sample), access: .action(.manageReview)),
        Endpoint(method: .POST, route: .reReviewOutcomes(sample), access: .action(.decideTier)),
        // A round's recorded outcomes with their reasons: 公示原因, for anyone.
        Endpoint(method: .GET, route: .publicReReview(sample), access: .anyone),
        Endpoint(method: .GET, route: .comparison(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .submitSelfCheck(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .GET, route: .chair(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .chair(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .GET, route: .campaignTierHonours(sample), access: .action(.manageReview)),
        Endpoint(method: .GET, route: .campaignTierHonoursCSV(sample), access: .action(.manageReview)),
        Endpoint(method: .GET, route: .honoursCandidates, access: .action(.manageReview)),
        Endpoint(method: .GET, route: .honoursCandidatesCSV, access: .action(.manageReview)),
        Endpoint(method: .GET, route: .applicationRound(campaign: sample, unit: sample, round: 1), access: .action(.viewApplication)),
        Endpoint(method: .GET, route: .congress(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .congress(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .GET, route: .congressMinutes(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .GET, route: .notice(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .notice(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .POST, route: .answerObjection(campaign: sample, unit: sample, objection: sample), access: .action(.workOnApplication)),
        // The unit's notice as anyone reads it; objections need no account but carry the form's token.
        Endpoint(method: .GET, route: .publicNotice(token: ""), access: .anyone),
        Endpoint(method: .GET, route: .publicNoticePrint(token: ""), access: .anyone),
        Endpoint(method: .POST, route: .publicObjections(token: ""), access: .anyone),
        Endpoint(method: .GET, route: .selfAssessment(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .selfAssessment(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .POST, route: .selfAssessmentDraft(campaign: sample, unit: sample), access: .action(.workOnApplication)),
        Endpoint(method: .POST, route: .uploadEvidence(campaign: sample, unit: sample, item: 0), access: .action(.workOnApplication)),
        Endpoint(method: .GET, route: .evidenceFile(campaign: sample, unit: sample, evidence: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .deleteEvidence(campaign: sample, unit: sample, evidence: sample), access: .action(.workOnApplication)),
    ] + surveyEndpoints + apiEndpoints

    /// 会员评家: the unit's pages are the application's readers'; building, publishing, issuing
    /// tokens and closing are `runSurvey`; filling the self-assessment is the union's own work. A
    /// member answers without an account.
    static let surveyEndpoints: [Endpoint] = [
        Endpoint(method: .GET, route: .surveys(campaign: sample, unit: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .surveys(campaign: sample, unit: sample), access: .action(.runSurvey)),
        Endpoint(method: .GET, route: .survey(campaign: sample, unit: sample, survey: sample), access: .action(.viewApplication)),
        Endpoint(method: .POST, route: .openSurvey(campaign: sample, unit: sample, survey: sample), access: .action(.runSurvey)),
        Endpoint(method: .POST, route: .surveyTokens(campaign: sample, unit: sample, survey: sample), access: .action(.runSurvey)),
        Endpoint(method: .POST, route: .closeSurvey(campaign: sample, unit: sample, survey: sample), access: .action(.runSurvey)),
        Endpoint(method: .POST, route: .fillFromSurvey(campaign: sample, unit: sample, survey: sample), access: .action(.workOnApplication)),
        Endpoint(method: .GET, route: .surveyWorkbook(campaign: sample, unit: sample, survey: sample), access: .action(.viewApplication)),
        Endpoint(method: .GET, route: .answerSurvey, access: .anyone),
        Endpoint(method: .POST, route: .answerSurvey, access: .anyone),
        Endpoint(method: .POST, route: .submitSurveyAnswers, access: .anyone),
    ]

    /// The JSON API of the campaign (`ApplicationAPI`): the page's route under `/api`, with the
    /// page's access; a personal API token signs these in, and needs no CSRF token.
    static let apiEndpoints: [Endpoint] = ApplicationAPI.endpoints.map { endpoint in
        Endpoint(method: endpoint.method, route: endpoint.route, access: .action(endpoint.access))
    } + [
        Endpoint(method: .GET, route: .api(.reviewQueue), access: .action(.endorseApplication)),
        Endpoint(method: .GET, route: .api(.myInspections), access: .action(.recordInspection)),
    ]

    /// The endpoint registered for a method and a path pattern such as `orgs/:orgID/edit`.
    static func endpoint(method: HTTPMethod, pattern: String) -> Endpoint? {
        endpoints.first { $0.method == method && $0.route.pattern.map(\.description).joined(separator: "/") == pattern }
    }

    private static func unitPath(_ campaign: UUID, _ unit: UUID) -> String {
        "/campaigns/\(campaign.uuidString.lowercased())/units/\(unit.uuidString.lowercased())"
    }

    private static func surveyPath(_ campaign: UUID, _ unit: UUID, _ survey: UUID) -> String {
        unitPath(campaign, unit) + "/surveys/\(survey.uuidString.lowercased())"
    }

    private static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? ""
    }
}

extension RoutesBuilder {
    /// Registers a handler for a catalogued endpoint.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(_ method: HTTPMethod, _ route: SiteRoute, body: HTTPBodyStreamStrategy = .collect,
                                              use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        precondition(SiteRoute.endpoints.contains { $0.method == method && $0.route.pattern == route.pattern },
                     "\(method) /\(route.pattern.map(\.description).joined(separator: "/")) has no entry in SiteRoute.endpoints")
        return on(method, route.pattern, body: body, use: handler)
    }
}

extension Request {
    /// The `:orgID` of the URL, or "not found" when it is not an id.
    func organisationID() throws -> UUID {
        guard let text = parameters.get("orgID"), let id = UUID(uuidString: text) else { throw AppError.notFound(AppError.nothingHere) }
        return id
    }

    /// The `:campaignID` of the URL, or "not found" when it is not an id.
    func campaignID() throws -> UUID {
        guard let text = parameters.get("campaignID"), let id = UUID(uuidString: text) else { throw AppError.notFound(AppError.nothingHere) }
        return id
    }

    func userID() throws -> UUID {
        guard let text = parameters.get("userID"), let id = UUID(uuidString: text) else { throw AppError.notFound(AppError.nothingHere) }
        return id
    }
}
