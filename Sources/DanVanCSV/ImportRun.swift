// The two passes of one import (CSVImporter.swift says what they are for). Pass 1 reads every
// file and finds every problem; pass 2 reads them again and writes, and is the same loop for
// the three kinds of import: a load INSERTs each row as it is read (a restore of 300,000
// models must stay fast), `--append` and `--update` gather the file's rows and hand them to
// the change writer in one call. What the writer refuses is turned back into a problem on
// the line of the row, so a person always learns which line of the file to fix.
import DanVanStore
import GRDB
import VietText

struct ImportRun {
    let sources: [ImportSource]
    let mode: ImportMode
    let options: CSVImportOptions
    let totalBytes: Int64
    let progress: ((ImportProgress) -> Void)?
    var problems: ProblemList
    var report = ImportReport()
    private var bytesDone: Int64 = 0
    private var lastReported: Int64 = 0

    init(sources: [ImportSource], mode: ImportMode, options: CSVImportOptions, totalBytes: Int64,
         progress: ((ImportProgress) -> Void)?) {
        self.sources = sources
        self.mode = mode
        self.options = options
        self.totalBytes = totalBytes
        self.progress = progress
        self.problems = ProblemList(limit: options.problemLimit)
    }

    /// Checks every file, then writes them: straight for a load, through `writer` (one step
    /// per file, recorded with `site`) for `--append` and `--update`.
    mutating func perform(db: Database, firstInputs: [ByteInput], writer: ChangeWriter? = nil,
                          site: ChangeSite? = nil) throws {
        let keys = KeyIndex(db: db)
        var plans: [ImportPlan] = []
        for (index, source) in sources.enumerated() {
            if let plan = try check(source, index: index, input: firstInputs[index], db: db, keys: keys) {
                plans.append(plan)
            }
        }
        report(.checking, force: true)
        guard problems.isEmpty else {
            throw CSVImportError.invalid(problems: problems.first, total: problems.total)
        }
        // New rows get ids after every id the database and the files hold.
        for plan in plans where mode != .update {
            let tableKeys = try keys.keys(plan.table)
            let (first, overflow) = tableKeys.maxID.addingReportingOverflow(1)
            let (_, lastOverflow) = first.addingReportingOverflow(Int64(tableKeys.newRows))
            if tableKeys.newRows > 0 && (overflow || lastOverflow) {
                throw CSVImportError.invalid(problems: [CSVProblem(file: plan.source.path, line: 1, column: "id",
                                                                   reason: .noFreeID)], total: 1)
            }
            tableKeys.firstNewID = first
        }
        // References inside a file may point forward; check them at commit.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        bytesDone = 0
        lastReported = 0
        for plan in plans {
            let count: Int
            if mode == .load {
                count = try load(plan, db: db, keys: keys)
            } else if let writer, let site {
                count = try change(plan, db: db, keys: keys, writer: writer, site: site)
            } else {
                throw CSVImportError.database("an --append or --update import without a change writer")
            }
            report.rows.append((plan.table.name, count))
        }
        report(.writing, force: true)
        // The writer keeps search keys as it writes; a load leaves them to this.
        if mode == .load { try Store.refreshSearchKeys(db) }
    }

    // MARK: Pass 1

