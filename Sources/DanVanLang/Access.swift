// Reading fields, columns, references, relations and items at run time. A member access site
// owns a `MemberCache`: the last schema or shape it saw and where the name was in it, so a
// pipeline over thousands of rows resolves `year` once, not once per row.
import VietText

/// What a name means on rows of one schema.
enum RowMember {
    case column(Int)
    case reference(column: Int, table: String)
    case relation(childTable: String, childColumn: String)
    case missing
}

final class MemberCache {
    let name: String
    @exclusivity(unchecked) var schema: ObjectIdentifier?
    @exclusivity(unchecked) var rowMember: RowMember = .missing
    @exclusivity(unchecked) var shape: ObjectIdentifier?
    @exclusivity(unchecked) var shapeIndex: Int = -1

    init(name: String) { self.name = name }

    func member(of schema: RowSchema) -> RowMember {
        let id = ObjectIdentifier(schema)
        if self.schema == id { return rowMember }
        let found: RowMember
        if let link = schema.links[name] {
            switch link {
            case .reference(let column, let table): found = .reference(column: column, table: table)
            case .relation(let childTable, let childColumn): found = .relation(childTable: childTable, childColumn: childColumn)
            }
        } else if let column = schema.columnIndex[name] {
            found = .column(column)
        } else {
            found = .missing
        }
        self.schema = id
        rowMember = found
        return found
    }

    func index(in shape: Shape) -> Int {
        let id = ObjectIdentifier(shape)
        if self.shape == id { return shapeIndex }
        let index = shape.index[name] ?? -1
        self.shape = id
        shapeIndex = index
        return index
    }
}

enum Access {
    /// `value.name`, or nil when the value has no such field or column (the caller decides
    /// whether that is an error). Member access on null is null.
    static func member(_ value: Value, _ cache: MemberCache, at span: Span, vm: VM) throws -> Value? {
        switch value {
        case .record(let record):
            let index = cache.index(in: record.shape)
            return index >= 0 ? record.value(at: index) : nil
        case .row(let row):
            switch cache.member(of: row.schema) {
            case .column(let column):
                return column < row.values.count ? row.values[column] : .null
            case .reference(let column, let table):
                guard column < row.values.count else { return .null }
                guard case .int(let id) = row.values[column] else { return .null }
                guard let resolver = row.schema.resolver else { return .null }
                return try vm.host(span) { try resolver.row(table: table, id: id, from: row, column: column) }.map(Value.row) ?? .null
            case .relation(let childTable, let childColumn):
                guard let idColumn = row.schema.columnIndex["id"], idColumn < row.values.count,
                      case .int(let id) = row.values[idColumn], let resolver = row.schema.resolver else {
                    return .list([])
                }
                let rows = try vm.host(span) { try resolver.children(childTable: childTable, childColumn: childColumn, parentID: id, from: row) }
                return .list(rows.map(Value.row))
            case .missing:
                return nil
            }
        case .null:
            return .null
        default:
            return nil
        }
    }

    /// The error for a missing member, with "did you mean" among the available names.
    static func missing(_ value: Value, _ name: String, at span: Span) -> RuntimeError {
        switch value {
        case .record(let record):
            return RuntimeError(Suggest.message(RuntimeMessages.noField, [.plain(name)], name: name, candidates: record.shape.names), at: span)
        case .row(let row):
            let candidates = Array(row.schema.columnIndex.keys) + Array(row.schema.links.keys)
            return RuntimeError(Suggest.message(RuntimeMessages.noColumn, [.plain(row.schema.table), .plain(name)], name: name, candidates: candidates), at: span)
        default:
            return RuntimeError(RuntimeMessages.noMember, [.plain(name), .localized(value.typeName)], at: span)
        }
    }

    /// `value[index]`: a list item, a character of text, a record field by name.
    static func index(_ value: Value, _ index: Value, at span: Span) throws -> Value {
        switch (value, index) {
        case (.list(let list), .int(let position)):
            guard position >= 0, position < list.items.count else {
                throw RuntimeError(RuntimeMessages.indexOutOfRange, [.plain(String(position)), .plain(String(list.items.count))], at: span)
            }
            return list.items[Int(position)]
        case (.text(let text), .int(let position)):
            guard position >= 0, position < text.count,
                  let at = text.index(text.startIndex, offsetBy: Int(position), limitedBy: text.endIndex), at < text.endIndex else {
                throw RuntimeError(RuntimeMessages.textIndexOutOfRange, [.plain(String(position)), .plain(String(text.count))], at: span)
            }
            return .text(String(text[at]))
        case (.record(let record), .text(let name)):
            guard let field = record[name] else { throw missing(value, name, at: span) }
            return field
        case (.row(let row), .text(let name)):
            guard let column = row.schema.columnIndex[name], column < row.values.count else { throw missing(value, name, at: span) }
            return row.values[column]
        default:
            throw RuntimeError(RuntimeMessages.badIndex, [.localized(value.typeName), .localized(index.typeName)], at: span)
        }
    }
}
