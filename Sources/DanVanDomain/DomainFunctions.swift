// Functions the domain adds to the language, and those other targets register on it (the
// report functions of DanVanReport, which this target cannot import). `merge_units(from: 17, into: 12)` (alias
// `gop_don_vi`) folds a duplicate unit into the one that stays: every row that refers to the
// duplicate (models, people, awards, memberships, sub-units, aliases…) is re-pointed, rows
// that would then repeat a row the kept unit already has (the same cluster in the same year,
// the same model partner, a succession from one to the other) are deleted, the duplicate's
// name is kept as an alias of the unit that stays, and the duplicate is deleted. Every step
// is logged, so one `:undo` reverts the whole merge.
import DanVanLang
import DanVanStore
import GRDB
import VietText

extension DomainHost {
    public func function(named name: String) -> HostFunction? {
        switch name {
        case "merge_units", "gop_don_vi": return mergeUnitsFunction(name)
        default: return registered[name]
        }
    }

    public var functionNames: [String] { ["merge_units", "gop_don_vi"] + registeredNames }

    /// Adds `functions` to the language of this host's sessions; a later function replaces
    /// an earlier one of the same name. The domain's own functions cannot be replaced.
    public func register(_ functions: [HostFunction]) {
        for function in functions where !["merge_units", "gop_don_vi"].contains(function.name) {
            if registered.updateValue(function, forKey: function.name) == nil { registeredNames.append(function.name) }
        }
    }

    private func mergeUnitsFunction(_ name: String) -> HostFunction {
        HostFunction(name: name, parameters: ["from", "into"], required: 2, writes: true,
                     summary: Localized(vi: "gộp đơn vị trùng vào đơn vị giữ lại: chuyển mọi dòng trỏ tới nó, giữ tên cũ làm tên gọi khác, rồi xóa nó",
                                        en: "merge a duplicate unit into the one kept: re-point every row that refers to it, keep its name as an alias, then delete it")) {
            [weak self] arguments, site in
            guard let self else { return .null }
            return try self.mergeUnits(arguments, site: site)
        }
    }

    static let mergeMessages = (
        notUnit: Localized(vi: "merge_units: {0} phải là một đơn vị hoặc mã số của đơn vị, không phải {1}",
                           en: "merge_units: {0} must be a unit or a unit's id, not {1}"),
        same: Localized(vi: "merge_units: from và into là cùng một đơn vị (#{0})", en: "merge_units: from and into are the same unit (#{0})")
    )

    private func unitID(_ value: Value, _ label: String) throws -> Int64 {
        switch value {
        case .int(let id): return id
        case .row(let row) where row.schema.table == "units":
            if case .int(let id)? = row.values.first { return id }
        default: break
        }
        throw MergeError(text: DomainHost.mergeMessages.notUnit, arguments: [label, value.description])
    }

    func mergeUnits(_ arguments: [Value], site hostSite: WriteSite) throws -> Value {
        let from = try unitID(arguments.first ?? .null, "from")
        let into = try unitID(arguments.count > 1 ? arguments[1] : .null, "into")
        if from == into { throw MergeError(text: DomainHost.mergeMessages.same, arguments: [String(from)]) }
        let writer = try changeWriter()
        let site = DomainHost.site(hostSite)
        guard let db = session.db else { throw NoEvaluation() }
        for id in [from, into] where try Int64.fetchOne(db, sql: "SELECT id FROM units WHERE id = ?", arguments: [id]) == nil {
            throw WriteError.missingRow(table: "units", id: id)
        }
        // Rows that would repeat one the kept unit has.
        let repeats = [
            ("cluster_members", "SELECT d.id FROM cluster_members AS d WHERE d.unit = ?1 AND EXISTS (SELECT 1 FROM cluster_members AS k WHERE k.unit = ?2 AND k.cluster = d.cluster AND k.year = d.year)"),
            ("model_partners", "SELECT d.id FROM model_partners AS d WHERE d.unit = ?1 AND EXISTS (SELECT 1 FROM model_partners AS k WHERE k.unit = ?2 AND k.model = d.model)"),
            ("unit_successions", "SELECT id FROM unit_successions WHERE (old_unit = ?1 AND new_unit = ?2) OR (old_unit = ?2 AND new_unit = ?1)"),
        ]
        for (table, sql) in repeats {
            let ids = try Int64.fetchAll(db, sql: sql, arguments: [from, into])
            if !ids.isEmpty { _ = try writer.delete(table: table, ids: ids, cascade: false, site: site) }
        }
        // The kept unit under the duplicate takes the duplicate's parent instead of itself.
        if try Int64.fetchOne(db, sql: "SELECT parent FROM units WHERE id = ?", arguments: [into]) == from {
            let parent = try DatabaseValue.fetchOne(db, sql: "SELECT parent FROM units WHERE id = ?", arguments: [from]) ?? .null
            _ = try writer.update(table: "units", columns: ["parent"], rows: [(into, [parent])], site: site)
        }
        for (child, column) in ChangeWriter.referrers(of: "units") {
            let name = column.name.quotedDatabaseIdentifier
            _ = try writer.update(table: child.name,
                                  selection: RowSelection(sql: "SELECT id FROM \(child.name.quotedDatabaseIdentifier) WHERE \(name) = ?1",
                                                          arguments: [from.databaseValue, into.databaseValue]),
                                  assignments: [(column.name, "?2")], expected: nil, site: site)
        }
        // The duplicate's name, as another name of the unit that stays.
        let oldName = try String.fetchOne(db, sql: "SELECT name FROM units WHERE id = ?", arguments: [from]) ?? ""
        let known = try String.fetchAll(db, sql: "SELECT name FROM units WHERE id = ?1 UNION ALL SELECT alias FROM unit_aliases WHERE unit = ?1",
                                        arguments: [into])
        if !oldName.isEmpty, !known.contains(where: { $0.nfc == oldName.nfc }) {
            _ = try writer.insert(table: "unit_aliases", rows: [[("unit", into.databaseValue), ("alias", oldName.nfc.databaseValue)]], site: site)
        }
        _ = try writer.delete(table: "units", ids: [from], cascade: false, site: site)
        try wrote()
        return try source("units")?.row(id: into).map(Value.row) ?? .null
    }
}

/// A merge that cannot mean what was asked, in the person's language.
struct MergeError: HostMessageError {
    let text: Localized
    let arguments: [String]

    func message(_ lang: Lang) -> String { text.format(lang, arguments) }
}
