extension Strings {
    /// Evidence files (台账): why an upload is refused.
    public enum Evidence {
        public static let empty = LocalizedText(
            zh: "文件是空的，请重新选择文件。",
            en: "The file is empty: choose the file again.")

        public static func tooLarge(limitMB: Int) -> LocalizedText {
            LocalizedText(zh: "文件超过 \(limitMB) MB 的上限。",
                          en: "The file is larger than the \(limitMB) MB limit.")
        }

        public static let unsupportedType = LocalizedText(
            zh: "文件内容不是 PDF、图片或 Office 文档（按内容判断，不看文件名）。",
            en: "The file's content is not a PDF, an image or an Office document (judged by content, not by the file name).")
    }
}
