/// A scheme setting: the reading chosen where the seed's words allow more than one, written beside
/// the rule it governs and editable in the file. The engine reads `value`.
///
/// ```yaml
/// - id: membership_shortfall_partial
///   label: 入会率不足一个百分点的部分如何扣分
///   labelEn: How a part of a percentage point short counts
///   value: whole
///   options:
///     - {id: whole, label: 只计整百分点, labelEn: whole points only}
///     - {id: proportional, label: 按比例, labelEn: in proportion}
///   note: 中文说明
///   noteEn: the same in English
/// ```
public struct Setting: Sendable, Hashable, Codable {
    /// One reading the setting can take.
    public struct Option: Sendable, Hashable, Codable {
        public var id: String
        public var label: String
        public var labelEn: String

        public init(id: String, label: String, labelEn: String) {
            self.id = id
            self.label = label
            self.labelEn = labelEn
        }

        public func label(in language: Language) -> String { language == .zh ? label : labelEn }
    }

    public var id: String
    public var label: String
    public var labelEn: String
    /// The chosen option's id.
    public var value: String
    public var options: [Option]
    public var note: String?
    public var noteEn: String?

    public var optionIDs: [String] { options.map(\.id) }
    public func option(_ id: String) -> Option? { options.first { $0.id == id } }
    /// The chosen option.
    public var chosen: Option? { option(value) }
    public func label(in language: Language) -> String { language == .zh ? label : labelEn }
}
