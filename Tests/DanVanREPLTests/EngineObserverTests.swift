// The engine's hooks for sessions built on it (the lessons): each entry's outcome, each
// meta-command, added commands, and `submit` running text as if typed.
import Testing
@testable import DanVanREPL
import VietText

@Suite struct EngineObserverTests {
    @Test func theObserverSeesEachEntryWithWhatItPrinted() {
        let h = Harness()
        var seen: [EntryOutcome] = []
        h.engine.onEntry = { seen.append($0) }
        h.type("say chào", "1 + 1", "err")
        #expect(seen == [
            EntryOutcome(text: "say chào", result: .nothing, printed: "chào\n"),
            EntryOutcome(text: "1 + 1", result: .value(.text("=1 + 1")), printed: ""),
            EntryOutcome(text: "err", result: .error("1:1: error: boom"), printed: ""),
        ])
    }

    @Test func theObserverSeesMetaCommandsByTheirOwnName() {
        let h = Harness()
        var commands: [String] = []
        h.engine.onCommand = { commands.append($0 + "|" + $1) }
        h.type(":mode csv", ":q")
        #expect(commands == ["mode|csv", "quit|"])
    }

    @Test func addedCommandsRunAreListedAndCompleted() {
        let h = Harness()
        var ran: [String] = []
        h.engine.extraCommands = [ExtraCommand(name: "hint", help: Localized(vi: "Gợi ý", en: "A hint")) { ran.append($0) }]
        h.type(":hint now")
        #expect(ran == ["now"])
        let help = h.type(":help")
        #expect(help.contains { if case .output(let text) = $0 { return text.contains(":hint") && text.contains("A hint") } else { return false } })
        #expect(h.engine.complete(line: ":hi", cursor: 3).items.map(\.text).contains(":hint "))
        // A mistyped added command gets the same "did you mean" as the table's.
        let typo = h.type(":hnt")
        #expect(typo == [.history(":hnt"), .error("No command ':hnt'. Type :help for the list. Did you mean :hint?\n")])
    }

    @Test func submitRunsEntriesAndCommandsWithoutHistory() {
        let h = Harness()
        var seen: [String] = []
        h.engine.onEntry = { seen.append($0.text) }
        h.engine.submit("f(1,\n2)\n:mode csv\nsay x")
        // A multi-line entry stays one entry; the command between entries runs in its place.
        #expect(h.evaluator.evaluated == ["f(1,\n2)", "say x"])
        #expect(seen == ["f(1,\n2)", "say x"])
        #expect(h.engine.settings.mode == .csv)
        #expect(!h.events.contains { if case .history = $0 { return true } else { return false } })
    }
}
