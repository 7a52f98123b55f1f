import Foundation
import Testing
@testable import App

/// The mail's format, as tables: RFC 2047 words, dot-stuffing, the message's headers and body.
@Suite struct MailMessageTests {
    @Test(arguments: [
        ("Reminder", "Reminder"),
        ("待办提醒", "=?UTF-8?B?5b6F5Yqe5o+Q6YaS?="),
    ])
    func shortSubjects(text: String, expected: String) {
        #expect(MailMessage.encodedWords(text, headerLength: 9) == expected)
    }

    /// Forty Chinese characters (120 bytes) make three words of at most 45 bytes (15 characters),
    /// never splitting a character, each at most 75 characters long, folded.
    @Test func aLongSubjectIsSplitBetweenCharacters() {
        let text = String(repeating: "星级创建活动待办提醒", count: 4)
        let encoded = MailMessage.encodedWords(text, headerLength: 9)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count == 3 && words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = words.map { word -> String in
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(payload))!, as: UTF8.self)
        }
        #expect(decoded.joined() == text && decoded.allSatisfy { !$0.contains("\u{FFFD}") })
    }

    @Test(arguments: [
        ("a\r\n.b\r\n", "a\r\n..b\r\n.\r\n"),
        (".\n..x\nend", "..\r\n...x\r\nend\r\n.\r\n"),
        ("plain", "plain\r\n.\r\n"),
    ])
    func dotStuffing(message: String, expected: String) {
        #expect(MailMessage.dotStuffed(message) == expected)
    }

    @Test(arguments: [
        (Optional<String>.none, "x@example.cn", "x@example.cn"),
        ("UnionStar", "x@example.cn", "UnionStar <x@example.cn>"),
        ("Wang, Li", "x@example.cn", "\"Wang, Li\" <x@example.cn>"),
        ("王丽", "x@example.cn", "=?UTF-8?B?546L5Li9?= <x@example.cn>"),
    ])
    func mailboxes(name: String?, address: String, expected: String) {
        #expect(MailMessage.mailbox(name, address) == expected)
    }

    @Test func theMessageIsUTF8TextInBase64() {
        let message = MailMessage(from: "noreply@rushan.example.cn", fromName: nil, to: "wang@jia.example.cn", toName: nil,
                                  subject: "提醒", body: "第一行\n.第二行以点开头\n")
        let text = message.rendered(date: Date(timeIntervalSince1970: 1_598_839_200), messageID: "m1@rushan.example.cn")
        let (head, body) = (text.components(separatedBy: "\r\n\r\n")[0], text.components(separatedBy: "\r\n\r\n")[1])
        #expect(head == [
            "Date: Mon, 31 Aug 2020 10:00:00 +0800", "From: noreply@rushan.example.cn", "To: wang@jia.example.cn",
            "Subject: =?UTF-8?B?5o+Q6YaS?=", "Message-ID: <m1@rushan.example.cn>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64",
        ].joined(separator: "\r\n"))
        let decoded = String(decoding: Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""))!, as: UTF8.self)
        #expect(decoded == "第一行\r\n.第二行以点开头\r\n")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }
}
