// The terminal chart (DanVanOutput's TerminalChart): bar lengths in eighths of a cell,
// stacked segments that add up to the total's length, shares as percentages, labels aligned
// by terminal cells, numbers in the session's language.
import DanVanOutput
import Testing
import VietText

struct TerminalChartTests {
    @Test func barsAreEighthsOfTheLongest() {
        #expect(TerminalChart.bar(10, maximum: 10) == String(repeating: "█", count: 40))
        // 5 / 10 of 40 cells = 20 cells; 1 / 320 of the maximum is one eighth.
        #expect(TerminalChart.bar(5, maximum: 10) == String(repeating: "█", count: 20))
        #expect(TerminalChart.bar(1, maximum: 320) == "▏")
        #expect(TerminalChart.bar(0, maximum: 10) == "")
        #expect(TerminalChart.bar(-3, maximum: 10) == "")
    }

    @Test func stackedSegmentsAddUpAndHaveALegend() {
        let text = TerminalChart.render(title: nil, categories: ["Hà Nội", "Huế"],
                                        series: [.init(name: "2023", values: [3000, 1000]), .init(name: "2024", values: [1000, 1000])],
                                        style: .stacked, lang: .vi)
        let lines = text.split(separator: "\n").map(String.init)
        // Totals 4.000 and 2.000: 40 and 20 cells; 3000 of 4000 is 30 cells of the first fill.
        #expect(lines[0] == "Hà Nội " + String(repeating: "█", count: 30) + String(repeating: "▓", count: 10) + " 4.000")
        #expect(lines[1] == "Huế    " + String(repeating: "█", count: 10) + String(repeating: "▓", count: 10) + " 2.000")
        #expect(lines[2] == "█ 2023   ▓ 2024")
    }

    @Test func sharesArePercentagesInTheLanguage() {
        let series = [TerminalChart.Series(name: "n", values: [1, 3])]
        let vi = TerminalChart.render(title: "Tỷ trọng", categories: ["a", "b"], series: series, style: .share, lang: .vi)
        #expect(vi == "Tỷ trọng\na " + String(repeating: "█", count: 10) + " 1 (25,0%)\nb " + String(repeating: "█", count: 30) + " 3 (75,0%)")
        let en = TerminalChart.render(title: nil, categories: [], series: series, style: .share, lang: .en)
        #expect(en == "(0 rows)")
    }
}
