// Turns a `QueryPlan` (DanVanLang/Query) into one SQLite statement: the longest prefix of the
// plan's steps that SQL computes with the same result as the in-memory stages. Filters become
// WHERE, references LEFT JOINs, relations' counts (NOT) EXISTS or counted subqueries, `sort`
// ORDER BY (text under the `vi` collation, nulls last, ties in the order the rows came),
// `take`/`skip` LIMIT/OFFSET, `select` the projection, `group by` + `select` GROUP BY with
// aggregates. Values are always bound parameters; table and column names come from the
// catalog only (they reach here through the plan, which the compiler built from the catalog's
// schemas).
//
// Semantics kept identical to memory: `==`/`!=` never see NULL as unknown (SQL `IS`/`IS NOT`);
// `not` counts an unknown as false before negating; text equality compares NFC forms
// (`dv_nfc`) except for coded columns; `~` is `dv_matches`, the same Swift function as in memory.
import DanVanLang
import DanVanStore
import GRDB
import VietText

/// What the statement gives back, to turn its rows into language values.
enum SQLResult {
    /// Whole rows of the source table.
    case rows
    /// Records with these fields.
    case records([PlanField])
    /// Records after `group by`: the key's kind, then the fields.
    case groups([PlanField])
    case count
    /// One aggregate value (`sum`, `avg`, `min`, `max` of a kind).
    case aggregate(String, ColumnKind)
}

/// One statement, ready to run.
struct SQLStatement {
    let sql: String
    let arguments: [DatabaseValue]
    let result: SQLResult
    /// `first`: one item or null, not a list.
    let single: Bool
    /// How many of the pipeline's stages it answers.
    let consumed: Int
    /// The steps it answers, as written (for `:explain`).
    let answered: [String]
    /// Why the step after `answered` (if any) is not in the statement.
    let stoppedBecause: Localized?
}

/// Why a step is left to memory although the language could plan it.
enum SQLReasons {
    static let afterLimit = Localized(vi: "đứng sau take/skip", en: "it comes after take/skip")
    static let afterSort = Localized(vi: "group by sau sort giữ thứ tự trong bộ nhớ", en: "group by after sort keeps its order in memory")
    static let afterRecords = Localized(vi: "làm trên các bản ghi đã chọn", en: "it works on records already selected")
    static let parameterType = Localized(
        vi: "giá trị của biến không cùng kiểu với cột", en: "a variable's value is not of the column's kind")
    static let notSQL = Localized(vi: "không có phép tương đương trong SQL", en: "no SQL equivalent")
}

/// A step the builder cannot put into the statement.
struct Decline: Error {
    let reason: Localized
}

struct SQLPlanBuilder {
    let plan: QueryPlan
    let parameters: [Value?]
    /// For `:explain`: a variable whose value is not known is bound as null, unchecked.
    let explaining: Bool
    var arguments: [DatabaseValue] = []
    /// LEFT JOINs by alias, in the order made (a join may use an earlier one's alias).
    private var joins: [(alias: String, clause: String)] = []
    private var aliases: [[PlanHop]: String] = [:]

    init(plan: QueryPlan, parameters: [Value?], explaining: Bool) {
        self.plan = plan
        self.parameters = parameters
        self.explaining = explaining
    }

    static let source = "t0"

