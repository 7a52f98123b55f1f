import Foundation
import Testing
@testable import UnionStarCore

@Suite struct AccessPolicyTests {
    let county = TreePath(ids: ["weihai", "rushan"])
    var town: TreePath { county.appending("xiacun") }
    var union: TreePath { town.appending("u1") }
    let otherCounty = TreePath(ids: ["yangzhou", "yizheng"])

    func subject(_ grants: Grant...) -> AccessSubject { AccessSubject(accountID: "me", grants: grants) }

    @Test(arguments: Role.allCases)
    func everyRoleSeesItsOwnSubtreeButNotAnother(role: Role) {
        let me = subject(Grant(role: role, scope: county))
        #expect(AccessPolicy.permits(me, .viewOrganisation, on: .organisation(union)))
        #expect(AccessPolicy.decide(me, .viewOrganisation, on: .organisation(otherCounty)) == .outOfReach)
        #expect(AccessPolicy.decide(me, .viewOrganisation, on: .organisation(TreePath(ids: ["weihai"]))) == .outOfReach)
    }

    /// Role × action, inside the role's subtree: the whole table, so a new action or a changed
    /// grant shows up here.
    @Test(arguments: Role.allCases)
    func roleCarriesExactlyItsActions(role: Role) {
        let expected: [Role: Set<Action>] = [
            .unionCadre: [.viewOrganisation, .workOnApplication, .viewApplication, .runSurvey],
            .inspector: [.viewOrganisation, .recordInspection, .declareConflict],
            .subFederationReviewer: [.viewOrganisation, .exportOrganisations, .viewCampaign, .viewApplication, .returnApplication,
                                     .endorseApplication],
            .prefectureStaff: [.viewOrganisation, .exportOrganisations, .viewAudit, .viewCampaign, .viewApplication, .manageReview,
                               .decideTier, .drawSpotCheck],
            .federationStaff: [.viewOrganisation, .createOrganisation, .editOrganisation, .moveOrganisation, .retireOrganisation,
                               .restoreOrganisation, .importOrganisations, .exportOrganisations, .viewAudit,
                               .manageCampaigns, .viewCampaign, .reopenDeadline, .viewApplication, .returnApplication,
                               .manageReview, .decideTier, .runSurvey],
            .federationAdmin: [.viewOrganisation, .createOrganisation, .editOrganisation, .moveOrganisation, .retireOrganisation,
                               .restoreOrganisation, .importOrganisations, .exportOrganisations, .viewAudit, .viewAccounts,
                               .manageAccounts, .assignRoles, .viewCampaign],
        ]
        let me = subject(Grant(role: role, scope: county))
        for action in Action.allCases {
            let target: AccessTarget = action == .restoreOrganisation ? .organisation(union, retired: true)
                : action == .recordInspection ? AccessTarget(place: .node(union), assignees: ["me"]) : .organisation(union)
            #expect(AccessPolicy.permits(me, action, on: target) == expected[role]!.contains(action), "\(role) \(action)")
            // Never outside the subtree, whatever the role.
            #expect(!AccessPolicy.permits(me, action, on: AccessTarget(place: .node(otherCounty), assignees: ["me"])), "\(role) \(action) outside")
        }
    }

    @Test func administratorsGetNoActionByDefault() {
        // Only inspectors record inspections: an administrator held everywhere still may not.
        let root = subject(Grant(role: .federationAdmin, scope: nil))
        #expect(AccessPolicy.decide(root, .recordInspection, on: AccessTarget(place: .node(union), assignees: ["me"])) == .outOfReach)
    }

    @Test(arguments: [
        (Action.editOrganisation, false, AccessDecision.allowed), (.editOrganisation, true, .wrongState(.retired)),
        (.createOrganisation, true, .wrongState(.retired)), (.moveOrganisation, true, .wrongState(.retired)),
        (.importOrganisations, true, .wrongState(.retired)), (.retireOrganisation, true, .wrongState(.retired)),
        (.retireOrganisation, false, .allowed), (.restoreOrganisation, false, .wrongState(.active)),
        (.restoreOrganisation, true, .allowed), (.viewOrganisation, true, .allowed), (.exportOrganisations, true, .allowed),
    ])
    func theObjectsStateDecidesToo(action: Action, retired: Bool, expected: AccessDecision) {
        let staff = subject(Grant(role: .federationStaff, scope: county))
        #expect(AccessPolicy.decide(staff, action, on: .organisation(union, retired: retired)) == expected)
        // Out of reach wins over state: a unit outside says nothing about its state.
        #expect(AccessPolicy.decide(staff, action, on: .organisation(otherCounty, retired: retired)) == .outOfReach)
    }

