import Fluent
import Testing
@testable import App

/// Models that list their properties by hand (to spare Fluent's per-row reflection) list exactly
/// what reflection finds, in the same order: a field added without updating the list fails here.
@Suite struct ModelPropertiesTests {
    static func reflected(_ model: some Fields) -> [String] {
        Mirror(reflecting: model).children.compactMap { $0.value as? any AnyDatabaseProperty }.flatMap(\.keys).map(\.description)
    }

    static func listed(_ model: some Fields) -> [String] {
        model.properties.compactMap { $0 as? any AnyDatabaseProperty }.flatMap(\.keys).map(\.description)
    }

    @Test(arguments: [
        (Self.reflected(OrganisationModel()), Self.listed(OrganisationModel())),
        (Self.reflected(UserModel()), Self.listed(UserModel())),
        (Self.reflected(RoleAssignmentModel()), Self.listed(RoleAssignmentModel())),
    ])
    func handListedPropertiesMatchReflection(reflected: [String], listed: [String]) {
        #expect(!reflected.isEmpty)
        #expect(listed == reflected)
    }
}
