import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The organisation tree: browse within one's scope; staff create, edit, move, retire and restore.
struct OrganisationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .organisations, use: index)
        routes.on(.GET, .newRoot, use: newRoot)
        routes.on(.POST, .organisations, use: createRoot)
        routes.on(.GET, .organisation(UUID()), use: show)
        routes.on(.GET, .newChild(UUID()), use: newChild)
        routes.on(.POST, .organisation(UUID()), use: createChild)
        routes.on(.GET, .editOrganisation(UUID()), use: edit)
        routes.on(.POST, .editOrganisation(UUID()), use: update)
        routes.on(.GET, .moveOrganisation(UUID()), use: moveForm)
        routes.on(.POST, .moveOrganisation(UUID()), use: move)
        routes.on(.POST, .retireOrganisation(UUID()), use: retire)
        routes.on(.POST, .restoreOrganisation(UUID()), use: restore)
        routes.on(.GET, .apiOrganisation(UUID()), use: api)
    }

    /// The node in the URL, if the user may do `action` on it; "not found" otherwise, the same
    /// answer as for an id that does not exist.
    static func organisation(_ req: Request, for action: Action) async throws -> (OrganisationModel, CurrentUser) {
        let user = try req.requireUser()
        let id = try req.organisationID()
        guard let org = try await OrganisationModel.find(id, on: req.db) else { throw AppError.notFound(AppError.nothingHere) }
        let decision = user.decide(action, on: org.accessTarget)
        guard decision.isAllowed else { throw AppError.refused(decision) }
        return (org, user)
    }

    // MARK: Browsing

    func index(req: Request) async throws -> View {
        let user = try req.authorizeSomewhere(.viewOrganisation)
        let t = Translator(req.language)
        let roots = try await OrganisationStore(database: req.db).visibleRoots(user.reach(.viewOrganisation))
        let global = user.can(.createOrganisation, on: .top)
        let globalImport = user.can(.importOrganisations, on: .top)
        return try await req.view.render("orgs", OrganisationListPage(
            layout: Layout(request: req, title: t(Strings.Organisations.heading)),
            heading: t(Strings.Organisations.heading),
            intro: t(Strings.Organisations.listIntro),
            rows: roots.map { OrganisationRow($0, t) },
            newRootPath: global ? SiteRoute.newRoot.path : nil, newRootLabel: t(Strings.Organisations.newPrefectureFederation),
            importPath: globalImport ? SiteRoute.rootImport.path : nil, importLabel: t(Strings.Organisations.importFromSpreadsheet),
            empty: t(Strings.Organisations.noUnitsYet)))
    }

    /// A node's page: the node, its ancestors and a page of its children are read in one query;
    /// nothing of them is shown unless the user may view the node.
    func show(req: Request) async throws -> View {
        let user = try req.requireUser()
        let id = try req.organisationID()
        let page = Pager.page(req.queryValue("page", as: Int.self))
        guard let found = try await OrganisationStore(database: req.db)
            .nodeWithAncestorsAndChildren(id, page: page, size: OrganisationPage.childrenPageSize) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let decision = user.decide(.viewOrganisation, on: found.node.accessTarget)
        guard decision.isAllowed else { throw AppError.refused(decision) }
        let stars = found.node.profile.level == .grassroots ? try await Self.stars(of: id, req: req) : []
        let content = OrganisationPage(request: req, org: found.node, user: user, ancestors: found.ancestors,
                                       children: found.children, page: page, more: found.more, stars: stars)
        return try await req.view.render("prerendered", PrerenderedPage(layout: content.layout, body: content.body))
    }

    /// The tiers a union was named, newest campaign first: "三星级（2020年度，乳山市总工会命名）".
    static func stars(of unitID: UUID, req: Request) async throws -> [String] {
        let t = Translator(req.language)
        let named = try await ApplicationModel.query(on: req.db).filter(\.$unitID == unitID)
            .filter(\.$state == ApplicationState.named.rawValue).all()
        guard !named.isEmpty else { return [] }
        let campaigns = try await CampaignModel.query(on: req.db).filter(\.$id ~~ named.map(\.campaignID)).all()
        var lines: [(year: Int, text: String)] = []
        for application in named {
            guard let campaign = campaigns.first(where: { $0.id == application.campaignID }), let plan = try? CampaignStore.plan(of: campaign),
                  let pin = plan.schemes.values.first(where: { $0.contentHash == application.schemeHash }) else { continue }
            let tiers = try await NoticePinnedScheme.scheme(pin, on: req.db).tiers
            guard let tier = tiers.first(where: { $0.id == application.decidedTier }) else { continue }
            lines.append((plan.year, t(Strings.Stars.held(tier: tier.label, year: plan.year, by: application.namedIssuer ?? ""))))
        }
        return lines.sorted { $0.year > $1.year }.map(\.text)
    }

    struct OrganisationDTO: Content {
        var id: UUID
        var parentID: UUID?
        var name: String
        var level: String
        var kind: String?
        var creditCode: String?
        var members: Int
        var employees: Int
        var chair: String
        var phone: String
        var address: String
        var companyForm: Bool
        var retired: Bool
        var version: Int
    }

    func api(req: Request) async throws -> OrganisationDTO {
        let (org, _) = try await Self.organisation(req, for: .viewOrganisation)
        return OrganisationDTO(id: org.id!, parentID: org.parentID, name: org.name, level: org.level, kind: org.kind,
                               creditCode: org.creditCode, members: org.members, employees: org.employees, chair: org.chair,
                               phone: org.phone, address: org.address, companyForm: org.companyForm,
                               retired: org.retiredAt != nil, version: org.version)
    }

    // MARK: Creating

    struct ProfileForm: Content {
        var name: String?
        var level: String?
        var kind: String?
        var creditCode: String?
        var members: String?
        var employees: String?
        var chair: String?
        var phone: String?
        var address: String?
        var companyForm: String?
        var version: Int?

        /// The typed profile and the errors of fields that do not even parse.
        func profile(level fixed: OrganisationLevel? = nil) -> (OrganisationProfile, FieldErrors) {
            var errors = FieldErrors()
            func count(_ text: String?, _ field: String, _ label: LocalizedText) -> Int {
                let t = (text ?? "").trimmingCharacters(in: .whitespaces)
                if t.isEmpty { return 0 }
                guard let n = Int(t) else {
                    errors.add(field, Strings.Organisations.Problems.notWholeNumber(label))
                    return 0
                }
                return n
            }
            let level = fixed ?? OrganisationLevel(rawValue: self.level ?? "")
            if level == nil { errors.add("level", Strings.Organisations.Problems.chooseLevel) }
            let kindText = (kind ?? "").trimmingCharacters(in: .whitespaces)
            let profile = OrganisationProfile(
                name: name ?? "", level: level ?? .grassroots, kind: kindText.isEmpty ? nil : UnionKind(rawValue: kindText),
                creditCode: creditCode, members: count(members, "members", Strings.Common.members),
                employees: count(employees, "employees", Strings.Common.employees), chair: chair ?? "", phone: phone ?? "",
                address: address ?? "", companyForm: companyForm == "true")
            return (profile, errors)
        }
    }

    static func fields(_ req: Request, profile: OrganisationProfile?, levels: [OrganisationLevel], fixedLevel: Bool) -> [FormPage.Field] {
        let t = Translator(req.language)
        let p = profile
        var fields: [FormPage.Field] = [
            .init(name: "name", label: t(Strings.Common.name), kind: .text, value: p?.name ?? "", required: true),
        ]
        if fixedLevel, let level = p?.level {
            fields.append(.init(name: "levelShown", label: t(Strings.Common.level), kind: .select,
                                options: [.init(value: level.rawValue, label: t(level.label), selected: true)]))
        } else {
            fields.append(.select("level", t(Strings.Common.level), options: levels.map { ($0.rawValue, t($0.label)) },
                                  selected: p?.level.rawValue ?? levels.last?.rawValue ?? ""))
        }
        fields += [
            .select("kind", t(Strings.Organisations.Form.kind),
                    options: [("", "—")] + UnionKind.allCases.map { ($0.rawValue, t($0.label)) }, selected: p?.kind?.rawValue ?? "", required: false),
            .init(name: "creditCode", label: t(Strings.Organisations.Form.creditCode), kind: .text, value: p?.creditCode ?? "",
                  hint: t(Strings.Organisations.Form.creditCodeHint)),
            .init(name: "members", label: t(Strings.Common.members), kind: .number, value: p.map { String($0.members) } ?? ""),
            .init(name: "employees", label: t(Strings.Common.employees), kind: .number, value: p.map { String($0.employees) } ?? ""),
            .init(name: "chair", label: t(Strings.Organisations.Form.chair), kind: .text, value: p?.chair ?? ""),
            .init(name: "phone", label: t(Strings.Common.phone), kind: .text, value: p?.phone ?? ""),
            .init(name: "address", label: t(Strings.Common.address), kind: .text, value: p?.address ?? ""),
            .init(name: "companyForm", label: t(Strings.Organisations.Form.companyForm),
                  kind: .checkbox, checked: p?.companyForm ?? false),
        ]
        return fields
    }

    func newRoot(req: Request) async throws -> Response {
        guard try req.requireUser().can(.createOrganisation, on: .top) else { throw AppError.notFound(AppError.nothingHere) }
        return try await req.render("form", rootForm(req, profile: nil, errors: FieldErrors()))
    }

    func rootForm(_ req: Request, profile: OrganisationProfile?, errors: FieldErrors) -> FormPage {
        let t = Translator(req.language)
        return FormPage(request: req, title: t(Strings.Organisations.newPrefectureFederation), action: SiteRoute.organisations.path,
                        fields: Self.fields(req, profile: profile, levels: [.prefecture], fixedLevel: false),
                        submit: t(Strings.Common.create), errors: errors, cancelPath: SiteRoute.organisations.path)
    }

    func createRoot(req: Request) async throws -> Response {
        guard try req.requireUser().can(.createOrganisation, on: .top) else { throw AppError.notFound(AppError.nothingHere) }
        let (draft, parseErrors) = try req.content.decode(ProfileForm.self).profile()
        return try await create(req, draft: draft, parseErrors: parseErrors, parent: nil) { profile, errors in
            rootForm(req, profile: profile, errors: errors)
        }
    }

    func newChild(req: Request) async throws -> Response {
        let (parent, _) = try await Self.organisation(req, for: .createOrganisation)
        return try await req.render("form", childForm(req, parent: parent, profile: nil, errors: FieldErrors()))
    }

    func childForm(_ req: Request, parent: OrganisationModel, profile: OrganisationProfile?, errors: FieldErrors) -> FormPage {
        let t = Translator(req.language)
        let levels = OrganisationLevel.allCases.filter { (OrganisationLevel(rawValue: parent.level) ?? .grassroots).allowedChildren.contains($0) }
        return FormPage(request: req, title: t(Strings.Organisations.newUnitUnder(parent.name)),
                        action: SiteRoute.organisation(parent.id!).path,
                        fields: Self.fields(req, profile: profile, levels: levels, fixedLevel: false),
                        submit: t(Strings.Common.create), errors: errors, cancelPath: SiteRoute.organisation(parent.id!).path)
    }

    func createChild(req: Request) async throws -> Response {
        let (parent, _) = try await Self.organisation(req, for: .createOrganisation)
        let (draft, parseErrors) = try req.content.decode(ProfileForm.self).profile()
        return try await create(req, draft: draft, parseErrors: parseErrors, parent: parent) { profile, errors in
            childForm(req, parent: parent, profile: profile, errors: errors)
        }
    }

    private func create(_ req: Request, draft: OrganisationProfile, parseErrors: FieldErrors, parent: OrganisationModel?,
                        form: (OrganisationProfile, FieldErrors) -> FormPage) async throws -> Response {
        var errors = parseErrors
        var profile = draft
        switch draft.validated() {
        case .success(let p): profile = p
        case .failure(let e): for field in e.order where errors[field] == nil { errors.add(field, e[field]!) }
        }
        guard errors.isEmpty else { return try await req.render("form", form(draft, errors), status: .unprocessableEntity) }
        let actor = req.auditActor
        let parentID = parent?.id
        let valid = profile
        do {
            let org = try await req.writes.perform { db in
                let parent = try await parentID.asyncMap { try await OrganisationModel.find($0, on: db) } ?? nil
                return try await OrganisationStore.create(valid, under: parent, actor: actor, on: db)
            }
            return req.redirect(to: SiteRoute.organisation(org.id!).path + "?done=created", redirectType: .normal)
        } catch OrganisationStore.ChangeError.invalid(let e) {
            return try await req.render("form", form(profile, e), status: .unprocessableEntity)
        }
    }

    // MARK: Editing

    func edit(req: Request) async throws -> Response {
        let (org, _) = try await Self.organisation(req, for: .editOrganisation)
        return try await req.render("form", editForm(req, org: org, profile: org.profile, version: org.version, errors: FieldErrors()))
    }

    func editForm(_ req: Request, org: OrganisationModel, profile: OrganisationProfile, version: Int, errors: FieldErrors,
                  formError: String? = nil) -> FormPage {
        let t = Translator(req.language)
        return FormPage(request: req, title: t(Strings.Organisations.editUnit(org.name)), action: SiteRoute.editOrganisation(org.id!).path,
                        fields: Self.fields(req, profile: profile, levels: [], fixedLevel: true)
                            + [.init(name: "version", label: "", kind: .hidden, value: String(version))],
                        submit: t(Strings.Common.save), errors: errors, formError: formError, cancelPath: SiteRoute.organisation(org.id!).path)
    }

    func update(req: Request) async throws -> Response {
        let (org, _) = try await Self.organisation(req, for: .editOrganisation)
        let form = try req.content.decode(ProfileForm.self)
        let level = OrganisationLevel(rawValue: org.level) ?? .grassroots
        var (draft, errors) = form.profile(level: level)
        let t = Translator(req.language)
        guard let version = form.version else {
            throw AppError.invalid(field: "version", Strings.Errors.formHasNoVersion)
        }
        switch draft.validated() {
        case .success(let p): draft = p
        case .failure(let e): for field in e.order where errors[field] == nil { errors.add(field, e[field]!) }
        }
        guard errors.isEmpty else {
            return try await req.render("form", editForm(req, org: org, profile: draft, version: version, errors: errors), status: .unprocessableEntity)
        }
        let actor = req.auditActor
        let id = org.id!
        let profile = draft
        do {
            _ = try await req.writes.perform { db in try await OrganisationStore.update(id, version: version, to: profile, actor: actor, on: db) }
            return req.redirect(to: SiteRoute.organisation(id).path + "?done=saved", redirectType: .normal)
        } catch OrganisationStore.ChangeError.invalid(let e) {
            return try await req.render("form", editForm(req, org: org, profile: profile, version: version, errors: e), status: .unprocessableEntity)
        } catch OrganisationStore.ChangeError.stale {
            let fresh = try await OrganisationModel.find(id, on: req.db) ?? org
            return try await req.render("form", editForm(req, org: fresh, profile: profile, version: version, errors: FieldErrors(),
                                                         formError: t(Strings.Organisations.staleRecord)), status: .conflict)
        }
    }

    // MARK: Moving

    struct MoveForm: Content {
        var parent: String?
        var parent_q: String?
        var version: Int?
        var _search: String?
    }

    func moveForm(req: Request) async throws -> Response {
        let (org, user) = try await Self.organisation(req, for: .moveOrganisation)
        return try await req.render("form", movePage(req, org: org, user: user, form: MoveForm(), errors: FieldErrors()))
    }

    /// The move form: the new parent is picked by searching, among the units the user may add
    /// under, of a fitting level, not `org` itself nor anything below it.
    func movePage(_ req: Request, org: OrganisationModel, user: CurrentUser, form: MoveForm, errors: FieldErrors,
                  formError: String? = nil) async throws -> FormPage {
        let t = Translator(req.language)
        let picker = try await OrganisationPicker.field(req, name: "parent", label: t(Strings.Organisations.newParent), purpose: .move, user: user,
                                                        unit: org, text: form.parent_q ?? "", selected: form.parent)
        return FormPage(request: req, title: t(Strings.Organisations.moveUnit(org.name)),
                        intro: t(Strings.Organisations.moveIntro),
                        action: SiteRoute.moveOrganisation(org.id!).path,
                        fields: [picker, .init(name: "version", label: "", kind: .hidden, value: String(form.version ?? org.version))],
                        submit: t(Strings.Organisations.move), errors: errors, formError: formError, cancelPath: SiteRoute.organisation(org.id!).path)
    }

    func move(req: Request) async throws -> Response {
        let (org, user) = try await Self.organisation(req, for: .moveOrganisation)
        let form = try req.content.decode(MoveForm.self)
        let t = Translator(req.language)
        if form._search?.isEmpty == false {
            return try await req.render("form", movePage(req, org: org, user: user, form: form, errors: FieldErrors()))
        }
        // The destination is checked on its own: the user must be allowed to add under it.
        guard let parentID = form.parent.flatMap(UUID.init(uuidString:)),
              let parent = try await OrganisationModel.find(parentID, on: req.db),
              user.can(.createOrganisation, on: parent.accessTarget) else {
            var errors = FieldErrors()
            errors.add("parent", Strings.Organisations.Problems.chooseNewParent)
            return try await req.render("form", movePage(req, org: org, user: user, form: form, errors: errors), status: .unprocessableEntity)
        }
        guard let version = form.version else { throw AppError.invalid(field: "version", Strings.Errors.formHasNoVersionPlain) }
        let actor = req.auditActor
        let id = org.id!
        do {
            _ = try await req.writes.perform { db in
                guard let parent = try await OrganisationModel.find(parentID, on: db) else { throw AppError.notFound(AppError.nothingHere) }
                return try await OrganisationStore.move(id, version: version, to: parent, actor: actor, on: db)
            }
            return req.redirect(to: SiteRoute.organisation(id).path + "?done=moved", redirectType: .normal)
        } catch OrganisationStore.ChangeError.invalid(let e) {
            return try await req.render("form", movePage(req, org: org, user: user, form: form, errors: e), status: .unprocessableEntity)
        } catch OrganisationStore.ChangeError.stale {
            let fresh = try await OrganisationModel.find(id, on: req.db) ?? org
            return try await req.render("form", movePage(req, org: fresh, user: user, form: MoveForm(parent_q: form.parent_q), errors: FieldErrors(),
                                                         formError: t(Strings.Organisations.staleRecord)), status: .conflict)
        }
    }

    // MARK: Retiring

    struct VersionForm: Content {
        var version: Int?
    }

    func retire(req: Request) async throws -> Response { try await setRetired(req, true) }
    func restore(req: Request) async throws -> Response { try await setRetired(req, false) }

    private func setRetired(_ req: Request, _ retired: Bool) async throws -> Response {
        let (org, _) = try await Self.organisation(req, for: retired ? .retireOrganisation : .restoreOrganisation)
        guard let version = try req.content.decode(VersionForm.self).version else {
            throw AppError.invalid(field: "version", Strings.Errors.formHasNoVersion)
        }
        let actor = req.auditActor
        let id = org.id!
        do {
            _ = try await req.writes.perform { db in try await OrganisationStore.setRetired(id, retired, version: version, actor: actor, on: db) }
        } catch OrganisationStore.ChangeError.invalid(let e) {
            throw AppError.invalid(field: "retire", e.first!.text)
        } catch OrganisationStore.ChangeError.stale {
            throw AppError.conflict(Strings.Organisations.staleRecord)
        }
        return req.redirect(to: SiteRoute.organisation(id).path + (retired ? "?done=retired" : "?done=restored"), redirectType: .normal)
    }
}