    /// The statement for the longest prefix of the plan that SQL answers, or nil when it
    /// answers no step at all.
    static func build(_ plan: QueryPlan, parameters: [Value?], explaining: Bool = false, idsOnly: Bool = false) throws -> SQLStatement? {
        guard let table = Catalog.table(named: plan.table) else { return nil }
        var builder = SQLPlanBuilder(plan: plan, parameters: parameters, explaining: explaining)
        var wheres: [String] = []
        var order: [String] = ["\(source).id"]
        /// The sort keys alone (value, collation, direction), newest first, for the window.
        var sortKeys: [(value: String, collate: String, descending: Bool)] = []
        var sorted = false
        var limitValue: Int64?
        var offsetValue: Int64 = 0
        var projection: [(sql: String, field: PlanField)]?
        var fieldSQL: [String: String] = [:]
        var groupBy: String?
        var result = SQLResult.rows
        var single = false
        var counting = false
        var aggregate: (name: String, sql: String, kind: ColumnKind)?
        var consumed = 0
        var answered: [String] = []
        var stopped: Localized?

        steps: for stage in plan.steps {
            let saved = builder
            do {
                switch stage.step {
                case .filter(let condition):
                    if limitValue != nil || offsetValue != 0 { throw Decline(reason: SQLReasons.afterLimit) }
                    if projection != nil { throw Decline(reason: SQLReasons.afterRecords) }
                    wheres.append(try builder.condition(condition))
                case .sort(let keys):
                    if limitValue != nil || offsetValue != 0 { throw Decline(reason: SQLReasons.afterLimit) }
                    var terms: [String] = []
                    var newKeys: [(value: String, collate: String, descending: Bool)] = []
                    for key in keys {
                        let value = try builder.value(key.value, fields: fieldSQL)
                        let collate = key.kind == .text ? " COLLATE vi" : ""
                        terms.append("(\(value)) IS NULL")
                        terms.append("(\(value))\(collate)\(key.descending ? " DESC" : "")")
                        newKeys.append((value, collate, key.descending))
                    }
                    order = terms + order
                    sortKeys = newKeys + sortKeys
                    sorted = true
                case .take(let count):
                    let n = try builder.count(count)
                    limitValue = min(limitValue ?? n, n)
                case .skip(let count):
                    let n = try builder.count(count)
                    let (sum, overflow) = offsetValue.addingReportingOverflow(n)
                    if overflow { throw Decline(reason: SQLReasons.notSQL) }
                    offsetValue = sum
                    if let current = limitValue { limitValue = max(0, current - n) }
                case .select(let fields):
                    if projection != nil { throw Decline(reason: SQLReasons.notSQL) }
                    var list: [(String, PlanField)] = []
                    for field in fields {
                        let sql = try builder.value(field.value, fields: [:])
                        list.append((sql, field))
                        fieldSQL[field.name] = sql
                    }
                    projection = list
                    result = .records(fields)
                case .group(let keys, let fields):
                    if projection != nil { throw Decline(reason: SQLReasons.afterRecords) }
                    if limitValue != nil || offsetValue != 0 { throw Decline(reason: SQLReasons.afterLimit) }
                    if sorted { throw Decline(reason: SQLReasons.afterSort) }
                    var keySQL: [(grouped: String, shown: String)] = []
                    for key in keys { keySQL.append(try builder.groupKey(key)) }
                    var list: [(String, PlanField)] = []
                    for field in fields {
                        let sql = try builder.value(field.value, fields: [:], groupKeys: keySQL.map(\.shown))
                        list.append((sql, field))
                        fieldSQL[field.name] = sql
                    }
                    groupBy = keySQL.map(\.grouped).joined(separator: ", ")
                    projection = list
                    order = ["min(\(source).id)"]
                    result = .groups(fields)
                case .count:
                    counting = true
                case .first:
                    limitValue = min(limitValue ?? 1, 1)
                    single = true
                case .distinctRows:
                    if projection != nil { throw Decline(reason: SQLReasons.notSQL) }
                case .aggregate(let name, let value, let kind):
                    if projection != nil { throw Decline(reason: SQLReasons.notSQL) }
                    let inner = try builder.value(value, fields: fieldSQL)
                    aggregate = (name, inner, kind)
                    counting = true
                }
            } catch let decline as Decline {
                builder = saved
                stopped = decline.reason
                break steps
            }
            consumed += stage.stages
            answered.append(stage.text)
            if counting || single { break }
        }
        guard consumed > 0 else { return nil }
        var sql = ""
        let selectList: String
        if let aggregate {
            selectList = "\(aggregate.sql) AS dv_value"
        } else if counting {
            selectList = "1"
        } else if let projection {
            selectList = projection.map(\.sql).joined(separator: ", ")
        } else if idsOnly {
            selectList = "\(source).id"
        } else {
            selectList = DerivedSQL.rowColumns(table, alias: source)
        }
        let from = " FROM \(table.name.quotedDatabaseIdentifier) AS \(source)"
        let whereClause = wheres.isEmpty ? "" : " WHERE " + wheres.map { "(\($0))" }.joined(separator: " AND ")
        let plainCount = counting && aggregate == nil && groupBy == nil && limitValue == nil && offsetValue == 0
        let window = limitValue != nil || offsetValue != 0 ? " LIMIT \(limitValue ?? -1) OFFSET \(offsetValue)" : ""
        var core: String
        if plainCount {
            core = "SELECT count(*)" + from + builder.joins(for: whereClause) + whereClause
        } else if groupBy == nil, !counting, !window.isEmpty {
            // Late materialisation: the window of ids first, with only the joins its filters
            // and keys need; then the selected values (derived columns, joins) for those rows only.
            let ordering = " ORDER BY " + order.joined(separator: ", ")
            var inner = "SELECT \(source).id AS dv_id" + from + builder.joins(for: whereClause + ordering)
                + whereClause + ordering + window
            if !sortKeys.isEmpty {
                // Each key computed once a row (a model's score is a subquery): the keys are
                // materialised with the ids, then sorted.
                let keys = sortKeys.enumerated().map { "\($1.value) AS dv_k\($0)" }.joined(separator: ", ")
                let keyed = "SELECT \(source).id AS dv_id, \(keys)" + from
                    + builder.joins(for: whereClause + keys) + whereClause
                let keyOrder = sortKeys.enumerated().flatMap { position, key in
                    ["dv_k\(position) IS NULL", "dv_k\(position)\(key.collate)\(key.descending ? " DESC" : "")"]
                } + ["dv_id"]
                sql += "WITH dv_keys AS MATERIALIZED (\(keyed))\n"
                inner = "SELECT dv_id FROM dv_keys ORDER BY " + keyOrder.joined(separator: ", ") + window
            }
            core = "SELECT \(selectList) FROM (\(inner)) AS dv_window JOIN \(table.name.quotedDatabaseIdentifier) AS \(source)"
                + " ON \(source).id = dv_window.dv_id" + builder.joins(for: selectList + ordering) + ordering
        } else {
            core = "SELECT \(selectList)" + from + builder.joins(for: selectList + whereClause + order.joined() + (groupBy ?? ""))
            core += whereClause
            if let groupBy { core += " GROUP BY \(groupBy)" }
            core += " ORDER BY " + order.joined(separator: ", ") + window
        }
        if let aggregate, window.isEmpty, aggregate.name == "min" || aggregate.name == "max" {
            // Order does not change a minimum: straight over the rows, so an index can answer.
            let collate = aggregate.kind == .text ? " COLLATE vi" : ""
            sql += "SELECT \(aggregate.name)((\(aggregate.sql))\(collate))" + from
                + builder.joins(for: aggregate.sql + whereClause) + whereClause
        } else if let aggregate {
            // The value of every row kept (the window's, when there is one), then the aggregate;
            // in id order, as memory adds them (a sum of decimals depends on the order).
            let collate = aggregate.kind == .text ? " COLLATE vi" : ""
            let function: String
            switch aggregate.name {
            case "sum": function = "coalesce(sum(dv_value), 0)"
            case "avg": function = "avg(dv_value)"
            default: function = "\(aggregate.name)(dv_value\(collate))"
            }
            sql += "SELECT \(function) FROM (\(core))"
        } else if counting && !plainCount {
            sql += "SELECT count(*) FROM (\(core))"
        } else {
            sql += core
        }
        let answer: SQLResult = aggregate.map { .aggregate($0.name, $0.kind) } ?? (counting ? .count : result)
        return SQLStatement(sql: sql, arguments: builder.arguments, result: answer, single: single,
                            consumed: consumed, answered: answered, stoppedBecause: stopped)
    }

