// Normalisation and the diacritic-free search key (domain.md §5).
// Text is stored NFC; search compares `fold`ed keys: NFD, drop combining marks,
// đ → d by hand (it does not decompose), case-fold, collapse whitespace.
// `fold` runs on every row when search keys are (re)built and on every row a `~` search
// tests, so it works on Unicode scalars with the `LatinDecomposition` table and writes UTF-8
// bytes into a buffer it is given (the result string's own storage, or a stack buffer for a
// search); only scalars outside the Latin blocks (rare in this data) go through Foundation's
// normaliser one by one. Word search (`~`) is in Search.swift.
import Foundation

extension String {
    /// The NFC (precomposed) form, which the store writes. Text that is certainly NFC already
    /// (`isCertainlyNFC`: all of Vietnamese as typed) is returned as it is, without Foundation's
    /// normaliser: SQL calls this (`dv_nfc`) for every row it groups or compares by text.
    public var nfc: String { String.isCertainlyNFC(self) ? self : precomposedStringWithCanonicalMapping }

    /// True when every scalar of `text` lies where Unicode has no character that NFC changes
    /// (no combining mark, no singleton or excluded composition): Basic Latin to Latin
    /// Extended-B and IPA (U+0000–U+02FF), Latin Extended Additional with the Vietnamese
    /// precomposed letters (U+1E00–U+1EFF), and General Punctuation after the two spaces that
    /// NFC maps (U+2002–U+206F: dashes, quotes, ellipsis). False means "maybe not": ask
    /// Foundation.
    public static func isCertainlyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isCertainlyNFC(scalar: $0.value) }
    }

    /// Whether the scalar `value` lies in the ranges `isCertainlyNFC` vouches for; also what
    /// the store's `dv_nfc` checks on raw UTF-8.
    @inlinable
    public static func isCertainlyNFC(scalar value: UInt32) -> Bool {
        value < 0x300 || (value >= 0x1E00 && value < 0x1F00) || (value >= 0x2002 && value < 0x2070)
    }

    /// True when the text is already in NFC.
    public var isNFC: Bool {
        let composed = precomposedStringWithCanonicalMapping
        return composed.unicodeScalars.elementsEqual(unicodeScalars)
    }
}

/// Where `fold` writes: a buffer of fixed size that records, rather than overruns, a fold
/// that does not fit (a few scalars fold to more bytes than they take: some lower-case
/// letters are longer in UTF-8, Hangul syllables decompose into three letters).
struct FoldOutput {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    private(set) var overflowed = false
    /// A whitespace run seen after some output, written as one space before the next byte.
    private var pendingSpace = false

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if pendingSpace {
            pendingSpace = false
            append(0x20)
        }
        guard count < buffer.count else {
            overflowed = true
            return
        }
        buffer[count] = byte
        count += 1
    }

    /// A whitespace scalar: leading runs are dropped, inner runs become one space, trailing
    /// runs are dropped because no byte follows them.
    @inline(__always)
    mutating func space() {
        pendingSpace = count > 0
    }

    /// The bytes written.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[0..<count])
    }
}

public enum VietFold {
    /// The diacritic-free, case-folded search key: "Đảng ủy  Phường" → "dang uy phuong".
    /// The look-alikes of Đ (U+00D0 Ð, U+0189 Ɖ) fold to "d" too. Whitespace runs become one
    /// space and the ends are trimmed.
    public static func fold(_ text: String) -> String {
        // Folding never makes Vietnamese text longer, so the first try almost always fits;
        // for the rare text that grows (see `FoldOutput`), try again with more room.
        var capacity = text.utf8.count
        while true {
            var overflowed = false
            let folded = String(unsafeUninitializedCapacity: capacity) { buffer in
                var out = FoldOutput(buffer)
                fold(text, into: &out)
                overflowed = out.overflowed
                return overflowed ? 0 : out.count
            }
            if !overflowed { return folded }
            capacity = 4 * capacity + 16
        }
    }

    /// Folds `text` into `out`; `out.overflowed` tells whether it all fitted.
    static func fold(_ text: String, into out: inout FoldOutput) {
        let table = LatinDecomposition.table
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x20 || (0x09...0x0D).contains(value) {
                    out.space()
                } else {
                    out.append(asciiLower(value))
                }
            } else if LatinDecomposition.isCombiningMark(value) {
                continue
            } else if let entry = LatinDecomposition.lookup(value, in: table) {
                // Every mark in the table is in U+0300–U+036F, so only the base is kept.
                if entry.base < 0x80 {
                    out.append(asciiLower(entry.base))
                } else {
                    appendLowercased(entry.base, to: &out)
                }
            } else {
                foldRare(value, into: &out)
            }
            if out.overflowed { return }
        }
    }

    // MARK: - Helpers

    @inline(__always)
    private static func asciiLower(_ value: UInt32) -> UInt8 {
        let byte = UInt8(truncatingIfNeeded: value)
        return (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    /// Scalars outside ASCII and the Latin table: đ's look-alikes, non-ASCII whitespace, and
    /// other scripts, decomposed one at a time like the whole-string NFD would.
    private static func foldRare(_ value: UInt32, into out: inout FoldOutput) {
        switch value {
        case 0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256:
            out.append(0x64)  // "d"
            return
        default:
            if CollationKeyBuilder.isWhitespace(value) {
                out.space()
                return
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        for part in String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars {
            if LatinDecomposition.isCombiningMark(part.value) { continue }
            if CollationKeyBuilder.isWhitespace(part.value) {
                out.space()
                continue
            }
            appendLowercased(part.value, to: &out)
        }
    }

    private static func appendLowercased(_ value: UInt32, to out: inout FoldOutput) {
        guard let scalar = Unicode.Scalar(value) else { return }
        for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
            if let units = UTF8.encode(lowered) {
                for unit in units { out.append(unit) }
            }
        }
    }
}
