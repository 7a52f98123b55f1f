/// Default dates of a campaign (时间安排): steps in the order they must happen, each with a window
/// (`from`–`by`), a deadline (`by`) or a notice length in working days, and where it comes from.
///
/// Dates are `MM-DD` in the campaign's year. `by` is the last allowed day and is itself allowed
/// (“9月30日之前” → `by: 09-30`). A notice (`workingDays`) starts the day after the step before it
/// ends. `TimelineSchedule` checks that the order is possible for a given year.
public struct Timeline: Sendable, Hashable, Codable {
    public struct Step: Sendable, Hashable, Codable {
        /// Whose words the step's dates are.
        public enum Origin: String, Sendable, Hashable, Codable, CaseIterable {
            /// The seed's own words (文件原文): `quote` says which.
            case seed
            /// Our default (本系统默认) where the seed gives no date or gives one that cannot hold:
            /// `note` says why; `quote`, if any, is the seed's wording it is built on.
            case ourDefault = "default"

            public var badge: LocalizedText {
                switch self {
                case .seed: Strings.Scheme.Origins.seed
                case .ourDefault: Strings.Scheme.Origins.ourDefault
                }
            }
        }

        public var id: String
        public var label: String
        public var labelEn: String
        /// Start of a window, `MM-DD`.
        public var from: String?
        /// End of a window or a deadline, `MM-DD`, the day itself included.
        public var by: String?
        /// Length of a notice period in working days.
        public var workingDays: Int?
        public var origin: Origin
        /// The seed's words, verbatim (required when `origin` is `seed`).
        public var quote: String?
        public var note: String?
        public var noteEn: String?

        public var fromDay: MonthDay? { from.flatMap { MonthDay(parsing: $0) } }
        public var byDay: MonthDay? { by.flatMap { MonthDay(parsing: $0) } }
        public func label(in language: Language) -> String { language == .zh ? label : labelEn }
    }

    public var steps: [Step]
    /// Share of grassroots unions that should take part (基层工会参与率要达到85%以上).
    public var participationTarget: Points?

    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }
}
