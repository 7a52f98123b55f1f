/// The words of the spreadsheet file format. They are Chinese whatever language the page is in:
/// the column headers export writes and import looks for, and the cell words import accepts.
/// They are part of the format, not text of the interface, so they live here and not in `Strings`
/// (`StringCatalogueTests` allows this file by name).
extension OrganisationCSV.Column {
    public var header: String {
        switch self {
        case .name: "名称"
        case .parent: "上级"
        case .level: "层级"
        case .kind: "类型"
        case .creditCode: "统一社会信用代码"
        case .members: "会员人数"
        case .employees: "职工人数"
        case .chair: "工会主席"
        case .phone: "联系电话"
        case .address: "地址"
        case .companyForm: "公司制企业"
        }
    }
}

extension OrganisationCSV {
    /// The yes and no of the company-form column as export writes them.
    public static let yesWord = "是"
    public static let noWord = "否"

    /// Short and official names of the levels accepted besides the levels' own labels.
    static let levelWords: [String: OrganisationLevel] = [
        "地市": .prefecture, "地市总工会": .prefecture, "市总工会": .prefecture,
        "县级市": .county, "县级": .county, "县（市、区）总工会": .county, "区（市）总工会": .county,
        "镇街": .subFederation, "镇": .subFederation, "街道": .subFederation, "园区": .subFederation, "系统": .subFederation,
        "镇街工会": .subFederation, "镇（街）工会": .subFederation, "园区工会": .subFederation, "系统工会": .subFederation,
        "局公司工委会": .subFederation,
        "基层": .grassroots,
    ]

    /// Cell words (lower-cased) read as no and as yes in the company-form column; empty is no.
    static let noWords: Set<String> = ["", noWord, "n", "no", "false", "0", "非公司制"]
    static let yesWords: Set<String> = [yesWord, "y", "yes", "true", "1", "公司制"]
}
