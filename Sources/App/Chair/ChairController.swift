import Foundation
import UnionStarCore
import Vapor

/// The person a chair campaign's application assesses (争当星级基层工会主席): the chair, or the
/// vice-chair presiding over the union's work, with the dates eligibility reads. The union's cadre
/// enters them after the self-assessment starts and before the notice; anyone who may read the
/// application sees them and whether the person is eligible, with the reasons when not.
struct ChairController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .chair(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .chair(campaign: UUID(), unit: UUID()), use: save)
    }

    struct Page: Encodable {
        var layout: Layout
        var heading: String
        var intro: String
        var back: ApplicationPage.Link
        var facts: [ApplicationPage.Fact]
        var eligibilityHeading: String
        var eligible: String?
        var reasons: [String]
        /// The form, when the viewer may change the person now; else why not (for the cadre).
        var form: FormPage?
        var readOnly: String?
    }

    struct Form: Content {
        var name: String?
        var post: String?
        var unionWorkSince: String?
        var tookOfficeOn: String?
        var certificateOn: String?
        var version: Int?
    }

    /// The application's context in a chair campaign; a union campaign has no such page.
    static func context(_ req: Request, for action: Action) async throws -> ApplicationContext {
        let context = try await ApplicationStore.context(req, for: action)
        guard context.plan.campaignSubject == .chair else { throw AppError.notFound(Strings.Chair.notChairCampaign) }
        return context
    }

    func show(req: Request) async throws -> Response {
        let context = try await Self.context(req, for: .viewApplication)
        return try await req.render("chair", try await Self.page(context, req: req, form: nil, errors: FieldErrors()))
    }

    static func page(_ context: ApplicationContext, req: Request, form: Form?, errors: FieldErrors) async throws -> Page {
        let t = Translator(req.language)
        let c = Strings.Chair.self
        let person = ApplicationStore.chairPerson(context.application)
        let reasons = ChairEligibility.reasons(person, asOf: ChairEligibility.asOf(context.plan))
        let works = context.user.can(.workOnApplication, on: context.unit.accessTarget)
        var editable = false
        var readOnly: String?
        if works {
            if ChairEligibility.mayEditPerson(in: context.state, kind: context.plan.campaignKind) {
                switch try await ApplicationStore.check(.saveForm, context, req: req) {
                case .success: editable = true
                case .failure(let refusal): readOnly = t(refusal.message)
                }
            } else {
                readOnly = t(c.notEditable)
            }
        }
        var formPage: FormPage?
        if editable {
            let values = form ?? Form(name: person?.name, post: person?.post.rawValue, unionWorkSince: person?.unionWorkSince.description,
                                      tookOfficeOn: person?.tookOfficeOn.description, certificateOn: person?.certificateOn?.description)
            let fields: [FormPage.Field] = [
                .init(name: "name", label: t(c.field("name")), kind: .text, value: values.name ?? "", required: true),
                .select("post", t(c.field("post")), options: ChairPerson.Post.allCases.map { ($0.rawValue, t($0.label)) },
                        selected: values.post ?? ChairPerson.Post.chair.rawValue),
                .init(name: "unionWorkSince", label: t(c.field("unionWorkSince")), kind: .text, value: values.unionWorkSince ?? "",
                      hint: t(c.dateHint), required: true),
                .init(name: "tookOfficeOn", label: t(c.field("tookOfficeOn")), kind: .text, value: values.tookOfficeOn ?? "",
                      hint: t(c.dateHint), required: true),
                .init(name: "certificateOn", label: t(c.field("certificateOn")), kind: .text, value: values.certificateOn ?? "",
                      hint: t(c.certificateHint)),
                .init(name: "version", label: "", kind: .hidden, value: String(context.application?.version ?? 0)),
            ]
            formPage = FormPage(request: req, title: t(c.edit), action: SiteRoute.chair(campaign: context.campaignID, unit: context.unitID).path,
                                fields: fields, submit: t(Strings.Common.save), errors: errors)
        }
        var layout = Layout(request: req, title: t(c.heading) + " · " + context.unit.name)
        if (try? req.query.get(String.self, at: "done")) == "saved" { layout.notice = t(c.saved) }
        return Page(
            layout: layout, heading: t(c.heading) + " · " + context.unit.name, intro: t(c.intro),
            back: .init(name: context.unit.name, path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            facts: person.map { Self.facts($0, t) } ?? [],
            eligibilityHeading: t(c.eligibilityHeading),
            eligible: reasons.isEmpty ? t(c.eligible) : nil, reasons: reasons.map { t($0.message) },
            form: formPage, readOnly: readOnly)
    }

    static func facts(_ person: ChairPerson, _ t: Translator) -> [ApplicationPage.Fact] {
        let c = Strings.Chair.self
        return [
            .init(label: t(c.field("name")), text: person.name),
            .init(label: t(c.field("post")), text: t(person.post.label)),
            .init(label: t(c.field("unionWorkSince")), text: person.unionWorkSince.description),
            .init(label: t(c.field("tookOfficeOn")), text: person.tookOfficeOn.description),
            .init(label: t(c.field("certificateOn")), text: person.certificateOn?.description ?? "—"),
        ]
    }

    func save(req: Request) async throws -> Response {
        let context = try await Self.context(req, for: .workOnApplication)
        let form = try req.content.decode(Form.self)
        guard ChairEligibility.mayEditPerson(in: context.state, kind: context.plan.campaignKind) else { throw AppError.conflict(Strings.Chair.notEditable) }
        let person: ChairPerson
        switch ChairPerson.parse(name: form.name, post: form.post, unionWorkSince: form.unionWorkSince, tookOfficeOn: form.tookOfficeOn,
                                 certificateOn: form.certificateOn, today: req.today) {
        case .success(let parsed): person = parsed
        case .failure(let errors):
            return try await req.render("chair", try await Self.page(context, req: req, form: form, errors: errors), status: .unprocessableEntity)
        }
        let json = CampaignStore.encode(person)
        // The 申报登记表's window and states bound the person too; only before the notice (checked
        // again inside the write gate, where the state cannot move underneath).
        try await ApplicationStore.perform(.saveForm, context, version: form.version, req: req, subject: context.user.subject,
                                           actor: req.auditActor, auditAction: "application.saveChair") { application, _ in
            guard ChairEligibility.mayEditPerson(in: ApplicationState(rawValue: application.state) ?? .notStarted, kind: context.plan.campaignKind) else {
                throw AppError.conflict(Strings.Chair.notEditable)
            }
            application.chairJSON = json
        }
        return req.redirect(to: SiteRoute.chair(campaign: context.campaignID, unit: context.unitID).path + "?done=saved", redirectType: .normal)
    }
}
