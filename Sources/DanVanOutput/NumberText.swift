// Numbers as people read them in each language: Vietnamese groups thousands with "." and
// writes the decimal comma (1.808; 2,5), English the other way round (1,808; 2.5). The
// grouping and marks are VietText's `VietFormat` (shared with reports); this file adds what
// the REPL needs beyond it: ungrouped ids and years, decimals shown exactly (a table must
// not round 9.125 to 9,13), and fixed digits for timings.
import Foundation
import VietText

public enum NumberText {
    public static func integer(_ value: Int64, _ lang: Lang, grouped: Bool = true) -> String {
        grouped ? VietFormat.integer(Int(truncatingIfNeeded: value), lang) : String(value)
    }

    /// The shortest text that reads back as `value`, with the language's separators.
    /// Very large or small values keep Swift's exponent form ("1e+20"), which VietFormat
    /// would write out in full or round to 0.
    public static func decimal(_ value: Double, _ lang: Lang) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let text = value.description
        if text.contains("e") {
            return text.replacingOccurrences(of: ".", with: lang == .vi ? "," : ".")
        }
        // Swift's shortest form has at most 17 significant digits, so 20 fraction digits
        // never round it.
        return VietFormat.decimal(value, lang, maxFractionDigits: 20)
    }

    /// `value` with exactly `digits` decimals ("12,3"), for timings.
    public static func fixed(_ value: Double, digits: Int, _ lang: Lang) -> String {
        let text = String(format: "%.\(max(0, min(digits, 9)))f", value)
        return lang == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
