// Ctrl-C while a script runs (`danvan run`, `eval`, piped input). The process has one SIGINT
// handler, LineEditor's `InterruptSignal`; a script gives it this hook: the first Ctrl-C
// raises the interpreter's flag, which the VM polls at loop back-edges, calls and table loads
// (the script then ends with "interrupted" and exit code 130); a second Ctrl-C while the first
// is still pending ends the process at once, for a program stuck outside the VM (e.g. waiting
// on a database another session has locked).
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
        if flag.isSet { _exit(130) }
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
