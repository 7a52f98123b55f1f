import Fluent
import Foundation
import UnionStarCore
import Vapor

/// `self-assessment.leaf`: a unit's self-assessment, item by item in the pinned scheme's order,
/// with its questions, notes, evidence and score. Editable (a form) or read-only (the answers as
/// text), printable either way.
struct SelfAssessmentPage: Encodable {
    struct Link: Encodable {
        var name: String
        var path: String
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var checked: Bool
    }

    struct Element: Encodable {
        var name: String
        var label: String
        var checked: Bool
    }

    /// One question.
    struct Question: Encodable {
        var id: String
        var name: String
        /// `boolean`, `count`, `percentage`, `checklist`, `choice`: the template's switch.
        var kind: String
        var label: String
        var hint: String?
        /// Our note on why it is asked this way.
        var note: String?
        /// When it is asked (the condition in words), for conditional questions.
        var askedWhen: String?
        var asked: Bool
        var value: String
        var isTrue: Bool
        var isFalse: Bool
        var options: [Option]
        var elements: [Element]
        /// A checklist's "gone through it" box: its field name, and whether it is ticked.
        var marker: String
        var markerChecked: Bool
        /// The answer in words (read-only pages, print).
        var display: String
        var invalid: Bool
    }

    struct Evidence: Encodable {
        var name: String
        var path: String
        var line: String
        var isImage: Bool
        /// Opens in the browser (images, PDF) rather than downloading.
        var inline: Bool
        var deletePath: String?
    }

    struct Item: Encodable {
        var number: Int
        var heading: String
        var standard: String
        var quantification: String
        var max: String
        var score: String
        var scoreText: String
        var questions: [Question]
        /// The rules that applied, each in the standard's words with what it did.
        var applied: [String]
        var warning: String?
        var noteName: String
        var noteValue: String
        var itemNote: String?
        var expectedEvidence: String?
        var evidence: [Evidence]
        var uploadPath: String
    }

    struct Section: Encodable {
        var heading: String
        var items: [Item]
    }

    struct Summary: Encodable {
        var total: String
        var totalText: String
        var tier: String
        /// The vetoes that hold, in the scheme's words, or "none".
        var vetoes: String
        var vetoWarning: String?
        var progress: String
        var warnings: String?
    }

    struct Change: Encodable {
        var label: String
        var theirs: String
        var yours: String
        var kept: String
    }

    struct Conflict: Encodable {
        var heading: String
        var intro: String
        var columns: [String]
        var changes: [Change]
    }

    /// Every fixed word of the page, in the page's language.
    struct Labels: Encodable {
        var yes: String
        var no: String
        var standard: String
        var quantification: String
        var applied: String
        var noneApplied: String
        var noteLabel: String
        var evidenceHeading: String
        var noEvidence: String
        var upload: String
        var uploadButton: String
        var uploadHint: String
        var delete: String
        var deleteConfirm: String
        var save: String
        var print: String
        var summaryHeading: String
        var total: String
        var tier: String
        var vetoes: String
        var checklistHint: String
        var checklistConfirm: String
        var notAskedNow: String
        var profileHeading: String
    }

    /// Sentences the script shows as it saves drafts.
    struct Messages: Encodable {
        var saving: String
        var saved: String
        var failed: String
        var conflict: String
        var restored: String
        var offline: String
    }

    var layout: Layout
    var lang: String
    var heading: String
    var campaign: Link
    var application: Link
    var pinned: String
    var editable: Bool
    /// Why it cannot be changed now (read-only for this person, closed on a date, not started).
    var readOnly: String?
    var formError: String?
    var conflict: Conflict?
    var action: String
    var draftPath: String
    var csrf: String
    var version: Int
    var base: String
    var storageKey: String
    var summary: Summary
    var profile: [Question]
    var sections: [Section]
    var labels: Labels
    var messages: Messages
}

