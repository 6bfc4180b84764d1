// Ctrl-C while a script runs: the SIGINT handler only sets the interpreter's interrupt flag,
// which the VM polls at loop back-edges and calls; the script then ends with "interrupted"
// and exit code 130. A second Ctrl-C while the first is pending ends the process at once,
// for a program stuck outside the VM (e.g. waiting on a locked database).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanLang

/// The process's one interrupt flag. A C signal handler cannot capture context, so it is a
/// global constant; `InterruptFlag` is Sendable and its state atomic.
let processInterrupt = InterruptFlag()

enum Signals {
    /// Routes SIGINT to `processInterrupt` (no SA_RESTART, so blocking reads return).
    static func interruptOnSIGINT() -> InterruptFlag {
        let flag = processInterrupt
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            if processInterrupt.isSet { _exit(130) }
            processInterrupt.set()
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            if processInterrupt.isSet { _exit(130) }
            processInterrupt.set()
        }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        return flag
    }
}
