import Fluent
import Foundation
import UnionStarCore
import Vapor

/// Signing in and out, the account page, and changing one's own password.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .signIn, use: signInForm)
        routes.on(.POST, .signIn, use: signIn)
        routes.on(.POST, .signOut, use: signOut)
        routes.on(.POST, .signOutEverywhere, use: signOutEverywhere)
        routes.on(.GET, .account, use: account)
        routes.on(.GET, .changePassword, use: passwordForm)
        routes.on(.POST, .changePassword, use: changePassword)
    }

    struct SignInForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func signInPage(_ req: Request, username: String = "", next: String = "", error: String? = nil) -> FormPage {
        let t = Translator(req.language)
        return FormPage(
            request: req, title: t(Strings.SignIn.signIn), action: SiteRoute.signIn.path,
            fields: [
                .init(name: "username", label: t(Strings.Accounts.userName), kind: .text, value: username, required: true, autocomplete: "username"),
                .init(name: "password", label: t(Strings.SignIn.password), kind: .password, required: true, autocomplete: "current-password"),
                .init(name: "next", label: "", kind: .hidden, value: next),
            ],
            submit: t(Strings.SignIn.signIn), formError: error)
    }

    func signInForm(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteRoute.organisations.path) }
        let next = (try? req.query.get(String.self, at: "next")) ?? ""
        return try await req.render("form", signInPage(req, next: Self.safeNext(next) ?? ""))
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let next = Self.safeNext(form.next ?? "")
        let t = Translator(req.language)
        let address = req.clientAddress
        let throttles = ThrottleStore(application: req.application)
        let accountKey = "account:" + String(username.prefix(64))
        let addressKey = "address:" + address

        // The attempt is counted before the password is checked, so parallel guesses cannot all
        // slip in before the lock. Locked (by account name or by address): the same answer
        // whether or not the account exists.
        let keys = [(accountKey, SignInThrottle.account), (addressKey, SignInThrottle.address)]
        let lockedNow: [ThrottleStore.Lock]
        switch try await throttles.reserve(keys) {
        case .locked(let until):
            return try await req.render("form", signInPage(req, username: username, next: next ?? "", error: t(Self.lockMessage(until, now: req.now))),
                                        status: .tooManyRequests)
        case .allowed(let delay, let locks):
            if delay > .zero { try await req.application.sleeper.sleep(for: delay) }
            lockedNow = locks
        }

        let user = try await UserModel.query(on: req.db).filter(\.$username == username).first()
        // Always check one hash, so an unknown account answers as slowly as a wrong password.
        let hash = if let user { user.passwordHash } else { try await req.application.standInPasswordHash() }
        // Past bcrypt's 72 bytes nothing can match; still hash once, on a stand-in, for the timing.
        let tooLong = password.utf8.count > PasswordPolicy.maximumBytes
        let matches = try await req.hashing.verify(tooLong ? "-" : password, against: hash)
        guard let user, matches, !tooLong, user.disabledAt == nil else {
            try await throttles.auditLocks(lockedNow, username: username, request: req)
            req.logger.notice("sign-in failed", metadata: ["username": .string(username), "address": .string(address)])
            return try await req.render("form", signInPage(req, username: username, next: next ?? "", error: t(Strings.SignIn.failed)), status: .unauthorized)
        }
        // It was not a failure after all: the account starts afresh, the address gets its attempt back.
        try await throttles.settle(success: accountKey, refund: addressKey)
        // A new session id at every sign-in; any session the browser brought is ended.
        if let old = req.cookies[SessionStore.cookieName]?.string, !old.isEmpty {
            try await req.application.sessionStore.end(sessionID: AuditLog.sha256(old))
        }
        let (token, _) = try await req.application.sessionStore.start(userID: user.id!, request: req)
        req.logger.info("signed in", metadata: ["username": .string(username), "address": .string(address)])
        let destination = user.mustChangePassword ? SiteRoute.changePassword.path : (next ?? SiteRoute.organisations.path)
        let response = req.redirect(to: destination, redirectType: .normal)
        response.cookies[SessionStore.cookieName] = req.application.sessionStore.cookie(token)
        return response
    }

    static func lockMessage(_ until: Date, now: Date) -> LocalizedText {
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return Strings.SignIn.lockedFor(minutes: minutes)
    }

    /// Only paths on this site are followed after sign-in: `/…`, not `//…` or `/\…`, and no
    /// control characters or spaces (browsers drop tabs and newlines, turning `/\t/x` into `//x`).
    static func safeNext(_ next: String) -> String? {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
        return next
    }

    func signOut(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await req.application.sessionStore.end(sessionID: user.sessionID)
        let response = req.redirect(to: SiteRoute.signIn.path + "?done=signedout", redirectType: .normal)
        response.cookies[SessionStore.cookieName] = req.application.sessionStore.expiredCookie
        return response
    }

    func signOutEverywhere(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await req.writes.perform { db in try await SessionStore.endAll(userID: user.id, on: db) }
        req.logger.info("signed out everywhere", metadata: ["username": .string(user.username)])
        let response = req.redirect(to: SiteRoute.signIn.path + "?done=signedout", redirectType: .normal)
        response.cookies[SessionStore.cookieName] = req.application.sessionStore.expiredCookie
        return response
    }

    struct AccountPage: Encodable {
        var layout: Layout
        var labels: [String: String]
        var username: String
        var roles: [String]
        var sessions: Int
        var csrf: String
        var passwordPath: String
        var everywherePath: String
        var tokens: TokensSection
        /// The e-mail address and the form that changes it (`AccountEmailController`).
        var email: String
        var emailForm: AccountEmailController.Form
    }

    /// The personal API tokens: each with its name and dates (never its secret), and the form
    /// that makes one.
    struct TokensSection: Encodable {
        struct Row: Encodable {
            var name: String
            var created: String
            var lastUsed: String
            var revokePath: String
        }

        var rows: [Row]
        var createPath: String
        /// The name field (one, in a list for the shared field template).
        var fields: [FormPage.Field]
        var documentPath: String
    }

    func account(req: Request) async throws -> Response {
        try await req.render("account", try await Self.accountPage(req, user: try req.requireUser()))
    }

    /// The account page; `typedName`, `typedEmail` and `errors` bring back a refused token or e-mail form.
    static func accountPage(_ req: Request, user: CurrentUser? = nil, typedName: String? = nil, typedEmail: String? = nil,
                            errors: FieldErrors = FieldErrors()) async throws -> AccountPage {
        let user = try user ?? req.requireUser()
        let t = Translator(req.language)
        let assignments = try await RoleAssignmentModel.query(on: req.db).filter(\.$userID == user.id).all()
        var roles: [String] = []
        for assignment in assignments {
            let role = Role(rawValue: assignment.role).map { t($0.label) } ?? assignment.role
            let place = try await assignment.organisationID.asyncMap { try await OrganisationModel.find($0, on: req.db)?.name } ?? nil
            roles.append(t(Strings.Accounts.roleAt(role, place ?? t(Strings.Common.everywhere))))
        }
        let sessions = try await SessionModel.query(on: req.db).filter(\.$userID == user.id).count()
        let tokens = try await APITokenStore.list(of: user.id, on: req.db).map { row in
            TokensSection.Row(name: row.name, created: NoticeSupport.moment(row.createdAt, req.language),
                              lastUsed: row.lastUsedAt.map { NoticeSupport.moment($0, req.language) } ?? t(Strings.APITokens.neverUsed),
                              revokePath: SiteRoute.revokeAPIToken(row.id!).path)
        }
        let nameField = FormPage.Field(name: "name", label: t(Strings.APITokens.name), kind: .text, value: typedName ?? "",
                                       hint: t(Strings.APITokens.nameHint), required: true)
        guard let account = try await UserModel.find(user.id, on: req.db) else { throw AppError.signInRequired }
        return AccountPage(
            layout: Layout(request: req, title: t(Strings.SignIn.myAccount)),
            labels: ["heading": t(Strings.SignIn.myAccount), "username": t(Strings.Accounts.userName), "roles": t(Strings.Accounts.roles),
                     "sessions": t(Strings.SignIn.signedInSessions), "password": t(Strings.SignIn.changePassword),
                     "everywhere": t(Strings.SignIn.signOutEverywhere), "tokens": t(Strings.APITokens.heading),
                     "tokensIntro": t(Strings.APITokens.intro), "tokenName": t(Strings.APITokens.name),
                     "created": t(Strings.APITokens.created), "lastUsed": t(Strings.APITokens.lastUsed),
                     "revoke": t(Strings.APITokens.revoke), "revokeConfirm": t(Strings.APITokens.revokeConfirm),
                     "noTokens": t(Strings.APITokens.none), "create": t(Strings.APITokens.create),
                     "document": t(Strings.APITokens.documentLink)],
            username: user.username, roles: roles, sessions: sessions, csrf: user.csrfToken,
            passwordPath: SiteRoute.changePassword.path, everywherePath: SiteRoute.signOutEverywhere.path,
            tokens: TokensSection(rows: tokens, createPath: SiteRoute.apiTokens.path,
                                  fields: NoticeSupport.withErrors([nameField], errors, t), documentPath: SiteRoute.apiDocument.path),
            email: account.email ?? t(Strings.Email.none),
            emailForm: AccountEmailController.form(req, action: SiteRoute.accountEmail.path, account: account, typed: typedEmail, errors: errors))
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    func passwordPage(_ req: Request, errors: FieldErrors = FieldErrors()) throws -> FormPage {
        let user = try req.requireUser()
        let t = Translator(req.language)
        let intro = user.mustChangePassword
            ? t(Strings.SignIn.passwordWasReset)
            : nil
        return FormPage(
            request: req, title: t(Strings.SignIn.changePassword), intro: intro, action: SiteRoute.changePassword.path,
            fields: [
                .init(name: "current", label: t(Strings.SignIn.currentPassword), kind: .password, required: true, autocomplete: "current-password"),
                .init(name: "new", label: t(Strings.SignIn.newPassword), kind: .password,
                      hint: t(Strings.SignIn.newPasswordHint),
                      required: true, autocomplete: "new-password"),
                .init(name: "confirm", label: t(Strings.SignIn.newPasswordAgain), kind: .password, required: true, autocomplete: "new-password"),
            ],
            submit: t(Strings.Common.save), errors: errors)
    }

    func passwordForm(req: Request) async throws -> Response {
        try await req.render("form", try passwordPage(req))
    }

    func changePassword(req: Request) async throws -> Response {
        let current = try req.requireUser()
        let form = try req.content.decode(PasswordForm.self)
        var errors = FieldErrors()
        guard let user = try await UserModel.find(current.id, on: req.db) else { throw AppError.signInRequired }
        // Guesses at the current password count against the account, as at sign-in.
        let throttles = ThrottleStore(application: req.application)
        let accountKey = "account:" + user.username
        switch try await throttles.reserve([(accountKey, .account)]) {
        case .locked(let until):
            throw AppError.tooManyAttempts(Self.lockMessage(until, now: req.now))
        case .allowed(let delay, let locks):
            if delay > .zero { try await req.application.sleeper.sleep(for: delay) }
            if try await req.hashing.verify(form.current ?? "", against: user.passwordHash) {
                try await throttles.settle(success: accountKey, refund: nil)
            } else {
                try await throttles.auditLocks(locks, username: user.username, request: req)
                errors.add("current", Strings.SignIn.currentPasswordWrong)
            }
        }
        let new = form.new ?? ""
        if let problem = PasswordPolicy.problem(with: new, username: user.username) {
            errors.add("new", problem)
        } else if new != form.confirm {
            errors.add("confirm", Strings.SignIn.newPasswordsDiffer)
        } else if try await req.hashing.verify(new, against: user.passwordHash) {
            errors.add("new", Strings.SignIn.newPasswordSameAsCurrent)
        }
        guard errors.isEmpty else { return try await req.render("form", try passwordPage(req, errors: errors), status: .unprocessableEntity) }
        let hash = try await req.hashing.hash(new)
        let actor = req.auditActor
        let sessionID = current.sessionID
        try await req.writes.perform { db in
            guard let user = try await UserModel.find(current.id, on: db) else { return }
            try await AccountStore.setPassword(user, hash: hash, byAdministrator: false, keepSession: sessionID, actor: actor, on: db)
        }
        return req.redirect(to: SiteRoute.account.path + "?done=password", redirectType: .normal)
    }
}

