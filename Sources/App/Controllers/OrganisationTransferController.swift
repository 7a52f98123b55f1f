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
        let columns = OrganisationCSV.Column.allCases.map(\.header).joined(separator: "、")
        return FormPage(
            request: req, title: t("导入到“\(target)”", "Import into '\(target)'"),
            intro: t("上传CSV表格（UTF-8或Excel另存的GBK/GB18030编码均可）。列：\(columns)；“上级”写从顶层起的完整路径，用“/”分隔。已有单位按统一社会信用代码或“上级+名称”识别，重复导入不会产生重复单位。有任何一行出错时，整个文件都不会导入。",
                     "Upload a CSV file (UTF-8, or GBK/GB18030 as Excel saves it). Columns: \(columns); 上级 is the full path from the top, separated by '/'. Existing units are matched by credit code or by parent and name, so importing twice creates nothing twice. If any row is wrong, nothing is imported."),
            action: action,
            fields: [
                .init(name: "file", label: t("CSV文件", "CSV file"), kind: .file, required: true),
                .init(name: "dryRun", label: t("仅检查，不导入（试运行）", "Check only, import nothing (dry run)"), kind: .checkbox, checked: true),
            ],
            submit: t("上传", "Upload"), formError: error, multipart: true)
    }

    func rootImportForm(req: Request) async throws -> Response {
        _ = try req.authorizeSomewhere(.importOrganisations)
        return try await req.render("form", form(req, action: SiteRoute.rootImport.path, target: Translator(req.language)("全部", "everything")))
    }

    func importForm(req: Request) async throws -> Response {
        let (org, _) = try await OrganisationController.organisation(req, for: .importOrganisations)
        return try await req.render("form", form(req, action: SiteRoute.importOrganisations(org.id!).path, target: org.name))
    }

    func rootImport(req: Request) async throws -> Response {
        let user = try req.authorizeSomewhere(.importOrganisations)
        return try await handle(req, user: user, root: nil, action: SiteRoute.rootImport.path,
                                target: Translator(req.language)("全部", "everything"), back: SiteRoute.organisations.path)
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
            return try await req.render("form", form(req, action: action, target: target, error: t("请选择要上传的CSV文件。", "Choose a CSV file to upload.")),
                                        status: .unprocessableEntity)
        }
        guard let (text, encoding) = TextDecoding.decode(Data(buffer: file.data)) else {
            return try await req.render("form", form(req, action: action, target: target,
                                                     error: t("无法识别文件编码：请保存为UTF-8或GBK编码的CSV。", "The file's encoding is not recognised: save it as CSV in UTF-8 or GBK.")),
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
        heading = t("导入到“\(target)”", "Import into '\(target)'")
        layout = Layout(request: request, title: heading)
        summary = [
            t("文件编码：\(encoding)，数据行：\(rows)", "Encoding: \(encoding); data rows: \(rows)"),
            t("新建：\(plan.creates.count)，修改：\(plan.updates.count)，无变化：\(plan.unchanged.count)，有错误的行：\(Set(plan.errors.map(\.line)).count)",
              "To create: \(plan.creates.count); to change: \(plan.updates.count); unchanged: \(plan.unchanged.count); rows with errors: \(Set(plan.errors.map(\.line)).count)"),
        ]
        clean = plan.isClean
        verdict = if !plan.isClean {
            t("有错误，未导入任何数据。请按下表改正后重新上传。", "There are errors; nothing was imported. Correct the rows below and upload again.")
        } else if dryRun {
            t("试运行：检查通过，未写入任何数据。取消“仅检查”后再上传即可导入。", "Dry run: all rows are fine and nothing was written. Upload again without “check only” to import.")
        } else if outcome.applied {
            t("已导入。", "Imported.")
        } else {
            t("没有需要导入的变化。", "Nothing to change.")
        }
        errorColumns = [t("行", "Line"), t("列", "Column"), t("问题", "Problem")]
        errors = plan.errors.map { ErrorRow(line: $0.line, column: $0.column, reason: t($0.reason)) }
        backPath = back
        backLabel = t("返回", "Back")
        againPath = again
        againLabel = t("再上传一个文件", "Upload another file")
    }
}
