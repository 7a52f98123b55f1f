import Testing
@testable import UnionStarCore

@Suite struct CampaignProgressTests {
    let county = TreePath(ids: ["rushan"])

    func unit(_ town: String, _ n: Int, _ state: ApplicationState) -> CampaignProgress.Unit {
        CampaignProgress.Unit(id: "\(town)-\(n)", path: TreePath(ids: ["rushan", town, "\(town)-\(n)"]), state: state)
    }

    @Test func participationPerTownAgainstRushansEightyFivePercent() {
        // setup: 夏村 20 units, 17 taking part (85% exactly: meets 基层工会参与率要达到85%以上);
        // 乳山口 7 units, 5 taking part (71.4285…%: misses); 海阳所 none.
        var units = (0..<17).map { unit("xiacun", $0, [.preApplied, .drafting, .onNotice, .filed, .returned][$0 % 5]) }
        units += (17..<20).map { unit("xiacun", $0, .notStarted) }
        units += (0..<5).map { unit("rushankou", $0, .drafting) } + (5..<7).map { unit("rushankou", $0, .notStarted) }
        units.append(CampaignProgress.Unit(id: "elsewhere", path: TreePath(ids: ["yizheng", "x", "y"]), state: .filed))
        // act
        let progress = CampaignProgress.compute(units: units, top: county, groups: ["xiacun", "rushankou", "haiyangsuo"], target: 85)
        // check
        #expect(progress.units == 27)
        #expect(progress.takingPart == 22)
        #expect(progress.byState[.notStarted] == 5)
        #expect(progress.byState[.drafting] == 9)
        #expect(progress.rate == Points(parsing: "81.4814"))
        #expect(progress.meetsTarget == false)
        #expect(progress.groups.map(\.id) == ["xiacun", "rushankou"])
        #expect(progress.groups[0].rate == 85 && progress.groups[0].meetsTarget == true)
        #expect(progress.groups[1].rate == Points(parsing: "71.4285") && progress.groups[1].meetsTarget == false)
    }

    @Test func justUnderTheTargetNeverRoundsUpToIt() {
        // 5,666 of 6,667 is 84.9857…%: shown as 84.9857, not 85.
        let units = (0..<6_667).map { unit("t", $0, $0 < 5_666 ? .drafting : .notStarted) }
        let progress = CampaignProgress.compute(units: units, top: county, groups: ["t"], target: 85)
        #expect(progress.rate == Points(parsing: "84.9857"))
        #expect(progress.meetsTarget == false)
    }

    @Test func noTargetNoVerdictAndNoUnitsNoRate() {
        let progress = CampaignProgress.compute(units: [], top: county, groups: ["t"], target: nil)
        #expect(progress.rate == nil && progress.meetsTarget == nil && progress.groups.isEmpty)
    }
}
