import Fluent
import Foundation
import NIOHTTP1
import UnionStarCore
import Vapor
@testable import App

/// What the self-assessment and evidence tests (and their matrix rows) share: an application in
/// drafting, evidence in a folder of its own, a small real PDF, forms as the page sends them.
enum SelfAssessmentFixture {
    /// The evidence row the matrix's download and delete rows use.
    static let evidenceID = UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!

    /// A small, well-formed one-page PDF (header, objects, cross-reference table, trailer).
    static let pdfText: String = {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ]
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return text
    }()

    static var pdf: Data { Data(pdfText.utf8) }

    /// The app's clock in Rushan's self-check window (1–15 August 2020).
    static let selfCheckDay = "2020-08-03"

    /// 甲公司工会 (or `unit`) has started its self-assessment in 乳山's campaign (version 1), and
    /// the clock is in the self-check window.
    static func drafting(_ app: Application, _ fixture: Fixture) async throws {
        try await startDrafting(app, fixture)
    }

    static func startDrafting(_ app: Application, _ fixture: Fixture, unit: UUID? = nil, campaign: UUID? = nil) async throws {
        app.clock = FixedClock(Fixture.chinaMorning(selfCheckDay))
        try await app.writes.perform { db in
            let campaignModel = try await CampaignModel.find(campaign ?? fixture.rushanCampaign, on: db)!
            let plan = try CampaignStore.plan(of: campaignModel)
            let unitModel = try await OrganisationModel.find(unit ?? fixture.unionA, on: db)!
            let application = ApplicationStore.newApplication(campaignID: campaignModel.id!, unit: unitModel,
                                                              pin: plan.scheme(for: .enterprise)!, at: Date())
            application.state = ApplicationState.drafting.rawValue
            application.version = 1
            try await application.create(on: db)
        }
    }

    /// Evidence in a fresh temporary folder (removed by the test that made it, if it cares).
    @discardableResult
    static func temporaryEvidence(_ app: Application) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sa-evidence-\(UUID())")
        app.evidenceStorage = LocalFolderEvidenceStorage(root: folder, threadPool: app.threadPool)
        return folder
    }

    /// Drafting, with one PDF on item 1 (`evidenceID`).
    static func withEvidence(_ app: Application, _ fixture: Fixture) async throws {
        try await startDrafting(app, fixture)
        temporaryEvidence(app)
        let blob = try await app.evidenceStorage.put(pdf)
        try await app.writes.perform { db in
            let application = try await ApplicationModel.query(on: db).filter(\.$unitID == fixture.unionA).first()!
            let row = EvidenceFileModel()
            row.id = evidenceID
            row.applicationID = application.id!
            row.item = 1
            row.sha256 = blob.sha256
            row.type = EvidenceType.pdf.rawValue
            row.size = blob.size
            row.name = "换届档案.pdf"
            row.uploadedBy = "测试cadre"
            row.uploadedAt = Date()
            try await row.create(on: db)
        }
    }

    /// Every regular file below `folder`.
    static func files(in folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map(\.lastPathComponent)
    }

    static func page(_ fixture: Fixture, campaign: UUID? = nil, unit: UUID? = nil) -> String {
        SiteRoute.selfAssessment(campaign: campaign ?? fixture.rushanCampaign, unit: unit ?? fixture.unionA).path
    }

    /// A fully compliant union's answers, as the form sends them, with `changes` over them.
    static func templateForm(_ app: Application, _ changes: [String: String] = [:]) -> [String: String] {
        let scorer = app.catalogue.scorer("rushan-2020-enterprise")!
        var fields = SelfAssessmentFields(answers: scorer.templateAnswers(), notes: [:], scheme: scorer.scheme).values.filter { !$0.value.isEmpty }
        for (name, value) in changes { fields[name] = value }
        return fields
    }

    /// The hidden `version` and `base` of a self-assessment page, as the form would send them.
    static func formState(_ html: String) -> [String: String] {
        var state: [String: String] = [:]
        for name in ["version", "base"] {
            let marker = "name=\"\(name)\" value=\""
            guard let start = html.range(of: marker) else { continue }
            let rest = html[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            state[name] = unescape(String(rest[..<end]))
        }
        return state
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The HTML of one item's block on the page.
    static func item(_ number: Int, in html: String) -> String {
        guard let start = html.range(of: "id=\"item-\(number)\"") else { return "" }
        let rest = html[start.lowerBound...]
        let end = rest.range(of: "</article>")?.upperBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The upload form's fields.
    struct UploadForm: Encodable {
        var _csrf: String?
        var file: File
    }

    /// Sends one file as the page's upload form does (multipart, with the page's token).
    @discardableResult
    static func upload(_ browser: WebSession, _ path: String, _ data: Data, filename: String) async throws -> WebResponse {
        let boundary = "----unionstar-sa-\(UUID().uuidString)"
        var body = ByteBuffer()
        try FormDataEncoder().encode(UploadForm(_csrf: browser.lastToken, file: File(data: ByteBuffer(data: data), filename: filename)),
                                     boundary: boundary, into: &body)
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await browser.request(.POST, path, headers: headers, body: body)
    }

    static func application(_ app: Application, unit: UUID, campaign: UUID? = nil) async throws -> ApplicationModel? {
        var query = ApplicationModel.query(on: app.db).filter(\.$unitID == unit)
        if let campaign { query = query.filter(\.$campaignID == campaign) }
        return try await query.first()
    }
}
