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

    public func format(_ lang: Lang, _ args: [String]) -> String {
        var text = lang == .vi ? vi : en
        for (index, arg) in args.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: arg)
        }
        return text
    }
}
