// Number and date formats in both languages (domain.md §5: "1.808", "2,5", dd/mm/yyyy).
import Testing
@testable import VietText

@Test(arguments: [
    (1808, "1.808", "1,808"),
    (0, "0", "0"),
    (999, "999", "999"),
    (1000, "1.000", "1,000"),
    (6496, "6.496", "6,496"),
    (1_234_567, "1.234.567", "1,234,567"),
    (-2071, "-2.071", "-2,071"),
    (Int.min, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808"),
])
func integers(value: Int, vi: String, en: String) {
    #expect(VietFormat.integer(value, .vi) == vi)
    #expect(VietFormat.integer(value, .en) == en)
}

@Test(arguments: [
    (2.5, "2,5", "2.5"),
    (2.0, "2", "2"),
    (1808.25, "1.808,25", "1,808.25"),
    (1.0 / 3.0, "0,33", "0.33"),
    (2.675, "2,68", "2.68"),               // rounds the decimal 2.675, not its binary value
    (0.1 + 0.2, "0,3", "0.3"),
    (999.996, "1.000", "1,000"),           // carry through all digits
    (0.006, "0,01", "0.01"),
    (0.004, "0", "0"),
    (-0.001, "0", "0"),                    // rounds to zero: no minus sign
    (-1234567.891, "-1.234.567,89", "-1,234,567.89"),
    (1e20, "100.000.000.000.000.000.000", "100,000,000,000,000,000,000"),
    (1e-5, "0", "0"),
    (-0.0, "0", "0"),
])
func decimalsWithDefaultPrecision(value: Double, vi: String, en: String) {
    #expect(VietFormat.decimal(value, .vi) == vi)
    #expect(VietFormat.decimal(value, .en) == en)
}

@Test func decimalPrecisionIsAMaximum() {
    #expect(VietFormat.decimal(3.14159, .vi, maxFractionDigits: 4) == "3,1416")
    #expect(VietFormat.decimal(3.14159, .en, maxFractionDigits: 0) == "3")
    #expect(VietFormat.decimal(2.5, .en, maxFractionDigits: 0) == "3")          // half away from zero
    #expect(VietFormat.decimal(-2.5, .en, maxFractionDigits: 0) == "-3")
    #expect(VietFormat.decimal(1e-5, .en, maxFractionDigits: 6) == "0.00001")
    #expect(VietFormat.decimal(0.5, .vi, maxFractionDigits: 10) == "0,5")       // no padding zeros
    #expect(VietFormat.decimal(1.5, .vi, maxFractionDigits: -3) == "2")         // clamped to 0
    #expect(VietFormat.decimal(0.1, .en, maxFractionDigits: 1000) == "0.1")     // clamped to 20
    #expect(VietFormat.decimal(5e-324, .en, maxFractionDigits: 1000) == "0")
}

@Test func nonFiniteDecimals() {
    for lang in Lang.allCases {
        #expect(VietFormat.decimal(.nan, lang) == "NaN")
        #expect(VietFormat.decimal(.infinity, lang) == "∞")
        #expect(VietFormat.decimal(-.infinity, lang) == "-∞")
    }
}

@Test func shortestDigitsRoundTrip() {
    // The digits the rounding starts from read back as the same Double.
    for value in [2.5, 0.1, 1.0 / 3.0, 1e20, 1e-5, 123456.789, 5e-324, 1.7976931348623157e308] {
        let (digits, point) = VietFormat.shortestDigits(value)
        let text = "0." + digits.map(String.init).joined() + "e\(point)"
        #expect(Double(text) == value, "\(value) → \(text)")
    }
}

@Test func dates() {
    #expect(VietFormat.date(year: 2024, month: 10, day: 15, .vi) == "15/10/2024")
    #expect(VietFormat.date(year: 2024, month: 10, day: 15, .en) == "2024-10-15")
    #expect(VietFormat.date(year: 2009, month: 2, day: 6, .vi) == "06/02/2009")
    #expect(VietFormat.date(year: 2009, month: 2, day: 6, .en) == "2009-02-06")
    #expect(VietFormat.date(year: 987, month: 1, day: 1, .en) == "0987-01-01")
}
