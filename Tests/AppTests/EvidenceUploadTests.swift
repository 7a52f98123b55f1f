import Fluent
import Foundation
import SQLKit
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Evidence (台账) uploaded on the self-assessment, through HTTP: judged by content, limited in
/// size, stored once per content, read only within scope. One test at a time: each holds an app
/// and its database connections, and the suite on PostgreSQL shares one server's connection limit.
@Suite(.serialized) struct EvidenceUploadTests {
    typealias F = SelfAssessmentFixture

    func uploadPath(_ fixture: Fixture, item: Int = 1) -> String {
        SiteRoute.uploadEvidence(campaign: fixture.rushanCampaign, unit: fixture.unionA, item: item).path
    }

    /// A drafting application, evidence in a temporary folder, the cadre on the page.
    func prepared(_ app: Application) async throws -> (Fixture, WebSession, URL) {
        let fixture = try await Fixture.make(app)
        try await F.startDrafting(app, fixture)
        let folder = F.temporaryEvidence(app)
        let cadre = WebSession(app, address: "10.0.2.1")
        try await cadre.signIn("cadre")
        try await cadre.get(F.page(fixture))
        return (fixture, cadre, folder)
    }

    func rows(_ app: Application) async throws -> [EvidenceFileModel] {
        try await EvidenceFileModel.query(on: app.db).sort(\.$uploadedAt).all()
    }

