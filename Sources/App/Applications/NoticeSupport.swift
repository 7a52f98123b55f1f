import Fluent
import Foundation
import NIOConcurrencyHelpers
import UnionStarCore
import Vapor

/// The scheme an application is rated on, read from the text the campaign pinned (kept in
/// `scheme_snapshots` under its content hash), not from today's file: its vetoes and tiers are
/// the ones in force when the campaign opened. Parsed once per hash.
enum NoticePinnedScheme {
    private static let parsed = NIOLockedValueBox<[String: Scheme]>([:])

    static func scheme(_ pin: SchemePin, on db: any Database) async throws -> Scheme {
        if let scheme = parsed.withLockedValue({ $0[pin.contentHash] }) { return scheme }
        guard let snapshot = try await SchemeSnapshotModel.find(pin.contentHash, on: db) else {
            throw AppError.internalFailure(AppErrorMiddleware.genericFailure)
        }
        let scheme: Scheme
        do {
            scheme = try SchemeLoader.load(yaml: snapshot.content, file: "\(pin.schemeID)@\(pin.contentHash.prefix(12))")
        } catch {
            throw AppError.internalFailure(AppErrorMiddleware.genericFailure)
        }
        parsed.withLockedValue { $0[pin.contentHash] = scheme }
        return scheme
    }

    /// The tiers the unit may apply for: those of its pinned scheme the campaign offers, lowest first.
    static func tiers(_ scheme: Scheme, plan: CampaignPlan) -> [Tier] {
        scheme.tiers.filter { plan.tiersOnOffer.contains($0.id) }.sorted { $0.minimum < $1.minimum }
    }

    static func tierName(_ tier: Tier, _ language: Language) -> String {
        language == .zh ? tier.name : (tier.nameEn ?? tier.name)
    }

    static func vetoText(_ veto: Veto, _ language: Language) -> String {
        language == .zh ? veto.text : (veto.textEn ?? veto.text)
    }
}

/// Small things the congress, notice and objection pages share.
enum NoticeSupport {
    /// A day as people read it, in the page's language.
    static func day(_ day: CalendarDate, _ language: Language) -> String {
        Strings.Notice.day(day).text(in: language)
    }

    /// A moment as a person in China reads it: the day and the time to the minute.
    static func moment(_ date: Date, _ language: Language) -> String {
        let day = CalendarDate.china(date)
        let seconds = Int(date.timeIntervalSince1970) + 8 * 3_600
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        let time = String(format: "%02d:%02d", minutes / 60, minutes % 60)
        return Self.day(day, language) + " " + time
    }

    /// The application's notice as stored, with the campaign's length.
    static func notice(_ application: ApplicationModel?, plan: CampaignPlan) -> NoticePeriod? {
        guard let application, let start = application.noticeStart.flatMap(CalendarDate.init(parsing:)),
              let end = application.noticeEnd.flatMap(CalendarDate.init(parsing:)) else { return nil }
        return NoticePeriod(start: start, end: end, workingDays: plan.dates.noticeWorkingDays)
    }

    /// The public page's absolute address, for the QR code and the printed notice: `https` when the
    /// app runs behind HTTPS, and the host the request named.
    static func absoluteURL(_ path: String, req: Request) -> String {
        let scheme = req.application.security.https ? "https" : "http"
        let host = req.headers.first(name: .host).flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        // Only a plausible host name or address with a port: never markup or a path.
        let safe = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) } ? host : "127.0.0.1"
        return "\(scheme)://\(safe)\(path)"
    }

    /// The public page's links and QR code, as the managing pages show them.
    static func publicLinks(token: String, req: Request, _ t: Translator) -> NoticeManagePage.PublicLinks {
        let path = SiteRoute.publicNotice(token: token).path
        let url = absoluteURL(path, req: req)
        return .init(pageLabel: t(Strings.Notice.publicPage), pagePath: path, absoluteURL: url,
                     printLabel: t(Strings.Notice.printable), printPath: SiteRoute.publicNoticePrint(token: token).path,
                     qr: NoticeQRCode(url)?.svg(size: "10rem", label: t(Strings.Notice.qrLabel)) ?? "",
                     scanLabel: t(Strings.Notice.scanToOpen))
    }

    /// A `?done=` confirmation of these pages, by key (never free text from the URL).
    static func done(_ req: Request, _ t: Translator) -> String? {
        let text: LocalizedText? = switch (try? req.query.get(String.self, at: "done")) ?? "" {
        case "congress": Strings.Notice.congressRecorded
        case "notice": Strings.Notice.noticeStarted
        case "answered": Strings.Notice.answerSaved
        case "objection": Strings.Notice.objectionLodged
        default: nil
        }
        return text.map { t($0) }
    }

    /// The fields with their errors, in the page's language.
    static func withErrors(_ fields: [FormPage.Field], _ errors: FieldErrors, _ t: Translator) -> [FormPage.Field] {
        fields.map { field in
            var f = field
            if let error = errors[field.name] { f.error = t(error) }
            return f
        }
    }

    /// The self-score and the tier it reaches, as the facts of a page.
    static func selfFacts(_ application: ApplicationModel?, tiers: [Tier], _ t: Translator) -> [ApplicationPage.Fact] {
        let total = application?.selfTotal
        let reached = application?.selfTier.flatMap { id in tiers.first { $0.id == id } }
        return [
            .init(label: t(Strings.Notice.selfScore), text: total ?? t(Strings.Notice.notScored)),
            .init(label: t(Strings.Notice.selfTier),
                  text: total == nil ? t(Strings.Notice.notScored)
                      : reached.map { NoticePinnedScheme.tierName($0, t.language) } ?? t(Strings.Notice.noTierReached)),
        ]
    }
}
