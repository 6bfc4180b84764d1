// The parts of the line editor that need no terminal: turning a completion into libedit's
// units (scalars, not bytes or characters; NFC and NFD), listing candidates, the history
// file's place and modes, the locale, and history kept across editors. What needs a
// terminal is tested under tmux in EndToEndTests.
import Foundation
import Testing
@testable import LineEditor

@Suite struct CompletionEditTests {
    @Test func oneCandidateReplacesTheRange() {
        let edit = CompletionEdit.plan(line: "show mo", cursorScalars: 7,
                                       completion: Completion(range: 5..<7, candidates: [CompletionCandidate("models ")]))
        #expect(edit == CompletionEdit(cursorMove: 0, deleteCount: 2, insertion: "models ", listing: []))
    }

    @Test func deletionCountsScalarsOfDecomposedText() {
        // "x Nguyễn" typed decomposed: ễ is e + U+0302 + U+0303, 3 scalars, 1 character.
        let line = "x Nguye\u{302}\u{303}"
        #expect(line.count == 7)
        #expect(line.unicodeScalars.count == 9)
        let edit = CompletionEdit.plan(line: line, cursorScalars: 9,
                                       completion: Completion(range: 2..<7, candidates: [CompletionCandidate("Nguyễn ")]))
        #expect(edit?.deleteCount == 7)
        #expect(edit?.cursorMove == 0)
        // The same word precomposed is 5 scalars.
        let nfc = CompletionEdit.plan(line: "x Nguyễ", cursorScalars: 7,
                                      completion: Completion(range: 2..<7, candidates: [CompletionCandidate("Nguyễn ")]))
        #expect(nfc?.deleteCount == 5)
    }

    @Test func aRangeAfterTheCursorMovesItFirst() {
        let edit = CompletionEdit.plan(line: "abc def", cursorScalars: 1,
                                       completion: Completion(range: 0..<3, candidates: [CompletionCandidate("abcd")]))
        #expect(edit == CompletionEdit(cursorMove: 2, deleteCount: 3, insertion: "abcd", listing: []))
    }

    @Test func severalCandidatesInsertTheirCommonPrefixWhenItExtendsTheInput() {
        let line = "\"phuong tan"
        let candidates = [CompletionCandidate("Phường Tân Định"), CompletionCandidate("Phường Tân Hưng")]
        let edit = CompletionEdit.plan(line: line, cursorScalars: 11,
                                       completion: Completion(range: 1..<11, candidates: candidates))
        #expect(edit == CompletionEdit(cursorMove: 0, deleteCount: 10, insertion: "Phường Tân ",
                                       listing: ["Phường Tân Định", "Phường Tân Hưng"]))
    }

    @Test func severalCandidatesWithoutAUsefulPrefixAreOnlyListed() {
        let candidates = [CompletionCandidate("tân a"), CompletionCandidate("Tân b")]
        let edit = CompletionEdit.plan(line: "Tân", cursorScalars: 3,
                                       completion: Completion(range: 0..<3, candidates: candidates))
        #expect(edit == CompletionEdit(cursorMove: 0, deleteCount: 0, insertion: "", listing: ["tân a", "Tân b"]))
        #expect(CompletionEdit.plan(line: "x", cursorScalars: 1, completion: .none) == nil)
    }

    @Test func outOfRangeAnswersAreClamped() {
        let edit = CompletionEdit.plan(line: "abc", cursorScalars: 3,
                                       completion: Completion(range: 1..<50, candidates: [CompletionCandidate("z")]))
        #expect(edit == CompletionEdit(cursorMove: 0, deleteCount: 2, insertion: "z", listing: []))
    }

    @Test func commonPrefixIsInWholeCharacters() {
        #expect(CompletionEdit.commonPrefix(["Nguyễn A", "Nguyễn B"]) == "Nguyễn ")
        #expect(CompletionEdit.commonPrefix(["Nguyễn", "Nguyên"]) == "Nguy")
        #expect(CompletionEdit.commonPrefix([]) == "")
    }
}

