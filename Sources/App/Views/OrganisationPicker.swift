import Foundation
import UnionStarCore
import Vapor

/// The unit pickers of the forms that once listed a whole subtree: what each one offers, and the
/// field that shows it.
enum OrganisationPicker {
    /// Why a unit is being chosen, which decides the action whose reach bounds the choice.
    enum Purpose: String, Sendable {
        /// A new parent for `unit` (needs the right to move it, and to add under the new parent).
        case move
        /// The unit a new account belongs to.
        case home
        /// The unit a role is bound to.
        case place
        /// A union an inspector declares a conflict with (grassroots unions in their reach).
        case conflict
    }

    /// What the user may choose from, or nil when they may not choose at all.
    static func criteria(_ purpose: Purpose, user: CurrentUser, unit: OrganisationModel?, text: String) -> OrganisationSearch.Criteria? {
        switch purpose {
        case .move:
            guard let unit, user.can(.moveOrganisation, on: unit.accessTarget) else { return nil }
            let level = OrganisationLevel(rawValue: unit.level) ?? .grassroots
            return .init(reach: user.reach(.createOrganisation), text: text,
                         levels: Set(OrganisationLevel.allCases.filter { $0.allowedChildren.contains(level) }),
                         excludingSubtree: unit.treePath, excluding: Set([unit.parentID].compactMap { $0 }))
        case .home:
            return .init(reach: user.reach(.manageAccounts), text: text)
        case .place:
            return .init(reach: user.reach(.assignRoles), text: text)
        case .conflict:
            return .init(reach: user.reach(.declareConflict), text: text, levels: [.grassroots])
        }
    }

    static func searchURL(_ purpose: Purpose, unit: UUID?) -> String {
        SiteRoute.organisationPicker.path + "?purpose=" + purpose.rawValue + (unit.map { "&unit=" + $0.uuidString.lowercased() } ?? "")
    }

    static func moreText(_ t: Translator) -> String {
        t(Strings.Organisations.Picker.onlyFirst(OrganisationSearch.limit))
    }

    /// The picker field: the matches for `text`, with `selected` kept at the top when it is
    /// allowed but not among them.
    static func field(_ req: Request, name: String, label: String, purpose: Purpose, user: CurrentUser, unit: OrganisationModel?,
                      text: String, selected: String?) async throws -> FormPage.Field {
        let t = Translator(req.language)
        let search = OrganisationSearch(database: req.db)
        var matches: [OrganisationSearch.Match] = []
        var more = false
        if let criteria = criteria(purpose, user: user, unit: unit, text: text) {
            (matches, more) = try await search.find(criteria)
            if let selected, let id = UUID(uuidString: selected), !matches.contains(where: { $0.id == selected.lowercased() }),
               let org = try await OrganisationModel.find(id, on: req.db), org.retiredAt == nil, criteria.reach.covers(org.treePath) {
                let names = try await OrganisationStore(database: req.db).names(on: [org.treePath])
                matches.insert(.init(id: selected.lowercased(), label: OrganisationStore.namePath(org.treePath, names)), at: 0)
            }
        }
        return FormPage.Field(
            name: name, label: label, kind: .picker,
            options: matches.map { .init(value: $0.id, label: $0.label, selected: $0.id == selected?.lowercased()) }, required: true,
            search: .init(name: name + "_q", value: text, url: searchURL(purpose, unit: unit?.id), button: t(Strings.Organisations.Picker.search),
                          placeholder: t(Strings.Organisations.Picker.placeholder), more: more ? moreText(t) : nil))
    }
}

/// `GET /orgs/picker?purpose=…&unit=…&q=…`: the matches as JSON for the pickers' script.
struct OrganisationPickerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .organisationPicker, use: search)
    }

    struct Answer: Content {
        var matches: [OrganisationSearch.Match]
        var more: Bool
        var moreText: String
    }

    func search(req: Request) async throws -> Answer {
        let user = try req.requireUser()
        guard let purpose = (try? req.query.get(String.self, at: "purpose")).flatMap(OrganisationPicker.Purpose.init(rawValue:)) else {
            throw AppError.invalid(field: "purpose", Strings.Errors.purposeUnknown)
        }
        let unitID = (try? req.query.get(String.self, at: "unit")).flatMap(UUID.init(uuidString:))
        let unit = try await unitID.asyncMap { try await OrganisationModel.find($0, on: req.db) } ?? nil
        let text = (try? req.query.get(String.self, at: "q")) ?? ""
        guard let criteria = OrganisationPicker.criteria(purpose, user: user, unit: unit, text: String(text.prefix(50))) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let (matches, more) = try await OrganisationSearch(database: req.db).find(criteria)
        return Answer(matches: matches, more: more, moreText: OrganisationPicker.moreText(Translator(req.language)))
    }
}
