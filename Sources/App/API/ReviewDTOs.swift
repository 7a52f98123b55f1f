import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The unit's notice as the API reads it: its period and public page, and every objection with
/// its answer (each unanswered one with the path that answers it, for the union's cadre).
struct NoticeDTO: Content {
    struct Notice: Content {
        var start: CalendarDate
        var end: CalendarDate
        /// `notYetStarted`, `running` or `ended`.
        var status: String
        var publicPath: String
    }

    /// An objection to a notice (the unit's, or the results notice: `ResultsDTO`).
    struct Objection: Content {
        var id: UUID
        var lodgedAt: Date
        /// The sender's name and the text, for those who may read them (the results notice's: staff only).
        var name: String?
        var text: String?
        var answer: String?
        var answeredAt: Date?
        var answeredBy: String?
        var answerPath: String?

        init(_ row: ObjectionModel, readable: Bool, answerPath: String?) {
            id = row.id!
            lodgedAt = row.lodgedAt
            name = readable ? row.name : nil
            text = readable ? row.text : nil
            answer = row.answer
            answeredAt = row.answeredAt
            answeredBy = row.answeredBy
            self.answerPath = row.answer == nil ? answerPath : nil
        }
    }

    var notice: Notice?
    var objections: [Objection]

    static func make(_ context: ApplicationContext, req: Request) async throws -> NoticeDTO {
        let application = context.application
        var notice: Notice?
        if let period = NoticeSupport.notice(application, plan: context.plan), let token = application?.noticeToken {
            notice = Notice(start: period.start, end: period.end, status: UnitNotice.status(period, on: req.today).rawValue,
                            publicPath: SiteRoute.publicNotice(token: token).path)
        }
        var objections: [Objection] = []
        if let id = application?.id {
            let mayAnswer = try await ApplicationStore.check(.answerObjection, context, req: req).isSuccess
            // The unit's own notice: objections to the results notice are staff's (`ResultsController`).
            objections = try await ObjectionModel.query(on: req.db).filter(\.$applicationID == id).filter(\.$notice == nil)
                .sort(\.$lodgedAt).all().map { row in
                Objection(row, readable: true, answerPath: mayAnswer
                              ? SiteRoute.api(.answerObjection(campaign: context.campaignID, unit: context.unitID, objection: row.id!)).path : nil)
            }
        }
        return NoticeDTO(notice: notice, objections: objections)
    }
}

/// The unit's inspectors as staff see them: who is assigned and whether they scored, who else may
/// be assigned (with the conflict that refuses them), and the combined score so far.
struct InspectorsDTO: Content {
    struct Assigned: Content {
        var id: UUID
        var name: String
        var total: Points?
    }

    struct Candidate: Content {
        var id: UUID
        var name: String
        /// Why they may not inspect this unit (回避), if they may not.
        var conflict: String?
    }

    struct Combined: Content {
        var total: Points?
        var spread: Points
        /// Why there is no total yet.
        var problem: String?
    }

    var assigned: [Assigned]
    var candidates: [Candidate]
    var combined: Combined?

    static func make(_ context: ApplicationContext, req: Request) async throws -> InspectorsDTO {
        let t = Translator(req.language)
        let rows = try await ApplicationStore.inspectors(context.application, on: req.db)
        let users = try await ChunkedQuery.all(rows.map(\.inspectorID)) { UserModel.query(on: req.db).filter(\.$id ~~ $0) }
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, Strings.Common.personWithUserName($0.displayName, $0.username).text(in: req.language)) })
        let taken = Set(rows.map(\.inspectorID))
        let candidates = try await InspectorAssignmentController.candidates(for: context, on: req.db).filter { !taken.contains($0.id) }
        var combined: Combined?
        if rows.contains(where: { $0.scoredAt != nil }) {
            let scores = try await InspectorAssignmentController.combined(context, rows, on: req.db)
            combined = Combined(total: scores.total, spread: scores.spread, problem: scores.problem.map { t($0) })
        }
        return InspectorsDTO(
            assigned: rows.map { row in
                Assigned(id: row.inspectorID, name: names[row.inspectorID] ?? "—",
                         total: row.recordJSON.flatMap { try? CampaignStore.decode(InspectionRecord.self, $0) }?.total)
            },
            candidates: candidates.map { Candidate(id: $0.id, name: $0.name, conflict: $0.conflict.map { t($0.message) }) },
            combined: combined)
    }
}

