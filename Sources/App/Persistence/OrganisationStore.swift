import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// What the audit trail keeps of a node, before and after a change.
struct OrganisationSnapshot: AuditSnapshot, Codable, Sendable, Equatable {
    var name: String
    var path: String
    var level: String
    var kind: String?
    var creditCode: String?
    var members: Int
    var employees: Int
    var chair: String
    var phone: String
    var address: String
    var companyForm: Bool
    var retired: Bool

    init(_ org: OrganisationModel) {
        name = org.name
        path = org.path
        level = org.level
        kind = org.kind
        creditCode = org.creditCode
        members = org.members
        employees = org.employees
        chair = org.chair
        phone = org.phone
        address = org.address
        companyForm = org.companyForm
        retired = org.retiredAt != nil
    }
}

/// A node as the pages read it: plain values decoded from an SQL row, no Fluent model.
struct OrganisationRecord: Sendable {
    var id: UUID
    var parentID: UUID?
    var path: String
    var name: String
    var level: String
    var kind: String?
    var creditCode: String?
    var members: Int
    var employees: Int
    var chair: String
    var phone: String
    var address: String
    var companyForm: Bool
    var retiredAt: Date?
    var version: Int

    /// The columns `init(row:)` reads, for a query's select list.
    static let columns = "id, parent_id, path, name, level, kind, credit_code, members, employees, chair, phone, address, company_form, retired_at, version"

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        parentID = try row.decode(column: "parent_id", as: UUID?.self)
        path = try row.decode(column: "path", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        level = try row.decode(column: "level", as: String.self)
        kind = try row.decode(column: "kind", as: String?.self)
        creditCode = try row.decode(column: "credit_code", as: String?.self)
        members = try row.decode(column: "members", as: Int.self)
        employees = try row.decode(column: "employees", as: Int.self)
        chair = try row.decode(column: "chair", as: String.self)
        phone = try row.decode(column: "phone", as: String.self)
        address = try row.decode(column: "address", as: String.self)
        companyForm = try row.decode(column: "company_form", as: Bool.self)
        retiredAt = try row.decode(column: "retired_at", as: Date?.self)
        version = try row.decode(column: "version", as: Int.self)
    }

    var treePath: TreePath { TreePath(text: path) ?? .root }

    /// What `AccessPolicy` is asked about: the node's place and state (as `OrganisationModel.accessTarget`).
    var accessTarget: AccessTarget { .organisation(treePath, retired: retiredAt != nil) }

    var profile: OrganisationProfile {
        OrganisationProfile(
            name: name, level: OrganisationLevel(rawValue: level) ?? .grassroots, kind: kind.flatMap(UnionKind.init(rawValue:)),
            creditCode: creditCode, members: members, employees: employees, chair: chair, phone: phone,
            address: address, companyForm: companyForm)
    }
}

/// What a list of nodes shows of each (a node's children, the organisation list): fewer columns
/// decoded than a whole `OrganisationRecord`, as a list has many rows.
struct OrganisationListItem: Sendable {
    var id: UUID
    var name: String
    var level: String
    var kind: String?
    var members: Int
    var employees: Int
    var retired: Bool

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        name = try row.decode(column: "name", as: String.self)
        level = try row.decode(column: "level", as: String.self)
        kind = try row.decode(column: "kind", as: String?.self)
        members = try row.decode(column: "members", as: Int.self)
        employees = try row.decode(column: "employees", as: Int.self)
        retired = try row.decodeNil(column: "retired_at") == false
    }
}

/// Reads and changes the organisation tree. Every change runs in a `WriteGate` transaction with
/// its audit event, carries the version it was read at, and refuses to overwrite a newer one.
struct OrganisationStore {
    let database: any Database

