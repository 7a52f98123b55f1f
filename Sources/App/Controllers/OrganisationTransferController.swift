import Fluent
import Foundation
import UnionStarCore
import Vapor

/// CSV import (with a dry run that writes nothing) and export of the organisation tree.
struct OrganisationTransferController: RouteCollection {
    static let maximumUpload: ByteCount = "20mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .rootImport, use: rootImportForm)
        routes.on(.POST, .rootImport, body: .collect(maxSize: Self.maximumUpload), use: rootImport)
        routes.on(.GET, .importOrganisations(UUID()), use: importForm)
        routes.on(.POST, .importOrganisations(UUID()), body: .collect(maxSize: Self.maximumUpload), use: importUpload)
        routes.on(.GET, .exportOrganisations(UUID()), use: export)
    }

    struct Upload: Content {
        var file: File?
        var dryRun: String?
    }

    func form(_ req: Request, action: String, target: String, error: String? = nil) -> FormPage {
        let t = Translator(req.language)
        let columns = OrganisationCSV.Column.allCases.map(\.header).joined(separator: t(Strings.Import.columnSeparator))
        return FormPage(
            request: req, title: t(Strings.Import.heading(target)),
            intro: t(Strings.Import.intro(columns: columns, parentHeader: OrganisationCSV.Column.parent.header)),
            action: action,
            fields: [
                .init(name: "file", label: t(Strings.Import.csvFile), kind: .file, required: true),
                .init(name: "dryRun", label: t(Strings.Import.dryRun), kind: .checkbox, checked: true),
            ],
            submit: t(Strings.Import.upload), formError: error, multipart: true)
    }

    func rootImportForm(req: Request) async throws -> Response {
        _ = try req.authorizeSomewhere(.importOrganisations)
        return try await req.render("form", form(req, action: SiteRoute.rootImport.path, target: Translator(req.language)(Strings.Common.everything)))
    }

    func importForm(req: Request) async throws -> Response {
        let (org, _) = try await OrganisationController.organisation(req, for: .importOrganisations)
        return try await req.render("form", form(req, action: SiteRoute.importOrganisations(org.id!).path, target: org.name))
    }

    func rootImport(req: Request) async throws -> Response {
        let user = try req.authorizeSomewhere(.importOrganisations)
        return try await handle(req, user: user, root: nil, action: SiteRoute.rootImport.path,
                                target: Translator(req.language)(Strings.Common.everything), back: SiteRoute.organisations.path)
    }

    func importUpload(req: Request) async throws -> Response {
        let (org, user) = try await OrganisationController.organisation(req, for: .importOrganisations)
        return try await handle(req, user: user, root: org.treePath, action: SiteRoute.importOrganisations(org.id!).path,
                                target: org.name, back: SiteRoute.organisation(org.id!).path)
    }

    private func handle(_ req: Request, user: CurrentUser, root: TreePath?, action: String, target: String, back: String) async throws -> Response {
        let t = Translator(req.language)
        let upload = try req.content.decode(Upload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await req.render("form", form(req, action: action, target: target, error: t(Strings.Import.chooseFile)),
                                        status: .unprocessableEntity)
        }
        guard let (text, encoding) = TextDecoding.decode(Data(buffer: file.data)) else {
            return try await req.render("form", form(req, action: action, target: target,
                                                     error: t(Strings.Import.encodingNotRecognised)),
                                        status: .unprocessableEntity)
        }
        let rows: [OrganisationCSV.Row]
        do {
            rows = try OrganisationCSV.rows(from: text).rows
        } catch {
            return try await req.render("form", form(req, action: action, target: target, error: t(error.reason)), status: .unprocessableEntity)
        }
        let dryRun = upload.dryRun == "true"
        let started = ContinuousClock.now
        let outcome = try await OrganisationImporter.run(rows: rows, root: root, subject: user.subject, dryRun: dryRun,
                                                         actor: req.auditActor, request: req)
        req.logger.info("organisation import", metadata: [
            "rows": .stringConvertible(rows.count), "dryRun": .stringConvertible(dryRun), "applied": .stringConvertible(outcome.applied),
            "errors": .stringConvertible(outcome.plan.errors.count), "elapsed": .stringConvertible(ContinuousClock.now - started),
        ])
        let page = ImportResultPage(request: req, target: target, encoding: encoding.rawValue, rows: rows.count, dryRun: dryRun,
                                    outcome: outcome, back: back, again: action)
        return try await req.render("import-result", page, status: outcome.plan.isClean ? .ok : .unprocessableEntity)
    }

    func export(req: Request) async throws -> Response {
        let (org, user) = try await OrganisationController.organisation(req, for: .exportOrganisations)
        let models = try await OrganisationImporter.existing(under: org.treePath, on: req.db)
        let nodes = OrganisationImporter.nodes(models).filter { org.treePath.contains($0.path) && user.can(.exportOrganisations, on: AccessTarget(place: .node($0.path))) }
        let data = OrganisationCSV.write(OrganisationImport.exportRows(nodes))
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name = "\(org.name).csv".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export.csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"organisations.csv\"; filename*=UTF-8''\(name)")
        return response
    }
}

struct ImportResultPage: Encodable {
    struct ErrorRow: Encodable {
        var line: Int
        var column: String
        var reason: String
    }

    var layout: Layout
    var heading: String
    var summary: [String]
    var verdict: String
    var clean: Bool
    var errorColumns: [String]
    var errors: [ErrorRow]
    var backPath: String
    var backLabel: String
    var againPath: String
    var againLabel: String

    init(request: Request, target: String, encoding: String, rows: Int, dryRun: Bool, outcome: OrganisationImporter.Outcome,
         back: String, again: String) {
        let t = Translator(request.language)
        let plan = outcome.plan
        heading = t(Strings.Import.heading(target))
        layout = Layout(request: request, title: heading)
        summary = [
            t(Strings.Import.encodingAndRows(encoding, rows)),
            t(Strings.Import.counts(create: plan.creates.count, change: plan.updates.count, unchanged: plan.unchanged.count,
                                    failed: Set(plan.errors.map(\.line)).count)),
        ]
        clean = plan.isClean
        verdict = if !plan.isClean {
            t(Strings.Import.hasErrors)
        } else if dryRun {
            t(Strings.Import.dryRunPassed)
        } else if outcome.applied {
            t(Strings.Import.imported)
        } else {
            t(Strings.Import.nothingToChange)
        }
        errorColumns = [t(Strings.Import.lineColumn), t(Strings.Import.columnColumn), t(Strings.Import.problemColumn)]
        errors = plan.errors.map { ErrorRow(line: $0.line, column: $0.column, reason: t($0.reason)) }
        backPath = back
        backLabel = t(Strings.Common.back)
        againPath = again
        againLabel = t(Strings.Import.uploadAnother)
    }
}
