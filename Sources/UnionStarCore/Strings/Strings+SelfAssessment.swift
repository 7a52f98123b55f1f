extension Strings {
    /// A unit's self-assessment (自查自评) page, its drafts and its evidence (台账).
    public enum SelfAssessment {
        public static let heading = LocalizedText(zh: "自查自评", en: "Self-assessment")
        public static func title(_ unit: String) -> LocalizedText {
            LocalizedText(zh: "\(unit) · 自查自评", en: "\(unit) · self-assessment")
        }
        /// The link on the application page.
        public static let open = LocalizedText(zh: "填写自查自评", en: "Work on the self-assessment")
        public static let view = LocalizedText(zh: "查看自查自评", en: "View the self-assessment")
        public static func due(_ day: CalendarDate) -> LocalizedText {
            LocalizedText(zh: "（\(Campaign.date(day, .zh))截止）", en: " (due \(day))")
        }
        /// Which scheme text scores the page: the campaign's pinned one.
        public static func pinned(title: String, version: Int, hash: String) -> LocalizedText {
            LocalizedText(zh: "评分依据：\(title)（第\(version)版，内容指纹 \(hash)），即本次活动开始时锁定的标准文本。",
                          en: "Scored on: \(title) (edition \(version), content fingerprint \(hash)), the text the campaign pinned when it opened.")
        }
        public static let print = LocalizedText(zh: "打印", en: "Print")

        // MARK: The summary

        public static let summaryHeading = LocalizedText(zh: "自评结果", en: "Result")
        public static let total = LocalizedText(zh: "自评总分", en: "Self-score")
        public static func outOf(_ total: String, _ max: String) -> LocalizedText {
            LocalizedText(zh: "\(total) 分（满分 \(max) 分）", en: "\(total) of \(max) points")
        }
        public static let tierReached = LocalizedText(zh: "得分可达星级", en: "Tier the score reaches")
        public static let noTier = LocalizedText(zh: "未达到任何星级", en: "No tier reached")
        public static let vetoes = LocalizedText(zh: "一票否决", en: "Vetoes")
        public static let noVetoes = LocalizedText(zh: "无", en: "None")
        public static let vetoWarning = LocalizedText(
            zh: "存在一票否决情形：无论得分多少，都不得命名，也不能申报任何星级。",
            en: "A veto holds: whatever the score, the union cannot be named or apply for any tier.")
        public static func unanswered(_ count: Int) -> LocalizedText {
            LocalizedText(zh: "还有 \(count) 项未作答：总分为暂计，未作答的项目不扣分也不加分。",
                          en: "\(count) question(s) not answered yet: the total is provisional (an unanswered question neither takes nor adds points).")
        }
        public static let complete = LocalizedText(zh: "全部作答完毕。", en: "Every question is answered.")
        public static func warningsCount(_ count: Int) -> LocalizedText {
            LocalizedText(zh: "\(count) 个按满分作答的项目尚无台账材料（见各项提示）。",
                          en: "\(count) item(s) answered as compliant have no evidence yet (see each item).")
        }

        // MARK: Items

        public static let profileHeading = LocalizedText(zh: "单位基本情况", en: "About the unit")
        public static func sectionHeading(_ title: String, _ max: String) -> LocalizedText {
            LocalizedText(zh: "\(title)（\(max)分）", en: "\(title) (\(max) points)")
        }
        public static func itemHeading(_ number: Int) -> LocalizedText {
            LocalizedText(zh: "第\(number)项", en: "Item \(number)")
        }
        public static let standard = LocalizedText(zh: "创建标准", en: "Standard")
        public static let quantification = LocalizedText(zh: "量化项", en: "Scoring rule")
        public static func itemScore(_ score: String, _ max: String) -> LocalizedText {
            LocalizedText(zh: "本项得分 \(score) / \(max)", en: "Item score \(score) / \(max)")
        }
        public static let appliedHeading = LocalizedText(zh: "适用的量化项（标准原文）", en: "Rules applied (the standard's own words)")
        public static let noneApplied = LocalizedText(zh: "没有适用的扣分或加分。", en: "No rule took or added points.")
        /// What a zero rule (此项不得分) did, after its clause.
        public static let zeroed = LocalizedText(zh: "→ 0（本项不得分）", en: "→ 0 (the item scores 0)")
        public static let floored = LocalizedText(zh: "（扣完为止）", en: " (stopped at 0)")
        public static let notAnswered = LocalizedText(zh: "未作答", en: "not answered")
        public static let present = LocalizedText(zh: "具备", en: "present")
        public static let missing = LocalizedText(zh: "缺少", en: "missing")
        public static let notApplicable = LocalizedText(zh: "（不适用）", en: " (not applicable)")
        public static let checklistHint = LocalizedText(zh: "勾选已具备的各项，再勾选“已逐项核对”；未勾选的即为缺少。",
                                                        en: "Tick what the union has, then “gone through”; what is not ticked counts as missing.")
        /// A checklist is answered once gone through: this box, or any element ticked.
        public static let checklistConfirm = LocalizedText(zh: "已逐项核对（未勾选的各项即为缺少）", en: "Gone through item by item (what is not ticked is missing)")
        public static let percentageHint = LocalizedText(zh: "0 至 100，可带小数", en: "0 to 100, decimals allowed")
        public static func countHint(_ maximum: Int) -> LocalizedText {
            LocalizedText(zh: "次数，0 至 \(maximum) 的整数", en: "a whole number from 0 to \(maximum)")
        }
        /// A fact asked only when another is answered so.
        public static func askedWhen(_ label: String, _ value: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "仅当“\(label)”为“\(value.zh)”时作答。", en: "Answer only if “\(label)” is \(value.en).")
        }
        public static let askedWhenOther = LocalizedText(zh: "仅在适用时作答。", en: "Answer only where it applies.")
        public static let notAskedNow = LocalizedText(zh: "按上面的回答，此问现在无需作答，不计分。",
                                                      en: "By the answers above this question does not apply now and is not scored.")
        public static let noteLabel = LocalizedText(zh: "说明（选填）", en: "Note (optional)")
        public static let maximumNote = 2_000
        public static func noteTooLong(item: Int, count: Int) -> LocalizedText {
            LocalizedText(zh: "第\(item)项的说明有 \(count) 个字，最多 \(maximumNote) 个字。",
                          en: "The note of item \(item) has \(count) characters; at most \(maximumNote) are allowed.")
        }
        /// A value the scorer refused, named by the question's words.
        public static func factProblem(item: Int?, label: String, _ reason: LocalizedText) -> LocalizedText {
            let zhItem = item.map { "第\($0)项" } ?? ""
            let enItem = item.map { "Item \($0), " } ?? ""
            return LocalizedText(zh: "\(zhItem)“\(label)”：\(reason.zh)。", en: "\(enItem)“\(label)”: \(reason.en).")
        }
        public static let fieldError = LocalizedText(zh: "没有保存，请改正：", en: "Nothing was saved. Please correct: ")

        // MARK: Evidence

        public static let evidenceHeading = LocalizedText(zh: "台账材料", en: "Evidence")
        public static func expectedEvidence(_ names: [String]) -> LocalizedText {
            LocalizedText(zh: "标准所列台账：" + names.joined(separator: "、"), en: "Records the standard expects: " + names.joined(separator: ", "))
        }
        public static let noEvidence = LocalizedText(zh: "尚未上传材料。", en: "No evidence uploaded yet.")
        public static func evidenceLine(type: String, size: String, by: String, at: String) -> LocalizedText {
            LocalizedText(zh: "\(type)，\(size)，\(by) 于 \(at) 上传", en: "\(type), \(size), uploaded by \(by) on \(at)")
        }
        public static func uploadLabel(limitMB: Int) -> LocalizedText {
            LocalizedText(zh: "上传材料（PDF、图片或 Office 文档，\(limitMB) MB 以内）",
                          en: "Upload evidence (PDF, image or Office document, up to \(limitMB) MB)")
        }
        public static let upload = LocalizedText(zh: "上传", en: "Upload")
        public static let uploadHint = LocalizedText(zh: "上传前请先保存已填写的内容。", en: "Save what you typed before uploading.")
        public static let delete = LocalizedText(zh: "删除", en: "Delete")
        public static let deleteConfirm = LocalizedText(zh: "删除这份材料？", en: "Delete this file?")
        public static let chooseFile = LocalizedText(zh: "请选择要上传的文件。", en: "Choose a file to upload.")
        /// Compliant without evidence: the warning on the item.
        public static let compliantWithoutEvidence = LocalizedText(
            zh: "本项按满分作答，但还没有上传任何台账材料：检查时须有材料佐证，请上传。",
            en: "This item is answered as fully compliant but has no evidence attached: the inspection will ask for records, so upload them.")
        public static let uploaded = LocalizedText(zh: "材料已上传。", en: "The file was uploaded.")
        public static let deleted = LocalizedText(zh: "材料已删除。", en: "The file was deleted.")
        public static let saved = LocalizedText(zh: "自查自评已保存。", en: "The self-assessment was saved.")

        // MARK: Editing, saving, drafts

        public static let save = LocalizedText(zh: "保存自查自评", en: "Save the self-assessment")
        public static let readOnly = LocalizedText(zh: "您可以查看本单位的自查自评，但不能修改。", en: "You may read this self-assessment but not change it.")
        public static func cannotEdit(_ reason: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "现在不能修改：\(reason.zh)", en: "It cannot be changed now: \(reason.en)")
        }
        public static let notStarted = LocalizedText(zh: "本单位尚未开始自查自评：请在申报页面点击“开始自查自评”。",
                                                     en: "The unit has not started its self-assessment: start it on the application page.")
        /// Shown to the script (data attributes), which shows them as the draft is saved.
        public static let draftSaving = LocalizedText(zh: "正在保存草稿…", en: "Saving the draft…")
        public static let draftSaved = LocalizedText(zh: "草稿已自动保存。", en: "Draft saved.")
        public static let draftFailed = LocalizedText(zh: "草稿未能保存，输入仍保留在本机浏览器中：", en: "The draft was not saved; your input is kept in this browser: ")
        public static let draftConflict = LocalizedText(
            zh: "他人刚保存过这份自查自评，草稿未自动保存。请点击“保存自查自评”，核对双方的改动。",
            en: "Someone else has just saved this self-assessment, so the draft was not saved. Press “Save the self-assessment” to compare both sets of changes.")
        public static let restored = LocalizedText(zh: "已恢复您上次未保存的输入。", en: "Your unsaved input from last time was restored.")
        public static let offline = LocalizedText(zh: "无法连接服务器，输入保留在本机浏览器中。", en: "The server cannot be reached; your input is kept in this browser.")

        // MARK: A stale save

        public static let conflictHeading = LocalizedText(zh: "没有保存：他人已先保存", en: "Not saved: someone else saved first")
        public static let conflictIntro = LocalizedText(
            zh: "在您填写期间，他人保存了这份自查自评，您的保存没有执行，什么都没有被覆盖。下表列出对方改动的内容：只有对方改动的，表单已换成对方的值；双方都改动的，表单保留您填写的值。下方表单中您的输入都在，核对后再次保存即可。",
            en: "While you were working someone else saved this self-assessment, so your save was not made and nothing was overwritten. The table lists what they changed: where only they changed a value the form now holds theirs; where you both did, the form keeps yours. All your input is still in the form below: check it and save again.")
        public static let conflictField = LocalizedText(zh: "内容", en: "Question")
        public static let conflictTheirs = LocalizedText(zh: "对方保存的", en: "Their saved value")
        public static let conflictYours = LocalizedText(zh: "您填写的", en: "Your value")
        public static let conflictKept = LocalizedText(zh: "表单中现为", en: "The form now holds")
        public static let keptYours = LocalizedText(zh: "您的", en: "yours")
        public static let keptTheirs = LocalizedText(zh: "对方的", en: "theirs")
        public static func noteField(_ item: Int) -> LocalizedText {
            LocalizedText(zh: "第\(item)项 · 说明", en: "Item \(item) · note")
        }
        public static func factField(_ item: Int?, _ label: String) -> LocalizedText {
            guard let item else { return LocalizedText(zh: label, en: label) }
            return LocalizedText(zh: "第\(item)项 · \(label)", en: "Item \(item) · \(label)")
        }
        public static let empty = LocalizedText(zh: "（空）", en: "(empty)")
    }
}
