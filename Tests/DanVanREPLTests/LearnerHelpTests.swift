// Help for a learner's first minutes: every stage word, keyword, statement word and operator
// has a bilingual `:help` entry with an example that parses (and, for a query, runs), and
// `:help functions` lists every built-in by group.
import DanVanLang
import Foundation
import Testing
import VietText
@testable import DanVanREPL

@Suite struct LearnerHelpTests {
    /// The operators among the lexer's symbols; brackets and separators have no entry.
    static let punctuation: Set<Symbol> = [.leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace,
                                           .rightBrace, .comma, .dot, .colon, .semicolon]

    @Test func everyLanguageWordHasHelpInBothLanguages() throws {
        let f = try LanguageFixture()
        let words = Token.stageWords.sorted() + Keyword.allCases.map(\.rawValue) + Token.statementWords.sorted()
            + Symbol.allCases.filter { !Self.punctuation.contains($0) }.map(\.rawValue)
        for word in words {
            let english = f.evaluator.help(topic: word, lang: .en)
            let vietnamese = f.evaluator.help(topic: word, lang: .vi)
            #expect(english?.contains("Example: ") == true, "no English help on '\(word)'")
            #expect(vietnamese?.contains("Ví dụ: ") == true, "no Vietnamese help on '\(word)'")
            #expect(english != vietnamese, "'\(word)' is not translated")
            #expect(f.evaluator.helpTopics.contains(word))
        }
        #expect(f.evaluator.help(topic: "where", lang: .en)?.contains("models | where year == 2024") == true)
        #expect(f.evaluator.help(topic: "~", lang: .en)?.contains("ignoring diacritics") == true)
        #expect(f.evaluator.help(topic: "for", lang: .vi)?.contains("từng phần tử") == true)
        #expect(f.evaluator.help(topic: "group by", lang: .en)?.contains("group by year") == true)
        // `count` is a built-in and a stage: both helps, the built-in first.
        let count = try #require(f.evaluator.help(topic: "count", lang: .en))
        #expect(count.hasPrefix("count(xs)") && count.contains("Stage: the number of rows"))
    }

    @Test func everyExampleParsesAndEveryQueryExampleRuns() throws {
        let f = try LanguageFixture()
        for entry in SyntaxHelp.entries {
            #expect(f.evaluator.completeness(of: entry.example) == .complete, "\(entry.words): \(entry.example)")
            let changes = ["update", "delete", "insert", "transaction", "import", "param", "expect"]
            guard entry.example.hasPrefix("models |"), !changes.contains(where: entry.example.contains) else { continue }
            if case .error(let text) = f.run(entry.example).result { Issue.record("\(entry.words): \(text)") }
        }
    }

    @Test func functionsAreListedByGroup() throws {
        let f = try LanguageFixture()
        let english = try #require(f.evaluator.help(topic: "functions", lang: .en))
        let vietnamese = try #require(f.evaluator.help(topic: "functions", lang: .vi))
        for heading in ["Core:", "Text:", "Numbers:", "Dates:", "Lists:", "Queries:", "Reports and formats:", "Scripts:"] {
            #expect(english.contains("\n" + heading) || english.hasPrefix(heading), "no group \(heading)")
        }
        #expect(vietnamese.hasPrefix("Cơ bản:") && vietnamese.contains("Làm tròn"))
        for entry in BuiltinHelp.entries { #expect(english.contains("  " + entry.usage + "\n"), "\(entry.name) missing") }
        #expect(english.contains("Numbers:\n  round(x), round(x, digits)\n"))
    }
}
