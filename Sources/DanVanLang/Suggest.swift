// "Did you mean ...?" in the language's messages: the closest known name to a misspelt one
// (VietText's `NameSuggestion`: without diacritics or case, by edit distance under a small
// threshold), as a hint of the message.
import VietText

public enum Suggest {
    /// The closest candidate within the threshold, or nil. The REPL uses it for misspelt
    /// meta-commands too.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        NameSuggestion.closest(to: name, among: candidates)
    }

    static let hint = Localized(vi: "có phải ý bạn là '{0}'?", en: "did you mean '{0}'?")

    /// A message with the "did you mean" tail when a close name exists.
    static func message(_ template: Localized, _ args: [MessageArg], name: String, candidates: [String]) -> Message {
        if let suggestion = closest(to: name, among: candidates) {
            return Message(template, args, hint: hint, hintArgs: [.plain(suggestion)])
        }
        return Message(template, args)
    }
}
