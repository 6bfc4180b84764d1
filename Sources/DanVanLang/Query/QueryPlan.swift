// A pipeline over a host table as data the host can read: which table, which steps, which
// variables they use. The compiler builds it from the same name resolution that compiles the
// pipeline to closures (Planner.swift), so the plan and the in-memory stages cannot mean
// different things. A host answers as much of it as it can (one SQL statement, for the
// domain over SQLite) and the language runs the rest on what the host returned.
//
// Nothing here knows SQL: the plan names tables and columns as the host's schema does
// (canonical names, never aliases), and values as language values.
import VietText

/// One step from a row to the row a reference column points at (`unit` of a model).
public struct PlanHop: Sendable, Hashable {
    /// The reference column, on the table reached so far.
    public let column: String
    /// The table it points at.
    public let table: String
}

/// A column reached from the source table's row through zero or more references:
/// `year` is `[] year`, `field.code` is `[field→fields] code`.
public struct PlanColumn: Sendable, Hashable {
    public let hops: [PlanHop]
    /// The table that holds `column` (the source table when `hops` is empty).
    public let table: String
    /// The column's canonical name.
    public let column: String
    public let kind: ColumnKind
    /// The column's code list holds only codes, so it compares byte for byte.
    public let coded: Bool
}

/// An expression over the current row (or record, or group) that a host can compute itself.
public indirect enum PlanExpr {
    case column(PlanColumn)
    /// A constant written in the code.
    case literal(Value)
    /// The value of `QueryPlan.parameters[i]`, read when the pipeline runs.
    case parameter(Int)
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`; `==`/`!=` with `null` are `isNull`.
    case compare(BinaryOperator, PlanExpr, PlanExpr)
    /// `text ~ "words"`: every query word starts a word of the text, after folding.
    case matches(PlanExpr, PlanExpr)
    case and(PlanExpr, PlanExpr)
    case or(PlanExpr, PlanExpr)
    case not(PlanExpr)
    /// `contains(list, x)`: x is one of the list's values (SQL `IN`).
    case oneOf(PlanExpr, list: PlanExpr)
    /// `x == null` (or, negated, `x != null`).
    case isNull(PlanExpr, negated: Bool)
    /// `len(models)`: how many rows of `childTable` have `childColumn` pointing at the row
    /// reached through `hops`.
    case relationCount(hops: [PlanHop], table: String, childTable: String, childColumn: String)
    /// `count()`, `sum(e)`, `avg(e)`, `min(e)`, `max(e)` over a group's rows.
    case aggregate(String, PlanExpr?)
    /// `key` after `group by` with one key.
    case groupKey
    /// `key.name` after `group by` with several keys: the key at this index.
    case groupKeyField(Int)
    /// A field of the records an earlier `select` made.
    case field(String)
    /// `a + b`, `a - b`, `a * b` (in `| update` values): numbers of one kind, or `+` joining
    /// two texts; never null (a nullable operand is not planned).
    case arithmetic(BinaryOperator, PlanExpr, PlanExpr)
}

/// One `select` column (or one after `group by`).
public struct PlanField {
    public let name: String
    public let value: PlanExpr
    /// What the value is (a reference's kind makes the host give the row, not its id).
    public let kind: ColumnKind
    /// The column the field copies (`select unit.name`, a group's key), nil when computed:
    /// what the records the host makes carry in their `Shape.origins`.
    public let origin: ColumnOrigin?

    public init(name: String, value: PlanExpr, kind: ColumnKind, origin: ColumnOrigin? = nil) {
        self.name = name
        self.value = value
        self.kind = kind
        self.origin = origin
    }
}

public struct PlanSortKey {
    public let value: PlanExpr
    public let kind: ColumnKind
    public let descending: Bool
}

public enum PlanStep {
    case filter(PlanExpr)
    case sort([PlanSortKey])
    /// An integer literal or parameter.
    case take(PlanExpr)
    case skip(PlanExpr)
    case select([PlanField])
    /// `group by key, ... | select fields` (two stages): one key or several, each grouped by
    /// (text by its NFC form), groups in order of first appearance.
    case group(keys: [PlanExpr], fields: [PlanField])
    case count
    case first
    /// `distinct` on rows of a table: every row is already distinct (rows are equal by id).
    case distinctRows
    /// `| sum(m => m.score)`, `max(models, m => m.year)`: one value over the rows (`sum`,
    /// `avg`, `min`, `max`), nulls skipped.
    case aggregate(String, PlanExpr, kind: ColumnKind)
}

/// A step and the stages of the pipeline it stands for.
public struct PlanStage {
    public let step: PlanStep
    /// How many of the pipeline's stages this step is (2 for `group by` + `select`).
    public let stages: Int
    /// The stages as written, for `:explain`.
    public let text: String
}

/// A stage that runs in memory, and why.
public struct PlanLeftOver: Sendable {
    public let text: String
    public let reason: Localized
}

/// A pipeline over a host table, as far as it can be said without running code.
public struct QueryPlan {
    /// The source table's canonical name.
    public let table: String
    /// The steps a host may answer, in order; it may answer a prefix.
    public let steps: [PlanStage]
    /// The stages after `steps`, which always run in memory.
    public let leftOver: [PlanLeftOver]
    /// The variables the steps read (by name, for `:explain`), in `.parameter` order.
    public let parameters: [String]
    /// The pipeline as written.
    public let text: String
}

/// Why a stage stays in memory: named constants, one per reason, in both languages.
public enum PlanReasons {
    public static let notTranslatable = Localized(
        vi: "biểu thức không dịch được sang truy vấn của kho dữ liệu",
        en: "an expression the data store cannot compute")
    public static let afterInMemory = Localized(vi: "sau một bước chạy trong bộ nhớ", en: "after a step that runs in memory")
    public static let groupWithoutSelect = Localized(
        vi: "group by không có select ngay sau (cần các dòng của từng nhóm)",
        en: "group by without a select right after it (the groups' rows are needed)")
    public static let stageKind = Localized(vi: "loại bước này chạy trong bộ nhớ", en: "this kind of stage runs in memory")
    public static let sourceNotTable = Localized(
        vi: "nguồn của đường ống không phải là một bảng biết trước khi chạy",
        en: "the pipeline's source is not a table known before it runs")
}

extension PlanExpr {
    /// The kind of value the expression gives, as far as the plan knows.
    public var kind: ColumnKind {
        switch self {
        case .column(let column): return column.kind
        case .literal(let value):
            switch value {
            case .int: return .integer
            case .double: return .decimal
            case .text: return .text
            case .bool: return .bool
            case .date: return .date
            default: return .any
            }
        case .compare, .matches, .and, .or, .not, .isNull, .oneOf: return .bool
        case .relationCount: return .integer
        case .aggregate(let name, let argument):
            switch name {
            case "count": return .integer
            case "avg": return .decimal
            default: return argument?.kind ?? .any
            }
        case .arithmetic(_, let left, let right):
            if case .decimal = left.kind { return .decimal }
            if case .decimal = right.kind { return .decimal }
            return left.kind
        case .parameter, .groupKey, .groupKeyField, .field: return .any
        }
    }
}