    @Test(arguments: [(Set<String>(), AccessDecision.notAssigned), (Set(["me"]), .allowed), (Set(["someone-else"]), .notAssigned)])
    func inspectorsRecordOnlyWhereAssigned(assignees: Set<String>, expected: AccessDecision) {
        let inspector = subject(Grant(role: .inspector, scope: county))
        #expect(AccessPolicy.decide(inspector, .recordInspection, on: AccessTarget(place: .node(union), assignees: assignees)) == expected)
        #expect(AccessPolicy.decide(inspector, .recordInspection, on: AccessTarget(place: .node(otherCounty), assignees: ["me"])) == .outOfReach)
    }

    @Test func theTopIsCoveredOnlyByAGrantHeldEverywhere() {
        #expect(AccessPolicy.permits(subject(Grant(role: .federationAdmin, scope: nil)), .createOrganisation, on: .top))
        #expect(AccessPolicy.decide(subject(Grant(role: .federationAdmin, scope: county)), .createOrganisation, on: .top) == .outOfReach)
        #expect(AccessPolicy.permits(subject(Grant(role: .federationAdmin, scope: nil)), .manageAccounts, on: .organisation(otherCounty)))
    }

    @Test func changingAnAccountNeedsEveryOneOfItsRolesInReach() {
        let admin = subject(Grant(role: .federationAdmin, scope: county))
        let local = AccessTarget.account("them", home: .node(town), rolePlaces: [.node(union)])
        let alsoPrefecture = AccessTarget.account("them", home: .node(town), rolePlaces: [.node(union), .node(TreePath(ids: ["weihai"]))])
        let everywhere = AccessTarget.account("them", home: .node(town), rolePlaces: [.top])
        #expect(AccessPolicy.decide(admin, .manageAccounts, on: local) == .allowed)
        #expect(AccessPolicy.decide(admin, .manageAccounts, on: alsoPrefecture) == .outOfReach)
        #expect(AccessPolicy.decide(admin, .manageAccounts, on: everywhere) == .outOfReach)
        // Seeing and binding roles needs only the home in reach.
        #expect(AccessPolicy.decide(admin, .viewAccounts, on: alsoPrefecture) == .allowed)
        #expect(AccessPolicy.decide(admin, .viewAccounts, on: .account("them", home: .top, rolePlaces: [])) == .outOfReach)
    }

    @Test func administratorsDoNotDisableOrResetThemselvesHere() {
        let admin = subject(Grant(role: .federationAdmin, scope: county))
        #expect(AccessPolicy.decide(admin, .manageAccounts, on: .account("me", home: .node(county), rolePlaces: [.node(county)])) == .ownAccount)
        #expect(AccessPolicy.decide(admin, .viewAccounts, on: .account("me", home: .node(county), rolePlaces: [.node(county)])) == .allowed)
    }

    @Test func severalGrantsAddUp() {
        let me = subject(Grant(role: .unionCadre, scope: union), Grant(role: .federationStaff, scope: otherCounty))
        #expect(AccessPolicy.permits(me, .editOrganisation, on: .organisation(otherCounty.appending("x"))))
        #expect(!AccessPolicy.permits(me, .editOrganisation, on: .organisation(union)))
        #expect(AccessPolicy.permits(me, .viewOrganisation, on: .organisation(union)))
    }

    @Test func reachIsTheOutermostSubtreesOfTheRolesCarryingTheAction() {
        #expect(AccessPolicy.reach(subject(Grant(role: .unionCadre, scope: union)), for: .editOrganisation) == .nowhere)
        #expect(AccessPolicy.reach(subject(Grant(role: .federationAdmin, scope: nil), Grant(role: .federationStaff, scope: county)),
                                   for: .editOrganisation) == .everywhere)
        let nested = subject(Grant(role: .federationStaff, scope: town), Grant(role: .federationAdmin, scope: county),
                             Grant(role: .federationStaff, scope: otherCounty), Grant(role: .unionCadre, scope: TreePath(ids: ["elsewhere"])))
        #expect(AccessPolicy.reach(nested, for: .editOrganisation) == .within([county, otherCounty]))
        #expect(AccessPolicy.reach(nested, for: .editOrganisation).covers(union))
        #expect(!AccessPolicy.reach(nested, for: .editOrganisation).covers(TreePath(ids: ["elsewhere"])))
    }
}

@Suite struct PasswordPolicyTests {
    @Test(arguments: ["short1!", "12345678", "password", "Password1", "woaini1314", "aaaaaaaa", "abcdefgh", "87654321", "qq123456"])
    func refusesWeakPasswords(password: String) {
        #expect(PasswordPolicy.problem(with: password) != nil)
    }

    @Test func refusesLongerThan64CharactersOr72Bytes() {
        #expect(PasswordPolicy.problem(with: String(repeating: "ab3", count: 22))?.en == "The password may have at most 64 characters")
        // 25 Chinese characters are 75 bytes: refused, never silently truncated.
        let chinese = "星级工会评定平台密码很长很长很长很长很长很长的一句话"
        #expect(chinese.count <= 64)
        #expect(PasswordPolicy.problem(with: chinese)?.en.hasPrefix("The password is too long: at most 72 bytes") == true)
    }

