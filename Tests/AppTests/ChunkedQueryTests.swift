import Fluent
import Foundation
import Testing
import Vapor
@testable import App
import UnionStarCore

/// Long key lists are read in chunks: a list longer than either driver's bound-parameter limit
/// (PostgreSQL 65,535; SQLite 32,766) still answers, on both databases.
@Suite struct ChunkedQueryTests {
    @Test func namesOnSeventyThousandPathsAnswer() async throws {
        try await withTestApp { app in
            // setup: the fixture's tree, and 70,000 ids of which three exist
            let fixture = try await Fixture.make(app)
            let known = [fixture.weihai, fixture.rushan, fixture.unionA].map { $0.uuidString.lowercased() }
            let unknown = (0..<70_000).map { _ in UUID().uuidString.lowercased() }
            let path = TreePath(ids: unknown + known)
            // act
            let names = try await OrganisationStore(database: app.db).names(on: [path])
            let nodes = try await OrganisationStore(database: app.db).nodes(on: path)
            // check
            #expect(names == [known[0]: "威海市总工会", known[1]: "乳山市总工会", known[2]: "甲公司工会"])
            #expect(nodes.map(\.name) == ["威海市总工会", "乳山市总工会", "甲公司工会"])
        }
    }

    @Test func chunksSplitTheListAndKeepEveryRow() async throws {
        try await withTestApp { app in
            // setup
            let fixture = try await Fixture.make(app)
            let ids = [fixture.weihai, fixture.rushan, fixture.xiacun, fixture.unionA, fixture.unionB]
            var calls: [Int] = []
            // act: chunks of two
            let rows = try await ChunkedQuery.all(ids, chunkSize: 2) { chunk in
                calls.append(chunk.count)
                return OrganisationModel.query(on: app.db).filter(\.$id ~~ chunk)
            }
            let none = try await ChunkedQuery.all([UUID](), chunkSize: 2) { _ in
                calls.append(-1)
                return OrganisationModel.query(on: app.db)
            }
            // check
            #expect(calls == [2, 2, 1])
            #expect(Set(rows.compactMap(\.id)) == Set(ids))
            #expect(none.isEmpty)
        }
    }
}
