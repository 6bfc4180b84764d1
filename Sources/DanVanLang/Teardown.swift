// Freeing nested values without recursion. Swift frees an object's children from its `deinit`,
// so dropping a list nested 50,000 deep (`a = [a]` in a loop), or a chain of 50,000 closures
// each capturing the one before, would take 50,000 nested native frames and overflow the
// stack. Up to `directDepth` containers inside one another are freed the ordinary way (a
// counter per thread: ordinary data pays nothing more); deeper, a container whose `deinit`
// finds lists, records or functions among its values puts them on the thread's queue of values
// to let go of, and only the outermost call lets go of them, one at a time. A child freed that
// way hands its own children to the same queue and returns at once, so the native stack stays
// flat at any depth.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Teardown {
    /// How many containers may be freed inside one another the ordinary way (Swift's own
    /// recursion) before the queue takes over: ordinary data (a list of records of texts) is
    /// a few levels deep and is freed at full speed, with no scan and no queue; only a value
    /// nested deeper than this pays for the queue. 200 nested frees fit a 512 KB thread.
    static let directDepth = 200

    /// Called first by a container's `deinit`: true when it may let go of its children the
    /// ordinary way (then it must call `leave()` after), false when it must queue them.
    @inline(__always)
    static func enter() -> Bool {
        let queue = Queue.current
        guard queue.depth < directDepth, !queue.draining else { return false }
        queue.depth += 1
        return true
    }

    @inline(__always)
    static func leave() {
        Queue.current.depth -= 1
    }

    /// True when `value` holds an object whose own teardown could go deeper.
    @inline(__always)
    static func isContainer(_ value: Value) -> Bool {
        switch value {
        case .list, .record, .function: return true
        default: return false
        }
    }

    /// Puts the containers among `values` (children of an object being freed) on the thread's
    /// queue. The object then lets go of its own references and calls `drain`.
    static func enqueue<S: Sequence>(_ values: S) where S.Element == Value {
        let queue = Queue.current
        for value in values where isContainer(value) { queue.pending.append(value) }
    }

    /// Lets go of the queued values one at a time, unless an outer call is doing so already.
    static func drain() {
        let queue = Queue.current
        guard !queue.draining else { return }
        queue.draining = true
        defer { queue.draining = false }
        while let value = queue.pending.popLast() {
            // Freeing `value` here may queue its children: the loop takes them next.
            _ = value
        }
    }

    /// One thread's values waiting to be let go of (values never cross threads while freed).
    final class Queue {
        var pending: [Value] = []
        var draining = false
        /// Containers being freed the ordinary way, one inside another, on this thread.
        var depth = 0

        static var current: Queue {
            if let existing = pthread_getspecific(key) { return Unmanaged<Queue>.fromOpaque(existing).takeUnretainedValue() }
            let queue = Queue()
            pthread_setspecific(key, Unmanaged.passRetained(queue).toOpaque())
            return queue
        }

        /// The thread-specific slot; its destructor frees a thread's queue when the thread ends.
        static let key: pthread_key_t = {
            var key = pthread_key_t()
            #if canImport(Glibc)
            pthread_key_create(&key) { pointer in
                if let pointer { Unmanaged<Queue>.fromOpaque(pointer).release() }
            }
            #else
            pthread_key_create(&key) { pointer in Unmanaged<Queue>.fromOpaque(pointer).release() }
            #endif
            return key
        }()
    }
}
