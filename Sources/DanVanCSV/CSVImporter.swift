// `danvan import`: loads CSV files into their tables, all or nothing. Inside one immediate
// write transaction (so no other session changes the keys between checking and writing) it
// reads every file twice, streaming (ImportRun.swift):
//   1. check: header, syntax, UTF-8, types, codes, NOT NULL, duplicate ids and codes,
//      references (to the database, to earlier files, or anywhere in the same file: a unit's
//      parent may come later in the file than the unit); nothing is written;
//   2. write, only when pass 1 found nothing: the same conversion again, then the rows go in.
// `importFiles` loads new rows straight with INSERT (a restore, an empty table);
// `importChanges` (`--append`, `--update`) hands all of a file's rows to the `ChangeWriter`
// in one call, so they are checked by the store's rules, logged as one change set that undo
// reverts, and can be previewed and rolled back (`dryRun`). Any SQLite error rolls
// everything back too, and is reported with the line of the row.
import DanVanStore
import GRDB
import VietText

public struct CSVImportOptions: Sendable {
    /// Store text in NFC (the store's form). Off for an exact restore of an export.
    public var normalizeText: Bool
    /// How many problems are listed before "... and N more errors".
    public var problemLimit: Int
    /// Refuse a table that has rows: `danvan import TABLE FILE` adds rows to one only with
    /// --append, which logs them (a straight load cannot be undone).
    public var onlyEmptyTables: Bool
    /// Do everything, report it, then roll it back: nothing is changed.
    public var dryRun: Bool
    /// Keep every text as the file has it (`--raw`): off, a text that starts with `'` and
    /// then a formula's first character loses one `'`, the mark `danvan export` adds.
    public var raw: Bool

    public init(normalizeText: Bool = true, problemLimit: Int = 20, onlyEmptyTables: Bool = false,
                dryRun: Bool = false, raw: Bool = false) {
        self.normalizeText = normalizeText
        self.problemLimit = problemLimit
        self.onlyEmptyTables = onlyEmptyTables
        self.dryRun = dryRun
        self.raw = raw
    }
}

/// What `importChanges` does with the file's rows.
public enum ChangeImportMode: Sendable {
    /// Adds them as new rows (`--append`).
    case append
    /// Changes the rows they name by id or code, only in the file's columns (`--update`).
    case update
}

/// The change log's side of an import: what it does, who does it, and whether it stays.
public struct ChangeImportOptions: Sendable {
    public var mode: ChangeImportMode
    /// Recorded as the change set's user.
    public var user: String
    /// Recorded as the change set's origin (`import units.csv`).
    public var origin: String
    /// The command as typed, recorded as the change set's statement.
    public var statement: String
    /// Rows of each table and action shown in the report's summary.
    public var previewRows: Int

    public init(mode: ChangeImportMode, user: String, origin: String, statement: String, previewRows: Int = 3) {
        self.mode = mode
        self.user = user
        self.origin = origin
        self.statement = statement
        self.previewRows = previewRows
    }
}

/// What `importChanges` did, or would do (a dry-run).
public struct ChangeImportReport: Sendable {
    public var table: String
    /// Data rows in the file.
    public var fileRows = 0
    public var inserted = 0
    public var updated = 0
    /// The change set written; nil after a dry-run or when no row changed.
    public var change: Int64?
    /// What changed, per table and action, with the first rows (`column: old → new`); nil
    /// when no row changed.
    public var summary: ChangeSummary?
    public var normalizedValues = 0
    public var dryRun = false
}

public struct ImportProgress: Sendable {
    public enum Phase: Sendable { case checking, writing }
    public let phase: Phase
    public let bytes: Int64
    public let totalBytes: Int64
}

public struct ImportReport: Sendable {
    /// Rows inserted per table, in import order.
    public var rows: [(table: String, count: Int)] = []
    /// Text values changed to NFC.
    public var normalizedValues = 0
}

public enum CSVImportError: Error, Sendable {
    /// Gives every failure of an import one shape, as `CSVExportError(wrapping:)` does.
    init(wrapping error: any Error) {
        switch error {
        case let error as CSVImportError: self = error
        case let error as CSVIOError: self = .io(error)
        case let error as WriteError: self = .write(error)
        case let error as DatabaseError:
            // Busy, or changed by another session: the store's words for them.
            switch ChangeWriter.translate(error) {
            case let write as WriteError where write == .busy || write == .staleSnapshot: self = .write(write)
            default: self = .database(error.message ?? "\(error)")
            }
        default: self = .database("\(error)")
        }
    }

