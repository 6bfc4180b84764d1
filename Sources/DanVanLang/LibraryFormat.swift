// The format library: numbers, percentages and dates as text for reports, in the session's
// language (`VM.lang`): `format_number(1808)` is "1.808" in Vietnamese and "1,808" in
// English, `format_percent(0.025)` "2,5%" / "2.5%", `format_date(d)` "15/10/2024" /
// "15 Oct 2024". The rules (grouping, rounding half away from zero) are VietText's
// `VietFormat`, shared with the REPL's tables and the report writers. `null` gives "", so an
// empty group's average leaves its cell blank instead of stopping the report.
import VietText

enum FormatLibrary {
    static let functions: [Builtin] = [
        /// format_number(x): grouped thousands, up to two decimals; format_number(x, digits):
        /// exactly `digits` decimals.
        Builtin("format_number", 1...2) { args in
            if case .null = args[0] { return .text("") }
            let value = try args.number(0)
            let lang = args.vm.lang
            guard args.count == 2 else {
                if case .int(let number) = value { return .text(VietFormat.integer(Int(number), lang)) }
                return .text(VietFormat.decimal(try args.double(0), lang))
            }
            let digits = try FormatLibrary.digits(args, 1)
            if case .int(let number) = value {
                // Exact for every integer, beyond what a Double holds.
                let whole = VietFormat.integer(Int(number), lang)
                guard digits > 0 else { return .text(whole) }
                return .text(whole + (lang == .vi ? "," : ".") + String(repeating: "0", count: digits))
            }
            return .text(VietFormat.fixed(try args.double(0), lang, fractionDigits: digits))
        },
        /// format_percent(ratio): the ratio as a percentage with one decimal (0.025 → "2,5%");
        /// format_percent(ratio, digits) with that many.
        Builtin("format_percent", 1...2) { args in
            if case .null = args[0] { return .text("") }
            let ratio = try args.double(0)
            let digits = args.count == 2 ? try FormatLibrary.digits(args, 1) : 1
            return .text(VietFormat.percent(ratio, args.vm.lang, fractionDigits: digits))
        },
        /// format_date(d): "15/10/2024" in Vietnamese, "15 Oct 2024" in English.
        Builtin("format_date", 1...1) { args in
            if case .null = args[0] { return .text("") }
            let (year, month, day) = try args.date(0).components
            return .text(VietFormat.reportDate(year: year, month: month, day: day, args.vm.lang))
        },
        /// label(column): compiled where it is called (Compiler+Label.swift), since the code
        /// list belongs to the column; a `label` reached as a value has no column to read.
        Builtin("label", 1...1) { _ in throw RuntimeError(LabelMessages.notAColumn) },
    ]

    /// A count of decimals: an integer from 0 to 15 (what a Double holds).
    static func digits(_ args: Arguments, _ position: Int) throws -> Int {
        let digits = try args.int(position)
        guard (0...15).contains(digits) else { throw args.bad(position, because: NumberMessages.digitsRange) }
        return Int(digits)
    }
}
