/// Password rules for ASVS level 2: 8 to 64 characters, no more than bcrypt's 72 bytes (refused,
/// never silently cut), and not a common or trivially guessable password.
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let maximumLength = 64
    /// bcrypt reads at most 72 bytes; longer input would be truncated without a word.
    public static let maximumBytes = 72

    /// Nil when the password may be used; otherwise why not, in both languages.
    public static func problem(with password: String, username: String = "") -> LocalizedText? {
        let length = password.count
        if length < minimumLength {
            return Strings.Passwords.tooShort(minimumLength)
        }
        if length > maximumLength {
            return Strings.Passwords.tooLong(maximumLength)
        }
        if password.utf8.count > maximumBytes {
            return Strings.Passwords.tooManyBytes(maximumBytes)
        }
        let lower = password.lowercased()
        if commonPasswords.contains(lower) || isTrivial(lower) {
            return Strings.Passwords.tooCommon
        }
        let name = username.lowercased()
        if name.count >= 3 && lower.contains(name) {
            return Strings.Passwords.containsUserName
        }
        return nil
    }

    /// One repeated character, or a run up or down the keyboard's digits or the alphabet.
    static func isTrivial(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.map(\.value))
        if Set(scalars).count <= 2 { return true }
        let steps = zip(scalars.dropFirst(), scalars).map { Int($0) - Int($1) }
        return steps.allSatisfy { $0 == 1 } || steps.allSatisfy { $0 == -1 }
    }

    /// Lower-cased. Common passwords in the leaked-password lists, with those popular in China.
    static let commonPasswords: Set<String> = [
        "123456", "123456789", "12345678", "password", "qwerty123", "qwerty", "1234567", "111111",
        "1234567890", "123123", "abc123", "1234", "password1", "iloveyou", "1q2w3e4r", "000000", "qwerty1",
        "123321", "qwertyuiop", "654321", "555555", "lovely", "7777777", "welcome", "888888", "princess",
        "dragon", "password123", "123qwe", "666666", "1qaz2wsx", "121212", "monkey", "123abc", "football",
        "baseball", "admin", "admin123", "administrator", "root", "toor", "letmein", "login", "master",
        "sunshine", "shadow", "ashley", "michael", "superman", "batman", "trustno1", "passw0rd", "p@ssw0rd",
        "p@ssword", "pa55word", "changeme", "default", "guest", "test", "test123", "testtest", "secret",
        "hello123", "hello", "hellohello", "whatever", "freedom", "starwars", "11111111", "22222222",
        "33333333", "44444444", "55555555", "66666666", "77777777", "88888888", "99999999", "00000000",
        "12341234", "123456a", "a123456", "aa123456", "a12345678", "aa12345678", "abc12345", "abcd1234",
        "abcdefg", "abcdefgh", "abc123456", "qwe123", "qwe123456", "qweasd", "qweasdzxc", "qazwsx",
        "1qazxsw2", "zxcvbnm", "zxcvbnm123", "asdfghjkl", "asdfasdf", "asd123", "asdf1234", "woaini",
        "woaini1314", "woaini520", "5201314", "520520", "1314520", "caonima", "iloveyou1", "wangyang",
        "zhangwei", "wang123", "li123456", "liu123456", "chen123", "zhang123", "123456aa", "112233",
        "11223344", "123654", "147258", "147258369", "159357", "159753", "258369", "321321", "456789",
        "789456", "987654321", "9876543210", "123456789a", "12345678a", "1234567a", "1234abcd", "1a2b3c4d",
        "a1b2c3d4", "a1234567", "q1w2e3r4", "q1w2e3r4t5", "1q2w3e", "1q2w3e4r5t", "zaq12wsx", "qaz123",
        "qaz123456", "password12", "password1234", "passport", "computer", "internet", "google", "baidu",
        "tencent", "huawei", "xiaomi", "alibaba", "taobao", "wechat", "weixin", "qq123456", "qq111111",
        "qq5201314", "gonghui", "gonghui123", "ghgh1234", "union123", "unionstar", "unionstar123",
        "zhonghua", "zhongguo", "china123", "beijing", "shanghai", "shandong", "jiangsu", "weihai", "rushan",
        "yangzhou", "yizheng", "88888888a", "66668888", "a1111111", "aaaaaaaa", "aaaaaa", "aaa111", "abcabc",
        "abcabc123", "iloveu", "loveyou", "lovelove", "1qaz!qaz", "1qaz@wsx", "admin@123", "admin888",
        "admin666", "root123", "root1234", "system", "manager", "12qwaszx", "1q2w3e4r5t6y", "asdfqwer",
        "qwerasdf", "zxcv1234", "football1", "baseball1", "jordan23", "michael1", "charlie", "dragon1",
        "monkey1", "summer", "winter", "spring", "autumn", "2020", "2019", "20202020", "20192019",
        "20212021", "2022", "2023", "2024", "2025", "2026", "abc888", "abc666", "xiaoming", "xiaohong",
        "nihao", "nihao123", "nihaoma", "huanying", "woshishui"
    ]
}
