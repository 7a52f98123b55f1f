import Fluent
import Foundation
import UnionStarCore
import Vapor
@testable import App

extension AuthorizationMatrixTests {
    /// 会员评家: the unit's survey pages (readers of the application read; the cadre and the
    /// federation's staff run; the cadre fills the self-assessment) and the member's pages (anyone).
    static var surveyRows: [Row] {
        let runners: Set<String> = ["cadre", "staff"]
        let survey = id(SurveyFixture.surveyID)
        let surveyPath: @Sendable (Fixture) -> String = { f in "/campaigns/\(id(f.rushanCampaign))/units/\(id(f.unionA))/surveys/\(survey)" }
        return [
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/surveys", allowed: .accounts(applicationViewers),
                path: application("/surveys"), hasObject: true, prepare: { app, f in try await SurveyFixture.rushan(app, f, .draft) },
                expected: { c in
                    runners.contains(c.account ?? "")
                        ? Expected(status: .ok, contains: ["会员评家满意度测评 · 甲公司工会", "2020年度会员评家满意度测评", #"name="chair""#])
                        : Expected(status: .ok, contains: ["会员评家满意度测评 · 甲公司工会", "2020年度会员评家满意度测评"], lacks: [#"name="chair""#])
                }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/surveys", allowed: .accounts(runners),
                path: application("/surveys"), hasObject: true,
                payload: .form { _ in ["title": "矩阵测评", "chair": "true", "t_union_rights": "true", "t_comments": "true"] },
                prepare: { app, f in try await SurveyFixture.rushan(app, f, .draft) },
                expected: { c in
                    let made = try await SurveyModel.query(on: c.app.db).filter(\.$title == "矩阵测评").first()
                    return Expected(status: .seeOther, location: made.map {
                        "/campaigns/\(id(c.fixture.rushanCampaign))/units/\(id(c.fixture.unionA))/surveys/\(id($0.id!))?done=survey-created"
                    } ?? "(no survey made)")
                }),
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/surveys/:surveyID", allowed: .accounts(applicationViewers),
                path: application("/surveys/\(survey)"), hasObject: true, prepare: { app, f in try await SurveyFixture.rushan(app, f, .closed, answers: 10) },
                expected: { c in
                    c.account == "cadre"
                        ? Expected(status: .ok, contains: ["2020年度会员评家满意度测评", "工会工作满意率：100%", "将满意率填入自评"])
                        : Expected(status: .ok, contains: ["2020年度会员评家满意度测评", "工会工作满意率：100%"], lacks: ["将满意率填入自评"])
                }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/surveys/:surveyID/open", allowed: .accounts(runners),
                path: application("/surveys/\(survey)/open"), hasObject: true,
                payload: .form { _ in ["opens": "2020-08-03", "closes": "2020-08-12", "version": "1"] },
                prepare: { app, f in try await SurveyFixture.rushan(app, f, .draft) },
                expected: { c in Expected(status: .seeOther, location: surveyPath(c.fixture) + "?done=survey-opened") }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/surveys/:surveyID/tokens", allowed: .accounts(runners),
                path: application("/surveys/\(survey)/tokens"), hasObject: true, payload: .form { _ in ["count": "3"] },
                prepare: { app, f in try await SurveyFixture.rushan(app, f, .open) },
                expected: same(Expected(status: .ok, contains: ["答卷纸（第2批，3份）", "<svg", "答卷码", "只在本页显示这一次"]))),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/surveys/:surveyID/close", allowed: .accounts(runners),
                path: application("/surveys/\(survey)/close"), hasObject: true, payload: .form { _ in ["version": "1"] },
                prepare: { app, f in try await SurveyFixture.rushan(app, f, .open) },
                expected: { c in Expected(status: .seeOther, location: surveyPath(c.fixture) + "?done=survey-closed") }),
            Row(method: .POST, pattern: "campaigns/:campaignID/units/:orgID/surveys/:surveyID/fill", allowed: .accounts(["cadre"]),
                path: application("/surveys/\(survey)/fill"), hasObject: true,
                prepare: { app, f in try await SurveyFixture.rushan(app, f, .closed, answers: 10) },
                expected: { c in Expected(status: .seeOther, location: surveyPath(c.fixture) + "?done=survey-filled") }),
            Row(method: .GET, pattern: "campaigns/:campaignID/units/:orgID/surveys/:surveyID/results.xlsx", allowed: .accounts(applicationViewers),
                path: application("/surveys/\(survey)/results.xlsx"), hasObject: true,
                prepare: { app, f in try await SurveyFixture.rushan(app, f, .closed, answers: 10) },
                expected: same(Expected(status: .ok, contains: ["[Content_Types].xml", "xl/worksheets/sheet1.xml"]))),
            Row(method: .GET, pattern: "s", allowed: .anyone, path: fixed("/s"), hasObject: false,
                expected: same(Expected(status: .ok, contains: ["会员评家满意度测评", #"name="code""#, "/js/survey.js"]))),
            Row(method: .POST, pattern: "s", allowed: .anyone, path: fixed("/s"), hasObject: false,
                payload: .form { _ in ["code": SurveyFixture.token.lowercased()] },
                prepare: { app, f in try await SurveyFixture.rushan(app, f, .open) },
                expected: same(Expected(status: .ok, contains: ["甲公司工会", #"name="q_union_overall""#, SurveyFixture.token]))),
            Row(method: .POST, pattern: "s/answer", allowed: .anyone, path: fixed("/s/answer"), hasObject: false,
                payload: .form { _ in SurveyFixture.answers(.verySatisfied, token: SurveyFixture.token) },
                prepare: { app, f in try await SurveyFixture.rushan(app, f, .open) },
                expected: same(Expected(status: .seeOther, location: "/s?done=thanks"))),
        ]
    }
}
