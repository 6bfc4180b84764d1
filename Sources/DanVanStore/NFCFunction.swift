// `dv_nfc(text)` in C terms: SQL calls it for every row it groups or compares by text (a
// year's models grouped by field name: 300,000 calls at a city's scale), so the common case —
// text already in NFC, which is all Vietnamese as typed — hands SQLite its own argument back
// without making a Swift string; only text that may not be NFC goes through Foundation.
import GRDB
import GRDBSQLite
import VietText

enum NFCFunction {
    /// Registers `dv_nfc` on `db`'s connection.
    static func register(_ db: Database) {
        guard let connection = db.sqliteConnection else { return }
        sqlite3_create_function_v2(connection, "dv_nfc", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, { context, count, arguments in
            guard count == 1, let argument = arguments?[0] else { return }
            guard sqlite3_value_type(argument) == SQLITE_TEXT, let bytes = sqlite3_value_text(argument) else {
                sqlite3_result_value(context, argument)
                return
            }
            let length = Int(sqlite3_value_bytes(argument))
            let buffer = UnsafeBufferPointer(start: bytes, count: length)
            if NFCFunction.certainlyNFC(buffer) {
                sqlite3_result_value(context, argument)
                return
            }
            let normalised = String(decoding: buffer, as: UTF8.self).nfc
            let utf8 = Array(normalised.utf8)
            // SQLITE_TRANSIENT: SQLite copies the bytes before this returns.
            sqlite3_result_text(context, utf8, Int32(utf8.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }, nil, nil, nil)
    }

    /// UTF-8 bytes whose every scalar `String.isCertainlyNFC` vouches for; false for bytes
    /// that are not valid UTF-8 (Foundation then decides).
    static func certainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let scalar: UInt32
            if lead & 0xE0 == 0xC0, index + 1 < bytes.count {
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead & 0xF0 == 0xE0, index + 2 < bytes.count {
                scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return false
            }
            if !String.isCertainlyNFC(scalar: scalar) { return false }
        }
        return true
    }
}
