// The flag a REPL's SIGINT handler sets to stop a running program (`while true {}`). The
// runtime polls it at loop back-edges and calls (one relaxed atomic load) and then stops with
// the "interrupted" error; the interpreter clears it when a run starts.
import Synchronization

public final class InterruptFlag: Sendable {
    /// Why a program is asked to stop; `none` while it may run.
    public enum Reason: Equatable, Sendable {
        case none
        /// Ctrl-C: the "interrupted" error, exit 130.
        case user
        /// A watchdog's `--timeout` of this many seconds passed: a runtime error.
        case timeout(seconds: Int)
        /// A watchdog saw the process pass `--max-memory` of this many megabytes: a runtime error.
        case memory(megabytes: Int)
    }

    /// 0 clear, 1 Ctrl-C, 2 timeout, 3 memory; `amount` is the limit a watchdog names.
    private let flag = Atomic<UInt8>(0)
    private let amount = Atomic<Int>(0)

    public init() {}

    /// Asks the running program to stop. Safe from a signal handler's thread.
    public func set() { flag.store(1, ordering: .relaxed) }

    /// Asks the running program to stop because a limit was passed (a watchdog's thread).
    public func set(_ reason: Reason) {
        switch reason {
        case .none: clear()
        case .user: set()
        case .timeout(let seconds):
            amount.store(seconds, ordering: .relaxed)
            flag.store(2, ordering: .relaxed)
        case .memory(let megabytes):
            amount.store(megabytes, ordering: .relaxed)
            flag.store(3, ordering: .relaxed)
        }
    }

    public func clear() { flag.store(0, ordering: .relaxed) }

    public var isSet: Bool { flag.load(ordering: .relaxed) != 0 }

    /// Why the flag is set: a limit's error is a script error, Ctrl-C is an interruption.
    public var reason: Reason {
        switch flag.load(ordering: .relaxed) {
        case 0: return .none
        case 2: return .timeout(seconds: amount.load(ordering: .relaxed))
        case 3: return .memory(megabytes: amount.load(ordering: .relaxed))
        default: return .user
        }
    }
}

/// Thrown by a host that noticed the interrupt flag during a long read (a table of 300,000
/// rows); the runtime reports it as the usual "interrupted" error.
public struct HostInterrupted: Error, Sendable {
    public init() {}
}
