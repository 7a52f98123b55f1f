import UnionStarCore

/// A scheme as plain text for the terminal: the rubric, then its facts and rules.
enum SchemeText {
    /// In Chinese, as the seeds are.
    static func render(_ scheme: Scheme) -> String {
        typealias T = Strings.Scheme.Text
        var lines: [String] = []
        lines.append("\(scheme.id)  \(scheme.title)")
        lines.append("\(scheme.issuer) \(scheme.source)  " + Strings.Scheme.Page.totalPoints(scheme.total).zh + (scheme.placeholder ? T.placeholder.zh : ""))
        for section in scheme.sections {
            lines.append("")
            lines.append(T.sectionHeading(section.title, section.max).zh)
            for item in section.items {
                lines.append("\(item.number). \(T.itemMax(item.max).zh) \(item.standard)")
                lines.append("   " + T.quantification(item.quantification).zh)
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
            lines.append(T.schemeFacts.zh)
            for fact in scheme.facts { lines.append("   - \(fact.id) (\(fact.type.rawValue)): \(fact.label)") }
        }
        lines.append("")
        lines.append(T.tiers.zh + scheme.tiers.map { "\($0.name) ≥\($0.minimum)" }.joined(separator: Strings.Common.shortListSeparator.zh))
        if !scheme.vetoes.isEmpty {
            lines.append(T.vetoes.zh + scheme.vetoes.map(\.text).joined(separator: Strings.Common.listSeparator.zh))
        }
        for setting in scheme.settings {
            lines.append(T.setting(setting.id, setting.value, label: setting.label, chosen: setting.chosen?.label ?? setting.value).zh)
        }
        for step in scheme.timeline?.steps ?? [] {
            lines.append(T.step(step.label, when: SchemePage.when(step, .zh), badge: step.origin.badge).zh)
        }
        return lines.joined(separator: "\n")
    }

    private static func elements(_ fact: Fact) -> String {
        if let elements = fact.elements { return " [" + elements.map(\.id).joined(separator: ", ") + "]" }
        if let options = fact.options { return " {" + options.map(\.id).joined(separator: " | ") + "}" }
        return ""
    }
}