    /// A node with its ancestors and one page of its children, in one query (a town's page reads
    /// nothing else but the session): the ancestors are found by walking `parent_id` up from the
    /// node, the children by `parent_id` down, by name. Nil when there is no such node. The
    /// caller checks access on `node` before showing any of it.
    func nodeWithAncestorsAndChildren(_ id: UUID, page: Int, size: Int) async throws
        -> (node: OrganisationRecord, ancestors: [OrganisationRecord], children: [OrganisationListItem], more: Bool)? {
        let columns = OrganisationRecord.columns
        // `depth` stops a corrupt, cyclic parent chain; the tree is far shallower. The page's bounds
        // are integers written into the text: bound, SQLite prepared the statement twice on every
        // run (a bound LIMIT marks it for re-preparing once the value is known).
        let rows = try await (database as! any SQLDatabase).raw("""
            WITH RECURSIVE chain(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM \(ident: OrganisationModel.schema) WHERE id = \(bind: id)
                UNION ALL
                SELECT o.id, o.parent_id, c.depth + 1 FROM \(ident: OrganisationModel.schema) o JOIN chain c ON o.id = c.parent_id
                WHERE c.depth < 64
            )
            SELECT 0 AS part, \(unsafeRaw: columns) FROM \(ident: OrganisationModel.schema) WHERE id IN (SELECT id FROM chain)
            UNION ALL
            SELECT 1 AS part, \(unsafeRaw: columns) FROM (
                SELECT \(unsafeRaw: columns) FROM \(ident: OrganisationModel.schema) WHERE parent_id = \(bind: id)
                ORDER BY name, id LIMIT \(unsafeRaw: String(size + 1)) OFFSET \(unsafeRaw: String((page - 1) * size))
            ) AS children
            ORDER BY part, name, id
            """).all()
        var chain: [String: OrganisationRecord] = [:]
        var children: [OrganisationListItem] = []
        children.reserveCapacity(min(rows.count, size + 1))
        for row in rows {
            if try row.decode(column: "part", as: Int.self) == 0 {
                let record = try OrganisationRecord(row: row)
                chain[record.id.uuidString.lowercased()] = record
            } else {
                children.append(try OrganisationListItem(row: row))
            }
        }
        guard let node = chain[id.uuidString.lowercased()] else { return nil }
        let ancestors = node.treePath.ids.dropLast().compactMap { chain[$0] }
        return (node, ancestors, Array(children.prefix(size)), children.count > size)
    }

    /// The nodes on the path, root first (for breadcrumbs and name paths).
    func nodes(on path: TreePath) async throws -> [OrganisationModel] {
        let ids = path.ids.compactMap(UUID.init(uuidString:))
        let found = try await ChunkedQuery.all(ids) { OrganisationModel.query(on: database).filter(\.$id ~~ $0) }
        let byID = Dictionary(uniqueKeysWithValues: found.compactMap { org in org.id.map { ($0, org) } })
        return ids.compactMap { byID[$0] }
    }

    /// A path as its names, root first (`威海市总工会 / 乳山市总工会 / …`); `missing` for a node not in `names`.
    static func namePath(_ path: TreePath, _ names: [String: String], missing: String? = nil) -> String {
        path.ids.compactMap { names[$0] ?? missing }.joined(separator: " / ")
    }

    /// The levels of every node on the given paths, by lower-case id, in one query (one per 1,000 ids).
    func levels(on paths: [TreePath]) async throws -> [String: OrganisationLevel] {
        let ids = Array(Set(paths.flatMap(\.ids))).compactMap(UUID.init(uuidString:))
        var levels: [String: OrganisationLevel] = [:]
        for start in stride(from: 0, to: ids.count, by: ChunkedQuery.chunkSize) {
            let chunk = ids[start..<min(start + ChunkedQuery.chunkSize, ids.count)]
            let rows = try await (database as! any SQLDatabase).select().columns("id", "level").from(OrganisationModel.schema)
                .where("id", .in, SQLBind.group(Array(chunk))).all()
            for row in rows {
                levels[try row.decode(column: "id", as: UUID.self).uuidString.lowercased()] =
                    OrganisationLevel(rawValue: try row.decode(column: "level", as: String.self))
            }
        }
        return levels
    }

    /// The names of every node on the given paths, by lower-case id, in one query (one per 1,000 ids).
    func names(on paths: [TreePath]) async throws -> [String: String] {
        let ids = Array(Set(paths.flatMap(\.ids))).compactMap(UUID.init(uuidString:))
        var names: [String: String] = [:]
        names.reserveCapacity(ids.count)
        for start in stride(from: 0, to: ids.count, by: ChunkedQuery.chunkSize) {
            let chunk = ids[start..<min(start + ChunkedQuery.chunkSize, ids.count)]
            let rows = try await (database as! any SQLDatabase).select().columns("id", "name").from(OrganisationModel.schema)
                .where("id", .in, SQLBind.group(Array(chunk))).all()
            for row in rows {
                names[try row.decode(column: "id", as: UUID.self).uuidString.lowercased()] = try row.decode(column: "name", as: String.self)
            }
        }
        return names
    }

    /// A node and everything below it.
    func subtree(of path: TreePath) async throws -> [OrganisationModel] {
        try await OrganisationModel.query(on: database).filter(\.$path, .custom("LIKE"), path.text + "%").all()
    }