/// Builds the page from the application, the pinned scorer and, after a refused save, the form
/// as the person sent it.
enum SelfAssessmentPages {
    struct Input {
        var context: ApplicationContext
        var scorer: Scorer
        /// What the form shows: what is stored, or what the person typed.
        var fields: SelfAssessmentFields
        /// The scored answers (the stored ones when the typed ones cannot be scored).
        var result: SelfAssessmentResult
        var version: Int
        /// The form as loaded, for the next save's comparison.
        var base: SelfAssessmentFields
        var evidence: [EvidenceFileModel]
        var editable: Bool
        var readOnly: LocalizedText?
        var formError: String? = nil
        var invalidFact: String? = nil
        var merge: SelfAssessmentMerge? = nil
    }

    /// The answers and notes stored on the application (none before it starts).
    static func stored(_ application: ApplicationModel?, scheme: Scheme) -> SelfAssessmentFields {
        let answers = application.flatMap { try? Answers.parse(json: Data($0.answersJSON.utf8)) } ?? Answers()
        let notes = application.flatMap { try? CampaignStore.decode([String: String].self, $0.notesJSON) } ?? [:]
        return SelfAssessmentFields(answers: answers, notes: notes, scheme: scheme)
    }

    /// Whether the person may change it now, or the sentence why not.
    static func editability(_ context: ApplicationContext, req: Request) async throws -> (Bool, LocalizedText?) {
        guard context.user.can(.workOnApplication, on: context.unit.accessTarget) else {
            return (false, context.state.isBeforeSelfAssessment ? Strings.SelfAssessment.notStarted : Strings.SelfAssessment.readOnly)
        }
        if context.state.isBeforeSelfAssessment { return (false, Strings.SelfAssessment.notStarted) }
        switch try await ApplicationStore.check(.saveSelfAssessment, context, req: req) {
        case .success: return (true, nil)
        case .failure(let refusal): return (false, Strings.SelfAssessment.cannotEdit(refusal.message))
        }
    }

    static func evidence(of application: ApplicationModel?, req: Request) async throws -> [EvidenceFileModel] {
        guard let id = application?.id else { return [] }
        return try await EvidenceFileModel.query(on: req.db).filter(\.$applicationID == id).filter(\.$item > 0)
            .sort(\.$uploadedAt).sort(\.$id).all()
    }

    /// The page as stored, for a GET or after a change.
    static func input(_ context: ApplicationContext, req: Request) async throws -> Input {
        let scorer = try await PinnedSchemes.shared.scorer(for: SelfAssessmentController.pin(of: context), on: req.db)
        let stored = stored(context.application, scheme: scorer.scheme)
        let result = (try? SelfAssessmentResult.evaluate(stored.answers(for: scorer.scheme), scorer: scorer))
            ?? (try! SelfAssessmentResult.evaluate(Answers(), scorer: scorer))
        let (editable, reason) = try await editability(context, req: req)
        let fields = editable ? ChairPrefill.fields(stored, context: context, scheme: scorer.scheme) : stored
        return Input(context: context, scorer: scorer, fields: fields, result: result, version: context.application?.version ?? 0,
                     base: stored, evidence: try await evidence(of: context.application, req: req), editable: editable, readOnly: reason)
    }

    static func render(_ input: Input, req: Request, status: HTTPResponseStatus = .ok) async throws -> Response {
        try await req.render("self-assessment", page(input, req: req), status: status)
    }

