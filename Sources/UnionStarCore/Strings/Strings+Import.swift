extension Strings {
    /// Importing the tree from a spreadsheet (CSV) and the report of an import.
    public enum Import {
        public static func heading(_ target: String) -> LocalizedText {
            LocalizedText(zh: "导入到“\(target)”", en: "Import into '\(target)'")
        }
        /// `columns` lists the file's column headers; `parentHeader` is the header of the parent column.
        public static func intro(columns: String, parentHeader: String) -> LocalizedText {
            LocalizedText(
                zh: "上传CSV表格（UTF-8或Excel另存的GBK/GB18030编码均可）。列：\(columns)；“\(parentHeader)”写从顶层起的完整路径，用“/”分隔。已有单位按统一社会信用代码或“\(parentHeader)+名称”识别，重复导入不会产生重复单位。有任何一行出错时，整个文件都不会导入。",
                en: "Upload a CSV file (UTF-8, or GBK/GB18030 as Excel saves it). Columns: \(columns); \(parentHeader) is the full path from the top, separated by '/'. Existing units are matched by credit code or by parent and name, so importing twice creates nothing twice. If any row is wrong, nothing is imported.")
        }
        /// Between the column headers the intro lists.
        public static let columnSeparator = LocalizedText(zh: "、", en: ", ")
        public static let csvFile = LocalizedText(zh: "CSV文件", en: "CSV file")
        public static let dryRun = LocalizedText(zh: "仅检查，不导入（试运行）", en: "Check only, import nothing (dry run)")
        public static let upload = LocalizedText(zh: "上传", en: "Upload")
        public static let chooseFile = LocalizedText(zh: "请选择要上传的CSV文件。", en: "Choose a CSV file to upload.")
        public static let encodingNotRecognised = LocalizedText(
            zh: "无法识别文件编码：请保存为UTF-8或GBK编码的CSV。", en: "The file's encoding is not recognised: save it as CSV in UTF-8 or GBK.")

        public static func encodingAndRows(_ encoding: String, _ rows: Int) -> LocalizedText {
            LocalizedText(zh: "文件编码：\(encoding)，数据行：\(rows)", en: "Encoding: \(encoding); data rows: \(rows)")
        }
        public static func counts(create: Int, change: Int, unchanged: Int, failed: Int) -> LocalizedText {
            LocalizedText(zh: "新建：\(create)，修改：\(change)，无变化：\(unchanged)，有错误的行：\(failed)",
                          en: "To create: \(create); to change: \(change); unchanged: \(unchanged); rows with errors: \(failed)")
        }
        public static let hasErrors = LocalizedText(
            zh: "有错误，未导入任何数据。请按下表改正后重新上传。", en: "There are errors; nothing was imported. Correct the rows below and upload again.")
        public static let dryRunPassed = LocalizedText(
            zh: "试运行：检查通过，未写入任何数据。取消“仅检查”后再上传即可导入。",
            en: "Dry run: all rows are fine and nothing was written. Upload again without “check only” to import.")
        public static let imported = LocalizedText(zh: "已导入。", en: "Imported.")
        public static let nothingToChange = LocalizedText(zh: "没有需要导入的变化。", en: "Nothing to change.")
        public static let lineColumn = LocalizedText(zh: "行", en: "Line")
        public static let columnColumn = LocalizedText(zh: "列", en: "Column")
        public static let problemColumn = LocalizedText(zh: "问题", en: "Problem")
        public static let uploadAnother = LocalizedText(zh: "再上传一个文件", en: "Upload another file")

        /// What is wrong with the file as a whole.
        public enum File {
            public static func headerUnreadable(_ error: String) -> LocalizedText {
                LocalizedText(zh: "无法读取表头：\(error)", en: "cannot read the header row: \(error)")
            }
            public static func columnsMissing(zh: String, en: String) -> LocalizedText {
                LocalizedText(zh: "缺少必需的列：\(zh)", en: "required columns are missing: \(en)")
            }
            public static func lineUnparsable(_ line: Int, _ error: String) -> LocalizedText {
                LocalizedText(zh: "第\(line)行无法解析：\(error)", en: "line \(line) cannot be parsed: \(error)")
            }
        }

        /// What is wrong with one row.
        public enum Rows {
            public static let nameHasSlash = LocalizedText(zh: "名称中不能有“/”", en: "the name may not contain '/'")
            public static func levelNotRecognised(_ value: String) -> LocalizedText {
                LocalizedText(zh: "层级“\(value)”无法识别（地市总工会、县级市总工会、镇街/园区/系统工会、基层工会）",
                              en: "level '\(value)' is not one of prefecture, county, subFederation, grassroots")
            }
            public static func kindNotRecognised(_ value: String) -> LocalizedText {
                LocalizedText(zh: "类型“\(value)”无法识别", en: "kind '\(value)' is not recognised")
            }
            public static func notWholeNumber(_ value: String) -> LocalizedText {
                LocalizedText(zh: "“\(value)”不是不小于0的整数", en: "'\(value)' is not a whole number of at least 0")
            }
            /// `yes` and `no` are the words the file uses.
            public static func notYesOrNo(_ value: String, yes: String, no: String) -> LocalizedText {
                LocalizedText(zh: "“\(value)”应为“\(yes)”或“\(no)”", en: "'\(value)' should be \(yes) or \(no)")
            }
            public static func repeatsLine(_ line: Int) -> LocalizedText {
                LocalizedText(zh: "与第\(line)行重复（同一上级下同名）", en: "repeats line \(line) (same name under the same parent)")
            }
            public static func creditCodeRepeatsLine(_ line: Int) -> LocalizedText {
                LocalizedText(zh: "统一社会信用代码与第\(line)行重复", en: "the credit code repeats line \(line)")
            }
            public static func parentMovesInFile(_ line: Int) -> LocalizedText {
                LocalizedText(zh: "上级（第\(line)行）在本文件中被移动，请分两次导入", en: "its parent (line \(line)) moves in this file; import in two steps")
            }
            public static func parentHasErrors(_ line: Int) -> LocalizedText {
                LocalizedText(zh: "上级（第\(line)行）有错误，无法处理", en: "its parent (line \(line)) has errors")
            }
            public static func parentNotFound(_ path: String) -> LocalizedText {
                LocalizedText(zh: "找不到上级“\(path)”", en: "parent '\(path)' does not exist")
            }
            public static func creditCodeBelongsTo(_ path: String) -> LocalizedText {
                LocalizedText(zh: "统一社会信用代码已属于“\(path)”", en: "the credit code already belongs to '\(path)'")
            }
            public static func levelCannotChange(_ current: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "已有单位的层级不能通过导入修改（现为\(current.zh)）",
                              en: "an existing node's level cannot be changed by import (it is \(current.en))")
            }
            public static func mayNotChange(_ path: String) -> LocalizedText {
                LocalizedText(zh: "无权修改“\(path)”", en: "you may not change '\(path)'")
            }
            public static let cannotMoveUnderDescendant = LocalizedText(zh: "不能移到自己的下级之下", en: "a node cannot move under its own descendant")
            public static func mayNotAddUnder(_ path: String) -> LocalizedText {
                LocalizedText(zh: "无权在“\(path)”下新建", en: "you may not add under '\(path)'")
            }
        }
    }
}
