// The SQLite collation `vi` agrees with the language's Vietnamese order.
import Testing
import GRDB
import VietText
@testable import DanVanStore

@Test func sqlCollationSortsTheVietnameseWay() throws {
    try withTemporaryDirectory { dir in
        let store = try Store(path: dir + "/a.db")
        let names = ["Phường Đông Sơn", "Phường An Bình", "Phường Ân Thi", "Phường Anh Dũng", "phường an bình", "Phường Dương Nội"]
        try store.pool.write { db throws in
            for (index, name) in names.enumerated() {
                try db.execute(sql: "INSERT INTO units (code, name, kind, level) VALUES (?, ?, 'ward', 'commune')",
                               arguments: ["U\(index)", name])
            }
            let sorted = try String.fetchAll(db, sql: "SELECT name FROM units ORDER BY name COLLATE vi, id")
            #expect(sorted == names.sorted { VietCollation.compare($0, $1) < 0 })
            #expect(sorted.first == "phường an bình")
            #expect(sorted.last == "Phường Đông Sơn")
        }
    }
}
