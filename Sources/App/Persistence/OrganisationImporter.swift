import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// Applies a CSV import: reads the tree, plans in the core, and, when every row is good and it
/// is not a dry run, writes the whole plan with its audit events in one transaction.
enum OrganisationImporter {
    struct Outcome: Sendable {
        var plan: OrganisationImport.Plan
        var applied: Bool
    }

    /// The nodes the planner may know: each subtree's ancestors and the whole subtree (every node
    /// for `nil`, the top). Nodes outside stay unknown, so no answer tells they exist.
    static func existing(under reach: Reach, on db: any Database) async throws -> [OrganisationModel] {
        let roots: [TreePath]
        switch reach {
        case .nowhere: return []
        case .everywhere: return try await OrganisationModel.query(on: db).all()
        case .within(let tops): roots = tops
        }
        var found: [UUID: OrganisationModel] = [:]
        for root in roots {
            let ancestorIDs = root.ids.dropLast().compactMap(UUID.init(uuidString:))
            let ancestors = try await ChunkedQuery.all(ancestorIDs) { OrganisationModel.query(on: db).filter(\.$id ~~ $0) }
            for org in ancestors + (try await OrganisationModel.query(on: db).filter(\.$path, .custom("LIKE"), root.text + "%").all()) {
                found[org.id!] = org
            }
        }
        return Array(found.values)
    }

    static func existing(under root: TreePath?, on db: any Database) async throws -> [OrganisationModel] {
        try await existing(under: root.map { .within([$0]) } ?? .everywhere, on: db)
    }

    /// Credit codes held by nodes the importer does not see.
    static func codes(outside known: [OrganisationModel], on db: any Database) async throws -> Set<String> {
        struct Code: Decodable { var credit_code: String }
        let all = try await (db as! any SQLDatabase).select().column("credit_code").from(OrganisationModel.schema)
            .where("credit_code", .isNot, SQLLiteral.null).all(decoding: Code.self)
        return Set(all.map(\.credit_code)).subtracting(known.compactMap(\.creditCode))
    }

    static func nodes(_ models: [OrganisationModel]) -> [OrganisationImport.ExistingNode] {
        let names = Dictionary(models.compactMap { m in m.id.map { ($0.uuidString.lowercased(), m.name) } }, uniquingKeysWith: { a, _ in a })
        return models.map { m in
            OrganisationImport.ExistingNode(
                id: m.id!.uuidString.lowercased(), parentID: m.parentID?.uuidString.lowercased(), path: m.treePath,
                namePath: m.treePath.ids.map { names[$0] ?? "?" }, profile: m.profile, retired: m.retiredAt != nil)
        }
    }

    static func plan(rows: [OrganisationCSV.Row], root: TreePath?, subject: AccessSubject, on db: any Database) async throws
        -> (OrganisationImport.Plan, [OrganisationModel]) {
        // Under a node: that subtree. At the top: every subtree the user may import into.
        let reach: Reach = root.map { .within([$0]) } ?? AccessPolicy.reach(subject, for: .importOrganisations)
        let models = try await existing(under: reach, on: db)
        let taken = try await codes(outside: models, on: db)
        let plan = OrganisationImport.plan(rows: rows, existing: nodes(models), takenCodes: taken) { path in
            guard let path else { return root == nil && AccessPolicy.permits(subject, .importOrganisations, on: .top) }
            return (root?.contains(path) ?? true) && AccessPolicy.permits(subject, .importOrganisations, on: AccessTarget(place: .node(path)))
        }
        return (plan, models)
    }

    static func run(rows: [OrganisationCSV.Row], root: TreePath?, subject: AccessSubject, dryRun: Bool, actor: AuditDraft.Actor,
                    request: Request) async throws -> Outcome {
        if dryRun {
            let (plan, _) = try await plan(rows: rows, root: root, subject: subject, on: request.db)
            return Outcome(plan: plan, applied: false)
        }
        // Planned again inside the write transaction, so nothing changes between plan and write.
        return try await request.writes.perform { db in
            let (plan, models) = try await plan(rows: rows, root: root, subject: subject, on: db)
            guard plan.isClean, plan.changeCount > 0 else { return Outcome(plan: plan, applied: false) }
            try await apply(plan, models: models, actor: actor, on: db)
            return Outcome(plan: plan, applied: true)
        }
    }

