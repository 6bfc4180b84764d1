// `round(x, digits)` rounds the decimal as it is written, as a spreadsheet and a person do:
// round(2.675, 2) is 2.68 and round(1.005, 2) is 1.01, although the doubles nearest 2.675 and
// 1.005 lie just below them (so rounding the binary value would give 2.67 and 1.0). The
// number's shortest decimal form (the digits `print` shows, which read back as the same double)
// is rounded half away from zero at `digits` decimals, and the result read back as a double.
// Digits past the double's precision (17 significant digits) are already exact: nothing to do.

enum DecimalRounding {
    /// `value` rounded to `digits` decimals (0...15), half away from zero, on its shortest
    /// decimal form. `value` must be finite.
    static func round(_ value: Double, digits: Int) -> Double {
        guard value.isFinite, value != 0 else { return value }
        // The shortest form: "2.675", "1e-05", "1.2345e+20" (Swift's description).
        let written = value.magnitude.description
        var mantissa = Substring(written), exponent = 0
        if let e = written.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = written[..<e]
            exponent = Int(written[written.index(after: e)...]) ?? 0
        }
        // The significant digits, and how many of them come before the decimal point.
        var significant: [UInt8] = []
        var beforePoint = 0, seenPoint = false
        for character in mantissa.utf8 {
            if character == UInt8(ascii: ".") { seenPoint = true; continue }
            guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else { return value }
            let digit = character - UInt8(ascii: "0")
            if significant.isEmpty && digit == 0 {
                if seenPoint { beforePoint -= 1 }   // a leading zero after the point: 0.00x
                continue
            }
            significant.append(digit)
            if !seenPoint { beforePoint += 1 }
        }
        while significant.last == 0 { significant.removeLast() }
        beforePoint += exponent
        // `kept` digits stay: those before the point and `digits` after it.
        let kept = beforePoint + digits
        guard kept < significant.count else { return value }   // nothing beyond `digits`
        guard kept >= 0 else { return 0 }   // below half of the last place kept
        var result = Array(significant[0..<kept])
        if significant[kept] >= 5 {
            // Half or more of the last kept place (the shortest form has no digits to spare):
            // away from zero, carrying.
            var position = result.count - 1
            while position >= 0 && result[position] == 9 {
                result[position] = 0
                position -= 1
            }
            if position >= 0 { result[position] += 1 } else { result.insert(1, at: 0) }
        }
        // The kept digits are value × 10^digits as a whole number.
        var text = result.isEmpty ? "0" : String(decoding: result.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        text += "e-\(digits)"
        guard let rounded = Double(text) else { return value }
        if rounded == 0 { return 0 }   // never -0.0, which would print as "-0.0"
        return value < 0 ? -rounded : rounded
    }
}
