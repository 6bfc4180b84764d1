// The host interface: how an embedder (the domain binding over SQLite, or a test) gives the
// language its tables, rows, references, relations and extra functions. The core knows
// nothing of SQLite or of the movement's domain; it only sees this.
//
// Rows are plain objects with their values in column order and a shared `RowSchema`, so a
// compiled pipeline stage can resolve `year` to a column index once per table, not per row.
// Writes (`insert`, `| update`, `| delete`, `transaction { }`, host functions such as
// `merge_units`) go through `HostWriter`: the host checks, applies and logs them; the core
// only says which rows (a plan, or ids) and which values.

import VietText

/// What a host provides to the language.
public protocol Host: AnyObject {
    /// The table called `name` (canonical or alias: "models", "mo_hinh"), or nil.
    func table(named name: String) -> TableSource?
    /// Every table name the host knows (canonical names and aliases), for completion and
    /// "did you mean".
    var tableNames: [String] { get }
    /// Answers a prefix of a pipeline's plan (Query/QueryPlan.swift) in one go, e.g. with one
    /// SQL statement: the value after `consumed` of the plan's steps, or nil to let the
    /// language run the whole pipeline in memory. `parameters` are the values of the
    /// variables the plan uses, in `plan.parameters` order.
    func answer(_ plan: QueryPlan, parameters: [Value]) throws -> QueryAnswer?
    /// What `answer` would do with `plan`, for `:explain`: its text, in `lang`.
    func explain(_ plan: QueryPlan, parameters: [Value?], lang: Lang) -> String
    /// Runs `body` (one evaluation: a REPL entry or a script) on one consistent state of the
    /// host's data.
    func snapshot<T>(_ body: () throws -> T) throws -> T
    /// Runs one evaluation (a REPL entry, a script) as one unit: `body` gives its result and
    /// whether it succeeded. The host keeps what a successful one changed and undoes all that
    /// a failed one did; every read inside sees one consistent state.
    func evaluation<T>(_ body: () throws -> (value: T, succeeded: Bool)) throws -> T
    /// How the language changes the host's data; nil when it cannot (every write is then an
    /// error saying so).
    var writer: HostWriter? { get }
    /// Functions the host adds to the language (`merge_units`), by name; nil for none.
    func function(named name: String) -> HostFunction?
    /// Every host function's name, for completion and "did you mean".
    var functionNames: [String] { get }
    /// Called once a program is compiled, before it runs: `writes` is true when its text
    /// writes (`insert`, `update`, `delete`, `transaction`, a host function that writes), so
    /// that a host can take its write lock before the first read (no lost update).
    func willRun(writes: Bool) throws
}

extension Host {
    public func snapshot<T>(_ body: () throws -> T) throws -> T { try body() }
    public func evaluation<T>(_ body: () throws -> (value: T, succeeded: Bool)) throws -> T {
        try snapshot { try body().value }
    }
    public var writer: HostWriter? { nil }
    public func function(named name: String) -> HostFunction? { nil }
    public var functionNames: [String] { [] }
    public func willRun(writes: Bool) throws {}
    public func answer(_ plan: QueryPlan, parameters: [Value]) throws -> QueryAnswer? { nil }
    public func explain(_ plan: QueryPlan, parameters: [Value?], lang: Lang) -> String { "" }
}

/// What a host answered: the pipeline's value after the first `consumed` steps.
public struct QueryAnswer {
    public let value: Value
    public let consumed: Int

    public init(value: Value, consumed: Int) {
        self.value = value
        self.consumed = consumed
    }
}

/// A table the language can read row by row.
public protocol TableSource: AnyObject {
    /// The canonical name ("models").
    var name: String { get }
    var schema: RowSchema { get }
    /// Every row in the table's natural order (by id).
    func rows() throws -> [Row]
    /// Every row in the same order, a batch at a time, for a loop or a built-in that reads
    /// each row once (`for m in models`, `max(models, m => m.year)`): a host may then keep only
    /// one batch in memory instead of the whole table.
    func forEachBatch(_ body: ([Row]) throws -> Void) throws
}

extension TableSource {
    public func forEachBatch(_ body: ([Row]) throws -> Void) throws { try body(try rows()) }
}

/// Finds rows for references (`m.unit`) and relations (`u.models`).
public protocol RowResolver: AnyObject {
    /// The row of `table` with this id, or nil when there is none.
    func row(table: String, id: Int64) throws -> Row?
    /// The rows of `childTable` whose `childColumn` holds `parentID`, by id.
    func children(childTable: String, childColumn: String, parentID: Int64) throws -> [Row]
    /// `row(table:id:)` reached from `source`'s reference `column`: a host may fetch the rows
    /// that `source`'s neighbours (the rows that came with it) point at in the same batch.
    func row(table: String, id: Int64, from source: Row, column: Int) throws -> Row?
    /// `children(...)` reached from `source`: a host may fetch its neighbours' children too.
    func children(childTable: String, childColumn: String, parentID: Int64, from source: Row) throws -> [Row]
    /// How many children `children(...)` would give (`len(u.models)`), without reading them.
    func childCount(childTable: String, childColumn: String, parentID: Int64, from source: Row) throws -> Int
}

