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
            switch (self, language) {
            case (.file, _): ""
            case (.section(let t), .zh): "部分「\(t)」"
            case (.section(let t), .en): "section '\(t)'"
            case (.item(let n), .zh): "第\(n)项"
            case (.item(let n), .en): "item \(n)"
            case (.fact(let f), .zh): "事实项 '\(f)'"
            case (.fact(let f), .en): "fact '\(f)'"
            case (.tier(let t), .zh): "星级 '\(t)'"
            case (.tier(let t), .en): "tier '\(t)'"
            case (.veto(let v), .zh): "否决项 '\(v)'"
            case (.veto(let v), .en): "veto '\(v)'"
            case (.setting(let s), .zh): "设置 '\(s)'"
            case (.setting(let s), .en): "setting '\(s)'"
            case (.rewards, .zh): "奖励"
            case (.rewards, .en): "rewards"
            case (.reReview, .zh): "复查"
            case (.reReview, .en): "re-review"
            case (.timeline, .zh): "时间安排"
            case (.timeline, .en): "timeline"
            }
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
