import Testing
@testable import UnionStarCore

/// 附件2 区域（行业）工会标准: every item's quantification, in the seed's own words.
private let R = "rushan-2020-regional"
private func gone(_ fact: String, _ elements: String...) -> Change {
    let all = builtInSchemes[R]!.allFacts.first { $0.id == fact }!.elements!.map(\.id)
    return .set(fact, .map(Dictionary(uniqueKeysWithValues: all.map { ($0, !elements.contains($0)) })))
}

let regionalCases: [ItemCase] = [
    // 1 (5): ①组织不健全扣2分 ②不按期换届扣3分
    ItemCase(1, "5", "健全、按期", []),
    ItemCase(1, "3", "①缺女职工委员会", [gone("three_committees", "women_workers_committee")]),
    ItemCase(1, "2", "②不按期换届", [no("election_on_schedule")]),
    ItemCase(1, "0", "①+②", [gone("three_committees", "funds_audit_committee"), no("election_on_schedule")]),
    // 2 (5): 无当年会员代表大会档案资料，此项不得分
    ItemCase(2, "0", "无当年档案资料", [no("members_congress_records")]),
    ItemCase(2, "0", "当年未召开", [no("members_congress_held")]),
    // 3 (5): 每缺一项扣1分，扣完为止
    ItemCase(3, "4", "缺牌子", [gone("premises_and_records", "signboard")]),
    ItemCase(3, "2", "缺三项", [gone("premises_and_records", "signboard", "work_plan", "work_summary")]),
    ItemCase(3, "0", "五项全缺", [gone("premises_and_records", "office_and_activity_space", "signboard", "work_plan", "work_summary", "records_complete")]),
    // 4 (5): ①②③④各扣1分
    ItemCase(4, "4", "①25人以上单位未全部建会", [no("all_units_organised")]),
    ItemCase(4, "4", "②入会率89.9%，未达到90%", [percent("membership_rate", "89.9")]),
    ItemCase(4, "5", "②入会率正好90%", [percent("membership_rate", "90")]),
    ItemCase(4, "4", "②入会率40%，仍只扣1分", [percent("membership_rate", "40")]),
    ItemCase(4, "4", "③无会员会籍档案", [no("member_records")]),
    ItemCase(4, "4", "④实名认证59%", [percent("app_verified_rate", "59")]),
    ItemCase(4, "5", "④实名认证正好60%", [percent("app_verified_rate", "60")]),
    ItemCase(4, "1", "①②③④", [no("all_units_organised"), percent("membership_rate", "80"), no("member_records"), percent("app_verified_rate", "50")]),
    // 5 (4): 当年无评选宣传活动，此项不得分
    ItemCase(5, "4", "有评选宣传", []),
    ItemCase(5, "0", "无评选宣传", [no("commendation_activities")]),
    // 6 (18): 每开展一次计9分，满分18分
    ItemCase(6, "0", "未开展", [count("competitions", 0)]),
    ItemCase(6, "9", "一次", [count("competitions", 1)]),
    ItemCase(6, "18", "两次", [count("competitions", 2)]),
    ItemCase(6, "18", "四次，满分18分", [count("competitions", 4)]),
    // 7 (6): ①未开展职工创新或提合理化建议扣4 ②未建立激励机制并经职代会审议通过扣2
    ItemCase(7, "6", "①只未开展职工创新：开展了提合理化建议，不扣", [no("innovation_activities")]),
    ItemCase(7, "6", "①只未提合理化建议：开展了职工创新，不扣", [no("rationalization_proposals")]),
    ItemCase(7, "2", "①两者都未开展，扣4分", [no("innovation_activities"), no("rationalization_proposals")]),
    ItemCase(7, "4", "②", [no("incentive_mechanism_approved")]),
    ItemCase(7, "4", "②，且只缺职工创新", [no("innovation_activities"), no("incentive_mechanism_approved")]),
    ItemCase(7, "0", "①两者都缺+②", [no("innovation_activities"), no("rationalization_proposals"), no("incentive_mechanism_approved")]),
    // 8 (6): 每年至少组织一次职工培训活动，并保留活动档案，记6分
    ItemCase(8, "6", "一次培训，有档案", []),
    ItemCase(8, "6", "三次培训，有档案，仍是6分", [count("trainings", 3)]),
    ItemCase(8, "0", "未组织培训", [count("trainings", 0)]),
    ItemCase(8, "0", "组织了培训但未保留档案", [no("training_records")]),
    // 9 (6): ①未开展查保促不得分 ②所辖单位发生一般以上事故不得分
    ItemCase(9, "0", "①", [no("safety_campaign")]),
    ItemCase(9, "0", "②", [yes("member_units_safety_accident")]),
    // 10 (10): 当年未召开区域（行业）职代会，此项不得分
    ItemCase(10, "10", "召开", []),
    ItemCase(10, "0", "未召开", [no("workers_congress_held")]),
    // 11 (8): 每少签订一个集体合同扣2分
    ItemCase(11, "6", "少一个", [gone("collective_contracts", "safety_health")]),
    ItemCase(11, "2", "少三个", [gone("collective_contracts", "wages", "women_workers", "safety_health")]),
    ItemCase(11, "0", "四个都没签", [gone("collective_contracts", "general", "wages", "women_workers", "safety_health")]),
    // 12 (8): 未建立相关制度，未开展困难职工帮扶活动，此项不得分（读作“任一”）
    ItemCase(12, "8", "制度、活动都有", []),
    ItemCase(12, "0", "未建立制度", [no("hardship_aid_system")]),
    ItemCase(12, "0", "未开展活动", [no("hardship_aid_activities")]),
    ItemCase(12, "0", "两者都无", [no("hardship_aid_system"), no("hardship_aid_activities")]),
    // 13 (8): 未组织参加互助保险不得分；比例（80%以上）不达标扣2分
    ItemCase(13, "0", "未组织参加", [no("mutual_insurance_organised"), .remove("mutual_insurance_rate")]),
    ItemCase(13, "6", "参加79.5%", [percent("mutual_insurance_rate", "79.5")]),
    ItemCase(13, "8", "参加正好80%", [percent("mutual_insurance_rate", "80")]),
    // 14 (6): 每开展一次计3分，满分6分
    ItemCase(14, "0", "未开展", [count("cultural_sports_activities", 0)]),
    ItemCase(14, "3", "一次", [count("cultural_sports_activities", 1)]),
    ItemCase(14, "6", "两次", [count("cultural_sports_activities", 2)]),
    ItemCase(14, "6", "六次，满分6分", [count("cultural_sports_activities", 6)]),
]

@Suite struct RushanRegionalItemTests {
    @Test(arguments: regionalCases)
    func item(_ c: ItemCase) throws {
        let assessment = try assess(R, c.changes)
        #expect(assessment.item(c.item).score == Points(c.expected))
    }

    @Test func everyItemHasCases() {
        #expect(Set(regionalCases.map(\.item)) == Set(1...14))
    }
}
