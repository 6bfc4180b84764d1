// The instruction set of the prototype: Lua 5.4's encoding and the subset that fib and the two
// loops need, emitted by hand in the order `luac5.4 -l` lists for bench/lang/*.lua (globals in
// slots instead of Lua's _ENV table, so GETGLOBAL/SETGLOBAL where Lua has GETUPVAL/GETTABUP).
// An instruction is 32 bits: opcode 8 | A 8 | B 8 | C 8, or opcode 8 | A 8 | Bx 16, or
// opcode 8 | sJ 24. The arithmetic instructions carry their slow path inline (Lua's MMBIN after
// them is not needed: no metamethods).

enum Opcode: UInt8 {
    case loadI        // R[A] = sBx
    case loadK        // R[A] = K[Bx]
    case move         // R[A] = R[B]
    case getGlobal    // R[A] = G[Bx]
    case setGlobal    // G[Bx] = R[A]
    case add          // R[A] = R[B] + R[C]
    case sub          // R[A] = R[B] - R[C]
    case addI         // R[A] = R[B] + sC
    case modK         // R[A] = R[B] % K[C]
    case lt           // if (R[A] < R[B]) == k (C) then run the next JMP, else skip it
    case ltI          // if (R[A] < sB) == k then run the next JMP, else skip it
    case jmp          // pc += sJ; a backward jump polls the interrupt flag
    case call         // R[A](R[A+1], ..., R[A+B-1]), one result into R[A]
    case return1      // return R[A]
    case halt         // ends the program (the main chunk), result R[A]
}

/// Instruction fields. `k` of LT/LTI is C (0 or 1).
enum Instr {
    static func abc(_ op: Opcode, _ a: Int, _ b: Int, _ c: Int) -> UInt32 {
        UInt32(op.rawValue) | UInt32(a) << 8 | UInt32(b & 0xFF) << 16 | UInt32(c & 0xFF) << 24
    }
    static func abx(_ op: Opcode, _ a: Int, _ bx: Int) -> UInt32 {
        UInt32(op.rawValue) | UInt32(a) << 8 | UInt32(bx & 0xFFFF) << 16
    }
    static func asbx(_ op: Opcode, _ a: Int, _ sbx: Int) -> UInt32 { abx(op, a, sbx + offsetSBx) }
    static func sj(_ op: Opcode, _ sj: Int) -> UInt32 { UInt32(op.rawValue) | UInt32((sj + offsetSJ) & 0xFF_FFFF) << 8 }
    /// Signed C and B as Lua 5.4 stores them (excess 127).
    static func sc(_ x: Int) -> Int { x + offsetSC }

    static let offsetSBx = 32767
    static let offsetSJ = 1 << 23
    static let offsetSC = 127

    @inline(__always) static func op(_ i: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: i) }
    @inline(__always) static func a(_ i: UInt32) -> Int { Int((i >> 8) & 0xFF) }
    @inline(__always) static func b(_ i: UInt32) -> Int { Int((i >> 16) & 0xFF) }
    @inline(__always) static func c(_ i: UInt32) -> Int { Int(i >> 24) }
    @inline(__always) static func sB(_ i: UInt32) -> Int64 { Int64((i >> 16) & 0xFF) - Int64(offsetSC) }
    @inline(__always) static func sC(_ i: UInt32) -> Int64 { Int64(i >> 24) - Int64(offsetSC) }
    @inline(__always) static func bx(_ i: UInt32) -> Int { Int(i >> 16) }
    @inline(__always) static func sBx(_ i: UInt32) -> Int64 { Int64(i >> 16) - Int64(offsetSBx) }
    @inline(__always) static func sJ(_ i: UInt32) -> Int { Int(i >> 8) - offsetSJ }
}

/// A function's compiled form: code, integer constants, parameter count, register count.
struct Proto {
    var code: [UInt32]
    var constants: [Int64]
    var arity: Int
    var frameSize: Int
}

/// The three programs, hand-assembled. Global slots: 0 = the function, 1 = total, 2 = i.
enum Programs {
    typealias I = Instr

