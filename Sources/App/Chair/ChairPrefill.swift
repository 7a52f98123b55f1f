import UnionStarCore

/// The chair scheme's “从事工会工作三年以上” and “有上岗资格培训证书” ticked from the person's dates on
/// a self-assessment form whose checklist is not answered yet; the cadre still confirms the
/// checklist (its “gone through it” box), and may untick them.
enum ChairPrefill {
    static func fields(_ stored: SelfAssessmentFields, context: ApplicationContext, scheme: Scheme) -> SelfAssessmentFields {
        guard context.plan.campaignSubject == .chair else { return stored }
        let met = ChairEligibility.metElements(ApplicationStore.chairPerson(context.application), asOf: ChairEligibility.asOf(context.plan))
        guard !met.isEmpty else { return stored }
        var fields = stored
        for fact in scheme.allFacts where fact.type == .checklist && fields[SelfAssessmentFields.factName(fact.id)].isEmpty {
            for element in fact.elements ?? [] where met.contains(element.id) {
                fields.values[SelfAssessmentFields.elementName(fact.id, element.id)] = "on"
            }
        }
        return fields
    }
}
