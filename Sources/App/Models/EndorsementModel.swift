import Fluent
import Foundation
import UnionStarCore

/// 审核盖章: one sub-federation's stamp on one filing round of an application, with its opinion.
final class EndorsementModel: Model, @unchecked Sendable {
    static let schema = "endorsements"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    /// The filing round stamped; a return and a new filing are stamped again.
    @Field(key: "round") var round: Int
    /// The sub-federation that stamped, and its tree path then.
    @Field(key: "endorser_id") var endorserID: UUID
    @Field(key: "endorser_path") var endorserPath: String
    @Field(key: "opinion") var opinion: String
    /// The date written in the box (YYYY-MM-DD).
    @Field(key: "dated") var dated: String
    @Field(key: "endorsed_by") var endorsedBy: String
    @Field(key: "endorsed_at") var endorsedAt: Date

    init() {}

    init(applicationID: UUID, round: Int, endorserID: UUID, endorserPath: String, opinion: String, dated: CalendarDate, endorsedBy: String,
         endorsedAt: Date) {
        id = UUID()
        self.applicationID = applicationID
        self.round = round
        self.endorserID = endorserID
        self.endorserPath = endorserPath
        self.opinion = opinion
        self.dated = dated.description
        self.endorsedBy = endorsedBy
        self.endorsedAt = endorsedAt
    }
}
