extension Points {
    /// `part` of `whole` as a percentage to four decimal places, rounded down; nil when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> Points? {
        whole <= 0 ? nil : Points(raw: Int64(part) * 100 * Points.scale / Int64(whole))
    }
}
