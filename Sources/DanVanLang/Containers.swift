// The reference types behind lists, records and functions.
//
// A record keeps its field names in a shared `Shape` (names in insertion order plus an index),
// the way a host row keeps its `RowSchema`: a compiled field access caches "shape → index"
// and every record made by the same literal or `select` shares one shape, so the cache hits.

/// A list, shared by reference. `items` is an ordinary Swift array held by one object only,
/// so appending in place never copies it.
///
/// The containers' stored arrays are `@exclusivity(unchecked)`: every access is a whole read
/// or a write of an already computed value (no user code runs while one is being modified),
/// so the runtime exclusivity check, a call per item read in a loop, proves nothing here.
public final class ValueList {
    @exclusivity(unchecked) public var items: [Value]

    public init(_ items: [Value] = []) { self.items = items }
}

/// Where a record's field came from: a column of a host table, reached from `table`'s row
/// through `path` (canonical names: references, then the column). `units | select
/// parent.name` gives the field "parent.name" the origin `units` ["parent", "name"]; `models
/// | group by year` gives `key` the origin `models` ["year"]. An embedder reads it to label a
/// heading with the column's own label, or to know that a number is a year, an id or a code.
public struct ColumnOrigin: Sendable, Hashable {
    /// The canonical name of the table whose rows the path starts from.
    public let table: String
    /// The references followed (canonical names), then the column; never empty.
    public let path: [String]
    /// The column's name is a heading the user wrote as text (`"Năm": key`): shown as written,
    /// while the origin still says what its values are (a year is never "2.024").
    public var isHeading: Bool

    public init(table: String, path: [String], isHeading: Bool = false) {
        self.table = table
        self.path = path
        self.isHeading = isHeading
    }

    /// This origin, marked as carrying a heading when `heading` is true.
    public func heading(_ heading: Bool) -> ColumnOrigin {
        ColumnOrigin(table: table, path: path, isHeading: heading)
    }
}

/// The field names of records, shared by every record of that shape.
public final class Shape {
    public let names: [String]
    /// One per name: the column a field was copied from (`select unit.name`, a group's key),
    /// or nil for a computed one (`count()`, `a + b`, a record written in the code).
    public let origins: [ColumnOrigin?]
    let index: [String: Int]
    /// True for the `{key, rows}` records `group by` makes, which code may not change.
    let isGroup: Bool
    /// The shape with one more field, cached so `r.x = 1` on many records makes one shape.
    @exclusivity(unchecked) private var transitions: [String: Shape] = [:]

    /// A shape whose fields have no known origin.
    public convenience init(names: [String]) {
        self.init(names: names, origins: [])
    }

    /// A shape with the origin of each field (missing ones are nil, extra ones dropped).
    public convenience init(names: [String], origins: [ColumnOrigin?]) {
        self.init(names: names, origins: origins, isGroup: false)
    }

    init(names: [String], origins: [ColumnOrigin?], isGroup: Bool) {
        self.names = names
        var origins = Array(origins.prefix(names.count))
        while origins.count < names.count { origins.append(nil) }
        self.origins = origins
        self.isGroup = isGroup
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }

    func adding(_ name: String) -> Shape {
        if let next = transitions[name] { return next }
        let next = Shape(names: names + [name], origins: origins + [nil], isGroup: false)
        transitions[name] = next
        return next
    }

    /// The origin of the field `name`, nil when it is computed or absent.
    public func origin(of name: String) -> ColumnOrigin? {
        index[name].flatMap { origins[$0] }
    }

    /// The shape of the groups that `group by` makes: `{key, rows}`, the key's origin unknown.
    nonisolated(unsafe) static let group = Shape(names: ["key", "rows"], origins: [], isGroup: true)

    /// The shape of groups whose key (a single key) comes from `origin`.
    static func group(keyOrigin origin: ColumnOrigin?) -> Shape {
        guard let origin else { return group }
        return Shape(names: ["key", "rows"], origins: [origin, nil], isGroup: true)
    }
}

