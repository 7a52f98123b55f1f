import Fluent
import Foundation
import NIOCore
import UnionStarCore
import Vapor
@testable import App

/// Brings a unit's application to the state a congress or notice test needs, by direct inserts
/// (the self-assessment's own pages are another part of the workflow).
enum NoticeFixture {
    /// The public page's token of the applications these helpers put on notice.
    static let token = "matrix-notice-token-0123456789abcdefghijklmnop"
    /// The objection these helpers lodge, with a known id.
    static let objectionID = UUID(uuidString: "0B1EC710-0000-4000-8000-000000000001")!
    /// A PDF by its first bytes, as the minutes.
    static let minutesPDF = Data("%PDF-1.4\n% minutes of the workers' congress\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    /// Evidence in a folder of its own, removed with the system's temporary files.
    static func useTemporaryEvidence(_ app: Application) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unionstar-evidence-\(UUID().uuidString)")
        app.evidenceStorage = LocalFolderEvidenceStorage(root: folder, threadPool: app.threadPool)
    }

    static func clock(_ app: Application, _ day: String) {
        app.clock = FixedClock(Fixture.chinaMorning(day))
    }

    /// 甲公司工会's application in 乳山's 2020 campaign (or `unit` in `campaign`), in `state`,
    /// with a self-score.
    @discardableResult
    static func application(_ app: Application, campaign: UUID, unit: UUID, state: ApplicationState, selfTotal: String? = "82",
                            selfTier: String? = "four-star", vetoes: [String] = [], tier: String? = nil) async throws -> ApplicationModel {
        let campaignModel = try await CampaignModel.find(campaign, on: app.db)!
        let unitModel = try await OrganisationModel.find(unit, on: app.db)!
        let plan = try CampaignStore.plan(of: campaignModel)
        let pin = plan.scheme(for: .enterprise)!
        let application = ApplicationStore.newApplication(campaignID: campaign, unit: unitModel, pin: pin, at: Date())
        application.state = state.rawValue
        application.selfTotal = selfTotal
        application.selfTier = selfTier
        application.vetoesJSON = CampaignStore.encode(vetoes)
        application.tier = tier
        application.version = 1
        try await application.create(on: app.db)
        return application
    }

    /// Rushan, self-assessing, on 2020-08-18 (after the self-check closed, before the congress's deadline).
    static func rushanDrafting(_ app: Application, _ f: Fixture, selfTotal: String? = "82", selfTier: String? = "four-star",
                               vetoes: [String] = []) async throws {
        useTemporaryEvidence(app)
        clock(app, "2020-08-18")
        try await application(app, campaign: f.rushanCampaign, unit: f.unionA, state: .drafting, selfTotal: selfTotal,
                              selfTier: selfTier, vetoes: vetoes)
    }

    /// Rushan, the congress decided four-star on 2020-08-18 with its minutes kept; today 2020-08-20.
    static func rushanDecided(_ app: Application, _ f: Fixture) async throws {
        useTemporaryEvidence(app)
        clock(app, "2020-08-20")
        let application = try await application(app, campaign: f.rushanCampaign, unit: f.unionA, state: .congressDecided, tier: "four-star")
        let blob = try await app.evidenceStorage.put(minutesPDF)
        let file = EvidenceFileModel()
        file.id = UUID()
        file.applicationID = application.id!
        file.item = 0
        file.sha256 = blob.sha256
        file.type = EvidenceType.pdf.rawValue
        file.size = blob.size
        file.name = "职代会纪要.pdf"
        file.uploadedBy = "cadre"
        file.uploadedAt = Date()
        try await file.create(on: app.db)
        let decision = CongressDecision(date: Fixture.day("2020-08-18"), kind: .representativesCongress, expected: 60, present: 52,
                                        tier: "four-star", minutesEvidenceID: file.id!.uuidString.lowercased())
        application.congressJSON = CampaignStore.encode(decision)
        try await application.update(on: app.db)
    }

    /// Rushan, on notice 2020-08-21..27 under `token`, with one anonymous objection; today 2020-08-24.
    static func rushanOnNotice(_ app: Application, _ f: Fixture, today: String = "2020-08-24", objection: Bool = true) async throws {
        useTemporaryEvidence(app)
        clock(app, today)
        let application = try await application(app, campaign: f.rushanCampaign, unit: f.unionA, state: .onNotice, tier: "four-star")
        application.noticeStart = "2020-08-21"
        application.noticeEnd = "2020-08-27"
        application.noticeToken = token
        try await application.update(on: app.db)
        if objection {
            let row = ObjectionModel()
            row.id = objectionID
            row.applicationID = application.id!
            row.lodgedAt = Fixture.chinaMorning("2020-08-21")
            row.text = "工会会员大会的档案不全，自评分偏高。"
            row.name = nil
            row.senderHash = String(repeating: "a", count: 64)
            try await row.create(on: app.db)
        }
    }
}

extension WebSession {
    /// Sends a multipart form as a browser does: the fields, the page's CSRF token (unless
    /// `csrf` is false or the fields carry one), and files as (field, file name, bytes).
    @discardableResult
    func postMultipart(_ path: String, _ fields: [String: String], files: [(field: String, name: String, data: Data)],
                       csrf: Bool = true) async throws -> WebResponse {
        let boundary = "----unionstar-test-\(UUID().uuidString)"
        var body = Data()
        func part(_ headers: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        var fields = fields
        if csrf, fields["_csrf"] == nil, let token = lastToken ?? cookies[CSRFMiddleware.cookieName] { fields["_csrf"] = token }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            part("Content-Disposition: form-data; name=\"\(name)\"", Data(value.utf8))
        }
        for file in files {
            part("Content-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream", file.data)
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await request(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }
}
