// A growable scratch buffer of 16-bit weights for the collation key builder. It exists for
// speed only: a Swift Array stored in a struct pays a uniqueness check and reference counting
// on every append, which was a third of the time of building a key. This buffer owns its
// memory (non-copyable, freed in deinit), checks its capacity on every append and grows
// when needed, so no index can go out of range whatever the input.

struct WeightBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt16>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<UInt16>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    @inline(__always)
    mutating func append(_ weight: UInt16) {
        if count == capacity { grow(minimum: count + 1) }
        base[count] = weight
        count += 1
    }

    mutating func append(contentsOf other: borrowing WeightBuffer) {
        if other.count == 0 { return }
        if count + other.count > capacity { grow(minimum: count + other.count) }
        (base + count).update(from: other.base, count: other.count)
        count += other.count
    }

    mutating func append(contentsOf weights: [UInt16]) {
        for weight in weights { append(weight) }
    }

    /// Overwrites a weight written earlier (the length of a digit run, known at its end).
    /// Out-of-range positions are ignored: callers only pass positions they wrote.
    mutating func set(_ weight: UInt16, at position: Int) {
        guard position >= 0 && position < count else { return }
        base[position] = weight
    }

    var isEmpty: Bool { count == 0 }

    /// Inserts two weights at `position` (0...count), moving the weights after it. Positions
    /// out of range are ignored.
    mutating func insert(_ first: UInt16, _ second: UInt16, at position: Int) {
        guard position >= 0 && position <= count else { return }
        if count + 2 > capacity { grow(minimum: count + 2) }
        (base + position + 2).moveInitialize(from: base + position, count: count - position)
        base[position] = first
        base[position + 1] = second
        count += 2
    }

    /// Drops the trailing run of `weight`.
    mutating func trimTrailing(_ weight: UInt16) {
        while count > 0 && base[count - 1] == weight { count -= 1 }
    }

    mutating func removeAll() {
        count = 0
    }

    /// -1, 0 or 1 as the weights in `first` sort before, with or after those in `second`,
    /// lexicographically (a prefix first), like `SortKey.compareWeights`. Both ranges are
    /// clamped to the weights written.
    func compare(_ first: Range<Int>, _ second: Range<Int>) -> Int {
        let all = 0..<count
        let a = first.clamped(to: all), b = second.clamped(to: all)
        return SortKey.compareWeights(UnsafeBufferPointer(start: base + a.lowerBound, count: a.count),
                                      UnsafeBufferPointer(start: base + b.lowerBound, count: b.count))
    }

    /// Appends the weights to `array` (many keys kept in one flat array).
    func append(to array: inout [UInt16]) {
        array.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }

    /// A copy of the weights, in an array of exactly their number.
    func toArray() -> [UInt16] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow(minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt16>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
