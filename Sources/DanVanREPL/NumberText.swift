// Numbers as people read them in each language: Vietnamese groups thousands with "." and
// writes the decimal comma (1.808; 2,5), English the other way round (1,808; 2.5). This is a
// small internal formatter; VietText's `VietFormat` (being written in parallel) is the
// shared one, and this file goes once it is merged.
import Foundation
import VietText

enum NumberText {
    static func integer(_ value: Int64, _ lang: Lang, grouped: Bool = true) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + (grouped ? group(digits, separator: lang == .vi ? "." : ",") : digits)
    }

    /// The shortest text that reads back as `value`, with the language's separators.
    /// Very large or small values keep Swift's exponent form ("1e+20").
    static func decimal(_ value: Double, _ lang: Lang) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let text = value.description
        let decimalMark = lang == .vi ? "," : "."
        if text.contains("e") {
            return text.replacingOccurrences(of: ".", with: decimalMark)
        }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1).map(String.init)
        let whole = group(parts.first ?? "0", separator: lang == .vi ? "." : ",")
        var result = (negative ? "-" : "") + whole
        if parts.count == 2, parts[1] != "0" { result += decimalMark + parts[1] }
        return result
    }

    /// `value` with exactly `digits` decimals ("12,3"), for timings.
    static func fixed(_ value: Double, digits: Int, _ lang: Lang) -> String {
        let text = String(format: "%.\(max(0, min(digits, 9)))f", value)
        return lang == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// "1234567" → "1.234.567".
    static func group(_ digits: String, separator: String) -> String {
        let characters = Array(digits)
        var result = ""
        for (index, character) in characters.enumerated() {
            if index > 0 && (characters.count - index) % 3 == 0 { result += separator }
            result.append(character)
        }
        return result
    }
}
