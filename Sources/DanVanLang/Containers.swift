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

    deinit {
        if Teardown.enter() {
            items = []
            Teardown.leave()
            return
        }
        // Deep: children are queued and dropped here, then freed one by one (Teardown.swift).
        guard items.contains(where: { Teardown.isContainer($0) }) else { return }
        Teardown.enqueue(items)
        items = []
        Teardown.drain()
    }
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

/// What a record keeps before its values: its shape, or, once a field has been added to it
/// (`r.x = 1` on a record without `x`), the fields added. One word either way (an enum of two
/// references), so that a record of 4 fields is 88 bytes, one 96-byte block of the allocator.
public enum RecordLayout {
    /// The values of the shape's fields, all inline.
    case fields(Shape)
    /// Fields added after the record was made: the object cannot grow in place, and every
    /// variable holding the record must see them.
    case grown(GrownFields)
}

/// The fields added to a record after it was made, and its shape since.
public final class GrownFields {
    @exclusivity(unchecked) var shape: Shape
    /// How many values the record holds inline: its shape's field count when it was made.
    let inlineCount: Int
    /// The values of the added fields, in order after the inline ones.
    @exclusivity(unchecked) var added: [Value]

    init(shape: Shape, inlineCount: Int, added: [Value]) {
        self.shape = shape
        self.inlineCount = inlineCount
        self.added = added
    }
}

/// A record: values in the order of its shape's names, stored in the record object itself
/// (one allocation per record; `ManagedBuffer` puts them after the header), so that a million
/// records cost a million allocations, not two million.
///
/// Made by the static `make` functions (a `ManagedBuffer` subclass has no initializers).
/// Invariant: exactly `inlineCount` elements are initialized, from `make` until `deinit`, where
/// `inlineCount` is the shape's field count for `.fields` and fixed in `GrownFields`.
public final class Record: ManagedBuffer<RecordLayout, Value> {
    /// A record of this shape whose values are all null, to be filled by `setValue(_:at:)`:
    /// what a record literal and `select` build, evaluating each field into place.
    static func filled(_ shape: Shape) -> Record {
        let count = shape.names.count
        let record = unsafeDowncast(Record.create(minimumCapacity: count) { _ in .fields(shape) }, to: Record.self)
        record.withUnsafeMutablePointerToElements { $0.initialize(repeating: .null, count: count) }
        return record
    }

    /// For records the compiler builds, whose values match the shape by construction (extra
    /// ones are dropped and missing ones null all the same, so that memory stays consistent).
    static func make(matching shape: Shape, values: [Value]) -> Record {
        make(shape: shape, values: values)
    }

    /// A record of this shape; missing values are null and extra ones are dropped, so that
    /// names and values always correspond.
    public static func make(shape: Shape, values: [Value]) -> Record {
        let count = shape.names.count
        let record = unsafeDowncast(Record.create(minimumCapacity: count) { _ in .fields(shape) }, to: Record.self)
        record.withUnsafeMutablePointerToElements { elements in
            let given = min(count, values.count)
            values.withUnsafeBufferPointer { source in
                for position in 0..<given { (elements + position).initialize(to: source[position]) }
            }
            if given < count { (elements + given).initialize(repeating: .null, count: count - given) }
        }
        return record
    }

    /// A record with these fields in this order (later duplicates replace earlier ones).
    public static func make(fields: [(String, Value)]) -> Record {
        var names: [String] = []
        var values: [Value] = []
        var seen: [String: Int] = [:]
        for (name, value) in fields {
            if let position = seen[name] { values[position] = value; continue }
            seen[name] = names.count
            names.append(name)
            values.append(value)
        }
        return make(shape: Shape(names: names), values: values)
    }

    deinit {
        if Teardown.enter() {
            _ = withUnsafeMutablePointers { header, elements in
                elements.deinitialize(count: Record.inlineCount(header.pointee))
            }
            Teardown.leave()
            return
        }
        if (0..<count).contains(where: { Teardown.isContainer(value(at: $0)) }) {
            // As a list does: the children queued, dropped here, then freed one by one.
            Teardown.enqueue(values)
            for position in 0..<count { setValue(.null, at: position) }
            Teardown.drain()
        }
        _ = withUnsafeMutablePointers { header, elements in
            elements.deinitialize(count: Record.inlineCount(header.pointee))
        }
    }

    private static func inlineCount(_ layout: RecordLayout) -> Int {
        switch layout {
        case .fields(let shape): return shape.names.count
        case .grown(let grown): return grown.inlineCount
        }
    }

    public var shape: Shape {
        switch header {
        case .fields(let shape): return shape
        case .grown(let grown): return grown.shape
        }
    }

    /// How many fields it has.
    public var count: Int { shape.names.count }

    /// One value per name of the shape, always (a copy: the hot paths read `value(at:)`).
    public var values: [Value] {
        withUnsafeMutablePointers { header, elements in
            var out: [Value] = []
            switch header.pointee {
            case .fields(let shape):
                out.append(contentsOf: UnsafeBufferPointer(start: elements, count: shape.names.count))
            case .grown(let grown):
                out.reserveCapacity(grown.inlineCount + grown.added.count)
                out.append(contentsOf: UnsafeBufferPointer(start: elements, count: grown.inlineCount))
                out.append(contentsOf: grown.added)
            }
            return out
        }
    }

    /// The value of the field at `position` (0 ≤ position < count).
    @inline(__always)
    public func value(at position: Int) -> Value {
        withUnsafeMutablePointers { header, elements in
            if case .grown(let grown) = header.pointee, position >= grown.inlineCount {
                return grown.added[position - grown.inlineCount]
            }
            return elements[position]
        }
    }

    /// Replaces the value of the field at `position` (0 ≤ position < count).
    @inline(__always)
    func setValue(_ value: Value, at position: Int) {
        withUnsafeMutablePointers { header, elements in
            if case .grown(let grown) = header.pointee, position >= grown.inlineCount {
                grown.added[position - grown.inlineCount] = value
            } else {
                elements[position] = value
            }
        }
    }

    public var fields: [(name: String, value: Value)] {
        Array(zip(shape.names, values))
    }

    public subscript(name: String) -> Value? {
        shape.index[name].map { value(at: $0) }
    }

    /// Sets a field, adding it at the end when new.
    func set(_ name: String, _ value: Value) {
        if let position = shape.index[name] {
            setValue(value, at: position)
            return
        }
        switch header {
        case .fields(let shape):
            header = .grown(GrownFields(shape: shape.adding(name), inlineCount: shape.names.count, added: [value]))
        case .grown(let grown):
            grown.shape = grown.shape.adding(name)
            grown.added.append(value)
        }
    }

    var isGroup: Bool { shape.isGroup }
}

/// A variable captured by a closure, shared between the frame that declared it and every
/// closure that uses it.
final class Cell {
    @exclusivity(unchecked) var value: Value
    init(_ value: Value) { self.value = value }

    deinit {
        if Teardown.enter() {
            value = .null
            Teardown.leave()
            return
        }
        guard Teardown.isContainer(value) else { return }
        Teardown.enqueue(CollectionOfOne(value))
        value = .null
        Teardown.drain()
    }
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
