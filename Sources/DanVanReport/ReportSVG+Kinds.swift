// The four kinds of chart. Bars run across the page (horizontal), because categories are
// usually units or fields with long Vietnamese names that would not fit under a column; a
// line chart runs along the categories (years, months); a pie shows shares with a legend.
import DanVanOutput
import Foundation
import VietText

extension ReportSVG {
    static func horizontalBars(_ chart: ReportChart, lang: Lang, id: String, stacked: Bool) -> String {
        let series = chart.series
        let count = chart.categories.count
        let labelWidth = min(250, max(60, (chart.categories.map { textWidth($0) }.max() ?? 0) + 10))
        let left = labelWidth + 6, right = width - 64
        let barHeight = stacked || series.count == 1 ? 20.0 : 14.0
        let band = (stacked ? barHeight : barHeight * Double(series.count)) + 8
        let (legendText, legendHeight) = legend(series, y: 4, id: id)
        let top = 6 + legendHeight
        let totals = (0..<count).map { index in
            series.reduce(0.0) { $0 + max(0, index < $1.values.count ? $1.values[index] : 0) }
        }
        let maximum = stacked ? (totals.max() ?? 0) : (series.flatMap(\.values).max() ?? 0)
        let (axisTop, step) = scale(maximum)
        let plotWidth = right - left
        let bottom = top + band * Double(count)
        var body = legendText
        // Grid lines and their values under the plot.
        var tick = 0.0
        while tick <= axisTop + step / 2 {
            let x = left + tick / axisTop * plotWidth
            body += #"<line x1="\#(format(x))" y1="\#(format(top - 2))" x2="\#(format(x))" y2="\#(format(bottom))" stroke="rgb(176,176,176)" stroke-width="0.5" stroke-dasharray="2 2"/>"#
            body += text(x, bottom + 15, TerminalChart.number(tick, lang), anchor: "middle", size: 11.5)
            tick += step
        }
        body += #"<line x1="\#(format(left))" y1="\#(format(top - 2))" x2="\#(format(left))" y2="\#(format(bottom))" stroke="black" stroke-width="0.8"/>"#
        for (index, category) in chart.categories.enumerated() {
            let y = top + band * Double(index) + 4
            let labelY = y + (band - 8) / 2 + 4.5
            body += text(left - 5, labelY, truncate(category, to: labelWidth - 6), anchor: "end")
            if stacked {
                var x = left
                for (position, one) in series.enumerated() {
                    let value = max(0, index < one.values.count ? one.values[index] : 0)
                    let w = value / axisTop * plotWidth
                    body += rect(x, y, w, barHeight, fill: fill(position, id: id))
                    let label = TerminalChart.number(value, lang)
                    if value > 0, w > textWidth(label, size: 11.5) + 6 {
                        body += insideLabel(x + w / 2, y + barHeight / 2 + 4, label, fillIndex: position, size: 11.5)
                    }
                    x += w
                }
                body += text(x + 4, y + barHeight / 2 + 4.5, TerminalChart.number(totals[index], lang), bold: true)
            } else {
                for (position, one) in series.enumerated() {
                    let value = index < one.values.count ? one.values[index] : 0
                    let barY = y + barHeight * Double(position)
                    let w = max(0, value) / axisTop * plotWidth
                    body += rect(left, barY, w, barHeight, fill: fill(position, id: id))
                    body += text(left + w + 4, barY + barHeight / 2 + 4.5, TerminalChart.number(value, lang),
                                 size: series.count > 1 ? 9.5 : nil)
                }
            }
        }
        return svg(height: bottom + 22, id: id, body: body)
    }

    /// Dash patterns and markers of the line series, apart in black and white.
    static let dashes = ["", "7 4", "2 3", "9 3 2 3"]

    static func marker(_ x: Double, _ y: Double, index: Int) -> String {
        let fillColour = index % 2 == 0 ? "black" : "white"
        let style = #"fill="\#(fillColour)" stroke="black" stroke-width="1""#
        switch index % 4 {
        case 0: return #"<circle cx="\#(format(x))" cy="\#(format(y))" r="3.2" \#(style)/>"#
        case 1: return #"<rect x="\#(format(x - 3))" y="\#(format(y - 3))" width="6" height="6" \#(style)/>"#
        case 2: return #"<path d="M\#(format(x)) \#(format(y - 3.8))L\#(format(x + 3.6)) \#(format(y + 2.6))L\#(format(x - 3.6)) \#(format(y + 2.6))Z" \#(style)/>"#
        default: return #"<path d="M\#(format(x)) \#(format(y - 4))L\#(format(x + 4)) \#(format(y))L\#(format(x)) \#(format(y + 4))L\#(format(x - 4)) \#(format(y))Z" \#(style)/>"#
        }
    }

    static func lineSample(_ x: Double, _ y: Double, index: Int) -> String {
        let dash = dashes[index % dashes.count]
        return #"<line x1="\#(format(x))" y1="\#(format(y))" x2="\#(format(x + 22))" y2="\#(format(y))" stroke="black" stroke-width="1.6"\#(dash.isEmpty ? "" : #" stroke-dasharray="\#(dash)""#)/>"#
            + marker(x + 11, y, index: index)
    }

