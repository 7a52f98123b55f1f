import Fluent
import Foundation
import UnionStarCore
import Vapor

/// A unit's results notice (评选结果公示) as the API reads it: its period and public page, the
/// objections to it (their text and sender only for staff, who answer them, each unanswered one
/// with the path that answers it while they may), and the naming (命名) once done.
struct ResultsDTO: Content {
    struct Objection: Content {
        var id: UUID
        var lodgedAt: Date
        /// Staff only, as on the page: the public sees how many and the answers.
        var name: String?
        var text: String?
        var answer: String?
        var answeredAt: Date?
        var answeredBy: String?
        var answerPath: String?
    }

    var notice: NoticeDTO.Notice?
    var objections: [Objection]
    var naming: ApplicationDTO.Naming?

    static func make(_ context: ApplicationContext, req: Request) async throws -> ResultsDTO {
        let application = context.application
        var notice: NoticeDTO.Notice?
        if let period = ResultsStore.notice(application, plan: context.plan), let token = application?.resultsToken {
            notice = .init(start: period.start, end: period.end, status: UnitNotice.status(period, on: req.today).rawValue,
                           publicPath: SiteRoute.publicNotice(token: token).path)
        }
        var objections: [Objection] = []
        if let id = application?.id {
            let mayRead = context.user.can(.manageReview, on: context.unit.accessTarget)
            let mayAnswer = mayRead ? try await ApplicationStore.check(.answerResultsObjection, context, req: req).isSuccess : false
            objections = try await ObjectionModel.query(on: req.db).filter(\.$applicationID == id).filter(\.$notice == ObjectionModel.results)
                .sort(\.$lodgedAt).all().map { row in
                Objection(id: row.id!, lodgedAt: row.lodgedAt, name: mayRead ? row.name : nil, text: mayRead ? row.text : nil, answer: row.answer,
                          answeredAt: row.answeredAt, answeredBy: row.answeredBy,
                          answerPath: row.answer == nil && mayAnswer
                              ? SiteRoute.api(.answerResultsObjection(campaign: context.campaignID, unit: context.unitID, objection: row.id!)).path
                              : nil)
            }
        }
        return ResultsDTO(notice: notice, objections: objections, naming: ApplicationDTO.Naming.make(context))
    }
}
