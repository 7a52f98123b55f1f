import Fluent
import FluentSQL
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// Finds units by name inside a reach, for the pickers that replace whole-subtree `<select>`s:
/// a province has 100,000 units, so a form lists only what matches what was typed.
struct OrganisationSearch {
    /// What the caller needs of a match: its id and its path of names.
    struct Match: Codable, Sendable {
        var id: String
        var label: String
    }

    struct Criteria: Sendable {
        var reach: Reach
        var text: String = ""
        /// Only nodes of these levels; nil for any.
        var levels: Set<OrganisationLevel>? = nil
        /// Leave out this node and everything under it (a node cannot move under itself).
        var excludingSubtree: TreePath? = nil
        /// Leave out these nodes (a node's present parent).
        var excluding: Set<UUID> = []
    }

    static let limit = 30

    let database: any Database

    /// At most `limit` active matches, the shallowest first, and whether there were more.
    func find(_ criteria: Criteria) async throws -> (matches: [Match], more: Bool) {
        var query = OrganisationModel.query(on: database).filter(\.$retiredAt == nil)
        switch criteria.reach {
        case .nowhere: return ([], false)
        case .everywhere: break
        case .within(let tops):
            query = query.group(.or) { group in
                for top in tops { group.filter(\.$path, .custom("LIKE"), top.text + "%") }
            }
        }
        let text = criteria.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty {
            query = query.filter(.sql(ContainsText(column: "name", text: text)))
        }
        if let levels = criteria.levels { query = query.filter(\.$level ~~ levels.map(\.rawValue)) }
        if let subtree = criteria.excludingSubtree { query = query.filter(\.$path, .custom("NOT LIKE"), subtree.text + "%") }
        if !criteria.excluding.isEmpty { query = query.filter(\.$id !~ Array(criteria.excluding)) }
        let found = try await query.sort(.sql(unsafeRaw: "length(path)")).sort(\.$name).limit(Self.limit + 1).all()
        let page = Array(found.prefix(Self.limit))
        let names = try await OrganisationStore(database: database).names(on: page.map(\.treePath))
        let matches = page.map { org in
            Match(id: org.id!.uuidString.lowercased(), label: OrganisationStore.namePath(org.treePath, names))
        }
        return (matches, found.count > Self.limit)
    }
}

/// `column LIKE '%text%' ESCAPE '\'`, with the user's `%`, `_` and `\` taken literally, the same on
/// SQLite and PostgreSQL.
struct ContainsText: SQLExpression {
    var column: String
    var text: String

    func serialize(to serializer: inout SQLSerializer) {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        SQLColumn(column).serialize(to: &serializer)
        serializer.write(" LIKE ")
        SQLBind("%" + escaped + "%").serialize(to: &serializer)
        serializer.write(" ESCAPE '\\'")
    }
}