/// A record: values in the order of its shape's names.
public final class Record {
    @exclusivity(unchecked) public private(set) var shape: Shape
    /// One value per name of the shape, always.
    @exclusivity(unchecked) public internal(set) var values: [Value]

    /// A record of this shape; missing values are null and extra ones are dropped, so that
    /// names and values always correspond.
    public init(shape: Shape, values: [Value]) {
        self.shape = shape
        var values = values
        if values.count > shape.names.count { values.removeLast(values.count - shape.names.count) }
        while values.count < shape.names.count { values.append(.null) }
        self.values = values
    }

    /// For records the compiler builds, whose values match the shape by construction.
    init(matching shape: Shape, values: [Value]) {
        self.shape = shape
        self.values = values
    }

    /// A record with these fields in this order (later duplicates replace earlier ones).
    public convenience init(fields: [(String, Value)]) {
        var names: [String] = []
        var values: [Value] = []
        var seen: [String: Int] = [:]
        for (name, value) in fields {
            if let position = seen[name] { values[position] = value; continue }
            seen[name] = names.count
            names.append(name)
            values.append(value)
        }
        self.init(shape: Shape(names: names), values: values)
    }

    public var fields: [(name: String, value: Value)] {
        Array(zip(shape.names, values))
    }

    public subscript(name: String) -> Value? {
        shape.index[name].map { values[$0] }
    }

    /// Sets a field, adding it at the end when new.
    func set(_ name: String, _ value: Value) {
        if let position = shape.index[name] {
            values[position] = value
        } else {
            shape = shape.adding(name)
            values.append(value)
        }
    }

    var isGroup: Bool { shape.isGroup }
}

/// A variable captured by a closure, shared between the frame that declared it and every
/// closure that uses it.
final class Cell {
    @exclusivity(unchecked) var value: Value
    init(_ value: Value) { self.value = value }
}

/// A function value: a compiled script function with its captured variables, or a built-in.
public final class Function {
    /// The name shown in call traces and messages ("" for an anonymous function).
    public let name: String
    let proto: Proto?
    let captures: ContiguousArray<Cell>
    let builtin: Builtin?
    // Copied from the proto so that a call reads them from the function it already holds.
    let isScript: Bool
    let arityCount: Int
    let frameSize: Int
    let cellCount: Int
    let body: Exec

    init(proto: Proto, captures: ContiguousArray<Cell>) {
        self.name = proto.name
        self.proto = proto
        self.captures = captures
        self.builtin = nil
        self.isScript = true
        self.arityCount = proto.arity
        self.frameSize = proto.frameSize
        self.cellCount = proto.cellCount
        self.body = proto.body
    }

    init(builtin: Builtin) {
        self.name = builtin.name
        self.proto = nil
        self.captures = []
        self.builtin = builtin
        self.isScript = false
        self.arityCount = 0
        self.frameSize = 0
        self.cellCount = 0
        self.body = { _ in .normal }
    }

    /// How many arguments it takes, for messages and completion.
    public var arity: ClosedRange<Int> {
        if let proto { return proto.arity...proto.arity }
        if let builtin { return builtin.arity }
        return 0...0
    }
}

/// A compiled function: what `fn` and `=>` produce once, shared by every closure made from it.
final class Proto {
    let name: String
    let arity: Int
    /// Stack slots one call needs (parameters first, then locals).
    var frameSize: Int = 0
    /// How many of its locals live in cells because a closure captures them.
    var cellCount: Int = 0
    /// Parameters that live in cells: (parameter slot, cell index), moved at entry.
    var boxedParameters: [(slot: Int, cell: Int)] = []
    @exclusivity(unchecked) var body: Exec = { _ in .normal }
    let span: Span
    /// True when its body writes itself (`insert`, `update`, `delete`, `transaction`, a host
    /// function that writes); with the globals it reads and the functions written inside it,
    /// what `VM.mayWrite` follows to tell whether a call may write.
    var writes = false
    var globalsRead: [Int] = []
    var nested: [Proto] = []

    init(name: String, arity: Int, span: Span) {
        self.name = name
        self.arity = arity
        self.span = span
    }
}
