import EnbekshiCore
import Foundation

/// A bar chart drawn on the server as SVG (the room runs no JavaScript): one bar per bucket,
/// stacked by series, with its scale, first and last labels, and the figures again as a table for
/// screen readers and for copying.
struct SVGChart {
    struct Series {
        var name: String
        var colour: String
        var values: [Double]
    }

    var title: String
    var unit: String
    var labels: [String]
    var series: [Series]

    static let width = 720.0, height = 200.0, left = 56.0, bottom = 24.0, top = 10.0

    func render() -> String {
        let e = HTMLEscaping.escape
        let totals = labels.indices.map { index in series.reduce(0) { $0 + ($1.values.indices.contains(index) ? $1.values[index] : 0) } }
        let maximum = Self.niceCeiling(totals.max() ?? 0)
        let plotWidth = Self.width - Self.left - 8, plotHeight = Self.height - Self.bottom - Self.top
        let step = plotWidth / Double(max(1, labels.count))
        var svg = """
            <figure class="chart">
            <figcaption>\(e(title))</figcaption>
            <svg viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" width="100%" role="img" aria-label="\(e(title))">
            <line x1="\(Self.left)" y1="\(Self.top + plotHeight)" x2="\(Self.width - 8)" y2="\(Self.top + plotHeight)" stroke="#555"/>
            <text x="\(Self.left - 6)" y="\(Self.top + plotHeight)" text-anchor="end" font-size="11">0</text>
            <line x1="\(Self.left)" y1="\(Self.top)" x2="\(Self.width - 8)" y2="\(Self.top)" stroke="#ccc" stroke-dasharray="3 3"/>

            """
        if maximum > 0 {
            svg += "<text x=\"\(Self.left - 6)\" y=\"\(Self.top + 10)\" text-anchor=\"end\" font-size=\"11\">\(e(Self.format(maximum)))</text>\n"
        } else {
            svg += "<text x=\"\(Self.left + 8)\" y=\"\(Self.top + plotHeight / 2)\" font-size=\"12\">Nothing in this span.</text>\n"
        }
        for index in labels.indices {
            var base = Self.top + plotHeight
            for entry in series {
                let value = entry.values.indices.contains(index) ? entry.values[index] : 0
                guard value > 0, maximum > 0 else { continue }
                let height = value / maximum * plotHeight
                base -= height
                let x = Self.left + Double(index) * step + step * 0.1
                svg += "<rect x=\"\(Self.round(x))\" y=\"\(Self.round(base))\" width=\"\(Self.round(step * 0.8))\" height=\"\(Self.round(height))\" fill=\"\(entry.colour)\"><title>\(e(labels[index])): \(e(entry.name)) \(e(Self.format(value)))</title></rect>\n"
            }
        }
        if let first = labels.first, let last = labels.last {
            svg += "<text x=\"\(Self.left)\" y=\"\(Self.height - 6)\" font-size=\"11\">\(e(first))</text>\n"
            svg += "<text x=\"\(Self.width - 8)\" y=\"\(Self.height - 6)\" text-anchor=\"end\" font-size=\"11\">\(e(last))</text>\n"
        }
        svg += "</svg>\n"
        if series.count > 1 {
            svg += "<ul class=\"legend\">" + series.map { "<li><svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"\($0.colour)\"/></svg>\(e($0.name))</li>" }.joined() + "</ul>\n"
        }
        svg += "<details><summary>Figures (\(e(unit)))</summary>\n<table>\n<thead><tr><th scope=\"col\">When</th>"
        svg += series.map { "<th scope=\"col\">\(e($0.name))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for index in labels.indices where series.contains(where: { $0.values.indices.contains(index) && $0.values[index] > 0 }) {
            svg += "<tr><td>\(e(labels[index]))</td>" + series.map { "<td>\(e(Self.format($0.values.indices.contains(index) ? $0.values[index] : 0)))</td>" }.joined() + "</tr>\n"
        }
        svg += "</tbody>\n</table>\n</details>\n</figure>\n"
        return svg
    }

    /// The scale's top: 1, 2 or 5 times a power of ten, at least the largest value.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        let power = pow(10, (log10(value)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func round(_ value: Double) -> String { String(format: "%.1f", value) }
}