    @Test func refusesThePasswordContainingTheUserName() {
        #expect(PasswordPolicy.problem(with: "zhangwei-2026!", username: "zhangwei") != nil)
    }

    @Test func acceptsAReasonablePassword() {
        #expect(PasswordPolicy.problem(with: "Rushan-Union-2026", username: "staff") == nil)
        #expect(PasswordPolicy.problem(with: "乳山工会星级2026") == nil)
    }
}

@Suite struct SignInThrottleTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func slowsThenLocksThenForgets() {
        let throttle = SignInThrottle.account
        var state: SignInThrottle.State?
        var delays: [Duration] = []
        for i in 0..<4 {
            let now = t0.addingTimeInterval(Double(i))
            guard case .allowed(let delay) = throttle.decide(state, now: now) else { Issue.record("locked too early"); return }
            delays.append(delay)
            let (next, locked) = throttle.recordFailure(state, now: now)
            #expect(!locked)
            state = next
        }
        #expect(delays == [.zero, .zero, .zero, .milliseconds(500)])
        let (locked, didLock) = throttle.recordFailure(state, now: t0.addingTimeInterval(5))
        #expect(didLock)
        #expect(throttle.decide(locked, now: t0.addingTimeInterval(60)) == .locked(until: t0.addingTimeInterval(5 + 900)))
        #expect(throttle.decide(locked, now: t0.addingTimeInterval(5 + 901)) == .allowed(delay: .zero))
        // After the lock, a failure starts a new window.
        #expect(throttle.recordFailure(locked, now: t0.addingTimeInterval(5 + 901)).state.failures == 1)
    }

    @Test func failuresOutsideTheWindowDoNotCount() {
        let throttle = SignInThrottle.account
        let old = SignInThrottle.State(failures: 4, windowStart: t0)
        #expect(throttle.decide(old, now: t0.addingTimeInterval(16 * 60)) == .allowed(delay: .zero))
        #expect(throttle.recordFailure(old, now: t0.addingTimeInterval(16 * 60)).state.failures == 1)
    }
}

@Suite struct SessionPolicyTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let policy = SessionPolicy()

    @Test func idleAndAbsoluteTimeouts() {
        #expect(policy.check(createdAt: t0, lastSeenAt: t0, now: t0.addingTimeInterval(30)) == .valid(touch: false))
        #expect(policy.check(createdAt: t0, lastSeenAt: t0, now: t0.addingTimeInterval(90)) == .valid(touch: true))
        #expect(policy.check(createdAt: t0, lastSeenAt: t0, now: t0.addingTimeInterval(30 * 60)) == .idleExpired)
        let busy = t0.addingTimeInterval(12 * 3600 - 10)
        #expect(policy.check(createdAt: t0, lastSeenAt: busy, now: t0.addingTimeInterval(12 * 3600)) == .lifetimeExpired)
    }
}

@Suite struct AuditChainTests {
    /// A stand-in digest for the pure chain logic; the app uses SHA-256.
    static func digest(_ text: String) -> String {
        var h: UInt64 = 1469598103934665603
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return String(h, radix: 16)
    }

    func chain(_ n: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        var previous = AuditRecord.genesisHash
        for i in 1...n {
            var r = AuditRecord(sequence: Int64(i), at: Date(timeIntervalSince1970: Double(1_800_000_000 + i)), actorID: "a",
                                actorName: "管理员", address: "127.0.0.1", action: "organisation.update", entityType: "organisation",
                                entityID: "o\(i)", scope: "/w/", before: #"{"name":"旧"}"#, after: #"{"name":"新"}"#, previousHash: previous)
            r.hash = Self.digest(r.canonicalText)
            previous = r.hash
            records.append(r)
        }
        return records
    }

    @Test func anUntouchedChainHolds() {
        #expect(AuditChain.firstBreak(in: chain(5), hash: Self.digest) == nil)
    }

    @Test func anEditedEntryIsNamed() {
        var records = chain(5)
        records[2].after = #"{"name":"篡改"}"#
        #expect(AuditChain.firstBreak(in: records, hash: Self.digest) == .alteredEntry(sequence: 3))
    }

    @Test func anEditedAndRehashedEntryBreaksTheNextLink() {
        var records = chain(5)
        records[2].after = #"{"name":"篡改"}"#
        records[2].hash = Self.digest(records[2].canonicalText)
        #expect(AuditChain.firstBreak(in: records, hash: Self.digest) == .brokenLink(sequence: 4))
    }

    @Test func aRemovedEntryIsAGap() {
        var records = chain(5)
        records.remove(at: 1)
        #expect(AuditChain.firstBreak(in: records, hash: Self.digest) == .gap(after: 1, found: 3))
    }

    @Test func fieldsCannotForgeEachOther() {
        var a = chain(1)[0]
        var b = a
        a.actorName = "x\ny"
        b.actorName = "x"
        b.address = "y"
        #expect(a.canonicalText != b.canonicalText)
    }
}
