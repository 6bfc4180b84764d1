// `danvan export`: writes a table, or every table, as RFC 4180 CSV. Columns come in catalog
// order without the derived ones (search keys, `full_name`: the store recomputes them), rows
// in id order, so an export of the same data is the same file. Values are written so that
// the importer reads back exactly what was stored: NULL as an empty field, empty text as
// `""`, reals in Swift's shortest round-trip form (`0.1`, `1e-07`). A text that starts like a
// spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, which the importer
// takes off again (`SpreadsheetText`; `raw` writes texts as stored). Files are written through
// DanVanFiles (a unique temporary file renamed at the end, the old file's mode kept, a link
// followed, a device or FIFO written in place), so a failed export never leaves half a file
// where a good one was. `--all` writes `manifest.txt` last (ExportManifest.swift): the folder
// is one whole snapshot only when it is there and every file matches it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanFiles
import DanVanOutput
import DanVanStore
import GRDB
import VietText

public struct CSVExportOptions: Sendable {
    public enum Header: Sendable {
        /// Canonical column names (`name`).
        case canonical
        /// Vietnamese aliases (`ten`).
        case vietnamese
    }

    public var bom: Bool
    public var header: Header
    /// Texts exactly as stored (`--raw`), without the `'` that keeps a spreadsheet from
    /// running a text that starts like a formula (`SpreadsheetText`).
    public var raw: Bool

    public init(bom: Bool = true, header: Header = .canonical, raw: Bool = false) {
        self.bom = bom
        self.header = header
        self.raw = raw
    }
}

/// How far an export is: rows of `table` written so far.
public struct ExportProgress: Sendable {
    public let table: String
    public let rows: Int
    public let totalRows: Int
    public let bytes: Int64
}

public enum CSVExportError: Error, Sendable {
    /// Gives every failure of an export one shape: our own errors as they are, the rest as
    /// I/O or database errors with SQLite's message.
    init(wrapping error: any Error) {
        switch error {
        case let error as CSVExportError: self = error
        case let error as CSVIOError: self = .io(error)
        case let error as FileWriteError: self = .file(error)
        case let error as DatabaseError: self = .database(error.message ?? "\(error)")
        default: self = .database("\(error)")
        }
    }

    case io(CSVIOError)
    /// The file could not be made, written or put in place (a full disk, a link to nothing).
    case file(FileWriteError)
    /// A BLOB in a column: no catalog column holds binary data, and CSV cannot carry it.
    case binaryValue(table: String, id: String, column: String)
    case database(String)

    public func message(_ lang: Lang) -> String {
        switch self {
        case .io(let error):
            return Localized(vi: "không ghi được {0}: {1}", en: "cannot write {0}: {1}")(lang, error.path, error.reason)
        case .file(let error):
            return error.message(lang)
        case .binaryValue(let table, let id, let column):
            return Localized(vi: "bảng '{0}', dòng có mã số {1}, cột '{2}': dữ liệu nhị phân không xuất ra CSV được",
                             en: "table '{0}', row id {1}, column '{2}': binary data cannot be written to CSV")(
                lang, table, id, column)
        case .database(let reason):
            return Localized(vi: "lỗi cơ sở dữ liệu: {0}", en: "database error: {0}")(lang, reason)
        }
    }
}

public enum CSVExporter {
    /// How often (in rows) progress is reported: often enough for a smooth bar, rarely
    /// enough to cost nothing.
    static let progressEvery = 2048

    /// The columns a file holds, in catalog order: every column but the derived ones.
    public static func columns(of table: DanVanStore.Table) -> [DanVanStore.Column] {
        table.columns.filter { !$0.derived }
    }

    /// The file name of `table` in an `--all` directory.
    public static func fileName(of table: DanVanStore.Table) -> String {
        table.name + ".csv"
    }

    /// Writes `table` to `output`; returns the number of rows.
    @discardableResult
    public static func export(table: DanVanStore.Table, from store: Store, to output: ByteOutput,
                              options: CSVExportOptions = CSVExportOptions(),
                              progress: ((ExportProgress) -> Void)? = nil) throws(CSVExportError) -> Int {
        do {
            return try store.pool.read { db in
                try write(table: table, db: db, output: output, options: options, progress: progress)
            }
        } catch {
            throw CSVExportError(wrapping: error)
        }
    }

    /// Writes `table` to the file at `path` (replacing it only once complete).
    @discardableResult
    public static func export(table: DanVanStore.Table, from store: Store, toFile path: String,
                              options: CSVExportOptions = CSVExportOptions(),
                              progress: ((ExportProgress) -> Void)? = nil) throws(CSVExportError) -> Int {
        var rows = 0
        try writeFile(at: path) { output throws(CSVExportError) in
            rows = try export(table: table, from: store, to: output, options: options, progress: progress)
        }
        return rows
    }

