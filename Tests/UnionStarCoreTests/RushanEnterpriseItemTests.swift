import Testing
@testable import UnionStarCore

/// 附件1 企业工会标准: every item's quantification, case by case, in the seed's own words.
/// Each case starts from the fully compliant answers and changes only what it names.
struct ItemCase: Sendable, CustomTestStringConvertible {
    let item: Int
    let expected: String
    let changes: [Change]
    let why: String

    init(_ item: Int, _ expected: String, _ why: String, _ changes: [Change]) {
        self.item = item
        self.expected = expected
        self.changes = changes
        self.why = why
    }

    var testDescription: String { "item \(item) → \(expected): \(why)" }
}

private let E = "rushan-2020-enterprise"
private func gone(_ fact: String, _ elements: String...) -> Change {
    let all = builtInSchemes[E]!.allFacts.first { $0.id == fact }!.elements!.map(\.id)
    return .set(fact, .map(Dictionary(uniqueKeysWithValues: all.map { ($0, !elements.contains($0)) })))
}

let enterpriseCases: [ItemCase] = [
    // 1 (5): ①三委会不齐全扣1分 ②不符合任职条件扣2分 ③未按期换届扣2分
    ItemCase(1, "5", "fully compliant", []),
    ItemCase(1, "4", "①女职工委员会缺", [gone("three_committees", "women_workers_committee")]),
    ItemCase(1, "4", "①两个委员会缺，仍只扣1分", [gone("three_committees", "women_workers_committee", "funds_audit_committee")]),
    ItemCase(1, "3", "②不符合任职条件", [no("cadres_qualified")]),
    ItemCase(1, "3", "③未按期换届", [no("election_on_schedule")]),
    ItemCase(1, "1", "②+③", [no("cadres_qualified"), no("election_on_schedule")]),
    ItemCase(1, "0", "①+②+③", [gone("three_committees", "union_committee"), no("cadres_qualified"), no("election_on_schedule")]),
    // 2 (5): 没有档案资料此项不得分
    ItemCase(2, "5", "有档案资料", []),
    ItemCase(2, "0", "没有档案资料", [no("members_congress_records")]),
    ItemCase(2, "0", "当年未召开，无当年档案", [no("members_congress_held")]),
    // 3 (4): ①拨缴不足扣2 ②不能自主管理扣1 ③未同级审计扣1
    ItemCase(3, "2", "①拨缴不足", [no("funds_paid_in_full")]),
    ItemCase(3, "3", "②不能自主管理使用", [no("funds_self_managed")]),
    ItemCase(3, "3", "③未进行同级审计", [no("same_level_audit")]),
    ItemCase(3, "1", "①+③", [no("funds_paid_in_full"), no("same_level_audit")]),
    ItemCase(3, "0", "①+②+③", [no("funds_paid_in_full"), no("funds_self_managed"), no("same_level_audit")]),
    // 4 (2): 每缺一项扣0.5分，扣完为止
    ItemCase(4, "2", "齐全", []),
    ItemCase(4, "1.5", "缺公章", [gone("registration_and_premises", "official_seal")]),
    ItemCase(4, "1", "缺牌子、总结", [gone("registration_and_premises", "signboard", "summary")]),
    ItemCase(4, "0.5", "缺三项", [gone("registration_and_premises", "signboard", "summary", "records")]),
    ItemCase(4, "0", "缺四项，扣完", [gone("registration_and_premises", "signboard", "summary", "records", "work_plan")]),
    ItemCase(4, "0", "缺六项，扣完为止不为负", [gone("registration_and_premises", "legal_person_registration", "office_and_activity_space", "signboard", "official_seal", "work_plan", "summary")]),
    // 5 (4): ①入会率每少一个百分点扣1分，扣完为止 ②实名认证比例（超过80%）不达标扣2分
    ItemCase(5, "4", "入会率正好90%", [percent("membership_rate", "90")]),
    ItemCase(5, "3", "入会率89%，少1个百分点", [percent("membership_rate", "89")]),
    ItemCase(5, "1", "入会率87%，少3个百分点", [percent("membership_rate", "87")]),
    ItemCase(5, "0", "入会率86%，少4个百分点，扣完", [percent("membership_rate", "86")]),
    ItemCase(5, "0", "入会率50%，扣完为止", [percent("membership_rate", "50")]),
    ItemCase(5, "3", "入会率88.5%，少1个整百分点（只计整百分点）", [percent("membership_rate", "88.5")]),
    ItemCase(5, "4", "入会率89.99%，不足一个百分点，不扣", [percent("membership_rate", "89.99")]),
    ItemCase(5, "1", "入会率86.5%，少3个整百分点", [percent("membership_rate", "86.5")]),
    ItemCase(5, "0", "入会率86%，①可扣完本项4分，②达标也不留分", [percent("membership_rate", "86")]),
    ItemCase(5, "2", "实名认证正好80%，未超过80%", [percent("app_verified_rate", "80")]),
    ItemCase(5, "4", "实名认证80.5%，超过80%", [percent("app_verified_rate", "80.5")]),
    ItemCase(5, "2", "实名认证30%", [percent("app_verified_rate", "30")]),
    ItemCase(5, "1", "①少1个百分点 + ②", [percent("membership_rate", "89"), percent("app_verified_rate", "79")]),
    ItemCase(5, "0", "①少3个百分点 + ②，扣完为止", [percent("membership_rate", "87"), percent("app_verified_rate", "79")]),
    // 6 (9): 每开展一次计3分，满分9分
    ItemCase(6, "0", "未开展", [count("competitions", 0)]),
    ItemCase(6, "3", "一次", [count("competitions", 1)]),
    ItemCase(6, "6", "两次", [count("competitions", 2)]),
    ItemCase(6, "9", "三次", [count("competitions", 3)]),
    ItemCase(6, "9", "五次，满分9分", [count("competitions", 5)]),
    // 7 (12): ①未开展创新活动扣5 ②未建立激励制度扣3 ③未建立创新工作室扣4
    ItemCase(7, "7", "①", [no("innovation_activities")]),
    ItemCase(7, "9", "②", [no("innovation_incentive_system")]),
    ItemCase(7, "8", "③", [no("innovation_studio")]),
    ItemCase(7, "0", "①+②+③", [no("innovation_activities"), no("innovation_incentive_system"), no("innovation_studio")]),
    ItemCase(7, "12", "建有职工创新工作室（非劳模工作室）：③不扣分", [yes("innovation_studio")]),
    // 8 (3): 有工作室但未入驻创新联盟不得分；没有工作室不得分（读第7项）
    ItemCase(8, "3", "有工作室且已入驻", []),
    ItemCase(8, "0", "有工作室但未入驻", [no("innovation_platform_joined")]),
    ItemCase(8, "0", "没有工作室", [no("innovation_studio"), .remove("innovation_platform_joined")]),
    ItemCase(8, "0", "没有工作室，即使答了已入驻", [no("innovation_studio"), yes("innovation_platform_joined")]),
    // 9 (6): ①未开展查保促扣6 ②发生安全生产责任事故扣6
    ItemCase(9, "0", "①", [no("safety_campaign")]),
    ItemCase(9, "0", "②", [yes("safety_liability_accident")]),
    ItemCase(9, "0", "①+②，不为负", [no("safety_campaign"), yes("safety_liability_accident")]),
    // 10 (8): ①未召开不得分 ②存档不健全扣2 ③未征集提案扣2
    ItemCase(10, "0", "①未召开，其余齐全也不得分", [no("workers_congress_held")]),
    ItemCase(10, "6", "②", [no("workers_congress_records_complete")]),
    ItemCase(10, "6", "③", [no("proposals_collected")]),
    ItemCase(10, "4", "②+③", [no("workers_congress_records_complete"), no("proposals_collected")]),
    ItemCase(10, "0", "①+②+③", [no("workers_congress_held"), no("workers_congress_records_complete"), no("proposals_collected")]),
    // 11 (6): 每缺一项制度或机制扣2分，扣完为止；职工董事/监事只问公司制企业
    ItemCase(11, "4", "缺厂务公开制度", [gone("openness_and_consultation", "factory_affairs_openness")]),
    ItemCase(11, "2", "缺厂务公开、沟通协商", [gone("openness_and_consultation", "factory_affairs_openness", "consultation_mechanism")]),
    ItemCase(11, "0", "公司制企业三项都缺", [gone("openness_and_consultation", "factory_affairs_openness", "consultation_mechanism", "worker_director_supervisor")]),
    ItemCase(11, "4", "公司制企业缺职工董事监事制度", [gone("openness_and_consultation", "worker_director_supervisor")]),
    ItemCase(11, "6", "非公司制企业没有职工董事监事制度：不适用，不扣分", [no("company_form"), gone("openness_and_consultation", "worker_director_supervisor")]),
    ItemCase(11, "2", "非公司制企业缺两项", [no("company_form"), gone("openness_and_consultation", "factory_affairs_openness", "consultation_mechanism", "worker_director_supervisor")]),
    // 12 (6): 每缺一个集体合同扣2分，扣完为止
    ItemCase(12, "4", "缺工资专项", [gone("collective_contracts", "wages")]),
    ItemCase(12, "2", "缺两个", [gone("collective_contracts", "wages", "women_workers")]),
    ItemCase(12, "0", "缺三个", [gone("collective_contracts", "wages", "women_workers", "safety_health")]),
    ItemCase(12, "0", "四个都缺，扣完为止", [gone("collective_contracts", "general", "wages", "women_workers", "safety_health")]),
    // 13 (2)
    ItemCase(13, "2", "无群体事件", []),
    ItemCase(13, "0", "发生因劳动纠纷引发的职工群体事件", [yes("labour_dispute_mass_incident")]),
    // 14 (2)
    ItemCase(14, "0", "无评选宣传活动", [no("commendation_activities")]),
    // 15 (6): ①未提取教育经费扣1 ②未开展技能培训扣2，未开展师带徒扣1 ③未建档案或不健全扣2
    ItemCase(15, "5", "①", [no("education_fund_extracted")]),
    ItemCase(15, "4", "②未开展技能培训", [no("skills_training")]),
    ItemCase(15, "5", "②未开展师带徒", [no("apprenticeship")]),
    ItemCase(15, "3", "②两者都未开展", [no("skills_training"), no("apprenticeship")]),
    ItemCase(15, "4", "③档案不健全", [option("training_records", "incomplete")]),
    ItemCase(15, "4", "③未建立档案", [option("training_records", "none")]),
    ItemCase(15, "0", "①+②+③", [no("education_fund_extracted"), no("skills_training"), no("apprenticeship"), option("training_records", "none")]),
    // 16 (6): ①每开展一次计2分，满分4分 ②未建立场所设施扣2
    ItemCase(16, "6", "两次活动，有场所", []),
    ItemCase(16, "2", "未开展活动，有场所", [count("cultural_sports_activities", 0)]),
    ItemCase(16, "4", "一次活动，有场所", [count("cultural_sports_activities", 1)]),
    ItemCase(16, "6", "五次活动，满分4分", [count("cultural_sports_activities", 5)]),
    ItemCase(16, "4", "两次活动，无场所", [no("cultural_sports_facilities")]),
    ItemCase(16, "0", "未开展活动，无场所", [count("cultural_sports_activities", 0), no("cultural_sports_facilities")]),
    // 17 (5): ①未建立帮扶救助制度扣2 ②未确定联系人扣1；未入户走访、信息核准、建立完善档案扣2
    ItemCase(17, "3", "①", [no("hardship_aid_system")]),
    ItemCase(17, "4", "②未确定联系人", [no("needy_contact_assigned")]),
    ItemCase(17, "3", "②未入户走访（任一未做即扣）", [gone("needy_casework", "home_visits")]),
    ItemCase(17, "3", "②三项都未做，仍扣2分", [gone("needy_casework", "home_visits", "information_verified", "records_established")]),
    ItemCase(17, "0", "①+②全部", [no("hardship_aid_system"), no("needy_contact_assigned"), gone("needy_casework", "records_established")]),
    ItemCase(17, "5", "没有上报的困难职工：②不适用", [no("needy_workers_reported"), .remove("needy_contact_assigned"), .remove("needy_casework")]),
    ItemCase(17, "3", "没有上报的困难职工，但未建制度", [no("needy_workers_reported"), no("hardship_aid_system"), .remove("needy_contact_assigned"), .remove("needy_casework")]),
    // 18 (4): 未参加扣4，参加比例（80%以上）不达标扣2
    ItemCase(18, "0", "未参加", [no("mutual_insurance_joined"), .remove("mutual_insurance_rate")]),
    ItemCase(18, "2", "参加79%", [percent("mutual_insurance_rate", "79")]),
    ItemCase(18, "2", "参加79.5%", [percent("mutual_insurance_rate", "79.5")]),
    ItemCase(18, "4", "参加正好80%", [percent("mutual_insurance_rate", "80")]),
    // 19 (4): 四项各扣1分
    ItemCase(19, "3", "①", [no("health_checkup_system")]),
    ItemCase(19, "3", "②", [no("recuperation_system")]),
    ItemCase(19, "3", "③", [no("mental_health_activities")]),
    ItemCase(19, "3", "④", [no("mental_health_room")]),
    ItemCase(19, "0", "①②③④", [no("health_checkup_system"), no("recuperation_system"), no("mental_health_activities"), no("mental_health_room")]),
    // 20 (1): 加1分
    ItemCase(20, "1", "有需求，开展子女托管服务", []),
    ItemCase(20, "0", "有需求，未开展", [no("childcare_service")]),
    ItemCase(20, "1", "职工无托管需求：按需设置即无须设置，加1分", [no("childcare_needed"), .remove("childcare_service")]),
    ItemCase(20, "1", "职工无托管需求，答了未开展也不问", [no("childcare_needed"), no("childcare_service")]),
]

