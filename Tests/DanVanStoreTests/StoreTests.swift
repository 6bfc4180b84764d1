// The store: schema against catalog, migrations from older files, where the file lives.
import DanVanTestSupport
import Foundation
import GRDB
import Testing
@testable import DanVanStore

@Suite struct StoreTests {
    @Test func catalogMatchesTheRealSchema() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/a.db")
            try store.pool.read { db throws in
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table'
                    AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name
                    """)
                #expect(tables == (Catalog.tables + Catalog.logTables).map(\.name).sorted())
                for table in Catalog.logTables {
                    let rows = try GRDB.Row.fetchAll(db, sql: "PRAGMA table_xinfo(\(table.name))")
                    #expect(rows.map { $0["name"] as String } == table.columns.map(\.name), "columns of \(table.name)")
                }
                for table in Catalog.tables {
                    // table_xinfo lists generated columns too (hidden = 2 or 3).
                    let rows = try GRDB.Row.fetchAll(db, sql: "PRAGMA table_xinfo(\(table.name))")
                    let names = rows.map { $0["name"] as String }
                    #expect(names == table.columns.map(\.name), "columns of \(table.name)")
                    let foreign = try GRDB.Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.name))")
                    var references: [String: String] = [:]
                    for key in foreign { references[key["from"] as String] = key["table"] as String }
                    for column in table.columns {
                        #expect(references[column.name] == column.referencedTable,
                                "reference of \(table.name).\(column.name)")
                    }
                }
            }
        }
    }

    @Test func catalogNamesAreUnique() {
        var tableNames = Set<String>()
        for table in Catalog.tables {
            #expect(tableNames.insert(table.name).inserted)
            #expect(table.alias == table.name || tableNames.insert(table.alias).inserted, "\(table.alias)")
            var columnNames = Set<String>()
            for column in table.columns {
                #expect(columnNames.insert(column.name).inserted, "\(table.name).\(column.name)")
                #expect(column.alias == column.name || columnNames.insert(column.alias).inserted,
                        "\(table.name).\(column.alias)")
            }
            #expect(table.column(named: table.displayColumn) != nil, "display column of \(table.name)")
        }
    }

    /// Every reference is reachable backwards, once, under a name and an alias of its own:
    /// where a table refers to another twice, each direction is named in `relationNames`
    /// rather than left to the `child_column` fallback.
    @Test func catalogRelationsReachEveryReferenceUnderDistinctNames() {
        for table in Catalog.tables {
            let relations = Catalog.relations(of: table.name)
            var expected: [String] = []
            for child in Catalog.tables {
                for column in child.columns where column.referencedTable == table.name {
                    expected.append(child.name + "." + column.name)
                }
            }
            #expect(relations.map { $0.childTable + "." + $0.childColumn } == expected, "\(table.name)")
            var names = Set(table.columns.flatMap { [$0.name, $0.alias] })
            for relation in relations {
                #expect(names.insert(relation.name).inserted, "\(table.name).\(relation.name) is taken")
                #expect(names.insert(relation.alias).inserted, "\(table.name).\(relation.alias) is taken")
                #expect(relation.name == relation.childTable
                        || Catalog.relationNames[relation.childTable + "." + relation.childColumn] != nil,
                        "\(table.name).\(relation.name) needs a name in Catalog.relationNames")
                #expect(!relation.label.vi.isEmpty && !relation.label.en.isEmpty)
            }
        }
        let units = Catalog.relations(of: "units")
        #expect(units.first { $0.name == "units" }.map { [$0.alias, $0.childTable, $0.childColumn] }
                == ["don_vi", "units", "parent"])
        #expect(units.first { $0.name == "successors" }.map { [$0.alias, $0.childTable, $0.childColumn] }
                == ["ke_thua", "unit_successions", "old_unit"])
        #expect(units.first { $0.name == "predecessors" }.map { [$0.alias, $0.childTable, $0.childColumn] }
                == ["tien_than", "unit_successions", "new_unit"])
        #expect(units.first { $0.name == "models" }?.childColumn == "unit")
        #expect(units.first { $0.name == "located_models" }?.childColumn == "location")
    }

    @Test func catalogTablesComeAfterTheTablesTheyReference() {
        var seen = Set<String>()
        for table in Catalog.tables {
            for column in table.columns {
                if let target = column.referencedTable, target != table.name {
                    #expect(seen.contains(target), "\(table.name).\(column.name) → \(target)")
                }
            }
            seen.insert(table.name)
        }
    }

    @Test func opensInWALModeWithForeignKeys() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/nested/dir/a.db")
            try store.pool.write { db throws in
                #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
                #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1)
                #expect(throws: DatabaseError.self) {
                    try db.execute(sql: "INSERT INTO models (code, title, kind, unit, year) VALUES ('M1', 'x', 'collective', 999, 2024)")
                }
            }
        }
    }

    @Test func upgradesAVersion1FileInPlaceKeepingItsRows() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/old.db"
            // A file as DanVan's first release left it: only migration v1 applied.
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator().migrate(queue, upTo: "v1")
            try queue.write { db throws in
                try db.execute(sql: """
                    INSERT INTO units (id, code, name, kind, level) VALUES (1, 'P-TH', 'Phường Tân Hòa', 'ward', 'commune');
                    INSERT INTO fields (id, code, name, short_name) VALUES (1, 'KT', 'Kinh tế', 'KT');
                    INSERT INTO models (id, code, title, kind, field, unit, year) VALUES (1, 'MH-1', 'Chủ nhật xanh', 'collective', 1, 1, 2024);
                    """)
            }
            try queue.close()
            let store = try Store(path: path)
            #expect(try store.appliedMigrations() == Migrations.all.map(\.id))
            try store.pool.read { db throws in
                #expect(try String.fetchOne(db, sql: "SELECT title FROM models WHERE id = 1") == "Chủ nhật xanh")
                #expect(try String.fetchOne(db, sql: "SELECT name FROM units WHERE id = 1") == "Phường Tân Hòa")
                #expect(try db.tableExists("model_partners"))
                #expect(try db.tableExists("model_tags"))
            }
            // Opening again is a no-op.
            _ = try Store(path: path)
        }
    }

    @Test func refusesAFileFromANewerVersion() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/new.db"
            _ = try Store(path: path)
            let queue = try DatabaseQueue(path: path)
            try queue.write { db throws in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
            }
            try queue.close()
            #expect {
                _ = try Store(path: path)
            } throws: { error in
                guard case StoreError.newerVersion(_, let ids) = error else { return false }
                return ids == ["v99-future"]
            }
        }
    }

    @Test func searchKeysAreDiacriticFree() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/a.db")
            try store.pool.write { db throws in
                try db.execute(sql: """
                    INSERT INTO units (code, name, kind, level) VALUES ('X', 'Đảng ủy Phường Tân Hòa', 'party_committee', 'commune');
                    INSERT INTO people (family_name, middle_name, given_name) VALUES ('Nguyễn', 'Thị', 'Hồng');
                    """)
                try Store.refreshSearchKeys(db)
                #expect(try String.fetchOne(db, sql: "SELECT search_key FROM units") == "dang uy phuong tan hoa")
                #expect(try String.fetchOne(db, sql: "SELECT full_name FROM people") == "Nguyễn Thị Hồng")
                #expect(try String.fetchOne(db, sql: "SELECT search_key FROM people") == "nguyen thi hong")
            }
        }
    }

    @Test func locationFollowsFlagThenEnvironmentThenXDG() {
        #expect(StoreLocation.resolve(flag: "x.db", environment: ["DANVAN_DB": "y.db"]) == "x.db")
        #expect(StoreLocation.resolve(flag: nil, environment: ["DANVAN_DB": "y.db"]) == "y.db")
        #expect(StoreLocation.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
                == "/d/danvan/danvan.db")
        #expect(StoreLocation.resolve(flag: nil, environment: ["HOME": "/h"]) == "/h/.local/share/danvan/danvan.db")
    }
}