    static func line(_ chart: ReportChart, lang: Lang, id: String) -> String {
        let series = chart.series
        let count = chart.categories.count
        let (legendText, legendHeight) = legend(series, y: 4, id: id, lines: true)
        let top = 10 + legendHeight, plotHeight = 220.0
        let values = series.flatMap(\.values)
        let (axisTop, step) = scale(values.max() ?? 0)
        let axisBottom = min(0, values.min() ?? 0)
        let left = 14 + (values.map { textWidth(TerminalChart.number($0, lang), size: 11.5) }.max() ?? 20), right = width - 12
        let span = max(axisTop - axisBottom, 1e-9)
        let slot = (right - left) / Double(count)
        func xAt(_ index: Int) -> Double { left + slot * (Double(index) + 0.5) }
        func yAt(_ value: Double) -> Double { top + plotHeight - (value - axisBottom) / span * plotHeight }
        var body = legendText
        var tick = axisBottom
        while tick <= axisTop + step / 2 {
            let y = yAt(tick)
            body += #"<line x1="\#(format(left))" y1="\#(format(y))" x2="\#(format(right))" y2="\#(format(y))" stroke="rgb(176,176,176)" stroke-width="0.5" stroke-dasharray="2 2"/>"#
            body += text(left - 4, y + 3.5, TerminalChart.number(tick, lang), anchor: "end", size: 11.5)
            tick += step
        }
        body += #"<line x1="\#(format(left))" y1="\#(format(top + plotHeight))" x2="\#(format(right))" y2="\#(format(top + plotHeight))" stroke="black" stroke-width="0.8"/>"#
        // Every label when they fit, else every second, third… so they never overlap.
        let widest = chart.categories.map { textWidth($0, size: 12) }.max() ?? 0
        let every = max(1, Int((min(widest, 110) + 8) / slot) + 1)
        for (index, category) in chart.categories.enumerated() where index % every == 0 {
            body += text(xAt(index), top + plotHeight + 16, truncate(category, to: 110, size: 12), anchor: "middle", size: 12)
        }
        if !chart.xLabel.isEmpty {
            body += text((left + right) / 2, top + plotHeight + 34, chart.xLabel, anchor: "middle", size: 12)
        }
        let labelPoints = count <= 12 && series.count <= 2
        for (position, one) in series.enumerated() {
            let points = one.values.indices.map { "\(format(xAt($0))),\(format(yAt(one.values[$0])))" }.joined(separator: " ")
            let dash = dashes[position % dashes.count]
            body += #"<polyline points="\#(points)" fill="none" stroke="black" stroke-width="1.6"\#(dash.isEmpty ? "" : #" stroke-dasharray="\#(dash)""#)/>"#
            for (index, value) in one.values.enumerated() {
                body += marker(xAt(index), yAt(value), index: position)
                if labelPoints {
                    let offset = position == 0 ? -7.0 : 14.0
                    body += text(xAt(index), yAt(value) + offset, TerminalChart.number(value, lang), anchor: "middle", size: 11.5, halo: true)
                }
            }
        }
        return svg(height: top + plotHeight + (chart.xLabel.isEmpty ? 24 : 40), id: id, body: body)
    }

    static func pie(_ chart: ReportChart, lang: Lang, id: String) -> String {
        let values = chart.series.first?.values.map { max(0, $0) } ?? []
        let total = values.reduce(0, +)
        let radius = 115.0, cx = 135.0
        let legendRows = Double(chart.categories.count) * 21
        let height = max(2 * radius + 20, legendRows + 20)
        let cy = radius + 10
        var body = ""
        var angle = -Double.pi / 2
        for (index, value) in values.enumerated() where total > 0 && value > 0 {
            let share = value / total
            let end = angle + share * 2 * Double.pi
            if share >= 0.9999 {
                body += #"<circle cx="\#(format(cx))" cy="\#(format(cy))" r="\#(format(radius))" fill="\#(fill(index, id: id))" stroke="black" stroke-width="0.6"/>"#
            } else {
                let large = share > 0.5 ? 1 : 0
                let start = (cx + radius * cos(angle), cy + radius * sin(angle))
                let stop = (cx + radius * cos(end), cy + radius * sin(end))
                body += #"<path d="M\#(format(cx)) \#(format(cy))L\#(format(start.0)) \#(format(start.1))A\#(format(radius)) \#(format(radius)) 0 \#(large) 1 \#(format(stop.0)) \#(format(stop.1))Z" fill="\#(fill(index, id: id))" stroke="black" stroke-width="0.6"/>"#
            }
            if share >= 0.06 {
                let middle = (angle + end) / 2
                body += insideLabel(cx + radius * 0.62 * cos(middle), cy + radius * 0.62 * sin(middle) + 4,
                                    NumberText.fixed(share * 100, digits: 1, lang) + "%", fillIndex: index, size: 13, bold: true)
            }
            angle = end
        }
        let legendX = cx + radius + 30
        for (index, category) in chart.categories.enumerated() {
            let y = 10 + Double(index) * 21
            let value = index < values.count ? values[index] : 0
            let share = total > 0 ? value / total * 100 : 0
            body += rect(legendX, y, 14, 12, fill: fill(index, id: id))
            let label = truncate(category, to: width - legendX - 130) + ": " + TerminalChart.number(value, lang)
                + " (" + NumberText.fixed(share, digits: 1, lang) + "%)"
            body += text(legendX + 20, y + 11, label)
        }
        return svg(height: height, id: id, body: body)
    }
}
