// vm-prototype enum|nanbox|nanbox-rc fib N | loop-function N | loop-global N: runs one program and
// prints its result, as bench/lang/*.dv do.
func runProgram<V: VMValue>(_ kind: V.Type, _ program: String, _ n: Int) throws(VMError) -> Int64? {
    let machine = Machine<V>(globalCount: 3, interrupt: Interrupt())
    let main: UnsafeMutablePointer<FunctionData>
    switch program {
    case "fib":
        machine.globals[0] = .makeFunction(machine.load(Programs.fib))
        main = machine.load(Programs.fibMain(n))
    case "loop-function":
        machine.globals[0] = .makeFunction(machine.load(Programs.loopFunction(Int64(n))))
        main = machine.load(Programs.loopFunctionMain)
    case "loop-global":
        main = machine.load(Programs.loopGlobal(Int64(n)))
    default:
        return nil
    }
    return try machine.run(main).intValue
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let n = Int(arguments[3]), (0...30_000).contains(n) || arguments[2] != "fib",
      (0...Int(Int32.max)).contains(n) else {
    print("usage: vm-prototype enum|nanbox|nanbox-rc fib|loop-function|loop-global N")
    exit(2)
}
do {
    let result: Int64?
    switch arguments[1] {
    case "enum": result = try runProgram(EnumValue.self, arguments[2], n)
    case "nanbox": result = try runProgram(NaNBox<Uncounted>.self, arguments[2], n)
    case "nanbox-rc": result = try runProgram(NaNBox<Counted>.self, arguments[2], n)
    default: result = nil
    }
    guard let result else { print("unknown representation or program"); exit(2) }
    print(result)
} catch {
    print("error: \(error)")
    exit(1)
}

import Glibc
