// What a completion callback answers, and how the answer becomes an edit of libedit's line.
// The callback works in `Character`s (what the user sees), libedit in Unicode scalars
// (its wide characters): `el_line` reports byte offsets and `el_deletestr` counts scalars,
// so an NFD "ễ" (three scalars) must be deleted as 3, not 1 (notes §5). The conversions
// live here, away from the C calls, so they can be tested without a terminal.
import VietText

/// One offer: the text that replaces the range, and how it is shown in a list
/// (a path completes to "data/units.csv" but is listed as "units.csv").
public struct CompletionCandidate: Sendable, Equatable {
    public var text: String
    public var display: String

    public init(_ text: String, display: String? = nil) {
        self.text = text
        self.display = display ?? text
    }
}

/// The answer to Tab: the range of the line (in `Character`s) the candidates replace.
public struct Completion: Sendable, Equatable {
    public var range: Range<Int>
    public var candidates: [CompletionCandidate]
    /// List at most this many below the line (the rest are counted in a note); nil uses
    /// `CandidateListing.maxShown`. Every candidate still counts for the common prefix.
    public var listLimit: Int?

    public init(range: Range<Int>, candidates: [CompletionCandidate], listLimit: Int? = nil) {
        self.range = range
        self.candidates = candidates
        self.listLimit = listLimit
    }

    public static let none = Completion(range: 0..<0, candidates: [])
}

/// The edit libedit performs for a completion, in its own units.
struct CompletionEdit: Equatable {
    /// Scalars to move the cursor (negative: left) before deleting, to reach the range's end.
    var cursorMove: Int
    /// Scalars to delete before the cursor.
    var deleteCount: Int
    /// Text inserted at the cursor (may be empty: then only the list is shown).
    var insertion: String
    /// Candidates to list below the line (empty when one candidate was inserted).
    var listing: [String]

    /// Plans the edit for `completion` on `line` with the cursor after `cursorScalars`
    /// scalars. One candidate replaces the range. Several replace it with their common prefix
    /// when that prefix extends what is typed (compared without diacritics or case, so
    /// "phuong tan" becomes "Phường Tân "), and are listed. Nil when there is nothing to offer.
    static func plan(line: String, cursorScalars: Int, completion: Completion) -> CompletionEdit? {
        guard !completion.candidates.isEmpty else { return nil }
        let characters = Array(line)
        let lower = min(max(completion.range.lowerBound, 0), characters.count)
        let upper = min(max(completion.range.upperBound, lower), characters.count)
        let startScalars = scalarCount(characters[0..<lower])
        let endScalars = startScalars + scalarCount(characters[lower..<upper])
        let typed = String(characters[lower..<upper])

        var insertion: String
        var listing: [String] = []
        if completion.candidates.count == 1 {
            insertion = completion.candidates[0].text
        } else {
            listing = completion.candidates.map(\.display)
            let prefix = commonPrefix(completion.candidates.map(\.text))
            let foldedPrefix = VietFold.fold(prefix)
            let foldedTyped = VietFold.fold(typed)
            if !prefix.isEmpty, prefix != typed, foldedPrefix.hasPrefix(foldedTyped) {
                insertion = prefix
            } else {
                insertion = ""
            }
        }
        if insertion.isEmpty && listing.isEmpty { return nil }
        if insertion.isEmpty {
            // Nothing to change in the line: only list.
            return CompletionEdit(cursorMove: 0, deleteCount: 0, insertion: "", listing: listing)
        }
        return CompletionEdit(cursorMove: endScalars - cursorScalars,
                              deleteCount: endScalars - startScalars,
                              insertion: insertion, listing: listing)
    }

    /// The longest common prefix of `texts`, in whole `Character`s.
    static func commonPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first.map(Array.init) else { return "" }
        for text in texts.dropFirst() {
            var length = 0
            for (a, b) in zip(prefix, text) {
                if a != b { break }
                length += 1
            }
            prefix = Array(prefix.prefix(length))
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    static func scalarCount(_ characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + $1.unicodeScalars.count }
    }
}

/// Converting libedit's positions.
enum LinePosition {
    /// The number of `Character`s of `line` that lie wholly before scalar offset `scalars`.
    /// When the cursor sits inside a cluster (after "e" of an NFD "ễ"), the cluster counts as
    /// after the cursor.
    static func characterOffset(in line: String, scalars: Int) -> Int {
        var seen = 0
        var characters = 0
        for character in line {
            let next = seen + character.unicodeScalars.count
            if next > scalars { break }
            seen = next
            characters += 1
        }
        return characters
    }

    /// The scalar offset of a UTF-8 byte offset into `bytes`: the number of scalars that
    /// start before it. libedit's offsets fall between characters, never inside one.
    static func scalarOffset(utf8 bytes: some Collection<UInt8>, byteOffset: Int) -> Int {
        var scalars = 0
        var index = 0
        for byte in bytes {
            if index >= byteOffset { break }
            // Every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
            if byte & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return scalars
    }
}