@Suite struct LinePositionTests {
    @Test func bytesToScalarsToCharacters() {
        let word = "Nguyễn"   // N g u y (4 bytes) ễ (3 bytes) n (1 byte)
        let bytes = Array(word.utf8)
        #expect(bytes.count == 8)
        #expect(LinePosition.scalarOffset(utf8: bytes, byteOffset: 4) == 4)
        #expect(LinePosition.scalarOffset(utf8: bytes, byteOffset: 7) == 5)
        #expect(LinePosition.scalarOffset(utf8: bytes, byteOffset: 8) == 6)
        #expect(LinePosition.characterOffset(in: word, scalars: 5) == 5)
    }

    @Test func aCursorInsideADecomposedLetterCountsTheLetterAsAfterIt() {
        let word = "Nguye\u{302}\u{303}n"
        #expect(LinePosition.characterOffset(in: word, scalars: 5) == 4)
        #expect(LinePosition.characterOffset(in: word, scalars: 7) == 5)
        #expect(LinePosition.characterOffset(in: word, scalars: 8) == 6)
    }
}

@Suite struct CandidateListingTests {
    @Test func columnsDownThenAcross() {
        let items = ["models", "mo_hinh", "movements"]
        #expect(CandidateListing.lines(items, width: 40, more: { "\($0)" }) == ["models     mo_hinh    movements"])
        #expect(CandidateListing.lines(items, width: 20, more: { "\($0)" }) == ["models     movements", "mo_hinh"])
        #expect(CandidateListing.lines(["Phường Tân Định", "Phường Tân Hưng"], width: 80, more: { "\($0)" })
                == ["Phường Tân Định  Phường Tân Hưng"])
    }

    @Test func longListsAreCut() {
        let items = (0..<205).map { "w\($0)" }
        let lines = CandidateListing.lines(items, width: 80, more: { "… \($0) more" })
        #expect(lines.last == "… 5 more")
        #expect(!lines.joined().contains("w200"))
    }
}

@Suite struct HistoryLocationTests {
    @Test func xdgStateHomeThenHome() {
        #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"])
                == "/x/state/danvan/history")
        #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "/x/state/"]) == "/x/state/danvan/history")
        #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"])
                == "/home/a/.local/state/danvan/history")
        #expect(HistoryLocation.path(environment: [:]) == nil)
    }

    @Test func directoriesAre0700AndTheFile0600() throws {
        let root = NSTemporaryDirectory() + "danvan-history-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/state/danvan/history"
        #expect(HistoryLocation.prepareDirectory(for: path))
        #expect(try mode(root + "/state/danvan") == 0o700)
        #expect(try mode(root + "/state") == 0o700)
    }
}

@Suite(.serialized) struct LineEditorHistoryTests {
    @Test func localeIsUTF8() {
        #expect(TerminalLocale.configure() == "UTF-8")
    }