/// Failed sign-in counters in the database, so every app instance sees the same.
struct ThrottleStore {
    let application: Application

    struct Lock: Sendable {
        var key: String
        var state: SignInThrottle.State
    }

    enum Reservation: Sendable {
        case locked(until: Date)
        /// Go ahead after `delay`; `locks` are the keys this attempt would lock if it fails.
        case allowed(delay: Duration, locks: [Lock])
    }

    private func load(_ key: String, on db: any Database) async throws -> (SignInThrottleModel?, SignInThrottle.State?) {
        let row = try await SignInThrottleModel.find(key, on: db)
        return (row, row.map { SignInThrottle.State(failures: $0.failures, windowStart: $0.windowStart, lockedUntil: $0.lockedUntil) })
    }

    private func save(_ key: String, _ state: SignInThrottle.State, row: SignInThrottleModel?, on db: any Database) async throws {
        let model = row ?? SignInThrottleModel()
        model.id = key
        model.failures = state.failures
        model.windowStart = state.windowStart
        model.lockedUntil = state.lockedUntil
        try await model.save(on: db)
    }

    /// Decides on every key and, unless one is locked, counts the attempt as a failure in advance,
    /// all in one write transaction.
    func reserve(_ keys: [(String, SignInThrottle)]) async throws -> Reservation {
        try await application.writes.perform { db in
            let now = application.clock.now()
            var states: [(String, SignInThrottle, SignInThrottleModel?, SignInThrottle.State?)] = []
            var delay: Duration = .zero
            for (key, throttle) in keys {
                let (row, state) = try await load(key, on: db)
                switch throttle.decide(state, now: now) {
                case .locked(let until): return .locked(until: until)
                case .allowed(let wait): delay = max(delay, wait)
                }
                states.append((key, throttle, row, state))
            }
            var locks: [Lock] = []
            for (key, throttle, row, state) in states {
                let (next, locked) = throttle.recordFailure(state, now: now)
                try await save(key, next, row: row, on: db)
                if locked { locks.append(Lock(key: key, state: next)) }
            }
            return .allowed(delay: delay, locks: locks)
        }
    }