    private mutating func check(_ source: ImportSource, index: Int, input: ByteInput, db: Database,
                                keys: KeyIndex) throws -> ImportPlan? {
        var reader = CSVReader(input: input)
        var record = CSVRecord()
        let tableKeys = try keys.keys(source.table)
        if mode == .load && options.onlyEmptyTables && tableKeys.hasRows {
            add(source, index, line: 1, field: 0, column: nil, .tableHasRows(table: source.table.name))
            tableKeys.unchecked = true
            bytesDone += input.size
            return nil
        }
        guard try reader.next(into: &record) else {
            add(source, index, line: 1, field: 0, column: nil, .emptyFile)
            tableKeys.unchecked = true
            return nil
        }
        let plan: ImportPlan
        switch try ImportPlan.make(source: source, fileIndex: index, header: record, mode: mode, db: db) {
        case .success(let made):
            plan = made
        case .failure(let batch):
            for problem in batch.items { problems.add(problem) }
            tableKeys.unchecked = true
            bytesDone += input.size
            return nil
        }
        var row = ConvertedRow()
        var deferred: [(line: Int, field: Int, header: String, key: ReferenceKey)] = []
        var readBefore: Int64 = 0
        while try reader.next(into: &record) {
            advance(&readBefore, reader.bytesRead, .checking)
            if record.isBlank && plan.fieldCount > 1 { continue }
            if let syntax = record.problem {
                add(source, index, line: record.line, field: 0, column: nil, .syntax(syntax))
                continue
            }
            guard record.count == plan.fieldCount else {
                add(source, index, line: record.line, field: 0, column: nil,
                    .fieldCount(expected: plan.fieldCount, got: record.count))
                continue
            }
            plan.convert(record, normalize: options.normalizeText, unmark: !options.raw, into: &row)
            report.normalizedValues += row.normalized
            for problem in row.problems {
                add(source, index, line: record.line, field: problem.fieldIndex, column: problem.header, problem.reason)
            }
            if mode == .update {
                checkUpdateKeys(row, plan: plan, line: record.line, keys: tableKeys)
            } else {
                checkNewKeys(row, plan: plan, line: record.line, keys: tableKeys)
            }
            for reference in row.references {
                guard let target = try keys.keys(named: reference.table), !target.unchecked else { continue }
                if target.resolve(reference.key) != nil { continue }
                if target === tableKeys {
                    deferred.append((record.line, reference.fieldIndex, reference.header, reference.key))
                } else {
                    add(source, index, line: record.line, field: reference.fieldIndex, column: reference.header,
                        .missingReference(table: target.table.name, value: reference.key.text))
                }
            }
        }
        advance(&readBefore, reader.bytesRead, .checking)
        for reference in deferred where tableKeys.resolve(reference.key) == nil {
            add(source, index, line: reference.line, field: reference.field, column: reference.header,
                .missingReference(table: source.table.name, value: reference.key.text))
        }
        return plan
    }

    /// New rows (a load, `--append`): an id the file gives must be new, and so must a code.
    /// A row's id and code are registered even when another field is wrong, so that rows
    /// referring to it do not all report a missing reference as well.
    private mutating func checkNewKeys(_ row: ConvertedRow, plan: ImportPlan, line: Int, keys tableKeys: TableKeys) {
        let source = plan.source, index = plan.fileIndex
        let thisRow: RowRef
        if let id = row.id {
            if let existing = tableKeys.existingID(id) {
                add(source, index, line: line, field: plan.idField ?? 0, column: header(plan, plan.idField),
                    .duplicateID(value: id, firstLine: existing.line))
            } else {
                tableKeys.fileIDs[id] = line
                if id > tableKeys.maxID { tableKeys.maxID = id }
            }
            thisRow = .id(id)
        } else {
            thisRow = .new(tableKeys.newRows)
            tableKeys.newRows += 1
        }
        if let code = row.code {
            if let existing = tableKeys.existingCode(code) {
                add(source, index, line: line, field: plan.codeField ?? 0,
                    column: header(plan, plan.codeField), .duplicateCode(value: code, firstLine: existing.line))
            } else {
                tableKeys.fileCodes[code] = (thisRow, line)
            }
        }
    }

    /// `--update`: the row a record names (by id, else by code) must be in the table and
    /// named once in the file; a code the file gives a row must not be another row's.
    private mutating func checkUpdateKeys(_ row: ConvertedRow, plan: ImportPlan, line: Int, keys tableKeys: TableKeys) {
        let source = plan.source, index = plan.fileIndex, table = plan.table.name
        if plan.matchByCode {
            // An empty or unreadable code is already a problem of the row.
            guard let code = row.code else { return }
            if let first = tableKeys.fileCodes[code] {
                add(source, index, line: line, field: plan.codeField ?? 0, column: header(plan, plan.codeField),
                    .duplicateCode(value: code, firstLine: first.line))
            } else if let id = tableKeys.databaseCodes[code] {
                tableKeys.fileCodes[code] = (.id(id), line)
            } else {
                add(source, index, line: line, field: plan.codeField ?? 0, column: header(plan, plan.codeField),
                    .noMatchingRow(table: table, value: code, byCode: true))
            }
            return
        }
        let idField = plan.idField ?? 0
        guard let id = row.id else {
            if !row.problems.contains(where: { $0.fieldIndex == idField }) {
                add(source, index, line: line, field: idField, column: header(plan, plan.idField), .valueRequired)
            }
            return
        }
        if let first = tableKeys.fileIDs[id] {
            add(source, index, line: line, field: idField, column: header(plan, plan.idField),
                .duplicateID(value: id, firstLine: first))
        } else if tableKeys.databaseIDs.contains(id) {
            tableKeys.fileIDs[id] = line
        } else {
            add(source, index, line: line, field: idField, column: header(plan, plan.idField),
                .noMatchingRow(table: table, value: String(id), byCode: false))
        }
        if let code = row.code {
            if let owner = tableKeys.databaseCodes[code], owner != id {
                add(source, index, line: line, field: plan.codeField ?? 0, column: header(plan, plan.codeField),
                    .duplicateCode(value: code, firstLine: nil))
            } else if let first = tableKeys.fileCodes[code] {
                add(source, index, line: line, field: plan.codeField ?? 0, column: header(plan, plan.codeField),
                    .duplicateCode(value: code, firstLine: first.line))
            } else {
                tableKeys.fileCodes[code] = (.id(id), line)
            }
        }
    }

