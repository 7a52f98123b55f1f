import Fluent
import Foundation

/// One spot-check draw (抽查): who drew, when, from which population, with which seed, and what
/// was drawn. Never changed: drawing again adds the campaign's next draw.
final class SpotCheckDrawModel: Model, @unchecked Sendable {
    static let schema = "spot_check_draws"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    /// 1, 2, … within the campaign.
    @Field(key: "number") var number: Int
    /// The tier spot-checked (its id in the scheme).
    @Field(key: "tier") var tier: String
    /// The seed in decimal (a UInt64 does not fit every database's integer).
    @Field(key: "seed") var seed: String
    /// True when the person drawing typed the seed; false when the app picked it at random.
    @Field(key: "seed_given") var seedGiven: Bool
    @Field(key: "size") var size: Int
    /// The population in the draw's order: `[{"id": …, "name": …}]`.
    @Field(key: "population_json") var populationJSON: String
    /// The ids drawn, in the order drawn.
    @Field(key: "sample_json") var sampleJSON: String
    /// The federation that drew (the drawer's node over the campaign), by name.
    @Field(key: "federation") var federation: String
    @Field(key: "drawn_by") var drawnBy: String
    @Field(key: "drawn_at") var drawnAt: Date

    init() {}
}
