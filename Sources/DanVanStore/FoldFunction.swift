// `dv_fold(text)` in C terms: the search key of every unit, person and model is computed by
// SQL on each write (`search_key = dv_fold(title)` for 300,000 models in a bulk fix) and when
// a database is made, so the call goes straight from SQLite's UTF-8 to `VietFold.fold` and
// back, without the boxing of a GRDB `DatabaseFunction` (which cost half of a bulk update).
import GRDB
import GRDBSQLite
import VietText

enum FoldFunction {
    /// Registers `dv_fold` on `db`'s connection.
    static func register(_ db: Database) {
        guard let connection = db.sqliteConnection else { return }
        sqlite3_create_function_v2(connection, "dv_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, { context, count, arguments in
            guard count == 1, let argument = arguments?[0] else { return }
            guard sqlite3_value_type(argument) != SQLITE_NULL, let bytes = sqlite3_value_text(argument) else {
                sqlite3_result_null(context)
                return
            }
            let length = Int(sqlite3_value_bytes(argument))
            var folded = VietFold.fold(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
            folded.withUTF8 { utf8 in
                // SQLITE_TRANSIENT: SQLite copies the bytes before this returns.
                sqlite3_result_text(context, utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                    Int32(utf8.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }, nil, nil, nil)
    }
}
