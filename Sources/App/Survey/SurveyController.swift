import Fluent
import Foundation
import UnionStarCore
import Vapor

/// 会员评家 for a unit in a campaign: its surveys and the builder (from the template), one survey's
/// page (what it asks, its period, its print runs of tokens, its results once closed), publishing
/// it for a period, issuing tokens (the sheets are shown once: only hashes are kept), closing it
/// early, filling the self-assessment's satisfaction facts with the result (attached as evidence),
/// and the result as a workbook. The union's cadre, or the federation's staff over it, runs a
/// survey (`runSurvey`); those who read the application read its surveys; filling the
/// self-assessment is the cadre's, through the workflow.
struct SurveyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .surveys(campaign: UUID(), unit: UUID()), use: list)
        routes.on(.POST, .surveys(campaign: UUID(), unit: UUID()), use: create)
        routes.on(.GET, .survey(campaign: UUID(), unit: UUID(), survey: UUID()), use: show)
        routes.on(.POST, .openSurvey(campaign: UUID(), unit: UUID(), survey: UUID()), use: open)
        routes.on(.POST, .surveyTokens(campaign: UUID(), unit: UUID(), survey: UUID()), use: issue)
        routes.on(.POST, .closeSurvey(campaign: UUID(), unit: UUID(), survey: UUID()), use: close)
        routes.on(.POST, .fillFromSurvey(campaign: UUID(), unit: UUID(), survey: UUID()), use: fill)
        routes.on(.GET, .surveyWorkbook(campaign: UUID(), unit: UUID(), survey: UUID()), use: workbook)
    }

    private typealias P = Strings.Survey.Pages

    // MARK: The list and the builder

    func list(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        return try await req.render("surveys", try await listPage(req, context, form: nil, errors: FieldErrors()))
    }

    func listPage(_ req: Request, _ context: ApplicationContext, form: [String: String]?, errors: FieldErrors) async throws -> SurveysPage {
        let t = Translator(req.language)
        let surveys = try await SurveyStore.list(campaignID: context.campaignID, unitID: context.unitID, on: req.db)
        let counts = try await SurveyStore.responseCounts(surveys.compactMap(\.id), on: req.db)
        let today = req.today
        let rows = try surveys.map { model in
            let survey = try LoadedSurvey(model)
            return SurveysPage.Row(title: model.title, path: SiteRoute.survey(campaign: context.campaignID, unit: context.unitID, survey: survey.id).path,
                                   status: t(survey.life.status(on: today).label), period: SurveyText.period(survey.life, t),
                                   issued: model.issued, responses: counts[survey.id] ?? 0)
        }
        let heading = t(P.heading(unit: context.unit.name))
        var layout = Layout(request: req, title: heading)
        layout.notice = layout.notice ?? SurveyText.done(req, t)
        return SurveysPage(
            layout: layout, heading: heading,
            back: .init(name: context.unit.name, path: SiteRoute.application(campaign: context.campaignID, unit: context.unitID).path),
            intro: [t(P.intro), t(P.anonymity), t(req.application.surveyMinimum.text)],
            columns: [t(P.title), t(P.status), t(P.periodLabel), t(P.issued), t(P.responses)],
            rows: rows, empty: t(P.none),
            builder: context.user.can(.runSurvey, on: context.unit.accessTarget) ? builder(req, context, form: form, errors: errors) : nil,
            csrf: req.csrfToken)
    }

    /// The builder, with the template's questions ticked, or as the person sent it back.
    func builder(_ req: Request, _ context: ApplicationContext, form: [String: String]?, errors: FieldErrors) -> SurveysPage.Builder {
        let t = Translator(req.language)
        let template = SurveyTemplate.standard
        func ticked(_ name: String) -> Bool { form.map { $0[name] == "true" } ?? true }
        let groups: [SurveysPage.Group] = SurveyTopic.allCases.map { topic in
            .init(heading: t(topic.label), checks: template.questions(of: topic).map { question in
                .init(name: Self.chosenField(question.id), label: t(question.text), checked: question.overall || ticked(Self.chosenField(question.id)),
                      fixed: question.overall)
            })
        } + [.init(heading: t(P.freeText), checks: template.questions.filter { $0.kind == .text }.map { question in
            .init(name: Self.chosenField(question.id), label: t(question.text), checked: ticked(Self.chosenField(question.id)), fixed: false)
        })]
        let kinds: [(String, LocalizedText)] = [("union", SurveyTopic.union.label), ("chair", SurveyTopic.chair.label), ("text", P.freeText)]
        let custom = (1...SurveyDefinition.customLimit).map { n in
            let field = SurveyDraft.customField(n), kindField = SurveyDraft.customKindField(n)
            let kind = form?[kindField] ?? "union"
            return SurveysPage.Custom(field: field, kindField: kindField, label: t(P.customLabel(n)), value: form?[field] ?? "",
                                      kinds: kinds.map { .init(value: $0.0, label: t($0.1), selected: $0.0 == kind) },
                                      error: errors[field].map { t($0) })
        }
        return .init(action: SiteRoute.surveys(campaign: context.campaignID, unit: context.unitID).path, heading: t(P.builderHeading),
                     titleLabel: t(P.title), titleValue: form?["title"] ?? t(P.defaultTitle(year: context.plan.year)),
                     titleError: errors["title"].map { t($0) }, chairLabel: t(P.includeChair), chairChecked: ticked("chair"),
                     questionsLabel: t(P.questionsLabel), groups: groups, fixedNote: t(P.fixedNote), customHeading: t(P.customHeading),
                     custom: custom, submit: t(P.build))
    }

    static func chosenField(_ id: String) -> String { "t_" + id }

    /// The builder's form as the core reads it.
    static func draft(_ form: [String: String]) -> SurveyDraft {
        SurveyDraft(title: form["title"] ?? "", includesChair: form["chair"] == "true",
                    chosen: Set(SurveyTemplate.standard.questions.map(\.id).filter { form[chosenField($0)] == "true" }),
                    custom: (1...SurveyDefinition.customLimit).map { n in
                        .init(text: form[SurveyDraft.customField(n)] ?? "", kind: form[SurveyDraft.customKindField(n)] ?? "union")
                    })
    }

    func create(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .runSurvey)
        let form = try req.content.decode([String: String].self)
        switch SurveyDefinition.build(Self.draft(form)) {
        case .failure(let errors):
            return try await req.render("surveys", try await listPage(req, context, form: form, errors: errors), status: .unprocessableEntity)
        case .success(let definition):
            let id = try await SurveyStore.create(definition, context, minimum: req.application.surveyMinimum, actor: req.auditActor, app: req.application)
            return req.redirect(to: SiteRoute.survey(campaign: context.campaignID, unit: context.unitID, survey: id).path + "?done=survey-created",
                                redirectType: .normal)
        }
    }

    // MARK: One survey

    func show(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        let survey = try await SurveyStore.survey(req, context)
        return try await req.render("survey", try await page(req, context, survey))
    }

    struct Typed {
        var opens: String?
        var closes: String?
        var count: String?
        var errors = FieldErrors()
        var formError: LocalizedText?
    }

    func page(_ req: Request, _ context: ApplicationContext, _ survey: LoadedSurvey, typed: Typed = Typed()) async throws -> SurveyPage {
        let t = Translator(req.language)
        let today = req.today
        let model = survey.model
        let life = survey.life
        let status = life.status(on: today)
        let runs = context.user.can(.runSurvey, on: context.unit.accessTarget)
        let route = (campaign: context.campaignID, unit: context.unitID, survey: survey.id)
        let results = try await SurveyStore.results(survey, on: req.db)
        var facts: [SurveyPage.Fact] = [
            .init(label: t(P.status), text: t(status.label)),
            .init(label: t(P.periodLabel), text: SurveyText.period(life, t)),
            .init(label: t(P.issued), text: String(model.issued)),
            .init(label: t(P.members), text: String(context.unit.members)),
            .init(label: t(P.responses), text: String(results.responses)),
            .init(label: t(P.responseRate), text: SurveyText.percent(results.responseRate)),
            .init(label: t(P.minimum), text: t(survey.minimum.text)),
        ]
        facts.append(.init(label: t(P.createdBy), text: model.createdBy + " · " + InspectionController.minute(model.createdAt)))
        let questions = survey.definition.questions.enumerated().map { index, question in
            SurveyPage.Question(number: index + 1, text: t(question.text), kind: SurveyText.topicLabel(question, t)
                                + (question.overall ? t(P.overallMark) : ""))
        }
        let batches = try await SurveyStore.batches(survey.id, on: req.db).map { batch in
            t(P.batchLine(batch.number, count: batch.count, by: batch.issuedBy, at: InspectionController.minute(batch.issuedAt)))
        }
        var openForm: SurveyPage.OpenForm?
        if runs, life.refusal(.open, on: today) == nil {
            openForm = .init(action: SiteRoute.openSurvey(campaign: route.campaign, unit: route.unit, survey: route.survey).path,
                             heading: t(P.openHeading), version: model.version,
                             fields: [
                                 .init(name: "opens", label: t(P.opens), value: typed.opens ?? today.description, error: typed.errors["opens"].map { t($0) }),
                                 .init(name: "closes", label: t(P.closes), value: typed.closes ?? today.adding(days: 13).description,
                                       error: typed.errors["closes"].map { t($0) }),
                             ],
                             hint: t(P.openHint), submit: t(P.openSubmit))
        }
        var tokensForm: SurveyPage.TokensForm?
        if runs, life.refusal(.issueTokens, on: today) == nil {
            tokensForm = .init(action: SiteRoute.surveyTokens(campaign: route.campaign, unit: route.unit, survey: route.survey).path,
                               heading: t(P.tokensHeading), label: t(P.tokensCount),
                               value: typed.count ?? String(SurveyToken.suggestedCount(members: context.unit.members, issued: model.issued)),
                               error: typed.errors["count"].map { t($0) }, hint: t(P.tokensHint(members: context.unit.members)),
                               submit: t(P.tokensSubmit))
        }
        let closeForm: SurveyPage.CloseForm? = runs && life.refusal(.close, on: today) == nil
            ? .init(action: SiteRoute.closeSurvey(campaign: route.campaign, unit: route.unit, survey: route.survey).path, version: model.version,
                    hint: t(P.closeHint), submit: t(P.closeSubmit))
            : nil
        var resultsPart: SurveyPage.Results?
        var sufficiency: String?
        var fill: SurveyPage.Fill?
        var fillBlocked: String?
        var filled: String?
        var running: String?
        if status == .closed {
            resultsPart = Self.results(results, survey, t)
            let check = survey.minimum.check(responses: results.responses, issued: results.issued)
            sufficiency = check.message.map { t($0) }
            if let at = model.filledAt {
                filled = t(P.filledLine(by: model.filledBy ?? "", at: InspectionController.minute(at))) + " " + fillLines(model, context, t).joined(separator: t(Strings.Common.listSeparator))
            } else if check.isEnough, context.user.can(.workOnApplication, on: context.unit.accessTarget) {
                let scheme = try await PinnedSchemes.shared.scorer(for: SelfAssessmentController.pin(of: context), on: req.db).scheme
                switch SurveyFacts.fills(scheme, results: results, minimum: survey.minimum) {
                case .failure(let refusal): fillBlocked = t(refusal.message)
                case .success(let fills):
                    if case .failure(let refusal) = try await ApplicationStore.check(.saveSelfAssessment, context, req: req) {
                        fillBlocked = t(P.fillNotNow) + t(refusal.message)
                    } else {
                        fill = .init(action: SiteRoute.fillFromSurvey(campaign: route.campaign, unit: route.unit, survey: route.survey).path,
                                     heading: t(P.fillHeading), lines: Self.lines(fills, scheme: scheme, kind: context.unit.kind, t), submit: t(P.fillSubmit))
                    }
                }
            }
        } else if status != .draft {
            running = t(P.running)
        }
        let heading = model.title
        var layout = Layout(request: req, title: heading + " · " + context.unit.name)
        layout.notice = layout.notice ?? SurveyText.done(req, t)
        return SurveyPage(
            layout: layout, heading: heading,
            back: .init(name: t(P.heading(unit: context.unit.name)), path: SiteRoute.surveys(campaign: route.campaign, unit: route.unit).path),
            facts: facts, questionsHeading: t(P.questionsHeading), questions: questions,
            satisfiedRule: t(P.satisfiedRule(survey.definition.satisfied.map(\.label))), running: running, openForm: openForm,
            tokensForm: tokensForm, batchesHeading: t(P.batchesHeading), batches: batches, noBatches: t(P.noBatches), closeForm: closeForm,
            results: resultsPart, sufficiency: sufficiency, fill: fill, fillBlocked: fillBlocked, filled: filled,
            workbook: status == .closed
                ? .init(name: t(P.workbook), path: SiteRoute.surveyWorkbook(campaign: route.campaign, unit: route.unit, survey: route.survey).path)
                : nil,
            formError: typed.formError.map { t($0) }, csrf: req.csrfToken)
    }

    static func results(_ results: SurveyResults, _ survey: LoadedSurvey, _ t: Translator) -> SurveyPage.Results {
        .init(heading: t(P.resultsHeading),
              topics: survey.definition.topics.map { topic in
                  let reaches = results.reaches(90, for: topic)
                  return .init(label: t(P.topicRate(topic.label)), rate: SurveyText.percent(results.topicRates[topic]),
                               verdict: reaches.map { t($0 ? P.reaches90 : P.below90) } ?? "", reaches: reaches == true)
              },
              columns: [t(P.number), t(P.question)] + SatisfactionLevel.allCases.map { t($0.label) } + [t(P.answered), t(P.rate)],
              rows: results.questions.map { q in
                  .init(number: q.number, text: t(q.question.text), topic: SurveyText.topicLabel(q.question, t) + (q.question.overall ? t(P.overallMark) : ""),
                        cells: SatisfactionLevel.allCases.map { level in t(P.countAndShare(q.counts[level] ?? 0, SurveyText.percent(q.share(level)))) },
                        answered: q.answered, rate: SurveyText.percent(q.rate), chart: SurveyText.bar(q, t))
              },
              legend: SatisfactionLevel.allCases.map { .init(label: t($0.label), level: $0.rawValue) },
              commentsHeading: t(P.commentsHeading),
              comments: survey.definition.questions.filter { $0.kind == .text }.map { question in
                  .init(question: t(question.text), texts: results.texts[question.id] ?? [])
              },
              noComments: t(P.noComments), order: t(P.commentsOrder))
    }

    /// "第7项“…”：92.5%", a line per fact filled.
    static func lines(_ fills: [SurveyFacts.Fill], scheme: Scheme, kind: String?, _ t: Translator) -> [String] {
        let unionKind = kind.flatMap(UnionKind.init(rawValue:))
        return fills.map { fill in
            let label = scheme.allFacts.first { $0.id == fill.factID }?.label(for: unionKind) ?? fill.factID
            return t(P.fillLine(item: fill.item, label: label, value: fill.value.description))
        }
    }

    /// What was filled, as stored with the survey.
    func fillLines(_ model: SurveyModel, _ context: ApplicationContext, _ t: Translator) -> [String] {
        let fills = model.filledJSON.flatMap { try? CampaignStore.decode([StoredFill].self, $0) } ?? []
        return fills.map { t(P.fillLine(item: $0.item, label: $0.label, value: $0.value)) }
    }

    struct StoredFill: Codable {
        var factID: String
        var item: Int
        var label: String
        var value: String
    }

    // MARK: Publishing, tokens, closing

    struct OpenForm: Content {
        var opens: String?
        var closes: String?
        var version: Int?
    }

    func open(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .runSurvey)
        let survey = try await SurveyStore.survey(req, context)
        let form = try req.content.decode(OpenForm.self)
        guard let version = form.version else { throw AppError.invalid(field: "version", Strings.Errors.requestMalformedPlain) }
        let today = req.today
        switch SurveyPeriod.parse(opens: form.opens ?? "", closes: form.closes ?? "", today: today) {
        case .failure(let errors):
            return try await req.render("survey", try await page(req, context, survey, typed: Typed(opens: form.opens, closes: form.closes, errors: errors)),
                                        status: .unprocessableEntity)
        case .success(let period):
            try await SurveyStore.change(survey.id, .open, version: version, today: today, actor: req.auditActor, app: req.application) { model, _ in
                model.opensOn = period.opens.description
                model.closesOn = period.closes.description
            }
            return redirect(req, context, survey, done: "survey-opened")
        }
    }

    struct TokensForm: Content {
        var count: String?
    }

    /// Issues the tokens and shows their sheets: this page is the only place they ever appear.
    func issue(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .runSurvey)
        let survey = try await SurveyStore.survey(req, context)
        let form = try req.content.decode(TokensForm.self)
        let count: Int
        switch SurveyToken.parseCount(form.count ?? "", issued: survey.model.issued) {
        case .failure(let errors):
            return try await req.render("survey", try await page(req, context, survey, typed: Typed(count: form.count, errors: errors)),
                                        status: .unprocessableEntity)
        case .success(let n): count = n
        }
        let issued = try await SurveyStore.issue(count, surveyID: survey.id, today: req.today, actor: req.auditActor, app: req.application)
        let t = Translator(req.language)
        let link = NoticeSupport.absoluteURL(SiteRoute.answerSurvey.path, req: req)
        let cards = issued.tokens.enumerated().map { index, token in
            // The token after "#": a browser never sends it, so no request line or log holds it.
            SurveySheetsPage.Card(number: index + 1, qr: NoticeQRCode(link + "#" + token)?.svg(size: "26mm", label: t(P.sheetQRLabel)) ?? "",
                                  code: token)
        }
        let title = t(P.sheetsTitle(batch: issued.batch, count: count))
        let response = try await req.render("survey-sheets", SurveySheetsPage(
            lang: req.language.rawValue, title: title, heading: title, warning: t(P.sheetsWarning), printLabel: t(P.print),
            back: .init(name: t(P.backToSurvey), path: SiteRoute.survey(campaign: context.campaignID, unit: context.unitID, survey: survey.id).path),
            surveyTitle: survey.model.title + " · " + context.unit.name, period: SurveyText.period(survey.life, t),
            instruction: t(P.sheetInstruction(link)), codeLabel: t(P.codeLabel), cards: cards))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct VersionForm: Content {
        var version: Int?
    }

    func close(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .runSurvey)
        let survey = try await SurveyStore.survey(req, context)
        guard let version = try req.content.decode(VersionForm.self).version else {
            throw AppError.invalid(field: "version", Strings.Errors.requestMalformedPlain)
        }
        let today = req.today
        try await SurveyStore.change(survey.id, .close, version: version, today: today, actor: req.auditActor, app: req.application) { model, _ in
            model.closedEarlyOn = today.description
        }
        return redirect(req, context, survey, done: "survey-closed")
    }

    func redirect(_ req: Request, _ context: ApplicationContext, _ survey: LoadedSurvey, done: String) -> Response {
        req.redirect(to: SiteRoute.survey(campaign: context.campaignID, unit: context.unitID, survey: survey.id).path + "?done=" + done,
                     redirectType: .normal)
    }

    // MARK: Filling the self-assessment

    /// Fills the self-assessment's satisfaction facts with the closed survey's rates, through the
    /// workflow's save (the cadre, while the self-assessment may change), attaches the result as a
    /// workbook to each item filled, and marks the survey filled: one transaction, audited.
    func fill(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .workOnApplication)
        let survey = try await SurveyStore.survey(req, context)
        let today = req.today
        if let refusal = survey.life.refusal(.fillFacts, on: today) { throw AppError.conflict(refusal.message) }
        let results = try await SurveyStore.results(survey, on: req.db)
        let scorer = try await PinnedSchemes.shared.scorer(for: SelfAssessmentController.pin(of: context), on: req.db)
        let scheme = scorer.scheme
        let fills: [SurveyFacts.Fill]
        switch SurveyFacts.fills(scheme, results: results, minimum: survey.minimum) {
        case .failure(let refusal): throw AppError.conflict(refusal.message)
        case .success(let found): fills = found
        }
        // The workbook is stored before the gate (its bytes depend on the closed survey alone).
        let data = try SurveyWorkbook.make(survey, results, unit: context.unit.name, language: .zh)
        let blob = try await req.application.evidenceStorage.put(data)
        let name = Strings.Survey.Workbook.fileName(survey.model.title).zh
        let actor = req.auditActor
        let scope = context.unit.path
        let surveyID = survey.id
        let unitKind = context.unit.kind.flatMap(UnionKind.init(rawValue:))
        let stored = fills.map { fill in
            StoredFill(factID: fill.factID, item: fill.item, label: scheme.allFacts.first { $0.id == fill.factID }?.label(for: unitKind) ?? fill.factID,
                       value: fill.value.description)
        }
        try await ApplicationStore.perform(.saveSelfAssessment, context, version: nil, req: req, subject: context.user.subject, actor: actor) { application, db in
            // Asked again in the gate: a second click, or a colleague, fills nothing twice.
            guard let model = try await SurveyModel.find(surveyID, on: db) else { throw AppError.notFound(AppError.nothingHere) }
            if let refusal = try LoadedSurvey(model).life.refusal(.fillFacts, on: today) { throw AppError.conflict(refusal.message) }
            let answers = SurveyFacts.apply(fills, to: (try? Answers.parse(json: Data(application.answersJSON.utf8))) ?? Answers())
            let result: SelfAssessmentResult
            do { result = try SelfAssessmentResult.evaluate(answers, scorer: scorer) } catch let error as AnswerError {
                throw AppError.conflict(SelfAssessmentController.message(error, scheme: scheme, kind: unitKind))
            }
            application.answersJSON = String(decoding: answers.json(pretty: false), as: UTF8.self)
            application.selfTotal = result.storedTotal
            application.selfTier = result.storedTier
            application.vetoesJSON = CampaignStore.encode(result.vetoTexts)
            for item in Set(fills.map(\.item)).sorted() {
                try await EvidenceController.record(blob, type: .xlsx, name: name, item: item, applicationID: application.id!, actor: actor,
                                                    scope: scope, on: db)
            }
            let before = SurveyAudit(model)
            model.filledAt = actor.at
            model.filledBy = actor.name
            model.filledJSON = CampaignStore.encode(stored)
            model.version += 1
            try await model.update(on: db)
            try await SurveyStore.audit("survey.fill", model, before: before, actor: actor, on: db)
        }
        return redirect(req, context, survey, done: "survey-filled")
    }

    // MARK: The workbook

    func workbook(req: Request) async throws -> Response {
        let context = try await ApplicationStore.context(req, for: .viewApplication)
        let survey = try await SurveyStore.survey(req, context)
        if survey.life.status(on: req.today) != .closed { throw AppError.conflict(P.workbookAfterClose) }
        let results = try await SurveyStore.results(survey, on: req.db)
        let data = try SurveyWorkbook.make(survey, results, unit: context.unit.name, language: req.language)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: EvidenceType.xlsx.mimeType)
        headers.replaceOrAdd(name: .contentDisposition, value: OfficePackage.contentDisposition(
            fileName: Translator(req.language)(Strings.Survey.Workbook.fileName(survey.model.title + "-" + context.unit.name)), fallback: "survey-results.xlsx"))
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
