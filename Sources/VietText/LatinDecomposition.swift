// The canonical decomposition (NFD) of the precomposed Latin letters, as a lookup table.
// Collation keys, search keys and tone placement all need "base letter + marks" for every
// letter of every row. Calling Foundation's normaliser per row allocates and is slow, so
// the table is built once, with Foundation, for the two blocks where Vietnamese lives
// (Latin-1/Extended-A/B and Latin Extended Additional); the hot loops then look up a
// scalar in O(1) and never allocate. Scalars outside these blocks take a slow path in the
// callers (rare in Vietnamese data).
import Foundation

/// A precomposed scalar split into its base and up to three combining marks (0 = none).
struct Decomposition: Sendable {
    var base: UInt32
    var mark1: UInt16
    var mark2: UInt16
    var mark3: UInt16
}

enum LatinDecomposition {
    /// The first block covered: Latin-1 letters through Latin Extended-B.
    static let block1 = UInt32(0x00C0)..<UInt32(0x0250)
    /// The second block covered: Latin Extended Additional (all the toned Vietnamese vowels).
    static let block2 = UInt32(0x1E00)..<UInt32(0x1F00)

    /// One entry per scalar of `block1` then `block2`; `base == 0` means "does not decompose".
    static let table: [Decomposition] = build()

    /// The decomposition of `value`, or nil when it is outside the table or does not decompose.
    @inline(__always)
    static func lookup(_ value: UInt32, in table: [Decomposition]) -> Decomposition? {
        let index: Int
        if block1.contains(value) {
            index = Int(value - block1.lowerBound)
        } else if block2.contains(value) {
            index = block1.count + Int(value - block2.lowerBound)
        } else {
            return nil
        }
        let entry = table[index]
        return entry.base == 0 ? nil : entry
    }

    /// True for the combining diacritical marks block, the only marks the table produces.
    @inline(__always)
    static func isCombiningMark(_ value: UInt32) -> Bool {
        value >= 0x0300 && value <= 0x036F
    }

    private static func build() -> [Decomposition] {
        var entries: [Decomposition] = []
        entries.reserveCapacity(block1.count + block2.count)
        for value in Array(block1) + Array(block2) {
            entries.append(decompose(value))
        }
        return entries
    }

    /// Foundation's full canonical decomposition of one scalar, kept only when it is a base
    /// followed by at most three marks of U+0300–U+036F (true for every entry that decomposes
    /// in these blocks; anything else is recorded as "does not decompose").
    private static func decompose(_ value: UInt32) -> Decomposition {
        let none = Decomposition(base: 0, mark1: 0, mark2: 0, mark3: 0)
        guard let scalar = Unicode.Scalar(value) else { return none }
        let parts = Array(String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard parts.count >= 2, parts.count <= 4, parts[0].value != value else { return none }
        let marks = parts.dropFirst().map { $0.value }
        guard marks.allSatisfy(isCombiningMark) else { return none }
        var entry = Decomposition(base: parts[0].value, mark1: 0, mark2: 0, mark3: 0)
        for (position, mark) in marks.enumerated() {
            switch position {
            case 0: entry.mark1 = UInt16(mark)
            case 1: entry.mark2 = UInt16(mark)
            default: entry.mark3 = UInt16(mark)
            }
        }
        return entry
    }
}
