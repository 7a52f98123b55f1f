import Foundation
import Testing
import UnionStarCore
import Vapor
import VaporTesting
@testable import App

@Suite struct SchemeAPITests {
    @Test func listsSchemes() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/api/schemes") { res async throws in
                #expect(res.status == .ok)
                let list = try res.content.decode([SchemeSummary].self)
                #expect(list.map(\.id) == ["rushan-2020-enterprise", "rushan-2020-regional", "yizheng-2019-chair", "yizheng-2019-union"])
            }
        }
    }

    @Test func showsAWholeScheme() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/api/schemes/rushan-2020-enterprise") { res async throws in
                let scheme = try res.content.decode(Scheme.self)
                #expect(scheme.items.count == 20)
                #expect(scheme.item(number: 5)?.rules.first?.text == "①入会率每少一个百分点扣1分，扣完为止")
            }
        }
    }

    @Test func scoresAnswersOverHTTP() async throws {
        try await withTestApp { app in
            var answers = app.catalogue.scorer("rushan-2020-enterprise")!.templateAnswers()
            answers.facts["election_on_schedule"] = .bool(false)
            answers.facts["membership_rate"] = .number(Decimal(string: "88.5")!)
            let body = ByteBuffer(data: answers.json())
            try await app.http().test(.POST, "/api/schemes/rushan-2020-enterprise/assessments",
                                      headers: ["Content-Type": "application/json"], body: body) { res async throws in
                #expect(res.status == .ok)
                let report = try res.content.decode(AssessmentReport.self)
                // 88.5% is one whole percentage point short of 90%: −1 (membership_shortfall_partial: whole).
                #expect(report.total == Points(parsing: "97")!)
                #expect(report.tier == "五星级")
                #expect(report.items[0].applied == ["③未按期换届 −2"])
            }
        }
    }

    @Test func badAnswersGetAnErrorNamingTheFact() async throws {
        try await withTestApp { app in
            let body = ByteBuffer(string: #"{"facts": {"membership_rate": 120}}"#)
            try await app.http().test(.POST, "/api/schemes/rushan-2020-enterprise/assessments?lang=en",
                                      headers: ["Content-Type": "application/json"], body: body) { res async throws in
                #expect(res.status == .unprocessableEntity)
                let error = try res.content.decode(ErrorBody.self)
                #expect(error.error.field == "membership_rate")
                #expect(error.error.message.hasPrefix("fact 'membership_rate': is a percentage and must be between 0 and 100, got 120"))
            }
            try await app.http().test(.POST, "/api/schemes/nope/assessments", headers: ["Content-Type": "application/json"],
                                      body: ByteBuffer(string: "{}")) { res async throws in
                #expect(res.status == .notFound)
                #expect(try res.content.decode(ErrorBody.self).error.message == "没有编号为 nope 的评定方案。")
            }
        }
    }
}