    /// The joins that `sql` uses, with the joins those depend on, in order.
    func joins(for sql: String) -> String {
        var needed = Set<String>()
        var text = sql
        // A join's ON clause may use an earlier join's alias: walk back from the last one.
        for (alias, clause) in joins.reversed() where SQLPlanBuilder.uses(text, alias) {
            needed.insert(alias)
            text += " " + clause
        }
        return joins.filter { needed.contains($0.alias) }.map { " " + $0.clause }.joined()
    }

    /// Whether `sql` reads a column of the table aliased `alias` (`t1."name"`, `t1.id`).
    static func uses(_ sql: String, _ alias: String) -> Bool {
        var search = sql[...]
        while let found = search.range(of: alias + ".") {
            if found.lowerBound == sql.startIndex { return true }
            let before = sql[sql.index(before: found.lowerBound)]
            if !(before.isLetter || before.isNumber || before == "_") { return true }
            search = sql[found.upperBound...]
        }
        return false
    }

    // MARK: expressions

    /// A numbered parameter (`?3`): the statement's text need not follow the order in which
    /// expressions were translated, and a repeated sort key reuses its values.
    private mutating func bind(_ value: DatabaseValue) -> String {
        arguments.append(value)
        return "?\(arguments.count)"
    }

    /// A take/skip count: a literal or an integer variable, not negative.
    private mutating func count(_ expr: PlanExpr) throws -> Int64 {
        let value: Value?
        switch expr {
        case .literal(let literal): value = literal
        case .parameter(let index): value = index < parameters.count ? parameters[index] : nil
        default: value = nil
        }
        if value == nil, explaining { return 0 }
        guard case .int(let n)? = value, n >= 0 else { throw Decline(reason: SQLReasons.parameterType) }
        return n
    }

