// Representation (a): a 16-byte Swift enum of the shape of Sources/DanVanLang/Value.swift:
// scalars inline, text and tables boxed (`indirect`), containers and functions as class
// references. Copying a number retains nothing, but every copy of a `Value` into a slot that
// may hold a reference goes through the enum's outlined copy/destroy, which switch on the tag.

final class FunctionObject {
    let data: UnsafeMutablePointer<FunctionData>
    init(_ data: UnsafeMutablePointer<FunctionData>) { self.data = data }
}
final class ListObject { var items: [EnumValue] = [] }
final class RecordObject { var fields: [EnumValue] = [] }
final class RowObject { var values: [EnumValue] = [] }
protocol TableObject: AnyObject {}

enum EnumValue {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    indirect case text(String)
    case row(RowObject)
    case date(Int32)
    case list(ListObject)
    case record(RecordObject)
    case function(FunctionObject)
    indirect case table(any TableObject)
}

extension EnumValue: VMValue {
    // `null`, `int(_:)` and `double(_:)` are the enum's cases.
    static func makeFunction(_ data: UnsafeMutablePointer<FunctionData>) -> EnumValue { .function(FunctionObject(data)) }

    var intValue: Int64? {
        if case .int(let x) = self { return x }
        return nil
    }
    var doubleValue: Double? {
        switch self {
        case .int(let x): return Double(x)
        case .double(let x): return x
        default: return nil
        }
    }
    var functionData: UnsafeMutablePointer<FunctionData>? {
        if case .function(let f) = self { return f.data }
        return nil
    }

    @inline(__always) static func fastAdd(_ a: UnsafePointer<EnumValue>, _ b: UnsafePointer<EnumValue>) -> EnumValue? {
        guard case .int(let x) = a.pointee, case .int(let y) = b.pointee else { return nil }
        let (r, o) = x.addingReportingOverflow(y)
        return o ? nil : .int(r)
    }
    @inline(__always) static func fastSub(_ a: UnsafePointer<EnumValue>, _ b: UnsafePointer<EnumValue>) -> EnumValue? {
        guard case .int(let x) = a.pointee, case .int(let y) = b.pointee else { return nil }
        let (r, o) = x.subtractingReportingOverflow(y)
        return o ? nil : .int(r)
    }
    @inline(__always) static func fastAddI(_ a: UnsafePointer<EnumValue>, _ imm: Int64) -> EnumValue? {
        guard case .int(let x) = a.pointee else { return nil }
        let (r, o) = x.addingReportingOverflow(imm)
        return o ? nil : .int(r)
    }
    @inline(__always) static func fastMod(_ a: UnsafePointer<EnumValue>, _ b: UnsafePointer<EnumValue>) -> EnumValue? {
        guard case .int(let x) = a.pointee, case .int(let y) = b.pointee, y != 0 else { return nil }
        let (r, o) = x.remainderReportingOverflow(dividingBy: y)
        return o ? nil : .int(r)
    }
    @inline(__always) static func fastLess(_ a: UnsafePointer<EnumValue>, _ b: UnsafePointer<EnumValue>) -> Bool? {
        guard case .int(let x) = a.pointee, case .int(let y) = b.pointee else { return nil }
        return x < y
    }
    @inline(__always) static func fastLessI(_ a: UnsafePointer<EnumValue>, _ imm: Int64) -> Bool? {
        guard case .int(let x) = a.pointee else { return nil }
        return x < imm
    }
}

extension EnumValue {
    /// A slot holding a scalar has nothing to release: the new value is written over it
    /// without the enum's outlined destroy (a switch on the tag behind a call).
    @inline(__always) static func store(_ value: EnumValue, _ slot: UnsafeMutablePointer<EnumValue>) {
        switch slot.pointee {
        case .null, .bool, .int, .double, .date: slot.initialize(to: value)
        default: slot.pointee = value
        }
    }
}