    @Test func aPDFIsAcceptedAndReadByTheReviewerButNotByAnOutsider() async throws {
        try await withTestApp { app in
            // setup
            let (fixture, cadre, folder) = try await prepared(app)
            defer { try? FileManager.default.removeItem(at: folder) }
            // act
            let uploaded = try await F.upload(cadre, uploadPath(fixture), F.pdf, filename: "2020年换届档案.pdf")
            let page = try await cadre.get(uploaded.location ?? "")
            let row = try #require(try await rows(app).first)
            let path = SiteRoute.evidenceFile(campaign: fixture.rushanCampaign, unit: fixture.unionA, evidence: row.id!).path
            let reviewer = WebSession(app, address: "10.0.2.2")
            try await reviewer.signIn("reviewer")
            let read = try await reviewer.get(path)
            let outsider = WebSession(app, address: "10.0.2.3")
            try await outsider.signIn("outsider")
            let refused = try await outsider.get(path)
            // check
            #expect(uploaded.status == .seeOther)
            #expect(uploaded.location == F.page(fixture) + "?done=uploaded#item-1")
            #expect(page.body.contains("材料已上传。"))
            #expect(F.item(1, in: page.body).contains("2020年换届档案.pdf"))
            #expect(row.item == 1 && row.type == "pdf" && row.size == F.pdf.count && row.name == "2020年换届档案.pdf")
            #expect(read.status == .ok)
            #expect(read.body == F.pdfText)
            #expect(read.headers.first(name: .contentType) == "application/pdf")
            #expect(read.headers.first(name: .contentDisposition)
                == "inline; filename=\"2020.pdf\"; filename*=UTF-8''2020%E5%B9%B4%E6%8D%A2%E5%B1%8A%E6%A1%A3%E6%A1%88.pdf")
            #expect(read.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(refused.status == .notFound)
            #expect(!refused.body.contains("%PDF"))
            // the upload is in the audit trail, with the version's bump
            let audit = try await AuditLog.verify(on: app.db)
            #expect(audit.count > 0)
            #expect(try await F.application(app, unit: fixture.unionA)?.version == 2)
        }
    }

    @Test func aWebPageNamedPDFIsRefused() async throws {
        try await withTestApp { app in
            // setup
            let (fixture, cadre, folder) = try await prepared(app)
            defer { try? FileManager.default.removeItem(at: folder) }
            let html = Data("<!doctype html><html><body><script>alert(1)</script></body></html>".utf8)
            // act
            let refused = try await F.upload(cadre, uploadPath(fixture), html, filename: "x.pdf")
            // check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains(Strings.Evidence.unsupportedType.zh))
            #expect(try await rows(app).isEmpty)
            #expect(F.files(in: folder).isEmpty)
            #expect(try await F.application(app, unit: fixture.unionA)?.version == 1)
        }
    }

    @Test func aFileOverTheLimitIsRefused() async throws {
        try await withTestApp { app in
            // setup: a PDF header, then padding to one byte over the limit
            let (fixture, cadre, folder) = try await prepared(app)
            defer { try? FileManager.default.removeItem(at: folder) }
            var big = Data("%PDF-1.4\n".utf8)
            big.append(Data(count: EvidencePolicy.standard.limitBytes + 1 - big.count))
            // act
            let refused = try await F.upload(cadre, uploadPath(fixture), big, filename: "扫描件.pdf")
            // check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains(Strings.Evidence.tooLarge(limitMB: EvidencePolicy.standard.limitMB).zh))
            #expect(try await rows(app).isEmpty)
            #expect(F.files(in: folder).isEmpty)
        }
    }

    @Test func anEmptyFileAndNoFileAreRefused() async throws {
        try await withTestApp { app in
            // setup
            let (fixture, cadre, folder) = try await prepared(app)
            defer { try? FileManager.default.removeItem(at: folder) }
            // act
            let empty = try await F.upload(cadre, uploadPath(fixture), Data(), filename: "空.pdf")
            let none = try await F.upload(cadre, uploadPath(fixture), Data(), filename: "")
            // check
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains(Strings.Evidence.empty.zh))
            #expect(none.status == .unprocessableEntity)
            #expect(none.body.contains(Strings.SelfAssessment.chooseFile.zh))
            #expect(try await rows(app).isEmpty)
        }
    }

    @Test func theSamePDFTwiceIsStoredOnceAndListedTwice() async throws {
        try await withTestApp { app in
            // setup
            let (fixture, cadre, folder) = try await prepared(app)
            defer { try? FileManager.default.removeItem(at: folder) }
            // act
            let first = try await F.upload(cadre, uploadPath(fixture, item: 1), F.pdf, filename: "上级批复.pdf")
            let second = try await F.upload(cadre, uploadPath(fixture, item: 3), F.pdf, filename: "同一份.pdf")
            // check
            #expect(first.status == .seeOther && second.status == .seeOther)
            let stored = try await rows(app)
            #expect(stored.count == 2)
            #expect(Set(stored.map(\.sha256)).count == 1)
            #expect(F.files(in: folder) == [stored[0].sha256])
        }
    }

    @Test func compliantItemsWithoutEvidenceAreWarnedUntilEvidenceIsAdded() async throws {
        try await withTestApp { app in
            // setup: every item answered at full marks
            let (fixture, cadre, folder) = try await prepared(app)
            defer { try? FileManager.default.removeItem(at: folder) }
            let page = try await cadre.get(F.page(fixture))
            try await cadre.post(F.page(fixture), F.templateForm(app, ["fact:election_on_schedule": "false"]).merging(F.formState(page.body)) { _, b in b })
            let warning = Strings.SelfAssessment.compliantWithoutEvidence.zh
            // act
            let before = try await cadre.get(F.page(fixture))
            try await F.upload(cadre, uploadPath(fixture, item: 2), F.pdf, filename: "会员代表大会.pdf")
            let after = try await cadre.get(F.page(fixture))
            // check: item 2 (full marks) is warned until it has a file; item 1 (−2) never is
            #expect(F.item(2, in: before.body).contains(#"role="note">\#(warning)"#))
            #expect(!F.item(2, in: after.body).contains(#"role="note">\#(warning)"#))
            #expect(F.item(2, in: after.body).contains(#"role="note" hidden>"#))
            #expect(!F.item(1, in: before.body).contains(#"role="note">\#(warning)"#))
            #expect(before.body.contains("19 个按满分作答的项目尚无台账材料"))
            #expect(after.body.contains("18 个按满分作答的项目尚无台账材料"))
        }
    }

    @Test func theCadreDeletesAFileWhileEditable() async throws {
        try await withTestApp { app in
            // setup
            let (fixture, cadre, folder) = try await prepared(app)
            defer { try? FileManager.default.removeItem(at: folder) }
            try await F.upload(cadre, uploadPath(fixture), F.pdf, filename: "错传.pdf")
            let row = try #require(try await rows(app).first)
            try await cadre.get(F.page(fixture))
            // act
            let deleted = try await cadre.post(SiteRoute.deleteEvidence(campaign: fixture.rushanCampaign, unit: fixture.unionA, evidence: row.id!).path)
            // check
            #expect(deleted.status == .seeOther)
            #expect(deleted.location == F.page(fixture) + "?done=deleted#item-1")
            #expect(try await rows(app).isEmpty)
            let actions = try await (app.db as! any SQLDatabase).raw("SELECT action FROM audit_events").all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.contains("evidence.upload") && actions.contains("evidence.delete"))
        }
    }

    @Test(arguments: [
        ("会员大会决议.docx", EvidenceType.docx, "attachment; filename=\"evidence.docx\"; filename*=UTF-8''%E4%BC%9A%E5%91%98%E5%A4%A7%E4%BC%9A%E5%86%B3%E8%AE%AE.docx"),
        ("photo 1.JPG", EvidenceType.jpeg, "inline; filename=\"photo_1.jpg\"; filename*=UTF-8''photo%201.jpg"),
        ("\"x\";.pdf", EvidenceType.pdf, "inline; filename=\"x.pdf\"; filename*=UTF-8''%22x%22%3B.pdf"),
    ])
    func downloadNamesAreSafe(name: String, type: EvidenceType, expected: String) {
        // act
        let header = EvidenceController.contentDisposition(name: name, type: type)
        // check
        #expect(header == expected)
    }
}
