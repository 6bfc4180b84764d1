// "Did you mean ...?" for every layer: the closest known name to a misspelt one, compared
// without diacritics or case (so `ten_dv` finds `tên_đv`), by edit distance under a small
// threshold. The language (`Suggest`), the store's write errors and the CLI all use it.

public enum NameSuggestion {
    /// The closest candidate within the threshold, or nil.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(VietFold.fold(name).unicodeScalars)
        // None for names of one or two letters, one edit up to 4 letters, two from 5, three
        // from 9: more would propose unrelated names. A swap of two letters is one edit.
        let threshold = target.count <= 2 ? 0 : (target.count < 5 ? 1 : (target.count < 9 ? 2 : 3))
        if threshold == 0 { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name && !candidate.hasPrefix("#") {
            let folded = Array(VietFold.fold(candidate).unicodeScalars)
            if abs(folded.count - target.count) > threshold { continue }
            let distance = editDistance(target, folded)
            guard distance <= threshold else { continue }
            // Ties are broken by a fixed rule, never by the order the candidates came in (a
            // dictionary's order changes from run to run): a name as long as the one typed
            // first (`nma` is `nam` with two letters swapped, rather than `ma`), then the
            // alphabetically first.
            if let current = best {
                if distance > current.distance { continue }
                if distance == current.distance {
                    let currentLength = VietFold.fold(current.name).unicodeScalars.count
                    let sameLength = folded.count == target.count, currentSame = currentLength == target.count
                    if currentSame && !sameLength { continue }
                    if sameLength == currentSame && candidate >= current.name { continue }
                }
            }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of neighbours
    /// (optimal string alignment).
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