    static func page(_ input: Input, req: Request) -> SelfAssessmentPage {
        let t = Translator(req.language)
        let s = Strings.SelfAssessment.self
        let context = input.context, scheme = input.scorer.scheme, result = input.result
        let campaignID = context.campaignID, unitID = context.unitID
        let assessment = result.assessment
        let items = Dictionary(uniqueKeysWithValues: assessment.items.map { ($0.number, $0) })
        let byItem = Dictionary(grouping: input.evidence, by: \.item)
        let editable = input.editable

        func question(_ fact: Fact) -> SelfAssessmentPage.Question {
            let name = SelfAssessmentFields.factName(fact.id)
            let value = input.fields[name]
            let kind = context.unit.kind.flatMap(UnionKind.init(rawValue:))
            let hint: LocalizedText? = switch fact.type {
            case .percentage: fact.survey == nil ? s.percentageHint : s.percentageHint + Strings.Survey.Pages.fillableHint
            case .count: s.countHint(fact.countMaximum)
            case .checklist: s.checklistHint
            case .boolean, .choice: nil
            }
            return SelfAssessmentPage.Question(
                id: fact.id, name: name, kind: fact.type.rawValue, label: fact.label(for: kind), hint: hint.map { t($0) },
                note: fact.note(in: req.language), askedWhen: fact.askedWhen.map { askedWhenText($0, scheme: scheme, kind: kind, t) },
                asked: result.asked.contains(fact.id), value: value, isTrue: value == "true", isFalse: value == "false",
                options: (fact.options ?? []).map { .init(value: $0.id, label: $0.label(for: kind), checked: value == $0.id) },
                elements: (fact.elements ?? []).map {
                    .init(name: SelfAssessmentFields.elementName(fact.id, $0.id), label: $0.label(for: kind),
                          checked: input.fields[SelfAssessmentFields.elementName(fact.id, $0.id)] == "on")
                },
                marker: name, markerChecked: fact.type == .checklist && value == "1", display: display(fact, fields: input.fields, kind: kind, t), invalid: input.invalidFact == fact.id)
        }

        var sections: [SelfAssessmentPage.Section] = []
        for section in scheme.sections {
            var rows: [SelfAssessmentPage.Item] = []
            for item in section.items {
                let score = items[item.number]
                let files = byItem[item.number] ?? []
                let compliantWithout = result.compliantItems.contains(item.number) && files.isEmpty
                rows.append(.init(
                    number: item.number, heading: t(s.itemHeading(item.number)), standard: item.standard, quantification: item.quantification,
                    max: item.max.description, score: score?.score.description ?? "0",
                    scoreText: t(s.itemScore(score?.score.description ?? "0", item.max.description)),
                    questions: item.facts.map(question), applied: score.map { appliedLines($0, t) } ?? [],
                    warning: compliantWithout ? t(s.compliantWithoutEvidence) : nil,
                    noteName: SelfAssessmentFields.noteName(item.number), noteValue: input.fields[SelfAssessmentFields.noteName(item.number)],
                    itemNote: item.note(in: req.language),
                    expectedEvidence: item.evidence.flatMap { $0.isEmpty ? nil : t(s.expectedEvidence($0)) },
                    evidence: files.map { evidenceRow($0, context: context, editable: editable, t) },
                    uploadPath: SiteRoute.uploadEvidence(campaign: campaignID, unit: unitID, item: item.number).path))
            }
            let title = req.language == .zh ? section.title : (section.titleEn ?? section.title)
            sections.append(.init(heading: t(s.sectionHeading(title, section.max.description)), items: rows))
        }

        var layout = Layout(request: req, title: t(s.title(context.unit.name)))
        if let done = try? req.query.get(String.self, at: "done") {
            switch done {
            case "saved": layout.notice = t(s.saved)
            case "uploaded": layout.notice = t(s.uploaded)
            case "deleted": layout.notice = t(s.deleted)
            default: break
            }
        }
        let conflict = input.merge.map { merge in
            SelfAssessmentPage.Conflict(
                heading: t(s.conflictHeading), intro: t(s.conflictIntro),
                columns: [t(s.conflictField), t(s.conflictTheirs), t(s.conflictYours), t(s.conflictKept)],
                changes: merge.changes.map { change in
                    .init(label: fieldLabel(change.field, scheme: scheme, kind: context.unit.kind.flatMap(UnionKind.init(rawValue:)), t),
                          theirs: displayField(change.field, change.theirs, kind: context.unit.kind.flatMap(UnionKind.init(rawValue:)), t),
                          yours: displayField(change.field, change.yours, kind: context.unit.kind.flatMap(UnionKind.init(rawValue:)), t),
                          kept: t(change.keptYours ? s.keptYours : s.keptTheirs))
                })
        }
        return SelfAssessmentPage(
            layout: layout, lang: req.language.rawValue, heading: t(s.title(context.unit.name)),
            campaign: .init(name: context.campaign.title, path: SiteRoute.campaign(campaignID).path),
            application: .init(name: context.unit.name, path: SiteRoute.application(campaign: campaignID, unit: unitID).path),
            pinned: t(s.pinned(title: req.language == .zh ? scheme.title : (scheme.titleEn ?? scheme.title), version: scheme.version,
                               hash: String(SelfAssessmentController.pin(of: context).contentHash.prefix(12)))),
            editable: editable, readOnly: input.readOnly.map { t($0) }, formError: input.formError, conflict: conflict,
            action: SiteRoute.selfAssessment(campaign: campaignID, unit: unitID).path,
            draftPath: SiteRoute.selfAssessmentDraft(campaign: campaignID, unit: unitID).path,
            csrf: req.csrfToken, version: input.version, base: input.base.json,
            storageKey: "unionstar:self-assessment:\(campaignID.uuidString.lowercased()):\(unitID.uuidString.lowercased())",
            summary: summary(result, scheme: scheme, evidence: input.evidence, t), profile: scheme.facts.map(question), sections: sections,
            labels: .init(yes: t(Strings.Common.yes), no: t(Strings.Common.no), standard: t(s.standard), quantification: t(s.quantification),
                          applied: t(s.appliedHeading), noneApplied: t(s.noneApplied), noteLabel: t(s.noteLabel),
                          evidenceHeading: t(s.evidenceHeading), noEvidence: t(s.noEvidence),
                          upload: t(s.uploadLabel(limitMB: EvidencePolicy.standard.limitMB)), uploadButton: t(s.upload), uploadHint: t(s.uploadHint),
                          delete: t(s.delete), deleteConfirm: t(s.deleteConfirm), save: t(s.save), print: t(s.print),
                          summaryHeading: t(s.summaryHeading), total: t(s.total), tier: t(s.tierReached), vetoes: t(s.vetoes),
                          checklistHint: t(s.checklistHint), checklistConfirm: t(s.checklistConfirm), notAskedNow: t(s.notAskedNow), profileHeading: t(s.profileHeading)),
            messages: .init(saving: t(s.draftSaving), saved: t(s.draftSaved), failed: t(s.draftFailed), conflict: t(s.draftConflict),
                            restored: t(s.restored), offline: t(s.offline)))
    }

