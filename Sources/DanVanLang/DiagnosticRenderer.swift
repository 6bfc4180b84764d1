// The one renderer of diagnostics (STYLE.md §5): `file:line:col: error: message`, the source
// line, a caret under the spot, and for runtime errors the call frames. No colour: a terminal
// front end may colour the result.
import VietText

public enum DiagnosticRenderer {
    /// At most this many call frames are listed from each end of a long trace (a stack overflow
    /// has thousands); the middle is summarised in one line.
    static let framesShownAtEachEnd = 8

    /// At most this many diagnostics are shown for one file; the rest are counted in one line.
    /// A generated or damaged file can have thousands, each quoting its line: 4,000 `if true {`
    /// on one line once gave 613 MB of messages.
    static let maxPerFile = 20
    /// A quoted source line longer than this many characters is shown as this many around the
    /// caret, with "…" where it was cut.
    static let maxQuotedColumns = 120

    /// Renders `diagnostics` in `lang`; `sources` supply the quoted lines (matched by name).
    public static func render(_ diagnostics: [Diagnostic], sources: [SourceText], lang: Lang) -> String {
        var out: [String] = []
        var shown: [String: Int] = [:]
        var hidden: [(file: String, count: Int)] = []
        var lastLine = QuotedLine()
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            if shown[file, default: 0] >= maxPerFile {
                if let last = hidden.indices.last, hidden[last].file == file { hidden[last].count += 1 }
                else if let index = hidden.firstIndex(where: { $0.file == file }) { hidden[index].count += 1 }
                else { hidden.append((file, 1)) }
                continue
            }
            shown[file, default: 0] += 1
            out.append(renderOne(diagnostic, sources: sources, lang: lang, lastLine: &lastLine))
        }
        for (file, count) in hidden {
            out.append(lang == .vi ? "\(file): ... và \(count) lỗi nữa" : "\(file): ... and \(count) more")
        }
        return out.joined(separator: "\n")
    }

    /// The last long line quoted, split into Characters once: a damaged line has up to 20
    /// errors, and splitting it again for each took a fifth of the fuzzer's time.
    struct QuotedLine {
        var file = "", line = 0
        var characters: [Character] = []
    }

    static func renderOne(_ diagnostic: Diagnostic, sources: [SourceText], lang: Lang, lastLine: inout QuotedLine) -> String {
        let location = diagnostic.location
        let severity: String
        switch diagnostic.severity {
        case .error: severity = lang == .vi ? "lỗi" : "error"
        case .warning: severity = lang == .vi ? "cảnh báo" : "warning"
        case .note: severity = lang == .vi ? "ghi chú" : "note"
        }
        var lines = ["\(location): \(severity): \(diagnostic.message.text(lang))"]
        if let source = sources.last(where: { $0.name == location.file }),
           let text = source.lineText(location.line) {
            let (shown, column) = clip(text, column: location.column) { text in
                if lastLine.file != location.file || lastLine.line != location.line || lastLine.characters.isEmpty {
                    lastLine = QuotedLine(file: location.file, line: location.line, characters: Array(text))
                }
                return lastLine.characters
            }
            lines.append(shown)
            lines.append(caretLine(shown, column: column))
        }
        let frames = diagnostic.frames
        if !frames.isEmpty {
            let keep = framesShownAtEachEnd
            if frames.count <= keep * 2 + 1 {
                for frame in frames { lines.append(frameLine(frame, lang)) }
            } else {
                for frame in frames.prefix(keep) { lines.append(frameLine(frame, lang)) }
                let skipped = frames.count - keep * 2
                lines.append(lang == .vi ? "  ... (thêm \(skipped) lời gọi)" : "  ... (\(skipped) more calls)")
                for frame in frames.suffix(keep) { lines.append(frameLine(frame, lang)) }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The part of a long line around `column` (1-based, in characters), and the column of
    /// the same spot in that part. `characters` splits a long line that is not plain ASCII
    /// (the renderer keeps the last one split).
    static func clip(_ text: String, column: Int,
                     characters: (String) -> [Character] = { Array($0) }) -> (text: String, column: Int) {
        // A line of at most that many bytes has at most that many characters.
        guard text.utf8.count > maxQuotedColumns else { return (text, column) }
        if !text.utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }) {
            // ASCII with no CR: a byte is a Character, and the cut needs no grapheme breaking.
            return clip(Array(text.utf8), column: column) { String(decoding: $0, as: UTF8.self) }
        }
        return clip(characters(text), column: column) { String($0) }
    }

    private static func clip<Unit>(_ characters: [Unit], column: Int,
                                   _ string: (ArraySlice<Unit>) -> String) -> (text: String, column: Int) {
        guard characters.count > maxQuotedColumns else { return (string(characters[...]), column) }
        let spot = min(max(column - 1, 0), characters.count)
        var start = max(0, spot - maxQuotedColumns / 2)
        let end = min(characters.count, start + maxQuotedColumns)
        start = max(0, end - maxQuotedColumns)
        var shown = start > 0 ? "…" : ""
        shown += string(characters[start..<end])
        if end < characters.count { shown += "…" }
        return (shown, spot - start + 1 + (start > 0 ? 1 : 0))
    }

    /// Spaces up to the column (a tab stays a tab so the caret lines up), then `^`.
    static func caretLine(_ text: String, column: Int) -> String {
        var prefix = ""
        var count = 1
        for character in text {
            if count >= column { break }
            prefix.append(character == "\t" ? "\t" : " ")
            count += 1
        }
        while count < column { prefix.append(" "); count += 1 }
        return prefix + "^"
    }

    static func frameLine(_ frame: CallFrame, _ lang: Lang) -> String {
        let name: String
        switch frame.function {
        case nil: name = lang == .vi ? "cấp ngoài cùng" : "top level"
        case ""?: name = lang == .vi ? "hàm không tên" : "anonymous function"
        case let function?: name = function
        }
        return (lang == .vi ? "  trong " : "  in ") + "\(name) (\(frame.location))"
    }
}