    private static func apply(_ plan: OrganisationImport.Plan, models: [OrganisationModel], actor: AuditDraft.Actor, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        var byID = Dictionary(models.compactMap { m in m.id.map { ($0.uuidString.lowercased(), m) } }, uniquingKeysWith: { a, _ in a })
        var createdPaths: [Int: (UUID, TreePath)] = [:]
        var drafts: [AuditDraft] = []
        let now = actor.at

        /// The parent's id and path; a reference the plan cannot resolve stops the import, never
        /// falling back to the top of the tree.
        func parentOf(_ reference: OrganisationImport.ParentReference) throws -> (UUID?, TreePath) {
            switch reference {
            case .root:
                return (nil, .root)
            case .existing(let id):
                guard let node = byID[id], let path = TreePath(text: node.path) else { throw ImportError.unresolved }
                return (node.id, path)
            case .row(let line):
                guard let created = createdPaths[line] else { throw ImportError.unresolved }
                return created
            }
        }

        // Creates, parents first (the plan is in that order), in batches.
        var pending: [OrganisationModel] = []
        for create in plan.creates {
            let (parentID, parentPath) = try parentOf(create.parent)
            let org = OrganisationModel()
            let id = UUID()
            org.id = id
            org.parentID = parentID
            org.path = parentPath.appending(id.uuidString.lowercased()).text
            org.apply(create.profile)
            org.version = 1
            createdPaths[create.line] = (id, org.treePath)
            pending.append(org)
            drafts.append(AuditDraft(actor: actor, action: "organisation.create", entityType: "organisation", entityID: id.uuidString.lowercased(),
                                     scope: org.path, before: Optional<OrganisationSnapshot>.none, after: OrganisationSnapshot(org)))
        }
        for batch in stride(from: 0, to: pending.count, by: 200).map({ Array(pending[$0 ..< min($0 + 200, pending.count)]) }) {
            var insert = sql.insert(into: OrganisationModel.schema).columns(
                "id", "parent_id", "path", "name", "level", "kind", "credit_code", "members", "employees", "chair", "phone",
                "address", "company_form", "retired_at", "version", "created_at", "updated_at")
            for o in batch {
                insert = insert.values(
                    SQLBind(o.id), SQLBind(o.parentID), SQLBind(o.path), SQLBind(o.name), SQLBind(o.level), SQLBind(o.kind),
                    SQLBind(o.creditCode), SQLBind(o.members), SQLBind(o.employees), SQLBind(o.chair), SQLBind(o.phone),
                    SQLBind(o.address), SQLBind(o.companyForm), SQLBind(Optional<Date>.none), SQLBind(1), SQLBind(now), SQLBind(now))
            }
            try await insert.run()
        }

        // Updates and moves.
        for update in plan.updates {
            guard let org = byID[update.id], let id = org.id else { continue }
            let before = OrganisationSnapshot(org)
            org.apply(update.after)
            org.retiredAt = nil
            if let newParent = update.newParent {
                let (parentID, parentPath) = try parentOf(newParent)
                let oldPath = org.treePath
                let newPath = parentPath.appending(id.uuidString.lowercased())
                try await OrganisationStore.rebaseSubtree(from: oldPath, to: newPath, on: db)
                org.parentID = parentID
                org.path = newPath.text
                for (key, other) in byID where oldPath.contains(other.treePath) && key != update.id {
                    other.path = other.treePath.rebased(from: oldPath, to: newPath).text
                    byID[key] = other
                }
            }
            // Planned inside this transaction, so the version read is the version written over.
            try await OrganisationStore.fieldUpdate(org, nextVersion: org.version + 1, at: now, on: db).run()
            org.version += 1
            drafts.append(AuditDraft(actor: actor, action: update.newParent == nil ? "organisation.update" : "organisation.move",
                                     entityType: "organisation", entityID: update.id, scope: org.path,
                                     before: before, after: OrganisationSnapshot(org)))
        }
        try await AuditLog.append(drafts, on: db)
    }
}

enum ImportError: Error {
    /// The plan named a parent the importer could not find: a bug, so nothing is written.
    case unresolved
}
