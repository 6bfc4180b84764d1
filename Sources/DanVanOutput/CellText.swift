// How a cell reads in the human-facing modes (table, markdown, line): numbers in the
// session's language, booleans as words, null as nothing, and text on one line.
import VietText

public enum CellText {
    public static let yes = Localized(vi: "có", en: "yes")
    public static let no = Localized(vi: "không", en: "no")

    public static func human(_ value: CellValue, column: TableModel.Column, lang: Lang) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? yes(lang) : no(lang)
        case .integer(let number): return NumberText.integer(number, lang, grouped: column.groupsDigits)
        case .decimal(let number): return NumberText.decimal(number, lang)
        case .text(let text): return oneLine(text)
        case .named(_, let text): return oneLine(text)
        }
    }

    /// Text that fits on one table line: a line break shows as "↵", a tab as a space, and
    /// other control characters (which would move the cursor) as "�".
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\n", "\r\n", "\r": result += "↵"
            case "\t": result += " "
            default:
                if let scalar = character.unicodeScalars.first,
                   scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\u{FFFD}"
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
