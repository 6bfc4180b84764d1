// `dv_nfc` in SQL gives what `String.nfc` gives in Swift, for text already in NFC (returned as
// it is), decomposed text, look-alikes, invalid and empty text, and for values that are not text.
import DanVanTestSupport
import Foundation
import GRDB
import Testing
@testable import DanVanStore

@Suite struct NFCFunctionTests {
    @Test func sqlAndSwiftNormaliseAlike() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/n.db")
            let samples = ["", "KT", "Phường Tân Hòa", "Hoa\u{0300}", "Pho\u{031B}\u{0300}ng", "\u{212A}elvin",
                           "Dân vận khéo – “mẫu”", "🙂 Đông Sơn", "ĐẢNG ỦY", "a\u{0301}\u{0323}"]
            try store.pool.read { db in
                for sample in samples {
                    let normalised = try String.fetchOne(db, sql: "SELECT dv_nfc(?)", arguments: [sample])
                    #expect(normalised.map { Array($0.unicodeScalars) } == Array(sample.nfcScalars), "\(sample.debugDescription)")
                }
                #expect(try DatabaseValue.fetchOne(db, sql: "SELECT dv_nfc(NULL)") == .null)
                #expect(try Int.fetchOne(db, sql: "SELECT dv_nfc(5)") == 5)
                #expect(try Bool.fetchOne(db, sql: "SELECT dv_nfc(?) = ?", arguments: ["Hoa\u{0300}", "Hoà"]) == true)
            }
        }
    }
}

private extension String {
    var nfcScalars: [Unicode.Scalar] { Array(precomposedStringWithCanonicalMapping.unicodeScalars) }
}
