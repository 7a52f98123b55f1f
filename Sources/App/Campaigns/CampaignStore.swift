import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// Campaigns: opening one (pinning its schemes), reading them, and the progress under a node.
enum CampaignStore {
    enum ChangeError: Error {
        case invalid(FieldErrors)
        case stale
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// What the audit trail keeps of a campaign.
    struct Snapshot: AuditSnapshot, Codable, Equatable {
        var name: String
        var year: Int
        var owner: String
        var plan: CampaignPlan
    }

    /// Opens a campaign: keeps the text of every scheme it pins (once per content hash), stores the
    /// plan and writes the audit entry, in one transaction.
    static func create(title: String, owner: OrganisationModel, plan: CampaignPlan, texts: [String: SchemeSourceText],
                       actor: AuditDraft.Actor, on db: any Database) async throws -> UUID {
        if try await CampaignModel.query(on: db).filter(\.$ownerID == owner.id!).filter(\.$year == plan.year)
            .filter(\.$kind == plan.campaignKind.rawValue).filter(\.$subject == plan.campaignSubject.rawValue).first() != nil {
            var errors = FieldErrors()
            errors.add("year", Strings.CampaignPages.yearTaken(plan.year))
            throw ChangeError.invalid(errors)
        }
        try await keep(texts, at: actor.at, on: db)
        let campaign = CampaignModel()
        campaign.id = UUID()
        campaign.ownerID = owner.id!
        campaign.ownerPath = owner.path
        campaign.year = plan.year
        campaign.title = title
        campaign.planJSON = encode(plan)
        campaign.kind = plan.campaignKind.rawValue
        campaign.subject = plan.campaignSubject.rawValue
        campaign.version = 1
        campaign.createdAt = actor.at
        campaign.updatedAt = actor.at
        try await campaign.create(on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "campaign.create", entityType: "campaign",
                                              entityID: campaign.id!.uuidString.lowercased(), scope: owner.path,
                                              before: AuditDraft.nothing, after: Snapshot(name: title, year: plan.year, owner: owner.name, plan: plan))],
                                   on: db)
        return campaign.id!
    }

    /// Changes a campaign's title and plan if nobody changed it since `version`.
    static func update(_ id: UUID, version: Int, title: String, plan: CampaignPlan, texts: [String: SchemeSourceText], ownerName: String,
                       actor: AuditDraft.Actor, on db: any Database) async throws {
        guard let campaign = try await CampaignModel.find(id, on: db) else { throw AppError.notFound(AppError.nothingHere) }
        guard campaign.version == version else { throw ChangeError.stale }
        try await keep(texts, at: actor.at, on: db)
        let before = Snapshot(name: campaign.title, year: campaign.year, owner: ownerName, plan: try Self.plan(of: campaign))
        campaign.title = title
        campaign.year = plan.year
        campaign.planJSON = encode(plan)
        campaign.version += 1
        campaign.updatedAt = actor.at
        try await campaign.update(on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "campaign.update", entityType: "campaign",
                                              entityID: id.uuidString.lowercased(), scope: campaign.ownerPath, before: before,
                                              after: Snapshot(name: title, year: plan.year, owner: ownerName, plan: plan))], on: db)
    }

    /// Keeps each scheme text under its hash, once.
    static func keep(_ texts: [String: SchemeSourceText], at: Date, on db: any Database) async throws {
        for (hash, source) in texts where try await SchemeSnapshotModel.find(hash, on: db) == nil {
            let snapshot = SchemeSnapshotModel()
            snapshot.id = hash
            snapshot.schemeID = source.schemeID
            snapshot.version = source.version
            snapshot.content = source.text
            snapshot.createdAt = at
            try await snapshot.create(on: db)
        }
    }

    /// A scheme's text as a campaign keeps it.
    struct SchemeSourceText: Sendable {
        var schemeID: String
        var version: Int
        var text: String
    }

    static func plan(of campaign: CampaignModel) throws -> CampaignPlan {
        try decode(CampaignPlan.self, campaign.planJSON)
    }

    /// Grassroots units under `top` (not retired) with their application's state in the campaign.
    static func units(in campaignID: UUID, under top: TreePath, on db: any Database) async throws -> [UnitRow] {
        let sql = db as! any SQLDatabase
        return try await sql.select()
            .column(SQLColumn("id", table: "o")).column(SQLColumn("path", table: "o")).column(SQLColumn("name", table: "o"))
            .column(SQLColumn("chair", table: "o")).column(SQLColumn("phone", table: "o")).column(SQLColumn("kind", table: "o"))
            .column(SQLColumn("state", table: "a"))
            .from(SQLAlias(SQLIdentifier(OrganisationModel.schema), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier(ApplicationModel.schema), as: SQLIdentifier("a")), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(
                      SQLBinaryExpression(SQLColumn("unit_id", table: "a"), .equal, SQLColumn("id", table: "o")),
                      .and,
                      SQLBinaryExpression(SQLColumn("campaign_id", table: "a"), .equal, SQLBind(campaignID))))
            .where(SQLColumn("level", table: "o"), .equal, SQLBind(OrganisationLevel.grassroots.rawValue))
            .where(SQLColumn("retired_at", table: "o"), .is, SQLLiteral.null)
            .where(SQLColumn("path", table: "o"), .like, SQLBind(top.text + "%"))
            .orderBy(SQLColumn("path", table: "o"))
            .all(decoding: UnitRow.self)
    }

    struct UnitRow: Decodable, Sendable {
        var id: UUID
        var path: String
        var name: String
        var chair: String
        var phone: String
        var kind: String?
        var state: String?

        var applicationState: ApplicationState { state.flatMap(ApplicationState.init(rawValue:)) ?? .notStarted }
    }
}
