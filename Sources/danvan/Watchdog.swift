// The watchdog of a run: a thread that looks, every 20 ms, at the process's resident memory
// (`/proc/self/statm`, a read of a few bytes) and at the clock, and raises the interpreter's
// interrupt flag with the reason when `--max-memory` or `--timeout` is passed. The VM already
// polls that flag at loop back-edges, calls and table loads, so the checks cost the running
// program nothing: no counter on the hot path, and the program ends with a positioned error
// ("memory limit of 512 MB reached (--max-memory)") before the kernel's OOM killer ends it.
//
// The memory watch reads Linux's /proc; elsewhere only the value ceilings (`Limits`) and the
// timeout apply.
import DanVanLang
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class Watchdog: @unchecked Sendable {
    /// How often the thread looks: often enough that a loop allocating a few hundred MB a
    /// second passes the limit by a few MB at most, rarely enough to cost nothing.
    static let interval: TimeInterval = 0.02

    private let flag: InterruptFlag
    private let memoryBytes: Int
    private let memoryMegabytes: Int
    private let deadline: Date?
    private let timeout: Int
    private let lock = NSLock()
    private var stopped = false

    /// Starts watching for a budget of `memoryMegabytes` and, when given, `timeout` seconds from now.
    init(flag: InterruptFlag, memoryMegabytes: Int, timeout: Int?) {
        self.flag = flag
        self.memoryMegabytes = memoryMegabytes
        let (bytes, overflow) = memoryMegabytes.multipliedReportingOverflow(by: 1 << 20)
        memoryBytes = overflow ? Int.max : bytes
        self.timeout = timeout ?? 0
        deadline = timeout.map { Date().addingTimeInterval(TimeInterval($0)) }
        let thread = Thread { [self] in watch() }
        thread.name = "danvan-watchdog"
        thread.start()
    }

    /// Ends the watch; the thread finishes at its next look.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func watch() {
        while !isStopped {
            // Set again at every look while passed: a run that starts clears the flag.
            if let deadline, Date() >= deadline {
                flag.set(.timeout(seconds: timeout))
            } else if let resident = Watchdog.residentBytes(), resident > memoryBytes {
                flag.set(.memory(megabytes: memoryMegabytes))
            }
            Thread.sleep(forTimeInterval: Watchdog.interval)
        }
    }

    /// The process's resident memory in bytes (the second field of /proc/self/statm, in
    /// pages), nil where there is no /proc.
    static func residentBytes() -> Int? {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 127) }
        guard count > 0 else { return nil }
        let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: Int(sysconf(Int32(_SC_PAGESIZE))))
        return overflow ? Int.max : bytes
    }
}
