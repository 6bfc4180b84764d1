// Numbers and dates as each language writes them (domain.md §5): Vietnamese uses a dot for
// thousands and a comma for decimals ("1.808", "2,5") and writes dates dd/mm/yyyy; English
// output uses "1,808", "2.5" and ISO dates (yyyy-mm-dd), which sort and parse unambiguously.
// Written by hand rather than with Foundation's formatters because their output depends on the
// ICU data and locale installed on the machine, and reports and golden tests must not.

public enum VietFormat {
    /// `value` with thousands grouped: `integer(1808, .vi)` = "1.808", `.en` = "1,808".
    public static func integer(_ value: Int, _ lang: Lang) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + grouped(Substring(digits), lang)
    }

    /// `value` with at most `maxFractionDigits` fraction digits (clamped to 0...20), trailing
    /// zeros dropped: `decimal(2.5, .vi)` = "2,5", `decimal(1808.25, .en)` = "1,808.25",
    /// `decimal(1.0/3, .vi)` = "0,33". Rounding works on the shortest decimal form that reads
    /// back as the same Double (Swift's `description`), half away from zero, so 2.675 becomes
    /// "2,68" as a person expects, not "2,67" as its binary value would give.
    /// NaN is shown as "NaN" and infinities as "∞" / "-∞".
    public static func decimal(_ value: Double, _ lang: Lang, maxFractionDigits: Int = 2) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        // 20 covers every fraction a report shows; longer only prints noise digits.
        let maxFraction = min(max(maxFractionDigits, 0), 20)
        var (digits, point) = rounded(shortestDigits(value.magnitude), fractionDigits: maxFraction)
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { return "0" }

        var integerPart = ""
        var fractionPart = ""
        if point <= 0 {
            integerPart = "0"
            fractionPart = String(repeating: "0", count: -point) + digits.map(String.init).joined()
        } else {
            let whole = digits.prefix(point).map(String.init).joined()
            integerPart = whole + String(repeating: "0", count: max(0, point - digits.count))
            fractionPart = digits.dropFirst(point).map(String.init).joined()
        }
        var text = value < 0 ? "-" : ""
        text += grouped(Substring(integerPart), lang)
        if !fractionPart.isEmpty {
            text += lang == .vi ? "," : "."
            text += fractionPart
        }
        return text
    }

    /// A calendar date: `.vi` "15/10/2024", `.en` "2024-10-15". The parts are printed as given
    /// (zero-padded), not validated: checking dates belongs to whoever built them.
    public static func date(year: Int, month: Int, day: Int, _ lang: Lang) -> String {
        let yearText = (year < 0 ? "-" : "") + padded(year.magnitude, 4)
        switch lang {
        case .vi: return "\(padded(day.magnitude, 2))/\(padded(month.magnitude, 2))/\(yearText)"
        case .en: return "\(yearText)-\(padded(month.magnitude, 2))-\(padded(day.magnitude, 2))"
        }
    }

    // MARK: - Helpers

    /// Decimal digits and point (as `shortestDigits` gives them) rounded half away from zero
    /// to `fractionDigits` digits after the point.
    static func rounded(_ number: (digits: [Int], point: Int), fractionDigits: Int) -> (digits: [Int], point: Int) {
        var (digits, point) = number
        // Keep `point + fractionDigits` digits.
        let keep = point + fractionDigits
        guard keep < digits.count else { return (digits, point) }
        let roundUp = keep >= 0 && digits[keep] >= 5
        digits = keep > 0 ? Array(digits[..<keep]) : []
        if roundUp {
            var position = digits.count - 1
            while position >= 0 && digits[position] == 9 {
                digits[position] = 0
                position -= 1
            }
            if position >= 0 {
                digits[position] += 1
            } else {
                digits.insert(1, at: 0)
                point += 1
            }
        }
        return (digits, point)
    }

    /// Decimal digits of `digits` (ASCII) grouped by three from the right.
    static func grouped(_ digits: Substring, _ lang: Lang) -> String {
        let separator: Character = lang == .vi ? "." : ","
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(separator) }
            out.append(character)
        }
        return out
    }

    private static func padded(_ value: UInt, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The shortest round-trip decimal digits of a finite `value` ≥ 0, without leading zeros,
    /// and where the point goes: value = 0.d₁d₂… × 10^point. Parsed from `description`, whose
    /// forms are "2.5", "0.001", "1e-05", "1.0e+20".
    static func shortestDigits(_ value: Double) -> (digits: [Int], point: Int) {
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [Int] = []
        var point = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." { seenPoint = true; continue }
            guard let digit = character.wholeNumberValue else { continue }
            digits.append(digit)
            if !seenPoint { point += 1 }
        }
        point += exponent
        while digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        return (digits, point)
    }
}
