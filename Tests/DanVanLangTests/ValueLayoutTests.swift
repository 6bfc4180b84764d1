// The size of a value and the layout of records, which the memory of every list and record
// depends on (docs/architecture.md, "Values and records").
import DanVanLang
import Testing

@Suite struct ValueLayoutTests {
    @Test func valueIsSixteenBytesInAnArray() {
        #expect(MemoryLayout<Value>.size <= 9)
        #expect(MemoryLayout<Value>.stride == 16)
    }

    @Test func recordKeepsItsValuesAndFieldsAddedLater() {
        let record = Record.make(shape: Shape(names: ["a", "b"]), values: [.int(1), .text("hai"), .int(3)])
        #expect(record.count == 2)
        #expect(record.values.count == 2)
        #expect(record["b"].map { $0 == .text("hai") } == true)
        let short = Record.make(shape: Shape(names: ["a", "b", "c"]), values: [.int(1)])
        #expect(short.values.count == 3)
        #expect(short["c"].map { $0 == .null } == true)
        let made = Record.make(fields: [("x", .int(1)), ("y", .int(2)), ("x", .int(5))])
        #expect(made.shape.names == ["x", "y"])
        #expect(made.value(at: 0) == .int(5))
    }
}
