// Names inside pipeline stages, resolved when the code is compiled. When a pipeline starts
// from a host table, the compiler knows the shape of every stage's items (rows of a schema,
// records with known fields, groups), so a bare name in a stage is decided before anything
// runs: a column (or its alias, reference or relation), else a variable, else an error with a
// did-you-mean — whatever the data. A name that is both a column and a variable in scope is
// an error too: it is never decided silently. `it.name` always means the column.
//
// Comparisons of a column with a literal are checked against the column's kind and code
// list; a code's label ("Đã công nhận") means the code ("recognized").
import VietText

/// What the items of a stage are, as far as the compiler knows.
indirect enum ItemShape {
    /// Rows of a host table.
    case rows(RowSchema)
    /// Records made by `select`, with these fields and where each came from.
    case records([String], origins: [ColumnOrigin?])
    /// Groups made by `group by` (`key`, `rows`) over items of this shape.
    case groups(ItemShape, key: GroupKeyShape)
    case unknown

    /// Whether items of this shape have the name; nil when the shape is not known.
    func has(_ name: String) -> Bool? {
        switch self {
        case .rows(let schema): return schema.columnIndex[name] != nil || schema.links[name] != nil
        case .records(let names, _): return names.contains(name)
        case .groups: return name == "key" || name == "rows"
        case .unknown: return nil
        }
    }

    /// The names a stage over these items may use, for did-you-mean.
    var names: [String] {
        switch self {
        case .rows(let schema): return schema.names
        case .records(let names, _): return names
        case .groups: return ["key", "rows"]
        case .unknown: return []
        }
    }

    var schema: RowSchema? {
        if case .rows(let schema) = self { return schema }
        return nil
    }
}

/// What the compiler knows of the `key` of groups.
struct GroupKeyShape {
    /// nil for a single key (`key` is its value); the field names of the `key` record when
    /// there are several keys.
    let names: [String]?
    /// The origin of the single key, or of each field of the key record.
    let origins: [ColumnOrigin?]

    static let unknown = GroupKeyShape(names: nil, origins: [nil])
}

/// Where a bare name in a stage goes, decided at compile time.
enum StageName {
    /// The item of `function.stages[index]` has it.
    case item(stage: Int)
    /// No stage's items have it (every shape is known).
    case none
    /// Some stage's items are of unknown shape: decided per row, as before.
    case dynamic
}

/// A bare name in a stage over items whose shape is known only when it runs.
struct DynamicStageName {
    /// The index of the stage (in the function's stages) whose items it names.
    let depth: Int
    let name: String
    let span: Span
    /// It is also a variable in scope: an error if the items turn out to have it.
    let isVariable: Bool
}

/// A column reached by a name or a dotted path, with what the compiler knows of it.
struct StaticColumn {
    let schema: RowSchema
    let index: Int
    /// The name as written (an alias, maybe), for messages.
    let written: String

    var kind: ColumnKind { index < schema.kinds.count ? schema.kinds[index] : .any }
    var codes: CodeList? { schema.codes[index] }
    var canonical: String { schema.columns[index] }
}

