import Foundation

/// An inspector's own declaration of a conflict of interest with a unit (利益冲突声明，主动回避):
/// kin working there, a former post, a business tie. Once declared, staff cannot assign them to
/// the unit (`ConflictOfInterest`), and an assignment they have not scored yet ends.
public enum ConflictDeclaration {
    public static let reasonLimit = 200

    /// What declaring does to the inspector's assignment to the same unit, if they have one.
    public enum Effect: Sendable, Hashable {
        /// Not scored yet: the inspector leaves the assignment (staff see the declaration and assign
        /// someone else).
        case withdrawn
        /// Scored already: the scores stand until staff decide (they see the declaration beside
        /// them); after the inspection closed, every assigned inspector has scored.
        case kept
    }

    /// The reason as kept, or the problems by field: only a grassroots union is inspected, so only
    /// one can be declared (`unit`); the reason is required and at most 200 characters (`reason`).
    public static func check(reason: String, level: OrganisationLevel?) -> Result<String, FieldErrors> {
        var errors = FieldErrors()
        if level != .grassroots { errors.add("unit", Strings.Conflicts.notAUnion) }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.add("reason", Strings.Conflicts.reasonRequired) }
        else if text.count > reasonLimit { errors.add("reason", Strings.Conflicts.reasonTooLong(count: text.count)) }
        return errors.isEmpty ? .success(text) : .failure(errors)
    }

    public static func effect(scored: Bool) -> Effect {
        scored ? .kept : .withdrawn
    }
}
