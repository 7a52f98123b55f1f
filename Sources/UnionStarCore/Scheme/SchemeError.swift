/// A scheme file that cannot be used: which file, where in it, and why.
public struct SchemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Location: Sendable, Equatable {
        case file
        case section(String)
        case item(Int)
        case fact(String)
        case tier(String)
        case veto(String)
        case setting(String)
        case rewards
        case reReview
        case timeline

        func text(in language: Language) -> String {
            let place: LocalizedText = switch self {
            case .file: .empty
            case .section(let t): Strings.Scheme.Locations.section(t)
            case .item(let n): Strings.Scheme.Locations.item(n)
            case .fact(let f): Strings.Scheme.Locations.fact(f)
            case .tier(let t): Strings.Scheme.Locations.tier(t)
            case .veto(let v): Strings.Scheme.Locations.veto(v)
            case .setting(let s): Strings.Scheme.Locations.setting(s)
            case .rewards: Strings.Scheme.Locations.rewards
            case .reReview: Strings.Scheme.Locations.reReview
            case .timeline: Strings.Scheme.Locations.timeline
            }
            return place.text(in: language)
        }
    }

    public var file: String
    public var location: Location
    public var reason: LocalizedText

    public init(file: String, location: Location, reason: LocalizedText) {
        self.file = file
        self.location = location
        self.reason = reason
    }

    public func message(in language: Language) -> String {
        let place = location.text(in: language)
        return place.isEmpty ? "\(file): \(reason.text(in: language))" : "\(file): \(place): \(reason.text(in: language))"
    }

    public var description: String { message(in: .en) }
}
