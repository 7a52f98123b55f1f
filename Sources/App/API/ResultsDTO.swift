import Fluent
import Foundation
import UnionStarCore
import Vapor

/// A unit's results notice (评选结果公示) as the API reads it: its period and public page, the
/// objections to it (their text and sender only for staff, who answer them, each unanswered one
/// with the path that answers it while they may), and the naming (命名) once done.
struct ResultsDTO: Content {
    var notice: NoticeDTO.Notice?
    /// Their text and sender for staff only, as on the page: others see how many and the answers.
    var objections: [NoticeDTO.Objection]
    var naming: ApplicationDTO.Naming?

    static func make(_ context: ApplicationContext, req: Request) async throws -> ResultsDTO {
        let application = context.application
        var notice: NoticeDTO.Notice?
        if let period = ResultsStore.notice(application, plan: context.plan), let token = application?.resultsToken {
            notice = .init(start: period.start, end: period.end, status: UnitNotice.status(period, on: req.today).rawValue,
                           publicPath: SiteRoute.publicNotice(token: token).path)
        }
        var objections: [NoticeDTO.Objection] = []
        if let id = application?.id {
            let mayRead = context.user.can(.manageReview, on: context.unit.accessTarget)
            let mayAnswer = mayRead ? try await ApplicationStore.check(.answerResultsObjection, context, req: req).isSuccess : false
            objections = try await ObjectionModel.query(on: req.db).filter(\.$applicationID == id).filter(\.$notice == ObjectionModel.results)
                .sort(\.$lodgedAt).all().map { row in
                NoticeDTO.Objection(row, readable: mayRead, answerPath: mayAnswer
                    ? SiteRoute.api(.answerResultsObjection(campaign: context.campaignID, unit: context.unitID, objection: row.id!)).path : nil)
            }
        }
        return ResultsDTO(notice: notice, objections: objections, naming: ApplicationDTO.Naming.make(context))
    }
}
