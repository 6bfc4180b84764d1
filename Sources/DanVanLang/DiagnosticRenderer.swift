// The one renderer of diagnostics (STYLE.md §5): `file:line:col: error: message`, the source
// line, a caret under the spot, and for runtime errors the call frames. No colour: a terminal
// front end may colour the result.
import VietText

public enum DiagnosticRenderer {
    /// At most this many call frames are listed from each end of a long trace (a stack overflow
    /// has thousands); the middle is summarised in one line.
    static let framesShownAtEachEnd = 8

    /// Renders `diagnostics` in `lang`; `sources` supply the quoted lines (matched by name).
    public static func render(_ diagnostics: [Diagnostic], sources: [SourceText], lang: Lang) -> String {
        var out: [String] = []
        for diagnostic in diagnostics {
            out.append(renderOne(diagnostic, sources: sources, lang: lang))
        }
        return out.joined(separator: "\n")
    }

    static func renderOne(_ diagnostic: Diagnostic, sources: [SourceText], lang: Lang) -> String {
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
            lines.append(text)
            lines.append(caretLine(text, column: location.column))
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
