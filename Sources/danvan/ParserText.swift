// ArgumentParser's own words in Vietnamese: the headings of a help screen (OVERVIEW, USAGE,
// OPTIONS, …), the help of --help and --version, and the framing and common messages of a
// usage error (Error:, Usage:, "Missing expected argument …"). ArgumentParser writes them
// in English only and offers no hook, so `DanVan.main` passes its finished text through here
// when the help language is Vietnamese. The patterns are the English texts of
// swift-argument-parser 1.8 (Usage/HelpGenerator.swift, MessageInfo.swift,
// UsageGenerator.swift); a text that matches none is left as it is, never lost.
import Foundation
import VietText

enum ParserText {
    /// A rendered help screen in `lang`. Only a help screen (it opens with OVERVIEW or USAGE)
    /// is touched: `--version` output and completion scripts pass through unchanged.
    static func helpScreen(_ text: String, _ lang: Lang) -> String {
        guard lang == .vi, text.hasPrefix(overview) || text.hasPrefix(usageHeading) else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        reindentAfter(prefix: usageHeading, replacement: usageHeadingVi, in: &lines)
        for index in lines.indices {
            var line = lines[index]
            if index == 0, line.hasPrefix(overview) {
                line = overviewVi + String(line.dropFirst(overview.count))
            } else if let heading = headings[line] {
                line = heading
            } else if let (english, vietnamese) = flagHelp.first(where: { line.hasSuffix($0.0) }) {
                line = String(line.dropLast(english.count)) + vietnamese
            } else if let captures = match(detailedHelp.en, line) {
                line = detailedHelp.format(.vi, captures)
            }
            for (english, vietnamese) in replacements {
                line = line.replacingOccurrences(of: english, with: vietnamese)
            }
            // "(values: a, b; default: a)" wrapped between "b;" and "default:".
            if index > 0, lines[index - 1].hasSuffix(";"),
               let start = line.firstIndex(where: { $0 != " " }), line[start...].hasPrefix("default:") {
                line = String(line[..<start]) + "mặc định:" + String(line[start...].dropFirst("default:".count))
            }
            lines[index] = line
        }
        return lines.joined(separator: "\n")
    }

