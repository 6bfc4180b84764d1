// The flag a REPL's SIGINT handler sets to stop a running program (`while true {}`). The
// runtime polls it at loop back-edges and calls (one relaxed atomic load) and then stops with
// the "interrupted" error; the interpreter clears it when a run starts.
import Synchronization

public final class InterruptFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the running program to stop. Safe from a signal handler's thread.
    public func set() { flag.store(true, ordering: .relaxed) }

    public func clear() { flag.store(false, ordering: .relaxed) }

    public var isSet: Bool { flag.load(ordering: .relaxed) }
}

/// Thrown by a host that noticed the interrupt flag during a long read (a table of 300,000
/// rows); the runtime reports it as the usual "interrupted" error.
public struct HostInterrupted: Error, Sendable {
    public init() {}
}
