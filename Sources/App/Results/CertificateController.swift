import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The printable certificate of a named unit (星级工会证书): A4 landscape, the unit's name, tier,
/// year and issuing federation, its number, and a QR code that opens the public record.
struct CertificateController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .certificate(campaign: UUID(), unit: UUID()), use: show)
    }

    struct Page: Encodable {
        var layout: Layout
        var title: String
        var heading: String
        var lines: [String]
        var issuer: String
        var dated: String
        var number: String
        var qr: String
        var verify: String
        var verifyURL: String
        var printHint: String
        var back: ApplicationPage.Link
    }

    func show(req: Request) async throws -> View {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        let t = Translator(req.language)
        let tiers = try await NoticePinnedScheme.scheme(context.pin, on: req.db).tiers
        guard let certificate = ResultsStore.certificate(context.application, unit: context.unit, plan: context.plan, tiers: tiers),
              let token = context.application?.resultsToken else {
            throw AppError.notFound(Strings.CertificateText.notNamed)
        }
        let url = NoticeSupport.absoluteURL(SiteRoute.publicNotice(token: token).path, req: req)
        let text = Strings.CertificateText.self
        // A chair's certificate names the person and the union (星级基层工会主席).
        let person = context.plan.campaignSubject == .chair ? ApplicationStore.chairPerson(context.application) : nil
        let title = person == nil ? t(text.title) : t(Strings.Chair.certificateTitle)
        let body = person.map { Strings.Chair.certificateBody(person: $0.name, post: $0.post.label.zh, unit: certificate.unitName,
                                                              year: certificate.year, tier: certificate.tierName) }
            ?? text.body(unit: certificate.unitName, year: certificate.year, tier: certificate.tierName)
        return try await req.view.render("certificate", Page(
            layout: Layout(request: req, title: title + " · " + (person?.name ?? certificate.unitName)), title: title,
            heading: text.heading,
            lines: body.split(separator: "\n").map(String.init),
            issuer: certificate.issuer, dated: text.dated(certificate.namedOn), number: text.number(certificate.number),
            qr: NoticeQRCode(url)?.svg(size: "28mm", label: text.verify) ?? "", verify: text.verify, verifyURL: url,
            printHint: t(text.printHint),
            back: .init(name: t(Strings.Notice.back) + " · " + context.unit.name,
                        path: SiteRoute.results(campaign: context.campaignID, unit: context.unitID).path)))
    }
}
