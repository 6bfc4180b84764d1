// The size ceilings on values: the longest text and the longest list a program may make.
// Without them `let s = "a"; while true { s = s + s }` ends in "failed to allocate" (a
// SIGABRT) or the kernel's OOM killer, and a user's session is lost. Each operation that grows
// a text or a list compares the size it is about to make with these before it allocates; the
// compare sits on paths that allocate anyway, never on integer arithmetic.
//
// The limits of the run in progress are kept per thread (an interpreter runs on one thread at a
// time, and tests run interpreters with different limits side by side), set by
// `Interpreter.execute` for the run's duration.
import VietText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How large a program's values may grow. Derived from one memory budget (`--max-memory`):
/// a text may take an eighth of it, a list as many items as an eighth of it holds.
public struct Limits: Sendable, Equatable {
    /// The longest text, in bytes of UTF-8.
    public var maxTextBytes: Int
    /// The most items of one list.
    public var maxListItems: Int
    /// The memory budget the others come from, in megabytes (for messages and the watchdog).
    public var memoryMegabytes: Int
    /// The setting a user changes to raise the limits, named in the messages.
    public var setting: String

    public init(maxTextBytes: Int, maxListItems: Int, memoryMegabytes: Int, setting: String = "--max-memory") {
        self.maxTextBytes = max(1, maxTextBytes)
        self.maxListItems = max(1, maxListItems)
        self.memoryMegabytes = max(1, memoryMegabytes)
        self.setting = setting
    }

    /// The limits of a memory budget of `megabytes`: a text of an eighth of it (a doubling
    /// text needs the old and the new copy at once, and a script holds other values too), a
    /// list whose item storage is an eighth of it.
    public init(memoryMegabytes megabytes: Int, setting: String = "--max-memory") {
        let bytes = max(1, megabytes).multipliedReportingOverflow(by: 1 << 20)
        let budget = bytes.overflow ? Int.max : bytes.partialValue
        self.init(maxTextBytes: budget / 8, maxListItems: budget / 8 / MemoryLayout<Value>.stride,
                  memoryMegabytes: megabytes, setting: setting)
    }