    // MARK: Pass 2

    /// Reads `plan`'s file again and hands each row to `body` with its line and id (given,
    /// new, or found by its code), its references resolved into ids. A row that converts
    /// differently from pass 1 means the file changed under the import.
    private mutating func eachRow(_ plan: ImportPlan, keys: KeyIndex,
                                  _ body: (_ line: Int, _ id: Int64, _ row: inout ConvertedRow) throws -> Void) throws -> Int {
        let input = try ByteInput(path: plan.source.path)
        var reader = CSVReader(input: input)
        var record = CSVRecord()
        let tableKeys = try keys.keys(plan.table)
        var row = ConvertedRow()
        var newRow = 0
        var count = 0
        var readBefore: Int64 = 0
        func changed(_ line: Int) -> CSVImportError {
            .invalid(problems: [CSVProblem(file: plan.source.path, line: line, column: nil,
                                           reason: .changedDuringImport, fileIndex: plan.fileIndex)], total: 1)
        }
        guard try reader.next(into: &record) else { throw changed(1) }
        while try reader.next(into: &record) {
            advance(&readBefore, reader.bytesRead, .writing)
            if record.isBlank && plan.fieldCount > 1 { continue }
            guard record.problem == nil, record.count == plan.fieldCount else { throw changed(record.line) }
            plan.convert(record, normalize: options.normalizeText, unmark: !options.raw, into: &row)
            guard row.problems.isEmpty else { throw changed(record.line) }
            let id: Int64
            if let given = row.id {
                id = given
            } else if plan.matchByCode {
                guard let code = row.code, case .id(let found)? = tableKeys.resolve(.code(code)) else {
                    throw changed(record.line)
                }
                id = found
            } else {
                guard mode != .update, let new = tableKeys.id(of: .new(newRow)) else { throw changed(record.line) }
                id = new
                newRow += 1
            }
            row.values[0] = id.databaseValue
            for reference in row.references {
                guard let target = try keys.keys(named: reference.table),
                      let resolved = target.resolve(reference.key),
                      let id = target.id(of: resolved) else { throw changed(record.line) }
                row.values[reference.valueIndex] = id.databaseValue
            }
            try body(record.line, id, &row)
            count += 1
        }
        advance(&readBefore, reader.bytesRead, .writing)
        return count
    }

    /// A load: one INSERT a row, as it is read.
    private mutating func load(_ plan: ImportPlan, db: Database, keys: KeyIndex) throws -> Int {
        let statement = try db.makeStatement(sql: plan.insertSQL)
        var arguments = [(any DatabaseValueConvertible)?](repeating: nil, count: plan.insertColumns.count)
        let path = plan.source.path, fileIndex = plan.fileIndex
        return try eachRow(plan, keys: keys) { line, _, row in
            do {
                // Through an array of existentials: GRDB's init for a sequence of DatabaseValue
                // maps with a key path, which cost a seventh of the whole import in profiles.
                for index in row.values.indices { arguments[index] = row.values[index] }
                try statement.execute(arguments: StatementArguments(arguments))
            } catch let error as DatabaseError {
                throw CSVImportError.invalid(problems: [
                    CSVProblem(file: path, line: line, column: nil, reason: .database(error.message ?? "\(error)"),
                               fileIndex: fileIndex),
                ], total: 1)
            }
        }
    }

    /// `--append` and `--update`: the file's rows, all of them, to the writer in one call.
    private mutating func change(_ plan: ImportPlan, db: Database, keys: KeyIndex, writer: ChangeWriter,
                                 site: ChangeSite) throws -> Int {
        // The columns set: the file's, but the id and the code rows are found by.
        var indices: [Int] = []
        var names: [String] = []
        for (index, name) in plan.insertColumns.enumerated() where index > 0 {
            if plan.matchByCode && name == plan.table.naturalKey { continue }
            indices.append(index)
            names.append(name)
        }
        var rows: [(id: Int64, values: [DatabaseValue])] = []
        var lines: [Int64: Int] = [:]
        let count = try eachRow(plan, keys: keys) { line, id, row in
            var values: [DatabaseValue] = []
            values.reserveCapacity(indices.count)
            for index in indices { values.append(row.values[index]) }
            rows.append((id, values))
            lines[id] = line
        }
        // A file of keys alone changes nothing.
        guard !rows.isEmpty, mode == .append || !names.isEmpty else { return count }
        do {
            if mode == .append {
                _ = try writer.insert(table: plan.table.name, columns: names, rows: rows, site: site)
            } else {
                _ = try writer.update(table: plan.table.name, columns: names, rows: rows, site: site)
            }
        } catch let error as WriteError {
            throw try located(error, plan: plan, db: db, columns: names, rows: rows, lines: lines)
        }
        return count
    }

