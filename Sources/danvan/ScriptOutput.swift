// Where an unattended run writes (`run`, `eval`, piped input): `--mode` chooses how tables
// are written, `--output FILE` sends the output to a file instead of stdout.
//
// An existing file is never lost silently: `--output` refuses a file that is there and not
// empty unless `--replace` (a report run again) or `--append` is given. The file is written
// only when the script succeeds: the output goes to a temporary file beside it, which takes
// the file's place (or is added to its end) at the end, so a script that fails leaves the
// file as it was (DanVanFiles: its mode kept, a link followed, a FIFO or a device such as
// /dev/stdout written in place). A new CSV file starts with the UTF-8 byte order mark, for Excel; stdout
// never gets one. On a terminal every line is written at once (a long script shows its
// progress); into a pipe or a file, output is written in large blocks.
import ArgumentParser
import DanVanFiles
import DanVanOutput
import DanVanLang
import Foundation
import LineEditor
import VietText

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: HelpText.Output.mode.argumentHelp(valueName: HelpText.Output.modeValue))
    var mode: String?

    @Option(name: .long, help: HelpText.Output.output.argumentHelp(valueName: HelpText.Output.fileValue))
    var output: String?

    @Flag(name: .long, help: HelpText.Output.replace.argumentHelp())
    var replace = false

    @Flag(name: .long, help: HelpText.Output.append.argumentHelp())
    var append = false

    /// The mode `--mode` names (table when none); a usage error with "did you mean" otherwise.
    func outputMode(_ lang: Lang) throws -> OutputMode {
        guard let mode else { return .table }
        if let known = OutputMode(rawValue: mode.lowercased()) { return known }
        let names = OutputMode.allCases.map(\.rawValue)
        var message = HelpText.Output.unknownMode(lang, mode, names.joined(separator: ", "))
        if let close = Suggest.closest(to: mode, among: names) { message += HelpText.Output.didYouMean(lang, close) }
        throw CLIError(message: message, code: .usage)
    }

    /// Opens the destination: stdout, or the temporary file that becomes `--output` at the end.
    func open(_ lang: Lang) throws -> ScriptOutput {
        _ = try outputMode(lang)
        guard let output else {
            if replace || append { throw CLIError(message: HelpText.Output.needsOutput(lang), code: .usage) }
            return ScriptOutput(file: nil, lineByLine: TerminalSize.isTerminal(1))
        }
        if replace && append { throw CLIError(message: HelpText.Output.replaceAndAppend(lang), code: .usage) }
        let existing = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? nil
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError(message: HelpText.Output.isFolder(lang, output), code: .ioError)
        }
        if let existing, existing > 0, !replace, !append {
            throw CLIError(message: HelpText.Output.exists(lang, output), code: .usage)
        }
        let target = OutputFile(path: output, append: append && (existing ?? 0) > 0)
        try target.create(lang)
        return ScriptOutput(file: target, lineByLine: false)
    }

    /// Whether what is written should start with the byte order mark: a CSV file made new.
    func byteOrderMark(_ destination: ScriptOutput, _ lang: Lang) -> Bool {
        guard let file = destination.file, !file.append else { return false }
        return (try? outputMode(lang)) == .csv
    }
}

/// The file `--output` names, written through DanVanFiles: a unique temporary file beside
/// it that takes its place at the end (its mode kept, a link followed), or, for a FIFO or a
/// device (`/dev/stdout`), the file itself, written as the script runs.
final class OutputFile {
    let path: String
    /// Add to the end of the file that is there instead of replacing it.
    let append: Bool
    private var writer: SafeFileWriter?

    init(path: String, append: Bool) {
        self.path = path
        self.append = append
    }

    func create(_ lang: Lang) throws {
        do {
            let writer = try SafeFileWriter(path: path)
            self.writer = writer
            if !writer.isDirect { TemporaryFiles.register(writer.writePath) }
        } catch {
            throw CLIError(message: error.message(lang), code: .ioError)
        }
    }

    func write(_ data: [UInt8]) throws(FileWriteError) {
        try writer?.write(data)
    }

    /// Puts the output in place: the temporary file becomes the file, or is added to its end.
    func commit(_ lang: Lang) throws {
        guard let writer else { return }
        self.writer = nil
        defer { TemporaryFiles.unregister(writer.writePath) }
        do {
            if append && !writer.isDirect {
                // The temporary file is read back and added to the end; it is removed either way.
                defer { writer.discard() }
                let data = try Data(contentsOf: URL(fileURLWithPath: writer.writePath))
                try SafeFile.append(Array(data), to: path)
            } else {
                try writer.commit()
            }
        } catch let error as FileWriteError {
            throw CLIError(message: error.message(lang), code: .ioError)
        } catch {
            throw CLIError(message: HelpText.Output.cannotWrite(lang, path), code: .ioError)
        }
    }

    /// Drops the output of a run that failed; the file stays as it was.
    func discard() {
        guard let writer else { return }
        self.writer = nil
        writer.discard()
        TemporaryFiles.unregister(writer.writePath)
    }
}

/// The output of a run: lines to stdout (each written at once on a terminal) or to a file.
/// A failed write (a full disk, `> /dev/full`) stops further writes and is reported at the
/// end with exit code 4; a closed pipe (`| head`) ends the process by SIGPIPE, quietly.
final class ScriptOutput {
    let file: OutputFile?
    let lineByLine: Bool
    private var buffer: [UInt8] = []
    /// The first error writing the file or stdout; the run reports it at the end.
    private(set) var failure: FileWriteError?

    init(file: OutputFile?, lineByLine: Bool) {
        self.file = file
        self.lineByLine = lineByLine
    }

    func writeLine(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        // A script that prints 100,000 lines into a pipe should not make 100,000 writes.
        if lineByLine || buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        do throws(FileWriteError) {
            if let file { try file.write(buffer) } else { try StandardStream.writeOutput(buffer) }
        } catch {
            failure = error
        }
    }

    /// Ends the run: the file is put in place when the script succeeded, dropped otherwise
    /// (with a line on stderr saying it was not written).
    func finish(success: Bool, _ lang: Lang) throws {
        flush()
        guard let file else {
            if let failure { throw StandardOutputFailure.cliError(failure, lang) }
            return
        }
        guard success else {
            file.discard()
            standardError(HelpText.Output.notWritten(lang, file.path))
            return
        }
        if let failure {
            file.discard()
            throw CLIError(message: failure.message(lang), code: .ioError)
        }
        try file.commit(lang)
    }
}

/// The temporary output file, removed from a signal handler (SIGTERM, SIGHUP, a second
/// Ctrl-C) before the process ends, as the sandbox's copy is (Signals.swift). One process
/// has at most one; its path is a C string that the handler reads without allocating.
enum TemporaryFiles {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?

    static func register(_ file: String) {
        path = strdup(file)
        for signalNumber in [SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                TemporaryFiles.removeNow()
                SandboxCleanup.removeNow()
                _exit(128 + received)
            }
        }
    }

    /// After the file is put in place or dropped (the memory stays: a handler may be running).
    static func unregister(_ file: String) {
        path = nil
    }

    /// Async-signal-safe.
    static func removeNow() {
        if let path { unlink(path) }
    }
}