enum StageNameMessages {
    static let ambiguous = Localized(
        vi: "'{0}' vừa là cột '{1}' của bảng {2} vừa là một biến; viết it.{0} để lấy cột, hoặc đặt tên khác cho biến",
        en: "'{0}' is both the column '{1}' of {2} and a variable; write it.{0} for the column, or give the variable another name")
    static let ambiguousField = Localized(
        vi: "'{0}' vừa là một trường của bản ghi vừa là một biến; viết it.{0} để lấy trường, hoặc đặt tên khác cho biến",
        en: "'{0}' is both a field of the records and a variable; write it.{0} for the field, or give the variable another name")
    static let noColumn = RuntimeMessages.noColumn
    static let notNumber = Localized(
        vi: "cột '{0}' chứa số, không so sánh được với {1}; viết số không có dấu ngoặc kép",
        en: "the column '{0}' holds numbers and cannot be compared with {1}; write the number without quotes")
    static let notText = Localized(
        vi: "cột '{0}' chứa văn bản, không so sánh được với {1}; viết giá trị trong dấu ngoặc kép",
        en: "the column '{0}' holds text and cannot be compared with {1}; write the value in double quotes")
    static let notDate = Localized(
        vi: "cột '{0}' chứa ngày, không so sánh được với {1}; viết date(\"2024-10-15\")",
        en: "the column '{0}' holds dates and cannot be compared with {1}; write date(\"2024-10-15\")")
    /// The same for a value a variable holds, where the hint on how to write it does not fit.
    static let notNumberValue = Localized(
        vi: "cột '{0}' chứa số, không so sánh được với {1}", en: "the column '{0}' holds numbers and cannot be compared with {1}")
    static let notTextValue = Localized(
        vi: "cột '{0}' chứa văn bản, không so sánh được với {1}", en: "the column '{0}' holds text and cannot be compared with {1}")
    static let notDateValue = Localized(
        vi: "cột '{0}' chứa ngày, không so sánh được với {1}", en: "the column '{0}' holds dates and cannot be compared with {1}")
    static let notBool = Localized(
        vi: "cột '{0}' chứa true/false, không so sánh được với {1}",
        en: "the column '{0}' holds true/false and cannot be compared with {1}")
    static let reference = Localized(
        vi: "'{0}' là một dòng của bảng {1}, không so sánh được với {2}; viết {0}.id == ... hoặc {0}.name == ...",
        en: "'{0}' is a row of {1} and cannot be compared with {2}; write {0}.id == ... or {0}.name == ...")
    static let noKeyField = Localized(
        vi: "khóa của nhóm không có trường '{0}' (các trường của nó: {1})",
        en: "the group key has no field '{0}' (its fields: {1})")
    static let duplicateKey = Localized(
        vi: "hai khóa nhóm cùng tên '{0}'; hãy đặt tên khác cho một khóa: 'tên: biểu thức'",
        en: "two group keys are named '{0}'; give one of them another name: 'name: expression'")
    static let notACode = Localized(
        vi: "\"{0}\" không phải là một giá trị của cột '{1}' (các giá trị: {2})",
        en: "\"{0}\" is not a value of the column '{1}' (its values: {2})")
}

extension Compiler {
    /// The checks a stage over a table known only at run time makes once, before its first
    /// row: every bare name must be a column or a variable, and not both.
    static func checkStageNames(_ input: Value, _ names: [DynamicStageName]) throws {
        let shape: ItemShape
        switch input {
        case .table(let table): shape = .rows(table.schema)
        case .list(let list):
            switch list.items.first {
            case .row(let row)?: shape = .rows(row.schema)
            case .record(let record)?:
                shape = record.isGroup ? .groups(.unknown, key: .unknown) : .records(record.shape.names, origins: record.shape.origins)
            default: return
            }
        default: return
        }
        for entry in names {
            let has = shape.has(entry.name) ?? false
            if has && entry.isVariable {
                if case .rows(let schema) = shape {
                    let canonical = schema.columnIndex[entry.name].map { schema.columns[$0] } ?? entry.name
                    throw RuntimeError(StageNameMessages.ambiguous, [.plain(entry.name), .plain(canonical), .plain(schema.table)], at: entry.span)
                }
                throw RuntimeError(StageNameMessages.ambiguousField, [.plain(entry.name)], at: entry.span)
            }
            if !has && !entry.isVariable {
                if case .rows(let schema) = shape {
                    throw RuntimeError(Suggest.message(StageNameMessages.noColumn, [.plain(schema.table), .plain(entry.name)],
                                                       name: entry.name, candidates: schema.names), at: entry.span)
                }
                throw RuntimeError(Suggest.message(CompileMessages.unknownName, [.plain(entry.name)],
                                                   name: entry.name, candidates: shape.names), at: entry.span)
            }
        }
    }

    /// Where the bare `name` goes among the stages of the function being compiled.
    func stageName(_ name: String) -> StageName {
        for index in function.stages.indices.reversed() {
            switch function.stages[index].shape.has(name) {
            case true?: return .item(stage: index)
            case false?: continue
            case nil: return .dynamic
            }
        }
        // A function written inside a stage sees the stage's items dynamically, as before.
        var state = function.parent
        while let current = state {
            if !current.stages.isEmpty { return .dynamic }
            state = current.parent
        }
        return .none
    }

    /// A variable the user declared (a local outside the innermost stage, a captured variable,
    /// or a global `let`/`fn`): what a column must not hide silently.
    func isUserVariable(_ resolved: Resolved) -> Bool {
        switch resolved {
        case .local: return !isInsideStage(resolved)
        case .capture: return true
        case .global(let index):
            // Top-level code before a global's `let` does not see it as a variable yet; a
            // function may run later, so it does.
            guard function.isTopLevel, index < vm.globalNames.count, !vm.globalDefined[index],
                  let declared = globalDeclaredAt[vm.globalNames[index]] else { return true }
            return declared < statementStart
        case .builtin, .hostFunction, .table, .unknown: return false
        }
    }

