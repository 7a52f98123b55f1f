import Fluent
import Foundation
import UnionStarCore

/// A node of the organisation tree: a federation, a sub-federation or a grassroots union.
final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "parent_id") var parentID: UUID?
    /// `/id/id/…/`: the ids from the root down, this node's last.
    @Field(key: "path") var path: String
    @Field(key: "name") var name: String
    @Field(key: "level") var level: String
    @OptionalField(key: "kind") var kind: String?
    @OptionalField(key: "credit_code") var creditCode: String?
    @Field(key: "members") var members: Int
    @Field(key: "employees") var employees: Int
    @Field(key: "chair") var chair: String
    @Field(key: "phone") var phone: String
    @Field(key: "address") var address: String
    @Field(key: "company_form") var companyForm: Bool
    @OptionalField(key: "retired_at") var retiredAt: Date?
    /// Raised on every change; a save that carries an older version is refused.
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed by hand: Fluent's default finds the properties by reflection on every row it reads,
    /// which was a fifth of a page's time. `ModelPropertiesTests` checks the list against reflection.
    var properties: [any AnyProperty] { [_id, _parentID, _path, _name, _level, _kind, _creditCode, _members, _employees, _chair, _phone, _address, _companyForm, _retiredAt, _version, _createdAt, _updatedAt] }

    var treePath: TreePath { TreePath(text: path) ?? .root }

    /// What `AccessPolicy` is asked about: the node's place and state.
    var accessTarget: AccessTarget { .organisation(treePath, retired: retiredAt != nil) }

    var profile: OrganisationProfile {
        OrganisationProfile(
            name: name, level: OrganisationLevel(rawValue: level) ?? .grassroots, kind: kind.flatMap(UnionKind.init(rawValue:)),
            creditCode: creditCode, members: members, employees: employees, chair: chair, phone: phone,
            address: address, companyForm: companyForm)
    }

    func apply(_ p: OrganisationProfile) {
        name = p.name
        level = p.level.rawValue
        kind = p.kind?.rawValue
        creditCode = p.creditCode
        members = p.members
        employees = p.employees
        chair = p.chair
        phone = p.phone
        address = p.address
        companyForm = p.companyForm
    }
}
