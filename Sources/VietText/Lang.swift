// The two languages of every user-facing text, and the pair type that holds both.
// Each target keeps its own messages beside the code that emits them as `Localized`
// constants; the caller picks the text with the session's `Lang`.

/// The language of user-facing text: Vietnamese or English.
public enum Lang: String, Sendable, CaseIterable {
    case vi, en

    /// Picks the language from `--lang`, else from the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`):
    /// `vi_*` (or `vi`) means Vietnamese, anything else English.
    public static func resolve(flag: String?, environment: [String: String]) -> Lang {
        if let flag, let lang = Lang(rawValue: flag.lowercased()) { return lang }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("vi") ? .vi : .en
        }
        return .en
    }
}

/// A text in both languages. Placeholders `{0}`, `{1}`, … are filled by `callAsFunction`.
public struct Localized: Sendable, Hashable {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The text in `lang` with `{0}`, `{1}`, … replaced by `args` in order.
    public func callAsFunction(_ lang: Lang, _ args: CustomStringConvertible...) -> String {
        format(lang, args.map { $0.description })
    }

    /// One pass over the template: an argument that itself holds `{1}` (a quoted text in an
    /// error) stays as it is, and `{n}` with no argument `n` stays literal.
    public func format(_ lang: Lang, _ args: [String]) -> String {
        let template = (lang == .vi ? vi : en).utf8
        var text = ""
        text.reserveCapacity(template.count + args.reduce(0) { $0 + $1.utf8.count })
        var copied = template.startIndex
        var index = template.startIndex
        while let open = template[index...].firstIndex(of: UInt8(ascii: "{")) {
            var digit = template.index(after: open)
            var number = 0
            while digit < template.endIndex, let value = Localized.digit(template[digit]), number < args.count {
                number = number * 10 + value
                digit = template.index(after: digit)
            }
            if digit > template.index(after: open), digit < template.endIndex,
               template[digit] == UInt8(ascii: "}"), number < args.count {
                text += String(Substring(template[copied..<open]))
                text += args[number]
                copied = template.index(after: digit)
                index = copied
            } else {
                index = template.index(after: open)
            }
        }
        text += String(Substring(template[copied...]))
        return text
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