    /// A bare name in a stage whose items' shape is known: the column read, a compile error,
    /// or nil when it is a variable after all.
    func staticStageLookup(_ name: String, resolved: Resolved, range: SourceRange, stage index: Int) -> Eval {
        let stage = function.stages[index]
        if isUserVariable(resolved) {
            switch stage.shape {
            case .rows(let schema):
                let canonical = schema.columnIndex[name].map { schema.columns[$0] } ?? name
                error(range, StageNameMessages.ambiguous, [.plain(name), .plain(canonical), .plain(schema.table)])
            default:
                error(range, StageNameMessages.ambiguousField, [.plain(name)])
            }
            return { _ in .null }
        }
        let reader = read(resolve(stage.hiddenName), name: stage.hiddenName, range: range)
        let cache = MemberCache(name: name)
        let at = span(range)
        return { frame in
            let item = try reader(&frame)
            if let value = try Access.member(item, cache, at: at, vm: frame.vm) { return value }
            throw Access.missing(item, name, at: at)
        }
    }

    /// The compile error for a name no stage item has and no variable is.
    func unknownStageName(_ name: String, range: SourceRange) {
        let shape = function.stages.last?.shape ?? .unknown
        let candidates = shape.names + visibleNames()
        if case .rows(let schema) = shape {
            error(range, Suggest.message(StageNameMessages.noColumn, [.plain(schema.table), .plain(name)],
                                         name: name, candidates: candidates))
        } else {
            error(range, Suggest.message(CompileMessages.unknownName, [.plain(name)], name: name, candidates: candidates))
        }
    }

    /// The schema of the rows `expr` gives, when the compiler knows it: `it` in a stage over
    /// rows, a reference column (`unit`), or a path of references (`unit.parent`).
    func staticSchema(of expr: Expr) -> RowSchema? {
        switch expr.kind {
        case .name(let name):
            if name == "it" {
                guard case .local = resolve("it"), let stage = function.stages.last else { return nil }
                return stage.shape.schema
            }
            guard case .item(let index) = stageName(name), !isUserVariable(resolve(name)),
                  let schema = function.stages[index].shape.schema else { return nil }
            return referencedSchema(schema, name)
        case .member(let base, let field, _):
            guard let schema = staticSchema(of: base) else { return nil }
            return referencedSchema(schema, field)
        default:
            return nil
        }
    }

    /// The schema of the table that `schema`'s reference `name` points at.
    func referencedSchema(_ schema: RowSchema, _ name: String) -> RowSchema? {
        guard case .reference(_, let table)? = schema.links[name] else { return nil }
        return vm.host?.table(named: table)?.schema
    }

    /// The column that `expr` reads, when the compiler knows it: a bare column name in a stage
    /// over rows, `it.column`, or a path through references (`field.code`).
    func staticColumn(of expr: Expr) -> StaticColumn? {
        switch expr.kind {
        case .name(let name):
            guard case .item(let index) = stageName(name), !isUserVariable(resolve(name)),
                  let schema = function.stages[index].shape.schema, let column = schema.columnIndex[name] else { return nil }
            return StaticColumn(schema: schema, index: column, written: name)
        case .member(let base, let field, _):
            guard let schema = staticSchema(of: base), let column = schema.columnIndex[field] else { return nil }
            return StaticColumn(schema: schema, index: column, written: field)
        default:
            return nil
        }
    }

    /// Checks `column OP literal` (either way round) and gives the expressions to compile: a
    /// code's label becomes the code. Reports errors only when `report`.
    func checkedComparison(_ op: BinaryOperator, _ left: Expr, _ right: Expr, report: Bool) -> (Expr, Expr) {
        guard op != .matches else { return (left, right) }
        if let column = staticColumn(of: left), let checked = checkedLiteral(right, against: column, report: report) {
            return (left, checked)
        }
        if let column = staticColumn(of: right), let checked = checkedLiteral(left, against: column, report: report) {
            return (checked, right)
        }
        return (left, right)
    }

    /// `contains([...], column)`: each literal of the list checked as `column == item` is (a
    /// label becomes its code; another kind or a value outside the code list is an error).
    func checkedContains(_ arguments: [Expr], report: Bool) -> [Expr] {
        guard arguments.count == 2, case .list(let items) = arguments[0].kind, staticColumn(of: arguments[1]) != nil else {
            return arguments
        }
        let checked = items.map { checkedComparison(.equal, arguments[1], $0, report: report).1 }
        return [Expr(kind: .list(checked), range: arguments[0].range), arguments[1]]
    }

