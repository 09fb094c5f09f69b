import Foundation

/// A URL's query string as names and values, read as browsers write it: HTML forms send
/// `application/x-www-form-urlencoded`, where `+` is a space (`q=tax+OR+bank`), and both names and
/// values are percent-encoded. A repeated name keeps its first value; a value whose percent-encoding
/// is broken is kept as it came (with `+` still read as a space), for the page to reject or show.
public enum QueryItems {
    public static func parse(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var items: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            guard !name.isEmpty, items[name] == nil else { continue }
            items[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return items
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
