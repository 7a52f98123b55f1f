/// What an account may do, bound to one node of the tree and everything below it.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// 基层工会干部: one grassroots union.
    case unionCadre
    /// 镇街/园区/系统工会审核人: endorses or returns the applications under it.
    case subFederationReviewer
    /// 县级市总工会工作人员 (e.g. 组织部): campaigns, schemes, the tree, decisions.
    case federationStaff
    /// 总工会系统管理员: the staff's rights plus accounts and roles.
    case federationAdmin
    /// 地市总工会工作人员: five-star acceptance, spot checks, re-review, honours.
    case prefectureStaff
    /// 考核人员: inspects the units assigned to them.
    case inspector

    public var label: LocalizedText {
        switch self {
        case .unionCadre: Strings.Roles.unionCadre
        case .subFederationReviewer: Strings.Roles.subFederationReviewer
        case .federationStaff: Strings.Roles.federationStaff
        case .federationAdmin: Strings.Roles.federationAdmin
        case .prefectureStaff: Strings.Roles.prefectureStaff
        case .inspector: Strings.Roles.inspector
        }
    }

    /// The levels a role can be bound to: a cadre to a grassroots union, a reviewer to a
    /// sub-federation, staff and admins to a federation, prefecture staff to a prefecture.
    public var bindableLevels: Set<OrganisationLevel> {
        switch self {
        case .unionCadre: [.grassroots]
        case .subFederationReviewer: [.subFederation]
        case .federationStaff, .federationAdmin: [.county, .prefecture]
        case .prefectureStaff: [.prefecture]
        case .inspector: [.prefecture, .county, .subFederation, .grassroots]
        }
    }
}

/// Something a person can ask to do; the policy says who may, where.
public enum Action: String, Sendable, Codable, CaseIterable {
    case viewOrganisation
    case createOrganisation
    case editOrganisation
    case moveOrganisation
    case retireOrganisation
    case restoreOrganisation
    case importOrganisations
    case exportOrganisations
    case viewAccounts
    case manageAccounts
    case assignRoles
    case viewAudit
    /// 考核: record a visit and score a unit (only where assigned).
    case recordInspection
    /// Open a campaign on one's subtree, edit its timeline and tiers.
    case manageCampaigns
    /// See a campaign's progress and the applications under one's node.
    case viewCampaign
    /// Keep a closed step open for a named unit, with a reason (逾期补报).
    case reopenDeadline
    /// The union's own work: pre-apply, self-assess, upload evidence, record the congress
    /// decision, run the notice, answer objections, file the 申报登记表.
    case workOnApplication
    /// Read an application and its evidence.
    case viewApplication
    /// Send a filed application back with reasons.
    case returnApplication
    /// 审核盖章: a sub-federation endorses the applications of the unions under it.
    case endorseApplication
    /// Run the review of a unit: assign its inspectors, close its inspection, put the decision on
    /// the results notice and answer objections to it.
    case manageReview
    /// Decide the tier and name the unit (确定星级等次, 命名), at the level that accepts the tier.
    case decideTier
    /// 利益冲突声明: an inspector declares (and withdraws) a conflict with a unit in their reach, and
    /// stands aside from it.
    case declareConflict
    /// 抽查: draw, and record, a reproducible sample of the units decided at a tier the level above
    /// spot-checks (Yizheng: 扬州市总工会 checks some 三星级 units).
    case drawSpotCheck
    /// 会员评家: build a unit's members' survey, set its period, issue its one-time tokens and
    /// close it (the union's cadre, or the federation's staff over it).
    case runSurvey
}

/// One role held by an account at one node (its subtree), or everywhere (`scope == nil`, the
/// first administrator made on the command line).
public struct Grant: Sendable, Hashable, Codable {
    public var role: Role
    public var scope: TreePath?

    public init(role: Role, scope: TreePath?) {
        self.role = role
        self.scope = scope
    }

    public func covers(_ path: TreePath) -> Bool {
        scope.map { $0.contains(path) } ?? true
    }

    /// A grant held everywhere covers the top too; one bound to a node covers only its subtree.
    public func covers(_ place: Place) -> Bool {
        switch place {
        case .top: scope == nil
        case .node(let path): covers(path)
        }
    }
}
