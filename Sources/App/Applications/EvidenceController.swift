import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Evidence files (台账) of a unit's self-assessment: uploaded per item by the union's cadre while
/// the self-assessment may be changed, read by whoever may view the application. The type is
/// judged by content; the bytes are stored once per content; each upload is its own row.
struct EvidenceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, .uploadEvidence(campaign: UUID(), unit: UUID(), item: 0),
                  body: .collect(maxSize: ByteCount(value: SelfAssessmentBodyLimit.uploadLimit)), use: upload)
        routes.on(.GET, .evidenceFile(campaign: UUID(), unit: UUID(), evidence: UUID()), use: download)
        routes.on(.POST, .deleteEvidence(campaign: UUID(), unit: UUID(), evidence: UUID()), use: delete)
    }

    struct Upload: Content {
        var file: File?
    }

    /// What the audit trail keeps of an evidence file.
    struct AuditEntry: AuditSnapshot, Codable {
        var item: Int
        var name: String
        var sha256: String
        var type: String
        var size: Int
    }

    func upload(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let scorer = try await PinnedSchemes.shared.scorer(for: SelfAssessmentController.pin(of: context), on: req.db)
        guard let item = req.parameters.get("item").flatMap({ Int($0) }), scorer.scheme.item(number: item) != nil else {
            throw AppError.notFound(AppError.nothingHere)
        }
        let page = SiteRoute.selfAssessment(campaign: context.campaignID, unit: context.unitID).path
        guard let file = (try? req.content.decode(Upload.self))?.file, !(file.filename.isEmpty && file.data.readableBytes == 0) else {
            return try await refuse(Strings.SelfAssessment.chooseFile, context, req: req)
        }
        let data = Data(buffer: file.data)
        let type: EvidenceType
        switch EvidencePolicy.standard.check(size: data.count, sniffed: EvidenceType.sniff(data), claimedName: file.filename) {
        case .success(let sniffed): type = sniffed
        case .failure(let rejection): return try await refuse(rejection.message, context, req: req)
        }
        // Asked before the bytes are stored, so a closed step stores nothing; asked again in the write.
        if case .failure(let refusal) = try await ApplicationStore.check(.uploadEvidence, context, req: req) {
            throw ApplicationStore.error(refusal)
        }
        let blob = try await req.application.evidenceStorage.put(data)
        let name = Self.displayName(file.filename, type: type)
        let actor = req.auditActor
        let scope = context.unit.path
        try await ApplicationStore.perform(.uploadEvidence, context, version: nil, req: req, subject: context.user.subject, actor: actor) { application, db in
            try await Self.record(blob, type: type, name: name, item: item, applicationID: application.id!, actor: actor, scope: scope, on: db)
        }
        return req.redirect(to: page + "?done=uploaded#item-\(item)", redirectType: .normal)
    }

    /// Attaches stored bytes to an item of the application, with the `evidence.upload` audit entry:
    /// inside the caller's write transaction (an upload; a survey's result filling the self-assessment).
    static func record(_ blob: StoredBlob, type: EvidenceType, name: String, item: Int, applicationID: UUID, actor: AuditDraft.Actor,
                       scope: String, on db: any Database) async throws {
        let row = EvidenceFileModel()
        row.id = UUID()
        row.applicationID = applicationID
        row.item = item
        row.sha256 = blob.sha256
        row.type = type.rawValue
        row.size = blob.size
        row.name = name
        row.uploadedBy = actor.name
        row.uploadedAt = actor.at
        try await row.create(on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "evidence.upload", entityType: "evidence",
                                              entityID: row.id!.uuidString.lowercased(), scope: scope, before: AuditDraft.nothing,
                                              after: AuditEntry(item: item, name: name, sha256: blob.sha256, type: type.rawValue, size: blob.size))],
                                  on: db)
    }

    /// The page again, with the sentence why the file was refused (nothing stored).
    private func refuse(_ message: LocalizedText, _ context: ApplicationContext, req: Request) async throws -> Response {
        var input = try await SelfAssessmentPages.input(context, req: req)
        input.formError = Translator(req.language)(message)
        return try await SelfAssessmentPages.render(input, req: req, status: .unprocessableEntity)
    }

    /// The file, to whoever may view the application: images and PDF shown in the browser, Office
    /// files downloaded, each with a name made safe and the type its content has.
    func download(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        let row = try await Self.row(req, context)
        guard let type = EvidenceType(rawValue: row.type), let data = try await req.application.evidenceStorage.get(sha256: row.sha256) else {
            throw AppError.notFound(AppError.nothingHere)
        }
        var headers = HTTPHeaders()
        let media = type.mimeType.split(separator: "/", maxSplits: 1).map(String.init)
        headers.contentType = HTTPMediaType(type: media[0], subType: media[1])
        headers.replaceOrAdd(name: .contentDisposition, value: Self.contentDisposition(name: row.name, type: type))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    func delete(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let row = try await Self.row(req, context)
        let actor = req.auditActor
        let scope = context.unit.path
        let entry = AuditEntry(item: row.item, name: row.name, sha256: row.sha256, type: row.type, size: row.size)
        let id = row.id!
        try await ApplicationStore.perform(.uploadEvidence, context, version: nil, req: req, subject: context.user.subject, actor: actor) { _, db in
            try await EvidenceFileModel.query(on: db).filter(\.$id == id).delete()
            try await AuditLog.append([AuditDraft(actor: actor, action: "evidence.delete", entityType: "evidence",
                                                  entityID: id.uuidString.lowercased(), scope: scope, before: entry, after: AuditDraft.nothing)],
                                      on: db)
        }
        return req.redirect(to: SiteRoute.selfAssessment(campaign: context.campaignID, unit: context.unitID).path + "?done=deleted#item-\(row.item)",
                            redirectType: .normal)
    }

    /// The self-assessment's file named in the URL, of this unit's application only.
    private static func row(_ req: Request, _ context: ApplicationContext) async throws -> EvidenceFileModel {
        guard let text = req.parameters.get("evidenceID"), let id = UUID(uuidString: text), let applicationID = context.application?.id,
              let row = try await EvidenceFileModel.find(id, on: req.db), row.applicationID == applicationID, row.item > 0 else {
            throw AppError.notFound(AppError.nothingHere)
        }
        return row
    }

    /// The name shown for an upload: the last part of what the browser sent, without control
    /// characters, at most 120 characters; `evidence.pdf` (by content) when nothing is left. Only
    /// ever shown and offered as a download name, never used as a path.
    static func displayName(_ sent: String, type: EvidenceType) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }))
            .trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? "evidence.\(type.fileExtension)" : String(clean.prefix(120))
    }

    /// `inline` or `attachment`, with an ASCII name for old clients and the real one as UTF-8
    /// (RFC 6266, RFC 5987); the extension always that of the content.
    static func contentDisposition(name: String, type: EvidenceType) -> String {
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        let full = (stem.isEmpty ? "evidence" : stem) + "." + type.fileExtension
        var ascii = ""
        for scalar in stem.unicodeScalars {
            let safe = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            if safe { ascii.unicodeScalars.append(scalar) } else if !ascii.hasSuffix("_") { ascii += "_" }
        }
        ascii = ascii.trimmingCharacters(in: CharacterSet(charactersIn: "_."))
        let fallback = (ascii.isEmpty ? "evidence" : String(ascii.prefix(80))) + "." + type.fileExtension
        let attrChars = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = full.addingPercentEncoding(withAllowedCharacters: attrChars) ?? fallback
        return "\(type.isViewableInline ? "inline" : "attachment"); filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
