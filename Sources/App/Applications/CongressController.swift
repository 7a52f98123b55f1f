import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The congress decision (Rushan: 召开职工（代表）大会或职代会团（组）长会议研究确定申报星级):
/// its page with the scheme's vetoes, recording it with the minutes, and the minutes' download.
struct CongressController: RouteCollection {
    /// The minutes upload: the evidence limit, and room for the form's other fields.
    static let maximumUpload = ByteCount(value: EvidencePolicy.standard.limitBytes + 64 * 1024)

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .congress(campaign: UUID(), unit: UUID()), use: show)
        routes.on(.POST, .congress(campaign: UUID(), unit: UUID()), body: .collect(maxSize: Self.maximumUpload), use: record)
        routes.on(.GET, .congressMinutes(campaign: UUID(), unit: UUID()), use: minutes)
    }

    struct CongressForm: Content {
        var date: String?
        var kind: String?
        var expected: String?
        var present: String?
        var tier: String?
        var version: Int?
        var minutes: File?

        init(date: String? = nil, kind: String? = nil, expected: String? = nil, present: String? = nil, tier: String? = nil,
             version: Int? = nil, minutes: File? = nil) {
            (self.date, self.kind, self.expected, self.present, self.tier, self.version, self.minutes) = (date, kind, expected, present, tier, version, minutes)
        }

        /// The counts as typed on the page, or as JSON numbers from the API.
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(date: try c.decodeIfPresent(String.self, forKey: .date), kind: try c.decodeIfPresent(String.self, forKey: .kind),
                      expected: try c.decodeTextIfPresent(forKey: .expected), present: try c.decodeTextIfPresent(forKey: .present),
                      tier: try c.decodeIfPresent(String.self, forKey: .tier), version: try c.decodeIfPresent(Int.self, forKey: .version),
                      minutes: try c.decodeIfPresent(File.self, forKey: .minutes))
        }
    }

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        return try await req.view.render("congress", try await page(req, context, form: nil, errors: FieldErrors()))
    }

    func page(_ req: Request, _ context: ApplicationContext, form: CongressForm?, errors: FieldErrors, formError: String? = nil) async throws -> CongressPage {
        let t = Translator(req.language)
        let language = req.language
        let scheme = try await NoticePinnedScheme.scheme(context.pin, on: req.db)
        let tiers = NoticePinnedScheme.tiers(scheme, plan: context.plan)
        let application = context.application
        let hits = Set(application.flatMap { try? CampaignStore.decode([String].self, $0.vetoesJSON) } ?? [])
        let vetoes = CongressPage.Vetoes(
            heading: t(Strings.Notice.vetoesHeading), intro: t(Strings.Notice.vetoesIntro),
            items: scheme.vetoes.map { .init(text: NoticePinnedScheme.vetoText($0, language), hit: hits.contains($0.text) || hits.contains($0.id)) },
            none: scheme.vetoes.isEmpty ? t(Strings.Notice.vetoesNone) : nil, hitLabel: t(Strings.Notice.vetoHit))
        var refusal: String?
        var editable = false
        if context.user.can(.workOnApplication, on: context.unit.accessTarget) {
            switch try await ApplicationStore.check(.recordCongressDecision, context, req: req) {
            case .success: editable = true
            case .failure(.wrongState(let state)) where state != .notStarted && state != .preApplied: break
            case .failure(let why): refusal = t(why.message)
            }
        } else if !context.plan.asksCongressDecision {
            refusal = t(WorkflowRefusal.notInThisCampaign(.congressDecision).message)
        }
        var recorded: CongressPage.Recorded?
        var warnings: [String] = []
        if let text = application?.congressJSON, let decision = try? CampaignStore.decode(CongressDecision.self, text) {
            let tier = scheme.tiers.first { $0.id == decision.tier }
            recorded = .init(
                heading: t(Strings.Notice.recordedHeading),
                facts: [
                    .init(label: t(Strings.Notice.heldOn), text: NoticeSupport.day(decision.date, language)),
                    .init(label: t(Strings.Notice.kind), text: t(decision.kind.label)),
                    .init(label: t(Strings.Notice.attendanceLabel), text: t(Strings.Notice.attendance(present: decision.present, expected: decision.expected))),
                    .init(label: t(Strings.Notice.tier), text: tier.map { NoticePinnedScheme.tierName($0, language) } ?? decision.tier),
                ],
                minutes: decision.minutesEvidenceID == nil ? nil
                    : .init(name: t(Strings.Notice.minutes), path: SiteRoute.congressMinutes(campaign: context.campaignID, unit: context.unitID).path))
            warnings = (decision.attendanceWarnings + CongressDecision.warnings(
                selfTotal: application?.selfTotal.flatMap { Points(parsing: $0) }, selfTier: application?.selfTier,
                decidedTier: decision.tier, tiers: scheme.tiers)).map { t($0) }
        }
        var formContext: CongressPage.Form?
        if editable {
            // A correction starts from what was recorded; the minutes stay unless new ones are sent.
            let earlier = application?.congressJSON.flatMap { try? CampaignStore.decode(CongressDecision.self, $0) }
            let chosenTier = form?.tier ?? earlier?.tier ?? application?.aimedTier ?? application?.selfTier ?? ""
            let fields: [FormPage.Field] = [
                .init(name: "date", label: t(Strings.Notice.date), kind: .text, value: form?.date ?? earlier?.date.description ?? req.today.description,
                      required: true),
                .select("kind", t(Strings.Notice.kind), options: CongressDecision.Kind.allCases.map { ($0.rawValue, t($0.label)) },
                        selected: form?.kind ?? earlier?.kind.rawValue ?? CongressDecision.Kind.representativesCongress.rawValue),
                .init(name: "expected", label: t(Strings.Notice.expected), kind: .number, value: form?.expected ?? earlier.map { String($0.expected) } ?? "",
                      required: true),
                .init(name: "present", label: t(Strings.Notice.present), kind: .number, value: form?.present ?? earlier.map { String($0.present) } ?? "",
                      required: true),
                .select("tier", t(Strings.Notice.tier), options: tiers.map { ($0.id, NoticePinnedScheme.tierName($0, language)) }, selected: chosenTier),
                .init(name: "minutes", label: t(Strings.Notice.minutes), kind: .file,
                      hint: t(Strings.Notice.minutesHint(limitMB: EvidencePolicy.standard.limitMB)), required: earlier?.minutesEvidenceID == nil),
            ]
            formContext = .init(action: SiteRoute.congress(campaign: context.campaignID, unit: context.unitID).path,
                                version: application?.version ?? 0, fields: NoticeSupport.withErrors(fields, errors, t),
                                submit: t(earlier == nil ? Strings.Notice.record : Strings.Notice.correct),
                                intro: earlier == nil ? nil : t(Strings.Notice.correctIntro), formError: formError)
        }
        var layout = Layout(request: req, title: t(Strings.Notice.congressHeading) + " · " + context.unit.name)
        layout.notice = NoticeSupport.done(req, t)
        return CongressPage(
            layout: layout, heading: t(Strings.Notice.congressHeading), intro: t(Strings.Notice.congressIntro),
            back: .init(name: t(Strings.Notice.back) + " · " + context.unit.name,
                        path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            facts: NoticeSupport.selfFacts(application, tiers: scheme.tiers, t), vetoes: vetoes, refusal: refusal,
            warnings: warnings, recorded: recorded, form: formContext, csrf: req.csrfToken)
    }

    func record(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let form = try req.content.decode(CongressForm.self)
        do {
            try await Self.record(form, context, req: req)
        } catch let errors as FieldErrors {
            return try await req.render("congress", try await page(req, context, form: form, errors: errors), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.congress(campaign: context.campaignID, unit: context.unitID).path + "?done=congress",
                            redirectType: .normal)
    }

    /// Records (or corrects) the congress decision with its minutes (the page and the API).
    static func record(_ form: CongressForm, _ context: ApplicationContext, req: Request) async throws {
        // The workflow first: a vetoed union or a closed step is refused before anything is stored.
        if case .failure(let refusal) = try await ApplicationStore.check(.recordCongressDecision, context, req: req) {
            throw ApplicationStore.error(refusal)
        }
        let scheme = try await NoticePinnedScheme.scheme(context.pin, on: req.db)
        let tiers = NoticePinnedScheme.tiers(scheme, plan: context.plan)
        // The minutes, judged by content.
        var minutesError: LocalizedText?
        var minutes: (data: Data, type: EvidenceType, name: String)?
        if let file = form.minutes, file.data.readableBytes > 0 {
            let data = Data(buffer: file.data)
            switch EvidencePolicy.standard.check(size: data.count, sniffed: EvidenceType.sniff(data), claimedName: file.filename) {
            case .success(let type): minutes = (data, type, String(file.filename.prefix(200)))
            case .failure(let rejection): minutesError = rejection.message
            }
        }
        let input = CongressDecisionInput(date: form.date ?? "", kind: form.kind ?? "", expected: form.expected ?? "",
                                          present: form.present ?? "", tier: form.tier ?? "")
        let rules = CongressDecision.Rules(today: req.today, year: context.plan.year, earliest: context.plan.dates.opens(.selfCheck),
                                           tiers: tiers.map(\.id))
        let evidenceID = UUID()
        // A correction without new minutes keeps the minutes already attached.
        let earlierMinutes = context.application?.congressJSON
            .flatMap { try? CampaignStore.decode(CongressDecision.self, $0) }?.minutesEvidenceID
        var decision: CongressDecision
        switch input.decision(minutesEvidenceID: minutes == nil ? earlierMinutes : evidenceID.uuidString.lowercased(), rules: rules) {
        case .success(let made) where minutesError == nil:
            decision = made
        case .success:
            var errors = FieldErrors()
            errors.add("minutes", minutesError!)
            throw errors
        case .failure(var errors):
            if let minutesError { errors.add("minutes", minutesError) }
            throw errors
        }
        guard minutes != nil || earlierMinutes != nil else { throw AppError.invalid(field: "minutes", Strings.Notice.minutesRequired) }
        // Content-addressed: a blob left behind by a refused write below is harmless and stored once.
        let blob = try await minutes.asyncMap { try await req.application.evidenceStorage.put($0.data) }
        let actor = req.auditActor
        let uploader = context.user.username
        decision.minutesEvidenceID = minutes == nil ? earlierMinutes : evidenceID.uuidString.lowercased()
        let stored = decision, upload = minutes
        try await ApplicationStore.perform(.recordCongressDecision, context, version: form.version, req: req, subject: context.user.subject,
                                           actor: actor) { application, db in
            application.congressJSON = CampaignStore.encode(stored)
            application.tier = stored.tier
            guard let minutes = upload, let blob else { return }
            let file = EvidenceFileModel()
            file.id = evidenceID
            file.applicationID = application.id!
            file.item = 0
            file.sha256 = blob.sha256
            file.type = minutes.type.rawValue
            file.size = blob.size
            file.name = minutes.name
            file.uploadedBy = uploader
            file.uploadedAt = actor.at
            try await file.create(on: db)
        }
    }

    /// The minutes as recorded, to those who may see the application: served as an attachment
    /// under a safe name, with the type judged at upload.
    func minutes(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        guard let application = context.application, let text = application.congressJSON,
              let decision = try? CampaignStore.decode(CongressDecision.self, text),
              let id = decision.minutesEvidenceID.flatMap(UUID.init(uuidString:)),
              let file = try await EvidenceFileModel.find(id, on: req.db), file.applicationID == application.id,
              let type = EvidenceType(rawValue: file.type),
              let data = try await req.application.evidenceStorage.get(sha256: file.sha256) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type.mimeType)
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "attachment; filename=\"minutes.\(type.fileExtension)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}