    static func summary(_ result: SelfAssessmentResult, scheme: Scheme, evidence: [EvidenceFileModel], _ t: Translator) -> SelfAssessmentPage.Summary {
        let s = Strings.SelfAssessment.self
        let assessment = result.assessment
        let withFiles = Set(evidence.map(\.item))
        let warnings = result.compliantItems.subtracting(withFiles).count
        return .init(total: assessment.total.description, totalText: t(s.outOf(assessment.total.description, assessment.max.description)),
                     tier: assessment.scoreTier.map { tier in
                         t.language == .zh ? tier.name : (scheme.tier(id: tier.id)?.nameEn ?? tier.name)
                     } ?? t(s.noTier),
                     vetoes: assessment.vetoes.isEmpty ? t(s.noVetoes) : assessment.vetoes.map(\.text).joined(separator: t(Strings.Common.listSeparator)),
                     vetoWarning: assessment.vetoes.isEmpty ? nil : t(s.vetoWarning),
                     progress: t(result.complete ? s.complete : s.unanswered(result.unanswered.count)),
                     warnings: warnings > 0 ? t(s.warningsCount(warnings)) : nil)
    }

    /// `③未按期换届扣2分 −2`: the standard's clause and what it did.
    static func appliedLines(_ score: ItemScore, _ t: Translator) -> [String] {
        let s = Strings.SelfAssessment.self
        var lines = score.applied.map { rule -> String in
            let effect = rule.delta.map(\.signedDescription) ?? t(s.zeroed)
            let text = rule.detail.map { t(Strings.Scoring.Breakdown.labelWithDetail(rule.text, $0)) } ?? rule.text
            return "\(text) \(effect)"
        }
        if score.floored, !lines.isEmpty { lines[lines.count - 1] += t(s.floored) }
        return lines
    }

