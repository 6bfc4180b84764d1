// Saving a document: the format comes from the file name's extension, the bytes from the
// writer of that format. An existing file is replaced (a report is regenerated, and the old
// one stays whole until the new one is complete: the write is atomic, through DanVanFiles, so a
// link is followed, a device written in place and the old file's mode kept); a folder that does
// not exist is an error, not created, so a misspelt folder is noticed.
import DanVanFiles
import Foundation

public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown, html, csv, xlsx

    /// The format a file name asks for, or nil.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "csv": self = .csv
        case "xlsx": self = .xlsx
        default: return nil
        }
    }
}

public enum ReportFile {
    /// The document's bytes in `format`.
    public static func data(_ document: ReportDocument, format: ReportFormat) throws -> Data {
        switch format {
        case .markdown: return Data(ReportMarkdown.render(document).utf8)
        case .html: return Data(ReportHTML.render(document).utf8)
        case .csv: return ReportCSV.data(document)
        case .xlsx: return try ReportXLSX.data(document)
        }
    }

    public static func write(_ document: ReportDocument, to path: String) throws {
        guard let format = ReportFormat(path: path) else { throw ReportError(ReportMessages.badExtension, [path]) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReportError(ReportMessages.missingDirectory, [folder])
        }
        let bytes = try data(document, format: format)
        // DanVanFiles, not Data.write(.atomic): that one replaces a link with a file, a device
        // node with a file, and gives a 0600 report 0644.
        do {
            try SafeFile.write(bytes, to: path)
        } catch {
            throw ReportError(ReportMessages.cannotWrite, [path, error.reason(.en)])
        }
    }
}
