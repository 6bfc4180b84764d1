// What the CLI does when standard output cannot be written (`> /dev/full`, a full disk, a
// closed terminal): one line on stderr and exit code 4, instead of the trap Foundation's
// `FileHandle.write` ends in. A pipe whose reader has gone (`| head`) is the normal end of a
// filter: SIGPIPE ends the process quietly before write(2) returns; if the parent ignores
// SIGPIPE, the EPIPE that comes instead ends the run quietly too, with exit code 4.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanFiles
import VietText

enum StandardOutputFailure {
    static func cliError(_ error: FileWriteError, _ lang: Lang) -> CLIError {
        if StandardStream.isBrokenPipe(error) { return CLIError(message: "", code: .ioError) }
        return CLIError(message: cannotWrite(lang, error.reason(lang)), code: .ioError)
    }

    /// Writes `text` to stdout; a failure ends the command through `cliError`.
    static func write(_ text: String, _ lang: Lang) throws {
        do {
            try StandardStream.writeOutput(Array(text.utf8))
        } catch {
            throw cliError(error, lang)
        }
    }

    /// What `print` wrote (through stdio's buffer, which drops a failed write silently)
    /// reached standard output: flushed now, a failure is exit code 4 with a message.
    static func checkPrinted(_ lang: Lang) throws {
        // fflush(nil) flushes every stdio stream (stdout is the only one written); `stdout`
        // itself is a global that Swift 6 will not read outside the main actor.
        if fflush(nil) != 0 {
            let code = errno
            throw cliError(FileWriteError(path: StandardStream.outputName, kind: .system, code: code == 0 ? EIO : code), lang)
        }
    }

    static let cannotWrite = Localized(vi: "không ghi được ra đầu ra chuẩn (stdout): {0}",
                                       en: "cannot write to standard output: {0}")
}
