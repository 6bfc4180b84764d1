// Did-you-mean picks the same name whatever order the candidates come in (they come partly
// from dictionaries, whose order changes between runs), and prefers a name as long as the one
// typed: `nma` is `nam` with two letters swapped.
import Testing
import VietText

@Suite struct NameSuggestionTests {
    @Test func tiesAreBrokenByAFixedRuleNotByOrder() {
        let candidates = ["ma", "nam", "name", "map", "title"]
        for _ in 0..<20 {
            #expect(NameSuggestion.closest(to: "nma", among: candidates.shuffled()) == "nam")
        }
        // Two names equally close and equally long: the alphabetically first, every time.
        for _ in 0..<20 {
            #expect(NameSuggestion.closest(to: "cat", among: ["cut", "bat", "cot"].shuffled()) == "bat")
        }
    }

    @Test func aCloserNameStillWins() {
        #expect(NameSuggestion.closest(to: "selct", among: ["split", "select"]) == "select")
        #expect(NameSuggestion.closest(to: "retrun", among: ["return", "round"]) == "return")
        #expect(NameSuggestion.closest(to: "xy", among: ["xyz"]) == nil)
    }
}
