// The host interface: how an embedder (the domain binding over SQLite, or a test) gives the
// language its tables, rows, references, relations and extra functions. The core knows
// nothing of SQLite or of the movement's domain; it only sees this.
//
// Rows are plain objects with their values in column order and a shared `RowSchema`, so a
// compiled pipeline stage can resolve `year` to a column index once per table, not per row.
// Later issues add writes (insert/update/delete inside a host transaction) and push-down of
// whole pipelines to SQL through `TableSource`; both fit behind this protocol.

/// What a host provides to the language.
public protocol Host: AnyObject {
    /// The table called `name` (canonical or alias: "models", "mo_hinh"), or nil.
    func table(named name: String) -> TableSource?
    /// Every table name the host knows (canonical names and aliases), for completion and
    /// "did you mean".
    var tableNames: [String] { get }
}

/// A table the language can read row by row.
public protocol TableSource: AnyObject {
    /// The canonical name ("models").
    var name: String { get }
    var schema: RowSchema { get }
    /// Every row in the table's natural order (by id).
    func rows() throws -> [Row]
}

/// Finds rows for references (`m.unit`) and relations (`u.models`).
public protocol RowResolver: AnyObject {
    /// The row of `table` with this id, or nil when there is none.
    func row(table: String, id: Int64) throws -> Row?
    /// The rows of `childTable` whose `childColumn` holds `parentID`, by id.
    func children(childTable: String, childColumn: String, parentID: Int64) throws -> [Row]
}

/// How a name on a row reaches another row or rows.
public enum Link: Sendable {
    /// A reference column at `column` holding the id of a row of `table` (`models.unit`).
    case reference(column: Int, table: String)
    /// The rows of `childTable` whose `childColumn` points at this row (`unit.models`).
    case relation(childTable: String, childColumn: String)
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

    public init(table: String, columns: [String], columnIndex: [String: Int],
                links: [String: Link], displayColumn: Int?, resolver: RowResolver?) {
        self.table = table
        self.columns = columns
        self.columnIndex = columnIndex
        self.links = links
        self.displayColumn = displayColumn
        self.resolver = resolver
    }
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
