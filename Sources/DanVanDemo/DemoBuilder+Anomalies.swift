// Phase 8: the deliberate anomalies of domain.md §4, which the data-fix scripts and lessons
// repair: text in NFD, "Ð" (U+00D0) for "Đ", stray spaces, ASCII quotes, models without a
// field, recognised models without a decision, an achievement awarded twice in one decision
// and a person with family and given name swapped. (Duplicate units, the merged unit with
// active models, the silent communes, late reports and cultural models about security are
// made by the earlier phases.) Every anomalous row is recorded in the summary; everything
// else is NFC with the new tone placement.
import Foundation
import GRDB

extension DemoBuilder {
    func seedAnomalies() throws {
        var random = random("anomalies")
        let db = writer.db
        for (duplicate, original) in duplicates {
            anomalies.append(DemoAnomaly(.duplicateUnit, table: "units", id: id(duplicate), column: "name",
                                         note: "\(units[duplicate].name) ~ \(units[original].name)"))
        }
        var usedModels: Set<Int64> = []
        var usedPeople: Set<Int> = []

        // Models are drawn at random until enough pass the test: at `--scale 100` testing all
        // 300,000 titles (NFD conversion included) would cost seconds.
        func pickModels(_ count: Int, _ predicate: (DemoModelRecord) -> Bool) -> [DemoModelRecord] {
            var chosen: [DemoModelRecord] = []
            var attempts = 0
            while chosen.count < count && attempts < 1000 * count && !models.isEmpty {
                attempts += 1
                let record = models[random.below(models.count)]
                guard !usedModels.contains(record.id), predicate(record) else { continue }
                usedModels.insert(record.id)
                chosen.append(record)
            }
            return chosen
        }
        func pickPeople(_ count: Int, _ predicate: (DemoPerson) -> Bool) -> [Int] {
            var chosen: [Int] = []
            var attempts = 0
            while chosen.count < count && attempts < 1000 * count && !people.isEmpty {
                attempts += 1
                let person = random.below(people.count)
                guard !usedPeople.contains(person), predicate(people[person]) else { continue }
                usedPeople.insert(person)
                chosen.append(person)
            }
            return chosen
        }
        func setTitle(_ record: DemoModelRecord, _ title: String, _ kind: DemoAnomaly.Kind) throws {
            try db.execute(sql: "UPDATE models SET title = ? WHERE id = ?", arguments: [title, record.id])
            anomalies.append(DemoAnomaly(kind, table: "models", id: record.id, column: "title", note: title))
        }
        func setName(_ person: Int, family: String, middle: String, given: String, _ kind: DemoAnomaly.Kind,
                     column: String) throws {
            try db.execute(sql: "UPDATE people SET family_name = ?, middle_name = ?, given_name = ? WHERE id = ?",
                           arguments: [family, middle, given, personID(person)])
            let shown = [family, middle, given].filter { !$0.isEmpty }.joined(separator: " ")
            anomalies.append(DemoAnomaly(kind, table: "people", id: personID(person), column: column, note: shown))
        }
        func decomposed(_ text: String) -> String { text.decomposedStringWithCanonicalMapping }
        func changesUnderNFD(_ text: String) -> Bool {
            !decomposed(text).unicodeScalars.elementsEqual(text.unicodeScalars)
        }

        // Text in NFD: three model titles, four people, one residential group.
        for record in pickModels(3, { changesUnderNFD($0.title) }) {
            try setTitle(record, decomposed(record.title), .decomposedText)
        }
        for person in pickPeople(4, { changesUnderNFD($0.fullName) }) {
            let p = people[person]
            try setName(person, family: decomposed(p.family), middle: decomposed(p.middle), given: decomposed(p.given),
                        .decomposedText, column: "full_name")
        }
        let groups = residentials.filter { changesUnderNFD(units[$0].name) }
        if !groups.isEmpty {
            let group = groups[random.below(groups.count)]
            let name = decomposed(units[group].name)
            try db.execute(sql: "UPDATE units SET name = ? WHERE id = ?", arguments: [name, id(group)])
            anomalies.append(DemoAnomaly(.decomposedText, table: "units", id: id(group), column: "name", note: name))
        }

        // One "Ð" (U+00D0, Icelandic eth) for "Đ" in a family name.
        if let person = pickPeople(1, { $0.family.hasPrefix("Đ") }).first {
            let p = people[person]
            try setName(person, family: "Ð" + p.family.dropFirst(), middle: p.middle, given: p.given,
                        .lookAlikeLetter, column: "family_name")
        }

        // Stray spaces: trailing in two unit names, three titles and two given names; doubled in one title.
        let spaced = [departmentsAfter.last, newMassOrgs.first].compactMap { $0 }
        for unit in spaced {
            let name = units[unit].name + " "
            try db.execute(sql: "UPDATE units SET name = ? WHERE id = ?", arguments: [name, id(unit)])
            anomalies.append(DemoAnomaly(.extraSpaces, table: "units", id: id(unit), column: "name", note: name))
        }
        for record in pickModels(3, { _ in true }) {
            try setTitle(record, record.title + " ", .extraSpaces)
        }
        for record in pickModels(1, { $0.title.contains(" ") }) {
            if let space = record.title.firstIndex(of: " ") {
                var title = record.title
                title.insert(" ", at: space)
                try setTitle(record, title, .extraSpaces)
            }
        }
        for person in pickPeople(2, { !$0.family.hasPrefix("Đ") }) {
            let p = people[person]
            try setName(person, family: p.family, middle: p.middle, given: p.given + " ", .extraSpaces, column: "given_name")
        }

        // ASCII quotes where the house style has “ ”.
        for record in pickModels(5, { $0.title.contains("“") }) {
            let title = record.title.replacingAll("“", with: "\"").replacingAll("”", with: "\"")
            try setTitle(record, title, .asciiQuotes)
        }

        // Models without a field.
        for record in pickModels(15, { $0.collective }) {
            try db.execute(sql: "UPDATE models SET field = NULL WHERE id = ?", arguments: [record.id])
            anomalies.append(DemoAnomaly(.modelWithoutField, table: "models", id: record.id, column: "field", note: record.title))
        }

        // Recognised models whose decision was never recorded.
        for record in pickModels(5, { $0.status == "recognised" }) {
            try db.execute(sql: "DELETE FROM recognitions WHERE model = ?", arguments: [record.id])
            anomalies.append(DemoAnomaly(.recognisedWithoutDecision, table: "models", id: record.id, column: nil,
                                         note: record.title))
        }

        // One decision that commends the same achievement twice (domain.md §2.3: "one achievement, one award").
        let rows = try Row.fetchAll(db, sql: """
            SELECT decision_no, decided_on, issuer, form, unit, person, model, achievement, amount, year
            FROM awards WHERE model IS NOT NULL AND status = 'valid' AND year = 2023 ORDER BY id
            """)
        if !rows.isEmpty {
            let row = rows[random.below(rows.count)]
            var values: [(any DatabaseValueConvertible)?] = (0..<10).map { row[$0] as DatabaseValue }
            values.append("valid")
            let copy = try writer.awards.insert(values)
            let decision: String = row["decision_no"] ?? ""
            let achievement: String = row["achievement"] ?? ""
            anomalies.append(DemoAnomaly(.awardedTwice, table: "awards", id: copy, column: nil,
                                         note: "\(decision): \(achievement)"))
        }

        // A person stored with family and given name swapped.
        if let person = pickPeople(1, { $0.family == "Nguyễn" && !$0.middle.isEmpty && $0.staff }).first {
            let p = people[person]
            try setName(person, family: p.given, middle: p.middle, given: p.family, .swappedName, column: "family_name")
        }
    }
}
