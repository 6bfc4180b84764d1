// The streaming RFC 4180 reader: one pass over bytes in 64 KB chunks, never the whole file
// in memory. It works on bytes, not `String`, so that invalid UTF-8 is reported for the
// field it is in instead of failing the whole file, and so that it is fast (notes/
// dependencies.md §1: no package reports where a malformed row is). It counts physical
// lines: a record's `line` is the line it starts on, even when a quoted field spans lines.
//
// Accepted: CRLF, LF or a lone CR as record ends; a UTF-8 byte order mark at the start
// (skipped); a last record without a line end. A malformed record is still returned, with its
// first `problem`, and reading goes on at the next record, so one pass reports every bad row.
//
// A field or a record past `CSVLimits` ends the reading: the record is returned with the
// problem `tooLarge` and the next call says the input is over. Without the limits a file with
// no line end (`/dev/zero`) would be gathered into memory until the process was killed.

/// A record that breaks RFC 4180.
public enum CSVSyntaxProblem: Sendable, Equatable {
    /// A quoted field that runs to the end of the file.
    case unterminatedQuote
    /// `a"b`: a quote inside a field that did not start with one.
    case quoteInUnquotedField
    /// `"a"b`: something other than a comma or line end after a closing quote.
    case textAfterClosingQuote
    /// A field or a record longer than the reader's limit (`CSVLimits`); reading stopped here.
    case tooLarge(CSVLimits.Kind, limit: Int)
}

/// The largest field and record the reader gathers. Generous: a real cell (a report's
/// paragraph, a long address) is a few kilobytes, and a table's widest row a few dozen.
public struct CSVLimits: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case field, record
    }

    /// Bytes of one field.
    public var fieldBytes: Int
    /// Bytes of one record's fields, plus one for each field (so that a line of a million
    /// commas counts too).
    public var recordBytes: Int

    public init(fieldBytes: Int = 1 << 20, recordBytes: Int = 16 << 20) {
        self.fieldBytes = fieldBytes
        self.recordBytes = recordBytes
    }

    public static let standard = CSVLimits()
}

/// One record: its fields' bytes side by side in one reused buffer.
public struct CSVRecord: Sendable {
    /// The physical line the record starts on (1-based).
    public internal(set) var line = 0
    /// The first syntax problem in the record, if any.
    public internal(set) var problem: CSVSyntaxProblem?
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var quotedFlags: [Bool] = []
    var currentQuoted = false

    public init() {}

    /// Builds a record from field texts (tests).
    public init(fields: [String], line: Int = 1) {
        self.line = line
        for field in fields {
            bytes.append(contentsOf: field.utf8)
            endField()
        }
    }

    public var count: Int { ends.count }

    /// The raw bytes of field `index` (empty when out of range).
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        guard index >= 0, index < ends.count else { return [] }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]]
    }

    /// Whether field `index` was written in quotes: `""` is empty text, an empty unquoted
    /// field is NULL.
    public func isQuoted(_ index: Int) -> Bool {
        guard index >= 0, index < quotedFlags.count else { return false }
        return quotedFlags[index]
    }

    /// Field `index` as text, or nil when its bytes are not valid UTF-8.
    public func string(_ index: Int) -> String? {
        let bytes = field(index)
        if #available(macOS 15, *) { return String(validating: bytes, as: UTF8.self) }
        // Older macOS: decoding replaces bad sequences, so unchanged bytes mean valid UTF-8.
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// All fields as text, invalid UTF-8 replaced (tests and messages).
    public var strings: [String] {
        (0..<count).map { String(decoding: field($0), as: UTF8.self) }
    }

    /// An empty line: one empty, unquoted field.
    public var isBlank: Bool {
        ends.count == 1 && bytes.isEmpty && !(quotedFlags.first ?? false)
    }

    mutating func reset(line: Int) {
        self.line = line
        problem = nil
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        quotedFlags.removeAll(keepingCapacity: true)
        currentQuoted = false
    }

    mutating func endField() {
        ends.append(bytes.count)
        quotedFlags.append(currentQuoted)
        currentQuoted = false
    }

    mutating func flag(_ problem: CSVSyntaxProblem) {
        if self.problem == nil { self.problem = problem }
    }
}

public struct CSVReader {
    /// Read size: large enough that system calls cost nothing, small enough to stay in cache.
    static let chunkSize = 64 * 1024

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private enum State {
        case fieldStart, unquoted, quoted, afterClosingQuote
    }

    private let input: ByteInput
    private let limits: CSVLimits
    /// A record went past a limit: there is nothing more to read.
    private var stopped = false
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var atEnd = false
    private var started = false
    private var line = 1
    /// The last record ended with CR: an LF right after it belongs to that line end.
    private var skipLF = false
    /// Bytes taken from the input so far (for progress).
    public private(set) var bytesRead: Int64 = 0
    /// Whether the input began with a UTF-8 byte order mark.
    public private(set) var hadBOM = false

    public init(input: ByteInput, limits: CSVLimits = .standard) {
        self.init(input: input, limits: limits, bufferSize: CSVReader.chunkSize)
    }

    /// `bufferSize` of at least 16 (the BOM check reads 3 bytes at once).
    private init(input: ByteInput, limits: CSVLimits, bufferSize: Int) {
        self.input = input
        self.limits = limits
        self.buffer = [UInt8](repeating: 0, count: max(16, bufferSize))
    }

    /// Reads bytes in memory, with a buffer no larger than they are: reading back one line
    /// zeroed 64 KB first (a sixth of the CSV fuzzer's time).
    public init(bytes: [UInt8], limits: CSVLimits = .standard) {
        self.init(input: ByteInput(bytes: bytes), limits: limits,
                  bufferSize: min(CSVReader.chunkSize, bytes.count + 1))
    }

