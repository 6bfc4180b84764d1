// Typed input to NFC before libedit sees it (issue 12). Some Vietnamese input methods, and
// text pasted from some programs, send decomposed letters: "ồ" as "o", U+0302, U+0300. libedit
// takes each scalar as a character of its own (a mark is one of zero width), so Backspace
// removes only the last mark while the screen still shows it, and the cursor and the screen
// fall out of step. libedit reads the terminal a byte at a time through a function we may
// replace (EL_GETCFN); this composer stands behind it: it decodes UTF-8, holds a letter while
// more input is already waiting, takes the marks that follow it, and gives libedit the
// composed character. A letter typed by hand is given at once (nothing is waiting behind it),
// so nothing is slower to type.
import VietText

/// Bytes in, composed Unicode scalars out.
struct InputComposer {
    /// The scalars ready for libedit, first to go first.
    private var ready: [Unicode.Scalar] = []
    private var readyIndex = 0
    /// A letter and the marks after it, held while more input is waiting.
    private var held: [Unicode.Scalar] = []
    /// The bytes of a scalar not complete yet.
    private var partial: [UInt8] = []

    /// The next scalar for libedit, or nil when it needs more bytes. `inputWaiting` says
    /// whether more bytes can be read at once (a paste, an input method's burst); a held
    /// letter goes out when none are.
    mutating func next(inputWaiting: () -> Bool) -> Unicode.Scalar? {
        if let scalar = takeReady() { return scalar }
        if !held.isEmpty && partial.isEmpty && !inputWaiting() {
            release()
            return takeReady()
        }
        return nil
    }

    /// Takes one byte read from the terminal.
    mutating func feed(_ byte: UInt8) {
        partial.append(byte)
        guard let length = Self.sequenceLength(partial[0]) else {
            partial.removeAll()  // a stray continuation byte or an invalid lead: dropped, as libedit does
            return
        }
        if partial.count > 1 && byte & 0xC0 != 0x80 {
            // A sequence cut short: drop it and start again from this byte.
            partial.removeAll()
            feed(byte)
            return
        }
        guard partial.count == length else { return }
        var value: UInt32 = length == 1 ? UInt32(partial[0]) : UInt32(partial[0] & (0xFF >> (length + 1)))
        for continuation in partial.dropFirst() { value = value << 6 | UInt32(continuation & 0x3F) }
        partial.removeAll()
        // Overlong forms and surrogates are not characters.
        guard let scalar = Unicode.Scalar(value), Self.sequenceLength(of: value) == length else { return }
        take(scalar)
    }

    /// At the end of input: whatever is held goes out.
    mutating func finish() -> Unicode.Scalar? {
        partial.removeAll()
        release()
        return takeReady()
    }

    private mutating func take(_ scalar: Unicode.Scalar) {
        if scalar.properties.canonicalCombiningClass != .notReordered, !held.isEmpty {
            held.append(scalar)
            return
        }
        release()
        if scalar.value >= 0x20 && scalar.value != 0x7F && scalar.properties.canonicalCombiningClass == .notReordered {
            held.append(scalar)
        } else {
            ready.append(scalar)
        }
    }

    /// The held letter and its marks, composed, become ready.
    private mutating func release() {
        guard !held.isEmpty else { return }
        if held.count == 1 {
            ready.append(held[0])
        } else {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: held)
            ready.append(contentsOf: String(text).nfc.unicodeScalars)
        }
        held.removeAll(keepingCapacity: true)
    }

    private mutating func takeReady() -> Unicode.Scalar? {
        guard readyIndex < ready.count else { return nil }
        let scalar = ready[readyIndex]
        readyIndex += 1
        if readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
        }
        return scalar
    }

    /// The length of the UTF-8 sequence that `lead` starts, or nil for a byte that starts none.
    private static func sequenceLength(_ lead: UInt8) -> Int? {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil
        }
    }

    /// The shortest UTF-8 length of `value`.
    private static func sequenceLength(of value: UInt32) -> Int {
        switch value {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }
}
