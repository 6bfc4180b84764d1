// The text library. Lengths and positions count Characters ("Hòa" has 3), and `fold` and
// `~` compare without diacritics or case (đ → d); `~` matches query words at word starts.
import VietText

enum TextLibrary {
    static let functions: [Builtin] = [
        Builtin("upper", 1...1) { args in .text(try args.text(0).uppercased()) },
        Builtin("lower", 1...1) { args in .text(try args.text(0).lowercased()) },
        /// trim(t): without spaces, tabs and line breaks at either end.
        Builtin("trim", 1...1) { args in
            let text = try args.text(0)
            return .text(String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()))
        },
        /// split(t, sep): the pieces between separators; without sep, the words.
        Builtin("split", 1...2) { args in
            let text = try args.text(0)
            if args.count == 1 {
                return .list(text.split(whereSeparator: \.isWhitespace).map { .text(String($0)) })
            }
            let separator = try args.text(1)
            guard !separator.isEmpty else { return .list(text.map { .text(String($0)) }) }
            return .list(text.splitting(by: separator).map(Value.text))
        },
        /// replace(t, old, new): every occurrence replaced.
        Builtin("replace", 3...3) { args in
            let text = try args.text(0), old = try args.text(1), new = try args.text(2)
            guard !old.isEmpty else { throw args.bad(1, because: TextMessages.emptyPattern) }
            let pieces = text.splitting(by: old)
            // Each replaced piece may be longer than what it replaces: the result's size first.
            let (grown, overflow) = new.utf8.count.multipliedReportingOverflow(by: max(0, pieces.count - 1))
            try Limits.checkText(bytes: overflow ? Int.max : text.utf8.count &+ grown)
            return .text(pieces.joined(separator: new))
        },
        /// contains(t, part) for text; contains(xs, v) for a list.
        Builtin("contains", 2...2) { args in
            switch args[0] {
            case .text(let text):
                let part = try args.text(1)
                return .bool(part.isEmpty || text.contains(part))
            case .list(let list): return .bool(list.items.contains(args[1]))
            default: throw args.bad(0, expected: TextMessages.textOrList)
            }
        },
        Builtin("starts_with", 2...2) { args in .bool(try args.text(0).hasPrefix(try args.text(1))) },
        Builtin("ends_with", 2...2) { args in .bool(try args.text(0).hasSuffix(try args.text(1))) },
        /// fold(t): the diacritic-free, case-folded key: fold("Đảng ủy") == "dang uy".
        Builtin("fold", 1...1) { args in .text(VietFold.fold(try args.text(0))) },
    ]
}

enum TextMessages {
    static let emptyPattern = Localized(vi: "không được để trống", en: "must not be empty")
    static let textOrList = Localized(vi: "văn bản hoặc danh sách", en: "text or list")
}

extension String {
    /// The pieces between occurrences of `separator` (Character-aware, no Foundation).
    func splitting(by separator: String) -> [String] {
        let characters = Array(self)
        let pattern = Array(separator)
        guard !pattern.isEmpty, characters.count >= pattern.count else { return [self] }
        var pieces: [String] = []
        var current: [Character] = []
        var index = 0
        while index < characters.count {
            if index + pattern.count <= characters.count, characters[index] == pattern[0],
               Array(characters[index..<(index + pattern.count)]) == pattern {
                pieces.append(String(current))
                current.removeAll(keepingCapacity: true)
                index += pattern.count
            } else {
                current.append(characters[index])
                index += 1
            }
        }
        pieces.append(String(current))
        return pieces
    }
}