    /// The files are wrong; nothing was imported. `problems` are the first ones in file order.
    case invalid(problems: [CSVProblem], total: Int)
    case io(CSVIOError)
    case database(String)
    /// The change writer refused, for a reason no line of the file explains (the database
    /// is busy, say); nothing was changed.
    case write(WriteError)

    /// One line per problem, then "... and N more errors" and a summary.
    public func messages(_ lang: Lang) -> [String] {
        switch self {
        case .invalid(let problems, let total):
            var lines = problems.map { $0.message(lang) }
            let more = total - problems.count
            if more > 0 { lines.append(more == 1 ? Messages.oneMoreProblem(lang) : Messages.moreProblems(lang, more)) }
            lines.append(total == 1 ? Messages.nothingImportedOne(lang) : Messages.nothingImported(lang, total))
            return lines
        case .io(let error):
            return [Localized(vi: "không đọc được {0}: {1}", en: "cannot read {0}: {1}")(lang, error.path, error.reason)]
        case .database(let reason):
            return [Localized(vi: "lỗi cơ sở dữ liệu, không nhập gì: {0}",
                              en: "database error, nothing was imported: {0}")(lang, reason)]
        case .write(let error):
            return [error.message(lang)]
        }
    }
}

public enum CSVImporter {
    /// Bytes between progress reports: a few per 64 KB chunk would be wasted work.
    static let progressStep: Int64 = 256 * 1024

    /// The files of an `export --all` directory, in catalog (dependency) order, and the
    /// tables whose file is missing.
    public static func sources(inDirectory directory: String, exists: (String) -> Bool)
        -> (sources: [ImportSource], missing: [String]) {
        var sources: [ImportSource] = []
        var missing: [String] = []
        for table in Catalog.tables {
            let path = directory + "/" + CSVExporter.fileName(of: table)
            if exists(path) { sources.append(ImportSource(table: table, path: path)) } else { missing.append(path) }
        }
        return (sources, missing)
    }

    /// Imports `sources` in order, all in one transaction.
    @discardableResult
    public static func importFiles(_ sources: [ImportSource], into store: Store,
                                   options: CSVImportOptions = CSVImportOptions(),
                                   progress: ((ImportProgress) -> Void)? = nil) throws(CSVImportError) -> ImportReport {
        var inputs: [ByteInput] = []
        do {
            for source in sources { inputs.append(try ByteInput(path: source.path)) }
        } catch {
            throw .io(error)
        }
        let totalBytes = inputs.reduce(Int64(0)) { $0 + $1.size }
        var run = ImportRun(sources: sources, mode: .load, options: options, totalBytes: totalBytes, progress: progress)
        do {
            try store.pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try run.perform(db: db, firstInputs: inputs)
                    return options.dryRun ? .rollback : .commit
                }
            }
        } catch {
            throw CSVImportError(wrapping: error)
        }
        return run.report
    }

    /// Adds the rows of `source` to its table, or changes the rows they name, as one change
    /// set of the change log; with `options.dryRun`, reports what would change and changes
    /// nothing.
    public static func importChanges(_ source: ImportSource, into store: Store, change: ChangeImportOptions,
                                     options: CSVImportOptions = CSVImportOptions(),
                                     progress: ((ImportProgress) -> Void)? = nil) throws(CSVImportError) -> ChangeImportReport {
        let input: ByteInput
        do {
            input = try ByteInput(path: source.path)
        } catch {
            throw .io(error)
        }
        var run = ImportRun(sources: [source], mode: change.mode == .append ? .append : .update, options: options,
                            totalBytes: input.size, progress: progress)
        var report = ChangeImportReport(table: source.table.name)
        report.dryRun = options.dryRun
        do {
            try store.pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let writer = try ChangeWriter(db: db, user: change.user, origin: change.origin)
                    let site = ChangeSite(source: source.path, line: 0, text: change.statement)
                    try run.perform(db: db, firstInputs: [input], writer: writer, site: site)
                    report.fileRows = run.report.rows.first?.count ?? 0
                    report.normalizedValues = run.report.normalizedValues
                    report.inserted = writer.inserted
                    report.updated = writer.updated
                    if let id = try writer.finish() {
                        report.change = id
                        report.summary = try ChangeLog.summary(db, change: id, sample: change.previewRows)
                    }
                    return options.dryRun ? .rollback : .commit
                }
            }
        } catch {
            throw CSVImportError(wrapping: error)
        }
        if options.dryRun { report.change = nil }
        return report
    }
}

