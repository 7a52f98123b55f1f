extension Strings.Inspection {
    public static let noSuchItem = LocalizedText(zh: "评定方案中没有此项。", en: "The scheme has no such item.")
}

extension Strings.InspectionPages {
    // MARK: The draft (on the phone and on the server)

    public static let draftHint = LocalizedText(
        zh: "每一处修改都立即保存在本机；联网时自动保存为服务器上的草稿。断网、刷新或关闭浏览器都不会丢失，恢复连接后自动发送。草稿只有您本人可见，提交评分后才生效。",
        en: "Every change is kept on this device at once and saved as a draft on the server when online. A dropped connection, a reload or a closed browser loses nothing; pending changes are sent when the connection returns. Only you see the draft; the scores count once submitted.")
    /// Shown by the page's script (data attributes) as the draft travels.
    public static let draftSaving = LocalizedText(zh: "正在保存草稿…", en: "Saving the draft…")
    public static let draftSaved = LocalizedText(zh: "草稿已保存到服务器。", en: "Draft saved on the server.")
    public static func draftSavedAt(_ at: String) -> LocalizedText {
        LocalizedText(zh: "草稿已保存到服务器（\(at)）。", en: "Draft saved on the server (\(at)).")
    }
    public static let draftOffline = LocalizedText(zh: "网络未连接：更改已保存在本机，恢复连接后自动发送。",
                                                   en: "Offline: your changes are kept on this device and will be sent when the connection returns.")
    public static let draftFailed = LocalizedText(zh: "草稿未能保存，更改仍保存在本机：", en: "The draft was not saved; your changes are kept on this device: ")
    public static let draftConflict = LocalizedText(
        zh: "本页打开后，评分已在别处（另一台设备或另一个窗口）保存或提交，本页的更改没有发送，仍保存在本机。请重新打开本页查看最新内容，再决定是否恢复本机的更改。",
        en: "Since this page was opened, the scores were saved or submitted elsewhere (another device or window); this page's changes were not sent and are kept on this device. Open the page again to see the latest, then decide whether to restore this device's changes.")
    public static let draftRestoredLocal = LocalizedText(zh: "已恢复本机上尚未发送到服务器的更改。", en: "Your changes not yet sent from this device were restored.")
    public static let draftStaleLocal = LocalizedText(
        zh: "本机还保存有在较早版本上所做、尚未发送的更改；此后评分已在别处保存，所以没有自动恢复。",
        en: "This device still holds changes made on an earlier version that were never sent; the scores were saved elsewhere since, so they were not restored.")
    public static let draftRestoreLocal = LocalizedText(zh: "恢复本机的更改", en: "Restore this device's changes")
    public static func draftRestoredServer(savedAt: String) -> LocalizedText {
        LocalizedText(zh: "已恢复您未提交的草稿（保存于\(savedAt)）。", en: "Your unsubmitted draft (saved at \(savedAt)) was restored.")
    }
}
