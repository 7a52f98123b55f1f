/// A part of a scheme that may carry a note of ours beside the seed's words: `note` in Chinese,
/// `noteEn` in English. The loader refuses one without the other, so every page can show the
/// note in its own language.
public protocol BilingualNote {
    var note: String? { get }
    var noteEn: String? { get }
}

extension BilingualNote {
    /// The note in `language`, or nil when there is none.
    public func note(in language: Language) -> String? {
        switch language {
        case .zh: note
        case .en: noteEn
        }
    }
}

extension Scheme: BilingualNote {}
extension Item: BilingualNote {}
extension Fact: BilingualNote {}
extension Rule: BilingualNote {}
extension Veto: BilingualNote {}
extension Setting: BilingualNote {}
extension Timeline.Step: BilingualNote {}
extension RewardPolicy.Reduction: BilingualNote {}
extension ReReviewPolicy: BilingualNote {}
