import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The demo's data: an invented tree of federations and unions with Chinese place, unit and
/// person names, and one account per role. The names are data written into the demo database,
/// not interface text, so this file may hold Chinese (`StringCatalogueTests` allows it by name).
struct DemoBuilder {
    let app: Application
    var actor: AuditDraft.Actor { .commandLine("demo", at: app.clock.now()) }

    struct Account {
        var username: String
        var password: String
        var role: String
        var place: String
    }

    /// Adds a node under `parent` unless one of that name is there already.
    func ensure(_ profile: OrganisationProfile, under parent: OrganisationModel?) async throws -> OrganisationModel {
        let name = profile.name
        let parentID = parent?.id
        return try await app.writes.perform { db in
            var query = OrganisationModel.query(on: db).filter(\.$name == name)
            query = parentID.map { query.filter(\.$parentID == $0) } ?? query.filter(\.$parentID == nil)
            if let existing = try await query.first() { return existing }
            let parent = try await parentID.asyncMap { try await OrganisationModel.find($0, on: db) } ?? nil
            return try await OrganisationStore.create(try profile.validated().get(), under: parent, actor: actor, on: db)
        }
    }

    /// Deterministic pseudo-random choices, so every demo has the same tree.
    struct Dice {
        var generator = AnswerGenerator(seed: 2020)
        mutating func pick<T>(_ items: [T]) -> T { items[generator.next(below: items.count)] }
        mutating func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + generator.next(below: range.count) }
        mutating func creditCode(division: String) -> String {
            let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
            let body = "91" + division + String((0..<9).map { _ in alphabet[generator.next(below: alphabet.count)] })
            return body + String(CreditCode.checkCharacter(for: body)!)
        }
    }

    static let rushanTowns = ["城区街道", "夏村镇", "乳山口镇", "海阳所镇", "白沙滩镇", "大孤山镇", "南黄镇", "冯家镇", "下初镇",
                              "午极镇", "育黎镇", "崖子镇", "诸往镇", "乳山寨镇", "徐家镇"]
    static let yizhengTowns = ["真州镇", "青山镇", "新集镇", "新城镇", "马集镇", "刘集镇", "陈集镇", "大仪镇", "月塘镇"]
    static let firstSyllables = ["华", "金", "宏", "鑫", "恒", "泰", "海", "银", "东", "盛", "瑞", "嘉", "天", "正", "永"]
    static let secondSyllables = ["达", "源", "丰", "裕", "隆", "发", "利", "通", "安", "德", "信", "昌", "兴", "和", "祥"]
    static let trades = ["食品", "纺织", "机械", "水产", "建材", "电子", "服装", "物流", "化工", "包装", "农业科技", "医药", "汽车配件", "船舶修造"]

    func buildTree() async throws -> [String: OrganisationModel] {
        var dice = Dice()
        var named: [String: OrganisationModel] = [:]
        let weihai = try await ensure(OrganisationProfile(name: "威海市总工会", level: .prefecture, phone: "0631-5200000", address: "威海市环翠区"), under: nil)
        let rushan = try await ensure(OrganisationProfile(name: "乳山市总工会", level: .county, chair: "乳山市总工会主席",
                                                          phone: "0631-6663572", address: "乳山市胜利街"), under: weihai)
        _ = try await ensure(OrganisationProfile(name: "荣成市总工会", level: .county), under: weihai)
        _ = try await ensure(OrganisationProfile(name: "文登区总工会", level: .county), under: weihai)
        named["weihai"] = weihai
        named["rushan"] = rushan

        var towns: [OrganisationModel] = []
        for town in Self.rushanTowns {
            towns.append(try await ensure(OrganisationProfile(name: "\(town)总工会", level: .subFederation), under: rushan))
        }
        named["xiacun"] = towns[1]
        let park = try await ensure(OrganisationProfile(name: "银滩旅游度假区工会", level: .subFederation), under: rushan)
        let education = try await ensure(OrganisationProfile(name: "市教育和体育局工委会", level: .subFederation), under: rushan)
        let health = try await ensure(OrganisationProfile(name: "市卫生健康局工委会", level: .subFederation), under: rushan)
        let transport = try await ensure(OrganisationProfile(name: "市交通运输局工委会", level: .subFederation), under: rushan)
        let company = try await ensure(OrganisationProfile(name: "市国有资产投资公司工委会", level: .subFederation), under: rushan)

        // Enterprises under the towns, the park and the companies' committee.
        var count = 0
        for (index, parent) in (towns + [park, company]).enumerated() {
            let perTown = index < 3 ? 14 : 9
            for _ in 0..<perTown {
                let name = "乳山市" + dice.pick(Self.firstSyllables) + dice.pick(Self.secondSyllables) + dice.pick(Self.trades)
                    + (dice.number(0...3) == 0 ? "股份有限公司工会" : "有限公司工会")
                let employees = dice.number(20...900)
                let members = max(1, employees * dice.number(78...100) / 100)
                _ = try await ensure(OrganisationProfile(
                    name: name, level: .grassroots, kind: .enterprise, creditCode: dice.creditCode(division: "371083"),
                    members: members, employees: employees, chair: dice.pick(["王", "李", "张", "刘", "陈", "杨", "赵", "孙"]) + dice.pick(["建国", "丽华", "海涛", "秀英", "志强", "红梅", "军", "静"]),
                    phone: "0631-66\(dice.number(10000...99999))", address: parent.name.replacingOccurrences(of: "总工会", with: ""),
                    companyForm: dice.number(0...4) != 0), under: parent)
                count += 1
            }
        }
        // A regional and an industry union in each town.
        for town in towns {
            let place = town.name.replacingOccurrences(of: "总工会", with: "")
            _ = try await ensure(OrganisationProfile(name: "\(place)区域工会联合会", level: .grassroots, kind: .regional,
                                                     members: dice.number(200...1500), employees: dice.number(1500...2000)), under: town)
            if count % 2 == 0 {
                _ = try await ensure(OrganisationProfile(name: "\(place)\(dice.pick(["餐饮", "建筑", "货运", "家政"]))行业工会联合会", level: .grassroots,
                                                         kind: .industry, members: dice.number(80...400), employees: dice.number(400...500)), under: town)
            }
            count += 1
        }
        // Schools, hospitals, institutions.
        for school in ["乳山市第一中学", "乳山市第二中学", "乳山市实验小学", "乳山市府前路学校", "乳山市职业中等专业学校", "乳山市西苑学校", "夏村镇中心学校", "乳山口镇中心学校"] {
            _ = try await ensure(OrganisationProfile(name: "\(school)工会", level: .grassroots, kind: .school,
                                                     members: dice.number(60...300), employees: dice.number(300...320)), under: education)
        }
        for hospital in ["乳山市人民医院", "乳山市中医院", "乳山市妇幼保健院", "乳山市疾病预防控制中心", "夏村镇卫生院", "海阳所镇卫生院"] {
            _ = try await ensure(OrganisationProfile(name: "\(hospital)工会", level: .grassroots, kind: .hospital,
                                                     members: dice.number(40...900), employees: dice.number(900...950)), under: health)
        }
        for unit in ["乳山市公路事业发展中心", "乳山市港航发展中心"] {
            _ = try await ensure(OrganisationProfile(name: "\(unit)工会", level: .grassroots, kind: .institution,
                                                     members: dice.number(30...120), employees: dice.number(120...130)), under: transport)
        }
        for unit in ["乳山市人民政府办公室", "乳山市财政局", "乳山市人力资源和社会保障局", "乳山市市场监督管理局"] {
            _ = try await ensure(OrganisationProfile(name: "\(unit)机关工会", level: .grassroots, kind: .institution,
                                                     members: dice.number(30...150), employees: dice.number(150...160)), under: rushan)
        }
        // The cadre's own union, by a fixed name.
        named["cadreUnion"] = try await ensure(OrganisationProfile(
            name: "乳山市金海食品有限公司工会", level: .grassroots, kind: .enterprise, creditCode: "91371083MA3C8H1X2" + String(CreditCode.checkCharacter(for: "91371083MA3C8H1X2")!),
            members: 186, employees: 200, chair: "王丽华", phone: "0631-6612345", address: "夏村镇", companyForm: true), under: towns[1])
        // Two more unions with cadres of their own, whose state the dice never choose (DemoCampaigns):
        // one not started, to walk the whole path; one whose notice has ended, to file.
        named["freshUnion"] = try await ensure(OrganisationProfile(
            name: "乳山市海盛水产有限公司工会", level: .grassroots, kind: .enterprise, creditCode: "91371083MA3D2K7P5" + String(CreditCode.checkCharacter(for: "91371083MA3D2K7P5")!),
            members: 120, employees: 128, chair: "李海涛", phone: "0631-6618801", address: "夏村镇", companyForm: true), under: towns[1])
        named["noticeOverUnion"] = try await ensure(OrganisationProfile(
            name: "乳山市银岭机械有限公司工会", level: .grassroots, kind: .enterprise, creditCode: "91371083MA3E6N4R8" + String(CreditCode.checkCharacter(for: "91371083MA3E6N4R8")!),
            members: 240, employees: 252, chair: "赵红梅", phone: "0631-6618802", address: "夏村镇", companyForm: true), under: towns[1])
        // The union last year's campaign has endorsed and given to the demo's inspector, not yet scored.
        named["inspectionUnion"] = try await ensure(OrganisationProfile(
            name: "乳山市瑞祥船舶修造有限公司工会", level: .grassroots, kind: .enterprise, creditCode: "91371083MA3F9Q2T6" + String(CreditCode.checkCharacter(for: "91371083MA3F9Q2T6")!),
            members: 310, employees: 326, chair: "孙志强", phone: "0631-6618803", address: "夏村镇", companyForm: true), under: towns[1])
        // The union this year's campaign leaves filed, waiting for 夏村镇's stamp: the part 2 walk takes it to its star.
        named["filedUnion"] = try await ensure(OrganisationProfile(
            name: "乳山市宏岳电子科技有限公司工会", level: .grassroots, kind: .enterprise, creditCode: "91371083MA3G5W8L3" + String(CreditCode.checkCharacter(for: "91371083MA3G5W8L3")!),
            members: 168, employees: 175, chair: "周建华", phone: "0631-6618804", address: "夏村镇", companyForm: true), under: towns[1])

        // Yizheng under Yangzhou.
        let yangzhou = try await ensure(OrganisationProfile(name: "扬州市总工会", level: .prefecture, address: "扬州市"), under: nil)
        let yizheng = try await ensure(OrganisationProfile(name: "仪征市总工会", level: .county, address: "仪征市"), under: yangzhou)
        named["yangzhou"] = yangzhou
        named["yizheng"] = yizheng
        var yizhengUnits: [OrganisationModel] = []
        for town in Self.yizhengTowns {
            yizhengUnits.append(try await ensure(OrganisationProfile(name: "\(town)工会", level: .subFederation), under: yizheng))
        }
        yizhengUnits.append(try await ensure(OrganisationProfile(name: "仪征经济开发区工会", level: .subFederation), under: yizheng))
        yizhengUnits.append(try await ensure(OrganisationProfile(name: "枣林湾生态园工会", level: .subFederation), under: yizheng))
        for parent in yizhengUnits {
            for _ in 0..<3 {
                let employees = dice.number(15...600)
                _ = try await ensure(OrganisationProfile(
                    name: "仪征市" + dice.pick(Self.firstSyllables) + dice.pick(Self.secondSyllables) + dice.pick(Self.trades) + "有限公司工会",
                    level: .grassroots, kind: .enterprise, creditCode: dice.creditCode(division: "321081"),
                    members: max(1, employees * dice.number(80...100) / 100), employees: employees, companyForm: true), under: parent)
            }
        }
        return named
    }

    func accounts(orgs: [String: OrganisationModel]) async throws -> [Account] {
        let plan: [(String, String, Role, OrganisationModel?)] = [
            ("sysadmin", "系统管理员", .federationAdmin, nil),
            ("rushan-admin", "乳山市总工会管理员", .federationAdmin, orgs["rushan"]),
            ("rushan-staff", "乳山市总工会组织部", .federationStaff, orgs["rushan"]),
            ("weihai-staff", "威海市总工会组织部", .prefectureStaff, orgs["weihai"]),
            ("xiacun-reviewer", "夏村镇总工会审核人", .subFederationReviewer, orgs["xiacun"]),
            ("cadre", "乳山市金海食品有限公司工会干部", .unionCadre, orgs["cadreUnion"]),
            ("cadre-new", "乳山市海盛水产有限公司工会干部", .unionCadre, orgs["freshUnion"]),
            ("cadre-file", "乳山市银岭机械有限公司工会干部", .unionCadre, orgs["noticeOverUnion"]),
            ("cadre-star", "乳山市宏岳电子科技有限公司工会干部", .unionCadre, orgs["filedUnion"]),
            // Homed at the county federation, which inspects: one homed at a town could not inspect its unions (回避).
            ("inspector", "考核人员", .inspector, orgs["rushan"]),
            // A town's inspector: the town endorses its unions, so staff see it marked 须回避 for them.
            ("xiacun-inspector", "夏村镇总工会考核人员", .inspector, orgs["xiacun"]),
            ("yizheng-staff", "仪征市总工会组织部", .federationStaff, orgs["yizheng"]),
            // 扬州市总工会 spot-checks 仪征's 三星级 units (抽查).
            ("yangzhou-staff", "扬州市总工会组织部", .prefectureStaff, orgs["yangzhou"]),
        ]
        var result: [Account] = []
        for (username, name, role, org) in plan {
            let password = RandomToken.password()
            let hash = try await app.hashing.hash(password)
            try await app.writes.perform { db in
                let user: UserModel
                if let existing = try await UserModel.query(on: db).filter(\.$username == username).first() {
                    user = existing
                    try await AccountStore.setPassword(user, hash: hash, byAdministrator: false, actor: actor, on: db)
                    if user.disabledAt != nil { try await AccountStore.setDisabled(user, false, actor: actor, on: db) }
                } else {
                    user = try await AccountStore.create(username: username, displayName: name, organisationID: org?.id,
                                                         passwordHash: hash, mustChangePassword: false, actor: actor, on: db)
                }
                try await AccountStore.assign(role, at: org, to: user, actor: actor, on: db)
            }
            result.append(Account(username: username, password: password, role: role.label.zh, place: org?.name ?? Strings.Common.everywhere.zh))
        }
        return result
    }
}