    /// The tops of a reach: each subtree's node, or every root when it reaches everywhere.
    func visibleRoots(_ reach: Reach) async throws -> [OrganisationListItem] {
        let sql = database as! any SQLDatabase
        switch reach {
        case .nowhere:
            return []
        case .everywhere:
            return try await sql.raw("""
                SELECT \(unsafeRaw: OrganisationRecord.columns) FROM \(ident: OrganisationModel.schema) WHERE parent_id IS NULL ORDER BY name, id
                """).all().map(OrganisationListItem.init(row:))
        case .within(let tops):
            let ids = Array(Set(tops.compactMap { $0.ids.last.flatMap(UUID.init(uuidString:)) }))
            var found: [OrganisationListItem] = []
            for start in stride(from: 0, to: ids.count, by: ChunkedQuery.chunkSize) {
                let chunk = Array(ids[start..<min(start + ChunkedQuery.chunkSize, ids.count)])
                found += try await sql.raw("""
                    SELECT \(unsafeRaw: OrganisationRecord.columns) FROM \(ident: OrganisationModel.schema) WHERE id IN (\(binds: chunk))
                    """).all().map(OrganisationListItem.init(row:))
            }
            return found.sorted { $0.name < $1.name }
        }
    }

    // MARK: Changes

    enum ChangeError: Error {
        case stale
        case invalid(FieldErrors)
    }

    /// Checks what the database must agree with: a unique name among siblings, a unique credit
    /// code, a level that fits under the parent.
    static func check(_ profile: OrganisationProfile, parent: OrganisationModel?, excluding id: UUID?, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        if let parent, parent.retiredAt != nil {
            errors.add("parent", Strings.Organisations.Problems.parentRetired)
        }
        if let parent {
            let parentLevel = OrganisationLevel(rawValue: parent.level) ?? .grassroots
            if !parentLevel.allowedChildren.contains(profile.level) {
                errors.add("level", Strings.Organisations.Problems.levelNotUnder(profile.level.label, parentLevel.label))
            }
        } else if !profile.level.canBeRoot {
            errors.add("level", Strings.Organisations.Problems.onlyPrefectureWithoutParent)
        }
        var siblings = OrganisationModel.query(on: db).filter(\.$name == profile.name).filter(\.$retiredAt == nil)
        siblings = parent?.id.map { siblings.filter(\.$parentID == $0) } ?? siblings.filter(\.$parentID == nil)
        if let id { siblings = siblings.filter(\.$id != id) }
        if try await siblings.count() > 0 {
            errors.add("name", Strings.Organisations.Problems.nameTakenUnderParent(profile.name))
        }
        if let code = profile.creditCode {
            var holders = OrganisationModel.query(on: db).filter(\.$creditCode == code)
            if let id { holders = holders.filter(\.$id != id) }
            // The holder may lie outside what this user may see: say only that it is taken.
            if try await holders.count() > 0 {
                errors.add("creditCode", Strings.Organisations.Problems.creditCodeTaken)
            }
        }
        return errors
    }