/// The inspector's own record of a unit: the version to send back, what was submitted, and each
/// item's maximum beside the self-score.
struct InspectionDTO: Content {
    struct Record: Content {
        var visitedOn: CalendarDate
        var methods: [String]
        var peopleMet: String
        var findings: String
        var items: [String: Points]
        var total: Points
    }

    struct Item: Content {
        var number: Int
        var max: Points
        var selfScore: Points?
    }

    /// The version of the inspector's own record (not the application's).
    var version: Int
    var record: Record?
    var items: [Item]

    static func make(_ context: ApplicationContext, req: Request) async throws -> InspectionDTO {
        let scorer = try await PinnedSchemes.shared.scorer(for: context.pin, on: req.db)
        let own = InspectionController.selfItemScores(context.application, scorer: scorer)
        let mine = try await InspectionController.assignment(context, req: req)
        let record = mine?.recordJSON.flatMap { try? CampaignStore.decode(InspectionRecord.self, $0) }
        return InspectionDTO(
            version: mine?.version ?? 0,
            record: record.map { Record(visitedOn: $0.visitedOn, methods: $0.methods.map(\.rawValue), peopleMet: $0.peopleMet,
                                        findings: $0.findings, items: $0.items, total: $0.total) },
            items: scorer.scheme.items.map { Item(number: $0.number, max: $0.max, selfScore: own[String($0.number)]) })
    }
}

/// The reviewer's queue: what waits for their stamp, by deadline.
struct ReviewQueueDTO: Content {
    struct Entry: Content {
        var campaign: ApplicationDTO.Reference
        var unit: ApplicationDTO.Reference
        var tier: String?
        var selfTotal: Points?
        var evidence: Int
        var due: CalendarDate?
        var path: String
    }

    var applications: [Entry]

    static func make(_ req: Request) async throws -> ReviewQueueDTO {
        let user = try req.authorizeSomewhere(.endorseApplication)
        return ReviewQueueDTO(applications: try await EndorsementController.queue(of: user, on: req.db).map { entry in
            Entry(campaign: .init(id: entry.campaign.id!, name: entry.campaign.title),
                  unit: .init(id: entry.application.unitID, name: entry.unitName), tier: entry.application.tier,
                  selfTotal: entry.application.selfTotal.flatMap { Points(parsing: $0) }, evidence: entry.evidence, due: entry.due,
                  path: SiteRoute.api(.application(campaign: entry.campaign.id!, unit: entry.application.unitID)).path)
        })
    }
}

/// The units assigned to the inspector.
struct MyInspectionsDTO: Content {
    struct Entry: Content {
        var campaign: ApplicationDTO.Reference
        var unit: ApplicationDTO.Reference
        var state: String
        var scored: Bool
        var path: String
    }

    var inspections: [Entry]

    static func make(_ req: Request) async throws -> MyInspectionsDTO {
        let user = try req.authorizeSomewhere(.recordInspection)
        return MyInspectionsDTO(inspections: try await InspectionController.assigned(to: user, on: req.db).map { entry in
            let application = entry.application
            return Entry(campaign: .init(id: application.campaignID, name: entry.campaignTitle), unit: .init(id: application.unitID, name: entry.unitName),
                         state: application.state, scored: entry.scored,
                         path: SiteRoute.api(.inspection(campaign: application.campaignID, unit: application.unitID)).path)
        })
    }
}
