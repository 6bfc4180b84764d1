// One dispatch loop over a contiguous instruction array, generic over the value representation
// (specialised by the optimiser for each: `-O -wmo`). Registers live in one value stack that is
// allocated once; call frames live in one preallocated array, so a call allocates nothing and
// does not recurse in Swift (no native-stack guard needed). Calls check the callee's kind, the
// argument count, the value stack and the call depth, and poll the interrupt flag, as do
// backward jumps.
import Synchronization

/// What the interpreter needs of a value representation. The `fast…` functions return nil
/// when the operands are not both small integers or the result overflows; the interpreter
/// then takes the slow path (`Slow`), which handles decimals, big integers and errors.
protocol VMValue {
    static var null: Self { get }
    static func int(_ x: Int64) -> Self
    static func double(_ x: Double) -> Self
    /// A function value for `data` (kept alive by the caller for the run).
    static func makeFunction(_ data: UnsafeMutablePointer<FunctionData>) -> Self
    var intValue: Int64? { get }
    var doubleValue: Double? { get }
    var functionData: UnsafeMutablePointer<FunctionData>? { get }
    static func fastAdd(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Self?
    static func fastSub(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Self?
    static func fastAddI(_ a: UnsafePointer<Self>, _ imm: Int64) -> Self?
    static func fastMod(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Self?
    static func fastLess(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool?
    static func fastLessI(_ a: UnsafePointer<Self>, _ imm: Int64) -> Bool?
    /// Stores `value` into an initialized slot (releasing what it held, if anything).
    static func store(_ value: Self, _ slot: UnsafeMutablePointer<Self>)
}

extension VMValue {
    @inline(__always) static func store(_ value: Self, _ slot: UnsafeMutablePointer<Self>) { slot.pointee = value }
}

/// A function: its code and constants (the constants already as values of the VM's kind).
struct FunctionData {
    var code: UnsafePointer<UInt32>
    var constants: UnsafeMutableRawPointer
    var arity: Int
    var frameSize: Int
}

enum VMError: Error {
    case overflow, divisionByZero, badOperands, notAFunction, wrongArity, stackOverflow, interrupted
}

final class Interrupt: Sendable {
    let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
}

/// A call frame: where its registers start, its constants, and the caller's pc while it runs.
struct CallInfo {
    var base: UnsafeMutableRawPointer
    var constants: UnsafeMutableRawPointer
    var savedPC: UnsafePointer<UInt32>
}

/// The slow paths, out of line so the loop stays small.
enum Slow<V: VMValue> {
    @inline(never)
    static func arith(_ op: Opcode, _ a: V, _ b: V) throws(VMError) -> V {
        if let x = a.intValue, let y = b.intValue {
            let (r, o): (Int64, Bool)
            switch op {
            case .add: (r, o) = x.addingReportingOverflow(y)
            case .sub: (r, o) = x.subtractingReportingOverflow(y)
            default:
                if y == 0 { throw .divisionByZero }
                (r, o) = x.remainderReportingOverflow(dividingBy: y)
            }
            if o { throw .overflow }
            return .int(r)
        }
        guard let x = a.doubleValue, let y = b.doubleValue else { throw .badOperands }
        let r: Double
        switch op {
        case .add: r = x + y
        case .sub: r = x - y
        default:
            if y == 0 { throw .divisionByZero }
            r = x.truncatingRemainder(dividingBy: y)
        }
        guard r.isFinite else { throw .overflow }
        return .double(r)
    }

    @inline(never)
    static func less(_ a: V, _ b: V) throws(VMError) -> Bool {
        if let x = a.intValue, let y = b.intValue { return x < y }
        // (the real VM compares an integer and a decimal exactly; NumberOrder.swift)
        guard let x = a.doubleValue, let y = b.doubleValue else { throw .badOperands }
        return x < y
    }
}

final class Machine<V: VMValue> {
    static var stackCapacity: Int { 200_000 }
    static var maxCallDepth: Int { 10_000 }

    let stack: UnsafeMutablePointer<V>
    let frames: UnsafeMutablePointer<CallInfo>
    let globals: UnsafeMutablePointer<V>
    let globalCount: Int
    unowned(unsafe) let interrupt: Interrupt
    let interruptOwner: Interrupt
    var functions: [UnsafeMutablePointer<FunctionData>] = []

    init(globalCount: Int, interrupt: Interrupt) {
        stack = .allocate(capacity: Self.stackCapacity)
        stack.initialize(repeating: .null, count: Self.stackCapacity)
        frames = .allocate(capacity: Self.maxCallDepth + 1)
        globals = .allocate(capacity: globalCount)
        globals.initialize(repeating: .null, count: globalCount)
        self.globalCount = globalCount
        self.interrupt = interrupt
        interruptOwner = interrupt
    }

    deinit {
        stack.deinitialize(count: Self.stackCapacity)
        stack.deallocate()
        frames.deallocate()
        globals.deinitialize(count: globalCount)
        globals.deallocate()
        for f in functions {
            let k = f.pointee.constants.assumingMemoryBound(to: V.self)
            UnsafeMutablePointer(mutating: f.pointee.code).deallocate()
            k.deinitialize(count: 0)
            k.deallocate()
            f.deallocate()
        }
    }

    /// Loads a proto: copies its code and makes its constants values of this VM's kind.
    func load(_ proto: Proto) -> UnsafeMutablePointer<FunctionData> {
        let code = UnsafeMutablePointer<UInt32>.allocate(capacity: proto.code.count)
        code.initialize(from: proto.code, count: proto.code.count)
        let k = UnsafeMutablePointer<V>.allocate(capacity: max(1, proto.constants.count))
        for (n, c) in proto.constants.enumerated() { (k + n).initialize(to: .int(c)) }
        let data = UnsafeMutablePointer<FunctionData>.allocate(capacity: 1)
        data.initialize(to: FunctionData(code: code, constants: UnsafeMutableRawPointer(k),
                                         arity: proto.arity, frameSize: proto.frameSize))
        functions.append(data)
        return data
    }

    /// After a test: runs the JMP that follows it when `jump`, else skips it. True when that
    /// jump went backward (the caller then polls the interrupt flag).
    @inline(__always)
    static func follow(_ jump: Bool, _ pc: inout UnsafePointer<UInt32>) -> Bool {
        if !jump {
            pc += 1
            return false
        }
        let offset = Instr.sJ(pc.pointee)
        pc += 1 + offset
        return offset < 0
    }

    /// Runs `main` (no parameters) and returns the value its HALT names.
    func run(_ main: UnsafeMutablePointer<FunctionData>) throws(VMError) -> V {
        typealias I = Instr
        let stackEnd = stack + Self.stackCapacity
        let framesEnd = frames + Self.maxCallDepth
        var ci = frames
        var base = stack
        var k = main.pointee.constants.assumingMemoryBound(to: V.self)
        var pc = main.pointee.code
        ci.pointee = CallInfo(base: UnsafeMutableRawPointer(base), constants: UnsafeMutableRawPointer(k), savedPC: pc)
        while true {
            let i = pc.pointee
            pc += 1
            switch unsafeBitCast(I.op(i), to: Opcode.self) {
            case .loadI:
                V.store(.int(I.sBx(i)), base + I.a(i))
            case .loadK:
                V.store(k[I.bx(i)], base + I.a(i))
            case .move:
                V.store(base[I.b(i)], base + I.a(i))
            case .getGlobal:
                V.store(globals[I.bx(i)], base + I.a(i))
            case .setGlobal:
                V.store(base[I.a(i)], globals + I.bx(i))
            case .add:
                let x = base + I.b(i), y = base + I.c(i)
                if let r = V.fastAdd(x, y) { V.store(r, base + I.a(i)) } else { V.store(try Slow.arith(.add, x.pointee, y.pointee), base + I.a(i)) }
            case .sub:
                let x = base + I.b(i), y = base + I.c(i)
                if let r = V.fastSub(x, y) { V.store(r, base + I.a(i)) } else { V.store(try Slow.arith(.sub, x.pointee, y.pointee), base + I.a(i)) }
            case .addI:
                let x = base + I.b(i), imm = I.sC(i)
                if let r = V.fastAddI(x, imm) { V.store(r, base + I.a(i)) } else { V.store(try Slow.arith(.add, x.pointee, .int(imm)), base + I.a(i)) }
            case .modK:
                let x = base + I.b(i), y = k + I.c(i)
                if let r = V.fastMod(x, y) { V.store(r, base + I.a(i)) } else { V.store(try Slow.arith(.modK, x.pointee, y.pointee), base + I.a(i)) }
            case .lt:
                let x = base + I.a(i), y = base + I.b(i)
                let less: Bool
                if let r = V.fastLess(x, y) { less = r } else { less = try Slow.less(x.pointee, y.pointee) }
                if Self.follow(less == (I.c(i) != 0), &pc), interrupt.isSet { throw .interrupted }
            case .ltI:
                let x = base + I.a(i), imm = I.sB(i)
                let less: Bool
                if let r = V.fastLessI(x, imm) { less = r } else { less = try Slow.less(x.pointee, .int(imm)) }
                if Self.follow(less == (I.c(i) != 0), &pc), interrupt.isSet { throw .interrupted }
            case .jmp:
                let offset = I.sJ(i)
                pc += offset
                if offset < 0, interrupt.isSet { throw .interrupted }
            case .call:
                let slot = base + I.a(i)
                guard let callee = slot.pointee.functionData else { throw .notAFunction }
                let arity = callee.pointee.arity
                if I.b(i) &- 1 != arity { throw .wrongArity }
                let newBase = slot + 1
                if newBase + callee.pointee.frameSize > stackEnd || ci == framesEnd { throw .stackOverflow }
                if interrupt.isSet { throw .interrupted }
                ci.pointee.savedPC = pc
                ci += 1
                k = callee.pointee.constants.assumingMemoryBound(to: V.self)
                ci.pointee = CallInfo(base: UnsafeMutableRawPointer(newBase), constants: UnsafeMutableRawPointer(k), savedPC: pc)
                base = newBase
                pc = callee.pointee.code
            case .return1:
                let result = base[I.a(i)]
                // The callee's function slot, just below its registers, takes the result.
                V.store(result, base - 1)
                ci -= 1
                base = ci.pointee.base.assumingMemoryBound(to: V.self)
                k = ci.pointee.constants.assumingMemoryBound(to: V.self)
                pc = ci.pointee.savedPC
            case .halt:
                return base[I.a(i)]
            }
        }
    }
}