    /// fn fib(n) { if n < 2 { return n } return fib(n - 1) + fib(n - 2) }
    static let fib = Proto(code: [
        I.abc(.ltI, 0, I.sc(2), 0),     // 1 LTI 0 2 0
        I.sj(.jmp, 1),                  // 2 JMP to 4
        I.abc(.return1, 0, 0, 0),       // 3 RETURN1 0
        I.abx(.getGlobal, 1, 0),        // 4 GETGLOBAL 1 fib
        I.abc(.addI, 2, 0, I.sc(-1)),   // 5 ADDI 2 0 -1
        I.abc(.call, 1, 2, 2),          // 6 CALL 1 2 2
        I.abx(.getGlobal, 2, 0),        // 7 GETGLOBAL 2 fib
        I.abc(.addI, 3, 0, I.sc(-2)),   // 8 ADDI 3 0 -2
        I.abc(.call, 2, 2, 2),          // 9 CALL 2 2 2
        I.abc(.add, 1, 1, 2),           // 10 ADD 1 1 2
        I.abc(.return1, 1, 0, 0),       // 11 RETURN1 1
    ], constants: [], arity: 1, frameSize: 4)

    /// print(fib(n)): R0 = fib, R1 = n, CALL, result in R0.
    static func fibMain(_ n: Int) -> Proto {
        Proto(code: [
            I.abx(.getGlobal, 0, 0),
            I.asbx(.loadI, 1, n),
            I.abc(.call, 0, 2, 2),
            I.abc(.halt, 0, 0, 0),
        ], constants: [], arity: 0, frameSize: 2)
    }

    /// fn run() { let total = 0; let i = 0; while i < 20000000 { total = total + i % 7; i = i + 1 } return total }
    static func loopFunction(_ rounds: Int64) -> Proto {
        Proto(code: [
            I.asbx(.loadI, 0, 0),           // 1 LOADI 0 0
            I.asbx(.loadI, 1, 0),           // 2 LOADI 1 0
            I.abx(.loadK, 2, 0),            // 3 LOADK 2 K0 (rounds)
            I.abc(.lt, 1, 2, 0),            // 4 LT 1 2 0
            I.sj(.jmp, 5),                  // 5 JMP to 11
            I.abc(.modK, 2, 1, 1),          // 6 MODK 2 1 K1 (7)
            I.abc(.add, 0, 0, 2),           // 7 ADD 0 0 2
            I.abc(.addI, 1, 1, I.sc(1)),    // 8 ADDI 1 1 1
            I.sj(.jmp, -7),                 // 9 JMP to 3
            I.abc(.return1, 0, 0, 0),       // 10 (unreached)
            I.abc(.return1, 0, 0, 0),       // 11 RETURN1 0
        ], constants: [rounds, 7], arity: 0, frameSize: 3)
    }

    static let loopFunctionMain = Proto(code: [
        I.abx(.getGlobal, 0, 0),
        I.abc(.call, 0, 1, 2),
        I.abc(.halt, 0, 0, 0),
    ], constants: [], arity: 0, frameSize: 1)

    /// let total = 0; let i = 0; while i < 20000000 { total = total + i % 7; i = i + 1 }
    static func loopGlobal(_ rounds: Int64) -> Proto {
        Proto(code: [
            I.asbx(.loadI, 0, 0),           // 1 LOADI 0 0
            I.abx(.setGlobal, 0, 1),        // 2 SETGLOBAL total
            I.abx(.setGlobal, 0, 2),        // 3 SETGLOBAL i
            I.abx(.getGlobal, 0, 2),        // 4 GETGLOBAL 0 i
            I.abx(.loadK, 1, 0),            // 5 LOADK 1 K0 (rounds)
            I.abc(.lt, 0, 1, 0),            // 6 LT 0 1 0
            I.sj(.jmp, 10),                 // 7 JMP to 18
            I.abx(.getGlobal, 0, 1),        // 8 GETGLOBAL 0 total
            I.abx(.getGlobal, 1, 2),        // 9 GETGLOBAL 1 i
            I.abc(.modK, 1, 1, 1),          // 10 MODK 1 1 K1 (7)
            I.abc(.add, 0, 0, 1),           // 11 ADD 0 0 1
            I.abx(.setGlobal, 0, 1),        // 12 SETGLOBAL total
            I.abx(.getGlobal, 0, 2),        // 13 GETGLOBAL 0 i
            I.abc(.addI, 0, 0, I.sc(1)),    // 14 ADDI 0 0 1
            I.abx(.setGlobal, 0, 2),        // 15 SETGLOBAL i
            I.sj(.jmp, -13),                // 16 JMP to 4
            I.abc(.halt, 0, 0, 0),          // 17 (unreached)
            I.abx(.getGlobal, 0, 1),        // 18 GETGLOBAL 0 total
            I.abc(.halt, 0, 0, 0),          // 19
        ], constants: [rounds, 7], arity: 0, frameSize: 2)
    }
}
