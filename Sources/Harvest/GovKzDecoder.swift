import Foundation

/// Tolerant decoding of gov.kz answers (API.md "What to build against first").
public enum GovKzDecoder {
    /// A list page: a bare array, or an array under `content`, `data` or `items`.
    /// Elements without a usable id are skipped and counted.
    public static func decodeList(_ data: some Collection<UInt8>) throws(GovKzError) -> (items: [GovKzItem], skipped: Int) {
        let value = try parse(data)
        let array: [JSONValue]
        switch value {
        case .array(let elements):
            array = elements
        case .object:
            guard let inner = ["content", "data", "items"].lazy.compactMap({ key -> [JSONValue]? in
                if case .array(let elements)? = value[key] { return elements }
                return nil
            }).first else {
                throw .malformedJSON("an object with no content/data/items array")
            }
            array = inner
        default:
            throw .malformedJSON("neither an array nor an object")
        }
        var items: [GovKzItem] = []
        var skipped = 0
        for element in array {
            if let item = item(from: element) { items.append(item) } else { skipped += 1 }
        }
        return (items, skipped)
    }

    /// A detail answer: an object, possibly wrapped in `data` or `content`. Nil when it holds no item.
    public static func decodeDetail(_ data: some Collection<UInt8>) throws(GovKzError) -> GovKzItem? {
        let value = try parse(data)
        if let item = item(from: value) { return item }
        for key in ["data", "content"] {
            if let inner = value[key], let item = item(from: inner) { return item }
            if case .array(let elements)? = value[key], let first = elements.first, let item = item(from: first) {
                return item
            }
        }
        if case .array(let elements) = value, let first = elements.first { return item(from: first) }
        return nil
    }

    /// Either shape, for recorded files: a list page or a single item. `defaultID` is given to a
    /// single item recorded without one (items republished elsewhere, whose id is known separately).
    public static func decodeAny(_ data: some Collection<UInt8>, defaultID: String? = nil) throws(GovKzError) -> [GovKzItem] {
        if let defaultID, case .object(var object) = try parse(data), object["id"]?.text == nil {
            object["id"] = .string(defaultID)
            if let item = item(from: .object(object)) { return [item] }
        }
        if let list = try? decodeList(data), !list.items.isEmpty { return list.items }
        if let item = try decodeDetail(data) { return [item] }
        return []
    }

    static func parse(_ data: some Collection<UInt8>) throws(GovKzError) -> JSONValue {
        let bytes = Array(data)
        guard let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) else {
            throw .malformedJSON("empty answer")
        }
        if first == UInt8(ascii: "<") { throw .notJSON(contentType: "text/html (by its first byte)") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .malformedJSON(Self.summary(error))
        }
    }

    static func summary(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.debugDescription
        }
        return String(describing: error).prefix(200).description
    }

    /// Reads one item leniently; nil without an id.
    public static func item(from value: JSONValue) -> GovKzItem? {
        guard case .object = value, let id = value["id"]?.text?.trimmingCharacters(in: .whitespaces), !id.isEmpty
        else { return nil }
        func text(_ keys: String...) -> String? {
            for key in keys {
                if let text = value[key]?.text { return text }
            }
            return nil
        }
        return GovKzItem(
            id: id, title: text("title"), slug: text("slug", "alias"),
            body: text("body", "text", "content", "description"), heropic: text("heropic"),
            createdDate: text("created_date", "publication_date", "updated_date", "date"),
            shortDescription: text("short_description"), raw: value)
    }
}
