// Keys of `group by` and `sort` that the language cannot write but data can bring: a decimal
// that is not a number (NaN), given here as a script parameter the way a host would pass it.
import DanVanLang
import Testing

@Suite struct KeyEdgeTests {
    static var nan: [String: Value] { ["x": .double(.nan)] }

    /// Once NaN rows vanished from `group by` (NaN equals nothing, not even itself).
    @Test func notANumberCannotBeAGroupKey() {
        let (output, _, error, _) = runScript("param x: number = 1\nprint([1, x, 2] | group by it | count)", parameters: KeyEdgeTests.nan)
        #expect(output.isEmpty)
        #expect(error?.hasPrefix("main.dv:2:") == true)
        #expect(error?.contains("a number that is not a number (NaN) cannot be a key of 'group by' or 'sort'") == true)
    }

    @Test func notANumberCannotBeASortKey() {
        for program in ["print(sort([2.5, x, 1.5]))", "print([{v: 1}, {v: x}] | sort v)", "print(sort([[1.5], [x]]))"] {
            let (output, _, error, _) = runScript("param x: number = 1\n" + program, parameters: KeyEdgeTests.nan)
            #expect(output.isEmpty, "\(program)")
            #expect(error?.contains("(NaN) cannot be a key") == true, "\(program)")
            #expect(error?.hasPrefix("main.dv:2:") == true, "\(program)")
        }
    }

    @Test func notANumberInsideAListKey() {
        let (_, _, error, _) = runScript("param x: number = 1\nprint([1, 2] | group by [it, x] | count)", parameters: KeyEdgeTests.nan)
        #expect(error?.contains("(NaN) cannot be a key") == true)
        #expect(error?.hasPrefix("main.dv:2:") == true)
    }
}
