// Ctrl-C handling for the interactive session. SIGINT is caught with `sigaction` and no
// SA_RESTART, so a blocked `read` inside libedit returns EINTR and the prompt gives
// `.interrupted` instead of appending the next line to the abandoned one (notes §5). While an
// evaluation runs, the same handler calls a hook that raises the interpreter's flag, which the
// VM polls; that is how `while true {}` stops without ending the session.
//
// A signal handler cannot capture context, so its state lives in the one global of this
// target: a `let` of a Sendable class whose fields are atomics. The handler only performs an
// atomic store, an atomic load and the hook's call, which must itself be async-signal-safe
// (an atomic store).
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the handler calls on every Ctrl-C, besides raising its own flag. The interpreter's
/// interrupt flag conforms through a one-line extension in the executable.
public protocol InterruptHook: AnyObject, Sendable {
    /// Called inside the signal handler: store to an atomic, nothing else.
    func interruptRaised()
}

/// The process's SIGINT state. Install it once, before the first prompt.
public enum InterruptSignal {
    /// Installs the handler (idempotent). With `hook`, the hook is called on every Ctrl-C;
    /// only the first hook ever given is kept, because the handler reads it without a lock.
    public static func install(hook: (any InterruptHook)? = nil) {
        if let hook { _ = signalState.hook.storeIfNil(HookBox(hook)) }
        let (_, alreadyInstalled) = signalState.installed.compareExchange(
            expected: false, desired: true, ordering: .acquiringAndReleasing)
        if alreadyInstalled { return }
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            signalState.raised.store(true, ordering: .relaxed)
            signalState.hook.load()?.hook.interruptRaised()
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            signalState.raised.store(true, ordering: .relaxed)
            signalState.hook.load()?.hook.interruptRaised()
        }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the blocked read must return EINTR
        sigaction(SIGINT, &action, nil)
    }

    /// True when Ctrl-C was pressed since the last `clear()`.
    public static var isRaised: Bool { signalState.raised.load(ordering: .relaxed) }

    /// Forgets an earlier Ctrl-C; the line editor does this before each prompt.
    public static func clear() { signalState.raised.store(false, ordering: .relaxed) }

    /// Raises the flag as the handler would (for tests, and for callers that want to stop
    /// an evaluation for another reason).
    public static func raise() {
        signalState.raised.store(true, ordering: .relaxed)
        signalState.hook.load()?.hook.interruptRaised()
    }
}

/// The handler's state; see the file comment for why it is a global.
final class SignalState: Sendable {
    let raised = Atomic<Bool>(false)
    let installed = Atomic<Bool>(false)
    let hook = AtomicLazyReference<HookBox>()
}

final class HookBox: Sendable {
    let hook: any InterruptHook
    init(_ hook: any InterruptHook) { self.hook = hook }
}

let signalState = SignalState()