    /// The alias of the row reached through `hops` (joined once per distinct path).
    private mutating func alias(_ hops: [PlanHop]) throws -> String {
        if hops.isEmpty { return SQLPlanBuilder.source }
        if let known = aliases[hops] { return known }
        let previous = try alias(Array(hops.dropLast()))
        let hop = hops[hops.count - 1]
        let owner = hops.count == 1 ? plan.table : hops[hops.count - 2].table
        let reference = try columnSQL(table: owner, column: hop.column, alias: previous)
        let name = "t\(aliases.count + 1)"
        aliases[hops] = name
        joins.append((name, "LEFT JOIN \(hop.table.quotedDatabaseIdentifier) AS \(name) ON \(name).id = \(reference)"))
        return name
    }

    private mutating func columnSQL(table: String, column: String, alias: String) throws -> String {
        if let derived = DerivedSQL.expression(table: table, column: column, alias: alias) { return derived }
        guard let catalog = Catalog.table(named: table), catalog.columns.contains(where: { $0.name == column }) else {
            throw Decline(reason: SQLReasons.notSQL)
        }
        return "\(alias).\(column.quotedDatabaseIdentifier)"
    }

    private mutating func column(_ column: PlanColumn) throws -> String {
        let owner = try alias(column.hops)
        return try columnSQL(table: column.table, column: column.column, alias: owner)
    }

    /// A value: a column, a literal, a variable, a count of related rows, an aggregate.
    mutating func value(_ expr: PlanExpr, fields: [String: String], groupKeys: [String] = []) throws -> String {
        switch expr {
        case .column(let planColumn):
            return try column(planColumn)
        case .literal(let literal):
            return bind(try SQLPlanBuilder.databaseValue(literal))
        case .parameter(let index):
            guard index < parameters.count, let value = parameters[index] else {
                if explaining { return bind(.null) }
                throw Decline(reason: SQLReasons.parameterType)
            }
            return bind(try SQLPlanBuilder.databaseValue(value))
        case .relationCount(let hops, _, let childTable, let childColumn):
            guard hops.isEmpty else { throw Decline(reason: SQLReasons.notSQL) }
            return "(SELECT count(*) FROM \(childTable.quotedDatabaseIdentifier) AS c WHERE c.\(childColumn.quotedDatabaseIdentifier) = \(SQLPlanBuilder.source).id)"
        case .aggregate(let name, let argument):
            guard let argument else { return "count(*)" }
            let inner = try value(argument, fields: fields)
            switch name {
            case "sum": return "coalesce(sum(\(inner)), 0)"
            case "avg": return "avg(\(inner))"
            case "min", "max":
                return argument.kind == .text ? "\(name)((\(inner)) COLLATE vi)" : "\(name)(\(inner))"
            default: throw Decline(reason: SQLReasons.notSQL)
            }
        case .groupKey:
            guard groupKeys.count == 1, let groupKey = groupKeys.first else { throw Decline(reason: SQLReasons.notSQL) }
            return groupKey
        case .groupKeyField(let index):
            guard groupKeys.count > 1, index >= 0, index < groupKeys.count else { throw Decline(reason: SQLReasons.notSQL) }
            return groupKeys[index]
        case .field(let name):
            guard let sql = fields[name] else { throw Decline(reason: SQLReasons.notSQL) }
            return sql
        case .compare, .matches, .and, .or, .not, .isNull, .oneOf:
            return try condition(expr)
        case .arithmetic(let op, let left, let right):
            let a = try value(left, fields: fields), b = try value(right, fields: fields)
            switch (op, expr.kind) {
            // Two NFC texts joined may not be NFC (a combining mark after the join).
            case (.add, .text): return "dv_nfc(\(a) || \(b))"
            case (.add, .integer), (.add, .decimal): return "(\(a) + \(b))"
            case (.subtract, .integer), (.subtract, .decimal): return "(\(a) - \(b))"
            case (.multiply, .integer), (.multiply, .decimal): return "(\(a) * \(b))"
            default: throw Decline(reason: SQLReasons.notSQL)
            }
        }
    }

