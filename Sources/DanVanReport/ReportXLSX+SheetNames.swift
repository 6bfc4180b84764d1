// Sheet names Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending
// with an apostrophe, not empty, and unique without regard to case. A table's title gives
// its sheet's name; a table without one is "Bảng 1" / "Table 1".
import Foundation
import VietText

extension ReportXLSX {
    static let maxSheetName = 31 // Excel refuses a longer name (in UTF-16 units)
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    public static func sheetNames(_ titles: [String?], _ lang: Lang) -> [String] {
        var used: Set<String> = []
        var names: [String] = []
        for (index, title) in titles.enumerated() {
            let fallback = (lang == .vi ? "Bảng " : "Table ") + String(index + 1)
            var base = clean(title ?? "")
            if base.isEmpty { base = fallback }
            var name = base
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(counter))"
                name = cut(base, to: maxSheetName - suffix.utf16.count) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            names.append(name)
        }
        return names
    }

    static func clean(_ title: String) -> String {
        let replaced = String(title.precomposedStringWithCanonicalMapping.map { forbidden.contains($0) || $0.isNewline ? " " : $0 })
        var name = cut(replaced.trimmingCharacters(in: .whitespaces), to: maxSheetName)
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// The longest prefix of whole characters within `units` UTF-16 units.
    static func cut(_ text: String, to units: Int) -> String {
        var out = ""
        for character in text {
            if out.utf16.count + String(character).utf16.count > units { break }
            out.append(character)
        }
        return out
    }
}
