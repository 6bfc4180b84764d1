// Sort keys for people. Vietnamese lists order people by given name (tên), then middle name
// (tên đệm), then family name (họ) (domain.md §5): "Nguyễn Văn An" before "Trần Thị Bình".
// Each part is compared word by word like any text (letters, then tones, of each word) before
// the next part is looked at, so all the "An" come before all the "Án", and ties on the given
// name fall back to the middle name, then the family name. Case is looked at last, across the
// whole name, as in `VietCollation.compare`. So this key orders people as sorting the text
// "given middle family" does (the language's `people.sort_name`), except where part
// boundaries matter: here a person with no middle name comes before any with one.
//
// The key is words(given) 0 words(middle) 0 words(family) 0 case(all). A 0 after a part sorts
// below anything that can follow at that position in a longer part (every element starts with
// a weight ≥ 1), so comparing the joined keys compares the parts in turn.

extension VietCollation {
    /// The key that orders people by given name, then middle name, then family name.
    public static func personSortKey(family: String, middle: String, given: String) -> SortKey {
        let capacity = family.utf8.count + middle.utf8.count + given.utf8.count
        return personKey(given.unicodeScalars, middle.unicodeScalars, family.unicodeScalars,
                         capacity: capacity)
    }

    /// The person key of a full name written family-first: the first word is the family name,
    /// the last word the given name, the words between the middle name ("Nguyễn Thị Ngọc Ánh":
    /// family "Nguyễn", middle "Thị Ngọc", given "Ánh"). A single word is a given name.
    public static func personSortKey(fullName: String) -> SortKey {
        // Scalars are copied to an array once: walking String indices to find the words and
        // then iterating substrings was twice as slow as building the key itself.
        let scalars = Array(fullName.unicodeScalars)
        var words: [Range<Int>] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            let isSpace = CollationKeyBuilder.isWhitespace(scalar.value)
            if isSpace, let begin = start {
                words.append(begin..<index)
                start = nil
            } else if !isSpace, start == nil {
                start = index
            }
        }
        if let begin = start { words.append(begin..<scalars.count) }

        let none = scalars[0..<0]
        guard let first = words.first, let last = words.last else {
            return personKey(none, none, none, capacity: 0)
        }
        if words.count == 1 {
            return personKey(scalars[last], none, none, capacity: scalars.count)
        }
        let middle = words.count > 2 ? scalars[words[1].lowerBound..<words[words.count - 2].upperBound] : none
        return personKey(scalars[last], middle, scalars[first], capacity: scalars.count)
    }

    private static func personKey<S: Sequence<Unicode.Scalar>>(
        _ given: S, _ middle: S, _ family: S, capacity: Int
    ) -> SortKey {
        var builder = CollationKeyBuilder(capacity: capacity)
        builder.append(given)
        builder.endPartWithSeparator()
        builder.append(middle)
        builder.endPartWithSeparator()
        builder.append(family)
        return SortKey(weights: builder.finish())
    }
}