    /// The group key: what to group by (text by its NFC form) and what to show.
    private mutating func groupKey(_ key: PlanExpr) throws -> (grouped: String, shown: String) {
        let sql = try value(key, fields: [:])
        if case .text = key.kind, !isCoded(key) {
            let normalised = "dv_nfc(\(sql))"
            return (normalised, normalised)
        }
        return (sql, sql)
    }

    /// A text value written in ASCII (`code == "X14"`): a stored text equals it after NFC
    /// exactly when its bytes do (no ASCII letter decomposes, and the only non-ASCII text whose
    /// NFC is ASCII uses look-alikes such as the Kelvin sign, which imports normalise away), so
    /// the comparison needs no `dv_nfc` and can use the column's index.
    private func isASCII(_ expr: PlanExpr) -> Bool {
        let value: Value?
        switch expr {
        case .literal(let literal): value = literal
        case .parameter(let index): value = index < parameters.count ? parameters[index] : nil
        default: return false
        }
        guard let value, case .text = value else { return false }
        return SQLPlanBuilder.isASCII(value)
    }

    /// Text written in ASCII only (anything else is not text, and counts as ASCII).
    static func isASCII(_ value: Value) -> Bool {
        guard case .text(let text) = value else { return true }
        return text.utf8.allSatisfy { $0 < 0x80 }
    }

    private func isCoded(_ expr: PlanExpr) -> Bool {
        if case .column(let column) = expr { return column.coded }
        return false
    }

    /// A condition; true, false or (only where it cannot change the answer) unknown.
    mutating func condition(_ expr: PlanExpr) throws -> String {
        switch expr {
        case .and(let left, let right):
            return "(\(try condition(left))) AND (\(try condition(right)))"
        case .or(let left, let right):
            return "(\(try condition(left))) OR (\(try condition(right)))"
        case .not(let operand):
            // Memory counts a comparison with null as false, and `not` of it as true.
            return "NOT coalesce((\(try condition(operand))), 0)"
        case .isNull(let operand, let negated):
            if case .relationCount = operand { throw Decline(reason: SQLReasons.notSQL) }
            return "(\(try value(operand, fields: [:]))) IS \(negated ? "NOT " : "")NULL"
        case .matches(let text, let query):
            guard text.kind == .text || text.kind == .any, try literalKind(query) == .text else {
                throw Decline(reason: SQLReasons.parameterType)
            }
            if case .parameter = text { throw Decline(reason: SQLReasons.notSQL) }
            if case .column(let column) = text, !column.hops.isEmpty {
                let querySQL = try value(query, fields: [:])
                return try semiJoin(column) { "dv_matches(\($0), \(querySQL))" }
            }
            return "dv_matches(\(try value(text, fields: [:])), \(try value(query, fields: [:])))"
        case .compare(let op, let left, let right):
            return try comparison(op, left, right)
        case .oneOf(let value, let list):
            return try oneOf(value, list)
        case .column(let column) where column.kind == .bool:
            return "(\(try value(expr, fields: [:]))) IS 1"
        case .literal(.bool(let flag)):
            return flag ? "1" : "0"
        default:
            throw Decline(reason: SQLReasons.notSQL)
        }
    }

