// The length of a text in characters (what `len` answers), without Unicode's grapheme
// breaking when the text allows it.
//
// `String.count` breaks the text into grapheme clusters, about 50 instructions a byte: `len` of
// a million joined texts spent a quarter of the strings workload there. Vietnamese and ASCII
// text is mostly made of scalars that are each a whole character whatever surrounds them, so
// counting scalars gives the same answer; any other scalar sends the text to `String.count`.

enum TextLength {
    /// The number of characters (extended grapheme clusters) of `text`.
    static func characters(_ text: String) -> Int {
        var text = text
        if let simple = text.withUTF8({ simpleCount($0) }) { return simple }
        return text.count
    }

    /// The number of scalars when every scalar is one that no grapheme rule joins to a
    /// neighbour, else nil. Such scalars: ASCII but CR (CR LF is one character); U+0080–U+02FF
    /// (C1 controls, Latin-1, Latin Extended-A/B, IPA, spacing modifiers: combining marks start
    /// at U+0300); U+1E00–U+1EFF (Latin Extended Additional: the precomposed Vietnamese letters).
    static func simpleCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var position = 0
        let end = bytes.count
        while position < end {
            let lead = bytes[position]
            if lead < 0x80 {
                if lead == 0x0D { return nil }
                position += 1
            } else if lead >= 0xC2, lead <= 0xCB {
                position += 2          // U+0080–U+02FF
            } else if lead == 0xE1, position + 1 < end, bytes[position + 1] >= 0xB8, bytes[position + 1] <= 0xBB {
                position += 3          // U+1E00–U+1EFF
            } else {
                return nil
            }
            count += 1
        }
        return count
    }
}
