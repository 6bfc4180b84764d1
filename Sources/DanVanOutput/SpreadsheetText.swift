// Text cells a spreadsheet would run as a formula ("CSV injection", OWASP): Excel, LibreOffice
// and Google Sheets take a cell that starts with `=`, `+`, `-` or `@` as a formula, and tab
// or CR at the start lets one slip past a check of the first character. So every CSV DanVan
// writes for people (`danvan export`, `--mode csv`, `:output`, a report's .csv) puts a single
// quote before such a text: the spreadsheet shows the text and runs nothing. Numbers are not
// text and are never marked (-5 stays -5; the text "-5 điểm" becomes "'-5 điểm").
//
// The mark can be taken off again, exactly: a text whose first character after its leading
// quotes is one of the six gets one more quote, so "'=x" (a person's own quote) is written
// "''=x", and `unmark` drops exactly one quote from such a text. `danvan import` unmarks, so
// export → import gives back every text byte for byte.

public enum SpreadsheetText {
    /// The first characters that make a spreadsheet read a cell as a formula.
    static let triggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"),
                                        UInt8(ascii: "@"), 0x09, 0x0D]
    static let quote = UInt8(ascii: "'")

    /// Whether `text` is (after any leading single quotes) a formula for a spreadsheet.
    public static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { $0 != quote }) else { return false }
        return triggers.contains(first)
    }

    /// `text` with a leading `'` when a spreadsheet would take it for a formula.
    public static func neutralized(_ text: String) -> String {
        startsLikeFormula(text) ? "'" + text : text
    }

    /// `text` without the mark `neutralized` added: one leading `'` dropped when what follows
    /// the quotes is a formula's first character; any other text as it is.
    public static func unmarked(_ text: String) -> String {
        guard text.utf8.first == quote, startsLikeFormula(text) else { return text }
        // The quote is one ASCII byte: dropping it leaves valid UTF-8.
        return String(decoding: text.utf8.dropFirst(), as: UTF8.self)
    }
}
