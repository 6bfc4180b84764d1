// Ctrl-C while a script runs (`danvan run`, `eval`, piped input). The process has one SIGINT
// handler, LineEditor's `InterruptSignal`; a script gives it this hook: the first Ctrl-C
// raises the interpreter's flag, which the VM polls at loop back-edges, calls and table loads
// (the script then ends with "interrupted" and exit code 130); a second Ctrl-C while the first
// is still pending ends the process at once, for a program stuck outside the VM (e.g. waiting
// on a database another session has locked).
//
// A sandbox (a `--sandbox` session's copy, a lesson's practice copy) must not outlive the
// process: `SandboxCleanup` removes every live one (unlink and rmdir are async-signal-safe)
// when the process is ended by SIGTERM or SIGHUP (a closed terminal) or by that second Ctrl-C. A normal exit
// deletes the copy through `OpenedSession.close()`. The temporary file of `--output`
// (ScriptOutput.swift) goes the same way.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanLang
import DanVanStore
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

/// The sandboxes' files (a `--sandbox` session's copy, a lesson's practice copies), removed
/// when the process is ended by SIGTERM or SIGHUP: DanVanStore keeps every live sandbox's
/// paths as C strings (`Sandbox.removeAllNow`), so the handler allocates nothing and touches
/// no Swift object.
enum SandboxCleanup {
    /// Installs the handlers (once is enough; again is harmless).
    static func install() {
        // A parent may have started us with these signals blocked (a blocked mask is
        // inherited across exec): then the copies would stay behind, or the process would
        // not end at all.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                SandboxCleanup.removeNow()
                TemporaryFiles.removeNow()
                _exit(128 + received)
            }
        }
    }

    /// Every live sandbox's files, then its folder. Async-signal-safe.
    static func removeNow() { Sandbox.removeAllNow() }
}