    /// The value of a literal that comparisons check when compiled (a number, true/false, or
    /// text without interpolation), else nil.
    static func literalValue(_ expr: Expr) -> Value? {
        switch expr.kind {
        case .int(let number): return .int(number)
        case .decimal(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .text(let parts):
            guard parts.count <= 1 else { return nil }
            if case .text(let text)? = parts.first { return .text(text) }
            return parts.isEmpty ? .text("") : nil
        default: return nil
        }
    }

    /// `literal` as compared with `column`: itself, the code a label names, or (after an
    /// error) itself; nil when it is not a literal checked here.
    func checkedLiteral(_ literal: Expr, against column: StaticColumn, report: Bool) -> Expr? {
        guard let written = Compiler.literalValue(literal) else { return nil }
        switch Compiler.compared(written, with: column, literal: true) {
        case .value(.text(let code)):
            if case .text(let text) = written, text == code { return literal }
            return Expr(kind: .text([.text(code)]), range: literal.range)
        case .value:
            return literal
        case .problem(let message):
            if report { error(literal.range, message) }
            return literal
        }
    }

    /// What a value compared with a column means.
    enum Compared {
        /// The value to compare: itself, or the code its label names.
        case value(Value)
        /// Why it cannot mean anything there.
        case problem(Message)
    }

    /// One rule for a literal (checked when compiled) and for a variable's value (checked when
    /// the pipeline runs, the same in memory and before SQL binds it): a value of another kind,
    /// or text outside a code list, is a problem, never a quiet "no rows". `literal` adds how
    /// to write the value.
    static func compared(_ value: Value, with column: StaticColumn, literal: Bool) -> Compared {
        let name = MessageArg.plain(column.written)
        let shown: MessageArg
        if case .text(let text) = value { shown = .plain("\"" + text + "\"") } else { shown = .localized(value.typeName) }
        switch (column.kind, value) {
        case (_, .null), (.any, _), (.integer, .int), (.integer, .double), (.decimal, .int), (.decimal, .double),
             (.date, .date), (.bool, .bool), (.reference, .row):
            return .value(value)
        case (.text, .text(let text)):
            guard let codes = column.codes else { return .value(value) }
            if let code = codes.code(for: text) { return .value(.text(code)) }
            return .problem(Suggest.message(StageNameMessages.notACode,
                                            [.plain(text), name, .plain(codes.codes.joined(separator: ", "))],
                                            name: text, candidates: codes.codes + codes.labels.flatMap { $0 }))
        case (.integer, _), (.decimal, _):
            return .problem(Message(literal ? StageNameMessages.notNumber : StageNameMessages.notNumberValue, [name, shown]))
        case (.text, _):
            return .problem(Message(literal ? StageNameMessages.notText : StageNameMessages.notTextValue, [name, shown]))
        case (.date, _):
            return .problem(Message(literal ? StageNameMessages.notDate : StageNameMessages.notDateValue, [name, shown]))
        case (.bool, _):
            return .problem(Message(StageNameMessages.notBool, [name, shown]))
        case (.reference(let table), _):
            return .problem(Message(StageNameMessages.reference, [name, .plain(table), shown]))
        }
    }

    /// For `column OP expr` where `expr` is neither a literal (checked when compiled) nor a
    /// column: the check its value gets when the pipeline runs (`compared`).
    func runtimeOperandCheck(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> (columnOnLeft: Bool, check: (Value) throws -> Value)? {
        guard op != .matches else { return nil }
        let leftColumn = staticColumn(of: left), rightColumn = staticColumn(of: right)
        let (column, other, columnOnLeft): (StaticColumn, Expr, Bool)
        if let leftColumn, rightColumn == nil { (column, other, columnOnLeft) = (leftColumn, right, true) }
        else if let rightColumn, leftColumn == nil { (column, other, columnOnLeft) = (rightColumn, left, false) }
        else { return nil }
        if case .null = other.kind { return nil }
        if Compiler.literalValue(other) != nil { return nil }
        let at = span(other.range)
        let check: (Value) throws -> Value = { value in
            switch Compiler.compared(value, with: column, literal: false) {
            case .value(let checked): return checked
            case .problem(let message): throw RuntimeError(message, at: at)
            }
        }
        return (columnOnLeft, check)
    }
}
