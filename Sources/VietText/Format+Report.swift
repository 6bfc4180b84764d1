// Numbers, percentages and dates as reports write them: a fixed number of fraction digits
// ("8,50", "2,5%"), and dates for reading rather than sorting ("15/10/2024", "15 Oct 2024").
// The same grouping and rounding as `VietFormat.decimal` (Format.swift): half away from zero
// on the shortest decimal form, so a percentage is the ratio's digits moved, never a product
// with binary noise in it (0.0285 is "2,85%", not "2,8499999%" rounded down).

extension VietFormat {
    /// `value` with exactly `fractionDigits` fraction digits (clamped to 0...20), thousands
    /// grouped: `fixed(1808, .vi, fractionDigits: 2)` = "1.808,00", `fixed(2.5, .en,
    /// fractionDigits: 0)` = "3". `scale` moves the point right first (2 for a percentage).
    /// NaN is shown as "NaN" and infinities as "∞" / "-∞".
    public static func fixed(_ value: Double, _ lang: Lang, fractionDigits: Int, scale: Int = 0) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        let fraction = min(max(fractionDigits, 0), 20)
        var number = shortestDigits(value.magnitude)
        number.point += min(max(scale, -20), 20)
        let (digits, point) = rounded(number, fractionDigits: fraction)
        // digits = 0.d₀d₁… × 10^point: dᵢ is an integer digit for i < point, and the k-th
        // fraction digit is d(point + k).
        func digit(_ index: Int) -> Character {
            index >= 0 && index < digits.count ? Character(String(digits[index])) : "0"
        }
        var integerPart = point > 0 ? "" : "0"
        for index in 0..<max(point, 0) { integerPart.append(digit(index)) }
        var fractionPart = ""
        for position in 0..<fraction {
            fractionPart.append(digit(point + position))
        }
        let isZero = !digits.contains { $0 != 0 }
        var text = value < 0 && !isZero ? "-" : ""
        text += grouped(Substring(integerPart), lang)
        if fraction > 0 {
            text += lang == .vi ? "," : "."
            text += fractionPart
        }
        return text
    }

    /// A ratio as a percentage with `fractionDigits` fraction digits: `percent(0.025, .vi)` =
    /// "2,5%", `.en` "2.5%"; `percent(1, .vi, fractionDigits: 0)` = "100%".
    public static func percent(_ ratio: Double, _ lang: Lang, fractionDigits: Int = 1) -> String {
        fixed(ratio, lang, fractionDigits: fractionDigits, scale: 2) + "%"
    }

    /// A date as a report writes it: `.vi` "15/10/2024", `.en` "15 Oct 2024".
    public static func reportDate(year: Int, month: Int, day: Int, _ lang: Lang) -> String {
        switch lang {
        case .vi: return date(year: year, month: month, day: day, .vi)
        case .en:
            let name = (1...12).contains(month) ? monthNames[month - 1] : String(month)
            return "\(day) \(name) \(year)"
        }
    }

    /// English month abbreviations, as "15 Oct 2024" writes them.
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
