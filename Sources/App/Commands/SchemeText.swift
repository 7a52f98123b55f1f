import UnionStarCore

/// A scheme as plain text for the terminal: the rubric, then its facts and rules.
enum SchemeText {
    static func render(_ scheme: Scheme) -> String {
        var lines: [String] = []
        lines.append("\(scheme.id)  \(scheme.title)")
        lines.append("\(scheme.issuer) \(scheme.source)  满分\(scheme.total)分" + (scheme.placeholder ? "  （分值为占位）" : ""))
        for section in scheme.sections {
            lines.append("")
            lines.append("【\(section.title)（\(section.max)分）】")
            for item in section.items {
                lines.append("\(item.number). [\(item.max)分] \(item.standard)")
                lines.append("   量化项：\(item.quantification)")
                for fact in item.facts {
                    lines.append("   - \(fact.id) (\(fact.type.rawValue)): \(fact.label)" + elements(fact))
                }
                for rule in item.rules {
                    lines.append("   * \(rule.kind.rawValue): \(rule.text)")
                }
            }
        }
        if !scheme.facts.isEmpty {
            lines.append("")
            lines.append("【方案事实项】")
            for fact in scheme.facts { lines.append("   - \(fact.id) (\(fact.type.rawValue)): \(fact.label)") }
        }
        lines.append("")
        lines.append("【星级】" + scheme.tiers.map { "\($0.name) ≥\($0.minimum)" }.joined(separator: "，"))
        if !scheme.vetoes.isEmpty {
            lines.append("【否决】" + scheme.vetoes.map(\.text).joined(separator: "；"))
        }
        for setting in scheme.settings {
            lines.append("【设置】\(setting.id) = \(setting.value)（\(setting.label) → \(setting.chosen?.label ?? setting.value)）")
        }
        for step in scheme.timeline?.steps ?? [] {
            lines.append("【时间】\(step.label)：\(SchemePage.when(step, .zh))［\(step.origin.badge.zh)］")
        }
        return lines.joined(separator: "\n")
    }

    private static func elements(_ fact: Fact) -> String {
        if let elements = fact.elements { return " [" + elements.map(\.id).joined(separator: ", ") + "]" }
        if let options = fact.options { return " {" + options.map(\.id).joined(separator: " | ") + "}" }
        return ""
    }
}
