// The module loader behind `import "lib/common.dv"` for scripts and the REPL: the path is read
// relative to the folder of the file that imports it (the current folder for the REPL, `eval`
// and piped input), and the file is named by its path made plain (`lib/../a.dv` → `a.dv`), so
// that the same file gets the same name however it is reached: the interpreter imports each
// name once and finds cycles by name.
import DanVanLang
import Foundation
import VietText

public enum FileModules {
    static let missing = Localized(vi: "không có tệp {0}", en: "there is no file {0}")
    static let unreadable = Localized(vi: "không đọc được tệp {0}", en: "cannot read the file {0}")
    static let notUTF8 = Localized(vi: "tệp {0} không phải văn bản UTF-8", en: "the file {0} is not UTF-8 text")

    /// Reads `path` as written in `importer`.
    public static func load(_ path: String, importer: String) throws -> SourceText {
        let resolved = resolve(path, importer: importer)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ModuleLoadError(missing.formatted(resolved))
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw ModuleLoadError(unreadable.formatted(resolved))
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ModuleLoadError(notUTF8.formatted(resolved)) }
        return SourceText(name: resolved, text: text)
    }

    /// `path` against the folder of `importer` (a file's name; `<eval>`, `<stdin>` and
    /// `<repl N>` are read from the current folder), made plain.
    public static func resolve(_ path: String, importer: String) -> String {
        if path.hasPrefix("/") { return plain(path) }
        let folder: String
        if importer.hasPrefix("<") {
            folder = ""
        } else if let slash = importer.lastIndex(of: "/") {
            folder = String(importer[...slash])
        } else {
            folder = ""
        }
        return plain(folder + path)
    }

    /// The path without `.` parts, with `..` taken back where it can be (`lib/../a.dv` →
    /// `a.dv`, `./a.dv` → `a.dv`); a relative path stays relative, so messages show the path
    /// the way the person wrote it.
    public static func plain(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}

extension Localized {
    /// This message with `{0}` filled, in both languages.
    func formatted(_ argument: String) -> Localized {
        Localized(vi: format(.vi, [argument]), en: format(.en, [argument]))
    }
}