    /// The writer's refusal as a problem on the line of the row it names. A failure of
    /// SQLite's own (a UNIQUE over several columns, a CHECK) names no row: the rows are then
    /// tried one statement each, inside a savepoint rolled back afterwards, to find it.
    private func located(_ error: WriteError, plan: ImportPlan, db: Database, columns: [String],
                         rows: [(id: Int64, values: [DatabaseValue])], lines: [Int64: Int]) throws -> CSVImportError {
        func problem(_ line: Int, _ column: String?, _ reason: CSVProblem.Reason) -> CSVImportError {
            .invalid(problems: [CSVProblem(file: plan.source.path, line: line, column: column, reason: reason,
                                           fileIndex: plan.fileIndex)], total: 1)
        }
        switch error {
        case .invalidValue(_, let row?, _, let name, let value, let valueProblem):
            guard let line = lines[row], let column = plan.table.column(named: name) else { return .write(error) }
            var text = value
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            let header = plan.slots.lazy.compactMap { $0 }.first { $0.parser.column.name == name }?.header ?? name
            return problem(line, header, CSVProblem.Reason(valueProblem, column: column, text: text))
        case .missingRow(_, let id):
            guard let line = lines[id] else { return .write(error) }
            return problem(line, header(plan, plan.idField), .noMatchingRow(table: plan.table.name, value: String(id), byCode: false))
        case .duplicate, .database:
            if let failed = try firstFailingRow(plan: plan, db: db, columns: columns, rows: rows) {
                return problem(lines[failed.id] ?? 1, nil, .database(failed.message))
            }
            return .write(error)
        default:
            return .write(error)
        }
    }

    /// The first row, in file order, that SQLite refuses on its own.
    private func firstFailingRow(plan: ImportPlan, db: Database, columns: [String],
                                 rows: [(id: Int64, values: [DatabaseValue])]) throws -> (id: Int64, message: String)? {
        let table = plan.table.name.quotedDatabaseIdentifier
        let sql: String
        if mode == .append {
            let names = (["id"] + columns).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            sql = "INSERT INTO \(table) (\(names)) VALUES (\(marks))"
        } else {
            let sets = columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")
            sql = "UPDATE \(table) SET \(sets) WHERE id = ?"
        }
        try db.execute(sql: "SAVEPOINT dv_locate")
        defer {
            try? db.execute(sql: "ROLLBACK TO dv_locate")
            try? db.execute(sql: "RELEASE dv_locate")
        }
        let statement = try db.makeStatement(sql: sql)
        for row in rows {
            let values = mode == .append ? [row.id.databaseValue] + row.values : row.values + [row.id.databaseValue]
            do {
                try statement.execute(arguments: StatementArguments(values))
            } catch let error as DatabaseError {
                return (row.id, error.message ?? "\(error)")
            }
        }
        return nil
    }

    // MARK: Helpers

    private func header(_ plan: ImportPlan, _ field: Int?) -> String? {
        guard let field, field < plan.slots.count, let slot = plan.slots[field] else { return nil }
        return slot.header
    }

    private mutating func add(_ source: ImportSource, _ index: Int, line: Int, field: Int, column: String?,
                              _ reason: CSVProblem.Reason) {
        problems.add(CSVProblem(file: source.path, line: line, column: column, reason: reason,
                                fileIndex: index, fieldIndex: field))
    }

    /// Counts the bytes the reader took since `before` and reports progress now and then.
    private mutating func advance(_ before: inout Int64, _ now: Int64, _ phase: ImportProgress.Phase) {
        bytesDone += now - before
        before = now
        if bytesDone - lastReported >= CSVImporter.progressStep { report(phase, force: false) }
    }

    private mutating func report(_ phase: ImportProgress.Phase, force: Bool) {
        guard let progress else { return }
        if !force && bytesDone - lastReported < CSVImporter.progressStep { return }
        lastReported = bytesDone
        progress(ImportProgress(phase: phase, bytes: min(bytesDone, totalBytes), totalBytes: totalBytes))
    }
}
