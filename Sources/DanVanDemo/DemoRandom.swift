// The demo's own random numbers: SplitMix64, so that one seed gives the same data on every
// machine and every run (Swift's SystemRandomNumberGenerator is seeded by the system, and
// the standard library promises no stable algorithm). Each phase of the generator draws
// from its own stream, named by a label, so that changing how people are made does not
// shift every model that follows.

struct DemoRandom {
    private var state: UInt64

    /// A stream for `label` under `seed`: the label is hashed (FNV-1a) into the state.
    init(seed: UInt64, stream label: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        state = (seed &* 0x9E37_79B9_7F4A_7C15) ^ hash
        _ = next()
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<count`; 0 when `count` is not positive.
    mutating func below(_ count: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// A number in `range`, each equally likely.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element; the arrays the generator picks from are its own non-empty tables.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn with the given relative weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return max(0, weights.count - 1)
    }

    /// Fisher–Yates, in place.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = below(index + 1)
            if other != index { items.swapAt(index, other) }
        }
    }

    /// `count` distinct indices of `0..<total`, in drawing order.
    mutating func sample(_ count: Int, of total: Int) -> [Int] {
        var all = Array(0..<total)
        let wanted = min(count, total)
        for index in 0..<wanted {
            let other = index + below(total - index)
            all.swapAt(index, other)
        }
        return Array(all.prefix(wanted))
    }
}

/// A pool of choices with weights, drawn by binary search over the running totals:
/// the owner pools hold thousands of units at `--scale 100`.
struct DemoWeightedPool {
    private(set) var items: [Int] = []
    private var running: [Double] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ item: Int, weight: Double) {
        guard weight > 0 else { return }
        items.append(item)
        running.append((running.last ?? 0) + weight)
    }

    func draw(_ random: inout DemoRandom) -> Int? {
        guard let total = running.last else { return nil }
        let target = random.unit() * total
        var low = 0
        var high = running.count - 1
        while low < high {
            let middle = (low + high) / 2
            if running[middle] > target { high = middle } else { low = middle + 1 }
        }
        return items[low]
    }
}
