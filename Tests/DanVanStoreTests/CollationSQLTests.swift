// The SQLite collation `vi` agrees with the language's Vietnamese order.
import DanVanTestSupport
import Foundation
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
            // Written by hand from the rules (docs/language.md, domain.md §5), not by the code:
            // letters across the whole name first (a < â, d < đ; "an bình" < "anh" at the space),
            // then tones, then lowercase before uppercase.
            #expect(sorted == ["phường an bình", "Phường An Bình", "Phường Anh Dũng", "Phường Ân Thi",
                               "Phường Dương Nội", "Phường Đông Sơn"])
        }
    }
}

@Test func sqlCollationPutsTonesAfterLetters() throws {
    // By hand from domain.md §5: tones ngang < huyền < hỏi < ngã < sắc < nặng, looked at only
    // when the letters are equal, so "áng" (a-n-g) comes before "anh" (a-n-h) whatever the tones.
    let expected = ["áng", "anh", "ăn", "ân", "dạ", "đa", "ma", "mà", "mả", "mã", "má", "mạ"]
    try withTemporaryDirectory { dir in
        let store = try Store(path: dir + "/a.db")
        try store.pool.write { db throws in
            try db.execute(sql: "CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL)")
            for (index, word) in expected.reversed().enumerated() {
                try db.execute(sql: "INSERT INTO t (id, s) VALUES (?, ?)", arguments: [index, word])
            }
            #expect(try String.fetchAll(db, sql: "SELECT s FROM t ORDER BY s COLLATE vi") == expected)
        }
    }
}

/// SplitMix64, so the random sample is the same on every run and a failure reproduces.
private struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random names built from words that collide on letters and differ in tone and case
/// (Anh/Ánh/ANH), with đ and its look-alike Ð, digits with leading zeros, punctuation,
/// runs of spaces and empty strings; each in NFC or NFD at random.
private func randomNames(count: Int, seed: UInt64) -> [String] {
    let words = ["Anh", "Ánh", "anh", "ANH", "Ảnh", "An", "Ân", "ăn", "Bình", "bình", "Đào", "Ðào", "đào", "Dao",
                 "Dương", "Hà", "Ha", "Hạ", "Hàm", "Tổ", "tổ", "2", "12", "012", "-", "(cũ)", "Nguyễn", "Thị"]
    var rng = Seeded(state: seed)
    return (0..<count).map { _ in
        var text = ""
        for index in 0..<Int.random(in: 0...4, using: &rng) {
            if index > 0 { text += ["", " ", "  ", "\t"].randomElement(using: &rng) ?? " " }
            text += words.randomElement(using: &rng) ?? "a"
        }
        return Bool.random(using: &rng) ? text.decomposedStringWithCanonicalMapping : text.precomposedStringWithCanonicalMapping
    }
}

@Test func sqlCollationAndSortKeysGiveOneOrder() throws {
    // `ORDER BY … COLLATE vi` (VietCollation.compare, pairwise) and sorting by keys computed
    // once per row (VietCollation.sortKey, what the language's `sort` does) give the same list.
    let names = randomNames(count: 400, seed: 2025)
    try withTemporaryDirectory { dir in
        let store = try Store(path: dir + "/a.db")
        try store.pool.write { db throws in
            try db.execute(sql: "CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL)")
            for (index, name) in names.enumerated() {
                try db.execute(sql: "INSERT INTO t (id, s) VALUES (?, ?)", arguments: [index, name])
            }
            let bySQL = try Int.fetchAll(db, sql: "SELECT id FROM t ORDER BY s COLLATE vi, id")
            let byKeys = VietCollation.sorted(Array(names.enumerated()), by: { $0.element }).map(\.offset)
            #expect(bySQL == byKeys)
            // And every "Anh …" comes before every "Ánh …" (word by word).
            let firstWords = bySQL.map { String(names[$0].precomposedStringWithCanonicalMapping.prefix(while: \.isLetter)) }
            let lastAnh = firstWords.lastIndex { $0.lowercased() == "anh" }
            let firstÁnh = firstWords.firstIndex { $0 == "Ánh" }
            #expect(lastAnh != nil && firstÁnh != nil)
            if let lastAnh, let firstÁnh { #expect(lastAnh < firstÁnh) }
        }
    }
}