    /// `contains(list, column)` as `column IN (...)`: only when every item is a non-null value
    /// of the column's kind, so that SQL's `IN` and the list's `==` agree; text compares after
    /// NFC, as `==` does.
    private mutating func oneOf(_ value: PlanExpr, _ list: PlanExpr) throws -> String {
        let items: [Value]
        switch list {
        case .literal(.list(let literal)): items = literal.items
        case .parameter(let index):
            guard index < parameters.count, case .list(let listValue)? = parameters[index] else {
                throw Decline(reason: SQLReasons.parameterType)
            }
            items = listValue.items
        default: throw Decline(reason: SQLReasons.notSQL)
        }
        if items.isEmpty { return "0" }
        var kinds: [ColumnKind] = []
        for item in items {
            guard let kind = try literalKind(.literal(item)) else { throw Decline(reason: SQLReasons.parameterType) }
            kinds.append(kind)
        }
        guard kinds.allSatisfy({ SQLPlanBuilder.commonKind($0, value.kind) != nil }) else {
            throw Decline(reason: SQLReasons.parameterType)
        }
        let ascii = items.allSatisfy(SQLPlanBuilder.isASCII)
        var column = try self.value(value, fields: [:])
        if value.kind == .text, !isCoded(value), !ascii { column = "dv_nfc(\(column))" }
        let marks = try items.map { bind(try SQLPlanBuilder.databaseValue($0)) }
        return "(\(column)) IN (\(marks.joined(separator: ", ")))"
    }

    /// The kind of a literal or a parameter's value.
    private func literalKind(_ expr: PlanExpr) throws -> ColumnKind? {
        let value: Value?
        switch expr {
        case .literal(let literal): value = literal
        case .parameter(let index):
            value = index < parameters.count ? parameters[index] : nil
            if value == nil, explaining { return .any }
        default: return expr.kind
        }
        switch value {
        case .int?: return .integer
        case .double?: return .decimal
        case .text?: return .text
        case .bool?: return .bool
        case .date?: return .date
        case .null?: return nil
        default: throw Decline(reason: SQLReasons.parameterType)
        }
    }

    private mutating func comparison(_ op: BinaryOperator, _ left: PlanExpr, _ right: PlanExpr) throws -> String {
        // `len(models) == 0` and `> 0`: EXISTS, which stops at the first related row.
        if case .relationCount(let hops, _, let childTable, let childColumn) = left, hops.isEmpty,
           case .literal(.int(0)) = right, op == .equal || op == .notEqual || op == .greater {
            let exists = "EXISTS (SELECT 1 FROM \(childTable.quotedDatabaseIdentifier) AS c WHERE c.\(childColumn.quotedDatabaseIdentifier) = \(SQLPlanBuilder.source).id)"
            return op == .equal ? "NOT " + exists : exists
        }
        let leftKind = try literalKind(left), rightKind = try literalKind(right)
        // Both sides must be of kinds that memory compares the same way SQL does.
        guard let kind = SQLPlanBuilder.commonKind(leftKind, rightKind) else {
            if leftKind == nil || rightKind == nil, op == .equal || op == .notEqual {
                // `x == null` written through a variable that holds null.
                let other = leftKind == nil ? right : left
                return "(\(try value(other, fields: [:]))) IS \(op == .notEqual ? "NOT " : "")NULL"
            }
            throw Decline(reason: SQLReasons.parameterType)
        }
        let sqlOperator: String? = [.equal: "=", .less: "<", .lessEqual: "<=", .greater: ">", .greaterEqual: ">="][op]
        if let sqlOperator, let (column, other, columnOnLeft) = SQLPlanBuilder.throughReference(left, right),
           try literalKind(other) != nil {
            // A filter on a referenced row (`field.code == "KT"`) as a semi-join: the few
            // matching rows of the small table first, then the big one through its index.
            // Null references give false, as in memory (`!=` and null tests keep the join).
            let otherSQL = try value(other, fields: [:])
            let collate = kind == .text && op != .equal ? " COLLATE vi" : ""
            let plain = column.coded || (op == .equal && isASCII(other))
            return try semiJoin(column) { columnSQL in
                let target = kind == .text && !plain ? "dv_nfc(\(columnSQL))" : columnSQL
                return columnOnLeft ? "(\(target)) \(sqlOperator) (\(otherSQL))\(collate)"
                                    : "(\(otherSQL)) \(sqlOperator) (\(target))\(collate)"
            }
        }
        var l = try value(left, fields: [:]), r = try value(right, fields: [:])
        if kind == .text, !(isCoded(left) || isCoded(right)), !(op == .equal && (isASCII(left) || isASCII(right))) {
            if case .column = left { l = "dv_nfc(\(l))" }
            if case .column = right { r = "dv_nfc(\(r))" }
        }
        let collate = kind == .text ? " COLLATE vi" : ""
        switch op {
        case .equal: return "(\(l)) IS (\(r))"
        case .notEqual: return "(\(l)) IS NOT (\(r))"
        case .less: return "(\(l)) < (\(r))\(collate)"
        case .lessEqual: return "(\(l)) <= (\(r))\(collate)"
        case .greater: return "(\(l)) > (\(r))\(collate)"
        case .greaterEqual: return "(\(l)) >= (\(r))\(collate)"
        default: throw Decline(reason: SQLReasons.notSQL)
        }
    }