    public init(text: String, limits: CSVLimits = .standard) {
        self.init(bytes: Array(text.utf8), limits: limits)
    }

    /// Reads the next record into `record` (reusing its storage); false at the end of input.
    public mutating func next(into record: inout CSVRecord) throws(CSVIOError) -> Bool {
        if stopped { return false }
        if !started { try start() }
        record.reset(line: line)
        var state = State.fieldStart
        while true {
            if position == filled {
                if stop(&record, ended: false) { return true }
                guard try refill() else { return finish(&record, state) }
            }
            let byte = buffer[position]
            position += 1
            if skipLF {
                skipLF = false
                if byte == CSVReader.lf { continue }
            }
            switch state {
            case .fieldStart:
                switch byte {
                case CSVReader.quote:
                    record.currentQuoted = true
                    state = .quoted
                case CSVReader.comma:
                    record.endField()
                case CSVReader.lf, CSVReader.cr:
                    endRecord(&record, by: byte)
                    return true
                default:
                    record.bytes.append(byte)
                    state = .unquoted
                }
            case .unquoted:
                switch byte {
                case CSVReader.comma:
                    record.endField()
                    state = .fieldStart
                case CSVReader.lf, CSVReader.cr:
                    endRecord(&record, by: byte)
                    return true
                case CSVReader.quote:
                    record.flag(.quoteInUnquotedField)
                    record.bytes.append(byte)
                default:
                    appendRun(to: &record, first: byte)
                }
            case .quoted:
                if byte == CSVReader.quote {
                    state = .afterClosingQuote
                } else {
                    if byte == CSVReader.lf { line += 1 }
                    record.bytes.append(byte)
                }
            case .afterClosingQuote:
                switch byte {
                case CSVReader.quote:
                    record.bytes.append(byte)
                    state = .quoted
                case CSVReader.comma:
                    record.endField()
                    state = .fieldStart
                case CSVReader.lf, CSVReader.cr:
                    endRecord(&record, by: byte)
                    return true
                default:
                    // Keep the rest as part of the field so the reader stays in step.
                    record.flag(.textAfterClosingQuote)
                    record.bytes.append(byte)
                    state = .unquoted
                }
            }
        }
    }

    /// Which limit `record` has gone past, if any. Asked at the end of each chunk (of the
    /// field being read: a record is caught at most one chunk past its limit, and the check
    /// costs nothing per byte) and when the record has `ended` (of every field: exactly).
    private func overLimit(_ record: CSVRecord, ended: Bool) -> CSVLimits.Kind? {
        let size = record.bytes.count
        var longest = size - (record.ends.last ?? 0)
        if ended {
            var start = 0
            for end in record.ends {
                longest = max(longest, end - start)
                start = end
            }
        }
        if longest > limits.fieldBytes { return .field }
        if size + record.ends.count > limits.recordBytes { return .record }
        return nil
    }

    /// Copies a run of ordinary bytes of an unquoted field in one go: the common case.
    private mutating func appendRun(to record: inout CSVRecord, first: UInt8) {
        record.bytes.append(first)
        var end = position
        while end < filled {
            let byte = buffer[end]
            if byte == CSVReader.comma || byte == CSVReader.lf || byte == CSVReader.cr
                || byte == CSVReader.quote { break }
            end += 1
        }
        if end > position {
            record.bytes.append(contentsOf: buffer[position..<end])
            position = end
        }
    }

    private mutating func endRecord(_ record: inout CSVRecord, by byte: UInt8) {
        record.endField()
        line += 1
        skipLF = byte == CSVReader.cr
        _ = stop(&record, ended: true)
    }

    /// Marks `record` and ends the reading when it has gone past a limit.
    private mutating func stop(_ record: inout CSVRecord, ended: Bool) -> Bool {
        guard let kind = overLimit(record, ended: ended) else { return false }
        record.problem = .tooLarge(kind, limit: kind == .field ? limits.fieldBytes : limits.recordBytes)
        stopped = true
        return true
    }

    private mutating func finish(_ record: inout CSVRecord, _ state: State) -> Bool {
        switch state {
        case .fieldStart:
            // Nothing since the last line end: no record. After a comma: a last empty field.
            if record.ends.isEmpty { return false }
            record.endField()
        case .unquoted, .afterClosingQuote:
            record.endField()
        case .quoted:
            record.flag(.unterminatedQuote)
            record.endField()
        }
        _ = stop(&record, ended: true)
        return true
    }

    private mutating func refill() throws(CSVIOError) -> Bool {
        guard !atEnd else { return false }
        let read: Result<Int, CSVIOError> = buffer.withUnsafeMutableBytes { raw in
            do throws(CSVIOError) { return .success(try input.read(into: raw)) } catch { return .failure(error) }
        }
        let count = try read.get()
        position = 0
        filled = count
        bytesRead += Int64(count)
        if count == 0 { atEnd = true }
        return count > 0
    }

    /// Reads until three bytes are there (a pipe may deliver fewer) and skips a BOM.
    private mutating func start() throws(CSVIOError) {
        started = true
        while filled < 3 && !atEnd {
            let start = filled
            let read: Result<Int, CSVIOError> = buffer.withUnsafeMutableBytes { raw in
                do throws(CSVIOError) {
                    return .success(try input.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[start...])))
                } catch {
                    return .failure(error)
                }
            }
            let count = try read.get()
            if count == 0 { atEnd = true }
            filled += count
            bytesRead += Int64(count)
        }
        if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            position = 3
            hadBOM = true
        }
        // The partial reads above must not be mistaken for the end of input by `refill`.
        if atEnd && filled > 0 { atEnd = false }
    }
}
