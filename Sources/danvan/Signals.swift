// Ctrl-C while a script runs (`danvan run`, `eval`, piped input). The process has one SIGINT
// handler, LineEditor's `InterruptSignal`; a script gives it this hook: the first Ctrl-C
// raises the interpreter's flag, which the VM polls at loop back-edges, calls and table loads
// (the script then ends with "interrupted" and exit code 130); a second Ctrl-C while the first
// is still pending ends the process at once, for a program stuck outside the VM (e.g. waiting
// on a database another session has locked).
//
// A `--sandbox` session's copy must not outlive it: `SandboxCleanup` keeps the copy's paths
// as C strings, and removes them (unlink and rmdir are async-signal-safe) when the process
// is ended by SIGTERM or SIGHUP (a closed terminal) or by that second Ctrl-C. A normal exit
// deletes the copy through `OpenedSession.close()`. The temporary file of `--output`
// (ScriptOutput.swift) goes the same way.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanLang
import LineEditor

final class ScriptInterrupt: InterruptHook {
    let flag = InterruptFlag()

    /// Called inside the signal handler: an atomic load and store, or `_exit`.
    func interruptRaised() {
        if flag.isSet {
            SandboxCleanup.removeNow()
            TemporaryFiles.removeNow()
            _exit(130)
        }
        flag.set()
    }
}

enum Signals {
    /// Routes SIGINT to a new script interrupt flag and returns the flag.
    static func interruptOnSIGINT() -> InterruptFlag {
        let hook = ScriptInterrupt()
        InterruptSignal.install(hook: hook)
        return hook.flag
    }
}

/// The sandbox's files, removed from a signal handler. The paths are copied once into C
/// memory that is never freed while a handler may run, so the handler allocates nothing and
/// touches no Swift object.
enum SandboxCleanup {
    nonisolated(unsafe) private static var paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    nonisolated(unsafe) private static var count = 0

    /// Remembers `list` (files first, the folder last) and removes them on SIGTERM and SIGHUP.
    static func install(_ list: [String]) {
        let buffer = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: list.count)
        for (index, path) in list.enumerated() { buffer[index] = strdup(path) }
        paths = buffer
        count = list.count
        for signalNumber in [SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                SandboxCleanup.removeNow()
                TemporaryFiles.removeNow()
                _exit(128 + received)
            }
        }
    }

    /// After a normal close: the handlers go back to the default and the paths are forgotten
    /// (the memory stays: a handler may be running on another thread).
    static func uninstall() {
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, SIG_DFL)
        count = 0
    }

    /// Unlinks every file, then removes the folder. Async-signal-safe.
    static func removeNow() {
        guard let paths, count > 0 else { return }
        for index in 0..<count {
            guard let path = paths[index] else { continue }
            if index == count - 1 { rmdir(path) } else { unlink(path) }
        }
    }
}
