// Bad CSV imports nothing and names the line: unknown column, wrong type, missing reference,
// duplicate key, invalid UTF-8, a code not in the list, malformed records, a constraint
// only SQLite checks; plus the "first 20 and a count" rule and the lenient inputs that are
// not errors (codes by label, dd/mm/yyyy, có/không, references by code, no id column).
import DanVanCSV
import DanVanStore
import Foundation
import GRDB
import Testing
import VietText

@Suite struct CSVBadInputTests {
    /// A store with the fixture rows, a directory for files, and the import of one file.
    struct Setup {
        let directory: String
        let store: Store

        init() throws {
            directory = try CSVFixtures.temporaryDirectory()
            store = try CSVFixtures.filledStore(in: directory)
        }

        /// Imports `text` into `table`; returns the problems (empty if it imported).
        func importing(_ table: String, _ text: String, normalize: Bool = true) throws -> (problems: [CSVProblem], total: Int) {
            try importing(table, bytes: Array(text.utf8), normalize: normalize)
        }

        func importing(_ table: String, bytes: [UInt8], normalize: Bool = true) throws -> (problems: [CSVProblem], total: Int) {
            let path = try CSVFixtures.write(bytes: bytes, to: directory, name: "\(table).csv")
            let catalogTable = try #require(CSVNames.table(named: table))
            do {
                try CSVImporter.importFiles([ImportSource(table: catalogTable, path: path)], into: store,
                                            options: CSVImportOptions(normalizeText: normalize))
                return ([], 0)
            } catch {
                // (A `catch .invalid(...)` pattern crashes the Swift 6.3.1 compiler.)
                guard case .invalid(let problems, let total) = error else { throw error }
                return (problems, total)
            }
        }

        /// Runs `body` and checks that `table` is unchanged by it.
        func unchanged(_ table: String, _ body: () throws -> Void) throws {
            let before = try CSVFixtures.rows(table, in: store)
            try body()
            #expect(try CSVFixtures.rows(table, in: store) == before, "\(table) changed")
        }

        func cleanUp() { CSVFixtures.cleanUp(directory) }
    }

    static let unitsHeader = "id,code,name,short_name,kind,level,parent,status,valid_from,valid_to,phone\r\n"

