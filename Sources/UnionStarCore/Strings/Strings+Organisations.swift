extension Strings {
    /// The tree of federations and unions: its pages and forms, and the checks of a unit's profile.
    public enum Organisations {
        public static let heading = LocalizedText(zh: "组织机构", en: "Organisations")
        public static let listIntro = LocalizedText(zh: "您可以查看以下单位及其下级。", en: "You can see these units and everything under them.")
        public static let newPrefectureFederation = LocalizedText(zh: "新建地市总工会", en: "New prefecture federation")
        public static let importFromSpreadsheet = LocalizedText(zh: "从表格导入", en: "Import from a spreadsheet")
        public static let noUnitsYet = LocalizedText(zh: "还没有任何单位。", en: "There are no units yet.")

        /// The fields of a unit's profile, as the form labels them.
        public enum Form {
            public static let kind = LocalizedText(zh: "基层工会类型（仅基层工会）", en: "Kind (grassroots unions only)")
            public static let creditCode = LocalizedText(zh: "统一社会信用代码", en: "Unified social credit code")
            public static let creditCodeHint = LocalizedText(zh: "18位，可不填", en: "18 characters; optional")
            public static let chair = LocalizedText(zh: "工会主席（或主持工作的副主席）", en: "Chair (or presiding vice-chair)")
            public static let companyForm = LocalizedText(zh: "公司制企业（设职工董事、职工监事）", en: "Company-form enterprise (worker directors and supervisors)")
        }

        public static func newUnitUnder(_ parent: String) -> LocalizedText {
            LocalizedText(zh: "在“\(parent)”下新建单位", en: "New unit under '\(parent)'")
        }
        public static func editUnit(_ name: String) -> LocalizedText { LocalizedText(zh: "编辑“\(name)”", en: "Edit '\(name)'") }
        public static func moveUnit(_ name: String) -> LocalizedText { LocalizedText(zh: "移动“\(name)”", en: "Move '\(name)'") }
        public static let newParent = LocalizedText(zh: "新上级", en: "New parent")
        public static let moveIntro = LocalizedText(zh: "移动后，它和它的所有下级都归新上级管辖。", en: "Once moved, it and everything under it belong to the new parent.")
        public static let move = LocalizedText(zh: "移动", en: "Move")
        public static let staleRecord = LocalizedText(
            zh: "保存失败：这条记录在您打开后已被他人修改。您的修改没有保存，请重新打开页面查看最新内容后再改。",
            en: "Not saved: someone changed this record after you opened it. Your changes were not saved; reopen the page to see the latest and edit again.")

        /// One unit's page.
        public enum Page {
            public static let companyForm = LocalizedText(zh: "公司制企业", en: "Company form")
            public static let creditCode = LocalizedText(zh: "统一社会信用代码", en: "Credit code")
            public static let chair = LocalizedText(zh: "工会主席", en: "Chair")
            public static let unitsUnderIt = LocalizedText(zh: "下级单位", en: "Units under it")
            public static let membersColumn = LocalizedText(zh: "会员", en: "Members")
            public static let employeesColumn = LocalizedText(zh: "职工", en: "Employees")
            public static let nothingUnderIt = LocalizedText(zh: "没有下级单位。", en: "Nothing under it.")
            public static let edit = LocalizedText(zh: "编辑", en: "Edit")
            public static let addUnitUnderIt = LocalizedText(zh: "新建下级单位", en: "Add a unit under it")
            public static let importUnits = LocalizedText(zh: "导入", en: "Import")
            public static let exportUnits = LocalizedText(zh: "导出", en: "Export")
            public static let restore = LocalizedText(zh: "恢复", en: "Restore")
            public static let retire = LocalizedText(zh: "撤销", en: "Retire")
            public static func retireConfirm(_ name: String) -> LocalizedText { LocalizedText(zh: "确定撤销“\(name)”吗？", en: "Retire '\(name)'?") }
        }

        /// The search field that picks a unit.
        public enum Picker {
            public static let search = LocalizedText(zh: "搜索", en: "Search")
            public static let placeholder = LocalizedText(zh: "输入单位名称中的字搜索", en: "Type part of the unit's name")
            public static func onlyFirst(_ limit: Int) -> LocalizedText {
                LocalizedText(zh: "只显示前\(limit)个，请输入更多文字缩小范围。", en: "Only the first \(limit) are shown; type more to narrow the list.")
            }
        }

        /// What is wrong with a unit's profile or its place in the tree.
        public enum Problems {
            public static let enterName = LocalizedText(zh: "请填写名称", en: "Enter the name")
            public static let nameTooLong = LocalizedText(zh: "名称不能超过100个字", en: "The name may have at most 100 characters")
            public static let chooseKind = LocalizedText(zh: "请选择基层工会类型", en: "Choose the kind of grassroots union")
            public static func membersOutOfRange(_ maximum: Int) -> LocalizedText {
                LocalizedText(zh: "会员人数应在0至\(maximum)之间", en: "Members must be between 0 and \(maximum)")
            }
            public static func employeesOutOfRange(_ maximum: Int) -> LocalizedText {
                LocalizedText(zh: "职工人数应在0至\(maximum)之间", en: "Employees must be between 0 and \(maximum)")
            }
            public static let chairTooLong = LocalizedText(zh: "工会主席姓名不能超过50个字", en: "The chair's name may have at most 50 characters")
            public static let phoneMalformed = LocalizedText(
                zh: "联系电话只能包含数字、空格、+、-、括号，5至20位",
                en: "The phone number may hold only digits, spaces, +, - and brackets, 5 to 20 of them")
            public static let addressTooLong = LocalizedText(zh: "地址不能超过200个字", en: "The address may have at most 200 characters")
            /// A number field that does not parse, e.g. `会员人数须为整数`.
            public static func notWholeNumber(_ field: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(field.zh)须为整数", en: "\(field.en) must be a whole number")
            }
            public static let chooseLevel = LocalizedText(zh: "请选择层级", en: "Choose the level")
            public static let chooseNewParent = LocalizedText(zh: "请选择新上级", en: "Choose the new parent")

            public static let parentRetired = LocalizedText(zh: "上级单位已撤销", en: "the parent is retired")
            public static func levelNotUnder(_ level: LocalizedText, _ parent: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(level.zh)不能设在\(parent.zh)之下", en: "a \(level.en) cannot sit under a \(parent.en)")
            }
            public static let onlyPrefectureWithoutParent = LocalizedText(zh: "只有地市总工会可以没有上级", en: "only a prefecture federation can have no parent")
            public static func nameTakenUnderParent(_ name: String) -> LocalizedText {
                LocalizedText(zh: "同一上级下已有名为“\(name)”的单位", en: "there is already a '\(name)' under the same parent")
            }
            public static let creditCodeTaken = LocalizedText(zh: "该统一社会信用代码已被其他单位使用", en: "this credit code is already used by another unit")
            public static let levelIsFixed = LocalizedText(zh: "层级在建立后不能修改", en: "the level cannot change once created")
            public static let cannotMoveUnderItself = LocalizedText(zh: "不能移到自己或自己的下级之下", en: "a node cannot move under itself or its own descendant")
            public static let hasActiveChildren = LocalizedText(
                zh: "该单位下还有未撤销的下级单位，请先处理下级单位", en: "it still has active units under it; deal with those first")
            public static let restoreParentFirst = LocalizedText(zh: "上级单位已撤销，请先恢复上级", en: "its parent is retired; restore the parent first")
        }

        /// What is wrong with a unified social credit code.
        public enum CreditCode {
            public static func wrongLength(_ count: Int) -> LocalizedText {
                LocalizedText(zh: "统一社会信用代码应为18位，而不是\(count)位", en: "a unified social credit code has 18 characters, not \(count)")
            }
            public static func characterNotAllowed(_ character: Character, at position: Int) -> LocalizedText {
                LocalizedText(zh: "第\(position)位“\(character)”不是允许的字符（0-9及除I、O、Z、S、V外的大写字母）",
                              en: "character \(position) '\(character)' is not allowed (0-9 and capitals other than I, O, Z, S, V)")
            }
            public static let divisionNotDigits = LocalizedText(zh: "第3至8位应为行政区划码（数字）", en: "characters 3 to 8 must be the division code (digits)")
            public static func checkCharacterWrong(expected: Character, found: Character) -> LocalizedText {
                LocalizedText(zh: "校验码不符：末位应为“\(expected)”，而不是“\(found)”",
                              en: "the check character should be '\(expected)', not '\(found)'")
            }
        }

        /// The levels of the tree.
        public enum Levels {
            public static let prefecture = LocalizedText(zh: "地市总工会", en: "prefecture federation")
            public static let county = LocalizedText(zh: "县级市总工会", en: "county-level federation")
            public static let subFederation = LocalizedText(zh: "镇街/园区/系统工会", en: "sub-federation")
            public static let grassroots = LocalizedText(zh: "基层工会", en: "grassroots union")
        }

        /// The kinds of grassroots union.
        public enum Kinds {
            public static let enterprise = LocalizedText(zh: "企业工会", en: "enterprise union")
            public static let regional = LocalizedText(zh: "区域工会", en: "regional union")
            public static let industry = LocalizedText(zh: "行业工会", en: "industry union")
            public static let hospital = LocalizedText(zh: "医院工会", en: "hospital union")
            public static let school = LocalizedText(zh: "学校工会", en: "school union")
            public static let institution = LocalizedText(zh: "机关事业单位工会", en: "government or institution union")
        }
    }
}
