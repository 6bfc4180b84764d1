// The interactive line editor: libedit's native histedit API behind a small Swift class
// (notes §1–2, §5). It reads one line per call with the prompt the caller passes (so the
// REPL can show a continuation prompt), keeps and saves history, binds Tab to a completion
// callback and Ctrl-R to incremental history search, and honours ~/.editrc. libedit reaches
// this object from its C callbacks through EL_CLIENTDATA; nothing here is global except the
// SIGINT flag (InterruptSignal.swift).
//
// Only the `danvan` executable uses this target (STYLE §1); the REPL engine sees it through a
// protocol of its own, and pipes use `PlainLineReader` instead.
import CLibEdit
import DanVanFiles
import VietText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one read gives.
public enum ReadResult: Sendable, Equatable {
    /// A line without its newline. A recalled multi-line history entry comes back whole,
    /// newlines inside.
    case line(String)
    /// Ctrl-C at the prompt: the caller drops whatever it had pending.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case eof
}

public final class LineEditor {
    /// Tab's callback: the whole line and the cursor as a count of `Character`s before it.
    public typealias Completer = (_ line: String, _ cursorCharacterOffset: Int) -> Completion

    /// Called on Tab; with no completer, Tab beeps.
    public var completer: Completer?
    /// The note under a completion list that was cut (`CandidateListing.maxShown`),
    /// given the number not shown; the caller localises it.
    public var listOverflowNote: (Int) -> String = { "… \($0) more" }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    /// The current prompt as a C string; libedit's prompt callback returns it. Replaced on
    /// every `readLine`, freed in deinit.
    private var promptCString: UnsafeMutablePointer<CChar>

    /// Nil when libedit cannot start on this terminal (the caller then reads plain lines).
    /// `historyPath` nil keeps history for this session only. Installs the SIGINT handler
    /// if it is not installed yet.
    public init?(programName: String, historyPath: String?, historySize: Int = 1000) {
        guard let editLine = el_init(programName, shim_stdin(), shim_stdout(), shim_stderr()) else {
            return nil
        }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        guard let emptyPrompt = strdup("") else {
            history_end(history)
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.promptCString = emptyPrompt

        InterruptSignal.install()
        shim_hist_setsize(history, Int32(clamping: max(historySize, 1)))
        shim_hist_setunique(history, 1)
        shim_el_hist(editLine, history)
        shim_el_editor(editLine, "emacs")
        // EL_SIGNAL makes libedit restore the terminal on Ctrl-C/Ctrl-Z and follow window
        // resizes while it reads; it passes SIGINT on to our handler (InterruptSignal).
        shim_el_signal(editLine, 1)
        shim_el_clientdata_set(editLine, Unmanaged.passUnretained(self).toOpaque())
        // Every character typed goes through the composer (InputComposer.swift): decomposed
        // Vietnamese reaches libedit as composed characters.
        shim_el_getcfn(editLine) { editLine, character in
            guard let editLine, let character, let editor = LineEditor.from(editLine) else { return -1 }
            return editor.readCharacter(into: character)
        }
        shim_el_prompt(editLine) { editLine in
            guard let editLine, let editor = LineEditor.from(editLine) else {
                return UnsafeMutableRawPointer(mutating: StaticString("").utf8Start)
                    .assumingMemoryBound(to: CChar.self)
            }
            return editor.promptCString
        }
        shim_el_addfn(editLine, "danvan-complete", "Complete the word before the cursor") { editLine, _ in
            guard let editLine, let editor = LineEditor.from(editLine) else { return UInt8(CC_ERROR) }
            return editor.complete()
        }
        shim_el_bind(editLine, "^I", "danvan-complete")
        shim_el_bind(editLine, "^R", "em-inc-search-prev")
        // The user's ~/.editrc (or $EDITRC) comes last so that it can override the above.
        el_source(editLine, nil)

        if let historyPath {
            HistoryLocation.prepareDirectory(for: historyPath)
            shim_hist_load(history, historyPath)
        }
    }

    deinit {
        history_end(history)
        el_end(editLine)
        free(promptCString)
    }

    /// A line that came in the same burst as a Ctrl-C before it, given on the next read.
    private var heldLine: String?

    /// Reads one line, showing `prompt`.
    public func readLine(prompt: String) -> ReadResult {
        if let line = heldLine {
            heldLine = nil
            return .line(line)
        }
        if let newPrompt = strdup(prompt) {
            free(promptCString)
            promptCString = newPrompt
        }
        InterruptSignal.clear()
        errno = 0
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            if InterruptSignal.isRaised || errno == EINTR {
                InterruptSignal.clear()
                return .interrupted
            }
            return .eof
        }
        if count <= 0 { return .eof }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        if InterruptSignal.isRaised {
            // Ctrl-C arrived together with the text after it (a paste, keys sent at once):
            // the blocked read returned that text rather than EINTR, so libedit never saw the
            // interrupt. Report it first, so the caller drops its unfinished statement, then
            // give the line on the next read.
            InterruptSignal.clear()
            heldLine = line
            return .interrupted
        }
        return .line(line)
    }

