import Foundation
import UnionStarCore
import Vapor

/// The form that opens a campaign, as posted; every field optional so a half-filled form comes
/// back with its values and the errors beside them.
struct CampaignForm: Content {
    var owner: String?
    var year: String?
    var title: String?
    var target: String?
    var preApplicationFrom: String?
    var preApplicationBy: String?
    var selfCheckFrom: String?
    var selfCheckBy: String?
    var congressBy: String?
    var noticeWorkingDays: String?
    var applyBy: String?
    var inspectionFrom: String?
    var inspectionBy: String?
    var resultsNoticeWorkingDays: String?
    var recommendBy: String?
    /// `Scheme.Subject`: unions (the default) or their chairs (争当星级基层工会主席).
    var subject: String?
    /// `scheme_<kind>`: the scheme that rates that kind of union, or empty.
    var schemes: [String: String] = [:]
    /// `tier_<id>` = "true" for each tier on offer.
    var tiers: Set<String> = []
    var submitted: Bool = false
    /// The campaign's version when the edit form was opened.
    var version: Int?

    static func read(_ req: Request) throws -> CampaignForm {
        var form = try req.content.decode(CampaignForm.self)
        let all = (try? req.content.decode([String: String].self)) ?? [:]
        for (key, value) in all {
            if key.hasPrefix("scheme_") { form.schemes[String(key.dropFirst("scheme_".count))] = value }
            if key.hasPrefix("tier_"), value == "true" { form.tiers.insert(String(key.dropFirst("tier_".count))) }
        }
        form.submitted = true
        return form
    }

    private enum CodingKeys: String, CodingKey {
        case owner, year, title, target, preApplicationFrom, preApplicationBy, selfCheckFrom, selfCheckBy, congressBy
        case noticeWorkingDays, applyBy, inspectionFrom, inspectionBy, resultsNoticeWorkingDays, recommendBy, version, subject
    }

    /// Whom the campaign rates; anything but `chair` is unions.
    var chosenSubject: Scheme.Subject { subject.flatMap(Scheme.Subject.init(rawValue:)) ?? .union }

    /// The form filled with a campaign's plan, for editing.
    init(campaign: CampaignModel, plan: CampaignPlan) {
        owner = campaign.ownerID.uuidString.lowercased()
        year = String(plan.year)
        title = campaign.title
        target = plan.participationTarget?.description
        preApplicationFrom = plan.dates.preApplication?.from?.description
        preApplicationBy = plan.dates.preApplication?.by?.description
        selfCheckFrom = plan.dates.selfCheck.from?.description
        selfCheckBy = plan.dates.selfCheck.by?.description
        congressBy = plan.dates.congressBy?.description
        noticeWorkingDays = String(plan.dates.noticeWorkingDays)
        applyBy = plan.dates.applyBy.description
        inspectionFrom = plan.dates.inspection.from?.description
        inspectionBy = plan.dates.inspection.by?.description
        resultsNoticeWorkingDays = plan.dates.resultsNoticeWorkingDays.map(String.init)
        recommendBy = plan.dates.recommendBy?.description
        schemes = Dictionary(uniqueKeysWithValues: plan.schemes.map { ($0.key.rawValue, $0.value.schemeID) })
        tiers = Set(plan.tiersOnOffer)
        submitted = true
        version = campaign.version
        subject = plan.campaignSubject.rawValue
    }

    init() {}

