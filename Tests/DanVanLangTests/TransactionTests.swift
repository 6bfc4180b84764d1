// Tests of `transaction { ... }`: an error undoes every change made inside, and `break`,
// `continue` and `return` leave the block with its changes kept.
import DanVanLang
import Testing

@Suite struct TransactionTests {
    @Test func anErrorUndoesEverything() {
        let host = TestHost()
        let (output, error) = runOn(host, """
        transaction {
            insert fields {code: "MT", name: "Môi trường"}
            models | where code == "M1" | update year = 2030
            print(len(fields))
            models | update year = year / 0
        }
        """)
        #expect(output == ["5"])
        #expect(error?.hasPrefix("w.dv:5:28: error: division by zero") == true, "\(error ?? "")")
        #expect(host.dump("fields") == TestHost().dump("fields"))
        #expect(host.dump("models") == TestHost().dump("models"))
        #expect(host.summaries.first == "transaction")
    }

    @Test func aRefusalInsideUndoesEarlierChanges() {
        let host = TestHost()
        let (_, error) = runOn(host, """
        transaction {
            insert fields {code: "MT", name: "Môi trường"}
            units | where code == "TH" | delete
        }
        """)
        #expect(error?.contains("units 2 is used by") == true)
        #expect(host.dump("fields").count == 4)
    }

    @Test func breakAndReturnKeepTheChanges() {
        let host = TestHost()
        let (output, error) = runOn(host, """
        for i in range(5) {
            transaction {
                insert fields {code: "F{i}", name: "Field {i}"}
                if i == 1 { break }
            }
        }
        fn add(code) {
            transaction {
                let f = insert fields {code: code, name: code}
                return f.id
            }
            return -1
        }
        print(add("X"), len(fields))
        """)
        #expect(error == nil)
        #expect(output == ["7 7"])
    }
}
