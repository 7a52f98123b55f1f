import Foundation

/// A re-review's recorded outcome (复查结论), kept on the round's application and published with
/// its reason (公示原因).
public struct ReReviewOutcome: Sendable, Hashable, Codable {
    public var outcome: ReReview.Outcome
    /// The tier held before the re-review.
    public var heldTier: String
    /// The re-review's inspected score the rule read.
    public var score: Points
    /// The public reason, in the scheme's words (empty when kept).
    public var reason: String
    public var decidedOn: CalendarDate

    public init(outcome: ReReview.Outcome, heldTier: String, score: Points, reason: String, decidedOn: CalendarDate) {
        self.outcome = outcome
        self.heldTier = heldTier
        self.score = score
        self.reason = reason
        self.decidedOn = decidedOn
    }

    /// The tier the unit holds after it: the same, the lower one, or none (摘牌).
    public var tierAfter: String? {
        switch outcome {
        case .keep: heldTier
        case .downgrade(let tier): tier
        case .revoke: nil
        }
    }
}