    @Test func unknownColumnNamesLineOneAndTheColumn() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.unchanged("units") {
            let result = try setup.importing("units", "id,code,nme,kind,level\r\n10,X,Tên,ward,commune\r\n")
            // `nme` is unknown, so the required `name` is missing as well.
            #expect(result.total == 2)
            let problem = try #require(result.problems.first)
            #expect(problem.line == 1)
            #expect(problem.column == "nme")
            #expect(result.problems.last?.reason == .missingColumn)
            #expect(result.problems.last?.column == "name")
            #expect(problem.reason == .unknownColumn(table: "units"))
            #expect(problem.message(.en) == "\(setup.directory)/units.csv:1: column 'nme': unknown column in table 'units'")
            #expect(problem.message(.vi) == "\(setup.directory)/units.csv:1: cột 'nme': bảng 'units' không có cột này")
        }
    }

    @Test func wrongTypeNamesTheLine() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.unchanged("units") {
            let text = Self.unitsHeader
                + "10,N-1,Một,,ward,commune,1,active,2024-01-31,,\r\n"
                + "11,N-2,Hai,,ward,commune,1,active,2025-02-29,,\r\n"
            let result = try setup.importing("units", text)
            #expect(result.total == 1)
            let problem = try #require(result.problems.first)
            #expect(problem.line == 3)
            #expect(problem.column == "valid_from")
            #expect(problem.reason == .wrongType(expected: .date, value: "2025-02-29"))
        }
        try setup.unchanged("models") {
            let result = try setup.importing("models", "code,title,kind,unit,year\r\nM-9,X,collective,2,hai nghìn\r\n")
            #expect(result.problems.map(\.line) == [2])
            #expect(result.problems.first?.reason == .wrongType(expected: .integer, value: "hai nghìn"))
        }
    }

    @Test func missingReferenceNamesTheLineAndTheValue() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.unchanged("models") {
            let text = "code,title,kind,unit,year\r\nM-8,Tốt,collective,P-TH-01,2024\r\nM-9,Xấu,collective,P-XX-99,2024\r\n"
                + "M-10,Số,collective,77,2024\r\n"
            let result = try setup.importing("models", text)
            #expect(result.problems.map(\.line) == [3, 4])
            #expect(result.problems.first?.reason == .missingReference(table: "units", value: "P-XX-99"))
            #expect(result.problems.last?.message(.en).hasSuffix(
                "models.csv:4: column 'unit': no row of table 'units' has the id or code '77'") == true)
        }
    }

    @Test func duplicateKeysInTheDatabaseAndInTheFile() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.unchanged("units") {
            let text = Self.unitsHeader
                + "2,N-1,Một,,ward,commune,,active,,,\r\n"        // id 2 is in the database
                + "20,N-2,Hai,,ward,commune,,active,,,\r\n"
                + "20,N-3,Ba,,ward,commune,,active,,,\r\n"        // id 20 again
                + "21,N-2,Bốn,,ward,commune,,active,,,\r\n"       // code N-2 again
                + "22,TP,Năm,,ward,commune,,active,,,\r\n"        // code TP is in the database
            let result = try setup.importing("units", text)
            #expect(result.problems.map(\.line) == [2, 4, 5, 6])
            #expect(result.problems.map(\.reason) == [
                .duplicateID(value: 2, firstLine: nil), .duplicateID(value: 20, firstLine: 3),
                .duplicateCode(value: "N-2", firstLine: 3), .duplicateCode(value: "TP", firstLine: nil),
            ])
        }
    }

    @Test func invalidUTF8NamesTheLineAndColumn() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        var bytes = Array("name,system,number\r\nCụm 3,dan_van,3\r\nCụm 4,dan_van,4\r\n".utf8)
        bytes += [0x43, 0xC3, 0x28, 0x6D] + Array(",dan_van,5\r\n".utf8)  // "C\xC3(m": a broken sequence
        try setup.unchanged("clusters") {
            let result = try setup.importing("clusters", bytes: bytes)
            #expect(result.total == 1)
            #expect(result.problems.first?.line == 4)
            #expect(result.problems.first?.column == "name")
            #expect(result.problems.first?.reason == .invalidUTF8)
        }
    }

    @Test func codeNotAllowedListsTheAllowedCodes() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.unchanged("units") {
            let result = try setup.importing("units", Self.unitsHeader + "30,V-1,Thôn,,village,residential,,active,,,\r\n")
            let problem = try #require(result.problems.first)
            #expect(problem.line == 2)
            #expect(problem.column == "kind")
            #expect(problem.reason == .codeNotAllowed(value: "village", allowed: Codes.unitKind.map(\.0)))
            #expect(problem.message(.en).contains("allowed values: city, district, ward, commune"))
        }
    }

    @Test func malformedRecordsNameTheirLines() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.unchanged("fields") {
            let text = "code,name,short_name\r\n"
                + "A,\"Một\r\nhai\",ok\r\n"      // lines 2-3: fine
                + "B,x\"y,z\r\n"                 // line 4: quote in an unquoted field
                + "C,\"q\"z,w\r\n"               // line 5: text after the closing quote
                + "D,two\r\n"                    // line 6: two fields, not three
                + "E,\"never closed,w\r\nF,g,h\r\n"  // line 7: unterminated, to the end
            let result = try setup.importing("fields", text)
            #expect(result.problems.map(\.line) == [4, 5, 6, 7])
            #expect(result.problems.map(\.reason) == [
                .syntax(.quoteInUnquotedField), .syntax(.textAfterClosingQuote),
                .fieldCount(expected: 3, got: 2), .syntax(.unterminatedQuote),
            ])
        }
    }

    @Test func twentyProblemsThenACount() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        var text = "code,name,short_name\r\nGOOD,Tốt,T\r\n"
        for row in 1...25 { text += "BAD\(row),\"x\"y,z\r\n" }
        try setup.unchanged("fields") {
            let result = try setup.importing("fields", text)
            #expect(result.total == 25)
            #expect(result.problems.count == 20)
            #expect(result.problems.map(\.line) == Array(3...22))
            let lines = CSVImportError.invalid(problems: result.problems, total: result.total).messages(.en)
            #expect(lines.count == 22)
            #expect(lines[20] == "... and 5 more errors")
            #expect(lines[21] == "Nothing was imported: 25 errors.")
        }
    }

    @Test func aConstraintOnlySQLiteChecksRollsBackEverything() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        // (cluster, unit, year) is UNIQUE: the third row repeats the fixture's first member.
        try setup.unchanged("cluster_members") {
            let text = "cluster,unit,year,role\r\n2,2,2025,lead\r\n2,3,2025,member\r\n1,2,2024,deputy\r\n"
            let result = try setup.importing("cluster_members", text)
            #expect(result.total == 1)
            #expect(result.problems.first?.line == 4)
            guard case .database = result.problems.first?.reason else {
                Issue.record("expected a database problem, got \(String(describing: result.problems.first))")
                return
            }
        }
    }

    @Test func emptyFileAndMissingRequiredColumn() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.unchanged("fields") {
            #expect(try setup.importing("fields", "").problems.map(\.reason) == [.emptyFile])
            let missing = try setup.importing("fields", "code,name\r\nX,Y\r\n")
            #expect(missing.problems.map(\.reason) == [.missingColumn])
            #expect(missing.problems.first?.column == "short_name")
        }
    }

    @Test func lenientInputImports() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        // Vietnamese headers with diacritics and labels, a label for a code, dd/mm/yyyy,
        // "có", a reference by code to a parent later in the file, no id column.
        let text = "\u{FEFF}Mã,Tên,Loại,Cấp,Đơn vị cha,trang_thai,Hiệu lực từ,valid_to\r\n"
            + "N-1,Phường Mới,Phường,commune,N-2,active,1/7/2025,\r\n"
            + "N-2,Quận Mới,district,district,TP, Đang hoạt động ,31/12/2024,\"\"\r\n"
        let result = try setup.importing("units", text)
        #expect(result.problems.isEmpty, "\(result.problems.map { $0.message(.en) })")
        let rows = try setup.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, kind, parent, status, valid_from, search_key FROM units WHERE code LIKE 'N-%' ORDER BY code")
        }
        #expect(rows.count == 2)
        let first = try #require(rows.first)
        let second = try #require(rows.last)
        // New ids come after the largest id there is (the fixture's 2^53 + 1).
        #expect(first["id"] as Int64? == CSVFixtures.bigID + 1)
        #expect(second["id"] as Int64? == CSVFixtures.bigID + 2)
        #expect(first["kind"] as String? == "ward")
        #expect(first["parent"] as Int64? == CSVFixtures.bigID + 2)
        #expect(second["parent"] as Int64? == 1)
        #expect(second["status"] as String? == "active")
        #expect(first["valid_from"] as String? == "2025-07-01")
        #expect(first["search_key"] as String? == "phuong moi")

        let people = "ho,ten_dem,ten,dang_vien,don_vi\r\nPhạm,Thu,Hà,có,P-TH-01\r\nVõ,,Sơn,không,\r\n"
        #expect(try setup.importing("ca_nhan", people).problems.isEmpty)
        let added = try setup.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT full_name, party_member, unit, middle_name FROM people WHERE id > 3 ORDER BY id")
        }
        #expect(added.map { $0["full_name"] as String? } == ["Phạm Thu Hà", "Võ Sơn"])
        #expect(added.map { $0["party_member"] as Int64? } == [1, 0])
        #expect(added.map { $0["unit"] as Int64? } == [2, nil])
        // middle_name is NOT NULL with default '': an empty field takes the default.
        #expect(added.last?["middle_name"] as String? == "")
    }

    @Test func singleTableImportNormalisesToNFCUnlessExact() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let nfd = "Xã Hòa Bình".decomposedStringWithCanonicalMapping
        #expect(try setup.importing("fields", "code,name,short_name\r\nN1,\(nfd),\(nfd)\r\nN2,Plain,P\r\n").total == 0)
        #expect(try setup.importing("fields", "code,name,short_name\r\nE1,\(nfd),x\r\n", normalize: false).total == 0)
        let names = try setup.store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM fields WHERE code IN ('N1', 'E1') ORDER BY code")
        }
        #expect(names.map { Array($0.utf8) } == [Array(nfd.utf8), Array("Xã Hòa Bình".nfc.utf8)])

        let path = try CSVFixtures.write("code,name,short_name\r\nN3,\(nfd),\(nfd)\r\n", to: setup.directory, name: "n.csv")
        let report = try CSVImporter.importFiles([ImportSource(table: try #require(CSVNames.table(named: "fields")),
                                                               path: path)], into: setup.store)
        #expect(report.normalizedValues == 2)
    }
}