    /// `column OP other` where the column is reached through references and `other` is a
    /// value (a literal or a variable): the column, the value, and which side the column is.
    static func throughReference(_ left: PlanExpr, _ right: PlanExpr) -> (PlanColumn, PlanExpr, Bool)? {
        func isValue(_ expr: PlanExpr) -> Bool {
            switch expr {
            case .literal, .parameter: return true
            default: return false
            }
        }
        if case .column(let column) = left, !column.hops.isEmpty, isValue(right) { return (column, right, true) }
        if case .column(let column) = right, !column.hops.isEmpty, isValue(left) { return (column, left, false) }
        return nil
    }

    private var semiJoins = 0

    /// `t0.ref IN (SELECT id FROM target AS s1 WHERE ...)`, one level per reference followed,
    /// with `condition` on the last table's column.
    private mutating func semiJoin(_ column: PlanColumn, _ condition: (String) throws -> String) throws -> String {
        let aliases = column.hops.map { _ in
            semiJoins += 1
            return "s\(semiJoins)"
        }
        guard let last = aliases.last else { throw Decline(reason: SQLReasons.notSQL) }
        let lastTable = column.hops[column.hops.count - 1].table
        var sql = "SELECT \(last).id FROM \(lastTable.quotedDatabaseIdentifier) AS \(last) WHERE "
            + (try condition(try columnSQL(table: column.table, column: column.column, alias: last)))
        var level = column.hops.count - 1
        while level > 0 {
            let alias = aliases[level - 1], table = column.hops[level - 1].table
            let reference = try columnSQL(table: table, column: column.hops[level].column, alias: alias)
            sql = "SELECT \(alias).id FROM \(table.quotedDatabaseIdentifier) AS \(alias) WHERE \(reference) IN (\(sql))"
            level -= 1
        }
        let first = try columnSQL(table: plan.table, column: column.hops[0].column, alias: SQLPlanBuilder.source)
        return "\(first) IN (\(sql))"
    }

    /// The kind both sides share when memory and SQL compare them alike; nil otherwise.
    static func commonKind(_ a: ColumnKind?, _ b: ColumnKind?) -> ColumnKind? {
        guard let a, let b else { return nil }
        switch (a, b) {
        case (.any, let known), (let known, .any): return known == .any ? nil : known
        case (.integer, .integer), (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal): return .decimal
        case (.text, .text): return .text
        case (.date, .date): return .date
        case (.bool, .bool): return .bool
        default: return nil
        }
    }

    static func databaseValue(_ value: Value) throws -> DatabaseValue {
        switch value {
        case .null: return .null
        case .int(let number): return number.databaseValue
        case .double(let number):
            guard number.isFinite else { throw Decline(reason: SQLReasons.parameterType) }
            return number.databaseValue
        case .bool(let flag): return (flag ? 1 : 0).databaseValue
        case .text(let text): return text.nfc.databaseValue
        case .date(let date): return date.description.databaseValue
        default: throw Decline(reason: SQLReasons.parameterType)
        }
    }
}
