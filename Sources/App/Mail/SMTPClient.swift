import Foundation
import NIOCore
import NIOPosix
import UnionStarCore

/// Sends mail.
protocol Mailer: Sendable {
    func send(_ message: MailMessage, date: Date) async throws
}

/// Why a mail was not sent, with the server's words where it gave any.
enum SMTPError: Error, CustomStringConvertible, Equatable {
    /// The server answered a command with an unexpected code.
    case rejected(command: String, reply: String)
    /// The connection closed, or nothing came within the timeout.
    case noReply(command: String)
    case lineTooLong
    /// A password over a plain connection to another machine (TLS is not built in).
    case authenticationNeedsTLS
    case authenticationUnsupported(String)

    var description: String {
        switch self {
        case .rejected(let command, let reply): "SMTP \(command): \(reply)"
        case .noReply(let command): "SMTP \(command): no reply (connection closed or timed out)"
        case .lineTooLong: "SMTP: a reply line longer than 4,096 bytes"
        case .authenticationNeedsTLS: "SMTP: a password is sent only to a server on this machine (no TLS); use a local relay"
        case .authenticationUnsupported(let offered): "SMTP: the server offers no AUTH PLAIN or LOGIN (\(offered))"
        }
    }
}

/// A minimal SMTP client on SwiftNIO (RFC 5321): EHLO (HELO if refused), AUTH PLAIN or LOGIN when
/// a user name is set, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. Plain TCP only: meant
/// for a relay on this machine (postfix, say) that carries mail on over TLS; see docs/DECISIONS.md.
/// The connection and every reply have a timeout; nothing here retries (the reminder job does, on
/// its next run).
struct SMTPClient: Mailer {
    var settings: MailSettings
    var group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    func send(_ message: MailMessage, date: Date) async throws {
        if settings.username != nil, !settings.isLoopback { throw SMTPError.authenticationNeedsTLS }
        let timeout = TimeAmount.seconds(Int64(settings.timeout))
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    // No byte for `timeout`: the channel closes and the waiting read ends.
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: timeout))
                    try channel.pipeline.syncOperations.addHandler(CloseWhenIdle())
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let domain = message.from.split(separator: "@").last.map(String.init) ?? "unionstar"
        let settings = settings
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            /// The reply to `command`: every line up to the one whose code is followed by a space.
            func reply(to command: String) async throws -> (code: Int, lines: [String]) {
                var text: [String] = []
                while true {
                    guard let line = try await lines.next() else { throw SMTPError.noReply(command: command) }
                    text.append(line)
                    let scalars = Array(line.unicodeScalars)
                    if scalars.count < 4 || scalars[3] != "-" { break }
                }
                let code = Int(String(text.last!.prefix(3))) ?? 0
                return (code, text)
            }
            func send(_ line: String, shown: String? = nil, expect codes: Set<Int>) async throws -> [String] {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                let name = shown ?? String(line.prefix { $0 != ":" && $0 != " " })
                let (code, text) = try await reply(to: name)
                guard codes.contains(code) else { throw SMTPError.rejected(command: name, reply: text.joined(separator: " | ")) }
                return text
            }
            let (greeting, greetingText) = try await reply(to: "greeting")
            guard greeting == 220 else { throw SMTPError.rejected(command: "greeting", reply: greetingText.joined(separator: " | ")) }
            var capabilities: [String]
            do {
                capabilities = try await send("EHLO " + settings.helo, expect: [250])
            } catch SMTPError.rejected {
                capabilities = try await send("HELO " + settings.helo, expect: [250])
            }
            if let username = settings.username, let password = settings.password {
                let auth = capabilities.map { $0.dropFirst(4).uppercased() }.first { $0.hasPrefix("AUTH") } ?? ""
                let mechanisms = Set(auth.split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init))
                if mechanisms.contains("PLAIN") {
                    let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
                    _ = try await send("AUTH PLAIN " + token, shown: "AUTH PLAIN", expect: [235])
                } else if mechanisms.contains("LOGIN") {
                    _ = try await send("AUTH LOGIN", expect: [334])
                    _ = try await send(Data(username.utf8).base64EncodedString(), shown: "AUTH LOGIN user", expect: [334])
                    _ = try await send(Data(password.utf8).base64EncodedString(), shown: "AUTH LOGIN password", expect: [235])
                } else {
                    throw SMTPError.authenticationUnsupported(auth)
                }
            }
            _ = try await send("MAIL FROM:<\(message.from)>", expect: [250])
            _ = try await send("RCPT TO:<\(message.to)>", expect: [250, 251])
            _ = try await send("DATA", expect: [354])
            let data = MailMessage.dotStuffed(message.rendered(date: date, messageID: "\(UUID().uuidString.lowercased())@\(domain)"))
            try await outbound.write(ByteBuffer(string: data))
            let (accepted, acceptedText) = try await reply(to: "DATA (end)")
            guard accepted == 250 else { throw SMTPError.rejected(command: "DATA (end)", reply: acceptedText.joined(separator: " | ")) }
            // The mail is accepted; a server that hangs up without answering QUIT changes nothing.
            _ = try? await send("QUIT", expect: [221])
        }
    }
}

/// Splits the server's replies into lines (CRLF or LF), at most 4,096 bytes each.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let end = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if view.count > 4_096 { throw SMTPError.lineTooLong }
            return .needMoreData
        }
        // Without the line end: "\r\n" is one Character in Swift, so it is cut off as bytes.
        let length = end - view.startIndex
        let carriageReturn = length > 0 && view[end - 1] == UInt8(ascii: "\r")
        let line = buffer.readString(length: carriageReturn ? length - 1 : length) ?? ""
        buffer.moveReaderIndex(forwardBy: carriageReturn ? 2 : 1)
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// Closes the channel when `IdleStateHandler` says nothing was read in time.
final class CloseWhenIdle: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