    /// After a success: `success` starts afresh, `refund` gets back the attempt counted in advance.
    func settle(success: String, refund: String?) async throws {
        try await application.writes.perform { db in
            try await SignInThrottleModel.query(on: db).filter(\.$id == success).delete()
            guard let refund else { return }
            let (row, state) = try await load(refund, on: db)
            guard let row, var state else { return }
            state.failures = max(0, state.failures - 1)
            if state.failures < SignInThrottle.address.limit { state.lockedUntil = nil }
            try await save(refund, state, row: row, on: db)
        }
    }

    /// A lock that a failed attempt started goes into the audit trail.
    func auditLocks(_ locks: [Lock], username: String, request: Request) async throws {
        guard !locks.isEmpty else { return }
        struct LockRecord: AuditSnapshot, Codable { var key: String; var failures: Int; var lockedUntil: Date? }
        let actor = AuditDraft.Actor(id: nil, name: Strings.Audit.anonymousTrying(String(username.prefix(64))).zh, address: request.clientAddress, at: request.now)
        let drafts = locks.map { lock in
            AuditDraft(actor: actor, action: "signin.lockout", entityType: "signin", entityID: lock.key, scope: "/",
                       before: Optional<LockRecord>.none,
                       after: LockRecord(key: lock.key, failures: lock.state.failures, lockedUntil: lock.state.lockedUntil))
        }
        try await application.writes.perform { db in try await AuditLog.append(drafts, on: db) }
    }
}
