/// The languages the product speaks: Chinese first, English when chosen.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zh = "zh-CN"
    case en = "en"

    /// Picks a language from a tag such as `en-US`, `zh-Hans-CN` or `en`; Chinese otherwise.
    public init(tag: String?) {
        guard let tag = tag?.lowercased() else { self = .zh; return }
        self = tag.hasPrefix("en") ? .en : .zh
    }
}

/// A sentence in both languages, so an error can reach each user in theirs.
public struct LocalizedText: Sendable, Hashable, Codable, CustomStringConvertible {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    public var description: String { zh }
}
