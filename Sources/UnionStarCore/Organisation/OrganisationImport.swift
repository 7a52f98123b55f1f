/// Plans a CSV import against the tree as it stands: what to create, update or move, what is
/// already so, and every bad row with its line, column and reason. Nothing is written while any
/// row is bad; importing the same file twice changes nothing the second time.
public enum OrganisationImport {
    /// A node already in the tree, as the planner needs it.
    public struct ExistingNode: Sendable, Hashable {
        public var id: String
        public var parentID: String?
        public var path: TreePath
        /// Names from the root down to this node.
        public var namePath: [String]
        public var profile: OrganisationProfile
        public var retired: Bool

        public init(id: String, parentID: String?, path: TreePath, namePath: [String], profile: OrganisationProfile, retired: Bool = false) {
            self.id = id
            self.parentID = parentID
            self.path = path
            self.namePath = namePath
            self.profile = profile
            self.retired = retired
        }
    }

    /// Where a node goes: under a node that exists, under a node created by an earlier row, or at the top.
    public enum ParentReference: Sendable, Hashable {
        case existing(String)
        case row(Int)
        case root
    }

    public struct Create: Sendable, Hashable {
        public var line: Int
        public var parent: ParentReference
        public var profile: OrganisationProfile
    }

    public struct Update: Sendable, Hashable {
        public var line: Int
        public var id: String
        public var before: OrganisationProfile
        public var after: OrganisationProfile
        /// Set when the row puts the node under another parent.
        public var newParent: ParentReference?
    }

    public struct RowError: Sendable, Hashable {
        public var line: Int
        /// The column's header as the file has it (`名称`), or empty for the whole row.
        public var column: String
        public var reason: LocalizedText
    }

    public struct Plan: Sendable, Hashable {
        /// In an order where every parent comes before its children.
        public var creates: [Create] = []
        public var updates: [Update] = []
        public var unchanged: [Int] = []
        public var errors: [RowError] = []

        public var isClean: Bool { errors.isEmpty }
        public var changeCount: Int { creates.count + updates.count }
    }

    /// What a row turned out to be, for the rows under it.
    private enum Outcome {
        /// A new node; `anchor` is the path of the existing node its chain of new parents hangs from.
        case created(anchor: TreePath?)
        case existing(id: String, path: TreePath, moved: Bool)
    }

