// The practice data every lesson runs on: the scale-1 demo data set (`danvan demo`, seed
// fixed), made once into a cache file and copied for each lesson, so that nothing a learner
// does can reach a real database. `danvan learn` never opens the learner's `--db` at all.
//
// The cache is `$XDG_CACHE_HOME/danvan/practice-demo-VERSION.db` (else `~/.cache/…`), named
// after the DanVan version, so that a new version (whose demo data may differ) makes its own;
// a copy of a cache made before a schema migration is upgraded when it is opened, as any
// DanVan database is. It is written to a temporary name and renamed, so two sessions
// starting at once never read half a file.
import DanVanDemo
import DanVanFiles
import DanVanStore
import Foundation
import GRDB
import VietText

public final class PracticeData: Sendable {
    /// The cache file, complete.
    public let path: String

    static let cannotMake = Localized(vi: "không tạo được dữ liệu luyện tập ở {0}: {1}",
                                      en: "cannot make the practice data at {0}: {1}")

    /// The cache made, or found, for `version` under the environment's cache folder.
    /// `temporaryDirectory` is where each lesson's copy goes.
    public init(version: String, environment: [String: String]) throws {
        let folder = Self.cacheFolder(environment)
        path = folder + "/practice-demo-" + version + ".db"
        guard !FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Self.make(path)
        } catch {
            throw LessonError(message: Self.cannotMake.format(.vi, [path, String(describing: error)]),
                              english: Self.cannotMake.format(.en, [path, String(describing: error)]))
        }
    }

    /// `$XDG_CACHE_HOME/danvan`, else `~/.cache/danvan`, else the temporary folder.
    static func cacheFolder(_ environment: [String: String]) -> String {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/danvan" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/danvan" }
        return NSTemporaryDirectory() + "danvan-cache"
    }

    /// Generates the demo data into a scratch file, then copies it (SQLite's backup: one
    /// self-contained file, no `-wal`) to a temporary name beside `path` and renames it.
    static func make(_ path: String) throws {
        let scratch = NSTemporaryDirectory() + "danvan-practice-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let store = try Store(path: scratch + "/demo.db", mode: .create)
        _ = try DemoData.generate(into: store, options: DemoOptions(seed: 2024, scale: 1), progress: nil)
        // A unique temporary file beside `path` (DanVanFiles), which SQLite fills in place.
        let file = try SafeFileWriter(path: path)
        do {
            let destination = try DatabaseQueue(path: file.writePath)
            try store.pool.backup(to: destination)
            try destination.close()
            try? store.pool.close()
            try file.commit()
        } catch {
            file.discard()
            // Another session may have made it first; then that one is used.
            guard FileManager.default.fileExists(atPath: path) else { throw error }
        }
    }

    /// A fresh copy for one lesson, in a private folder that `Sandbox.discard()` removes.
    func copy() throws -> Sandbox {
        try Sandbox(copying: path)
    }
}

/// An error of the lessons that the CLI prints as one line, in the learner's language.
public struct LessonError: Error, Sendable {
    public var message: String
    public var english: String

    public init(message: String, english: String) {
        self.message = message
        self.english = english
    }

    public init(_ text: Localized, _ args: String...) {
        message = text.format(.vi, args)
        english = text.format(.en, args)
    }

    public func text(_ lang: Lang) -> String { lang == .vi ? message : english }
}
