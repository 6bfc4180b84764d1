// The manifest of an `export --all` folder: `manifest.txt`, written after every table's file,
// listing each file with its size and CRC-32. It is what makes a folder one snapshot: an
// export that was interrupted (the old manifest is removed before the first file is
// written) leaves no manifest, and a file from another export, a half-written file or one
// changed afterwards no longer matches its line. `import --all` checks it before it reads a
// row, so a bad folder changes nothing. The temporary files of an interrupted export
// (`.units.csv.Xy12Ab34.tmp`) are not named in any manifest and are never read.
//
//     danvan export manifest 1
//     1234 0a1b2c3d units.csv
//     …
//     end 10
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanFiles
import DanVanStore
import VietText

public struct ExportManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var size: Int64
        public var crc: CRC32
    }

    public static let fileName = "manifest.txt"
    static let firstLine = "danvan export manifest 1"

    public var entries: [Entry] = []

    /// The file's text: the first line, one line per file, and `end COUNT` (a manifest cut
    /// short has no end line, or a count that disagrees).
    var text: String {
        var lines = [Self.firstLine]
        for entry in entries { lines.append("\(entry.size) \(entry.crc.hex) \(entry.name)") }
        lines.append("end \(entries.count)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a manifest's text; nil when it is not a whole manifest.
    static func parse(_ text: String) -> ExportManifest? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == firstLine, lines.last == "" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        guard let last = lines.popLast(), last.hasPrefix("end "), Int(last.dropFirst(4)) == lines.count else { return nil }
        var manifest = ExportManifest()
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let size = Int64(parts[0]), size >= 0, parts[1].count == 8,
                  let value = UInt32(parts[1], radix: 16) else { return nil }
            var crc = CRC32()
            crc.set(value)
            manifest.entries.append(Entry(name: String(parts[2]), size: size, crc: crc))
        }
        return manifest
    }

    /// What is wrong with an export folder, as `import --all` reports it.
    public enum Problem: Error, Sendable, Equatable {
        /// No `manifest.txt`: an export interrupted, or a folder not made by `export --all`.
        case missing(String)
        /// A manifest cut short or not in the format.
        case unreadable(String)
        /// A table's file is not listed.
        case notListed(String)
        /// A listed file is not there.
        case fileMissing(String)
        /// A file's size or checksum differs from its line.
        case changed(String)

        public func message(_ lang: Lang) -> String {
            switch self {
            case .missing(let path): return Self.missingText(lang, path)
            case .unreadable(let path): return Self.unreadableText(lang, path)
            case .notListed(let path): return Self.notListedText(lang, path)
            case .fileMissing(let path): return Self.fileMissingText(lang, path)
            case .changed(let path): return Self.changedText(lang, path)
            }
        }

        static let missingText = Localized(
            vi: "thư mục không có {0}: không phải một bản xuất trọn vẹn (có thể lần xuất bị ngắt); hãy chạy lại danvan export --all, lệnh này ghi tệp danh mục sau cùng",
            en: "{0} is missing: the folder is not a whole export (perhaps an export was interrupted); run danvan export --all again, which writes the manifest last")
        static let unreadableText = Localized(
            vi: "{0} bị cắt ngắn hoặc sai định dạng; hãy chạy lại danvan export --all",
            en: "{0} is cut short or not a manifest; run danvan export --all again")
        static let notListedText = Localized(
            vi: "tệp danh mục không ghi {0}; hãy chạy lại danvan export --all",
            en: "the manifest does not list {0}; run danvan export --all again")
        static let fileMissingText = Localized(
            vi: "thiếu tệp {0} mà tệp danh mục có ghi",
            en: "{0} is listed in the manifest but missing")
        static let changedText = Localized(
            vi: "{0} không khớp với tệp danh mục (kích thước hoặc mã kiểm tra khác): tệp đã đổi sau khi xuất, hoặc đến từ lần xuất khác",
            en: "{0} does not match the manifest (its size or checksum differs): it changed after the export, or comes from another export")
    }

    /// Checks `directory` against its manifest: every table's file listed, there, and the same
    /// size and CRC-32. Reads each file once; nothing is imported before this passes.
    public static func verify(directory: String) -> Problem? {
        let manifestPath = directory + "/" + fileName
        let text: String
        switch readText(manifestPath) {
        case .none: return .missing(manifestPath)
        case .some(let read): text = read
        }
        guard let manifest = parse(text) else { return .unreadable(manifestPath) }
        for table in Catalog.tables {
            let name = CSVExporter.fileName(of: table)
            let path = directory + "/" + name
            guard let entry = manifest.entries.first(where: { $0.name == name }) else { return .notListed(path) }
            guard let (size, crc) = sizeAndChecksum(path) else { return .fileMissing(path) }
            if size != entry.size || crc != entry.crc { return .changed(path) }
        }
        return nil
    }

    /// The text of a small file, nil when it cannot be read.
    static func readText(_ path: String) -> String? {
        guard let input = try? ByteInput(path: path) else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in (try? input.read(into: raw)) ?? -1 }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // A manifest has one short line per table; anything larger is not one.
            if bytes.count > 1 << 20 { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func sizeAndChecksum(_ path: String) -> (Int64, CRC32)? {
        guard let input = try? ByteInput(path: path) else { return nil }
        var crc = CRC32()
        var size: Int64 = 0
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let read = try? input.read(into: raw) else { return -1 }
                crc.update(UnsafeRawBufferPointer(rebasing: raw[0..<read]))
                return read
            }
            if count < 0 { return nil }
            if count == 0 { return (size, crc) }
            size += Int64(count)
        }
    }
}
