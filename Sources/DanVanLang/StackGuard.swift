// Knows how much native stack the current thread has left. The recursive-descent parser, the
// compiler and the closure-compiled runtime all recurse on the native stack; the REPL may run
// them on a thread with a smaller stack than the 8 MB main thread. Checking the real remaining
// space (not only a depth count) turns "too deep" into an error on any thread instead of a crash.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct StackGuard {
    /// Below this address the thread is considered out of stack. 0 when the bounds are unknown
    /// (then only the depth limits apply).
    let limit: UInt
    /// The lowest address of the thread's stack (0 when unknown). A local variable found below
    /// it is not on this stack at all: AddressSanitizer moves locals to a "fake stack" on the
    /// heap to catch use after return, and there the guard cannot measure, so it lets the
    /// depth limits alone apply instead of reporting every call as too deep.
    let low: UInt

    init(limit: UInt, low: UInt = 0) {
        self.limit = limit
        self.low = low
    }

    /// Room kept free for the code that reports the error and for built-ins (sorting, Foundation)
    /// that run between two checks: 128 KB, or a quarter of a smaller stack.
    static let reserve: UInt = 128 * 1024

    static func reserve(for size: UInt) -> UInt { min(reserve, size / 4) }

    /// The guard for the calling thread. Found once per thread and kept: on the main thread
    /// glibc finds the bounds by reading /proc/self/maps, which took a third of each short run
    /// (perf, the fuzzer).
    static func forCurrentThread() -> StackGuard {
        if let known = pthread_getspecific(limitKey) {
            let low = pthread_getspecific(lowKey).map { UInt(bitPattern: Int(bitPattern: $0)) } ?? 0
            return StackGuard(limit: UInt(bitPattern: Int(bitPattern: known)) &- 1, low: low)
        }
        let found = lookUp()
        pthread_setspecific(lowKey, UnsafeRawPointer(bitPattern: found.low))
        pthread_setspecific(limitKey, UnsafeRawPointer(bitPattern: found.limit &+ 1))
        return found
    }

    /// Keys whose per-thread values are the thread's limit plus one and its low address (nil:
    /// not looked up yet; a new thread starts with nil, so a reused stack is never trusted).
    private static let limitKey = makeKey()
    private static let lowKey = makeKey()

    private static func makeKey() -> pthread_key_t {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }

    private static func lookUp() -> StackGuard {
        #if canImport(Glibc)
        // `pthread_getattr_np` is a GNU extension that the Glibc module does not import; it is
        // looked up by name (it exists in every glibc we run on).
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(nil, "pthread_getattr_np") else { return StackGuard(limit: 0) }
        let getattr = unsafeBitCast(symbol, to: GetAttr.self)
        var attributes = pthread_attr_t()
        guard getattr(pthread_self(), &attributes) == 0 else { return StackGuard(limit: 0) }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return StackGuard(limit: 0) }
        let low = UInt(bitPattern: address)
        return StackGuard(limit: low + reserve(for: UInt(size)), low: low)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return StackGuard(limit: top - size + reserve(for: size), low: top - size)
        #else
        return StackGuard(limit: 0)
        #endif
    }

    /// True while the stack pointer is above the limit (stacks grow down on every platform we
    /// run on), or when a local is not on the thread's stack at all (see `low`).
    @inline(__always)
    func hasRoom() -> Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > limit || here < low
    }
}
