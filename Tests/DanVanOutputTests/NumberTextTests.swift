// Numbers the Vietnamese and the English way.
import Testing
@testable import DanVanOutput

@Suite struct NumberTextTests {
    @Test func integersGroupThousands() {
        #expect(NumberText.integer(1808, .vi) == "1.808")
        #expect(NumberText.integer(1808, .en) == "1,808")
        #expect(NumberText.integer(999, .vi) == "999")
        #expect(NumberText.integer(-1_234_567, .vi) == "-1.234.567")
        #expect(NumberText.integer(2024, .vi, grouped: false) == "2024")
        #expect(NumberText.integer(Int64.min, .vi) == "-9.223.372.036.854.775.808")
    }

    @Test func decimalsUseTheLanguagesMark() {
        #expect(NumberText.decimal(2.5, .vi) == "2,5")
        #expect(NumberText.decimal(2.5, .en) == "2.5")
        #expect(NumberText.decimal(1234.5, .vi) == "1.234,5")
        #expect(NumberText.decimal(1234.5, .en) == "1,234.5")
        #expect(NumberText.decimal(3.0, .vi) == "3")
        #expect(NumberText.decimal(-0.25, .vi) == "-0,25")
        #expect(NumberText.decimal(1e20, .en) == "1e+20")
        #expect(NumberText.decimal(.nan, .en) == "NaN")
        // Shown exactly, never rounded to a report's two digits.
        #expect(NumberText.decimal(9.125, .vi) == "9,125")
        #expect(NumberText.decimal(0.1 + 0.2, .en) == "0.30000000000000004")
        #expect(NumberText.decimal(0.00012345678901234567, .en) == "0.00012345678901234567")
        #expect(NumberText.decimal(1e-5, .vi) == "1e-05")
    }

    @Test func fixedDigitsForTimings() {
        #expect(NumberText.fixed(12.345, digits: 1, .vi) == "12,3")
        #expect(NumberText.fixed(12.345, digits: 1, .en) == "12.3")
    }
}