    /// A usage error as ArgumentParser writes it (`Error: MESSAGE`, maybe `Help:  …`, `Usage: …`,
    /// `  See '… --help' for more information.`) in `lang`.
    static func usageError(_ text: String, _ lang: Lang) -> String {
        guard lang == .vi else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        reindentAfter(prefix: usagePrefix, replacement: usagePrefixVi, in: &lines)
        for index in lines.indices {
            let line = lines[index]
            if index == 0, line.hasPrefix(errorPrefix) {
                lines[index] = errorPrefixVi + message(String(line.dropFirst(errorPrefix.count)))
            } else if line.hasPrefix(helpPrefix) {
                lines[index] = helpPrefixVi + String(line.dropFirst(helpPrefix.count))
            } else if let captures = match(seeHelp.en, line) {
                lines[index] = seeHelp.format(.vi, captures)
            } else if index > 0 {
                lines[index] = line.replacingOccurrences(of: subcommand, with: subcommandVi)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One of ArgumentParser's error messages in Vietnamese, or `text` itself when it is none
    /// of them (DanVan's own validation messages are already in the right language).
    static func message(_ text: String) -> String {
        for template in messages {
            if let captures = match(template.en, text) { return template.format(.vi, captures) }
        }
        return text
    }

    // MARK: - The texts

    static let overview = "OVERVIEW: "
    /// Shorter than "OVERVIEW: ", so the abstract ArgumentParser wrapped still fits.
    static let overviewVi = "MÔ TẢ: "
    static let usageHeading = "USAGE: "
    static let usageHeadingVi = "CÁCH DÙNG: "
    static let headings = ["ARGUMENTS:": "ĐỐI SỐ:", "OPTIONS:": "TÙY CHỌN:", "SUBCOMMANDS:": "LỆNH CON:"]
    static let flagHelp = [("Show help information.", "Hiện trợ giúp này."),
                           ("Show the version.", "Hiện số phiên bản.")]
    /// Words inside lines: default values, value lists, the subcommand placeholder of USAGE.
    static let replacements = [("(default:", "(mặc định:"), ("; default:", "; mặc định:"), ("(values:", "(giá trị:"),
                               (subcommand, subcommandVi)]
    static let subcommand = "<subcommand>"
    static let subcommandVi = "<lệnh-con>"
    static let detailedHelp = Localized(vi: "  Xem '{0} <lệnh-con>' để có trợ giúp chi tiết.",
                                        en: "  See '{0} <subcommand>' for detailed help.")

    static let errorPrefix = "Error: "
    static let errorPrefixVi = "Lỗi: "
    static let helpPrefix = "Help:  "
    static let helpPrefixVi = "Trợ giúp:  "
    static let usagePrefix = "Usage: "
    static let usagePrefixVi = "Cách dùng: "
    static let seeHelp = Localized(vi: "  Xem '{0}' để biết thêm.", en: "  See '{0}' for more information.")

    /// ArgumentParser's messages, the more specific before the more general (a template's
    /// placeholders take the shortest text up to the next literal; the last one takes the rest).
    static let messages: [Localized] = [
        Localized(vi: "không có tùy chọn '{0}'; có phải ý bạn là '{1}'?",
                  en: "Unknown option '{0}'. Did you mean '{1}'?"),
        Localized(vi: "không có tùy chọn '{0}'", en: "Unknown option '{0}'"),
        Localized(vi: "thiếu giá trị cho '{0}'", en: "Missing value for '{0}'"),
        Localized(vi: "thừa đối số '{0}'", en: "Unexpected argument '{0}'"),
        Localized(vi: "thừa {0} đối số: {1}", en: "{0} unexpected arguments: {1}"),
        Localized(vi: "thiếu đối số '{0}'", en: "Missing expected argument '{0}'"),
        Localized(vi: "thiếu một trong: {0}", en: "Missing one of: {0}"),
        Localized(vi: "tùy chọn '{0}' không nhận giá trị, nhưng lại được cho '{1}'.",
                  en: "The option '{0}' does not take any value, but '{1}' was specified."),
        Localized(vi: "giá trị '{0}' không hợp lệ cho '{1}'{2}", en: "The value '{0}' is invalid for '{1}'{2}"),
        Localized(vi: "tùy chọn không hợp lệ: {0}", en: "Invalid option: {0}"),
    ]

    // MARK: - Helpers

    /// Replaces `prefix` at the start of a line with `replacement` and shifts the lines that
    /// hang under it (indented by the prefix's width) so they stay aligned.
    private static func reindentAfter(prefix: String, replacement: String, in lines: inout [String]) {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return }
        lines[start] = replacement + String(lines[start].dropFirst(prefix.count))
        let hanging = String(repeating: " ", count: prefix.count)
        let extra = String(repeating: " ", count: max(0, replacement.count - prefix.count))
        var index = start + 1
        while index < lines.count, lines[index].hasPrefix(hanging) {
            lines[index] = extra + lines[index]
            index += 1
        }
    }

    /// The texts `template`'s placeholders `{0}`, `{1}`, … stand for in `text`, or nil when
    /// `text` does not have the template's shape. Each placeholder takes the shortest text up
    /// to the literal after it; the last one takes everything up to the template's end.
    static func match(_ template: String, _ text: String) -> [String]? {
        var literals: [Substring] = []
        var slots: [Int] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"),
              let close = rest[open...].firstIndex(of: "}"),
              let slot = Int(rest[rest.index(after: open)..<close]) {
            literals.append(rest[..<open])
            slots.append(slot)
            rest = rest[rest.index(after: close)...]
        }
        literals.append(rest)
        guard let first = literals.first, text.hasPrefix(first) else { return nil }
        if slots.isEmpty { return text == template ? [] : nil }
        var captures = Array(repeating: "", count: (slots.max() ?? 0) + 1)
        var remaining = text.dropFirst(first.count)
        for (position, slot) in slots.enumerated() {
            let literal = literals[position + 1]
            if position == slots.count - 1 {
                guard remaining.hasSuffix(literal) else { return nil }
                captures[slot] = String(remaining.dropLast(literal.count))
            } else {
                guard !literal.isEmpty, let found = remaining.firstRange(of: literal) else { return nil }
                captures[slot] = String(remaining[..<found.lowerBound])
                remaining = remaining[found.upperBound...]
            }
        }
        return captures
    }
}