extension RowResolver {
    public func row(table: String, id: Int64, from source: Row, column: Int) throws -> Row? {
        try row(table: table, id: id)
    }

    public func children(childTable: String, childColumn: String, parentID: Int64, from source: Row) throws -> [Row] {
        try children(childTable: childTable, childColumn: childColumn, parentID: parentID)
    }

    public func childCount(childTable: String, childColumn: String, parentID: Int64, from source: Row) throws -> Int {
        try children(childTable: childTable, childColumn: childColumn, parentID: parentID, from: source).count
    }
}

/// How a name on a row reaches another row or rows.
public enum Link: Sendable {
    /// A reference column at `column` holding the id of a row of `table` (`models.unit`).
    case reference(column: Int, table: String)
    /// The rows of `childTable` whose `childColumn` points at this row (`unit.models`).
    case relation(childTable: String, childColumn: String)
}

/// What a column holds, as far as the compiler checks it: comparing a number column with
/// text, or a coded column with a value outside its list, is an error before anything runs.
public enum ColumnKind: Sendable, Hashable {
    case integer
    case decimal
    case text
    case date
    case bool
    /// The id of a row of this table (the column's name reaches the row itself).
    case reference(String)
    /// Anything (a host that does not say).
    case any
}

/// The allowed values of a coded column (`status`, `kind`, `level`...), each with its labels
/// in every language ("recognized" → "Đã công nhận", "Recognized"). A label written where a
/// code is expected means that code.
public struct CodeList: Sendable {
    public let codes: [String]
    /// The labels of `codes[i]` at index i: Vietnamese first, then English (`label(of:_:)`).
    public let labels: [[String]]

    public init(codes: [String], labels: [[String]]) {
        self.codes = codes
        self.labels = labels
    }

    /// The label of `code` in `lang`: hosts list each code's labels Vietnamese first, then
    /// English (`[vi, en]`). A code without a label in `lang` (or not in the list) is shown
    /// as itself, never as nothing.
    public func label(of code: String, _ lang: Lang) -> String {
        guard let index = codes.firstIndex(of: code), index < labels.count else { return code }
        let position = lang == .vi ? 0 : 1
        return position < labels[index].count ? labels[index][position] : code
    }

    /// The code that `text` is or names (a code, or one of its labels, compared after
    /// canonical equivalence and case-folding), else nil.
    public func code(for text: String) -> String? {
        if codes.contains(text) { return text }
        let wanted = text.lowercased()
        for (index, names) in labels.enumerated() where names.contains(where: { $0.lowercased() == wanted }) {
            return codes[index]
        }
        if let index = codes.firstIndex(where: { $0.lowercased() == wanted }) { return codes[index] }
        return nil
    }
}

/// The shape of a table's rows, shared by every row of that table.
public final class RowSchema {
    public let table: String
    /// Canonical column names, in order.
    public let columns: [String]
    /// Every name of a column (canonical and alias) → its index in `Row.values`.
    public let columnIndex: [String: Int]
    /// Every name of a reference or relation (canonical and alias) → the link.
    /// A reference column's own name (`unit`) is a link: `m.unit` is the unit row, and
    /// `m.unit.id` its id.
    public let links: [String: Link]
    /// The column that names a row for people (`name`, `title`, `full_name`), shown when a
    /// row appears inside another value.
    public let displayColumn: Int?
    /// Follows references and relations; weak, because the host owns the schemas.
    public weak var resolver: RowResolver?
    /// What each column holds, in column order (`.any` when the host does not say).
    public let kinds: [ColumnKind]
    /// The code list of each coded column, by column index.
    public let codes: [Int: CodeList]
    /// Whether each column may hold null, in column order (all true when the host does not
    /// say). An `update` value is computed by the host only from columns that cannot be null
    /// (`title + " x"` on a null title is an error in the language, not a null).
    public let nullable: [Bool]

    public init(table: String, columns: [String], columnIndex: [String: Int],
                links: [String: Link], displayColumn: Int?, resolver: RowResolver?,
                kinds: [ColumnKind]? = nil, codes: [Int: CodeList] = [:], nullable: [Bool]? = nil) {
        self.table = table
        self.columns = columns
        self.columnIndex = columnIndex
        self.links = links
        self.displayColumn = displayColumn
        self.resolver = resolver
        self.kinds = kinds ?? Array(repeating: .any, count: columns.count)
        self.codes = codes
        self.nullable = nullable ?? Array(repeating: true, count: columns.count)
    }

