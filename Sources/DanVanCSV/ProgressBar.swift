// A one-line progress bar on standard error for long imports and exports. It shows only
// when standard error is a terminal (never in pipes, logs or tests) and only once the work
// passes 1 MB (a small file finishes before a bar could be read), and redraws at most ten
// times a second, because redrawing costs more than the work it reports on fast disks.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public final class ProgressBar {
    /// Work below this size never shows a bar.
    public static let threshold: Int64 = 1_000_000
    /// Redraws per second at most.
    static let maxRedrawsPerSecond: UInt64 = 10
    /// Cells of the bar itself: fits an 80-column terminal with label and numbers.
    static let width = 30

    private let descriptor: Int32
    /// Whether the bar draws at all (standard error is a terminal, or forced).
    public let enabled: Bool
    private let minimumBytes: Int64
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// A bar on `descriptor` (standard error by default); silent unless it is a terminal.
    /// `minimumBytes`: work below this size shows no bar (0 for work not measured in bytes).
    public init(descriptor: Int32 = 2, force: Bool = false, minimumBytes: Int64 = ProgressBar.threshold) {
        self.descriptor = descriptor
        self.minimumBytes = minimumBytes
        self.enabled = force || isatty(descriptor) == 1
    }

    /// Shows `label` and `done` of `total`, when `bytes` of work has passed the threshold.
    public func update(label: String, done: Int64, total: Int64, bytes: Int64) {
        guard enabled, bytes >= minimumBytes, total > 0 else { return }
        let now = ProgressBar.monotonicNanoseconds()
        if drawn && now &- lastDraw < 1_000_000_000 / ProgressBar.maxRedrawsPerSecond { return }
        lastDraw = now
        drawn = true
        let fraction = min(1, max(0, Double(done) / Double(total)))
        let filled = Int(fraction * Double(ProgressBar.width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: ProgressBar.width - filled)
        let percent = Int(fraction * 100)
        emit("\r\u{1B}[2K\(label) \(bar) \(percent)%")
    }

    /// Clears the bar, if one was drawn, so the next message starts on a clean line.
    public func finish() {
        guard drawn else { return }
        drawn = false
        emit("\r\u{1B}[2K")
    }

    private func emit(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            _ = write(descriptor, base, raw.count)
        }
    }

    static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}
