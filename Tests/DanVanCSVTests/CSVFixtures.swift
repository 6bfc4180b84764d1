// Fixtures for the CSV tests: a database with rows in every table, written to be hard to
// carry through CSV (Vietnamese in NFC and NFD, the look-alike Ð, quotes, commas, CR, LF and
// CRLF inside text, NULL beside empty text, reals such as 0.1 and 1e-7, ids beyond 2^53, a
// parent that comes after its child), and helpers to compare databases byte for byte.
import DanVanCSV
import DanVanStore
import Foundation
import GRDB
import Testing

enum CSVFixtures {
    /// A fresh temporary directory, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("danvan-csv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanUp(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// "Phường Tân Hòa" decomposed: what a Mac or an old form may send.
    static let nfdWard = "Phường Tân Hòa".decomposedStringWithCanonicalMapping
    static let bigID: Int64 = 9_007_199_254_740_993  // 2^53 + 1: not a Double

    /// Rows for every table of the catalog.
    static let sql = """
        PRAGMA defer_foreign_keys = ON;
        INSERT INTO clusters VALUES (1, 1, 'Cụm thi đua số 1, "Khối phường"', 'dan_van');
        INSERT INTO clusters VALUES (2, 2, 'Cụm 2' || char(13, 10) || 'hai dòng', 'dan_van');
        INSERT INTO units VALUES (1, 'TP', 'Thành phố Hòa Bình', NULL, 'city', 'city', NULL, 'active',
            '2009-01-01', NULL, '0203 3852 111', '');
        INSERT INTO units VALUES (2, 'P-TH-01', '\(nfdWard)', 'P. Tân Hòa', 'ward', 'commune', 4, 'merged',
            '2009-01-01', '2025-07-01', '', '');
        INSERT INTO units VALUES (3, 'P-TH-02', 'Phường ''Xanh – Sạch – Đẹp''', '', 'ward', 'commune', 4, 'active',
            NULL, NULL, NULL, '');
        INSERT INTO units VALUES (4, 'Q-1', ' Quận 1 ', 'Q.1', 'district', 'district', 1, 'active',
            NULL, NULL, NULL, '');
        INSERT INTO units VALUES (\(bigID), 'BIG', 'Ðơn vị số lớn', NULL, 'department', 'city', 1, 'dissolved',
            NULL, '2020-02-29', NULL, '');
        INSERT INTO unit_aliases VALUES (1, 2, 'UBND P. Tân Hòa'), (2, \(bigID), '"');
        INSERT INTO unit_successions VALUES
            (1, 2, 3, '2025-07-01', 'Nghị quyết số 1234/NQ-UBTVQH15, ngày 16/6/2025', 1),
            (2, 3, 2, '2025-07-01', NULL, 0);
        INSERT INTO cluster_members VALUES (1, 1, 2, 2024, 'lead'), (2, 1, 3, 2024, 'member');
        INSERT INTO people VALUES
            (1, 'Nguyễn', 'Văn', 'An', 'male', 1980, 'Kinh', 'Chủ tịch UBND, kiêm "trưởng ban"', 2, 1, '0912 345 678', ''),
            (2, 'Trần', '', 'Bình', 'female', NULL, NULL, NULL, NULL, 0, NULL, ''),
            (3, 'Lê', 'Thị', 'Hoà ', NULL, -9223372036854775808, 'Ê Đê', '', \(bigID), 0, '', '');
        INSERT INTO fields VALUES (1, 'KT', 'Kinh tế', 'Kinh tế'), (2, 'VH', 'Văn hóa – xã hội', 'VH-XH');
        INSERT INTO movements VALUES (1, 'Dân vận khéo', 'Kết luận 114-KL/TW', '2021-07-14', 'Bộ Chính trị', NULL, NULL),
            (2, 'Thi đua "Dân vận khéo"', NULL, NULL, NULL, '2021-01-01', '2025-12-31');
        INSERT INTO models VALUES
            (1, 'M-001', 'Mô hình "Chủ nhật xanh"', 'collective', 1, 2, NULL, 3, 1, 2021, '2021-03-01', NULL,
             'recognised', 'commune', 'good', 1, 0, 1, 0, NULL,
             'Nội dung,' || char(10) || 'có xuống dòng' || char(13, 10) || 'và CRLF', '', NULL, ''),
            (2, 'M-002', 'Cá nhân tiêu biểu', 'individual', NULL, 2, 1, NULL, NULL, 2022, NULL, NULL,
             'draft', NULL, NULL, 0, 0, 0, 0, 3, NULL, NULL, 'Kết quả: 100%', ''),
            (3, 'M-003', 'Nhân rộng', 'collective', 2, 3, NULL, NULL, 2, 9223372036854775807, NULL, NULL,
             'active', NULL, 'maintain', 0, 1, 0, 1, 1, ' ', char(13), char(10), '');
        INSERT INTO indicators VALUES (1, 1, 'Số hộ tham gia', 0.1, 'hộ'), (2, 1, 'Tỉ lệ', 1e-7, '%'),
            (3, 2, 'Kinh phí', 123456789.125, 'đồng'), (4, 3, 'Âm', -2.5, ''), (5, 3, 'Lớn', 1e300, 'x'),
            (6, 3, 'Một phần ba', 0.3333333333333333, 'y');
        INSERT INTO model_partners VALUES (1, 1, 3), (2, 3, 2);
        INSERT INTO model_tags VALUES (1, 1, 'nông thôn mới'), (2, 1, 'GPMB, "hiến đất"'), (3, 3, 'chuyển đổi số');
        INSERT INTO criteria VALUES (1, 'TC1', 'Có hiệu quả', 30.0, 1.5, 'collective'),
            (2, 'TC2', 'Nhân rộng', 20, 1, 'individual');
        INSERT INTO evaluations VALUES (1, 1, '2024', 'annual', 'commune', '2024-12-15', 87.5, 'good', 'recognise', 'BB-01'),
            (2, 2, '6 tháng 2025', 'interim', NULL, '2025-06-30', NULL, NULL, NULL, NULL);
        INSERT INTO recognitions VALUES (1, 1, 'commune', 2024, 'QĐ 12/QĐ-UBND', '2024-12-20', 'UBND phường');
        INSERT INTO award_forms VALUES (1, 'GK', 'Giấy khen', 'form', 'commune', 'both', 'Giấy khen + khung', 500000),
            (2, 'BK', 'Bằng khen', 'title', 'city', 'collective', NULL, NULL);
        INSERT INTO awards VALUES
            (1, 'QĐ 15', '2024-12-30', 'UBND', 1, 2, NULL, 1, 'Thành tích xuất sắc', 500000, 2024, 'valid'),
            (2, 'QĐ 16', '2024-12-30', 'UBND', 2, NULL, 1, NULL, 'Cá nhân, tiêu biểu', NULL, 2024, 'revoked');
        INSERT INTO contests VALUES (1, 'Hội thi Dân vận khéo 2025', 2025, 1, 'city', 'KH-01', '2025-03-01',
            '2025-09-15', 'awarded'), (2, 'Hội thi 2026', 2026, NULL, 'district', NULL, NULL, NULL, 'planned');
        INSERT INTO rounds VALUES (1, 1, 'preliminary', 1, '2025-08-01', 'Hội trường, tầng 2', 12),
            (2, 1, 'final', NULL, NULL, NULL, NULL);
        INSERT INTO parts VALUES (1, 1, 1, 'Chào hỏi', 'greeting', 10.0, 5), (2, 1, 2, 'Tiểu phẩm', 'skit', 40.0, NULL);
        INSERT INTO teams VALUES (1, 1, 2, 1, 'Đội Tân Hòa', 'finalist', 'Giải Nhất'),
            (2, 1, 3, 1, 'Đội "Xanh"', 'eliminated', NULL);
        INSERT INTO team_members VALUES (1, 1, 1, 'captain'), (2, 1, 2, 'member'), (3, 2, 3, 'support');
        INSERT INTO judges VALUES (1, 1, 3, 'Trưởng ban giám khảo'), (2, 1, 1, NULL);
        INSERT INTO scores VALUES (1, 1, 1, 1, 1, 9.5), (2, 1, 1, 2, 1, 37.25), (3, 2, 1, 1, 2, 0.1);
        INSERT INTO reports VALUES (1, 2, '6 tháng đầu năm 2025', 'interim', '2025-06-15', NULL),
            (2, 3, '2024', 'annual', '2024-12-31', '2025-01-05');
        INSERT INTO inspections VALUES (1, 2, '2025-05-10', 'Ban Dân vận Thành ủy', 'Kiểm tra; "Chủ nhật xanh"',
            NULL, '', NULL);
        """

    /// A store at `DIRECTORY/NAME.db` holding the fixture rows (search keys computed).
    static func filledStore(in directory: String, name: String = "source") throws -> Store {
        let store = try Store(path: directory + "/\(name).db")
        try store.pool.write { db in
            try db.execute(sql: sql)
            try Store.refreshSearchKeys(db)
        }
        return store
    }

    /// Every row of `table` in id order, each value as a token that tells storage classes
    /// and bytes apart (String's `==` would call NFC and NFD equal).
    static func rows(_ table: String, in store: Store) throws -> [[String]] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY id").map { row in
                row.databaseValues.map(token)
            }
        }
    }

    static func token(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let number): return "int \(number)"
        case .double(let number): return "real \(number.bitPattern)"
        case .string(let text): return "text " + text.utf8.map { String($0, radix: 16) }.joined(separator: " ")
        case .blob(let data): return "blob \(data.count)"
        }
    }

    /// Writes `text` (or raw `bytes`) to `DIRECTORY/NAME`.
    static func write(_ text: String, to directory: String, name: String) throws -> String {
        try write(bytes: Array(text.utf8), to: directory, name: name)
    }

    static func write(bytes: [UInt8], to directory: String, name: String) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