    static func create(_ profile: OrganisationProfile, under parent: OrganisationModel?, actor: AuditDraft.Actor, on db: any Database) async throws -> OrganisationModel {
        let errors = try await check(profile, parent: parent, excluding: nil, on: db)
        guard errors.isEmpty else { throw ChangeError.invalid(errors) }
        let org = OrganisationModel()
        let id = UUID()
        org.id = id
        org.parentID = parent?.id
        org.path = (parent?.treePath ?? .root).appending(id.uuidString.lowercased()).text
        org.apply(profile)
        org.version = 1
        try await org.create(on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "organisation.create", entityType: "organisation",
                                              entityID: id.uuidString.lowercased(), scope: org.path,
                                              before: Optional<OrganisationSnapshot>.none, after: OrganisationSnapshot(org))], on: db)
        return org
    }

    static func update(_ id: UUID, version: Int, to profile: OrganisationProfile, actor: AuditDraft.Actor, on db: any Database) async throws -> OrganisationModel {
        guard let org = try await OrganisationModel.find(id, on: db) else { throw AppError.notFound(AppError.nothingHere) }
        guard org.version == version else { throw ChangeError.stale }
        guard profile.level.rawValue == org.level else {
            var errors = FieldErrors()
            errors.add("level", Strings.Organisations.Problems.levelIsFixed)
            throw ChangeError.invalid(errors)
        }
        let parent = try await org.parentID.asyncMap { try await OrganisationModel.find($0, on: db) } ?? nil
        let errors = try await check(profile, parent: parent, excluding: id, on: db)
        guard errors.isEmpty else { throw ChangeError.invalid(errors) }
        let before = OrganisationSnapshot(org)
        org.apply(profile)
        guard OrganisationSnapshot(org) != before else { return org }
        try await bump(org, from: version, at: actor.at, on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "organisation.update", entityType: "organisation",
                                              entityID: id.uuidString.lowercased(), scope: org.path,
                                              before: before, after: OrganisationSnapshot(org))], on: db)
        return org
    }

    /// Moves a node (and so everything under it) to a new parent; every path below is rewritten.
    static func move(_ id: UUID, version: Int, to newParent: OrganisationModel, actor: AuditDraft.Actor, on db: any Database) async throws -> OrganisationModel {
        guard let org = try await OrganisationModel.find(id, on: db) else { throw AppError.notFound(AppError.nothingHere) }
        guard org.version == version else { throw ChangeError.stale }
        var errors = FieldErrors()
        if org.treePath.contains(newParent.treePath) {
            errors.add("parent", Strings.Organisations.Problems.cannotMoveUnderItself)
            throw ChangeError.invalid(errors)
        }
        errors = try await check(org.profile, parent: newParent, excluding: id, on: db)
        guard errors.isEmpty else { throw ChangeError.invalid(errors) }
        let before = OrganisationSnapshot(org)
        let oldPath = org.treePath
        let newPath = newParent.treePath.appending(id.uuidString.lowercased())
        try await rebaseSubtree(from: oldPath, to: newPath, on: db)
        org.path = newPath.text
        org.parentID = newParent.id
        try await bump(org, from: version, at: actor.at, on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: "organisation.move", entityType: "organisation",
                                              entityID: id.uuidString.lowercased(), scope: org.path,
                                              before: before, after: OrganisationSnapshot(org))], on: db)
        return org
    }

    /// Retires (撤销) or restores a node; a node with active children cannot be retired.
    static func setRetired(_ id: UUID, _ retired: Bool, version: Int, actor: AuditDraft.Actor, on db: any Database) async throws -> OrganisationModel {
        guard let org = try await OrganisationModel.find(id, on: db) else { throw AppError.notFound(AppError.nothingHere) }
        guard org.version == version else { throw ChangeError.stale }
        if retired, try await OrganisationModel.query(on: db).filter(\.$parentID == id).filter(\.$retiredAt == nil).count() > 0 {
            var errors = FieldErrors()
            errors.add("retire", Strings.Organisations.Problems.hasActiveChildren)
            throw ChangeError.invalid(errors)
        }
        if !retired {
            let parent = try await org.parentID.asyncMap { try await OrganisationModel.find($0, on: db) } ?? nil
            if parent?.retiredAt != nil {
                var errors = FieldErrors()
                errors.add("retire", Strings.Organisations.Problems.restoreParentFirst)
                throw ChangeError.invalid(errors)
            }
            let errors = try await check(org.profile, parent: parent, excluding: id, on: db)
            guard errors.isEmpty else { throw ChangeError.invalid(errors) }
        }
        let before = OrganisationSnapshot(org)
        org.retiredAt = retired ? actor.at : nil
        try await bump(org, from: version, at: actor.at, on: db)
        try await AuditLog.append([AuditDraft(actor: actor, action: retired ? "organisation.retire" : "organisation.restore",
                                              entityType: "organisation", entityID: id.uuidString.lowercased(), scope: org.path,
                                              before: before, after: OrganisationSnapshot(org))], on: db)
        return org
    }

    /// Rewrites the paths of a node and everything below it in one statement: the new prefix and
    /// what followed the old one.
    static func rebaseSubtree(from oldPath: TreePath, to newPath: TreePath, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE organisations SET path = \(bind: newPath.text) || substr(path, CAST(\(bind: oldPath.text.count + 1) AS INTEGER))
            WHERE path LIKE \(bind: oldPath.text + "%")
            """).run()
    }

    /// The statement that writes a node's fields (all but its path) and its next version.
    static func fieldUpdate(_ org: OrganisationModel, nextVersion: Int, at now: Date, on db: any Database) -> SQLUpdateBuilder {
        (db as! any SQLDatabase).update(OrganisationModel.schema)
            .set("parent_id", to: SQLBind(org.parentID))
            .set("name", to: SQLBind(org.name))
            .set("kind", to: SQLBind(org.kind))
            .set("credit_code", to: SQLBind(org.creditCode))
            .set("members", to: SQLBind(org.members))
            .set("employees", to: SQLBind(org.employees))
            .set("chair", to: SQLBind(org.chair))
            .set("phone", to: SQLBind(org.phone))
            .set("address", to: SQLBind(org.address))
            .set("company_form", to: SQLBind(org.companyForm))
            .set("retired_at", to: SQLBind(org.retiredAt))
            .set("version", to: SQLBind(nextVersion))
            .set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(org.id))
    }

    /// Saves the model only if nobody raised its version meanwhile (compare-and-set).
    private static func bump(_ org: OrganisationModel, from version: Int, at now: Date, on db: any Database) async throws {
        let rows = try await fieldUpdate(org, nextVersion: version + 1, at: now, on: db)
            .where("version", .equal, SQLBind(version))
            .returning("version")
            .all()
        guard rows.count == 1 else { throw ChangeError.stale }
        org.version = version + 1
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