    /// - Parameters:
    ///   - existing: the nodes the importer may see, and their ancestors.
    ///   - takenCodes: credit codes held by nodes outside `existing` (refused without naming the holder).
    ///   - canWrite: whether the importer may change things under this node (`nil`: at the top).
    public static func plan(rows: [OrganisationCSV.Row], existing: [ExistingNode], takenCodes: Set<String> = [],
                            canWrite: (TreePath?) -> Bool) -> Plan {
        var plan = Plan()
        func fail(_ line: Int, _ column: OrganisationCSV.Column?, _ reason: LocalizedText) {
            plan.errors.append(RowError(line: line, column: column?.header ?? "", reason: reason))
        }

        var byNamePath: [String: ExistingNode] = [:]
        var byCode: [String: ExistingNode] = [:]
        for node in existing {
            if !node.retired { byNamePath[key(node.namePath)] = node }
            if let code = node.profile.creditCode { byCode[code] = node }
        }

        // First pass: read each row into a profile and its full name path.
        struct Parsed {
            var row: OrganisationCSV.Row
            var profile: OrganisationProfile
            var parentPath: [String]
        }
        var parsed: [Parsed] = []
        var rowPaths: [String: Int] = [:]
        var rowCodes: [String: Int] = [:]
        for row in rows {
            var rowFailed = false
            var failedColumns = Set<OrganisationCSV.Column>()
            let name = row[.name].trimmingCharacters(in: .whitespaces)
            if name.contains(OrganisationCSV.separator) {
                fail(row.line, .name, Strings.Import.Rows.nameHasSlash)
                rowFailed = true
            }
            let parentPath = row[.parent].split(separator: OrganisationCSV.separator)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard let level = OrganisationCSV.parseLevel(row[.level]) else {
                fail(row.line, .level, Strings.Import.Rows.levelNotRecognised(row[.level]))
                continue
            }
            var kind: UnionKind?
            if !row[.kind].isEmpty {
                kind = UnionKind(text: row[.kind])
                if kind == nil {
                    fail(row.line, .kind, Strings.Import.Rows.kindNotRecognised(row[.kind]))
                    rowFailed = true
                    failedColumns.insert(.kind)
                }
            }
            var counts: [OrganisationCSV.Column: Int] = [:]
            for column in [OrganisationCSV.Column.members, .employees] {
                switch OrganisationCSV.parseCount(row[column]) {
                case .some(let value): counts[column] = value ?? 0
                case .none:
                    fail(row.line, column, Strings.Import.Rows.notWholeNumber(row[column]))
                    rowFailed = true
                    failedColumns.insert(column)
                }
            }
            guard let companyForm = OrganisationCSV.parseBool(row[.companyForm]) else {
                fail(row.line, .companyForm, Strings.Import.Rows.notYesOrNo(row[.companyForm], yes: OrganisationCSV.yesWord, no: OrganisationCSV.noWord))
                continue
            }
            let draft = OrganisationProfile(
                name: name, level: level, kind: kind, creditCode: row[.creditCode],
                members: counts[.members] ?? 0, employees: counts[.employees] ?? 0,
                chair: row[.chair], phone: row[.phone], address: row[.address], companyForm: companyForm)
            let profile: OrganisationProfile
            switch draft.validated() {
            case .success(let p):
                profile = p
            case .failure(let errors):
                for field in errors.order {
                    let column = column(forField: field)
                    if let column, failedColumns.contains(column) { continue }
                    fail(row.line, column, errors[field]!)
                }
                continue
            }
            if rowFailed { continue }
            let fullKey = key(parentPath + [profile.name])
            if let other = rowPaths[fullKey] {
                fail(row.line, .name, Strings.Import.Rows.repeatsLine(other))
                continue
            }
            if let code = profile.creditCode, let other = rowCodes[code] {
                fail(row.line, .creditCode, Strings.Import.Rows.creditCodeRepeatsLine(other))
                continue
            }
            rowPaths[fullKey] = row.line
            if let code = profile.creditCode { rowCodes[code] = row.line }
            parsed.append(Parsed(row: row, profile: profile, parentPath: parentPath))
        }

        // Second pass, parents before children: match each row to the tree, resolve parents,
        // check levels, scope and cycles.
        let parsedByPath = Dictionary(uniqueKeysWithValues: parsed.map { (key($0.parentPath + [$0.profile.name]), $0) })
        var outcomes: [Int: Outcome] = [:]
        for item in parsed.sorted(by: { $0.parentPath.count < $1.parentPath.count || ($0.parentPath.count == $1.parentPath.count && $0.row.line < $1.row.line) }) {
            let line = item.row.line
            let profile = item.profile
            // The parent: none, a node in the tree, or a row of this file.
            var parent: ParentReference = .root
            var parentLevel: OrganisationLevel?
            var parentTreePath: TreePath?
            /// The existing node the new parent chain hangs from (for a parent created by a row).
            var anchor: TreePath?
            if !item.parentPath.isEmpty {
                let parentKey = key(item.parentPath)
                if let node = byNamePath[parentKey] {
                    parent = .existing(node.id)
                    parentLevel = node.profile.level
                    parentTreePath = node.path
                    anchor = node.path
                } else if let row = parsedByPath[parentKey] {
                    switch outcomes[row.row.line] {
                    case .created(let rowAnchor):
                        parent = .row(row.row.line)
                        anchor = rowAnchor
                    case .existing(let id, let path, false):
                        // The parent row renames a node that exists: hang under that node.
                        parent = .existing(id)
                        parentTreePath = path
                        anchor = path
                    case .existing(_, _, true):
                        fail(line, .parent, Strings.Import.Rows.parentMovesInFile(row.row.line))
                        continue
                    case nil:
                        fail(line, .parent, Strings.Import.Rows.parentHasErrors(row.row.line))
                        continue
                    }
                    parentLevel = row.profile.level
                } else {
                    fail(line, .parent, Strings.Import.Rows.parentNotFound(item.parentPath.joined(separator: "/")))
                    continue
                }
            }
            if let parentLevel {
                guard parentLevel.allowedChildren.contains(profile.level) else {
                    fail(line, .level, Strings.Organisations.Problems.levelNotUnder(profile.level.label, parentLevel.label))
                    continue
                }
            } else if !profile.level.canBeRoot {
                fail(line, .parent, Strings.Organisations.Problems.onlyPrefectureWithoutParent)
                continue
            }
            if let code = profile.creditCode, takenCodes.contains(code) {
                fail(line, .creditCode, Strings.Organisations.Problems.creditCodeTaken)
                continue
            }
            // The node this row describes, if it exists: by credit code, else by place and name.
            let match = profile.creditCode.flatMap { byCode[$0] } ?? byNamePath[key(item.parentPath + [profile.name])]
            if let node = match {
                if let code = profile.creditCode, let holder = byCode[code], holder.id != node.id {
                    fail(line, .creditCode, Strings.Import.Rows.creditCodeBelongsTo(holder.namePath.joined(separator: "/")))
                    continue
                }
                if node.profile.level != profile.level {
                    fail(line, .level, Strings.Import.Rows.levelCannotChange(node.profile.level.label))
                    continue
                }
                let moved = node.namePath.dropLast() != ArraySlice(item.parentPath)
                // Moving needs the right to add under the new place: under an existing node, that
                // node; under new rows, the existing node they hang from (checked on those rows too).
                let destinationWritable: Bool = switch parent {
                case .root: canWrite(nil)
                case .existing: canWrite(parentTreePath)
                case .row: anchor.map { canWrite($0) } ?? canWrite(nil)
                }
                guard canWrite(node.path), !moved || destinationWritable else {
                    fail(line, nil, Strings.Import.Rows.mayNotChange(node.namePath.joined(separator: "/")))
                    continue
                }
                if moved, let anchor, node.path.contains(anchor) {
                    fail(line, .parent, Strings.Import.Rows.cannotMoveUnderDescendant)
                    continue
                }
                if !moved && node.profile == profile && !node.retired {
                    plan.unchanged.append(line)
                } else {
                    plan.updates.append(Update(line: line, id: node.id, before: node.profile, after: profile, newParent: moved ? parent : nil))
                }
                outcomes[line] = .existing(id: node.id, path: node.path, moved: moved)
            } else {
                if let code = profile.creditCode, let holder = byCode[code] {
                    fail(line, .creditCode, Strings.Import.Rows.creditCodeBelongsTo(holder.namePath.joined(separator: "/")))
                    continue
                }
                let writable: Bool = switch parent {
                case .root: canWrite(nil)
                case .existing: canWrite(parentTreePath)
                case .row: true  // checked on the row that creates the parent
                }
                guard writable else {
                    fail(line, .parent, Strings.Import.Rows.mayNotAddUnder(item.parentPath.joined(separator: "/")))
                    continue
                }
                plan.creates.append(Create(line: line, parent: parent, profile: profile))
                outcomes[line] = .created(anchor: anchor)
            }
        }
        plan.errors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return plan
    }

    static func key(_ names: [String]) -> String { names.joined(separator: "\u{1F}") }

    static func column(forField field: String) -> OrganisationCSV.Column? {
        OrganisationCSV.Column(rawValue: field)
    }

    /// The rows of an export, parents before children, in the columns of `OrganisationCSV`.
    public static func exportRows(_ nodes: [ExistingNode]) -> [[OrganisationCSV.Column: String]] {
        nodes.filter { !$0.retired }.sorted { $0.namePath.lexicographicallyPrecedes($1.namePath) }.map { node in
            let p = node.profile
            return [
                .name: p.name, .parent: node.namePath.dropLast().joined(separator: "/"), .level: p.level.label.zh,
                .kind: p.kind?.label.zh ?? "", .creditCode: p.creditCode ?? "", .members: String(p.members),
                .employees: String(p.employees), .chair: p.chair, .phone: p.phone, .address: p.address,
                .companyForm: p.companyForm ? OrganisationCSV.yesWord : OrganisationCSV.noWord,
            ]
        }
    }
}