/// The demo campaigns' words (invented data, like the tree's names).
enum DemoText {
    static func rushanCampaign(_ year: Int) -> String { "\(year)年度“活力基层工会”星级创建（演示）" }
    static func yizhengCampaign(_ year: Int) -> String { "\(year)年度“双争”活动（演示）" }
    static func yizhengChairCampaign(_ year: Int) -> String { "\(year)年度争当新时代星级基层工会主席（演示）" }
    /// The chairs of the demo's chair campaign, in turn.
    static let chairNames = ["周建华", "陈晓梅", "刘国强", "孙丽娟", "吴志刚", "郑海燕", "冯立军", "何静"]
    /// Last year's campaign, still inspecting.
    static func rushanReviewCampaign(_ year: Int) -> String { "\(year)年度“活力基层工会”星级创建（演示·考核阶段）" }
    static let townReviewer = "夏村镇总工会审核人"
    static let endorsement = "经审核，同意上报。"
    static let chair = "王丽"
    static let reviewer = "乳山市总工会组织部"
    static let mainWork = "一、按期换届，工会三委会齐全。\n二、开展劳动竞赛和技术比武各两次。\n三、建立困难职工档案，开展“四送”活动。"
    static let unitOpinion = "经职工代表大会研究，同意申报。"
    static let returnReason = "主要工作过于简略，请补充劳动竞赛的台账。"
    static let peopleMet = "工会主席、职工代表6人"
    static let findings = "台账齐全，活动记录完整。"
    /// 会员评家: the running survey's title, and what members write now and then.
    static func surveyRepeatTitle(_ year: Int) -> String { "\(year)年度会员评家满意度测评（补充测评）" }
    static let surveyComments = [
        "希望多组织职工文体活动，丰富业余生活。",
        "食堂饭菜质量有待提高，建议工会反映。",
        "困难职工帮扶做得好，感谢工会。",
        "建议增加技能培训的次数。",
        "工会主席经常到车间了解情况，很满意。",
        "夏季防暑降温措施要早落实。",
    ]
}

/// The demo's inspections: the demo inspector assigned, then scoring what the record says.
enum DemoInspection {
    static func assign(_ application: ApplicationModel, inspector: UUID, at: Date, on db: any Database) async throws {
        let row = InspectionAssignmentModel()
        row.applicationID = application.id!
        row.inspectorID = inspector
        row.assignedBy = DemoText.reviewer
        row.assignedAt = at
        row.version = 0
        try await row.create(on: db)
    }

    static func score(_ application: ApplicationModel, recordJSON: String, at: Date, on db: any Database) async throws {
        guard let row = try await InspectionAssignmentModel.query(on: db).filter(\.$applicationID == application.id!).first() else { return }
        row.recordJSON = recordJSON
        row.scoredAt = at
        row.version += 1
        try await row.update(on: db)
    }
}