    /// The default budget: 4,096 MB, or half the machine's memory when that is less, so that
    /// the ceiling is reached before the kernel's OOM killer ends the process.
    public static let defaultMemoryMegabytes: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return 4096 }
        let (total, overflow) = Int(pages).multipliedReportingOverflow(by: Int(pageSize))
        guard !overflow else { return 4096 }
        return max(64, min(4096, total / 2 / (1 << 20)))
    }()

    /// The limits when the embedder sets none.
    public static let standard = Limits(memoryMegabytes: defaultMemoryMegabytes)

    // MARK: the running thread's limits

    /// The limits of the run on this thread (`standard` outside any run).
    static var current: Limits { box?.limits ?? standard }

    /// The interrupt flag of the run on this thread, for built-ins with no VM at hand (a sort).
    static var currentInterrupt: InterruptFlag? { box?.interrupt }

    /// Makes `limits` and `interrupt` this thread's until `leave` is given the token this returns.
    static func enter(_ limits: Limits, interrupt: InterruptFlag) -> (previous: UnsafeMutableRawPointer?, box: Unmanaged<AnyObject>) {
        let previous = pthread_getspecific(key)
        let box = Unmanaged<AnyObject>.passRetained(Box(limits, interrupt))
        pthread_setspecific(key, box.toOpaque())
        return (previous, box)
    }

    /// Restores the limits that were this thread's before `enter`.
    static func leave(_ token: (previous: UnsafeMutableRawPointer?, box: Unmanaged<AnyObject>)) {
        pthread_setspecific(key, token.previous)
        token.box.release()
    }

    private final class Box {
        let limits: Limits
        /// Kept apart so that a check reads one integer, not a copy of `Limits` (its `setting`
        /// text would be retained and released at every append).
        let maxTextBytes: Int
        let maxListItems: Int
        let interrupt: InterruptFlag
        init(_ limits: Limits, _ interrupt: InterruptFlag) {
            self.limits = limits
            self.maxTextBytes = limits.maxTextBytes
            self.maxListItems = limits.maxListItems
            self.interrupt = interrupt
        }
    }

    /// This thread's run context, nil outside any run.
    private static var box: Box? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return unsafeDowncast(Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue(), to: Box.self)
    }

    /// The longest text of the run on this thread.
    private static var maxTextBytes: Int { box?.maxTextBytes ?? standard.maxTextBytes }

    /// The longest list of the run on this thread.
    private static var maxListItems: Int { box?.maxListItems ?? standard.maxListItems }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    // MARK: checks

    /// Throws unless a text of `bytes` bytes is within the limit.
    @inline(__always)
    static func checkText(bytes: Int) throws(RuntimeError) {
        if bytes > maxTextBytes { throw textTooLong(bytes, current) }
    }

    /// Throws unless a text of `bytes` bytes is within the limit, the error placed at `span`.
    static func checkText(bytes: Int, at span: Span) throws(RuntimeError) {
        if bytes > maxTextBytes { throw textTooLong(bytes, current).located(span) }
    }

    /// Throws unless a list of `count` items is within the limit.
    @inline(__always)
    static func checkList(count: Int) throws(RuntimeError) {
        if count > maxListItems { throw listTooLong(count, current) }
    }

    @inline(never)
    static func textTooLong(_ bytes: Int, _ limits: Limits) -> RuntimeError {
        RuntimeError(LimitMessages.textTooLong,
                     [.plain(size(bytes)), .plain(size(limits.maxTextBytes)), .plain(limits.setting)])
    }

    @inline(never)
    static func listTooLong(_ count: Int, _ limits: Limits) -> RuntimeError {
        RuntimeError(LimitMessages.listTooLong,
                     [.plain(String(count)), .plain(String(limits.maxListItems)), .plain(limits.setting)])
    }

    /// A size as people read it: "2.1 GB", "512 MB", "1000 B".
    static func size(_ bytes: Int) -> String {
        let megabyte = Double(1 << 20), gigabyte = Double(1 << 30)
        let value = Double(bytes)
        if value >= gigabyte { return decimal(value / gigabyte) + " GB" }
        if value >= megabyte { return decimal(value / megabyte) + " MB" }
        return String(bytes) + " B"
    }

    /// One decimal place, none when it is zero.
    private static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}

enum LimitMessages {
    static let textTooLong = Localized(
        vi: "văn bản này sẽ dài {0}, vượt giới hạn {1} ({2})",
        en: "this text would be {0}, over the limit of {1} ({2})")
    static let listTooLong = Localized(
        vi: "danh sách này sẽ có {0} phần tử, vượt giới hạn {1} ({2})",
        en: "this list would have {0} items, over the limit of {1} ({2})")
}

/// Ctrl-C (or a watchdog) for a long built-in: `tick()` once per item looks at the run's
/// interrupt flag every 4,096 items, so a sort, a join or a `range` of millions of items stops
/// within a few milliseconds, at the cost of a decrement per item.
struct InterruptPoll {
    static let interval = 4096
    private var countdown = InterruptPoll.interval
    private let flag: InterruptFlag?

    init() { flag = Limits.currentInterrupt }

    init(_ flag: InterruptFlag?) { self.flag = flag }

    /// `tick()` for code that cannot throw: true once the flag is seen set.
    @inline(__always)
    mutating func stopRequested() -> Bool {
        countdown &-= 1
        if countdown == 0 {
            countdown = InterruptPoll.interval
            if let flag, flag.isSet { return true }
        }
        return false
    }

    @inline(__always)
    mutating func tick() throws(RuntimeError) {
        countdown &-= 1
        if countdown == 0 {
            countdown = InterruptPoll.interval
            if let flag, flag.isSet { throw RuntimeError(RuntimeMessages.interrupted) }
        }
    }
}
