// `Localized.format` fills `{0}`, `{1}`, … in one pass over the template.
import Testing
import VietText

struct LocalizedTests {
    let message = Localized(vi: "không có '{0}' trong {1}", en: "no '{0}' in {1}")

    @Test func placeholdersAreFilledInEitherLanguage() {
        #expect(message.format(.en, ["x", "units"]) == "no 'x' in units")
        #expect(message.format(.vi, ["x", "đơn vị"]) == "không có 'x' trong đơn vị")
    }

    @Test func anArgumentHoldingAPlaceholderIsLeftAsItIs() {
        // Replacing one placeholder after another once turned "{1}" inside the first argument
        // into the second argument.
        #expect(message.format(.en, ["{1}", "units"]) == "no '{1}' in units")
        #expect(message.format(.en, ["{0}", "{0}"]) == "no '{0}' in {0}")
    }

    @Test func placeholdersWithNoArgumentAndStrayBracesStayLiteral() {
        #expect(message.format(.en, ["x"]) == "no 'x' in {1}")
        #expect(Localized(vi: "{", en: "{a} {12} {} {").format(.en, ["p"]) == "{a} {12} {} {")
        #expect(Localized(vi: "", en: "{0}{0}{1}").format(.en, ["a", "b"]) == "aab")
        let many = (0...11).map { "v\($0)" }
        #expect(Localized(vi: "", en: "{11}-{10}-{1}").format(.en, many) == "v11-v10-v1")
    }
}
