// Representation (b): 8 bytes, NaN-boxed. A decimal is its own bit pattern (the language never
// makes a NaN, so the negative quiet NaNs from 0xFFF9 up are free for tags); the top 16 bits
// 0xFFF9 mark an integer of 48 bits in the low bits, 0xFFFA null and booleans, 0xFFFB an
// integer too large for 48 bits boxed on the heap, 0xFFFC a function, 0xFFFD other heap
// objects. With `Uncounted` (b), heap objects are raw pointers and nothing is reference-counted:
// the real product would need its own memory management (a tracing GC over the value stack,
// globals and objects), and a missed root or a freed object still referenced would be a
// use-after-free crash instead of a Swift trap. With `Counted` (c), a function is a Swift
// object and every store into a slot retains the new value and releases the old one by hand
// when it is a heap pointer (a tag test first, so numbers cost one compare): ARC done by the
// VM, where one missed retain is again a use-after-free.
//
// Integer fast path: a 48-bit integer shifted left by 16 is an Int64 whose overflow is
// exactly the 48-bit overflow, so `addingReportingOverflow` on the shifted values is the
// check; results that leave 48 bits go to the slow path, which boxes them (full 64-bit range).

protocol MemoryModel { static var counted: Bool { get } }
enum Uncounted: MemoryModel { static var counted: Bool { false } }
enum Counted: MemoryModel { static var counted: Bool { true } }

struct NaNBox<M: MemoryModel> {
    var bits: UInt64

    static var tagInt: UInt64 { 0xFFF9 << 48 }
    static var tagSpecial: UInt64 { 0xFFFA << 48 }
    static var tagBigInt: UInt64 { 0xFFFB << 48 }
    static var tagFunction: UInt64 { 0xFFFC << 48 }
    static var payload: UInt64 { (1 << 48) - 1 }

    /// A reference-counted heap object (a function here), in the counted model.
    @inline(__always) var isObject: Bool { bits >> 48 >= 0xFFFC }

    @inline(__always) var isInt: Bool { bits >> 48 == 0xFFF9 }
    /// The integer shifted left by 16 (only for `isInt`).
    @inline(__always) var shifted: Int64 { Int64(bitPattern: bits << 16) }
    @inline(__always) static func fromShifted(_ s: Int64) -> NaNBox {
        NaNBox(bits: UInt64(bitPattern: s) >> 16 | tagInt)
    }
}

extension NaNBox: VMValue {
    static var null: NaNBox { NaNBox(bits: tagSpecial) }

    static func int(_ x: Int64) -> NaNBox {
        if x >= -(1 << 47) && x < (1 << 47) { return fromShifted(x << 16) }
        return bigInt(x)
    }

    @inline(never)
    static func bigInt(_ x: Int64) -> NaNBox {
        // Leaks in the prototype: the real product's GC would own it.
        let box = UnsafeMutablePointer<Int64>.allocate(capacity: 1)
        box.initialize(to: x)
        return NaNBox(bits: tagBigInt | UInt64(UInt(bitPattern: box)) & payload)
    }

    static func double(_ x: Double) -> NaNBox { NaNBox(bits: x.isNaN ? 0x7FF8 << 48 : x.bitPattern) }

    static func makeFunction(_ data: UnsafeMutablePointer<FunctionData>) -> NaNBox {
        if M.counted {
            let object = Unmanaged.passRetained(FunctionObject(data)).toOpaque()
            return NaNBox(bits: tagFunction | UInt64(UInt(bitPattern: object)) & payload)
        }
        return NaNBox(bits: tagFunction | UInt64(UInt(bitPattern: data)) & payload)
    }

    @inline(__always) static func store(_ value: NaNBox, _ slot: UnsafeMutablePointer<NaNBox>) {
        guard M.counted else { slot.pointee = value; return }
        let old = slot.pointee
        if value.isObject, let p = UnsafeRawPointer(bitPattern: UInt(value.bits & payload)) {
            _ = Unmanaged<AnyObject>.fromOpaque(p).retain()
        }
        slot.pointee = value
        if old.isObject, let p = UnsafeRawPointer(bitPattern: UInt(old.bits & payload)) {
            Unmanaged<AnyObject>.fromOpaque(p).release()
        }
    }

    var intValue: Int64? {
        if isInt { return shifted >> 16 }
        if bits >> 48 == 0xFFFB, let box = UnsafePointer<Int64>(bitPattern: UInt(bits & NaNBox.payload)) {
            return box.pointee
        }
        return nil
    }
    var doubleValue: Double? {
        if bits < NaNBox.tagInt { return Double(bitPattern: bits) }
        return intValue.map(Double.init)
    }
    @inline(__always) var functionData: UnsafeMutablePointer<FunctionData>? {
        guard bits >> 48 == 0xFFFC else { return nil }
        if M.counted {
            guard let p = UnsafeRawPointer(bitPattern: UInt(bits & NaNBox.payload)) else { return nil }
            return Unmanaged<FunctionObject>.fromOpaque(p)._withUnsafeGuaranteedRef { $0.data }
        }
        return UnsafeMutablePointer(bitPattern: UInt(bits & NaNBox.payload))
    }

    /// `operation` on two small integers, shifted: its overflow is the 48-bit overflow.
    @inline(__always)
    static func shiftedInts(_ a: UnsafePointer<NaNBox>, _ b: UnsafePointer<NaNBox>,
                            _ operation: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)) -> NaNBox? {
        let a = a.pointee, b = b.pointee
        guard a.isInt, b.isInt else { return nil }
        let (r, o) = operation(a.shifted, b.shifted)
        return o ? nil : fromShifted(r)
    }
    @inline(__always) static func fastAdd(_ a: UnsafePointer<NaNBox>, _ b: UnsafePointer<NaNBox>) -> NaNBox? {
        shiftedInts(a, b) { $0.addingReportingOverflow($1) }
    }
    @inline(__always) static func fastSub(_ a: UnsafePointer<NaNBox>, _ b: UnsafePointer<NaNBox>) -> NaNBox? {
        shiftedInts(a, b) { $0.subtractingReportingOverflow($1) }
    }
    @inline(__always) static func fastAddI(_ a: UnsafePointer<NaNBox>, _ imm: Int64) -> NaNBox? {
        let a = a.pointee
        guard a.isInt else { return nil }
        let (r, o) = a.shifted.addingReportingOverflow(imm << 16)
        return o ? nil : fromShifted(r)
    }
    @inline(__always) static func fastMod(_ a: UnsafePointer<NaNBox>, _ b: UnsafePointer<NaNBox>) -> NaNBox? {
        let a = a.pointee
        let b = b.pointee
        guard a.isInt, b.isInt else { return nil }
        let y = b.shifted >> 16
        guard y != 0 else { return nil }
        // |remainder| < |y| < 2^47: it fits, and 48-bit operands cannot overflow 64-bit `%`.
        return fromShifted(((a.shifted >> 16) % y) << 16)
    }
    @inline(__always) static func fastLess(_ a: UnsafePointer<NaNBox>, _ b: UnsafePointer<NaNBox>) -> Bool? {
        let a = a.pointee
        let b = b.pointee
        guard a.isInt, b.isInt else { return nil }
        return a.shifted < b.shifted
    }
    @inline(__always) static func fastLessI(_ a: UnsafePointer<NaNBox>, _ imm: Int64) -> Bool? {
        let a = a.pointee
        guard a.isInt else { return nil }
        return a.shifted >> 16 < imm
    }
}