    static func evidenceRow(_ row: EvidenceFileModel, context: ApplicationContext, editable: Bool, _ t: Translator) -> SelfAssessmentPage.Evidence {
        let type = EvidenceType(rawValue: row.type)
        let kb = max(1, (row.size + 1023) / 1024)
        let at = CalendarDate.china(row.uploadedAt)
        let path = SiteRoute.evidenceFile(campaign: context.campaignID, unit: context.unitID, evidence: row.id!).path
        return .init(name: row.name, path: path,
                     line: t(Strings.SelfAssessment.evidenceLine(type: (type?.fileExtension ?? row.type).uppercased(),
                                                                 size: "\(kb) KB", by: row.uploadedBy,
                                                                 at: at.description)),
                     isImage: [.png, .jpeg, .gif, .webp].contains(type), inline: type?.isViewableInline ?? false,
                     deletePath: editable ? SiteRoute.deleteEvidence(campaign: context.campaignID, unit: context.unitID, evidence: row.id!).path : nil)
    }

    /// `仅当“有上报上级工会的困难职工”为“是”时作答。`
    static func askedWhenText(_ condition: Condition, scheme: Scheme, kind: UnionKind?, _ t: Translator) -> String {
        if case .isTrue(let fact, let expected) = condition, let other = scheme.allFacts.first(where: { $0.id == fact }) {
            return t(Strings.SelfAssessment.askedWhen(other.label(for: kind), expected ? Strings.Common.yes : Strings.Common.no))
        }
        return t(Strings.SelfAssessment.askedWhenOther)
    }

    /// The answer in words.
    static func display(_ fact: Fact, fields: SelfAssessmentFields, kind: UnionKind?, _ t: Translator) -> String {
        let s = Strings.SelfAssessment.self
        let value = fields[SelfAssessmentFields.factName(fact.id)]
        guard !value.isEmpty else { return t(s.notAnswered) }
        switch fact.type {
        case .boolean: return value == "true" ? t(Strings.Common.yes) : value == "false" ? t(Strings.Common.no) : value
        case .count: return value
        case .percentage: return value + "%"
        case .choice: return fact.options?.first { $0.id == value }?.label(for: kind) ?? value
        case .checklist:
            return (fact.elements ?? []).map { element in
                let present = fields[SelfAssessmentFields.elementName(fact.id, element.id)] == "on"
                return element.label(for: kind) + t(Strings.Common.colon) + t(present ? s.present : s.missing)
            }.joined(separator: t(Strings.Common.listSeparator))
        }
    }

    static func fieldLabel(_ field: SelfAssessmentFields.Field, scheme: Scheme, kind: UnionKind?, _ t: Translator) -> String {
        let s = Strings.SelfAssessment.self
        switch field.kind {
        case .note: return t(s.noteField(field.item ?? 0))
        case .element: return t(s.factField(field.item, field.fact!.label(for: kind) + t(Strings.Common.colon) + field.element!.label(for: kind)))
        case .fact, .marker: return t(s.factField(field.item, field.fact!.label(for: kind)))
        }
    }

    /// One field's value in words, for the table of a stale save's changes.
    static func displayField(_ field: SelfAssessmentFields.Field, _ value: String, kind: UnionKind?, _ t: Translator) -> String {
        let s = Strings.SelfAssessment.self
        switch field.kind {
        case .note: return value.isEmpty ? t(s.empty) : value
        case .element: return t(value == "on" ? s.present : s.missing)
        case .fact, .marker:
            var fields = SelfAssessmentFields(values: [:])
            fields.values[field.name] = value
            return display(field.fact!, fields: fields, kind: kind, t)
        }
    }
}

extension ApplicationState {
    /// Before the self-assessment starts there is nothing to fill in.
    var isBeforeSelfAssessment: Bool { self == .notStarted || self == .preApplied }
}