    /// The plan the form describes, or the errors by field. Dates left empty take the scheme's
    /// defaults for the year (the first chosen scheme's timeline).
    func plan(catalogue: SchemeCatalogue, owner: TreePath) -> (CampaignPlan?, FieldErrors) {
        var errors = FieldErrors()
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespaces) }
        let year = Int(trimmed(year))
        if year == nil || !(2000...2100).contains(year!) { errors.add("year", Strings.CampaignPages.yearInvalid) }
        var pins: [UnionKind: SchemePin] = [:]
        var firstScheme: Scheme?
        for kind in UnionKind.allCases {
            let id = trimmed(schemes[kind.rawValue])
            guard !id.isEmpty else { continue }
            guard let scheme = catalogue.scheme(id), scheme.appliesTo.contains(kind.rawValue), let pin = catalogue.pin(id)?.pin else {
                errors.add("scheme_\(kind.rawValue)", Strings.CampaignPages.schemeNotForKind)
                continue
            }
            guard scheme.subject == chosenSubject else {
                errors.add("scheme_\(kind.rawValue)", Strings.Chair.schemeNotForSubject)
                continue
            }
            pins[kind] = pin
            if firstScheme == nil { firstScheme = scheme }
        }
        if pins.isEmpty && errors.isEmpty { errors.add("scheme_enterprise", Strings.CampaignPages.noScheme) }
        guard let year, errors.isEmpty, let scheme = firstScheme else { return (nil, errors) }
        var dates = CampaignDates.defaults(from: scheme.timeline, year: year)
        func date(_ field: String, _ text: String?, into value: inout CalendarDate?) {
            let t = trimmed(text)
            guard !t.isEmpty else { return }
            if let d = CalendarDate(parsing: t) { value = d } else { errors.add(field, Strings.CampaignPages.dateInvalid) }
        }
        var preFrom = dates.preApplication?.from, preBy = dates.preApplication?.by
        date("preApplicationFrom", preApplicationFrom, into: &preFrom)
        date("preApplicationBy", preApplicationBy, into: &preBy)
        if preFrom != nil || preBy != nil { dates.preApplication = DateWindow(from: preFrom, by: preBy) }
        date("selfCheckFrom", selfCheckFrom, into: &dates.selfCheck.from)
        date("selfCheckBy", selfCheckBy, into: &dates.selfCheck.by)
        date("congressBy", congressBy, into: &dates.congressBy)
        var apply: CalendarDate? = dates.applyBy
        date("applyBy", applyBy, into: &apply)
        dates.applyBy = apply ?? dates.applyBy
        date("inspectionFrom", inspectionFrom, into: &dates.inspection.from)
        date("inspectionBy", inspectionBy, into: &dates.inspection.by)
        date("recommendBy", recommendBy, into: &dates.recommendBy)
        if !trimmed(noticeWorkingDays).isEmpty {
            if let n = Int(trimmed(noticeWorkingDays)) { dates.noticeWorkingDays = n } else { errors.add("noticeWorkingDays", Strings.Campaign.noticeLength) }
        }
        if !trimmed(resultsNoticeWorkingDays).isEmpty {
            if let n = Int(trimmed(resultsNoticeWorkingDays)) { dates.resultsNoticeWorkingDays = n } else { errors.add("resultsNoticeWorkingDays", Strings.Campaign.noticeLength) }
        }
        for (field, text) in dates.problems(year: year).order.map({ ($0, dates.problems(year: year)[$0]!) }) where errors[field] == nil {
            errors.add(field, text)
        }
        var targetValue = scheme.timeline?.participationTarget
        if !trimmed(target).isEmpty {
            if let t = Points(parsing: trimmed(target)), t >= 0, t <= 100 { targetValue = t } else { errors.add("target", Strings.CampaignPages.targetInvalid) }
        }
        let offered = Set(pins.values.compactMap { catalogue.scheme($0.schemeID) }.flatMap(\.tiers).map(\.id))
        let tiersOnOffer = offered.filter { tiers.contains($0) }.sorted()
        if tiersOnOffer.isEmpty { errors.add("tiers", Strings.CampaignPages.noTier) }
        guard errors.isEmpty else { return (nil, errors) }
        var plan = CampaignPlan(year: year, owner: owner, schemes: pins, dates: dates, participationTarget: targetValue, tiersOnOffer: tiersOnOffer)
        // Plans of union campaigns keep no subject, as before chairs were rated.
        if chosenSubject == .chair { plan.subject = .chair }
        return (plan, errors)
    }
}
