// The domain binding without the language: tables by both names, values typed per column,
// references and relations resolved through the host, caches dropped by `invalidate()`.
import Foundation
import GRDB
import Testing
import DanVanLang
import DanVanStore
@testable import DanVanDomain

private func makeStore(_ dir: String) throws -> Store {
    let store = try Store(path: dir + "/d.db")
    try store.pool.write { db in
        try db.execute(sql: """
            INSERT INTO fields (id, code, name, short_name) VALUES (1, 'KT', 'Kinh tế', 'KT'), (2, 'QPAN', 'Quốc phòng - an ninh', 'QP-AN');
            INSERT INTO units (id, code, name, kind, level) VALUES (1, 'Q-DS', 'Quận Đông Sơn', 'district', 'district');
            INSERT INTO units (id, code, name, kind, level, parent) VALUES (2, 'P-TH', 'Phường Tân Hòa', 'ward', 'commune', 1),
                (3, 'P-AB', 'Phường An Bình', 'ward', 'commune', 1);
            INSERT INTO models (id, code, title, kind, field, unit, year, hotspot, started_on) VALUES
                (1, 'M1', 'Chủ nhật xanh', 'collective', 1, 2, 2024, 1, '2024-03-01'),
                (2, 'M2', 'Camera an ninh', 'collective', 2, 2, 2023, 0, NULL),
                (3, 'M3', 'Cổng an ninh trật tự', 'collective', 2, 3, 2024, 0, NULL);
            INSERT INTO clusters (id, number, name) VALUES (1, 1, 'Cụm thi đua số 1'), (2, 2, 'Cụm thi đua số 2');
            INSERT INTO cluster_members (cluster, unit, year) VALUES (1, 2, 2023), (2, 2, 2024), (2, 3, 2024);
            INSERT INTO people (id, family_name, middle_name, given_name) VALUES (1, 'Nguyễn', 'Thị', 'Hồng'), (2, 'Lê', '', 'An');
            INSERT INTO indicators (model, name, value, unit_of_measure) VALUES (1, 'Số hộ tham gia', 120, 'hộ');
            """)
    }
    return store
}

private func text(_ value: Value) -> String? {
    if case .text(let s) = value { return s }
    return nil
}

@Suite struct DomainHostTests {
    @Test func tablesAnswerToBothNames() throws {
        try withTemporaryDirectory { dir in
            let host = DomainHost(store: try makeStore(dir))
            #expect(host.table(named: "models")?.name == "models")
            #expect(host.table(named: "mo_hinh")?.name == "models")
            #expect(host.table(named: "don_vi")?.name == "units")
            #expect(host.table(named: "nope") == nil)
            #expect(host.tableNames.contains("linh_vuc"))
            #expect(try host.table(named: "models")?.rows().count == 3)
        }
    }

    @Test func valuesAreTypedPerColumn() throws {
        try withTemporaryDirectory { dir in
            let host = DomainHost(store: try makeStore(dir))
            let model = try #require(try host.table(named: "models")?.rows().first)
            let schema = model.schema
            let hotspot = try #require(schema.columnIndex["hotspot"])
            guard case .bool(true) = model.values[hotspot] else {
                Issue.record("hotspot should be a bool, got \(model.values[hotspot])"); return
            }
            let year = try #require(schema.columnIndex["nam"])
            guard case .int(2024) = model.values[year] else { Issue.record("year"); return }
            let indicator = try #require(try host.table(named: "indicators")?.rows().first)
            let value = try #require(indicator.schema.columnIndex["value"])
            guard case .double(120) = indicator.values[value] else { Issue.record("value should be decimal"); return }
        }
    }

    @Test func referencesAndRelationsResolve() throws {
        try withTemporaryDirectory { dir in
            let host = DomainHost(store: try makeStore(dir))
            let models = try #require(try host.table(named: "models")?.rows())
            guard case .reference(let column, let table)? = models[0].schema.links["unit"] else {
                Issue.record("models.unit is a reference"); return
            }
            #expect(table == "units")
            guard case .int(let unitID) = models[0].values[column] else { Issue.record("unit id"); return }
            let unit = try #require(try host.row(table: "units", id: unitID))
            #expect(text(unit.values[2]) == "Phường Tân Hòa")
            // The Vietnamese alias of the reference column is the same link.
            guard case .reference? = models[0].schema.links["don_vi"] else { Issue.record("don_vi"); return }

            let unitSchema = unit.schema
            guard case .relation(let child, let childColumn)? = unitSchema.links["models"] else {
                Issue.record("units.models is a relation"); return
            }
            #expect(child == "models" && childColumn == "unit")
            #expect(unitSchema.links["mo_hinh"] != nil)
            let children = try host.children(childTable: child, childColumn: childColumn, parentID: unitID)
            #expect(children.map { text($0.values[2]) } == ["Chủ nhật xanh", "Camera an ninh"])
            #expect(try host.children(childTable: "models", childColumn: "unit", parentID: 1).isEmpty)
            guard case .relation("units", "parent")? = unitSchema.links["units"],
                  case .relation("units", "parent")? = unitSchema.links["don_vi"] else {
                Issue.record("units.units and units.don_vi"); return
            }
            #expect(try host.children(childTable: "units", childColumn: "parent", parentID: 1).count == 2)
        }
    }

