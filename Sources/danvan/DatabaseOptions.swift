// The options every command that touches the database takes (`--db`, `--lang`), and how each
// command opens the file: queries need an existing file and never change it, the commands that
// make data may create one. A path that names no file is an error with a "did you mean" for a
// file of a similar name beside it, except the default database, made on first use.
import ArgumentParser
import DanVanLang
import DanVanStore
import Foundation
import VietText

struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: HelpText.Database.db.argumentHelp())
    var db: String?

    @Option(name: .long, help: HelpText.Database.lang.argumentHelp())
    var lang: String?

    var language: Lang { Lang.resolve(flag: lang, environment: CLIEnvironment.variables) }

    /// `--lang` names one of the two languages (an unknown `LANG` in the environment just
    /// means English: that is every system's habit; a flag someone typed is checked), and
    /// `--db ""` or `DANVAN_DB=""` is a usage error, never the default database. ArgumentParser
    /// calls this for every command that takes these options; QuickCommand hands an unknown
    /// `--lang` to ArgumentParser and calls `checkPath`.
    func validate() throws {
        if let lang, Lang(rawValue: lang.lowercased()) == nil {
            let shown = Lang.resolve(flag: nil, environment: CLIEnvironment.variables)
            throw ValidationError(DatabaseOptions.unknownLanguage(shown, lang))
        }
        if let message = StoreLocation.emptyPathMessage(location, language) { throw ValidationError(message) }
    }

    static let unknownLanguage = Localized(vi: "--lang không nhận '{0}': chỉ có vi (tiếng Việt) hoặc en (tiếng Anh)",
                                           en: "--lang does not know '{0}': use vi (Vietnamese) or en (English)")

    var location: (path: String, origin: StoreLocation.Origin) {
        StoreLocation.locate(flag: db, environment: CLIEnvironment.variables)
    }

    var path: String { location.path }

    /// The same check as `validate`, as a CLI error with exit code 2.
    func checkPath() throws {
        if let message = StoreLocation.emptyPathMessage(location, language) {
            throw CLIError(message: message, code: .usage)
        }
    }

    /// What a command does with the database.
    enum Purpose {
        /// eval, run, the REPL, export: the file must exist; it is written only by the
        /// language's writes (insert, update, delete), which the change log records.
        case query
        /// `--read-only`: the file must exist and is opened read-only.
        case readOnly
        /// import of one table: the file must exist and be writable.
        case write
        /// demo, import --all, init: a missing file is created.
        case create
    }

    /// Opens the database for `purpose`. The default database (no --db, no $DANVAN_DB) is
    /// created on first use whatever the purpose, with a notice on stderr saying where.
    func openStore(_ purpose: Purpose) throws -> Store {
        try checkPath()
        let lang = language
        let (path, origin) = location
        var mode: Store.Mode
        switch purpose {
        case .query: mode = .query
        case .readOnly: mode = .readOnly
        case .write: mode = .write
        case .create: mode = .create
        }
        let createsDefault = purpose != .create && origin == .defaultFile && !FileManager.default.fileExists(atPath: path)
        if createsDefault { mode = .create }
        do {
            let store = try Store(path: path, mode: mode)
            if createsDefault {
                FileHandle.standardError.write(Data(("danvan: " + DatabaseOptions.createdDefault(lang, path) + "\n").utf8))
            }
            return store
        } catch let error as StoreError {
            throw cliError(error)
        }
    }

    /// `--sandbox`: a private copy of the database (Sandbox.swift), made from the file the
    /// options name. The default database is made first when it does not exist yet.
    func openSandbox() throws -> Sandbox {
        try checkPath()
        let (path, origin) = location
        if origin == .defaultFile && !FileManager.default.fileExists(atPath: path) { _ = try openStore(.query) }
        do {
            return try Sandbox(copying: path)
        } catch let error as StoreError {
            throw cliError(error)
        }
    }

    /// A failure to open the database as the CLI reports it: exit code 4, with "did you
    /// mean" for a missing file and where the path came from.
    func cliError(_ error: StoreError) -> CLIError {
        let lang = language
        guard case .missingFile(let path, _) = error else { return CLIError(message: error.message(lang), code: .ioError) }
        var message = StoreError.missingFile(path: path, suggestion: DatabaseOptions.nearbyFile(to: path)).message(lang)
        if location.origin == .environment { message += DatabaseOptions.fromEnvironment(lang) }
        return CLIError(message: message, code: .ioError)
    }

    static let createdDefault = Localized(vi: "đã tạo cơ sở dữ liệu mới, rỗng tại {0}",
                                          en: "created a new, empty database at {0}")
    static let fromEnvironment = Localized(vi: "; đường dẫn này lấy từ biến môi trường DANVAN_DB",
                                           en: "; the path comes from the DANVAN_DB environment variable")

    /// A file beside `path` whose name is close to its last component (`dmeo.db` → `demo.db`),
    /// written with the same folder part as `path`; nil when there is none.
    static func nearbyFile(to path: String) -> String? {
        let folderPart: String
        let name: String
        if let slash = path.lastIndex(of: "/") {
            folderPart = String(path[...slash])
            name = String(path[path.index(after: slash)...])
        } else {
            folderPart = ""
            name = path
        }
        let directory = folderPart.isEmpty ? "." : folderPart
        guard !name.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return nil
        }
        // SQLite's side files are not databases of their own.
        let candidates = names.filter { candidate in
            guard !["-wal", "-shm", "-journal"].contains(where: { candidate.hasSuffix($0) }) else { return false }
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + candidate, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
        return Suggest.closest(to: name, among: candidates).map { folderPart + $0 }
    }
}

