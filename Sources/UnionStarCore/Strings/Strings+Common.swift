extension Strings {
    /// Words and marks many pages share.
    public enum Common {
        public static let appName = LocalizedText(zh: "基层工会星级评定平台", en: "UnionStar — grassroots union star rating")
        /// The name of each language in itself, for the link to the other one.
        public static let languageName = LocalizedText(zh: "中文", en: "English")
        public static let yes = LocalizedText(zh: "是", en: "yes")
        public static let no = LocalizedText(zh: "否", en: "no")
        public static let everywhere = LocalizedText(zh: "全部", en: "everywhere")
        public static let everything = LocalizedText(zh: "全部", en: "everything")
        public static let create = LocalizedText(zh: "新建", en: "Create")
        public static let save = LocalizedText(zh: "保存", en: "Save")
        public static let cancel = LocalizedText(zh: "取消", en: "Cancel")
        public static let back = LocalizedText(zh: "返回", en: "Back")
        public static let name = LocalizedText(zh: "名称", en: "Name")
        public static let level = LocalizedText(zh: "层级", en: "Level")
        public static let kind = LocalizedText(zh: "类型", en: "Kind")
        public static let members = LocalizedText(zh: "会员人数", en: "Members")
        public static let employees = LocalizedText(zh: "职工人数", en: "Employees")
        public static let phone = LocalizedText(zh: "联系电话", en: "Phone")
        public static let address = LocalizedText(zh: "地址", en: "Address")
        public static let retired = LocalizedText(zh: "已撤销", en: "retired")
        public static let disabled = LocalizedText(zh: "已停用", en: "disabled")
        /// Between the items of a list in running text.
        public static let listSeparator = LocalizedText(zh: "；", en: "; ")
        /// Between a few short names (tiers, columns).
        public static let shortListSeparator = LocalizedText(zh: "，", en: ", ")
        /// Between a label and its value.
        public static let colon = LocalizedText(zh: "：", en: ": ")
        /// A person's name with their user name.
        public static func personWithUserName(_ name: String, _ username: String) -> LocalizedText {
            LocalizedText(zh: "\(name)（\(username)）", en: "\(name) (\(username))")
        }
    }

    /// The links at the top of every page; most are the headings of the pages they open.
    public enum Navigation {
        public static let schemes = LocalizedText(zh: "评定方案", en: "Schemes")
        public static let organisations = Organisations.heading
        public static let accounts = Accounts.heading
        public static let auditTrail = Audit.heading
        public static let signIn = SignIn.signIn
        public static let signOut = LocalizedText(zh: "退出", en: "Sign out")
        /// The button that folds the navigation out on a phone.
        public static let menu = LocalizedText(zh: "菜单", en: "Menu")
        public static let campaigns = CampaignPages.heading
    }

    /// The pager under long lists.
    public enum Pager {
        public static func page(_ number: Int) -> LocalizedText { LocalizedText(zh: "第\(number)页", en: "Page \(number)") }
        public static let previous = LocalizedText(zh: "上一页", en: "Previous")
        public static let next = LocalizedText(zh: "下一页", en: "Next")
    }
}
