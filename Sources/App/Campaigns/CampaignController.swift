import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Campaigns: the list, opening one, its progress page with the units not yet started (and as
/// CSV), and staff reopening a step for a named unit.
struct CampaignController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .campaigns, use: index)
        routes.on(.GET, .newCampaign, use: newForm)
        routes.on(.POST, .campaigns, use: create)
        routes.on(.GET, .campaign(UUID()), use: show)
        routes.on(.GET, .editCampaign(UUID()), use: editForm)
        routes.on(.POST, .editCampaign(UUID()), use: update)
        routes.on(.GET, .campaignNotStarted(UUID()), use: notStartedCSV)
        routes.on(.POST, .campaignExtensions(UUID()), use: reopen)
    }

    /// Whether the user sees the campaign: staff and reviewers within its subtree see progress;
    /// anyone whose role lies inside it (a union's cadre) sees it as their unit's campaign.
    static func visible(_ campaign: CampaignModel, to user: CurrentUser) -> Bool {
        guard let owner = TreePath(text: campaign.ownerPath) else { return false }
        return user.grants.contains { grant in
            guard let scope = grant.scope else { return true }
            return owner.contains(scope) || scope.contains(owner)
        }
    }

    static func campaign(_ req: Request) async throws -> (CampaignModel, CampaignPlan, CurrentUser) {
        let user = try req.requireUser()
        guard let campaign = try await CampaignModel.find(try req.campaignID(), on: req.db), Self.visible(campaign, to: user) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        return (campaign, try CampaignStore.plan(of: campaign), user)
    }

    func index(req: Request) async throws -> View {
        let user = try req.requireUser()
        let t = Translator(req.language)
        let campaigns = try await CampaignModel.query(on: req.db).sort(\.$year, .descending).sort(\.$title).all()
            .filter { Self.visible($0, to: user) }
        return try await req.view.render("campaigns", CampaignListPage(
            layout: Layout(request: req, title: t(Strings.CampaignPages.heading)), heading: t(Strings.CampaignPages.heading),
            campaigns: campaigns.map { .init(title: $0.title, year: $0.year, path: SiteRoute.campaign($0.id!).path,
                                             subject: t(Strings.Chair.subject(Scheme.Subject(rawValue: $0.subject) ?? .union))) },
            newPath: user.canSomewhere(.manageCampaigns) ? SiteRoute.newCampaign.path : nil,
            newLabel: t(Strings.CampaignPages.open), empty: t(Strings.CampaignPages.none),
            newChairPath: user.canSomewhere(.manageCampaigns) ? SiteRoute.newCampaign.path + "?subject=chair" : nil,
            newChairLabel: t(Strings.CampaignPages.open) + " · " + t(Strings.Chair.subject(.chair)),
            honours: user.canSomewhere(.manageReview) ? .init(name: t(Strings.Honours.link), path: SiteRoute.honoursCandidates.path) : nil))
    }

    // MARK: Opening

    /// The federations where the user may open a campaign.
    static func owners(_ req: Request, user: CurrentUser) async throws -> [OrganisationModel] {
        let levels = [OrganisationLevel.county.rawValue, OrganisationLevel.prefecture.rawValue]
        var query = OrganisationModel.query(on: req.db).filter(\.$level ~~ levels).filter(\.$retiredAt == nil)
        switch user.reach(.manageCampaigns) {
        case .nowhere: return []
        case .everywhere: break
        case .within(let tops): query = query.filter(\.$id ~~ tops.compactMap { $0.ids.last.flatMap(UUID.init(uuidString:)) })
        }
        return try await query.sort(\.$name).all()
    }

    func formPage(_ req: Request, user: CurrentUser, form: CampaignForm, errors: FieldErrors, editing: CampaignModel? = nil,
                  formError: String? = nil) async throws -> FormPage {
        let t = Translator(req.language)
        let owners: [OrganisationModel]
        if let editing {
            owners = try await OrganisationModel.find(editing.ownerID, on: req.db).map { [$0] } ?? []
        } else {
            owners = try await Self.owners(req, user: user)
        }
        // Only the schemes that rate the campaign's subject are offered (a chair campaign: chair schemes).
        let schemes = req.catalogue.schemes.filter { $0.subject == form.chosenSubject }
        var fields: [FormPage.Field] = [
            editing == nil
                ? .select("subject", t(Strings.Chair.subjectField), options: [Scheme.Subject.union, .chair].map { ($0.rawValue, t(Strings.Chair.subject($0))) },
                          selected: form.chosenSubject.rawValue)
                : .init(name: "subject", label: "", kind: .hidden, value: form.chosenSubject.rawValue),
            .select("owner", t(Strings.CampaignPages.owner), options: owners.map { ($0.id!.uuidString.lowercased(), $0.name) },
                    selected: form.owner ?? owners.first?.id?.uuidString.lowercased() ?? ""),
            .init(name: "year", label: t(Strings.CampaignPages.year), kind: .number, value: form.year ?? "", required: true),
            .init(name: "title", label: t(Strings.CampaignPages.title), kind: .text, value: form.title ?? "",
                  hint: t(Strings.CampaignPages.titleHint), required: true),
        ]
        for kind in UnionKind.allCases {
            let options = [("", t(Strings.CampaignPages.kindNotRated))]
                + schemes.filter { $0.appliesTo.contains(kind.rawValue) }.map { ($0.id, req.language == .zh ? $0.title : ($0.titleEn ?? $0.title)) }
            fields.append(.select("scheme_\(kind.rawValue)", t(Strings.CampaignPages.schemeFor(kind.label)), options: options,
                                  selected: form.schemes[kind.rawValue] ?? "", required: false))
        }
        var tierNames: [(String, String)] = []
        for tier in schemes.flatMap(\.tiers) where !tierNames.contains(where: { $0.0 == tier.id }) {
            tierNames.append((tier.id, req.language == .zh ? tier.name : (tier.nameEn ?? tier.name)))
        }
        for (id, name) in tierNames {
            fields.append(.init(name: "tier_\(id)", label: t(Strings.CampaignPages.tierOnOffer(name)), kind: .checkbox,
                                checked: form.submitted ? form.tiers.contains(id) : true))
        }
        if let error = errors["tiers"] { fields[fields.count - 1].error = t(error) }
        let dateHint = t(Strings.CampaignPages.dateHint)
        for (name, value) in [("preApplicationFrom", form.preApplicationFrom), ("preApplicationBy", form.preApplicationBy),
                              ("selfCheckFrom", form.selfCheckFrom), ("selfCheckBy", form.selfCheckBy), ("congressBy", form.congressBy),
                              ("applyBy", form.applyBy), ("inspectionFrom", form.inspectionFrom), ("inspectionBy", form.inspectionBy),
                              ("recommendBy", form.recommendBy)] {
            fields.append(.init(name: name, label: t(Strings.Campaign.dateField(name)), kind: .text, value: value ?? "", hint: dateHint))
        }
        fields.append(.init(name: "noticeWorkingDays", label: t(Strings.CampaignPages.noticeDays), kind: .number,
                            value: form.noticeWorkingDays ?? "", hint: t(Strings.CampaignPages.defaultHint)))
        fields.append(.init(name: "resultsNoticeWorkingDays", label: t(Strings.CampaignPages.resultsNoticeDays), kind: .number,
                            value: form.resultsNoticeWorkingDays ?? "", hint: t(Strings.CampaignPages.defaultHint)))
        fields.append(.init(name: "target", label: t(Strings.CampaignPages.target), kind: .text, value: form.target ?? "",
                            hint: t(Strings.CampaignPages.defaultHint)))
        if let editing {
            fields.append(.init(name: "version", label: "", kind: .hidden, value: String(form.version ?? editing.version)))
            return FormPage(request: req, title: t(Strings.CampaignPages.edit(editing.title)), intro: t(Strings.CampaignPages.editIntro),
                            action: SiteRoute.editCampaign(editing.id!).path, fields: fields, submit: t(Strings.Common.save), errors: errors,
                            formError: formError, cancelPath: SiteRoute.campaign(editing.id!).path)
        }
        return FormPage(request: req, title: t(Strings.CampaignPages.open), intro: t(Strings.CampaignPages.openIntro),
                        action: SiteRoute.campaigns.path, fields: fields, submit: t(Strings.CampaignPages.openSubmit), errors: errors,
                        cancelPath: SiteRoute.campaigns.path)
    }

    func newForm(req: Request) async throws -> Response {
        let user = try req.authorizeSomewhere(.manageCampaigns)
        var form = CampaignForm()
        form.subject = try? req.query.get(String.self, at: "subject")
        return try await req.render("form", formPage(req, user: user, form: form, errors: FieldErrors()))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorizeSomewhere(.manageCampaigns)
        let form = try CampaignForm.read(req)
        let owners = try await Self.owners(req, user: user)
        guard let owner = owners.first(where: { $0.id?.uuidString.lowercased() == form.owner?.lowercased() }),
              user.can(.manageCampaigns, on: owner.accessTarget) else {
            var errors = FieldErrors()
            errors.add("owner", Strings.CampaignPages.ownerInvalid)
            return try await req.render("form", formPage(req, user: user, form: form, errors: errors), status: .unprocessableEntity)
        }
        var (plan, errors) = form.plan(catalogue: req.catalogue, owner: owner.treePath)
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors.add("title", Strings.CampaignPages.titleRequired) }
        guard let validPlan = plan, errors.isEmpty else {
            return try await req.render("form", formPage(req, user: user, form: form, errors: errors), status: .unprocessableEntity)
        }
        plan = validPlan
        var texts: [String: CampaignStore.SchemeSourceText] = [:]
        for pin in validPlan.schemes.values {
            if let source = req.catalogue.pin(pin.schemeID) {
                texts[pin.contentHash] = .init(schemeID: pin.schemeID, version: pin.version, text: source.text)
            }
        }
        let actor = req.auditActor
        let sendableTexts = texts
        do {
            let id = try await req.writes.perform { db in
                try await CampaignStore.create(title: title, owner: owner, plan: validPlan, texts: sendableTexts, actor: actor, on: db)
            }
            return req.redirect(to: SiteRoute.campaign(id).path + "?done=created", redirectType: .normal)
        } catch CampaignStore.ChangeError.invalid(let e) {
            return try await req.render("form", formPage(req, user: user, form: form, errors: e), status: .unprocessableEntity)
        }
    }

    // MARK: Editing

    /// The campaign for staff who may manage it at its federation.
    static func managed(_ req: Request) async throws -> (CampaignModel, CampaignPlan, CurrentUser, OrganisationModel) {
        let (campaign, plan, user) = try await campaign(req)
        guard let owner = try await OrganisationModel.find(campaign.ownerID, on: req.db) else { throw AppError.notFound(AppError.nothingHere) }
        let decision = user.decide(.manageCampaigns, on: owner.accessTarget)
        guard decision.isAllowed else { throw AppError.refused(decision) }
        return (campaign, plan, user, owner)
    }

    func editForm(req: Request) async throws -> Response {
        let (campaign, plan, user, _) = try await Self.managed(req)
        return try await req.render("form", formPage(req, user: user, form: CampaignForm(campaign: campaign, plan: plan), errors: FieldErrors(),
                                                     editing: campaign))
    }

    /// Dates, target, tiers and title can change while the campaign runs; the schemes and the year
    /// cannot once any unit has started (its answers are scored against the pinned text).
    func update(req: Request) async throws -> Response {
        let (campaign, oldPlan, user, owner) = try await Self.managed(req)
        var form = try CampaignForm.read(req)
        form.owner = owner.id!.uuidString.lowercased()
        form.subject = oldPlan.campaignSubject.rawValue
        let t = Translator(req.language)
        var (plan, errors) = form.plan(catalogue: req.catalogue, owner: owner.treePath)
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors.add("title", Strings.CampaignPages.titleRequired) }
        let started = try await ApplicationModel.query(on: req.db).filter(\.$campaignID == campaign.id!).count() > 0
        if let new = plan, started {
            if new.year != oldPlan.year { errors.add("year", Strings.CampaignPages.fixedOnceStarted) }
            for kind in UnionKind.allCases where new.schemes[kind]?.schemeID != oldPlan.schemes[kind]?.schemeID {
                errors.add("scheme_\(kind.rawValue)", Strings.CampaignPages.fixedOnceStarted)
            }
            // Keep the pins the units started on, even if the file changed since.
            plan?.schemes = oldPlan.schemes
        }
        guard let validPlan = plan, errors.isEmpty else {
            return try await req.render("form", formPage(req, user: user, form: form, errors: errors, editing: campaign), status: .unprocessableEntity)
        }
        var texts: [String: CampaignStore.SchemeSourceText] = [:]
        for pin in validPlan.schemes.values where pin.contentHash != oldPlan.schemes.values.first(where: { $0.schemeID == pin.schemeID })?.contentHash {
            if let source = req.catalogue.pin(pin.schemeID) {
                texts[pin.contentHash] = .init(schemeID: pin.schemeID, version: pin.version, text: source.text)
            }
        }
        let actor = req.auditActor
        let id = campaign.id!, version = form.version ?? -1, sendableTexts = texts, ownerName = owner.name
        do {
            try await req.writes.perform { db in
                try await CampaignStore.update(id, version: version, title: title, plan: validPlan, texts: sendableTexts, ownerName: ownerName,
                                               actor: actor, on: db)
            }
        } catch CampaignStore.ChangeError.stale {
            let fresh = try await CampaignModel.find(id, on: req.db) ?? campaign
            return try await req.render("form", formPage(req, user: user, form: form, errors: FieldErrors(), editing: fresh,
                                                         formError: t(Strings.CampaignPages.stale)), status: .conflict)
        }
        return req.redirect(to: SiteRoute.campaign(id).path + "?done=saved", redirectType: .normal)
    }

    // MARK: Progress

    /// The node whose subtree the viewer sees the campaign for: the campaign's owner when their
    /// reach covers it, else the outermost node of their reach inside it.
    static func viewTop(_ campaign: CampaignModel, user: CurrentUser) -> TreePath? {
        guard let owner = TreePath(text: campaign.ownerPath) else { return nil }
        switch user.reach(.viewCampaign) {
        case .nowhere: return nil
        case .everywhere: return owner
        case .within(let tops):
            if tops.contains(where: { $0.contains(owner) }) { return owner }
            return tops.first { owner.contains($0) }
        }
    }

    /// Re-review and self-check: opened beside an award campaign by the staff who run it whole; a
    /// re-review round links its outcomes and their public page.
    static func roundLinks(_ campaign: CampaignModel, plan: CampaignPlan, user: CurrentUser, _ t: Translator) -> [CampaignPage.Link] {
        let runs = CampaignResultsController.tops(campaign, user: user, action: .manageReview) == [plan.owner]
        switch plan.campaignKind {
        case .award:
            return runs ? [.init(name: t(Strings.ReReviews.roundsLink), path: SiteRoute.reReviewRounds(campaign.id!).path)] : []
        case .reReview:
            return (runs ? [CampaignPage.Link(name: t(Strings.ReReviews.outcomesHeading), path: SiteRoute.reReviewOutcomes(campaign.id!).path)] : [])
                + [.init(name: t(Strings.ReReviews.publicPage), path: SiteRoute.publicReReview(campaign.id!).path)]
        case .selfCheck:
            return []
        }
    }

    func show(req: Request) async throws -> View {
        let (campaign, plan, user) = try await Self.campaign(req)
        let t = Translator(req.language)
        let store = OrganisationStore(database: req.db)
        var progress: CampaignPage.Progress?
        var round: CampaignPage.RoundProgress?
        let kind = plan.campaignKind
        if let top = Self.viewTop(campaign, user: user), let topID = top.ids.last.flatMap(UUID.init(uuidString:)) {
            let units = try await CampaignStore.units(in: campaign.id!, under: top, on: req.db)
            let scopeName = try await store.nodes(on: top).last?.name ?? ""
            if kind != .award {
                // A round takes those named: its units by state, without a participation rate.
                let taken = units.filter { $0.applicationState != .notStarted }
                round = .init(
                    scopeName: scopeName,
                    states: kind.states.map { state in .init(label: t(state.label), count: taken.filter { $0.applicationState == state }.count) },
                    units: taken.map { .init(name: $0.name, path: SiteRoute.application(campaign: campaign.id!, unit: $0.id).path,
                                             state: t($0.applicationState.label)) })
            } else {
                progress = try await Self.progress(campaign, plan: plan, top: top, topID: topID, scopeName: scopeName, units: units, t, on: req.db)
            }
        }
        // The user's own units (a cadre): the link to each one's application.
        let ownUnits = try await OrganisationModel.query(on: req.db)
            .filter(\.$id ~~ user.grants.filter { $0.role == .unionCadre }.compactMap { $0.scope?.ids.last.flatMap(UUID.init(uuidString:)) })
            .all()
            .filter { TreePath(text: campaign.ownerPath)?.contains($0.treePath) == true }
        return try await req.view.render("campaign", CampaignPage(
            layout: Layout(request: req, title: campaign.title), heading: campaign.title,
            schemes: UnionKind.allCases.compactMap { kind in
                plan.schemes[kind].map { pin in
                    .init(label: t(kind.label), scheme: req.catalogue.scheme(pin.schemeID).map { req.language == .zh ? $0.title : ($0.titleEn ?? $0.title) } ?? pin.schemeID,
                          path: SiteRoute.scheme(id: pin.schemeID).path, pin: "v\(pin.version) · \(pin.contentHash.prefix(12))")
                }
            },
            dates: kind.steps.compactMap { step in
                let opens = plan.dates.opens(step), closes = plan.dates.closes(step)
                let text: String? = switch step {
                case .unitNotice: t(Strings.CampaignPages.workingDays(plan.dates.noticeWorkingDays))
                case .resultsNotice: plan.dates.resultsNoticeWorkingDays.map { t(Strings.CampaignPages.workingDays($0)) }
                case .preApplication where plan.dates.preApplication == nil: nil
                case .congressDecision where plan.dates.congressBy == nil: nil
                default: t(Strings.CampaignPages.window(from: opens, by: closes))
                }
                return text.map { .init(label: t(step.label), text: $0) }
            }.prepending(.init(label: t(Strings.Chair.subjectField), text: t(Strings.Chair.subject(plan.campaignSubject)))),
            tiers: kind != .award ? nil : plan.tiersOnOffer.map { id in
                req.catalogue.schemes.lazy.flatMap(\.tiers).first { $0.id == id }.map { req.language == .zh ? $0.name : ($0.nameEn ?? $0.name) } ?? id
            }.joined(separator: t(Strings.Common.listSeparator)),
            target: kind != .award ? nil : plan.participationTarget.map { "\($0)%" },
            progress: progress, round: round,
            editPath: user.can(.manageCampaigns, on: .organisation(TreePath(text: campaign.ownerPath) ?? .root)) ? SiteRoute.editCampaign(campaign.id!).path : nil,
            results: CampaignResultsController.tops(campaign, user: user, action: .manageReview).isEmpty || plan.campaignKind != .award ? nil
                : .init(name: t(Strings.Results.link), path: SiteRoute.campaignResults(campaign.id!).path),
            rounds: Self.roundLinks(campaign, plan: plan, user: user, t),
            spotChecks: user.can(.drawSpotCheck, on: .organisation(TreePath(text: campaign.ownerPath) ?? .root))
                ? .init(name: t(Strings.SpotChecks.link), path: SiteRoute.spotChecks(campaign: campaign.id!).path) : nil,
            ownUnits: ownUnits.map { .init(name: $0.name, path: SiteRoute.application(campaign: campaign.id!, unit: $0.id!).path) },
            labels: .init(t)))
    }

    /// An award campaign's participation under `top`: by state, by the groups below it, and the
    /// units not started.
    static func progress(_ campaign: CampaignModel, plan: CampaignPlan, top: TreePath, topID: UUID, scopeName: String,
                         units: [CampaignStore.UnitRow], _ t: Translator, on db: any Database) async throws -> CampaignPage.Progress {
        let children = try await OrganisationModel.query(on: db).filter(\.$parentID == topID).sort(\.$name).all()
        let computed = CampaignProgress.compute(
            units: units.map { .init(id: $0.id.uuidString.lowercased(), path: TreePath(text: $0.path) ?? .root, state: $0.applicationState) },
            top: top, groups: children.map { $0.id!.uuidString.lowercased() }, target: plan.participationTarget)
        let names = Dictionary(uniqueKeysWithValues: children.map { ($0.id!.uuidString.lowercased(), $0.name) })
        let notStarted = units.filter { $0.applicationState == .notStarted }
        return CampaignPage.Progress(
            scopeName: scopeName,
            states: plan.campaignKind.states.map { .init(label: t($0.label), count: computed.byState[$0] ?? 0) },
            summary: t(Strings.CampaignPages.participation(part: computed.takingPart, of: computed.units, rate: computed.rate,
                                                            target: plan.participationTarget)),
            groups: computed.groups.map { group in
                .init(name: names[group.id] ?? "", line: t(Strings.CampaignPages.groupLine(part: group.takingPart, of: group.units)),
                      percent: group.rate.map { Self.percent($0) } ?? 0, rate: group.rate.map { "\($0)%" } ?? "—",
                      meets: group.meetsTarget ?? false)
            },
            target: plan.participationTarget.map { Self.percent($0) },
            notStarted: notStarted.prefix(200).map { .init(name: $0.name, path: SiteRoute.application(campaign: campaign.id!, unit: $0.id).path) },
            notStartedMore: notStarted.count > 200 ? t(Strings.CampaignPages.more(notStarted.count - 200)) : nil,
            csvPath: SiteRoute.campaignNotStarted(campaign.id!).path)
    }

    static func percent(_ rate: Points) -> Int { Int(rate.raw / Points.scale) }

    func notStartedCSV(req: Request) async throws -> Response {
        let (campaign, _, user) = try await Self.campaign(req)
        guard let top = Self.viewTop(campaign, user: user) else { throw AppError.notFound(AppError.nothingHere) }
        let units = try await CampaignStore.units(in: campaign.id!, under: top, on: req.db).filter { $0.applicationState == .notStarted }
        let names = try await OrganisationStore(database: req.db).names(on: units.compactMap { TreePath(text: $0.path) })
        let t = Translator(req.language)
        var lines = [[t(Strings.CampaignPages.csvUnit), t(Strings.CampaignPages.csvPlace), t(Strings.CampaignPages.csvChair),
                      t(Strings.CampaignPages.csvPhone)]]
        for unit in units {
            let path = TreePath(text: unit.path) ?? .root
            lines.append([unit.name, OrganisationStore.namePath(TreePath(ids: Array(path.ids.dropLast())), names), unit.chair, unit.phone])
        }
        let body = "\u{FEFF}" + lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Self.csv(Data(body.utf8), filename: "not-started-\(campaign.year).csv")
    }

    /// One CSV field, quoted when it must be; a leading formula character is neutralised so a
    /// spreadsheet does not run a unit's name as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A spreadsheet to download.
    static func csv(_ data: Data, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }

    // MARK: Reopening a step for one unit

    struct ReopenForm: Content {
        var unit: String?
        var step: String?
        var until: String?
        var reason: String?
    }

    func reopen(req: Request) async throws -> Response {
        let (campaign, plan, user) = try await Self.campaign(req)
        let form = try req.content.decode(ReopenForm.self)
        guard let unitID = form.unit.flatMap(UUID.init(uuidString:)), let unit = try await OrganisationModel.find(unitID, on: req.db),
              TreePath(text: campaign.ownerPath)?.contains(unit.treePath) == true else {
            throw AppError.invalid(field: "unit", Strings.CampaignPages.reopenUnitInvalid)
        }
        let decision = user.decide(.reopenDeadline, on: unit.accessTarget)
        guard decision.isAllowed else { throw AppError.refused(decision) }
        guard let step = form.step.flatMap(CampaignStep.init(rawValue:)) else { throw AppError.invalid(field: "step", Strings.CampaignPages.reopenStepInvalid) }
        guard let until = form.until.flatMap({ CalendarDate(parsing: $0.trimmingCharacters(in: .whitespaces)) }), until.year == plan.year || until.year == plan.year + 1,
              until >= req.today else {
            throw AppError.invalid(field: "until", Strings.CampaignPages.reopenUntilInvalid)
        }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { throw AppError.invalid(field: "reason", Strings.CampaignPages.reopenReasonRequired) }
        let actor = req.auditActor
        let campaignID = campaign.id!
        try await req.writes.perform { db in
            let row = DeadlineExtensionModel()
            row.campaignID = campaignID
            row.unitID = unitID
            row.step = step.rawValue
            row.until = until.description
            row.reason = reason
            row.grantedBy = actor.name
            row.grantedAt = actor.at
            try await row.create(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "campaign.reopen", entityType: "organisation",
                                                  entityID: unitID.uuidString.lowercased(), scope: unit.path, before: AuditDraft.nothing,
                                                  after: DeadlineExtension(step: step, until: until, reason: reason))], on: db)
        }
        return req.redirect(to: SiteRoute.application(campaign: campaignID, unit: unitID).path + "?done=reopened", redirectType: .normal)
    }
}