    /// Every name a stage may use on these rows: columns, references and relations, with aliases.
    public var names: [String] { Array(columnIndex.keys) + Array(links.keys) }
}

/// One row of a host table.
public final class Row {
    public let schema: RowSchema
    /// Unchecked exclusivity as the containers' arrays (see `ValueList`): only whole reads
    /// and writes of computed values.
    @exclusivity(unchecked) public var values: [Value]

    public init(schema: RowSchema, values: [Value]) {
        self.schema = schema
        self.values = values
    }
}


// MARK: - Writes

/// A host error that says itself what went wrong, in each language (a write refused, the
/// database busy): the language shows its message as the error, not "the data could not be read".
public protocol HostMessageError: Error {
    func message(_ lang: Lang) -> String
}

/// Where a write comes from, for the host's change log: the source (`<repl 3>`, a script's
/// path), the line of the statement, and the statement as written.
public struct WriteSite: Sendable {
    public let source: String
    public let line: Int
    public let text: String

    public init(source: String, line: Int, text: String) {
        self.source = source
        self.line = line
        self.text = text
    }
}

/// `column = value` in `| update`: `value` is over the row being changed (its own columns,
/// literals, parameters, `+ - *`), so a host can compute it for every row at once.
public struct PlanAssignment {
    /// The column's canonical name.
    public let column: String
    public let value: PlanExpr

    public init(column: String, value: PlanExpr) {
        self.column = column
        self.value = value
    }
}

/// Which rows an `update` or `delete` changes, as a plan the host may answer whole.
public struct WriteSelection {
    /// Steps are `filter`, `sort`, `take`, `skip` only: the plan gives rows of `plan.table`.
    public let plan: QueryPlan
    /// The values of the plan's parameters.
    public let parameters: [Value]
    /// `| expect N` right before the write: the host must refuse (before changing anything)
    /// when the selection has another number of rows.
    public let expected: Int64?

    public init(plan: QueryPlan, parameters: [Value], expected: Int64?) {
        self.plan = plan
        self.parameters = parameters
        self.expected = expected
    }
}

/// What the language asks of a host that can change its data. Every method is all or
/// nothing: when it throws, nothing it did remains. Values are checked by the host against
/// its schema (types, required columns, code lists, references); a violation is an error
/// naming the row and the column. An error that is a `HostMessageError` is shown as it says
/// itself; any other after "the data could not be changed:".
///
/// The language has already checked what it can: column names are canonical, `id` is never
/// set, a label is replaced by its code, and a reference column is given an id (`.int`),
/// never a row.
public protocol HostWriter: AnyObject {
    /// Inserts one row per record (fields by column name, canonical or alias) and gives the
    /// new rows, in order.
    func insert(table: String, records: [[(name: String, value: Value)]], site: WriteSite) throws -> [Row]
    /// Updates, in one go, the rows `selection` gives; nil when the host cannot answer this
    /// selection or these assignments whole (the language then finds the rows and computes
    /// the values, and calls `update(table:columns:rows:site:)`). Gives the number of rows
    /// changed.
    func update(_ selection: WriteSelection, assignments: [PlanAssignment], site: WriteSite) throws -> Int?
    /// Sets `columns` (canonical names) of each row `id` to `values` (in `columns` order).
    func update(table: String, columns: [String], rows: [(id: Int64, values: [Value])], site: WriteSite) throws -> Int
    /// Deletes the rows `selection` gives; nil when the host cannot answer it whole. Rows
    /// that other rows refer to are refused unless `cascade` (then those go too).
    func delete(_ selection: WriteSelection, cascade: Bool, site: WriteSite) throws -> Int?
    /// Deletes the rows of `table` with these ids.
    func delete(table: String, ids: [Int64], cascade: Bool, site: WriteSite) throws -> Int
    /// Runs `body` as one unit: when it throws, every change it made is undone.
    func transaction<T>(_ body: () throws -> T) throws -> T
}

/// A function the host adds to the language, called with positional or labelled arguments
/// (`merge_units(from: 17, into: 12)`): labels are the parameter names, in order.
public struct HostFunction {
    public let name: String
    /// Parameter names, in order; a call may label its arguments with them.
    public let parameters: [String]
    /// How many leading parameters a call must give.
    public let required: Int
    /// True when the function changes data (the program then runs as a writing one).
    public let writes: Bool
    /// One line of help, in both languages.
    public let summary: Localized
    /// The body: arguments in parameter order, `.null` for one not given. `site` says where
    /// the call is, for the change log.
    public let call: (_ arguments: [Value], _ site: WriteSite) throws -> Value

    public init(name: String, parameters: [String], required: Int, writes: Bool, summary: Localized,
                call: @escaping (_ arguments: [Value], _ site: WriteSite) throws -> Value) {
        self.name = name
        self.parameters = parameters
        self.required = required
        self.writes = writes
        self.summary = summary
        self.call = call
    }
}