    // MARK: - Reading characters

    private var composer = InputComposer()

    /// libedit's read function (EL_GETCFN): a byte at a time from the terminal, as libedit's
    /// own does, so a paste's rest stays in the terminal's queue for `TerminalInput`. A
    /// Ctrl-C gives -1 with errno EINTR, which makes `el_gets` return at once; another signal
    /// (a window resize, a return from Ctrl-Z, which libedit redraws in its handler) goes on
    /// reading.
    private func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while true {
            if let scalar = composer.next(inputWaiting: { Self.inputWaiting() }) {
                character.pointee = wchar_t(bitPattern: scalar.value)
                return 1
            }
            var byte: UInt8 = 0
            let count = read(0, &byte, 1)
            if count == 1 {
                composer.feed(byte)
                continue
            }
            if count == 0 {
                if let scalar = composer.finish() {
                    character.pointee = wchar_t(bitPattern: scalar.value)
                    return 1
                }
                character.pointee = 0
                return 0
            }
            let error = errno
            if error == EINTR && !InterruptSignal.isRaised { continue }
            composer = InputComposer()  // the line is dropped; nothing of it is carried to the next
            character.pointee = 0
            errno = error
            return -1
        }
    }

    /// Whether a byte can be read from the terminal without waiting.
    private static func inputWaiting() -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    // MARK: - History

    /// Adds `entry` (one whole statement, newlines inside if it spanned several lines) to
    /// the history and saves the file. An entry that starts with a space is not kept, the way
    /// shells treat such lines, so staff can keep a line out of the file; nor is a blank one.
    public func addHistory(_ entry: String) {
        guard let first = entry.first, first != " ", !entry.allSatisfy(\.isWhitespace) else { return }
        shim_hist_enter(history, entry)
        save()
    }

    /// Every entry, oldest first.
    public func historyEntries() -> [String] {
        var entries: [String] = []
        var next = shim_hist_oldest(history)
        while let text = next {
            entries.append(String(cString: text))
            next = shim_hist_newer(history)
        }
        return entries
    }

    /// Writes the history file, owner-only (0600), whole: libedit writes a unique temporary
    /// file beside it that is then renamed over it (DanVanFiles), so two sessions ending at
    /// once, or a full disk, never leave half a history. libedit escapes spaces and newlines
    /// in it (`\040`, `\012`), so a multi-line entry is loaded back as one entry.
    @discardableResult
    public func save() -> Bool {
        guard let historyPath, HistoryLocation.prepareDirectory(for: historyPath),
              let file = try? SafeFileWriter(path: historyPath, privateFile: true) else { return false }
        guard shim_hist_save(history, file.writePath) >= 0 else {
            file.discard()
            return false
        }
        do {
            try file.commit()
            return true
        } catch {
            return false
        }
    }

    // MARK: - Completion

    private static func from(_ editLine: OpaquePointer) -> LineEditor? {
        guard let data = shim_el_clientdata_get(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Runs the completer on the current line and applies its answer.
    private func complete() -> UInt8 {
        guard let completer, let info = el_line(editLine)?.pointee,
              let buffer = info.buffer, let cursor = info.cursor, let last = info.lastchar else {
            return UInt8(CC_ERROR)
        }
        let length = buffer.distance(to: last)
        let cursorBytes = buffer.distance(to: cursor)
        guard length >= 0, cursorBytes >= 0, cursorBytes <= length else { return UInt8(CC_ERROR) }
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(buffer), count: length)
        let line = String(decoding: bytes, as: UTF8.self)
        let cursorScalars = LinePosition.scalarOffset(utf8: bytes, byteOffset: cursorBytes)
        let cursorCharacters = LinePosition.characterOffset(in: line, scalars: cursorScalars)

        let completion = completer(line, cursorCharacters)
        guard let edit = CompletionEdit.plan(line: line, cursorScalars: cursorScalars,
                                             completion: completion) else {
            return UInt8(CC_ERROR)
        }
        if !edit.insertion.isEmpty {
            if edit.cursorMove != 0 { el_cursor(editLine, Int32(clamping: edit.cursorMove)) }
            if edit.deleteCount > 0 { el_deletestr(editLine, Int32(clamping: edit.deleteCount)) }
            if el_insertstr(editLine, edit.insertion) != 0 { return UInt8(CC_ERROR) }
        }
        guard !edit.listing.isEmpty else { return UInt8(CC_REFRESH) }
        let width = TerminalSize.current().columns
        let lines = CandidateListing.lines(edit.listing, width: width, limit: completion.listLimit,
                                           more: listOverflowNote)
        // The terminal is in libedit's edit mode here; "\r\n" starts each line at column 0
        // whatever its output flags are.
        let text = "\r\n" + lines.joined(separator: "\r\n") + "\r\n"
        fputs(text, shim_stdout())
        fflush(shim_stdout())
        return UInt8(CC_REDISPLAY)
    }
}
