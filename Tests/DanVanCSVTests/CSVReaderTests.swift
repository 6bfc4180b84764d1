// The byte-level reader and the writer on their own: RFC 4180 quoting, line ends, the BOM,
// edge cases at the end of input, every malformed case with its line, chunk boundaries,
// and the writer's output read back by the reader. Also the field parsers (dates, booleans).
import DanVanCSV
import Foundation
import Testing

@Suite struct CSVReaderTests {
    /// Every record of `text` as (line, fields, quoted flags, problem).
    static func read(_ bytes: [UInt8]) throws -> [(line: Int, fields: [String], quoted: [Bool], problem: CSVSyntaxProblem?)] {
        var reader = CSVReader(bytes: bytes)
        var record = CSVRecord()
        var out: [(Int, [String], [Bool], CSVSyntaxProblem?)] = []
        while try reader.next(into: &record) {
            out.append((record.line, record.strings, (0..<record.count).map(record.isQuoted), record.problem))
        }
        return out
    }

    static func read(_ text: String) throws -> [(line: Int, fields: [String], quoted: [Bool], problem: CSVSyntaxProblem?)] {
        try read(Array(text.utf8))
    }

    @Test func quotesDoubledQuotesAndCommas() throws {
        let records = try Self.read("1,\"a,b\",\"He said \"\"hi\"\"\"\r\n4,\"Phường \"\"Tân\"\" Hòa, số 2\",x\r\n")
        #expect(records.map(\.fields) == [["1", "a,b", "He said \"hi\""], ["4", "Phường \"Tân\" Hòa, số 2", "x"]])
        #expect(records.map(\.quoted) == [[false, true, true], [false, true, false]])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func crlfLfAndLoneCRAllEndRecords() throws {
        let records = try Self.read("a,b\r\nc,d\ne,f\rg,h")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func newlineInsideQuotesKeepsTheFirstLineAndCountsLines() throws {
        let records = try Self.read("1,\"line1\nline2\r\nline3\",x\r\n2,y,z\r\n")
        #expect(records.map(\.fields) == [["1", "line1\nline2\r\nline3", "x"], ["2", "y", "z"]])
        #expect(records.map(\.line) == [1, 4])
    }

    @Test func byteOrderMarkIsSkippedOnlyAtTheStart() throws {
        let records = try Self.read([0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,\u{FEFF}x\r\n".utf8))
        #expect(records.map(\.fields) == [["id", "name"], ["1", "\u{FEFF}x"]])
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF])
        var record = CSVRecord()
        #expect(try reader.next(into: &record) == false)
        #expect(reader.hadBOM)
    }

    @Test func emptyFieldsTrailingEmptyFieldAndNoFinalNewline() throws {
        let records = try Self.read("3,,\r\n1,2,\r\n6,\"\",last")
        #expect(records.map(\.fields) == [["3", "", ""], ["1", "2", ""], ["6", "", "last"]])
        #expect(records[2].quoted == [false, true, false])
        #expect(try Self.read("").isEmpty)
        #expect(try Self.read("a\r\n").map(\.fields) == [["a"]])
        // Spaces are data (RFC 4180): kept.
        #expect(try Self.read("5, spaced ,end").first?.fields == ["5", " spaced ", "end"])
    }

    @Test func blankLineIsOneEmptyUnquotedField() throws {
        var reader = CSVReader(text: "a,b\r\n\r\nc,d\r\n")
        var record = CSVRecord()
        var blanks: [Bool] = []
        while try reader.next(into: &record) { blanks.append(record.isBlank) }
        #expect(blanks == [false, true, false])
    }

    @Test func malformedRecordsCarryTheirProblemAndLine() throws {
        let records = try Self.read("h1,h2\r\n1,2\r\n3,x\"y\r\n\"q\"z,8\r\n\"multi\nline\" oops,9\r\n5,\"unterminated\r\n6,7\r\n")
        #expect(records.map(\.line) == [1, 2, 3, 4, 5, 7])
        #expect(records.map(\.problem) == [nil, nil, .quoteInUnquotedField, .textAfterClosingQuote,
                                           .textAfterClosingQuote, .unterminatedQuote])
        // The reader stays in step after a bad record: the unterminated field swallows the rest.
        #expect(records.last?.fields == ["5", "unterminated\r\n6,7\r\n"])
    }

    @Test func invalidUTF8IsReportedPerField() throws {
        var reader = CSVReader(bytes: Array("ok,".utf8) + [0xC3, 0x28] + Array(",é\r\n".utf8))
        var record = CSVRecord()
        #expect(try reader.next(into: &record))
        #expect(record.string(0) == "ok")
        #expect(record.string(1) == nil)
        #expect(record.string(2) == "é")
    }

    @Test func recordsAcrossChunkBoundaries() throws {
        // Long fields so records straddle the reader's 64 KB chunks, quotes and CRLF included.
        let long = String(repeating: "Dân vận khéo, \"x\" ", count: 2_000)
        var rows: [[String?]] = []
        for index in 0..<40 { rows.append([String(index), long + String(index), index % 2 == 0 ? nil : ""]) }
        let output = ByteOutput()
        let writer = try CSVWriter(output: output)
        for row in rows { try writer.write(record: row) }
        try writer.flush()
        let records = try Self.read(output.memory)
        #expect(records.count == 40)
        #expect(records.map(\.fields) == rows.map { $0.map { $0 ?? "" } })
        // NULL (nil) came back unquoted, empty text quoted.
        #expect(records.map { $0.quoted[2] } == (0..<40).map { $0 % 2 == 1 })
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func randomRecordsSurviveWriteThenRead() throws {
        // Fields built from the characters that matter to CSV, from a fixed-seed generator so
        // a failure reproduces: what the writer writes, the reader reads back unchanged.
        let alphabet: [String] = [",", "\"", "\r", "\n", "\r\n", " ", "a", "Đ", "ệ", "e\u{301}", "\u{FEFF}", "0"]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var rows: [[String?]] = []
        for _ in 0..<500 {
            let width = 1 + next(5)
            rows.append((0..<width).map { _ in
                if next(6) == 0 { return nil }
                return (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }.joined()
            })
        }
        let output = ByteOutput()
        let writer = try CSVWriter(output: output, bom: next(2) == 0)
        for row in rows { try writer.write(record: row) }
        try writer.flush()
        let records = try Self.read(output.memory)
        #expect(records.count == rows.count)
        for (record, row) in zip(records, rows) {
            #expect(record.fields.map { Array($0.utf8) } == row.map { Array(($0 ?? "").utf8) })
            #expect(record.quoted.count == row.count)
            // A NULL is never quoted; empty text always is.
            for (quoted, field) in zip(record.quoted, row) where field == nil || field == "" {
                #expect(quoted == (field != nil))
            }
            #expect(record.problem == nil)
        }
    }

    @Test func writerQuotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.line(["plain", "a,b", "say \"hi\"", "cr\rx", "lf\nx", nil, "", " sp "])
                == "plain,\"a,b\",\"say \"\"hi\"\"\",\"cr\rx\",\"lf\nx\",,\"\", sp \r\n")
        #expect(CSVWriter.line(["Thành phố Hòa Bình"]) == "Thành phố Hòa Bình\r\n")
        #expect(CSVWriter.line([nil]) == "\r\n")
        #expect(CSVWriter.line(["\u{FEFF}x", "y\u{FEFF}"]) == "\"\u{FEFF}x\",y\u{FEFF}\r\n")
    }

    @Test func leadingZeroWidthNoBreakSpaceSurvivesWithoutBOM() throws {
        let output = ByteOutput()
        let writer = try CSVWriter(output: output, bom: false)
        try writer.write(record: ["\u{FEFF}first", "b"])
        try writer.flush()
        #expect(try Self.read(output.memory).first?.fields == ["\u{FEFF}first", "b"])
    }

    @Test func writerOutputReadsBack() throws {
        let fields: [String?] = ["\"", "\"\"", ",", "\r\n", "a\"b\"c", "", nil, "Ð", "x".decomposedStringWithCanonicalMapping]
        let records = try Self.read(Array(CSVWriter.line(fields).utf8))
        #expect(records.count == 1)
        let bytes = records[0].fields.map { Array($0.utf8) }
        #expect(bytes == fields.map { Array(($0 ?? "").utf8) })
        #expect(records[0].quoted == fields.map { $0 != nil && $0 != "Ð" && $0 != "x" })
    }
}
