extension Strings {
    /// How tiers are given over the years.
    public enum Awards {
        /// 逐级表彰: why a higher tier is closed.
        public static func tierByTier(held: LocalizedText?, highest: LocalizedText) -> LocalizedText {
            if let held {
                return LocalizedText(zh: "表彰原则上为逐级表彰：本单位现为\(held.zh)，本次最高可申报\(highest.zh)。",
                                     en: "Tiers are awarded one step at a time: the unit holds \(held.en), so the highest it may apply for now is \(highest.en).")
            }
            return LocalizedText(zh: "表彰原则上为逐级表彰：本单位尚未获评星级，本次只能申报\(highest.zh)。",
                                 en: "Tiers are awarded one step at a time: the unit holds no tier yet, so it may apply for \(highest.en) only.")
        }
    }
}