@Suite struct RushanEnterpriseItemTests {
    @Test(arguments: enterpriseCases)
    func item(_ c: ItemCase) throws {
        let assessment = try assess(E, c.changes)
        #expect(assessment.item(c.item).score == Points(c.expected))
    }

    @Test func everyItemHasCases() {
        let covered = Set(enterpriseCases.map(\.item))
        #expect(covered == Set(1...20))
    }

    @Test func breakdownLinesCarryTheSeedsWords() throws {
        let a = try assess(E, [no("election_on_schedule"), gone("registration_and_premises", "signboard"),
                               count("competitions", 2), no("workers_congress_held")])
        #expect(a.item(1).applied.map(\.line) == ["③未按期换届 −2"])
        #expect(a.item(1).applied.first?.text == "③未按期换届扣2分")
        #expect(a.item(4).applied.map(\.line) == ["每缺一项扣0.5分（缺：有牌子） −0.5"])
        #expect(a.item(6).applied.map(\.line) == ["当年每开展一次职工劳动竞赛或技术比武活动计3分（×2） +6"])
        #expect(a.item(10).applied.map(\.line) == ["①当年未召开职工（代表）大会，此项不得分 → 0"])
    }

    @Test func itemEightReadsItemSevensStudio() throws {
        let a = try assess(E, [no("innovation_studio"), .remove("innovation_platform_joined")])
        #expect(a.item(7).score == 8)
        #expect(a.item(8).score == 0)
        #expect(a.item(8).applied.map(\.text) == ["没有职工创新工作室的单位不得分。"])
        #expect(a.total == Points(93))
    }

    /// 7③ 未建立创新工作室 and 8 职工创新工作室 ask for any staff innovation studio (劳模/工匠人才
    /// studios included): a union with an ordinary staff studio in the alliance loses nothing.
    @Test func aStaffInnovationStudioCountsForItemsSevenAndEight() throws {
        let studio = try #require(builtInSchemes[E]!.allFacts.first { $0.id == "innovation_studio" })
        #expect(studio.label.contains("职工创新工作室"))
        #expect(studio.label.contains("劳模（工匠人才）创新工作室"))
        let a = try assess(E, [yes("innovation_studio"), yes("innovation_platform_joined")])
        #expect(a.item(7).score == 12)
        #expect(a.item(8).score == 3)
        #expect(a.item(7).applied.isEmpty)
        #expect(a.item(8).applied.isEmpty)
    }

    @Test func flooredItemsSayTheyStoppedAtZero() throws {
        let a = try assess(E, [gone("registration_and_premises", "legal_person_registration", "office_and_activity_space", "signboard", "official_seal", "work_plan")])
        #expect(a.item(4).score == 0)
        #expect(a.item(4).floored)
    }
}