    /// Writes every table to `DIRECTORY/TABLE.csv`, all from one snapshot of the database
    /// so that references between the files agree, then `manifest.txt` listing each file's
    /// size and CRC-32. The old manifest is removed first: a folder whose export was
    /// interrupted has none, and `import --all` refuses it. Creates the directory if needed.
    public static func exportAll(from store: Store, to directory: String,
                                 options: CSVExportOptions = CSVExportOptions(),
                                 progress: ((ExportProgress) -> Void)? = nil) throws(CSVExportError) -> [(table: String, rows: Int)] {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw .io(CSVIOError.current(directory))
        }
        let manifestPath = directory + "/" + ExportManifest.fileName
        if unlink(manifestPath) != 0 && errno != ENOENT {
            throw .file(FileWriteError.current(manifestPath))
        }
        var counts: [(table: String, rows: Int)] = []
        var manifest = ExportManifest()
        do {
            try store.pool.read { db in
                for table in Catalog.tables {
                    let path = directory + "/" + fileName(of: table)
                    let written = try writeFile(at: path) { output throws(CSVExportError) in
                        do {
                            let rows = try write(table: table, db: db, output: output, options: options,
                                                 progress: progress)
                            counts.append((table.name, rows))
                        } catch {
                            throw CSVExportError(wrapping: error)
                        }
                    }
                    manifest.entries.append(.init(name: fileName(of: table), size: written.size, crc: written.crc))
                }
            }
        } catch {
            throw CSVExportError(wrapping: error)
        }
        do {
            try SafeFile.write(Array(manifest.text.utf8), to: manifestPath)
        } catch {
            throw .file(error)
        }
        return counts
    }

    /// The header cells of `table`'s file.
    public static func header(of table: DanVanStore.Table, _ style: CSVExportOptions.Header) -> [String] {
        columns(of: table).map { style == .vietnamese ? $0.alias : $0.name }
    }

    private static func write(table: DanVanStore.Table, db: Database, output: ByteOutput, options: CSVExportOptions,
                              progress: ((ExportProgress) -> Void)?) throws -> Int {
        let columns = columns(of: table)
        let writer = try CSVWriter(output: output, bom: options.bom)
        try writer.write(record: header(of: table, options.header))
        let list = columns.map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
        let tableName = table.name.quotedDatabaseIdentifier
        let total = progress == nil ? 0 : (try Int.fetchOne(db, sql: "SELECT count(*) FROM \(tableName)") ?? 0)
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(tableName) ORDER BY id")
        var fields = [String?](repeating: nil, count: columns.count)
        var rows = 0
        while let row = try cursor.next() {
            for index in columns.indices {
                let value: DatabaseValue = row[index]
                switch value.storage {
                case .null:
                    fields[index] = nil
                case .int64(let number):
                    fields[index] = String(number)
                case .double(let number):
                    // Swift's description is the shortest text that reads back as the same Double.
                    fields[index] = number.description
                case .string(let text):
                    fields[index] = options.raw ? text : SpreadsheetText.neutralized(text)
                case .blob:
                    let id: DatabaseValue = row[0]
                    throw CSVExportError.binaryValue(table: table.name, id: "\(id)", column: columns[index].name)
                }
            }
            try writer.write(record: fields)
            rows += 1
            if let progress, rows % progressEvery == 0 {
                progress(ExportProgress(table: table.name, rows: rows, totalRows: total, bytes: output.bytesWritten))
            }
        }
        try writer.flush()
        progress?(ExportProgress(table: table.name, rows: rows, totalRows: total, bytes: output.bytesWritten))
        return rows
    }

    /// Runs `body` on a new temporary file beside `path`, then puts it in place (SafeFile);
    /// removes it on failure. Returns the size and CRC-32 of what was written.
    @discardableResult
    static func writeFile(at path: String, _ body: (ByteOutput) throws(CSVExportError) -> Void)
        throws(CSVExportError) -> (size: Int64, crc: CRC32) {
        let file: SafeFileWriter
        do {
            file = try SafeFileWriter(path: path)
        } catch {
            throw .file(error)
        }
        // Failures name the file the user asked for, not the temporary one.
        let output = ByteOutput(descriptor: file.descriptor, name: path)
        do throws(CSVExportError) {
            try body(output)
            do {
                try output.flush()
            } catch {
                throw CSVExportError.io(error)
            }
            do {
                try file.commit()
            } catch {
                throw CSVExportError.file(error)
            }
        } catch {
            file.discard()
            throw error
        }
        return (output.bytesWritten, output.checksum)
    }
}
