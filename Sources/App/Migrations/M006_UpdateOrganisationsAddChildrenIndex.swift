import Fluent
import SQLKit

/// A node's children are read a page at a time in name order (a town's page, the tree's pickers):
/// an index on (parent_id, name, id) gives them in that order, where the index on parent_id alone
/// made the database sort every child of the node for each page. It replaces that index, which it
/// covers.
struct UpdateOrganisationsAddChildrenIndex: AsyncMigration {
    var name: String { "M006_UpdateOrganisationsAddChildrenIndex" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "organisations_children").on(OrganisationModel.schema).column("parent_id").column("name").column("id").run()
        try await sql.drop(index: "organisations_parent").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "organisations_parent").on(OrganisationModel.schema).column("parent_id").run()
        try await sql.drop(index: "organisations_children").run()
    }
}
