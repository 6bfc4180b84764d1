// The RFC 4180 writer: CRLF record ends, a field quoted when it holds a comma, a quote, CR
// or LF, or starts with U+FEFF (quotes doubled inside). It tells NULL from empty text the
// way the reader reads them back: NULL is an empty field, empty text is `""`. A UTF-8 BOM is written
// first by default, because Excel otherwise opens the file as a legacy code page and shows
// Vietnamese as mojibake.

public struct CSVWriter {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public let output: ByteOutput

    /// Starts writing to `output`, with a byte order mark unless `bom` is false.
    public init(output: ByteOutput, bom: Bool = true) throws(CSVIOError) {
        self.output = output
        if bom { try output.write(CSVWriter.byteOrderMark) }
    }

    /// Writes one record; nil is NULL (an empty field), "" is empty text (`""`).
    public func write(record fields: [String?]) throws(CSVIOError) {
        for (index, field) in fields.enumerated() {
            if index > 0 { try output.write(byte: CSVWriter.comma) }
            guard let field else { continue }
            try write(field: field)
        }
        try output.write([CSVWriter.cr, CSVWriter.lf])
    }

    /// Hands everything buffered to the file.
    public func flush() throws(CSVIOError) {
        try output.flush()
    }

    private func write(field: String) throws(CSVIOError) {
        let utf8 = field.utf8
        if utf8.isEmpty {
            try output.write([CSVWriter.quote, CSVWriter.quote])
        } else if CSVWriter.needsQuotes(utf8) {
            try output.write(byte: CSVWriter.quote)
            var runStart = utf8.startIndex
            var index = utf8.startIndex
            while index < utf8.endIndex {
                if utf8[index] == CSVWriter.quote {
                    // Write up to and including the quote, then the quote again.
                    let next = utf8.index(after: index)
                    try output.write(utf8[runStart..<next])
                    try output.write(byte: CSVWriter.quote)
                    runStart = next
                }
                index = utf8.index(after: index)
            }
            try output.write(utf8[runStart...])
            try output.write(byte: CSVWriter.quote)
        } else {
            try output.write(utf8)
        }
    }

    static func needsQuotes(_ utf8: String.UTF8View) -> Bool {
        // A leading U+FEFF is quoted too: unquoted at the start of a file without a BOM,
        // a reader would take it for one and drop it.
        utf8.starts(with: byteOrderMark) || utf8.contains { $0 == quote || $0 == comma || $0 == cr || $0 == lf }
    }

    /// The text of one record as this writer writes it, without BOM (tests and messages).
    public static func line(_ fields: [String?]) -> String {
        let output = ByteOutput()
        do {
            let writer = try CSVWriter(output: output, bom: false)
            try writer.write(record: fields)
            try writer.flush()
        } catch {
            // Memory output does not fail; an empty line is the honest answer if it ever did.
            return ""
        }
        return String(decoding: output.memory, as: UTF8.self)
    }
}