    @Test func historyKeepsMultiLineEntriesWholeAcrossEditors() throws {
        TerminalLocale.configure()
        let root = NSTemporaryDirectory() + "danvan-history-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/danvan/history"
        let first = try #require(LineEditor(programName: "danvan-test", historyPath: path, historySize: 3))
        first.addHistory("fn f() {\n  print(\"Nguyễn Thị Hồng\")\n}")
        first.addHistory(" secret phone 0912345678")   // starts with a space: not kept
        first.addHistory("models | take 3")
        first.addHistory("models | take 3")             // a repeat of the last entry
        first.addHistory("   ")
        #expect(first.historyEntries() == ["fn f() {\n  print(\"Nguyễn Thị Hồng\")\n}", "models | take 3"])
        #expect(try mode(path) == 0o600)

        let second = try #require(LineEditor(programName: "danvan-test", historyPath: path, historySize: 3))
        #expect(second.historyEntries() == first.historyEntries())
        second.addHistory("a")
        second.addHistory("b")   // the size limit is 3: the oldest goes
        #expect(second.historyEntries() == ["models | take 3", "a", "b"])
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!contents.contains("secret"))
    }

    /// A history file left readable by others (0644) is narrowed to 0600 on the next save, and
    /// a history that is a symbolic link is written through the link, which stays a link.
    @Test func savingNarrowsTheModeAndFollowsALink() throws {
        TerminalLocale.configure()
        let root = NSTemporaryDirectory() + "danvan-history-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let real = root + "/real-history"
        #expect(FileManager.default.createFile(atPath: real, contents: Data(), attributes: [.posixPermissions: 0o644]))
        #expect(try mode(real) == 0o644)
        let link = root + "/history"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let editor = try #require(LineEditor(programName: "danvan-test", historyPath: link, historySize: 3))
        editor.addHistory("units | count")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try mode(real) == 0o600)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("units"))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["history", "real-history"])
    }
}

func mode(_ path: String) throws -> mode_t {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let permissions = try #require(attributes[.posixPermissions] as? NSNumber)
    return mode_t(permissions.intValue)
}

/// Decomposed input reaches libedit composed (InputComposer.swift).
@Suite struct InputComposerTests {
    /// What the composer gives for `text`'s bytes arriving at once (a paste, an input method's
    /// burst): input is waiting until the last byte has been read.
    private func composedInOneBurst(_ text: String) -> [Unicode.Scalar] {
        var composer = InputComposer()
        var out: [Unicode.Scalar] = []
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            composer.feed(byte)
            let more = index + 1 < bytes.count
            while let scalar = composer.next(inputWaiting: { more }) { out.append(scalar) }
        }
        return out
    }

    @Test func decomposedLettersArriveComposed() {
        // "Phường Hồ" with ư = u + U+031B, ờ = o + U+031B + U+0300, ồ = o + U+0302 + U+0300.
        let typed = "Phu\u{31B}o\u{31B}\u{300}ng Ho\u{302}\u{300}"
        #expect(String(String.UnicodeScalarView(composedInOneBurst(typed))) == "Phường Hồ")
        #expect(composedInOneBurst(typed).count == 9)
    }

    @Test func composedTextAndControlKeysPassUnchanged() {
        let typed = "Đông Sơn\u{7F}\u{1B}[A\n"
        #expect(composedInOneBurst(typed) == Array(typed.unicodeScalars))
    }

    @Test func aLetterTypedByHandIsGivenAtOnce() {
        var composer = InputComposer()
        composer.feed(UInt8(ascii: "o"))
        // Nothing else is waiting: libedit gets the letter without a wait for marks.
        #expect(composer.next(inputWaiting: { false }) == "o")
        // A mark that comes later, on its own, is passed on as it is.
        for byte in "\u{300}".utf8 { composer.feed(byte) }
        #expect(composer.next(inputWaiting: { false }) == "\u{300}")
    }

    @Test func aHeldLetterGoesOutAtTheEndOfInput() {
        var composer = InputComposer()
        composer.feed(UInt8(ascii: "a"))
        #expect(composer.next(inputWaiting: { true }) == nil)
        #expect(composer.finish() == "a")
    }

    @Test func invalidBytesAreDropped() {
        // A stray continuation byte, a cut-short sequence, an overlong "/" and a surrogate.
        let bytes: [UInt8] = [0x80, UInt8(ascii: "a"), 0xE1, 0xBB, UInt8(ascii: "b"), 0xC0, 0xAF, 0xED, 0xA0, 0x80,
                              UInt8(ascii: "c")]
        var composer = InputComposer()
        var out: [Unicode.Scalar] = []
        for byte in bytes {
            composer.feed(byte)
            while let scalar = composer.next(inputWaiting: { false }) { out.append(scalar) }
        }
        #expect(out == ["a", "b", "c"])
    }
}