    /// Every relation of the catalog is a link of its parent's rows under its name and its
    /// alias: no column, reference or computed column of the parent takes either.
    @Test func everyRelationIsReachableByNameAndAlias() throws {
        try withTemporaryDirectory { dir in
            let host = DomainHost(store: try makeStore(dir))
            for table in Catalog.tables {
                let schema = try #require((host.table(named: table.name) as? DomainTable)?.schema)
                for relation in Catalog.relations(of: table.name) {
                    for name in [relation.name, relation.alias] {
                        guard case .relation(let child, let column)? = schema.links[name] else {
                            Issue.record("\(table.name).\(name) is not the relation \(relation.childTable).\(relation.childColumn)")
                            continue
                        }
                        #expect(child == relation.childTable && column == relation.childColumn, "\(table.name).\(name)")
                        #expect(schema.columnIndex[name] == nil, "\(table.name).\(name) is also a column")
                    }
                }
            }
        }
    }

    @Test func invalidateSeesNewRows() throws {
        try withTemporaryDirectory { dir in
            let store = try makeStore(dir)
            let host = DomainHost(store: store)
            #expect(try host.table(named: "units")?.rows().count == 3)
            try store.pool.write { db in
                try db.execute(sql: "INSERT INTO units (code, name, kind, level) VALUES ('X', 'Xã Phú Minh', 'commune', 'commune')")
            }
            #expect(try host.table(named: "units")?.rows().count == 3, "cached within one evaluation")
            host.invalidate()
            #expect(try host.table(named: "units")?.rows().count == 4)
        }
    }

    @Test func derivedClusterFollowsTheModelsYear() throws {
        try withTemporaryDirectory { dir in
            let host = DomainHost(store: try makeStore(dir))
            let models = try #require(try host.table(named: "models")?.rows())
            let index = try #require(models[0].schema.columnIndex["cluster"])
            let clusters = models.map { row -> Int64? in
                if case .int(let id) = row.values[index] { return id }
                return nil
            }
            // M1 (2024) and M2 (2023) belong to unit 2, which moved from cluster 1 to 2; M3's unit has only 2024.
            #expect(clusters == [2, 1, 2])
            guard case .reference(_, "clusters")? = models[0].schema.links["cum"] else { Issue.record("cum"); return }
            let units = try #require(try host.table(named: "units")?.rows())
            let unitCluster = try #require(units[0].schema.columnIndex["cluster"])
            #expect(units.map { row -> Int64? in
                if case .int(let id) = row.values[unitCluster] { return id }
                return nil
            } == [nil, 2, 2])
        }
    }

    @Test func sortNamePutsTheGivenNameFirst() throws {
        try withTemporaryDirectory { dir in
            let host = DomainHost(store: try makeStore(dir))
            let people = try #require(try host.table(named: "people")?.rows())
            let index = try #require(people[0].schema.columnIndex["sort_name"])
            #expect(people.map { text($0.values[index]) } == ["Hồng Thị Nguyễn", "An Lê"])
        }
    }

    @Test func anInterruptStopsATableLoad() throws {
        try withTemporaryDirectory { dir in
            let flag = InterruptFlag()
            let host = DomainHost(store: try makeStore(dir), interrupt: flag)
            flag.set()
            #expect(throws: HostInterrupted.self) { _ = try host.table(named: "models")?.rows() }
            flag.clear()
            #expect(try host.table(named: "models")?.rows().count == 3)
        }
    }
}

@Suite struct SnapshotTests {
    /// One evaluation reads one state of the database, whatever another session commits
    /// meanwhile; the next evaluation sees the change.
    @Test func anEvaluationReadsOneSnapshot() throws {
        try withTemporaryDirectory { dir in
            let store = try makeStore(dir)
            let other = try Store(path: dir + "/d.db")
            let host = DomainHost(store: store)
            var printed: [String] = []
            let interpreter = Interpreter(host: host, lang: .en, output: { printed.append($0) })
            let code = SourceText(name: "<t>", text: "print(fields | count, models | where field.code == \"X9\" | count)")
            try host.snapshot {
                try interpreter.run(code)
                try other.pool.write { db in
                    try db.execute(sql: """
                        INSERT INTO fields (id, code, name, short_name) VALUES (9, 'X9', 'Thử', 'T');
                        UPDATE models SET field = 9 WHERE id = 1;
                        """)
                }
                host.invalidate()
                try interpreter.run(code)
            }
            host.invalidate()
            try host.snapshot { try interpreter.run(code) }
            #expect(printed == ["2 0", "2 0", "3 1"])
        }
    }
}
