import Foundation

/// How gov.kz's items are written as JSON for keeping: sorted keys, slashes as they are. One place,
/// because the store finds an item's body inside that text by encoding it the same way.
public enum StoredJSON {
    public static func text(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
